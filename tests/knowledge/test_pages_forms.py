"""The submit and edit forms, the review queue and the workflow steps: who may do what,
checked on the server for every role (visitor, member, focal point of the record's country and
of another, editor), and bad input named on its field."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lmec.knowledge.models import Resource, ResourceEvent
from tests.helpers import LANGUAGES, login, page_html
from tests.knowledge.page_fixtures import make_catalogue, pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(users):
    return make_catalogue(users)


def form_data(**changes):
    data = {
        "type": "publication",
        "language": "th",
        "title_th": "การจัดการน้ำเสีย",
        "title_en": "Waste-water management",
        "abstract_th": "บทคัดย่อ",
        "access": "open",
        "licence": "cc-by-4.0",
        "published_on": "2025-02-01",
        "authors": "Anan K.; Chulalongkorn University\nMai T.",
        "country": "TH",
        "countries": ["TH", "LA"],
        "themes": ["green-industrial-parks"],
        "keywords": "waste water, น้ำเสีย",
        "activities": ["D5-A1-2"],
        "figures": "",
        "action": "save",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def edit_url(identifier):
    return f"/en/knowledge/r/{identifier}/edit/"


WRITE_PAGES = [
    ("get", "/en/knowledge/submit/"),
    ("get", "/en/knowledge/mine/"),
    ("get", "/en/knowledge/review/"),
    ("get", "/en/knowledge/access-requests/"),
    ("get", edit_url("member-draft")),
    ("post", "/en/knowledge/r/member-th/workflow/"),
    ("post", "/en/knowledge/r/vn-air-2024/request-access/"),
]


@pytest.mark.parametrize(("method", "url"), WRITE_PAGES)
def test_it_sends_visitors_to_sign_in(client, catalogue, method, url):
    response = getattr(client, method)(url, {"step": "publish"} if method == "post" else None)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_shows_the_write_pages_in_every_language(client, catalogue, users, lang):
    login(client, users.editor)
    for url in ("submit/", "mine/", "review/", "access-requests/", "r/member-th/edit/"):
        page_html(client, f"/{lang}/knowledge/{url}", lang)


def test_it_creates_a_draft_for_a_member_with_translations(client, catalogue, users):
    login(client, users.member)
    response = client.post("/en/knowledge/submit/", form_data())
    created = Resource.objects.get(title_th="การจัดการน้ำเสีย")
    assert response.status_code == 302
    assert response["Location"] == edit_url(created.identifier)
    assert created.status == "draft" and created.created_by == users.member
    assert created.language == "th" and created.title_en == "Waste-water management"
    assert created.authors == [
        {"name": "Anan K.", "affiliation": "Chulalongkorn University"},
        {"name": "Mai T."},
    ]
    assert sorted(created.countries.values_list("code", flat=True)) == ["LA", "TH"]
    assert sorted(created.keywords.values_list("name", flat=True)) == ["waste water", "น้ำเสีย"]
    assert list(created.activities.values_list("code", flat=True)) == ["D5-A1-2"]
    assert created.published_on.isoformat() == "2025-02-01"


def test_it_saves_and_submits_with_a_file_and_a_link(client, catalogue, users):
    login(client, users.member)
    upload = SimpleUploadedFile("report.pdf", pdf_bytes(), content_type="application/pdf")
    data = form_data(
        action="submit", file=upload, file_title="The report", link_url="https://example.org/x"
    )
    response = client.post("/en/knowledge/submit/", data)
    created = Resource.objects.get(title_th="การจัดการน้ำเสีย")
    assert created.status == "submitted"
    # no longer the author's to change: they see the record and its status
    assert response["Location"] == f"/en/knowledge/r/{created.identifier}/"
    html = page_html(client, response["Location"], "en")
    assert "Saved and submitted for review." in html and 'data-status="submitted"' in html
    kinds = sorted((d.kind, d.format) for d in created.distributions.all())
    assert kinds[0] == ("file", "PDF") and kinds[1][0] == "link"


def test_it_refuses_a_file_that_is_not_what_it_claims_and_keeps_no_record(client, catalogue, users):
    login(client, users.member)
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post("/en/knowledge/submit/", form_data(file=fake))
    assert response.status_code == 200
    assert not Resource.objects.filter(title_th="การจัดการน้ำเสีย").exists()
    html = response.content.decode()
    assert 'class="field has-error"' in html and "report.pdf" in html


def test_it_requires_the_title_in_the_original_language(client, catalogue, users):
    login(client, users.member)
    response = client.post("/en/knowledge/submit/", form_data(title_th=""))
    assert response.status_code == 200
    assert "The title in the original language is required." in response.content.decode()
    assert not Resource.objects.filter(title_en="Waste-water management").exists()


def test_it_shows_the_services_errors_on_their_fields(client, catalogue, users):
    login(client, users.member)
    response = client.post(
        "/en/knowledge/submit/", form_data(identifier="th-solar-2024", doi="not-a-doi")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "th-solar-2024 is taken; choose another identifier." in html


def test_it_names_a_bad_figures_line(client, catalogue, users):
    login(client, users.member)
    response = client.post(
        "/en/knowledge/submit/", form_data(type="case", figures="CO2 avoided | lots | t")
    )
    assert "Line 1: “lots” is not a number." in response.content.decode()


@pytest.mark.parametrize(
    ("who", "identifier", "status"),
    [
        ("member", "member-draft", 200),  # the author, while a draft
        ("member", "member-th", 403),  # the author, once submitted
        ("focal_th", "member-th", 200),
        ("focal_vn", "member-th", 404),  # not theirs: it does not exist for them
        ("focal_vn", "member-vn", 200),
        ("editor", "member-vn", 200),
        ("editor", "th-solar-2024", 200),
        ("member", "th-solar-2024", 403),  # published: no longer the author's to change
        ("focal_th", "la-green-park", 403),  # published, another country's
    ],
)
def test_it_lets_only_those_allowed_edit(client, catalogue, users, who, identifier, status):
    user = users.focal[who[-2:].upper()] if who.startswith("focal") else getattr(users, who)
    login(client, user)
    assert client.get(edit_url(identifier)).status_code == status
    before = Resource.objects.get(identifier=identifier).title_en
    response = client.post(edit_url(identifier), form_data(language="en", title_en="Changed"))
    after = Resource.objects.get(identifier=identifier).title_en
    if status == 200:
        assert response.status_code == 302 and after == "Changed"
    else:
        assert response.status_code == status and after == before


def test_it_prefills_the_edit_form(client, catalogue, users):
    login(client, users.editor)
    html = page_html(client, edit_url("th-solar-2024"), "en")
    assert 'value="ภาพรวมพลังงานแสงอาทิตย์"' in html
    assert "Somchai P.; AIT" in html
    assert 'value="th-solar-2024"' in html and "disabled" in html


def test_it_removes_a_translation_emptied_on_edit(client, catalogue, users):
    login(client, users.editor)
    data = form_data(
        type="publication",
        language="th",
        title_th="ภาพรวมพลังงานแสงอาทิตย์",
        title_en="",
        country="TH",
        countries=["TH"],
    )
    assert client.post(edit_url("th-solar-2024"), data).status_code == 302
    assert Resource.objects.get(identifier="th-solar-2024").title_en == ""


def test_it_shows_each_reviewer_their_queue(client, catalogue, users):
    def queue(user):
        login(client, user)
        html = page_html(client, "/en/knowledge/review/", "en")
        return {i for i in ("member-th", "member-vn") if f'data-identifier="{i}"' in html}

    assert queue(users.focal["TH"]) == {"member-th"}
    assert queue(users.focal["VN"]) == {"member-vn"}
    assert queue(users.editor) == {"member-th", "member-vn"}
    login(client, users.member)
    assert client.get("/en/knowledge/review/").status_code == 403


def step(client, identifier, step, comment=""):
    return client.post(
        f"/en/knowledge/r/{identifier}/workflow/",
        {"step": step, "comment": comment, "next": "/en/knowledge/review/"},
    )


@pytest.mark.parametrize(
    ("who", "identifier", "allowed"),
    [
        ("member", "member-th", False),
        ("focal_vn", "member-th", False),
        ("focal_th", "member-th", True),
        ("editor", "member-vn", True),
    ],
)
def test_it_lets_only_reviewers_of_the_country_publish(
    client, catalogue, users, who, identifier, allowed
):
    user = users.focal[who[-2:].upper()] if who.startswith("focal") else getattr(users, who)
    login(client, user)
    response = step(client, identifier, "publish")
    status = Resource.objects.get(identifier=identifier).status
    if allowed:
        assert response.status_code == 302 and response["Location"] == "/en/knowledge/review/"
        assert status == "published"
    else:
        assert response.status_code in (403, 404) and status == "submitted"


def test_it_requires_a_comment_to_return(client, catalogue, users):
    login(client, users.focal["TH"])
    response = step(client, "member-th", "return")
    assert response.status_code == 302
    assert Resource.objects.get(identifier="member-th").status == "submitted"
    html = client.get(response["Location"]).content.decode()
    assert "Say what should change: a comment is required." in html


def test_it_returns_with_comments_the_author_then_sees(client, catalogue, users):
    login(client, users.focal["TH"])
    step(client, "member-th", "start_review")
    step(client, "member-th", "return", "Add the data sources.")
    found = Resource.objects.get(identifier="member-th")
    assert found.status == "returned"
    event = ResourceEvent.objects.filter(resource=found, action="returned").get()
    assert event.comment == "Add the data sources." and event.user == users.focal["TH"]
    login(client, users.member)
    html = page_html(client, edit_url("member-th"), "en")
    assert "Returned with comments:" in html and "Add the data sources." in html


def test_it_refuses_a_step_the_state_does_not_allow(client, catalogue, users):
    login(client, users.editor)
    response = step(client, "member-draft", "publish")
    assert Resource.objects.get(identifier="member-draft").status == "draft"
    html = client.get(response["Location"]).content.decode()
    assert 'class="notice notice-error"' in html


def test_it_lists_a_members_own_resources(client, catalogue, users):
    login(client, users.member)
    html = page_html(client, "/en/knowledge/mine/", "en")
    for identifier in ("member-draft", "member-th", "member-vn", "th-solar-2024"):
        assert f'data-identifier="{identifier}"' in html
    assert 'data-identifier="la-green-park"' not in html
    assert f'href="{edit_url("member-draft")}"' in html
    assert f'href="{edit_url("member-th")}"' not in html


def test_it_removes_a_file_for_those_who_may_change_the_record(client, catalogue, users):
    link = catalogue["report"].distributions.get(kind="link")
    url = f"/en/knowledge/r/th-solar-2024/files/{link.pk}/remove/"
    login(client, users.member)  # the author, but the record is published
    assert client.post(url).status_code == 403
    assert catalogue["report"].distributions.filter(pk=link.pk).exists()
    login(client, users.focal["TH"])
    html = page_html(client, edit_url("th-solar-2024"), "en")
    assert f'action="{url}"' in html
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == edit_url("th-solar-2024")
    assert not catalogue["report"].distributions.filter(pk=link.pk).exists()


def test_it_saves_case_sections_in_the_original_and_translated_languages(client, catalogue, users):
    login(client, users.member)
    data = form_data(
        type="case",
        identifier="case-lang-form",
        context_th="นิคมอุตสาหกรรมใช้น้ำมาก",
        context_en="The industrial park used a lot of water.",
        lessons_zh_hans="尽早让社区参与。",
        figures="น้ำที่ประหยัดได้ | 1200 | m3/d",
    )
    assert client.post("/en/knowledge/submit/", data).status_code == 302
    case = Resource.objects.get(identifier="case-lang-form")
    assert case.context_th == "นิคมอุตสาหกรรมใช้น้ำมาก"
    assert case.context_en == "The industrial park used a lot of water."
    assert case.lessons_zh_hans == "尽早让社区参与。"
    assert case.lessons_th == "" and case.context_vi == ""


def test_it_prefills_and_edits_case_translations_keeping_the_others(client, catalogue, users):
    login(client, users.member)
    data = form_data(
        type="case",
        identifier="case-lang-edit",
        context_th="บริบท",
        context_en="Context",
        solution_vi="Giải pháp",
    )
    assert client.post("/en/knowledge/submit/", data).status_code == 302
    html = page_html(client, edit_url("case-lang-edit"), "en")
    # the filled languages are open and prefilled; an empty one stays closed
    assert ">\nGiải pháp</textarea>" in html and ">\nContext</textarea>" in html
    assert '<details class="language-block" data-lang="vi" open>' in html
    assert '<details class="language-block" data-lang="km">' in html
    edited = form_data(type="case", context_th="บริบทใหม่", context_en="", solution_vi="Giải pháp")
    assert client.post(edit_url("case-lang-edit"), edited).status_code == 302
    case = Resource.objects.get(identifier="case-lang-edit")
    assert (case.context_th, case.context_en, case.solution_vi) == ("บริบทใหม่", "", "Giải pháp")
