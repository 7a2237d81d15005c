"""Writes of projects and their funding (strategy 5.2 and 5.3).

A project is written from a plain dict (the API's JSON, a form, the demo): every field is
checked first and all problems are reported at once (:class:`ProjectInvalid`, field names as
in the dict: ``title``, ``partners[1].role``, ``sites[0].latitude``); nothing is written
unless all is well. Relations given (``activities``, ``countries``, ``partners``, ``sites``,
``milestones``, ``documents``) replace what is stored; those not given are left alone.

Funding rows convert to USD at the stored rate on or before their date (:mod:`..currency`);
the rate and its date are copied into the row. A CSV or XLSX file of funding rows is imported
all or nothing: every bad cell is named by row and column.

Every write asks the rules of :mod:`lmec.cooperation.permissions.projects`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from lmec.core.errors import RecordInvalid
from lmec.core.i18n import LANGUAGE_CODES
from lmec.core.models import Country
from lmec.core.services import translated_values
from lmec.monitoring.models import Station
from lmec.network.models import Organisation

from .. import currency
from ..models import (
    Activity,
    Funding,
    FundingKind,
    FundingSourceType,
    Milestone,
    MilestoneStatus,
    PartnerRole,
    Project,
    ProjectKind,
    ProjectPartner,
    ProjectSite,
    ProjectStatus,
)

TEXT_FIELDS = ("title", "summary", "outputs")
DATE_FIELDS = ("planned_start", "planned_end", "actual_start", "actual_end")
RELATIONS = ("activities", "countries", "partners", "sites", "milestones", "documents")
KNOWN_FIELDS = frozenset(
    {"code", "kind", "status", "published", "language", "country", "lead_organisation"}
    | set(TEXT_FIELDS)
    | set(DATE_FIELDS)
    | set(RELATIONS)
)
#: Partner roles by IATI code or by name (``"4"`` or ``"implementing"``).
ROLE_NAMES = {role.name.lower(): role.value for role in PartnerRole}
FUNDING_COLUMNS = ("project", "source_type", "kind", "date", "amount", "currency", "funder", "note")
REQUIRED_FUNDING_COLUMNS = ("source_type", "date", "amount", "currency")


class ProjectInvalid(RecordInvalid):
    """A project or funding row that cannot be stored: ``errors`` maps each bad field to
    its messages (``{"sites[0].latitude": ["…"]}``)."""


class FundingImportInvalid(ValueError):
    """A funding file with problems; ``errors`` lists ``{"row", "column", "message"}`` (row 1
    is the header, so the first data row is row 2, as a spreadsheet shows it)."""

    def __init__(self, errors: list[dict]):
        self.errors = errors
        super().__init__(self.describe())

    def describe(self) -> str:
        return "; ".join(
            _("row %(row)s, column %(column)s: %(message)s") % e
            if e.get("column")
            else _("row %(row)s: %(message)s") % e
            for e in self.errors
        )


def _require(user, perm: str, obj=None) -> None:
    if not (user and user.has_perm(perm, obj)):
        raise PermissionDenied(_("You may not do this with this project."))


# --- checking a project's data -------------------------------------------------------------


class _Errors(dict):
    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(str(message))


def _texts(value: Any, language: str, field: str, errors: _Errors) -> dict[str, str] | None:
    """A text as a string (in ``language``) or ``{language: text}``."""
    if isinstance(value, str):
        return {language: value.strip()}
    if isinstance(value, Mapping):
        bad = [code for code in value if code not in LANGUAGE_CODES]
        if bad:
            errors.add(
                field,
                _("Unknown language %(bad)s; use %(codes)s.")
                % {"bad": ", ".join(map(str, bad)), "codes": ", ".join(LANGUAGE_CODES)},
            )
            return None
        return {code: (text or "").strip() for code, text in value.items()}
    errors.add(field, _("Give a text or {language: text}."))
    return None


def _date(value: Any, field: str, errors: _Errors, *, required: bool = False) -> dt.date | None:
    if value in (None, ""):
        if required:
            errors.add(field, _("This field is required."))
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        errors.add(field, _("%(value)r is not a date (YYYY-MM-DD).") % {"value": value})
        return None


def _choice(value: Any, choices, field: str, errors: _Errors) -> str | None:
    if value in choices.values:
        return value
    errors.add(
        field,
        _("%(value)r is not one of: %(choices)s.")
        % {"value": value, "choices": ", ".join(choices.values)},
    )
    return None


def _lookup(model, key: str, values: list, field: str, errors: _Errors) -> list:
    """Rows of ``model`` whose ``key`` is in ``values``, in that order; unknown keys named."""
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        errors.add(field, _("Give a list of codes."))
        return []
    found = {getattr(obj, key): obj for obj in model.objects.filter(**{f"{key}__in": values})}
    missing = [v for v in values if v not in found]
    if missing:
        errors.add(field, _("Unknown: %(codes)s.") % {"codes": ", ".join(missing)})
    return [found[v] for v in dict.fromkeys(values) if v in found]


def _activities(codes, errors: _Errors) -> list[Activity]:
    # Activity codes are unique within an action; the registry's codes (D4-A3-1) are
    # unique across the strategy, so one code names one activity.
    return _lookup(Activity, "code", codes, "activities", errors)


def _documents(identifiers, errors: _Errors) -> list:
    from lmec.knowledge.models import Resource

    return _lookup(Resource, "identifier", identifiers, "documents", errors)


def _partners(items, errors: _Errors) -> list[tuple[Organisation, str]]:
    if not isinstance(items, list):
        errors.add("partners", _("Give a list of {organisation, role}."))
        return []
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, Mapping):
            errors.add(f"partners[{i}]", _("Give {organisation, role}."))
            continue
        slug = item.get("organisation")
        organisation = Organisation.objects.filter(slug=slug).first() if slug else None
        if organisation is None:
            errors.add(
                f"partners[{i}].organisation", _("Unknown organisation %(slug)r.") % {"slug": slug}
            )
        role = str(item.get("role", "")).strip().lower()
        role = ROLE_NAMES.get(role, role)
        if role not in PartnerRole.values:
            errors.add(
                f"partners[{i}].role",
                _("%(role)r is not an IATI organisation role: %(choices)s.")
                % {
                    "role": item.get("role"),
                    "choices": ", ".join(f"{r.value} {r.name.lower()}" for r in PartnerRole),
                },
            )
        elif organisation is not None:
            out.append((organisation, role))
    return list(dict.fromkeys(out))


def _number(value, field: str, errors: _Errors, low: float, high: float) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        errors.add(field, _("%(value)r is not a number.") % {"value": value})
        return None
    if not (low <= number <= high):
        errors.add(field, _("Must be between %(low)s and %(high)s.") % {"low": low, "high": high})
        return None
    return number


#: A site item without ``station``: the station of the site it replaces is kept.
KEEP_STATION = object()


@dataclass
class _Site:
    texts: dict[str, str]
    country: Country
    latitude: float
    longitude: float
    station: Any = KEEP_STATION  # a Station, None (no station), or KEEP_STATION


def _sites(items, language: str, errors: _Errors) -> list[_Site]:
    if not isinstance(items, list):
        errors.add("sites", _("Give a list of {name, country, latitude, longitude}."))
        return []
    countries = {c.code: c for c in Country.objects.all()}
    out = []
    for i, item in enumerate(items):
        field = f"sites[{i}]"
        if not isinstance(item, Mapping):
            errors.add(field, _("Give {name, country, latitude, longitude}."))
            continue
        before = len(errors)
        texts = _texts(item.get("name", ""), language, f"{field}.name", errors)
        if texts is not None and not any(texts.values()):
            errors.add(f"{field}.name", _("This field is required."))
        country = countries.get(item.get("country"))
        if country is None:
            errors.add(
                f"{field}.country",
                _("%(value)r is not one of: %(choices)s.")
                % {"value": item.get("country"), "choices": ", ".join(countries)},
            )
        lat = _number(item.get("latitude"), f"{field}.latitude", errors, -90, 90)
        lon = _number(item.get("longitude"), f"{field}.longitude", errors, -180, 180)
        station = KEEP_STATION
        if "station" in item:
            code = item["station"]
            station = Station.objects.filter(code=code).first() if code else None
            if code and station is None:
                errors.add(f"{field}.station", _("Unknown station %(code)r.") % {"code": code})
        if len(errors) == before:
            out.append(_Site(texts, country, lat, lon, station))
    return out


@dataclass
class _Milestone:
    texts: dict[str, str]
    due: dt.date
    done_on: dt.date | None
    status: str


def _milestones(items, language: str, errors: _Errors) -> list[_Milestone]:
    if not isinstance(items, list):
        errors.add("milestones", _("Give a list of {title, due, status}."))
        return []
    out = []
    for i, item in enumerate(items):
        field = f"milestones[{i}]"
        if not isinstance(item, Mapping):
            errors.add(field, _("Give {title, due, status}."))
            continue
        before = len(errors)
        texts = _texts(item.get("title", ""), language, f"{field}.title", errors)
        if texts is not None and not any(texts.values()):
            errors.add(f"{field}.title", _("This field is required."))
        due = _date(item.get("due"), f"{field}.due", errors, required=True)
        done_on = _date(item.get("done_on"), f"{field}.done_on", errors)
        status = _choice(
            item.get("status", MilestoneStatus.PLANNED), MilestoneStatus, f"{field}.status", errors
        )
        if len(errors) == before:
            out.append(_Milestone(texts, due, done_on, status))
    return out


def _clean(data: Mapping, project: Project | None) -> tuple[dict, dict]:
    """Check ``data``; return (model values, relations) or raise :class:`ProjectInvalid`."""
    errors = _Errors()
    unknown = sorted(set(data) - KNOWN_FIELDS)
    for name in unknown:
        errors.add(
            name,
            _("Unknown field; the fields are: %(fields)s.")
            % {"fields": ", ".join(sorted(KNOWN_FIELDS))},
        )
    values: dict[str, Any] = {}
    relations: dict[str, Any] = {}
    language = data.get("language", project.language if project else "en")
    if language not in LANGUAGE_CODES:
        errors.add(
            "language",
            _("%(value)r is not one of: %(choices)s.")
            % {"value": language, "choices": ", ".join(LANGUAGE_CODES)},
        )
        language = "en"
    if "language" in data:
        values["language"] = language
    if project is None:
        code = data.get("code")
        if not isinstance(code, str) or not code.strip():
            errors.add("code", _("This field is required."))
        else:
            from django.core.validators import validate_slug

            try:
                validate_slug(code)
            except Exception:
                errors.add("code", _("Use letters, digits, hyphens and underscores only."))
            if len(code) > 80:
                errors.add("code", _("At most 80 characters."))
            elif Project.objects.filter(code=code).exists():
                errors.add("code", _("A project %(code)r exists already.") % {"code": code})
            values["code"] = code
        for name in ("kind", "title"):
            if name not in data:
                errors.add(name, _("This field is required."))
    if "kind" in data:
        values["kind"] = _choice(data["kind"], ProjectKind, "kind", errors)
    if "status" in data:
        values["status"] = _choice(data["status"], ProjectStatus, "status", errors)
    if "published" in data:
        if not isinstance(data["published"], bool):
            errors.add("published", _("Give true or false."))
        values["published"] = bool(data["published"])
    for name in TEXT_FIELDS:
        if name in data:
            texts = _texts(data[name], language, name, errors)
            if texts is None:
                continue
            if name == "title":
                wanted = texts.get(language) or (
                    project and getattr(project, f"title_{language.replace('-', '_')}")
                )
                if not wanted:
                    errors.add(
                        "title",
                        _("A title in the original language (%(lang)s) is required.")
                        % {"lang": language},
                    )
                if any(len(t) > 300 for t in texts.values()):
                    errors.add("title", _("At most 300 characters."))
            values.update(translated_values(name, texts))
    for name in DATE_FIELDS:
        if name in data:
            values[name] = _date(data[name], name, errors)
    if "country" in data:
        code = data["country"]
        if code in (None, ""):
            values["country"] = None
        else:
            country = Country.objects.filter(code=code).first()
            if country is None:
                errors.add(
                    "country",
                    _("%(value)r is not a country code of the platform.") % {"value": code},
                )
            values["country"] = country
    if "lead_organisation" in data:
        slug = data["lead_organisation"]
        organisation = Organisation.objects.filter(slug=slug).first() if slug else None
        if slug and organisation is None:
            errors.add("lead_organisation", _("Unknown organisation %(slug)r.") % {"slug": slug})
        values["lead_organisation"] = organisation
    for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
        first = values.get(start, getattr(project, start, None) if project else None)
        last = values.get(end, getattr(project, end, None) if project else None)
        if first and last and last < first:
            errors.add(end, _("Ends before it starts (%(start)s).") % {"start": first})
    if "activities" in data:
        relations["activities"] = _activities(data["activities"], errors)
    if "countries" in data:
        relations["countries"] = _lookup(Country, "code", data["countries"], "countries", errors)
    if "documents" in data:
        relations["documents"] = _documents(data["documents"], errors)
    if "partners" in data:
        relations["partners"] = _partners(data["partners"], errors)
    if "sites" in data:
        relations["sites"] = _sites(data["sites"], language, errors)
    if "milestones" in data:
        relations["milestones"] = _milestones(data["milestones"], language, errors)
    if errors:
        raise ProjectInvalid(errors)
    return values, relations


def _write_relations(project: Project, relations: dict) -> None:
    for name in ("activities", "countries", "documents"):
        if name in relations:
            getattr(project, name).set(relations[name])
    if "partners" in relations:
        project.partners.all().delete()
        ProjectPartner.objects.bulk_create(
            ProjectPartner(project=project, organisation=org, role=role)
            for org, role in relations["partners"]
        )
    if "sites" in relations:
        # the sites are replaced; a station linked to a site (in the admin, or an earlier
        # write) stays with the new site at the same place unless the item names another
        stations = {
            (s.country_id, s.latitude, s.longitude): s.station_id
            for s in project.sites.all()
            if s.station_id
        }
        project.sites.all().delete()
        for site in relations["sites"]:
            if site.station is KEEP_STATION:
                station_id = stations.get((site.country.code, site.latitude, site.longitude))
            else:
                station_id = site.station.pk if site.station else None
            ProjectSite.objects.create(
                project=project,
                country=site.country,
                latitude=site.latitude,
                longitude=site.longitude,
                station_id=station_id,
                **translated_values("name", site.texts),
            )
    if "milestones" in relations:
        project.milestones.all().delete()
        for item in relations["milestones"]:
            Milestone.objects.create(
                project=project,
                due=item.due,
                done_on=item.done_on,
                status=item.status,
                **translated_values("title", item.texts),
            )


@transaction.atomic
def create_project(*, user, data: Mapping) -> Project:
    """A new project from ``data`` (``code``, ``kind`` and ``title`` required). A focal point
    creates only projects led by their own country."""
    _require(user, "cooperation.add_project")
    values, relations = _clean(data, None)
    project = Project(created_by=user if user.is_authenticated else None, **values)
    _require(user, "cooperation.change_project", project)
    project.save()
    _write_relations(project, relations)
    return project


@transaction.atomic
def update_project(*, user, project: Project, data: Mapping) -> Project:
    """Change the fields given in ``data``. Moving a project to another lead country needs
    the right to manage it in both."""
    _require(user, "cooperation.change_project", project)
    if "code" in data and data["code"] != project.code:
        raise ProjectInvalid({"code": [_("The code of a project does not change.")]})
    data = {k: v for k, v in data.items() if k != "code"}
    values, relations = _clean(data, project)
    for name, value in values.items():
        setattr(project, name, value)
    _require(user, "cooperation.change_project", project)
    project.save()
    _write_relations(project, relations)
    return project


@transaction.atomic
def set_status(*, user, project: Project, status: str, on: dt.date | None = None) -> Project:
    """Move a project to ``status``; the first move to *ongoing* records the actual start and
    a move to *completed* the actual end (``on``, default today), unless already set."""
    _require(user, "cooperation.change_project", project)
    errors = _Errors()
    _choice(status, ProjectStatus, "status", errors)
    if errors:
        raise ProjectInvalid(errors)
    on = on or dt.date.today()
    project.status = status
    if status == ProjectStatus.ONGOING and project.actual_start is None:
        project.actual_start = on
    if status == ProjectStatus.COMPLETED and project.actual_end is None:
        project.actual_end = on
    project.save()
    return project


@transaction.atomic
def delete_project(*, user, project: Project) -> None:
    _require(user, "cooperation.delete_project", project)
    project.delete()


# --- funding ----------------------------------------------------------------------------------


def _funding_values(data: Mapping, errors: _Errors, prefix: str = "") -> dict:
    """Check a funding row; the USD conversion is made here (rate on or before the date)."""
    values: dict[str, Any] = {}
    code = data.get("source_type")
    source = FundingSourceType.objects.filter(code=code).order_by("-strategy__start_year").first()
    if source is None:
        codes = sorted(set(FundingSourceType.objects.values_list("code", flat=True)))
        errors.add(
            f"{prefix}source_type",
            _("%(value)r is not one of: %(choices)s.")
            % {"value": code, "choices": ", ".join(codes)},
        )
    values["source_type"] = source
    slug = data.get("funder") or None
    funder = Organisation.objects.filter(slug=slug).first() if slug else None
    if slug and funder is None:
        errors.add(f"{prefix}funder", _("Unknown organisation %(slug)r.") % {"slug": slug})
    values["funder"] = funder
    kind = data.get("kind") or FundingKind.COMMITMENT
    values["kind"] = _choice(kind, FundingKind, f"{prefix}kind", errors)
    date = _date(data.get("date"), f"{prefix}date", errors, required=True)
    values["date"] = date
    amount = None
    try:
        amount = currency.parse_decimal(data.get("amount", ""))
    except ValueError as exc:
        errors.add(f"{prefix}amount", str(exc))
    if amount is not None:
        if amount < 0:
            errors.add(f"{prefix}amount", _("Must not be negative."))
        elif amount.as_tuple().exponent < -2 or abs(amount) >= Decimal("1e16"):
            errors.add(f"{prefix}amount", _("At most 16 digits and 2 decimals."))
    values["amount"] = amount
    code = None
    try:
        code = currency.check_currency(str(data.get("currency") or ""))
    except currency.UnknownCurrency as exc:
        errors.add(f"{prefix}currency", str(exc))
    values["currency"] = code
    note = str(data.get("note") or "")
    if len(note) > 300:
        errors.add(f"{prefix}note", _("At most 300 characters."))
    values["note"] = note
    if code and date and amount is not None and f"{prefix}amount" not in errors:
        try:
            usd, rate = currency.to_usd(amount, code, date)
        except currency.NoRate as exc:
            errors.add(f"{prefix}currency", str(exc))
        else:
            values.update(usd_rate=rate.usd_per_unit, rate_date=rate.date, amount_usd=usd)
    return values


@transaction.atomic
def add_funding(*, user, project: Project, data: Mapping) -> Funding:
    """A funding row: ``source_type`` (F1…F6), ``kind``, ``date``, ``amount``, ``currency``,
    optional ``funder`` (organisation slug) and ``note``; converted at the stored rate."""
    _require(user, "cooperation.change_project", project)
    errors = _Errors()
    values = _funding_values(data, errors)
    if errors:
        raise ProjectInvalid(errors)
    return Funding.objects.create(project=project, **values)


@transaction.atomic
def update_funding(*, user, funding: Funding, data: Mapping) -> Funding:
    """Change a funding row; the conversion is made again at the rate for its (new) date."""
    _require(user, "cooperation.change_project", funding.project)
    merged = {
        "source_type": funding.source_type.code,
        "funder": funding.funder.slug if funding.funder_id else None,
        "kind": funding.kind,
        "date": funding.date,
        "amount": funding.amount,
        "currency": funding.currency,
        "note": funding.note,
        **data,
    }
    errors = _Errors()
    values = _funding_values(merged, errors)
    if errors:
        raise ProjectInvalid(errors)
    for name, value in values.items():
        setattr(funding, name, value)
    funding.save()
    return funding


@transaction.atomic
def delete_funding(*, user, funding: Funding) -> None:
    _require(user, "cooperation.change_project", funding.project)
    funding.delete()


# --- funding import (CSV, XLSX) ----------------------------------------------------------------


def _rows_csv(content: bytes) -> list[list[Any]]:
    text = content.decode("utf-8-sig")
    return [row for row in csv.reader(io.StringIO(text))]


def _rows_xlsx(content: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def read_funding_file(content: bytes, fmt: str) -> list[list[Any]]:
    """The rows of a CSV (UTF-8) or XLSX (first sheet) file, header first."""
    try:
        if fmt == "csv":
            return _rows_csv(content)
        if fmt == "xlsx":
            return _rows_xlsx(content)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise FundingImportInvalid([{"row": 1, "column": "", "message": str(exc)}]) from exc
    except Exception as exc:
        raise FundingImportInvalid(
            [
                {
                    "row": 1,
                    "column": "",
                    "message": _("Not a readable XLSX file (%(e)s).")
                    % {"e": exc.__class__.__name__},
                }
            ]
        ) from exc
    raise FundingImportInvalid(
        [
            {
                "row": 1,
                "column": "",
                "message": _("Unknown format %(fmt)r; use csv or xlsx.") % {"fmt": fmt},
            }
        ]
    )


def _cell(value: Any) -> Any:
    if isinstance(value, float):
        # Spreadsheet numbers arrive as floats; repr keeps the digits typed (1234.5).
        return repr(value)
    if value is None:
        return ""
    return value if isinstance(value, dt.date | int) else str(value).strip()


@transaction.atomic
def import_funding(
    *, user, content: bytes, fmt: str, project: Project | None = None
) -> list[Funding]:
    """Import funding rows from a CSV or XLSX file, all or nothing.

    Columns (header row, any order): ``project`` (its code; may be left out when ``project``
    is given), ``source_type``, ``kind``, ``date``, ``amount``, ``currency``, ``funder``,
    ``note``. Raises :class:`FundingImportInvalid` listing every bad cell, or
    ``PermissionDenied`` naming a project the user may not change.
    """
    rows = read_funding_file(content, fmt)
    problems: list[dict] = []
    if not rows or not any(rows[0]):
        raise FundingImportInvalid([{"row": 1, "column": "", "message": _("The file is empty.")}])
    header = [str(h or "").strip().lower() for h in rows[0]]
    required = REQUIRED_FUNDING_COLUMNS + (() if project else ("project",))
    for name in required:
        if name not in header:
            problems.append({"row": 1, "column": name, "message": _("Missing column.")})
    for name in header:
        if name and name not in FUNDING_COLUMNS:
            problems.append(
                {
                    "row": 1,
                    "column": name,
                    "message": _("Unknown column; the columns are: %(columns)s.")
                    % {"columns": ", ".join(FUNDING_COLUMNS)},
                }
            )
    if problems:
        raise FundingImportInvalid(problems)
    projects: dict[str, Project | None] = {}
    prepared = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(v not in (None, "") for v in row):
            continue
        record = {name: _cell(row[i]) if i < len(row) else "" for i, name in enumerate(header)}
        target = project
        if project is None:
            code = record.get("project", "")
            if code not in projects:
                projects[code] = Project.objects.filter(code=code).first()
            target = projects[code]
            if target is None:
                problems.append(
                    {
                        "row": number,
                        "column": "project",
                        "message": _("Unknown project %(code)r.") % {"code": code},
                    }
                )
        elif record.get("project") not in (None, "", project.code):
            problems.append(
                {
                    "row": number,
                    "column": "project",
                    "message": _("This file is for project %(code)s.") % {"code": project.code},
                }
            )
        errors = _Errors()
        values = _funding_values(record, errors)
        for column, messages in errors.items():
            for message in messages:
                problems.append({"row": number, "column": column, "message": message})
        if target is not None:
            prepared.append((target, values))
    if not prepared and not problems:
        problems.append({"row": 2, "column": "", "message": _("No funding rows.")})
    if problems:
        raise FundingImportInvalid(problems)
    refused = sorted(
        {t.code for t, _v in prepared if not user.has_perm("cooperation.change_project", t)}
    )
    if refused:
        raise PermissionDenied(
            _("You may not change the funding of: %(codes)s.") % {"codes": ", ".join(refused)}
        )
    return [Funding.objects.create(project=target, **values) for target, values in prepared]
