"""Self-assessment pages: the table, starting, saving (the draft stays a draft), submitting
after confirmation, the lock (409 naming the state), reopening, read-only views, exports,
and every page in the seven languages."""

import pytest

from lmec.cooperation.models import SelfAssessment
from lmec.cooperation.services import evaluation as services
from tests.helpers import LANGUAGES, page_html

URL = "/en/evaluation/TH/2024/"


def who(users, name):
    if name.startswith("focal-"):
        return users.focal[name[6:]]
    return getattr(users, name)


@pytest.fixture
def draft(users):
    return services.start_assessment(user=users.focal["TH"], country="TH", year=2024)


def _form(assessment, **changes):
    data = {"action": "save", "summary": assessment.summary}
    for entry in assessment.entries.all():
        for field in ("status", "achievements", "challenges", "next_steps"):
            data[f"e{entry.pk}-{field}"] = getattr(entry, field)
        data[f"e{entry.pk}-rating"] = entry.rating or ""
    data.update(changes)
    return data


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_shows_the_table_in_every_language(client, users, draft, lang):
    services.submit_assessment(user=users.focal["TH"], assessment=draft)
    html = page_html(client, f"/{lang}/evaluation/", lang)
    assert 'data-country="TH" data-year="2024" data-state="submitted"' in html
    assert 'data-country="LA" data-year="2024" data-state="none"' in html
    page_html(client, f"/{lang}{URL[3:]}", lang)


def test_it_offers_start_only_where_the_user_may(client, users):
    client.force_login(users.focal["LA"])
    html = client.get("/en/evaluation/").content.decode()
    assert html.count(">Start</a>") == 5  # Laos, 2023-2027
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"action": "start"}).status_code == 403
    assert not SelfAssessment.objects.exists()


def test_it_starts_from_the_page(client, users):
    client.force_login(users.focal["TH"])
    assert "Start the self-assessment" in client.get(URL).content.decode()
    answer = client.post(URL, {"action": "start"})
    assert answer.status_code == 302 and answer["Location"] == URL
    assert SelfAssessment.objects.get().entries.count() == 36


def test_it_saves_the_form_and_keeps_the_draft(client, users, draft):
    entry = draft.entries.get(activity__code="D4-A3-1")
    client.force_login(users.focal["TH"])
    data = _form(draft, summary="ภาพรวม")
    data.update({f"e{entry.pk}-rating": "4", f"e{entry.pk}-achievements": "เครือข่าย PM2.5"})
    answer = client.post(URL, data)
    assert answer.status_code == 302
    entry.refresh_from_db()
    draft.refresh_from_db()
    assert (entry.rating, entry.achievements, draft.summary, draft.status) == (
        4, "เครือข่าย PM2.5", "ภาพรวม", "draft",
    )  # fmt: skip
    assert "Saved. The self-assessment stays a draft." in client.get(URL).content.decode()


def test_it_keeps_the_typed_answers_when_one_is_wrong(client, users, draft):
    entry = draft.entries.get(activity__code="D1-A1-1")
    client.force_login(users.focal["TH"])
    data = _form(draft)
    data.update({f"e{entry.pk}-status": "finished", f"e{entry.pk}-achievements": "Typed text"})
    html = client.post(URL, data).content.decode()
    assert "Nothing was saved" in html and "status: Choose one of" in html
    assert "Typed text</textarea>" in html
    entry.refresh_from_db()
    assert entry.achievements == ""


def test_it_submits_after_confirmation_and_then_refuses_saving(client, users, draft):
    client.force_login(users.focal["TH"])
    confirm = client.get(URL + "submit/").content.decode()
    assert "36 of 36 answers have no rating yet." in confirm
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert client.post(URL + "submit/").status_code == 302
    draft.refresh_from_db()
    assert draft.status == "submitted"
    html = client.get(URL).content.decode()
    assert "<textarea" not in html and "Reopen" not in html
    refused = client.post(URL, _form(draft, summary="late"))
    assert refused.status_code == 409
    assert "TH for 2024 is submitted and locked" in refused.content.decode()
    assert client.post(URL + "submit/").status_code == 409


def test_it_lets_an_editor_reopen_from_the_page(client, users, draft):
    services.submit_assessment(user=users.focal["TH"], assessment=draft)
    client.force_login(users.focal["TH"])
    assert client.post(URL, {"action": "reopen"}).status_code == 403
    client.force_login(users.editor)
    assert client.post(URL, {"action": "reopen"}).status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.reopened_by) == ("draft", users.editor)
    assert "reopened" in client.get(URL).content.decode()


@pytest.mark.parametrize(
    ("name", "get", "form"),
    [
        ("admin", 200, True),
        ("editor", 200, True),
        ("focal-TH", 200, True),
        ("focal-LA", 404, False),
        ("member", 404, False),
        ("provider", 404, False),
        ("anonymous", 404, False),
    ],
)
def test_it_shows_a_draft_only_to_its_drafters(client, users, draft, name, get, form):
    if name != "anonymous":
        client.force_login(who(users, name))
    answer = client.get(URL)
    assert answer.status_code == get
    assert ("<textarea" in answer.content.decode()) == form
    saved = client.post(URL, _form(draft, summary="written"))
    assert saved.status_code == (302 if form else 403 if name == "anonymous" else 404)
    draft.refresh_from_db()
    assert draft.summary == ("written" if form else "")


@pytest.mark.parametrize("name", ["focal-LA", "member", "anonymous"])
def test_it_shows_a_submitted_one_read_only_to_others(client, users, draft, name):
    services.save_entry(
        user=users.focal["TH"],
        entry=draft.entries.get(activity__code="D4-A3-1"),
        data={"achievements": "Bangkok sensors", "rating": 4},
    )
    services.submit_assessment(user=users.focal["TH"], assessment=draft)
    if name != "anonymous":
        client.force_login(who(users, name))
    html = client.get(URL).content.decode()
    assert "Bangkok sensors" in html and "<textarea" not in html
    assert "rating 4 / 5" in html


def test_it_exports_what_the_user_may_see(client, users, draft):
    assert client.get("/en/evaluation/export.csv").content.decode().splitlines() == [
        "country,year,state,direction,activity,status,rating,achievements,challenges,next_steps"
    ]
    client.force_login(users.focal["TH"])
    lines = client.get("/en/evaluation/export.csv?country=TH&year=2024").content.decode()
    assert lines.splitlines()[1] == "TH,2024,draft,D1,,not_started,,,,"
    assert len(lines.splitlines()) == 37
    assert client.get("/en/evaluation/export.xlsx").content[:2] == b"PK"


@pytest.mark.parametrize(
    "url",
    [
        "/en/evaluation/TH/99999999999999999999999/",
        "/en/evaluation/TH/2031/",
        "/en/evaluation/XX/2024/",
        "/en/evaluation/export.pdf",
    ],
)
def test_it_answers_404_for_what_is_not_there(client, users, url):
    client.force_login(users.editor)
    assert client.get(url).status_code == 404


def test_it_ignores_an_impossible_export_filter(client, users, draft):
    client.force_login(users.editor)
    answer = client.get("/en/evaluation/export.csv?year=99999999999999999999&country=ZZ")
    assert answer.status_code == 200
    assert len(answer.content.decode().splitlines()) == 1
