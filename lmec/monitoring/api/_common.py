"""What the monitoring API handlers share: errors, time ranges, parameter types.

Ranges are bounded per request (:data:`lmec.monitoring.selectors.MAX_HOURLY_DAYS` and so
on). OpenAPI cannot say that ``end - start`` must be at most 31 days, so such a request is
schema-valid and is answered, not refused: with the first 31 days, ``next_start`` for the
rest and a ``note`` saying so (a download gets a ``Link: <…>; rel="next"`` header). A range
whose end comes before its start is answered with nothing in it.
"""

from __future__ import annotations

import datetime as dt
import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Literal

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from pydantic import BeforeValidator, TypeAdapter, ValidationError, WithJsonSchema

from lmec.quality import aqi

from .. import parameters
from ..models import DailyValue, Station
from ..selectors._common import get_station

#: The six countries of the Lancang-Mekong cooperation (ISO 3166-1 alpha-2).
COUNTRY_CODES = ("CN", "KH", "LA", "MM", "TH", "VN")

CountryCode = Literal["CN", "KH", "LA", "MM", "TH", "VN"]
StandardId = Literal[tuple(aqi.STANDARDS)]  # type: ignore[valid-type]
ParameterCode = Literal[tuple(parameters.BY_CODE)]  # type: ignore[valid-type]
AirParameterCode = Literal[tuple(parameters.AIR_CODES)]  # type: ignore[valid-type]
AveragingCode = Literal[tuple(parameters.AVERAGING_HOURS)]  # type: ignore[valid-type]

#: Dates outside these are answered as if they were these (no data is that old or new, and
#: time-zone arithmetic overflows near year 1).
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2200, 12, 31)

_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: RFC 3339 date-time (JSON Schema ``format: date-time``): seconds and an offset required.
_DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def _strict_day(value):
    """Only ``YYYY-MM-DD``: pydantic alone would also take ``2024-03-01T00:00:00``."""
    if isinstance(value, str) and not _DAY_RE.match(value):
        raise ValueError("a date is written YYYY-MM-DD")
    return value


#: A date query parameter (``format: date``), the station's local day.
Day = Annotated[dt.date, BeforeValidator(_strict_day)]

#: A date (``2024-03-01``: the station's local day) or an RFC 3339 date-time
#: (``2024-03-01T07:00:00+07:00``, ``2024-03-01T00:00:00Z``).
Moment = Annotated[
    str,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "format": "date-time"},
            ],
            "description": "A date (the station's local day) or an RFC 3339 date-time "
            "(with its offset).",
        }
    ),
]

_DATE = TypeAdapter(dt.date)
_DATETIME = TypeAdapter(dt.datetime)
#: Station codes are slugs (``Station.code``): anything else names no station.


@contextmanager
def answers():
    """Selector errors as HTTP answers: a missing station 404, a bad argument 400."""
    try:
        yield
    except Station.DoesNotExist as error:
        raise HttpError(404, str(error) or _("No such station.")) from None
    except ValueError as error:
        raise HttpError(400, str(error)) from None


def station_or_404(code: str) -> Station:
    """The station ``code`` (the selectors' lookup, shared within the request), else 404."""
    try:
        return get_station(code)
    except Station.DoesNotExist:
        raise HttpError(404, f"no station {code!r}") from None


def parse_moment(raw: str | None, name: str) -> dt.date | dt.datetime | None:
    """A date for ``YYYY-MM-DD``, else an RFC 3339 date-time; clamped to 1900-2200."""
    if raw is None:
        return None
    try:
        if _DAY_RE.match(raw):
            value = _DATE.validate_python(raw)
        elif _DATETIME_RE.match(raw):
            value = _DATETIME.validate_python(raw.upper())
        else:
            raise ValueError(raw)
    except (ValidationError, ValueError):
        raise HttpError(
            400,
            f"{name}: {raw!r} is neither a date (YYYY-MM-DD) nor an RFC 3339 date-time "
            "(YYYY-MM-DDThh:mm:ss with Z or an offset).",
        ) from None
    if isinstance(value, dt.datetime):
        if value.date() < FIRST_DATE or value.date() > LAST_DATE:
            moment = FIRST_DATE if value.date() < FIRST_DATE else LAST_DATE
            return dt.datetime.combine(moment, dt.time(), tzinfo=dt.UTC)
        return value
    return clamp(value)


def clamp(day: dt.date | None) -> dt.date | None:
    return None if day is None else min(max(day, FIRST_DATE), LAST_DATE)


def last_data_day(station: Station) -> dt.date:
    """The station's last day with a daily value, or its today."""
    last = DailyValue.objects.filter(station=station).aggregate(last=Max("date"))["last"]
    return last or timezone.now().astimezone(station.zone).date()


@dataclass
class DayRange:
    """Days answered by one request (see the module docstring)."""

    start: dt.date
    end: dt.date
    next_start: dt.date | None
    note: str | None
    empty: bool

    def out(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "next_start": self.next_start.isoformat() if self.next_start else None,
            "note": self.note,
        }


def day_range(
    station: Station | None,
    start: dt.date | None,
    end: dt.date | None,
    *,
    most: int,
    default: int,
    what: str,
) -> DayRange:
    """The days to answer for ``start``..``end``.

    Without ``end``: the station's last day with data; without ``start``: ``default`` days
    up to ``end``. Longer than ``most`` days: the first ``most`` (``next_start`` and
    ``note`` say so). ``end`` before ``start``: empty.
    """
    start, end = clamp(start), clamp(end)
    if end is None:
        end = last_data_day(station) if station is not None else timezone.now().date()
        if start is not None and start > end:
            end = start + dt.timedelta(days=default - 1)
    if start is None:
        start = end - dt.timedelta(days=default - 1)
    if end < start:
        note = _("The range ends before it starts: nothing in it.")
        return DayRange(start, end, None, note, empty=True)
    days = (end - start).days + 1
    if days > most:
        end = start + dt.timedelta(days=most - 1)
        note = _(
            "%(what)s covers at most %(most)d days per request; this answer covers "
            "%(start)s to %(end)s. Ask again from next_start for the rest."
        ) % {"what": what, "most": most, "start": start, "end": end}
        return DayRange(start, end, end + dt.timedelta(days=1), note, empty=False)
    return DayRange(start, end, None, None, empty=False)
