"""``/api/v1/cooperation/events``: the published events, registration, public aggregates of
participants; creating and changing events for the secretariat and focal points.

Reading is public. Registration is public too (consent required, rate-limited per IP
address: 429). Writes on events use the browser session (sign-in cookie plus the CSRF
token in ``X-CSRFToken``) and the same services and rules as the pages: 401 without a
session, 403 without the right, 404 for an event one may not see, 409 for a step the event's
state does not allow (registration closed, e-mail already registered, cancelled), 422 for a
record that does not validate (``errors`` names every bad field).
"""

from __future__ import annotations

from typing import Annotated, Literal

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django_ratelimit.core import is_ratelimited
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import ConfigDict

from lmec.core import exports
from lmec.core.api import (
    READ_ERRORS,
    ErrorOut,
    Lang,
    RecordErrorOut,
    ValidationErrorOut,
    language_of,
    refusals,
    write_docs,
    write_errors,
)

from ..models import AgeGroup, Event, EventKind, Gender, StakeholderType
from ..selectors import events as selectors
from ..services import events as services

router = Router(tags=["cooperation: events"])

CountryCode = Literal["CN", "KH", "LA", "MM", "TH", "VN"]
KindCode = Literal[tuple(EventKind.values)]  # type: ignore[valid-type]
DirectionCode = Literal["D1", "D2", "D3", "D4", "D5"]
FormatCode = Literal["csv", "xlsx"]
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,119}$"
Slug = Annotated[str, Path(..., pattern=SLUG_PATTERN, description="The event's code")]
#: An address Django's ``validate_email`` accepts (the schema promises what is accepted).
EMAIL_PATTERN = (
    r"^[A-Za-z0-9_%+-]{1,64}(\.[A-Za-z0-9_%+-]{1,64}){0,3}"
    r"@([A-Za-z0-9]([A-Za-z0-9-]{0,20}[A-Za-z0-9])?\.){1,4}[A-Za-z]{2,20}$"
)
Texts = str | dict[str, str]


WRITE_ERRORS = write_errors(conflict=True)
WRITE_DOCS = write_docs(
    conflict="The event's state does not allow this now",
    invalid="The record does not validate (each bad field named)",
)


class EventLinksOut(Schema):
    page: str
    calendar: str


class EventOut(Schema):
    slug: str
    kind: str
    kind_label: str
    status: str
    title: str
    summary: str
    agenda: str
    outcomes: str
    language: str = Field(..., description="Language of the title shown")
    original_language: str
    start: str = Field(..., description="UTC, ISO 8601")
    end: str = Field(..., description="UTC, ISO 8601")
    local_start: str = Field(..., description="At the venue, ISO 8601 with its offset")
    local_end: str
    timezone: str = Field(..., description="IANA zone of the venue")
    online: bool
    country: str | None
    city: str
    venue: str
    url: str
    activities: list[str]
    organisers: list[str]
    partners: list[str]
    documents: list[str] = Field(..., description="Identifiers of knowledge resources")
    registration_open: bool
    capacity: int | None
    links: EventLinksOut


class EventListOut(Schema):
    language: str
    count: int
    items: list[EventOut]


class EventPatch(Schema):
    """Fields of an event; texts as a string in the record's language or ``{language:
    text}``; times in ISO 8601, without an offset read in the venue's ``timezone``."""

    model_config = ConfigDict(extra="forbid")
    kind: KindCode | None = None
    language: str | None = Field(None, examples=["th"])
    title: Texts | None = None
    summary: Texts | None = None
    agenda: Texts | None = None
    outcomes: Texts | None = None
    city: Texts | None = None
    venue: Texts | None = None
    start: str | None = Field(None, examples=["2025-05-14T09:00"])
    end: str | None = Field(None, examples=["2025-05-15T16:30"])
    timezone: str | None = Field(None, examples=["Asia/Bangkok"])
    online: bool | None = None
    country: CountryCode | None = None
    url: str | None = None
    activities: list[str] | None = None
    organisers: list[str] | None = None
    partners: list[str] | None = None
    documents: list[str] | None = None
    registration_open: bool | None = None
    capacity: int | None = None


class EventIn(EventPatch):
    slug: str = Field(..., pattern=SLUG_PATTERN)
    kind: KindCode
    title: Texts
    start: str
    end: str


