"""The milestones page of a project: its organisers (the secretariat and the lead country's
focal point) add, change, mark done and remove milestones on one page; the service checks
who may write and validates the whole list; a refusal stores nothing."""

import datetime as dt

import pytest

from lmec.cooperation.models import Milestone
from tests.cooperation.project_fixtures import *  # noqa: F403
from tests.helpers import LANGUAGES, login, page_html

pytestmark = pytest.mark.django_db

URL = "/en/projects/th-burning/milestones/"


@pytest.fixture
def project(make_project):
    project = make_project("th-burning", country="TH", language="th", title="การเผาในที่โล่ง")
    Milestone.objects.create(
        project=project,
        due=dt.date(2025, 6, 30),
        status="planned",
        title_th="รายงานฉบับแรก",
        title_en="First report",
    )
    Milestone.objects.create(
        project=project, due=dt.date(2025, 12, 31), status="planned", title_th="การประชุมสรุปผล"
    )
    return project


def rows(*items, extra=2, initial=2):
    """The formset's POST data: ``items`` are dicts of the visible fields (``id`` of an existing
    milestone), then ``extra`` empty rows as the browser sends them."""
    data = {
        "milestones-TOTAL_FORMS": str(len(items) + extra),
        "milestones-INITIAL_FORMS": str(initial),
        "milestones-MIN_NUM_FORMS": "0",
        "milestones-MAX_NUM_FORMS": "1000",
    }
    blank = {"id": "", "title": "", "due": "", "done_on": "", "status": "planned"}
    for i, item in enumerate([*items, *[blank] * extra]):
        for name, value in {**blank, **item}.items():
            if name == "DELETE" and not value:
                continue
            data[f"milestones-{i}-{name}"] = value
    return data


def existing(project):
    return list(project.milestones.order_by("due"))


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("member", 403),
        ("provider", 403),
        ("focal_vn", 403),
        ("focal_th", 200),
        ("editor", 200),
        ("admin", 200),
    ],
)
def test_it_opens_the_page_to_the_projects_organisers_only(client, users, project, who, status):
    if who != "anonymous":
        user = users.focal[who[-2:].upper()] if who.startswith("focal") else getattr(users, who)
        login(client, user)
    assert client.get(URL).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("member", 403), ("provider", 403), ("focal_vn", 403)],
)
def test_it_refuses_a_change_from_anyone_else(client, users, project, who, status):
    if who != "anonymous":
        user = users.focal["VN"] if who == "focal_vn" else getattr(users, who)
        login(client, user)
    first, second = existing(project)
    data = rows({"id": first.id, "title": "x", "due": "2025-06-30", "DELETE": "on"})
    assert client.post(URL, data).status_code == status
    assert len(existing(project)) == 2
    assert existing(project)[0].title_th == "รายงานฉบับแรก"


def test_it_marks_one_done_adds_one_and_removes_one(client, users, project):
    login(client, users.focal["TH"])
    for lang in ("en", "th", "vi"):  # dates as <input type=date> reads them, in any language
        html = page_html(client, URL.replace("/en/", f"/{lang}/"), lang)
        assert "รายงานฉบับแรก" in html and "การประชุมสรุปผล" in html  # the project's language
        assert 'value="2025-06-30"' in html and 'value="2025-12-31"' in html
    first, second = existing(project)
    data = rows(
        {
            "id": first.id,
            "title": "รายงานฉบับแรก (แก้ไข)",
            "due": "2025-06-30",
            "done_on": "2025-06-20",
            "status": "done",
        },
        {"id": second.id, "title": "การประชุมสรุปผล", "due": "2025-12-31", "DELETE": "on"},
        {"title": "ชุดข้อมูลเปิด", "due": "2026-03-31", "status": "planned"},
    )
    response = client.post(URL, data)
    assert response.status_code == 302
    assert response["Location"] == "/en/projects/th-burning/#milestones-heading"
    after = existing(project)
    assert [(m.title_th, m.status, m.done_on) for m in after] == [
        ("รายงานฉบับแรก (แก้ไข)", "done", dt.date(2025, 6, 20)),
        ("ชุดข้อมูลเปิด", "planned", None),
    ]
    # the English title of the kept milestone is still there; the new one has none
    assert after[0].title_en == "First report"
    assert not after[1].title_en


def test_it_stores_nothing_when_a_row_is_wrong(client, users, project):
    login(client, users.editor)
    first, second = existing(project)
    data = rows(
        {"id": first.id, "title": "รายงานฉบับแรก", "due": "2025-06-30", "status": "done"},
        {"id": second.id, "title": "", "due": "2025-13-45"},
        {"title": "ชุดข้อมูลเปิด", "due": "2026-03-31"},
    )
    response = client.post(URL, data)
    assert response.status_code == 422
    html = response.content.decode()
    assert "Nothing was stored" in html
    # the rows come back as typed, each existing one still with its box to remove it
    assert html.count('name="milestones-0-DELETE"') == html.count('name="milestones-1-DELETE"') == 1
    assert 'name="milestones-2-DELETE"' not in html
    assert html.count('class="error"') >= 2  # the missing title and the impossible date
    assert [m.status for m in existing(project)] == ["planned", "planned"]
    assert len(existing(project)) == 2


def test_it_removes_every_milestone_when_all_are_ticked(client, users, project):
    login(client, users.editor)
    first, second = existing(project)
    data = rows(
        {"id": first.id, "title": "a", "due": "2025-06-30", "DELETE": "on"},
        {"id": second.id, "title": "b", "due": "2025-12-31", "DELETE": "on"},
    )
    assert client.post(URL, data).status_code == 302
    assert existing(project) == []


def test_the_project_page_links_the_milestones_page_for_its_organisers(client, users, project):
    assert "/milestones/" not in page_html(client, "/en/projects/th-burning/", "en")
    login(client, users.focal["TH"])
    assert "/en/projects/th-burning/milestones/" in page_html(
        client, "/en/projects/th-burning/", "en"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_speaks_every_language(client, users, project, lang):
    from django.utils import translation

    login(client, users.editor)
    html = page_html(client, f"/{lang}/projects/th-burning/milestones/", lang)
    with translation.override(lang):
        for text in ("Milestones", "Due", "Done on", "Remove", "Save"):
            translated = translation.gettext(text)
            assert translated in html
            if lang != "en":
                assert translated != text, (lang, text)


def test_it_shows_a_refusal_of_the_service_on_the_row_and_field_it_names(project):
    """The form checks what it can; whatever the service refuses beyond that (named
    ``milestones[i].field``, ``i`` counting the rows kept) lands on that row's field."""
    from lmec.cooperation.forms import MilestoneFormSet, milestones_data
    from lmec.cooperation.views.projects import _milestone_errors

    first, second = existing(project)
    formset = MilestoneFormSet(
        rows(
            {"id": first.id, "title": "a", "due": "2025-06-30", "DELETE": "on"},
            {"id": second.id, "title": "b", "due": "2025-12-31"},
            {"title": "c", "due": "2026-01-31"},
        ),
        prefix="milestones",
    )
    assert formset.is_valid()
    items, forms_of = milestones_data(formset, project)
    assert [i["title"]["th"] for i in items] == ["b", "c"]
    _milestone_errors(
        formset, forms_of, {"milestones[1].due": ["too late"], "milestones": ["whole list"]}
    )
    assert formset.forms[2].errors["due"] == ["too late"]
    assert formset.non_form_errors() == ["whole list"]
