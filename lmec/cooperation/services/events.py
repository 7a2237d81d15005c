"""Writes of events and their participants: create, edit, publish and cancel an event;
register (with consent), cancel a registration, mark attendance, import an attendance list,
issue certificates of participation.

Every function checks the permission rules (:mod:`lmec.cooperation.permissions.events`)
and raises ``PermissionDenied``; a record that does not validate raises
:class:`EventInvalid` (``errors`` maps each bad field to its messages), a step the event's
state does not allow raises :class:`EventStateError` (the API's 409), and an attendance
list with bad rows raises :class:`AttendanceImportInvalid` (row, column, value, reason) and
stores nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from lmec.core.errors import RecordInvalid, StateConflict
from lmec.core.models import Country

from ..models import (
    Activity,
    AgeGroup,
    Event,
    EventKind,
    EventStatus,
    Gender,
    Registration,
    RegistrationStatus,
    StakeholderType,
)

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
#: Fields written in several languages (``lmec/cooperation/translation.py``).
TEXT_FIELDS = ("title", "summary", "agenda", "outcomes", "city", "venue")
#: Every field an event's ``data`` may have (the API's names; the page's form too).
EVENT_FIELDS = (
    "slug",
    "kind",
    "language",
    "start",
    "end",
    "timezone",
    "online",
    "country",
    "url",
    "activities",
    "organisers",
    "partners",
    "documents",
    "registration_open",
    "capacity",
    *TEXT_FIELDS,
)
#: The venue's zone when none is given: the host country's capital.
COUNTRY_ZONES = {
    "CN": "Asia/Shanghai",
    "KH": "Asia/Phnom_Penh",
    "LA": "Asia/Vientiane",
    "MM": "Asia/Yangon",
    "TH": "Asia/Bangkok",
    "VN": "Asia/Ho_Chi_Minh",
}
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
#: The columns of an attendance list (CSV or XLSX), in this order in the template.
ATTENDANCE_COLUMNS = (
    "name",
    "email",
    "country",
    "organisation",
    "stakeholder_type",
    "gender",
    "age_group",
    "attended",
)
YES = {"yes", "y", "true", "1", "x", "✓"}
NO = {"no", "n", "false", "0", ""}


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


class EventInvalid(RecordInvalid):
    """A record that cannot be stored: ``errors`` maps each bad field to its messages."""


class EventStateError(StateConflict):
    """A step the event's (or registration's) state does not allow now; the message says
    why: registration closed, event cancelled or over, the e-mail already registered."""


class AttendanceImportInvalid(ValueError):
    """An attendance list with problems: ``errors`` is a list of ``{row, column, value,
    reason}`` (row 1 is the header, so the first person is row 2); nothing was stored."""

    def __init__(self, errors: list[dict]):
        self.errors = errors
        super().__init__(self.describe())

    def describe(self) -> str:
        return "; ".join(
            f"row {e['row']}, {e['column']} {e['value']!r}: {e['reason']}" for e in self.errors
        )


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(_("You may not do this with this event."))


# ---------------------------------------------------------------------------------------
# events


def _texts(value, language: str) -> dict[str, str] | str:
    """A text given as a string (in the record's language) or ``{language: text}``;
    returns the mapping, or an error message."""
    if isinstance(value, str):
        return {language: value.strip()}
    if isinstance(value, dict):
        unknown = [k for k in value if k not in LANGUAGE_CODES]
        if unknown:
            return _("Unknown language %(codes)s; choose from %(valid)s.") % {
                "codes": ", ".join(map(str, unknown)),
                "valid": ", ".join(LANGUAGE_CODES),
            }
        if not all(isinstance(v, str) for v in value.values()):
            return _("Each text must be a string.")
        return {k: v.strip() for k, v in value.items()}
    return _("Give a text or {language: text}.")


NEEDS_ZONE = "zone"


def _moment(value, zone: ZoneInfo | None) -> dt.datetime | str:
    """An ISO 8601 time; without an offset it is the venue's local time."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return _("Not a date and time (use ISO 8601, e.g. 2025-05-14T09:00).")
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(9, 0))
    if not isinstance(value, dt.datetime):
        return _("Not a date and time (use ISO 8601, e.g. 2025-05-14T09:00).")
    if timezone.is_naive(value):
        if zone is None:
            return NEEDS_ZONE
        value = value.replace(tzinfo=zone)
    return value.astimezone(dt.UTC)


