"""Writes of the custom indicators: define an indicator (editors) and enter its yearly
values, regional or per country (editors; a focal point for their own country).

Indicators computed from the records are not stored (see :mod:`lmec.cooperation.indicators`).
Every write checks the permission rules of :mod:`lmec.cooperation.permissions.indicators`
(``PermissionDenied``) and the data (:class:`IndicatorInvalid` naming each bad field).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from lmec.core.errors import RecordInvalid
from lmec.core.i18n import LANGUAGE_CODES
from lmec.core.models import Country
from lmec.core.services import translated_values

from ..models import Activity, Direction, Indicator, IndicatorValue

#: Years a value, baseline or target may be for (the strategy's period with room either side).
YEAR_MIN, YEAR_MAX = 2000, 2100
CODE_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
TRANSLATED = ("name", "description", "unit")
FIELDS = (
    *TRANSLATED,
    "direction",
    "activity",
    "baseline",
    "baseline_year",
    "target",
    "target_year",
    "higher_is_better",
)

Texts = str | Mapping[str, str]


class IndicatorInvalid(RecordInvalid):
    """Data that cannot be stored: ``errors`` maps each bad field to its messages."""


def _check(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(_("You may not do this."))


def _year_error(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not YEAR_MIN <= value <= YEAR_MAX:
        return _("Give a year from %(min)s to %(max)s.") % {"min": YEAR_MIN, "max": YEAR_MAX}
    return None


def _number_error(value, *, required: bool = False) -> str | None:
    if value is None:
        return _("A number is required.") if required else None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return _("Give a finite number.")
    return None


def _texts(field: str, value: Texts | None, errors: dict, *, required: bool) -> dict[str, str]:
    """Column values for a translated field given as one text (the active language) or as
    ``{language: text}``."""
    if value is None:
        if required:
            errors.setdefault(field, []).append(_("This field is required."))
        return {}
    if isinstance(value, str):
        if required and not value.strip():
            errors.setdefault(field, []).append(_("This field is required."))
        return {field: value.strip()}
    unknown = sorted(set(value) - set(LANGUAGE_CODES))
    if unknown:
        errors.setdefault(field, []).append(
            _("Unknown language %(langs)s; use %(valid)s.")
            % {"langs": ", ".join(unknown), "valid": ", ".join(LANGUAGE_CODES)}
        )
        return {}
    if required and not any(str(t).strip() for t in value.values()):
        errors.setdefault(field, []).append(_("This field is required."))
    return translated_values(field, {lang: str(text).strip() for lang, text in value.items()})


def _clean(data: Mapping, *, creating: bool) -> dict:
    """Validate indicator fields; the model values to write (only the fields given)."""
    errors: dict[str, list[str]] = {}
    values: dict = {}
    unknown = sorted(set(data) - set(FIELDS) - {"code"})
    if unknown:
        errors["fields"] = [
            _("Unknown field %(fields)s; use %(valid)s.")
            % {"fields": ", ".join(unknown), "valid": ", ".join(("code", *FIELDS))}
        ]
    if creating:
        code = data.get("code")
        if not isinstance(code, str) or not CODE_RE.match(code):
            errors["code"] = [
                _("Use 1 to 60 lower-case letters, digits and hyphens, e.g. stations-sharing.")
            ]
        elif Indicator.objects.filter(code=code).exists():
            errors["code"] = [_("An indicator with this code exists already.")]
        else:
            values["code"] = code
    for field in TRANSLATED:
        if field in data or (creating and field == "name"):
            values.update(_texts(field, data.get(field), errors, required=field == "name"))
    direction = activity = None
    if data.get("direction"):
        direction = Direction.objects.filter(code=str(data["direction"]).upper()).first()
        if direction is None:
            valid = ", ".join(Direction.objects.order_by("number").values_list("code", flat=True))
            errors["direction"] = [_("Unknown direction; use one of %(valid)s.") % {"valid": valid}]
    if data.get("activity"):
        activity = (
            Activity.objects.select_related("action__direction")
            .filter(code=str(data["activity"]).upper())
            .first()
        )
        if activity is None:
            errors["activity"] = [_("Unknown activity code (e.g. D4-A3-1).")]
        elif direction is not None and activity.action.direction_id != direction.pk:
            errors["activity"] = [
                _("Activity %(activity)s is not under direction %(direction)s.")
                % {"activity": activity.code, "direction": direction.code}
            ]
    if "direction" in data:
        values["direction"] = direction
    if "activity" in data:
        values["activity"] = activity
        if activity is not None and "direction" not in data:
            values["direction"] = activity.action.direction
    for field in ("baseline", "target"):
        if field in data:
            if message := _number_error(data[field]):
                errors[field] = [message]
            else:
                values[field] = None if data[field] is None else float(data[field])
    for field in ("baseline_year", "target_year"):
        if field in data:
            if message := _year_error(data[field]):
                errors[field] = [message]
            else:
                values[field] = data[field]
    if "higher_is_better" in data:
        if not isinstance(data["higher_is_better"], bool):
            errors["higher_is_better"] = [_("Give true or false.")]
        else:
            values["higher_is_better"] = data["higher_is_better"]
    if errors:
        raise IndicatorInvalid(errors)
    return values


@transaction.atomic
def create_indicator(*, user, data: Mapping) -> Indicator:
    """A new custom indicator (editors). ``data``: ``code``, ``name`` (text or ``{lang:
    text}``), optional ``description``, ``unit``, ``direction`` (``D4``), ``activity``
    (``D4-A3-1``; sets the direction), ``baseline``/``baseline_year``,
    ``target``/``target_year``, ``higher_is_better``."""
    _check(user, "cooperation.add_indicator")
    values = _clean(data, creating=True)
    indicator = Indicator(**values)
    _check_years(indicator)
    indicator.save()
    return indicator


@transaction.atomic
def update_indicator(*, user, indicator: Indicator, data: Mapping) -> Indicator:
    """Change the fields given in ``data`` (as for :func:`create_indicator`, without
    ``code``, which is the indicator's stable public key)."""
    _check(user, "cooperation.change_indicator", indicator)
    if "code" in data and data["code"] != indicator.code:
        raise IndicatorInvalid({"code": [_("The code of an indicator cannot change.")]})
    values = _clean({k: v for k, v in data.items() if k != "code"}, creating=False)
    for field, value in values.items():
        setattr(indicator, field, value)
    _check_years(indicator)
    indicator.save()
    return indicator


def _check_years(indicator: Indicator) -> None:
    if (
        indicator.baseline_year is not None
        and indicator.target_year is not None
        and indicator.target_year <= indicator.baseline_year
    ):
        raise IndicatorInvalid(
            {"target_year": [_("The target year must follow the baseline year.")]}
        )


def _country(country) -> Country | None:
    if country in (None, ""):
        return None
    if isinstance(country, Country):
        return country
    found = Country.objects.filter(code=str(country).upper()).first()
    if found is None:
        valid = ", ".join(Country.objects.order_by("code").values_list("code", flat=True))
        raise IndicatorInvalid(
            {"country": [_("Unknown country; use one of %(valid)s, or none for the region.")
                         % {"valid": valid}]}
        )  # fmt: skip
    return found


@transaction.atomic
def set_indicator_value(
    *,
    user,
    indicator: Indicator,
    year: int,
    value: float,
    country: Country | str | None = None,
    note: str = "",
) -> tuple[IndicatorValue, bool]:
    """Enter or change the value of ``indicator`` in ``year`` for ``country`` (empty: the
    region). Editors any; a focal point only their own country's. Returns the value and
    whether it was created."""
    country = _country(country)
    _check(user, "cooperation.change_indicatorvalue", country.code if country else None)
    errors = {}
    if message := _year_error(year):
        errors["year"] = [message]
    if message := _number_error(value, required=True):
        errors["value"] = [message]
    if len(note or "") > 300:
        errors["note"] = [_("Keep the note to 300 characters.")]
    if errors:
        raise IndicatorInvalid(errors)
    row = (
        IndicatorValue.objects.select_for_update(of=("self",))
        .filter(indicator=indicator, year=year, country=country)
        .order_by()
        .first()
    )
    created = row is None
    if created:
        row = IndicatorValue(indicator=indicator, year=year, country=country)
    row.value = float(value)
    row.note = note or ""
    row.entered_by = user if getattr(user, "is_authenticated", False) else None
    row.save()
    return row, created


@transaction.atomic
def delete_indicator_value(
    *, user, indicator: Indicator, year: int, country: Country | str | None = None
) -> bool:
    """Remove a value entered by mistake (same rights as entering it); False if none."""
    country = _country(country)
    _check(user, "cooperation.delete_indicatorvalue", country.code if country else None)
    deleted, _rows = IndicatorValue.objects.filter(
        indicator=indicator, year=year, country=country
    ).delete()
    return bool(deleted)