class RegistrationIn(Schema):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(..., min_length=1, max_length=200, pattern=r"\S")
    email: str = Field(..., max_length=254, pattern=EMAIL_PATTERN)
    consent: Literal[True] = Field(
        ..., description="Consent to the use of these data for this event and its statistics"
    )
    stakeholder_type: Literal[tuple(StakeholderType.values)]  # type: ignore[valid-type]
    country: CountryCode | None = None
    organisation: str = Field("", max_length=300)
    gender: Literal[tuple(Gender.values)] = "undisclosed"  # type: ignore[valid-type]
    age_group: Literal[tuple(AgeGroup.values)] = "undisclosed"  # type: ignore[valid-type]


class RegistrationOut(Schema):
    event: str
    status: str = Field(..., description="registered, or waitlisted when the places are taken")


class ParticipantsOut(Schema):
    event: str
    total: int
    basis: str = Field(..., description="attended (the event has started) or registered")
    by_country: dict[str, int]
    by_gender: dict[str, int]
    by_age_group: dict[str, int]
    by_stakeholder_type: dict[str, int]


def _formats_doc(names) -> dict:
    content = {
        exports.FORMATS[n].media_type.split(";")[0]: {"schema": {"type": "string"}} for n in names
    }
    return {"responses": {200: {"description": "The file.", "content": content}}}


def _out(request, event: Event, lang: str) -> dict:
    data = selectors.summary(event, lang)
    data["links"] = {
        "page": reverse("cooperation:event", kwargs={"slug": event.slug}),
        "calendar": reverse("cooperation:event_calendar", kwargs={"slug": event.slug}),
    }
    return data


def _visible(request, slug: str) -> Event | None:
    try:
        return selectors.visible_event(request.user, slug)
    except Event.DoesNotExist:
        return None


def _not_found(slug: str):
    return Status(404, {"detail": f"No event {slug!r} (or you may not see it)."})


def _download(table, fmt: str, stem: str) -> HttpResponse:
    return exports.download(table, fmt, stem=stem)


@router.get(
    "",
    response={200: EventListOut, **READ_ERRORS},
    summary="List the published events (cancelled ones included, marked)",
)
def list_events(
    request,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    kind: KindCode | None = None,
    country: Annotated[CountryCode | None, Query(description="Host country")] = None,
    activity: Annotated[str | None, Query(pattern=r"^D[1-9]-A[0-9]{1,2}-[0-9]{1,2}$")] = None,
    direction: DirectionCode | None = None,
    when: Literal["upcoming", "past"] | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    lang: Lang = None,
):
    with language_of(request, lang) as code:
        events = selectors.published_events(
            year=year,
            kind=kind,
            country=country,
            activity=activity,
            direction=direction,
            when=when,
        )
        count = events.count()
        page = selectors.with_related(events[offset : offset + limit])
        return {"language": code, "count": count, "items": [_out(request, e, code) for e in page]}


@router.get(
    "/export.{format}",
    response=READ_ERRORS,
    summary="Download the list of published events (no personal data)",
    openapi_extra=_formats_doc(["csv", "xlsx"]),
)
def export_events(
    request,
    format: Annotated[FormatCode, Path(description="File format")],
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    kind: KindCode | None = None,
    country: CountryCode | None = None,
    lang: Lang = None,
):
    with language_of(request, lang) as code:
        events = selectors.published_events(year=year, kind=kind, country=country)
        return _download(selectors.events_table(events, code), format, "events")


@router.get(
    "/{slug}",
    response={200: EventOut, **READ_ERRORS},
    summary="One event",
)
def get_event(request, slug: Slug, lang: Lang = None):
    with language_of(request, lang) as code:
        event = _visible(request, slug)
        if event is None:
            return _not_found(slug)
        return _out(request, event, code)


