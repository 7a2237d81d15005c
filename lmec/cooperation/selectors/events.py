"""Reads of events and participants: the published events (with filters), one event, the
public aggregates of its participants, and (for organisers) its registrations."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from zoneinfo import ZoneInfo

import polars as pl
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from lmec.core.exports import Table

from ..models import (
    AgeGroup,
    Event,
    EventKind,
    EventStatus,
    Gender,
    Registration,
    RegistrationStatus,
    StakeholderType,
)

TEXT_FIELDS = ("title", "summary", "agenda", "outcomes", "city", "venue")
#: Statuses the public sees: a cancelled event stays on its page, marked cancelled.
PUBLIC_STATUSES = (EventStatus.PUBLISHED, EventStatus.CANCELLED)


def text(obj, field: str, lang: str) -> str:
    """``field`` in ``lang``, else in the record's original language, else English, else
    Chinese (the strategy's language), else any language that has it."""
    from django.conf import settings

    original = getattr(obj, "language", None) or "en"
    order = [lang, original, "en", "zh-hans"] + [c for c, _n in settings.LANGUAGES]
    for code in dict.fromkeys(order):
        value = getattr(obj, build_localized_fieldname(field, code), "") or ""
        if value:
            return value
    return ""


def text_language(obj, field: str, lang: str) -> str:
    """The language :func:`text` shows ``field`` in."""
    from django.conf import settings

    original = getattr(obj, "language", None) or "en"
    for code in dict.fromkeys(
        [lang, original, "en", "zh-hans"] + [c for c, _ in settings.LANGUAGES]
    ):
        if getattr(obj, build_localized_fieldname(field, code), ""):
            return code
    return lang


def with_related(events: QuerySet) -> QuerySet:
    return events.select_related("country").prefetch_related(
        Prefetch("activities", queryset=_activities()),
        "organisers",
        "partners",
        "documents",
    )


def _activities():
    from ..models import Activity

    return Activity.objects.select_related("action__direction").order_by("position")


def published_events(
    *,
    year: int | None = None,
    kind: str | None = None,
    country: str | None = None,
    activity: str | None = None,
    direction: str | None = None,
    when: str | None = None,
    now: dt.datetime | None = None,
) -> QuerySet:
    """Published (and cancelled) events, newest first. ``when`` is ``upcoming`` (not over)
    or ``past``; ``activity`` an activity code (``D1-A1-1``), ``direction`` ``D1``…``D5``."""
    events = Event.objects.filter(status__in=PUBLIC_STATUSES)
    if year:
        events = events.filter(start__year=year)
    if kind:
        events = events.filter(kind=kind)
    if country:
        events = events.filter(country_id=country)
    if activity:
        events = events.filter(activities__code=activity)
    if direction:
        events = events.filter(activities__action__direction__code=direction)
    now = now or timezone.now()
    if when == "upcoming":
        events = events.filter(end__gte=now).order_by("start", "pk")
    elif when == "past":
        events = events.filter(end__lt=now).order_by("-start", "-pk")
    else:
        events = events.order_by("-start", "-pk")
    return events.distinct()


def visible_event(user, slug: str) -> Event:
    """The event ``slug`` if ``user`` may see it (drafts: its organisers); else
    ``Event.DoesNotExist``."""
    event = with_related(Event.objects.filter(slug=slug)).get()
    if not user.has_perm("cooperation.view_event", event):
        raise Event.DoesNotExist(slug)
    return event


def managed_events(user) -> QuerySet:
    """The events ``user`` organises (every event for the secretariat)."""
    from lmec.core.permissions import is_secretariat

    if is_secretariat(user):
        return Event.objects.all()
    if getattr(user, "is_authenticated", False) and user.country_id and user.role == "focal_point":
        return Event.objects.filter(country_id=user.country_id)
    return Event.objects.none()


def local_times(event: Event) -> tuple[dt.datetime, dt.datetime]:
    """Start and end in the venue's zone."""
    zone = ZoneInfo(event.timezone)
    return event.start.astimezone(zone), event.end.astimezone(zone)


def hours(event: Event) -> float:
    """Duration of the event [h]; for an event of several days, 8 h a day (a working day),
    as certificates of training state it."""
    start, end = local_times(event)
    days = (end.date() - start.date()).days + 1
    span = (end - start).total_seconds() / 3600
    return round(span if days == 1 else min(span, 8.0 * days), 1)


def participant_aggregates(event: Event | None = None, events: QuerySet | None = None) -> dict:
    """Counts of participants by country, gender, age group and stakeholder type (public:
    no names). After an event has started only those who attended count; before, those
    registered (not the waiting list). Cancelled registrations never count."""
    registrations = Registration.objects.exclude(status=RegistrationStatus.CANCELLED)
    if event is not None:
        registrations = registrations.filter(event=event)
    if events is not None:
        registrations = registrations.filter(event__in=events)
    now = timezone.now()
    registrations = registrations.filter(
        Q(event__start__lte=now, attended=True)
        | Q(event__start__gt=now, status=RegistrationStatus.REGISTERED)
    )
    rows = list(registrations.values_list("country_id", "gender", "age_group", "stakeholder_type"))
    by = [Counter(r[i] or "unknown" for r in rows) for i in range(4)]
    return {
        "total": len(rows),
        "basis": "attended" if event is None or event.start <= now else "registered",
        "by_country": dict(sorted(by[0].items())),
        "by_gender": {k: by[1][k] for k in Gender.values if by[1][k]},
        "by_age_group": {k: by[2][k] for k in AgeGroup.values if by[2][k]},
        "by_stakeholder_type": {k: by[3][k] for k in StakeholderType.values if by[3][k]},
    }


def registrations_for(event: Event) -> QuerySet:
    """The registrations of an event (organisers only: the caller checks)."""
    return (
        Registration.objects.filter(event=event)
        .select_related("country", "user")
        .order_by("created_at", "pk")
    )


def summary(event: Event, lang: str) -> dict:
    """An event as JSON-ready data in ``lang`` (public fields only)."""
    start, end = local_times(event)
    return {
        "slug": event.slug,
        "kind": event.kind,
        "kind_label": str(EventKind(event.kind).label),
        "status": event.status,
        "title": text(event, "title", lang),
        "summary": text(event, "summary", lang),
        "agenda": text(event, "agenda", lang),
        "outcomes": text(event, "outcomes", lang),
        "language": text_language(event, "title", lang),
        "original_language": event.language,
        "start": event.start.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
        "end": event.end.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
        "local_start": start.isoformat(),
        "local_end": end.isoformat(),
        "timezone": event.timezone,
        "online": event.online,
        "country": event.country_id,
        "city": text(event, "city", lang),
        "venue": text(event, "venue", lang),
        "url": event.url,
        "activities": [a.code for a in event.activities.all()],
        "organisers": [o.slug for o in event.organisers.all()],
        "partners": [o.slug for o in event.partners.all()],
        "documents": [d.identifier for d in event.documents.all()],
        "registration_open": event.registration_open,
        "capacity": event.capacity,
    }


def events_table(events: QuerySet, lang: str) -> Table:
    """The list of events for download (no personal data)."""
    rows = [summary(e, lang) for e in with_related(events)]
    frame = pl.DataFrame(
        {
            "slug": [r["slug"] for r in rows],
            "title": [r["title"] for r in rows],
            "kind": [r["kind"] for r in rows],
            "status": [r["status"] for r in rows],
            "start_utc": [r["start"] for r in rows],
            "end_utc": [r["end"] for r in rows],
            "timezone": [r["timezone"] for r in rows],
            "country": [r["country"] or "" for r in rows],
            "city": [r["city"] for r in rows],
            "online": [r["online"] for r in rows],
            "activities": [" ".join(r["activities"]) for r in rows],
            "organisers": [" ".join(r["organisers"]) for r in rows],
        },
        schema={
            "slug": pl.String,
            "title": pl.String,
            "kind": pl.String,
            "status": pl.String,
            "start_utc": pl.String,
            "end_utc": pl.String,
            "timezone": pl.String,
            "country": pl.String,
            "city": pl.String,
            "online": pl.Boolean,
            "activities": pl.String,
            "organisers": pl.String,
        },
    )
    return Table(name="events", kind="events", frame=frame)


def registrations_table(event: Event) -> Table:
    """An event's registrations with personal data (organisers only: the caller checks)."""
    rows = list(registrations_for(event))
    columns = {
        "name": [r.name for r in rows],
        "email": [r.email for r in rows],
        "country": [r.country_id or "" for r in rows],
        "organisation": [r.organisation_name for r in rows],
        "stakeholder_type": [r.stakeholder_type for r in rows],
        "gender": [r.gender for r in rows],
        "age_group": [r.age_group for r in rows],
        "status": [r.status for r in rows],
        "attended": ["" if r.attended is None else ("yes" if r.attended else "no") for r in rows],
        "certificate_number": [r.certificate_number for r in rows],
        "registered_at": [r.created_at.astimezone(dt.UTC).replace(tzinfo=None) for r in rows],
    }
    schema = {name: pl.String for name in columns} | {"registered_at": pl.Datetime("us")}
    return Table(
        name=f"{event.slug}-registrations",
        kind="registrations",
        frame=pl.DataFrame(columns, schema=schema),
    )
