"""iCalendar (RFC 5545) of the published events, with the ``icalendar`` library.

Each event has a stable ``UID`` (``<slug>@lmec``) so that a calendar that subscribed to the
feed updates the entry instead of adding a second one; times are in UTC (``DTSTART`` and
``DTEND`` with ``Z``), the venue's zone being in the text; texts are in the page's language;
a cancelled event stays in the feed with ``STATUS:CANCELLED`` so that subscribers see it
cancelled. ``SEQUENCE`` follows the last change (seconds since 2020) so that clients take
the newer version.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from .models import Event, EventStatus
from .selectors import events as selectors

PRODID = "-//LMEC//Lancang-Mekong Environmental Cooperation events//EN"
#: SEQUENCE counts from here [s]: it only has to grow with each change.
_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def uid(event: Event) -> str:
    return f"{event.slug}@lmec"


def _location(event: Event, lang: str) -> str:
    if event.online:
        return "Online"
    parts = [selectors.text(event, "venue", lang), selectors.text(event, "city", lang)]
    if event.country is not None:
        parts.append(event.country.name)
    return ", ".join(p for p in parts if p)


def calendar_event(event: Event, lang: str, page_url: str) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", uid(event))
    entry.add("dtstamp", timezone.now().astimezone(dt.UTC))
    entry.add("dtstart", event.start.astimezone(dt.UTC))
    entry.add("dtend", event.end.astimezone(dt.UTC))
    entry.add("summary", selectors.text(event, "title", lang))
    description = selectors.text(event, "summary", lang)
    entry.add("description", f"{description}\n\n{page_url}".strip())
    location = _location(event, lang)
    if location:
        entry.add("location", location)
    entry.add("url", page_url)
    entry.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
    entry.add("sequence", max(0, int((event.updated_at - _EPOCH).total_seconds())))
    entry.add("last-modified", event.updated_at.astimezone(dt.UTC))
    entry.add("categories", [event.kind])
    return entry


def calendar(events, lang: str, page_url, *, name: str) -> bytes:
    """The events as one VCALENDAR; ``page_url(event)`` gives each event's page address."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(calendar_event(event, lang, page_url(event)))
    return cal.to_ical()