def _codes(model, field: str, values, errors, name: str):
    if not isinstance(values, list | tuple) or not all(isinstance(v, str) for v in values):
        errors[name] = [_("Give a list of codes.")]
        return None
    found = {getattr(o, field): o for o in model.objects.filter(**{f"{field}__in": values})}
    missing = [v for v in values if v not in found]
    if missing:
        errors[name] = [_("Unknown: %(codes)s.") % {"codes": ", ".join(missing)}]
        return None
    return [found[v] for v in dict.fromkeys(values)]


def _clean_event(data: dict, event: Event | None) -> tuple[dict, dict, dict]:
    """Check a record (create: ``event`` None; update: only the fields given). Returns the
    plain fields, the texts ``{field: {lang: text}}`` and the links (m2m)."""
    from lmec.knowledge.models import Resource
    from lmec.network.models import Organisation

    errors: dict[str, list[str]] = {}
    fields: dict = {}
    for name in data:
        if name not in EVENT_FIELDS:
            errors[name] = [
                _("Unknown field; the fields are %(f)s.") % {"f": ", ".join(EVENT_FIELDS)}
            ]
    creating = event is None
    for required in ("slug", "kind", "title", "start", "end"):
        if creating and data.get(required) in (None, "", {}):
            errors[required] = [_("This field is required.")]

    if "slug" in data and data["slug"]:
        slug = str(data["slug"])
        if not SLUG_RE.match(slug):
            errors["slug"] = [_("Use lower-case letters, digits and hyphens (e.g. 2025-ypf).")]
        elif Event.objects.filter(slug=slug).exclude(pk=getattr(event, "pk", None)).exists():
            errors["slug"] = [_("An event with this code exists already.")]
        else:
            fields["slug"] = slug
    if "kind" in data and data["kind"]:
        if data["kind"] not in EventKind.values:
            errors["kind"] = [_("Choose one of %(v)s.") % {"v": ", ".join(EventKind.values)}]
        else:
            fields["kind"] = data["kind"]
    language = data.get("language", event.language if event else "en")
    if language not in LANGUAGE_CODES:
        errors["language"] = [_("Choose one of %(v)s.") % {"v": ", ".join(LANGUAGE_CODES)}]
        language = "en"
    elif "language" in data:
        fields["language"] = language
    if "country" in data:
        code = data["country"] or None
        if code is not None and not Country.objects.filter(code=code).exists():
            errors["country"] = [
                _("Unknown country; choose one of %(v)s.") % {"v": ", ".join(COUNTRY_ZONES)}
            ]
        else:
            fields["country_id"] = code
    country = fields.get("country_id", event.country_id if event else None)
    zone_name = data.get("timezone") or (
        event.timezone if event else COUNTRY_ZONES.get(country or "", "Asia/Bangkok")
    )
    zone = None
    if zone_name not in _zones():
        errors["timezone"] = [_("Not an IANA time zone (e.g. Asia/Vientiane).")]
    else:
        try:
            zone = ZoneInfo(zone_name)
        except (ZoneInfoNotFoundError, ValueError):
            errors["timezone"] = [_("Not an IANA time zone (e.g. Asia/Vientiane).")]
        fields["timezone"] = zone_name
    for name in ("start", "end"):
        if name in data and data[name] not in (None, ""):
            moment = _moment(data[name], zone)
            if isinstance(moment, str):
                if moment != NEEDS_ZONE or "timezone" not in errors:  # else the zone is wrong
                    errors[name] = [
                        _("Give the venue's time zone to read local times.")
                        if moment == NEEDS_ZONE
                        else moment
                    ]
            else:
                fields[name] = moment
    start = fields.get("start", event.start if event else None)
    end = fields.get("end", event.end if event else None)
    if start and end and end < start and "end" not in errors:
        errors["end"] = [_("An event cannot end before it starts.")]
    for name in ("online", "registration_open"):
        if name in data:
            if not isinstance(data[name], bool):
                errors[name] = [_("Give true or false.")]
            else:
                fields[name] = data[name]
    online = fields.get("online", event.online if event else False)
    if not online and country is None and ("country" in data or creating):
        errors.setdefault("country", [_("Give the host country, or mark the event online.")])
    if "url" in data:
        url = (data["url"] or "").strip()
        if url:
            try:
                URLValidator(schemes=["http", "https"])(url)
            except ValidationError:
                errors["url"] = [_("Not a web address (http or https).")]
        fields["url"] = url
    if "capacity" in data:
        capacity = data["capacity"]
        if capacity is not None and (
            isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 1
        ):
            errors["capacity"] = [_("Give a whole number of places (1 or more), or nothing.")]
        else:
            fields["capacity"] = capacity
    texts: dict[str, dict[str, str]] = {}
    for name in TEXT_FIELDS:
        if name in data and data[name] is not None:
            value = _texts(data[name], language)
            if isinstance(value, str):
                errors[name] = [value]
            else:
                limit = Event._meta.get_field(name).max_length
                too_long = [k for k, v in value.items() if limit and len(v) > limit]
                if too_long:
                    errors[name] = [_("At most %(n)d characters.") % {"n": limit}]
                texts[name] = value
    if creating and "title" in texts and not texts["title"].get(language):
        errors["title"] = [_("Give the title in the record's language (%(l)s).") % {"l": language}]
    links: dict = {}
    for name, model, field in (
        ("activities", Activity, "code"),
        ("organisers", Organisation, "slug"),
        ("partners", Organisation, "slug"),
        ("documents", Resource, "identifier"),
    ):
        if name in data and data[name] is not None:
            found = _codes(model, field, data[name], errors, name)
            if found is not None:
                links[name] = found
    if errors:
        raise EventInvalid(errors)
    return fields, texts, links


