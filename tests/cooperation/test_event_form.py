"""The event form: the secretariat and a host country's focal point create and edit events
on a page (the service decides who may write what), times typed local at the venue, the
service's refusals shown on their fields, nothing stored on a refusal."""

import datetime as dt

import pytest

from lmec.cooperation.models import Event
from tests.helpers import login, page_html

from .event_fixtures import make_event

pytestmark = pytest.mark.django_db


def form(**changes):
    data = {
        "slug": "2026-vte-water",
        "kind": "workshop",
        "language": "lo",
        "title": "ກອງປະຊຸມສຳມະນາຄຸນນະພາບນ້ຳ",
        "summary": "ການແລກປ່ຽນວິທີການຕິດຕາມຄຸນນະພາບນ້ຳ",
        "start": "2026-05-14T09:00",
        "end": "2026-05-15T16:30",
        "country": "LA",
        "city": "ວຽງຈັນ",
        "activities": ["D4-A3-2"],
        "registration_open": "on",
        "capacity": "60",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("member", 403), ("provider", 403), ("editor", 200), ("focal_la", 200)],
)
def test_it_opens_the_new_event_page_to_those_who_may_create(client, users, who, status):
    user = users.focal["LA"] if who == "focal_la" else getattr(users, who)
    if who != "anonymous":
        login(client, user)
    assert client.get("/en/events/new/").status_code == status


def test_it_creates_an_event_in_the_venues_local_time(client, users):
    login(client, users.focal["LA"])
    response = client.post("/en/events/new/", form())
    assert response.status_code == 302
    assert response["Location"] == "/en/events/2026-vte-water/manage/"
    event = Event.objects.get(slug="2026-vte-water")
    assert event.status == "draft" and event.language == "lo" and event.country_id == "LA"
    assert event.title_lo == "ກອງປະຊຸມສຳມະນາຄຸນນະພາບນ້ຳ" and event.city_lo == "ວຽງຈັນ"
    # 09:00 in Vientiane (UTC+7) is 02:00 UTC
    assert event.start == dt.datetime(2026, 5, 14, 2, 0, tzinfo=dt.UTC)
    assert event.timezone == "Asia/Vientiane"
    assert [a.code for a in event.activities.all()] == ["D4-A3-2"]
    assert event.registration_open is True and event.capacity == 60


def test_it_refuses_a_focal_point_another_countrys_event_and_stores_nothing(client, users):
    login(client, users.focal["TH"])
    response = client.post("/en/events/new/", form(country="LA"))
    assert response.status_code == 403
    assert not Event.objects.filter(slug="2026-vte-water").exists()


def test_it_shows_the_services_refusals_on_their_fields(client, users):
    login(client, users.editor)
    response = client.post("/en/events/new/", form(end="2026-05-13T09:00", slug="Bad Slug"))
    assert response.status_code == 422
    html = response.content.decode()
    assert "An event cannot end before it starts." in html
    assert "Use lower-case letters, digits and hyphens" in html
    assert not Event.objects.exists()


def test_it_prefills_and_edits_an_event_keeping_its_code(client, users):
    event = make_event("th-edit", country_id="TH", title_en="Air quality roundtable")
    login(client, users.focal["TH"])
    html = page_html(client, "/en/events/th-edit/edit/", "en")
    assert 'value="Air quality roundtable"' in html
    assert 'name="slug"' in html and "disabled" in html
    data = form(
        slug="another-code", language="en", title="Air quality roundtable 2026", country="TH"
    )
    assert client.post("/en/events/th-edit/edit/", data).status_code == 302
    event.refresh_from_db()
    assert event.slug == "th-edit" and event.title_en == "Air quality roundtable 2026"


def test_it_lets_only_the_organisers_edit(client, users):
    make_event("th-edit", country_id="TH")
    login(client, users.focal["LA"])
    assert client.get("/en/events/th-edit/edit/").status_code == 403
    login(client, users.member)
    assert client.get("/en/events/th-edit/edit/").status_code == 403
