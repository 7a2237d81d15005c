"""What the monitoring selectors share: finding a station, reading ranges, short categories.

Times are stored in UTC; a date given to a selector is a calendar day of the station's own
time zone (the day its people live), a datetime without an offset is station-local time too,
as in the files the hub ingests.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from contextlib import contextmanager
from contextvars import ContextVar

import numpy as np

from lmec.quality import aqi

from .. import labels, parameters
from ..models import Station
from .standards import ink_for

UTC = dt.UTC
CODE_RE = re.compile(r"^[-a-zA-Z0-9_]+$")


_stations_seen: ContextVar[dict | None] = ContextVar("stations_seen", default=None)


@contextmanager
def same_stations():
    """Within the block, each station is read from the database once.

    A page asks a dozen selectors about one station; each looked it up again (23 queries of
    a station page at 10 M measurements). The block is one unit of work: every request runs
    in one (:mod:`lmec.monitoring.middleware`), so no edit to a station is missed across
    requests.
    """
    token = _stations_seen.set({})
    try:
        yield
    finally:
        _stations_seen.reset(token)


def get_station(code: str, *, kind: str | None = None) -> Station:
    """The station ``code`` (of ``kind`` if given); ``Station.DoesNotExist`` otherwise."""
    seen = _stations_seen.get()
    if seen is not None and (code, kind) in seen:
        return seen[code, kind]
    station = _read_station(code, kind)
    if seen is not None:
        seen[code, kind] = station
    return station


def _read_station(code: str, kind: str | None) -> Station:
    stations = Station.objects.select_related("country")
    if kind is not None:
        stations = stations.filter(kind=kind)
    try:
        if not isinstance(code, str) or not CODE_RE.match(code):
            raise Station.DoesNotExist  # codes are slugs; a NUL byte must not reach SQL
        return stations.get(code=code)
    except Station.DoesNotExist:
        raise Station.DoesNotExist(f"no station {code!r}") from None


def averaging_hours(averaging: str) -> int:
    """Hours of an averaging code (``1h`` -> 1); ``ValueError`` names the valid codes."""
    try:
        return parameters.AVERAGING_HOURS[averaging]
    except (KeyError, TypeError):
        raise ValueError(
            f"unknown averaging {averaging!r}; choose one of: "
            f"{', '.join(parameters.AVERAGING_HOURS)}"
        ) from None


def as_date(value, name: str) -> dt.date:
    """A date (a datetime gives its date); ``ValueError`` for anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise ValueError(f"{name} must be a date (YYYY-MM-DD), got {value!r}")


def local_midnight(station: Station, day: dt.date) -> dt.datetime:
    """00:00 of ``day`` in the station's time zone, as a UTC datetime."""
    return dt.datetime.combine(day, dt.time(), tzinfo=station.zone).astimezone(UTC)


def instant(station: Station, value, *, end: bool = False) -> dt.datetime | None:
    """``start``/``end`` of a time range as UTC.

    A date is a local calendar day: as ``start`` its first instant, as ``end`` the first
    instant of the next day (so that an ``end`` date includes its whole day; the caller
    compares with ``<``). A datetime is taken as is (station-local when it has no offset)
    and an ``end`` datetime is included (the caller compares with ``<=``).
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=station.zone)
        return value.astimezone(UTC)
    if isinstance(value, dt.date):
        return local_midnight(station, value + dt.timedelta(days=1) if end else value)
    raise ValueError(f"expected a date or a datetime, got {value!r}")


def time_filter(station: Station, start, end) -> dict:
    """ORM filter on ``time`` for :func:`instant` semantics."""
    found = {}
    if start is not None:
        found["time__gte"] = instant(station, start)
    if end is not None:
        key = "time__lt" if not isinstance(end, dt.datetime) else "time__lte"
        found[key] = instant(station, end, end=True)
    if len(found) == 2 and found.get("time__gte") > (found.get("time__lt") or found["time__lte"]):
        raise ValueError("start must not be after end")
    return found


def iso_utc(moment: dt.datetime) -> str:
    """``2024-01-31T17:00:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def category_brief(std: aqi.Standard, category: aqi.Category | None) -> dict | None:
    """``{key, name, colour, ink}`` of a category in the active language (None for None)."""
    if category is None:
        return None
    return {
        "key": category.key,
        "name": labels.category_name(std, category),
        "colour": category.colour,
        "ink": ink_for(category.colour),
    }


def int_or_none(value) -> int | None:
    value = float(value)
    return None if math.isnan(value) else int(value)


def float_or_none(value) -> float | None:
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else value


def running_mean(x: np.ndarray, window: int, min_valid: int) -> np.ndarray:
    """Mean of the ``window`` hours ending at each hour, NaN with fewer than ``min_valid``."""
    valid = np.isfinite(x)
    total = np.concatenate([[0.0], np.cumsum(np.where(valid, x, 0.0))])
    count = np.concatenate([[0], np.cumsum(valid)])
    end = np.arange(1, len(x) + 1)
    begin = np.maximum(end - window, 0)
    n = count[end] - count[begin]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (total[end] - total[begin]) / n
    return np.where(n >= min_valid, mean, np.nan)