def _store(event: Event, fields: dict, texts: dict, links: dict) -> Event:
    for name, value in fields.items():
        setattr(event, name, value)
    for name, values in texts.items():
        for lang, text in values.items():
            setattr(event, build_localized_fieldname(name, lang), text)
    # The texts are checked above per language (the original's title required); the model's
    # own check would read the *active* language's column and refuse an event written in Lao.
    try:
        event.full_clean(
            exclude=[
                "activities",
                "organisers",
                "partners",
                "documents",
                "created_by",
                *TEXT_FIELDS,
            ]
        )
    except ValidationError as exc:
        raise EventInvalid(exc.message_dict) from exc
    event.save()
    for name, objects in links.items():
        getattr(event, name).set(objects)
    return event


def _may_host(user, country: str | None) -> bool:
    """The secretariat hosts anywhere; a focal point only in their own country."""
    from lmec.core.permissions import is_secretariat

    return bool(is_secretariat(user) or (country and country == getattr(user, "country_id", None)))


@transaction.atomic
def create_event(*, user, data: dict) -> Event:
    """A new event (a draft unless ``status`` is later published). Times without an offset
    are local times at the venue (``timezone``, default the host country's capital)."""
    _require(user, "cooperation.add_event")
    fields, texts, links = _clean_event(data, None)
    if not _may_host(user, fields.get("country_id")):
        raise PermissionDenied(_("A focal point creates events of their own country only."))
    event = Event(created_by=user if user.is_authenticated else None)
    return _store(event, fields, texts, links)


