"""Time series of one station: measurements (paged) and daily values, and their loaders.

Every read here is a range of the primary key (station, parameter, averaging, time) of
:class:`~lmec.monitoring.models.Measurement` or (station, parameter, date) of
:class:`~lmec.monitoring.models.DailyValue`: at 260 M rows nothing else is affordable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from django.db.models import Q
from django.db.models.functions import Length

from .. import hours, parameters
from .. import parameters as _parameters  # the functions' own ``parameters`` arguments hide it
from ..models import DailyValue, Measurement, Station
from ._common import (
    as_date,
    averaging_hours,
    float_or_none,
    get_station,
    iso_utc,
    time_filter,
)

#: Most measurement rows one request may page through at once.
MAX_LIMIT = 10_000


def measurements(
    code: str,
    *,
    parameter: str,
    averaging: str = "1h",
    start=None,
    end=None,
    limit: int = 1000,
    offset: int = 0,
) -> tuple[int, list[dict]]:
    """A station's values of one parameter, oldest first, and their exact number.

    Parameters
    ----------
    code : str
        Station code.
    parameter : str
        Parameter code (``pm25``, ``do``, ...).
    averaging : {"1h", "8h", "24h", "grab"}
    start, end : date or datetime, optional
        A date is a local calendar day of the station (``end`` includes its whole day); a
        datetime without an offset is station-local; ``end`` is included.
    limit, offset : int
        Page: at most :data:`MAX_LIMIT` rows.

    Returns
    -------
    (count, items)
        ``count`` the number of rows in the range (exact), ``items`` the page:
        ``{time (UTC ISO), value [canonical unit], unit, censor, flags: [codes], raw_value,
        raw_unit}``.
    """
    station = get_station(code)
    definition = parameters.get(parameter)
    hours_ = averaging_hours(averaging)
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    if offset < 0:
        raise ValueError(f"offset must be 0 or more, got {offset}")
    rows = Measurement.objects.filter(
        station=station,
        parameter=definition.id,
        averaging=hours_,
        **time_filter(station, start, end),
    )
    count = rows.count()
    page = rows.order_by("time").values_list(
        "time", "value", "censor", "flags", "raw_value", "raw_unit"
    )[offset : offset + limit]
    items = [
        {
            "time": iso_utc(time),
            "value": value,
            "unit": definition.unit,
            "censor": censor,
            "flags": parameters.Flag.codes(flags),
            "raw_value": raw_value,
            "raw_unit": raw_unit,
        }
        for time, value, censor, flags, raw_value, raw_unit in page
    ]
    return count, items


def daily_series(code: str, *, parameter: str, start, end) -> list[dict]:
    """A station's daily values of one parameter on its local calendar days ``start``..``end``.

    Returns
    -------
    list of dict
        ``{date, mean, count, completeness, max_1h, max_8h, flagged}``, oldest first, days
        with a stored daily value only; concentrations in the parameter's canonical unit,
        ``count`` the valid hourly values, ``completeness`` ``count / 24`` (1.0 for a day
        reported as a 24-hour mean), ``flagged`` the flagged hourly values.
    """
    return daily_series_of(code, parameters=[parameter], start=start, end=end)[parameter]


def daily_series_of(code: str, *, parameters: list[str], start, end) -> dict[str, list[dict]]:
    """:func:`daily_series` of several parameters in one read: ``{parameter: [...]}``.

    One primary-key range per parameter in one query; the packed hours are not read (only
    whether a day has them, for ``completeness``)."""
    station = get_station(code)
    definitions = [_parameters.get(p) for p in parameters]
    first, last = as_date(start, "start"), as_date(end, "end")
    if first > last:
        raise ValueError("start must not be after end")
    rows = (
        DailyValue.objects.filter(
            station=station,
            parameter__in=[d.id for d in definitions],
            date__range=(first, last),
        )
        .annotate(hour_bytes=Length("hours"))
        .order_by("parameter", "date")
        .values_list(
            "parameter", "date", "mean", "count", "max_1h", "max_8h", "flagged", "hour_bytes"
        )
    )
    found: dict[int, list[dict]] = {d.id: [] for d in definitions}
    for pid, day, mean, count, max_1h, max_8h, flagged, hour_bytes in rows:
        found[pid].append(
            {
                "date": day.isoformat(),
                "mean": float_or_none(mean),
                "count": count,
                "completeness": 1.0
                if (mean is not None and not hour_bytes)
                else round(count / 24, 4),
                "max_1h": float_or_none(max_1h),
                "max_8h": float_or_none(max_8h),
                "flagged": flagged,
            }
        )
    return {p: found[d.id] for p, d in zip(parameters, definitions, strict=True)}


def last_hourly(code: str, *, days: dict[str, dt.date]) -> dict[str, dict]:
    """The last 1-hour value of each parameter on a local day: ``days`` maps a parameter
    to the day to look in (its last day with data). One query, one key range per
    parameter.

    Returns
    -------
    dict
        ``{parameter: item}``, items as :func:`measurements` gives them; a parameter with
        no 1-hour value that day (a day reported as a 24-hour mean) is left out.
    """
    station = get_station(code)
    if not days:
        return {}
    definitions = {p: _parameters.get(p) for p in days}
    ranges = Q()
    for p, day in days.items():
        ranges |= Q(parameter=definitions[p].id, **time_filter(station, day, day))
    rows = (
        Measurement.objects.filter(ranges, station=station, averaging=1)
        .order_by("parameter", "time")
        .values_list("parameter", "time", "value", "censor", "flags", "raw_value", "raw_unit")
    )
    last = {}
    for pid, time, value, censor, flags, raw_value, raw_unit in rows:
        last[pid] = (time, value, censor, flags, raw_value, raw_unit)
    out = {}
    for p, definition in definitions.items():
        if definition.id not in last:
            continue
        time, value, censor, flags, raw_value, raw_unit = last[definition.id]
        out[p] = {
            "time": iso_utc(time),
            "value": value,
            "unit": definition.unit,
            "censor": censor,
            "flags": _parameters.Flag.codes(flags),
            "raw_value": raw_value,
            "raw_unit": raw_unit,
        }
    return out


@dataclass
class DailyBlock:
    """Daily values of several stations × parameters × consecutive days, as arrays.

    ``hours[s, p]`` is the (days * 24) hourly series of station ``s`` and parameter ``p``
    (local time, NaN where missing or flagged); ``mean[s, p, d]`` the stored daily mean;
    ``count`` the valid hours; ``hourly[s, p, d]`` whether the day has hourly values (False
    for a day reported as a 24-hour mean); ``present[s, p, d]`` whether a row exists.
    """

    first: dt.date
    days: int
    station_ids: list[int]
    parameter_ids: list[int]
    hours: np.ndarray
    mean: np.ndarray
    count: np.ndarray
    hourly: np.ndarray
    present: np.ndarray

    def dates(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=d) for d in range(self.days)]


def load_daily(
    station_ids: list[int], parameter_ids: list[int], first: dt.date, last: dt.date
) -> DailyBlock:
    """The :class:`DailyBlock` of ``station_ids`` × ``parameter_ids`` for ``first``..``last``.

    One query on the primary key; the 96-byte hour blocks are decoded in one
    ``numpy.frombuffer`` call for all rows.
    """
    days = (last - first).days + 1
    ns, np_ = len(station_ids), len(parameter_ids)
    block = DailyBlock(
        first=first,
        days=days,
        station_ids=list(station_ids),
        parameter_ids=list(parameter_ids),
        hours=np.full((ns, np_, days * 24), np.nan),
        mean=np.full((ns, np_, days), np.nan),
        count=np.zeros((ns, np_, days), dtype=int),
        hourly=np.zeros((ns, np_, days), dtype=bool),
        present=np.zeros((ns, np_, days), dtype=bool),
    )
    if not days or not ns or not np_:
        return block
    s_pos = {sid: k for k, sid in enumerate(station_ids)}
    p_pos = {pid: k for k, pid in enumerate(parameter_ids)}
    rows = DailyValue.objects.filter(
        station_id__in=station_ids, parameter__in=parameter_ids, date__range=(first, last)
    ).values_list("station_id", "parameter", "date", "mean", "count", "hours")
    rows = list(rows)
    if not rows:
        return block
    # whole columns at a time: a latest-index read has thousands of rows
    sids, pids, dates, means, counts, blobs = zip(*rows, strict=True)
    s = np.fromiter(map(s_pos.__getitem__, sids), dtype=np.intp, count=len(rows))
    p = np.fromiter(map(p_pos.__getitem__, pids), dtype=np.intp, count=len(rows))
    ordinal = first.toordinal()
    d = np.fromiter((day.toordinal() - ordinal for day in dates), dtype=np.intp, count=len(rows))
    block.present[s, p, d] = True
    block.mean[s, p, d] = np.array([np.nan if m is None else m for m in means], dtype=float)
    block.count[s, p, d] = np.array(counts, dtype=int)
    with_hours = [k for k, data in enumerate(blobs) if data]
    if with_hours:
        chunks = [bytes(blobs[k]) for k in with_hours]
        size = hours.HOURS_PER_DAY * 4
        for k, data in zip(with_hours, chunks, strict=True):
            if len(data) != size:
                raise ValueError(
                    f"daily value {sids[k]}/{pids[k]}/{dates[k]}: hours of {len(data)} bytes"
                )
        index = np.asarray(with_hours)
        block.hourly[s[index], p[index], d[index]] = True
        decoded = np.frombuffer(b"".join(chunks), dtype="<f4").astype(float).reshape(-1, 24)
        view = block.hours.reshape(ns, np_, days, 24)
        view[s[index], p[index], d[index]] = decoded
    return block


def load_hourly(
    station: Station, parameter_ids: list[int], start: dt.datetime, hours_: int
) -> np.ndarray:
    """Valid (unflagged) 1-hour measurements of ``parameter_ids`` on an hourly grid.

    Returns shape ``(len(parameter_ids), hours_)``: position ``k`` holds the value whose
    period starts in ``[start + k h, start + (k+1) h)``; NaN where none. Read with one
    primary-key range per parameter.
    """
    out = np.full((len(parameter_ids), hours_), np.nan)
    end = start + dt.timedelta(hours=hours_)
    rows = Measurement.objects.filter(
        station=station,
        parameter__in=parameter_ids,
        averaging=1,
        time__gte=start,
        time__lt=end,
        flags=0,
    ).values_list("parameter", "time", "value")
    position = {pid: k for k, pid in enumerate(parameter_ids)}
    for pid, time, value in rows:
        k = int((time - start).total_seconds() // 3600)
        out[position[pid], k] = value
    return out
