"""Event pages: the list with filters and exports, an event in local time with its links,
registration (anonymous and prefilled for a member), the organisers' page, rate limit."""

import csv
import io

import pytest
from django.core.cache import cache

from lmec.cooperation.models import Registration
from tests.helpers import LANGUAGES, page_html
from tests.knowledge.conftest import resource  # noqa: F401 (a fixture)

from .event_fixtures import make_event, organisations

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit(settings):
    settings.EVENT_REGISTRATION_RATE = "1000/m"
    cache.clear()
    yield
    cache.clear()


def test_it_lists_published_events_with_filters(client):
    make_event("th-1", country_id="TH")
    make_event("la-1", country_id="LA", city_en="Vientiane", timezone="Asia/Vientiane")
    make_event("draft-1", status="draft")
    html = page_html(client, "/en/events/", "en")
    assert 'data-slug="th-1"' in html and 'data-slug="la-1"' in html
    assert "draft-1" not in html
    html = page_html(client, "/en/events/?country=LA", "en")
    assert 'data-slug="la-1"' in html and 'data-slug="th-1"' not in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_shows_the_list_and_an_event_in_every_language(client, lang):
    make_event("th-1", title_th="สัมมนา", title_zh_hans="研讨会")
    page_html(client, f"/{lang}/events/", lang)
    html = page_html(client, f"/{lang}/events/th-1/", lang)
    expected = {"th": "สัมมนา", "zh-hans": "研讨会"}.get(lang, "Workshop th-1")
    assert expected in html


def test_it_exports_the_list_without_personal_data(client):
    event = make_event("th-1")
    Registration.objects.create(
        event=event,
        name="Secret Person",
        email="secret@example.org",
        stakeholder_type="ngo",
        consent_at=event.start,
    )
    response = client.get("/en/events/?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["slug"] for r in rows] == ["th-1"]
    assert rows[0]["title"] == "Workshop th-1"
    assert rows[0]["activities"] == "D1-A1-1"
    assert b"secret" not in response.content.lower()
    xlsx = client.get("/en/events/export.xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_it_shows_local_times_and_links_activities_and_documents(client, resource):  # noqa: F811
    import datetime as dt

    from lmec.network.models import Organisation

    organisations()
    doc = resource("th-air-report", title="Air report")
    event = make_event(
        "th-1",
        start=dt.datetime(2025, 3, 4, 2, 0, tzinfo=dt.UTC),
        end=dt.datetime(2025, 3, 4, 9, 0, tzinfo=dt.UTC),
        registration_open=False,
    )
    event.documents.add(doc)
    event.organisers.add(Organisation.objects.get(slug="mnre-th"))
    html = page_html(client, "/en/events/th-1/", "en")
    assert "2025-03-04 09:00" in html and "16:00" in html and "Asia/Bangkok" in html
    assert 'href="/en/framework/#D1-A1-1"' in html
    assert 'href="/en/knowledge/r/th-air-report/"' in html
    assert "Ministry of Natural Resources and Environment" in html
    assert 'href="/en/events/th-1.ics"' in html


def test_it_hides_drafts_from_the_public(client, users):
    make_event("draft-1", status="draft")
    assert client.get("/en/events/draft-1/").status_code == 404
    client.force_login(users.focal["TH"])
    assert client.get("/en/events/draft-1/").status_code == 200


def test_it_registers_an_anonymous_visitor(client):
    make_event("th-1")
    response = client.post(
        "/en/events/th-1/register/",
        {
            "name": "Lan Nguyen",
            "email": "lan@example.vn",
            "country": "VN",
            "stakeholder_type": "academia",
            "gender": "female",
            "age_group": "25_34",
            "consent": "on",
        },
    )
    assert response.status_code == 200
    assert "You are registered." in response.content.decode()
    registration = Registration.objects.get()
    assert (registration.email, registration.user) == ("lan@example.vn", None)


def test_it_refuses_a_registration_without_consent(client):
    make_event("th-1")
    response = client.post(
        "/en/events/th-1/register/",
        {"name": "A", "email": "a@example.org", "stakeholder_type": "ngo"},
    )
    assert response.status_code == 422
    assert "Registration needs your consent" in response.content.decode()
    assert Registration.objects.count() == 0


def test_it_answers_409_to_a_second_registration_of_an_email(client):
    make_event("th-1")
    data = {"name": "A", "email": "a@example.org", "stakeholder_type": "ngo", "consent": "on"}
    client.post("/en/events/th-1/register/", data)
    response = client.post("/en/events/th-1/register/", data)
    assert response.status_code == 409
    assert "a@example.org is already registered" in response.content.decode()


def test_it_prefills_the_form_for_a_member(client, users):
    users.member.email = "member@example.org"
    users.member.save()
    make_event("th-1")
    client.force_login(users.member)
    html = page_html(client, "/en/events/th-1/register/", "en")
    assert 'value="member@example.org"' in html


def test_it_rate_limits_registrations_by_address(client, settings):
    settings.EVENT_REGISTRATION_RATE = "2/m"
    make_event("th-1")
    answers = [
        client.post(
            "/en/events/th-1/register/",
            {"name": "P", "email": f"p{n}@example.org", "stakeholder_type": "ngo", "consent": "on"},
        ).status_code
        for n in range(3)
    ]
    assert answers == [200, 200, 429]
    assert Registration.objects.count() == 2


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 403),
        ("member", 403),
        ("provider", 403),
        ("focal_la", 403),
        ("focal_th", 200),
        ("editor", 200),
        ("admin", 200),
    ],
)
def test_it_shows_the_manage_page_and_registrations_export_to_organisers_only(
    client, users, who, status
):
    make_event("th-1")
    user = {"focal_la": users.focal["LA"], "focal_th": users.focal["TH"]}.get(who) or getattr(
        users, who
    )
    if who != "anonymous":
        client.force_login(user)
    assert client.get("/en/events/th-1/manage/").status_code == status
    assert client.get("/en/events/th-1/registrations.csv").status_code == status