@transaction.atomic
def update_event(*, user, event: Event, data: dict) -> Event:
    """Change the fields given; a focal point cannot move an event to another country."""
    _require(user, "cooperation.change_event", event)
    fields, texts, links = _clean_event(data, event)
    if "country_id" in fields and not _may_host(user, fields["country_id"]):
        raise PermissionDenied(_("A focal point cannot move an event to another country."))
    return _store(event, fields, texts, links)


@transaction.atomic
def publish_event(*, user, event: Event) -> Event:
    """Show a draft event to the public."""
    _require(user, "cooperation.publish_event", event)
    if event.status == EventStatus.CANCELLED:
        raise EventStateError(_("A cancelled event cannot be published."))
    event.status = EventStatus.PUBLISHED
    event.save(update_fields=["status", "updated_at"])
    return event


@transaction.atomic
def cancel_event(*, user, event: Event) -> Event:
    """Cancel an event: it stays public (marked cancelled, STATUS:CANCELLED in calendars)
    and its registration closes."""
    _require(user, "cooperation.cancel_event", event)
    if event.status == EventStatus.CANCELLED:
        raise EventStateError(_("This event is cancelled already."))
    event.status = EventStatus.CANCELLED
    event.registration_open = False
    event.save(update_fields=["status", "registration_open", "updated_at"])
    return event


# ---------------------------------------------------------------------------------------
# registrations


def _choice(value, choices, name: str, errors: dict, default=None):
    value = (value or "").strip() if isinstance(value, str) else value
    if value in (None, "") and default is not None:
        return default
    if value not in choices.values:
        errors[name] = [_("Choose one of %(v)s.") % {"v": ", ".join(choices.values)}]
    return value


def _check_person(
    *, name, email, country, stakeholder_type, gender, age_group, organisation_name
) -> tuple[dict, dict]:
    errors: dict[str, list[str]] = {}
    person: dict = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = [_("Give your full name.")]
    elif len(name) > 200:
        errors["name"] = [_("At most %(n)d characters.") % {"n": 200}]
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = [_("Not an e-mail address.")]
    country = (country or "").strip().upper() or None
    if country and not Country.objects.filter(code=country).exists():
        errors["country"] = [
            _("Unknown country; choose one of %(v)s.") % {"v": ", ".join(sorted(COUNTRY_ZONES))}
        ]
    organisation_name = (organisation_name or "").strip()
    if len(organisation_name) > 300:
        errors["organisation"] = [_("At most %(n)d characters.") % {"n": 300}]
    person.update(
        name=name,
        email=email,
        country_id=country,
        organisation_name=organisation_name,
        stakeholder_type=_choice(stakeholder_type, StakeholderType, "stakeholder_type", errors),
        gender=_choice(gender, Gender, "gender", errors, Gender.UNDISCLOSED),
        age_group=_choice(age_group, AgeGroup, "age_group", errors, AgeGroup.UNDISCLOSED),
    )
    return person, errors


def registration_refusal(event: Event, *, now: dt.datetime | None = None) -> str | None:
    """Why nobody can register for ``event`` now (a sentence), or None when one can."""
    now = now or timezone.now()
    if event.status == EventStatus.CANCELLED:
        return _("This event is cancelled.")
    if event.status != EventStatus.PUBLISHED:
        return _("This event is not published.")
    if event.end < now:
        return _("This event is over.")
    if not event.registration_open:
        return _("Registration for this event is closed.")
    return None


