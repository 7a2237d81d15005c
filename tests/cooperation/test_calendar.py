"""iCalendar feeds, parsed back with icalendar: stable UIDs, UTC times, texts in the page's
language, cancelled events marked."""

import datetime as dt

import pytest
from icalendar import Calendar

from .event_fixtures import make_event

pytestmark = pytest.mark.django_db


def entries(content: bytes) -> dict:
    cal = Calendar.from_ical(content)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_it_publishes_the_feed_of_published_events(client):
    make_event(
        "th-1",
        title_th="สัมมนาคุณภาพอากาศ",
        start=dt.datetime(2025, 3, 4, 2, 0, tzinfo=dt.UTC),
        end=dt.datetime(2025, 3, 4, 9, 0, tzinfo=dt.UTC),
        venue_en="UN Conference Centre",
        summary_th="สรุป",
    )
    make_event("la-1", status="cancelled", country_id="LA", city_en="Vientiane")
    make_event("draft-1", status="draft")
    response = client.get("/th/events/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    found = entries(response.content)
    assert set(found) == {"th-1@lmec", "la-1@lmec"}
    th = found["th-1@lmec"]
    assert th.decoded("DTSTART") == dt.datetime(2025, 3, 4, 2, 0, tzinfo=dt.UTC)
    assert th.decoded("DTEND") == dt.datetime(2025, 3, 4, 9, 0, tzinfo=dt.UTC)
    assert b"DTSTART:20250304T020000Z" in response.content
    assert str(th["SUMMARY"]) == "สัมมนาคุณภาพอากาศ"
    assert str(th["DESCRIPTION"]).startswith("สรุป")
    # the country's name in the page's language
    assert str(th["LOCATION"]) == "UN Conference Centre, Bangkok, ไทย"
    assert str(th["URL"]) == "http://testserver/th/events/th-1/"
    assert str(th["STATUS"]) == "CONFIRMED"
    assert str(found["la-1@lmec"]["STATUS"]) == "CANCELLED"


def test_it_keeps_the_uid_and_follows_the_language_of_the_page(client):
    make_event("th-1", title_th="สัมมนา")
    english = entries(client.get("/en/events/th-1.ics").content)
    thai = entries(client.get("/th/events/th-1.ics").content)
    assert list(english) == list(thai) == ["th-1@lmec"]
    assert str(english["th-1@lmec"]["SUMMARY"]) == "Workshop th-1"
    assert str(thai["th-1@lmec"]["SUMMARY"]) == "สัมมนา"


def test_it_does_not_serve_a_draft_event_calendar(client):
    make_event("draft-1", status="draft")
    assert client.get("/en/events/draft-1.ics").status_code == 404