def test_it_saves_attendance_ticks_and_imports_a_list(client, users):
    event = make_event("th-1", days_from_now=-1)
    a = Registration.objects.create(
        event=event, name="A", email="a@x.org", stakeholder_type="ngo", consent_at=event.start
    )
    b = Registration.objects.create(
        event=event, name="B", email="b@x.org", stakeholder_type="ngo", consent_at=event.start
    )
    client.force_login(users.focal["TH"])
    response = client.post(
        "/en/events/th-1/manage/",
        {"action": "attendance", "listed": [a.pk, b.pk], "attended": [a.pk]},
    )
    assert response.status_code == 302
    assert dict(Registration.objects.values_list("email", "attended")) == {
        "a@x.org": True,
        "b@x.org": False,
    }
    bad = io.BytesIO(b"name,email,stakeholder_type,attended\nC,c@x.org,alien,yes\n")
    bad.name = "list.csv"
    response = client.post("/en/events/th-1/manage/", {"action": "import", "file": bad})
    assert response.status_code == 422
    assert "Row 2, stakeholder_type “alien”" in response.content.decode()
    good = io.BytesIO(b"name,email,stakeholder_type,attended\nC,c@x.org,ngo,yes\n")
    good.name = "list.csv"
    response = client.post("/en/events/th-1/manage/", {"action": "import", "file": good})
    assert response.status_code == 302
    assert Registration.objects.get(email="c@x.org").attended is True


def test_it_lets_a_member_cancel_their_registration_from_the_event_page(client, users):
    from lmec.cooperation.services import events as services

    from .event_fixtures import person

    event = make_event("th-1")
    services.register(event=event, user=users.member, **person())
    client.force_login(users.member)
    html = page_html(client, "/en/events/th-1/", "en")
    assert "You are registered." in html and "Cancel my registration" in html
    response = client.post("/en/events/th-1/cancel-registration/")
    assert response.status_code == 302
    assert Registration.objects.get().status == "cancelled"
    client.force_login(users.provider)
    assert client.post("/en/events/th-1/cancel-registration/").status_code == 404


def test_it_gives_organisers_the_signed_certificate_link(client, users):
    from lmec.cooperation.certificates import certificate_token

    event = make_event("tr-1", kind="training", days_from_now=-1)
    registration = Registration.objects.create(
        event=event,
        name="A",
        email="a@x.org",
        stakeholder_type="ngo",
        attended=True,
        consent_at=event.start,
        certificate_number="LMEC-TEST-1",
    )
    client.force_login(users.editor)
    html = page_html(client, "/en/events/tr-1/manage/", "en")
    token = certificate_token(registration)
    assert f'href="http://testserver/en/events/certificate/{token}.pdf"' in html