@transaction.atomic
def register(
    *,
    event: Event,
    name: str,
    email: str,
    consent: bool,
    stakeholder_type: str,
    user=None,
    country: str | None = None,
    organisation_name: str = "",
    gender: str = "",
    age_group: str = "",
    now: dt.datetime | None = None,
) -> Registration:
    """Register one person (signed in as ``user`` or anonymous). Consent to the processing
    of their data is required. When the places are taken the person goes on the waiting
    list; an e-mail registers once per event (a cancelled registration is renewed)."""
    now = now or timezone.now()
    # lock the event so that two people cannot both take the last place
    event = Event.objects.select_for_update().get(pk=event.pk)
    person, errors = _check_person(
        name=name,
        email=email,
        country=country,
        stakeholder_type=stakeholder_type,
        gender=gender,
        age_group=age_group,
        organisation_name=organisation_name,
    )
    if consent is not True:
        errors["consent"] = [_("Registration needs your consent to the use of your data.")]
    if errors:
        raise EventInvalid(errors)
    refusal = registration_refusal(event, now=now)
    if refusal:
        raise EventStateError(refusal)
    existing = Registration.objects.filter(event=event, email__iexact=person["email"]).first()
    if existing is not None and existing.status != RegistrationStatus.CANCELLED:
        raise EventStateError(
            _("The e-mail %(email)s is already registered for this event.")
            % {"email": person["email"]}
        )
    taken = Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED).count()
    status = (
        RegistrationStatus.WAITLISTED
        if event.capacity is not None and taken >= event.capacity
        else RegistrationStatus.REGISTERED
    )
    registration = existing or Registration(event=event)
    for field, value in person.items():
        setattr(registration, field, value)
    registration.user = user if user is not None and user.is_authenticated else None
    registration.status = status
    registration.consent_at = now
    registration.save()
    return registration


@transaction.atomic
def cancel_registration(*, user, registration: Registration) -> Registration:
    """Cancel a registration (its owner or an organiser); the first on the waiting list
    takes the freed place."""
    _require(user, "cooperation.cancel_registration", registration)
    if registration.status == RegistrationStatus.CANCELLED:
        raise EventStateError(_("This registration is cancelled already."))
    freed = registration.status == RegistrationStatus.REGISTERED
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    if freed:
        waiting = (
            Registration.objects.filter(
                event=registration.event, status=RegistrationStatus.WAITLISTED
            )
            .order_by("created_at", "pk")
            .first()
        )
        if waiting is not None:
            waiting.status = RegistrationStatus.REGISTERED
            waiting.save(update_fields=["status", "updated_at"])
    return registration


def _attendance_allowed(event: Event, now: dt.datetime | None = None) -> None:
    if event.status == EventStatus.CANCELLED:
        raise EventStateError(_("This event is cancelled."))
    if event.start > (now or timezone.now()):
        raise EventStateError(_("Attendance is marked once the event has started."))


@transaction.atomic
def mark_attendance(
    *, user, event: Event, registrations: Iterable[int], attended: bool = True
) -> int:
    """Mark the registrations (ids) of ``event`` as attended (or not); returns how many."""
    _require(user, "cooperation.manage_registrations", event)
    _attendance_allowed(event)
    ids = set(registrations)
    found = set(Registration.objects.filter(event=event, pk__in=ids).values_list("pk", flat=True))
    if ids - found:
        raise EventInvalid(
            {
                "registrations": [
                    _("Not registrations of this event: %(ids)s.")
                    % {"ids": ", ".join(map(str, sorted(ids - found)))}
                ]
            }
        )
    return Registration.objects.filter(pk__in=found).update(
        attended=attended, updated_at=timezone.now()
    )


