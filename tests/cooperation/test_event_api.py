"""/api/v1/cooperation/events: lists in the asked language, one event, writes with the
session, registration (201, 409, 422, 429), public aggregates, organiser-only export."""

import json

import pytest
from django.core.cache import cache

from lmec.cooperation.models import Event, Registration

from .event_fixtures import make_event, person

pytestmark = pytest.mark.django_db
API = "/api/v1/cooperation/events"


@pytest.fixture(autouse=True)
def fresh_rate_limit(settings):
    settings.EVENT_REGISTRATION_RATE = "1000/m"
    cache.clear()
    yield
    cache.clear()


def post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def test_it_lists_published_events_in_the_language_asked(client):
    make_event("th-1", title_th="สัมมนา", days_from_now=-400)
    make_event("la-1", country_id="LA", days_from_now=30)
    make_event("draft-1", status="draft")
    body = client.get(f"{API}?lang=th").json()
    assert (body["language"], body["count"]) == ("th", 2)
    assert [i["slug"] for i in body["items"]] == ["la-1", "th-1"]
    assert body["items"][1]["title"] == "สัมมนา"
    assert body["items"][0]["title"] == "Workshop la-1"  # falls back to English
    assert body["items"][0]["links"] == {
        "page": "/th/events/la-1/",
        "calendar": "/th/events/la-1.ics",
    }
    assert [i["slug"] for i in client.get(f"{API}?when=upcoming").json()["items"]] == ["la-1"]
    assert [i["slug"] for i in client.get(f"{API}?country=TH").json()["items"]] == ["th-1"]
    assert client.get(f"{API}?activity=D1-A1-1").json()["count"] == 2
    assert client.get(f"{API}?direction=D2").json()["count"] == 0


def test_it_answers_bad_parameters_naming_the_choices(client):
    assert client.get(f"{API}?lang=xx").status_code == 400
    assert "choose one of" in client.get(f"{API}?lang=xx").json()["detail"]
    assert client.get(f"{API}?kind=party").status_code == 422
    assert client.get(f"{API}/nope").status_code == 404


def test_it_answers_one_event_with_utc_and_local_times(client):
    import datetime as dt

    make_event(
        "th-1",
        start=dt.datetime(2025, 3, 4, 2, 0, tzinfo=dt.UTC),
        end=dt.datetime(2025, 3, 4, 9, 0, tzinfo=dt.UTC),
    )
    body = client.get(f"{API}/th-1").json()
    assert (body["start"], body["end"]) == ("2025-03-04T02:00:00Z", "2025-03-04T09:00:00Z")
    assert (body["local_start"], body["timezone"]) == ("2025-03-04T09:00:00+07:00", "Asia/Bangkok")
    assert body["activities"] == ["D1-A1-1"]


def test_it_creates_and_publishes_with_the_session(client, users):
    data = {
        "slug": "2025-la-ws",
        "kind": "workshop",
        "language": "lo",
        "title": {"lo": "ກອງປະຊຸມ", "en": "Workshop"},
        "start": "2025-06-10T08:30",
        "end": "2025-06-10T17:00",
        "country": "LA",
        "activities": ["D2-A1-1"],
    }
    assert post(client, API, data).status_code == 401
    client.force_login(users.focal["TH"])
    assert post(client, API, data).status_code == 403
    client.force_login(users.focal["LA"])
    response = post(client, API, data)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["status"], body["start"], body["timezone"]) == (
        "draft",
        "2025-06-10T01:30:00Z",
        "Asia/Vientiane",
    )
    assert post(client, f"{API}/2025-la-ws/publish", {}).json()["status"] == "published"
    response = client.patch(
        f"{API}/2025-la-ws", json.dumps({"capacity": 0}), content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "capacity": ["Give a whole number of places (1 or more), or nothing."]
    }
    assert post(client, f"{API}/2025-la-ws/cancel", {}).json()["status"] == "cancelled"
    assert post(client, f"{API}/2025-la-ws/cancel", {}).status_code == 409


def test_it_registers_through_the_api(client):
    make_event("th-1", capacity=1)
    data = person()
    data["organisation"] = "PCD"
    response = post(client, f"{API}/th-1/registrations", data)
    assert response.status_code == 201
    assert response.json() == {"event": "th-1", "status": "registered"}
    response = post(client, f"{API}/th-1/registrations", data)
    assert response.status_code == 409
    assert "already registered" in response.json()["detail"]
    other = person(email="other@example.org")
    assert post(client, f"{API}/th-1/registrations", other).json()["status"] == "waitlisted"
    assert post(client, f"{API}/th-1/registrations", person(consent=False)).status_code == 422
    assert Registration.objects.get(email="somchai@example.org").organisation_name == "PCD"


def test_it_limits_registrations_per_address(client, settings):
    settings.EVENT_REGISTRATION_RATE = "1/m"
    make_event("th-1")
    assert post(client, f"{API}/th-1/registrations", person()).status_code == 201
    response = post(client, f"{API}/th-1/registrations", person(email="x@example.org"))
    assert response.status_code == 429


def test_it_counts_participants_without_names(client):
    event = make_event("th-1", days_from_now=-2)
    for n, (country, gender, attended) in enumerate(
        [
            ("TH", "female", True),
            ("TH", "male", True),
            ("LA", "female", True),
            ("VN", "male", False),
        ]
    ):
        Registration.objects.create(
            event=event,
            name=f"P{n}",
            email=f"p{n}@x.org",
            country_id=country,
            gender=gender,
            stakeholder_type="government" if n else "youth",
            attended=attended,
            consent_at=event.start,
        )
    Registration.objects.create(
        event=event,
        name="C",
        email="c@x.org",
        status="cancelled",
        attended=True,
        stakeholder_type="ngo",
        consent_at=event.start,
    )
    body = client.get(f"{API}/th-1/participants").json()
    assert body == {
        "event": "th-1",
        "total": 3,
        "basis": "attended",
        "by_country": {"LA": 1, "TH": 2},
        "by_gender": {"female": 2, "male": 1},
        "by_age_group": {"undisclosed": 3},
        "by_stakeholder_type": {"government": 2, "youth": 1},
    }


def test_it_exports_registrations_to_organisers_only(client, users):
    event = make_event("th-1")
    Registration.objects.create(
        event=event, name="A", email="a@x.org", stakeholder_type="ngo", consent_at=event.start
    )
    url = f"{API}/th-1/registrations/export.csv"
    assert client.get(url).status_code == 401
    client.force_login(users.member)
    assert client.get(url).status_code == 403
    client.force_login(users.focal["TH"])
    response = client.get(url)
    assert response.status_code == 200
    header, row = response.content.decode().splitlines()[:2]
    assert header.startswith("name,email,country,organisation,stakeholder_type")
    assert row.startswith("A,a@x.org,")
    public = client.get(f"{API}/export.csv").content.decode()
    assert "a@x.org" not in public and "th-1" in public
    assert Event.objects.count() == 1