@router.post(
    "",
    auth=django_auth,
    response={201: EventOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Create an event (a draft; secretariat, or a focal point in their country)",
)
def create_event(request, body: EventIn, lang: Lang = None):
    with language_of(request, lang) as code:
        data = body.model_dump(exclude_unset=True)
        answer = refusals(lambda: services.create_event(user=request.auth, data=data))
        if isinstance(answer, Event):
            event = selectors.with_related(Event.objects.filter(pk=answer.pk)).get()
            return Status(201, _out(request, event, code))
        return answer


@router.patch(
    "/{slug}",
    auth=django_auth,
    response={200: EventOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Change some fields of an event",
)
def update_event(request, slug: Slug, body: EventPatch, lang: Lang = None):
    with language_of(request, lang) as code:
        event = _visible(request, slug)
        if event is None:
            return _not_found(slug)
        data = body.model_dump(exclude_unset=True)
        answer = refusals(lambda: services.update_event(user=request.auth, event=event, data=data))
        if isinstance(answer, Event):
            event = selectors.with_related(Event.objects.filter(pk=answer.pk)).get()
            return _out(request, event, code)
        return answer


def _step(name: str, service, summary: str):
    def view(request, slug: Slug, lang: Lang = None):
        with language_of(request, lang) as code:
            event = _visible(request, slug)
            if event is None:
                return _not_found(slug)
            answer = refusals(lambda: service(user=request.auth, event=event))
            if isinstance(answer, Event):
                event = selectors.with_related(Event.objects.filter(pk=answer.pk)).get()
                return _out(request, event, code)
            return answer

    view.__name__ = f"{name}_event"
    router.post(
        f"/{{slug}}/{name}",
        auth=django_auth,
        response={200: EventOut, **WRITE_ERRORS},
        openapi_extra=WRITE_DOCS,
        summary=summary,
        operation_id=f"cooperation_{name}_event",
    )(view)


_step("publish", services.publish_event, "Publish a draft event")
_step("cancel", services.cancel_event, "Cancel an event (it stays listed, marked cancelled)")


def _client_address(group, request) -> str:
    # a WSGI server always sets REMOTE_ADDR; an in-process call may not (then one bucket)
    return request.META.get("REMOTE_ADDR") or "unknown"


def registration_limited(request) -> bool:
    """Count one registration attempt of this IP address; True when over the rate."""
    return is_ratelimited(
        request,
        group="cooperation.event_registration",
        key=_client_address,
        rate=settings.EVENT_REGISTRATION_RATE,
        increment=True,
    )


@router.post(
    "/{slug}/registrations",
    response={
        201: RegistrationOut,
        400: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: RecordErrorOut | ValidationErrorOut,
        429: ErrorOut,
    },
    openapi_extra={
        "responses": {
            409: {
                "description": "Registration closed, event over or cancelled, or the "
                "e-mail is already registered"
            },
            429: {"description": "Too many registrations from this address; try later"},
        }
    },
    summary="Register for an event (anyone; consent required; rate-limited)",
)
def register(request, slug: Slug, body: RegistrationIn, lang: Lang = None):
    with language_of(request, lang):
        event = _visible(request, slug)
        if event is None:
            return _not_found(slug)
        if registration_limited(request):
            return Status(429, {"detail": "Too many registrations from your address; try later."})
        answer = refusals(
            lambda: services.register(
                event=event,
                user=request.user,
                name=body.name,
                email=body.email,
                consent=body.consent,
                stakeholder_type=body.stakeholder_type,
                country=body.country,
                organisation_name=body.organisation,
                gender=body.gender,
                age_group=body.age_group,
            )
        )
        if isinstance(answer, Status):
            return answer
        return Status(201, {"event": event.slug, "status": answer.status})


@router.get(
    "/{slug}/participants",
    response={200: ParticipantsOut, **READ_ERRORS},
    summary="Participants of an event, counted by country, gender, age group, stakeholder",
)
def participants(request, slug: Slug):
    event = _visible(request, slug)
    if event is None:
        return _not_found(slug)
    return {"event": event.slug, **selectors.participant_aggregates(event)}


@router.get(
    "/{slug}/registrations/export.{format}",
    auth=django_auth,
    response={400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut},
    openapi_extra={
        **_formats_doc(["csv", "xlsx"]),
        "responses": {
            **_formats_doc(["csv", "xlsx"])["responses"],
            401: {"description": "Not signed in"},
            403: {"description": "Not an organiser of this event"},
        },
    },
    summary="Download an event's registrations with personal data (organisers only)",
)
def export_registrations(
    request, slug: Slug, format: Annotated[FormatCode, Path(description="File format")]
):
    event = _visible(request, slug)
    if event is None:
        return _not_found(slug)
    if not request.auth.has_perm("cooperation.manage_registrations", event):
        return Status(403, {"detail": "Only the organisers of this event see its registrations."})
    return _download(selectors.registrations_table(event), format, f"{event.slug}-registrations")