def read_table(filename: str, content: bytes) -> list[dict]:
    """The rows of a CSV (UTF-8, with or without BOM) or XLSX file as ``{column: text}``;
    ``ValueError`` for a file that is neither."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        except Exception as exc:  # openpyxl raises many types for a broken file
            raise ValueError(_("Not a readable XLSX file (%(e)s).") % {"e": exc}) from None
        rows = [
            ["" if v is None else str(v).strip() for v in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    elif name.endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValueError(_("A CSV file must be UTF-8 encoded.")) from None
        rows = [[v.strip() for v in row] for row in csv.reader(io.StringIO(text))]
    else:
        raise ValueError(_("Upload a .csv or .xlsx file."))
    rows = [row for row in rows if any(row)]
    if not rows:
        raise ValueError(_("The file is empty."))
    header = [h.strip().lower() for h in rows[0]]
    return [
        dict(zip(header, row + [""] * (len(header) - len(row)), strict=False)) for row in rows[1:]
    ]


@transaction.atomic
def import_attendance(*, user, event: Event, filename: str, content: bytes) -> dict:
    """Read an attendance list (columns :data:`ATTENDANCE_COLUMNS`; CSV or XLSX) into the
    event's registrations: a known e-mail updates its registration, a new one is added
    (the organiser collected the person's consent on the sign-in sheet; ``consent_at`` is
    the time of import). All or nothing: any bad row stores none."""
    _require(user, "cooperation.manage_registrations", event)
    _attendance_allowed(event)
    try:
        rows = read_table(filename, content)
    except ValueError as exc:
        raise AttendanceImportInvalid(
            [{"row": 1, "column": "", "value": filename, "reason": str(exc)}]
        ) from None
    first = rows[0] if rows else {}
    header_missing = [
        c for c in ("name", "email", "stakeholder_type", "attended") if c not in first
    ]
    if header_missing or not rows:
        raise AttendanceImportInvalid(
            [
                {"row": 1, "column": c, "value": "", "reason": _("Missing column.")}
                for c in header_missing
            ]
            or [{"row": 2, "column": "", "value": "", "reason": _("No rows below the header.")}]
        )
    errors: list[dict] = []
    people: list[tuple[dict, bool]] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows, start=2):
        person, problems = _check_person(
            name=row.get("name"),
            email=row.get("email"),
            country=row.get("country"),
            stakeholder_type=row.get("stakeholder_type"),
            gender=row.get("gender"),
            age_group=row.get("age_group"),
            organisation_name=row.get("organisation"),
        )
        for field, messages in problems.items():
            errors.append(
                {
                    "row": number,
                    "column": field,
                    "value": row.get(field, ""),
                    "reason": " ".join(messages),
                }
            )
        mark = (row.get("attended") or "").strip().lower()
        if mark not in YES | NO:
            errors.append(
                {
                    "row": number,
                    "column": "attended",
                    "value": row.get("attended", ""),
                    "reason": _("Give yes or no."),
                }
            )
        email = person["email"]
        if email and email in seen:
            errors.append(
                {
                    "row": number,
                    "column": "email",
                    "value": email,
                    "reason": _("Also on row %(n)d.") % {"n": seen[email]},
                }
            )
        seen.setdefault(email, number)
        people.append((person, mark in YES))
    if errors:
        raise AttendanceImportInvalid(errors)
    now = timezone.now()
    existing = {r.email.lower(): r for r in Registration.objects.filter(event=event)}
    created = updated = 0
    for person, attended in people:
        registration = existing.get(person["email"])
        if registration is None:
            registration = Registration(event=event, consent_at=now, **person)
            created += 1
        else:
            for field, value in person.items():
                if value not in (None, "") and field != "email":
                    setattr(registration, field, value)
            updated += 1
        registration.attended = attended
        if registration.status == RegistrationStatus.WAITLISTED and attended:
            registration.status = RegistrationStatus.REGISTERED
        registration.save()
    return {"created": created, "updated": updated, "attended": sum(a for _p, a in people)}


def certificate_number(registration: Registration) -> str:
    """``LMEC-<year>-<event id>-<registration id>``: unique and never changes once issued."""
    return f"LMEC-{registration.event.start.year}-{registration.event_id:04d}-{registration.pk:05d}"


@transaction.atomic
def issue_certificates(*, user, event: Event) -> list[Registration]:
    """Give every attended participant of a training a certificate number (those issued
    already keep theirs); returns the registrations with a certificate."""
    _require(user, "cooperation.manage_registrations", event)
    if event.kind != EventKind.TRAINING:
        raise EventStateError(_("Certificates of participation are issued for trainings."))
    attended = list(
        Registration.objects.filter(event=event, attended=True)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("event")
    )
    for registration in attended:
        if not registration.certificate_number:
            registration.certificate_number = certificate_number(registration)
            registration.save(update_fields=["certificate_number", "updated_at"])
    return attended
