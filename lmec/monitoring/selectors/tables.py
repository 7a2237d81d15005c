"""Tables to download (:class:`lmec.core.exports.Table`): stations, measurements and
daily values as typed polars frames, read by primary-key ranges."""

from __future__ import annotations

import datetime as dt

import polars as pl

from lmec.core.exports import Table

from .. import parameters
from ..models import DailyValue, Measurement
from ._common import UTC, as_date, get_station, time_filter
from .stations import station_list

_STATION_SCHEMA = {
    "code": pl.String,
    "name": pl.String,
    "kind": pl.String,
    "site_type": pl.String,
    "country": pl.String,
    "latitude": pl.Float64,
    "longitude": pl.Float64,
    "elevation": pl.Float64,
    "time_zone": pl.String,
    "operator": pl.String,
    "active_from": pl.Date,
    "active_to": pl.Date,
    "parameters": pl.String,
}

_MEASUREMENT_SCHEMA = {
    "station": pl.String,
    "parameter": pl.String,
    "averaging": pl.String,
    "time": pl.Datetime("us", "UTC"),
    "value": pl.Float64,
    "unit": pl.String,
    "censor": pl.String,
    "flags": pl.String,
    "raw_value": pl.Float64,
    "raw_unit": pl.String,
}

_DAILY_SCHEMA = {
    "station": pl.String,
    "parameter": pl.String,
    "date": pl.Date,
    "mean": pl.Float64,
    "unit": pl.String,
    "count": pl.Int16,
    "completeness": pl.Float64,
    "max_1h": pl.Float64,
    "max_8h": pl.Float64,
    "flagged": pl.Int16,
}


def stations_table(*, kind: str | None = None, country: str | None = None) -> Table:
    """Every station (of ``kind``, in ``country``), one row each, with its coordinates;
    ``parameters`` lists the parameter codes separated by ``;``."""
    rows = []
    for item in station_list(kind=kind, country=country):
        rows.append(
            {
                **{key: item[key] for key in _STATION_SCHEMA if key != "parameters"},
                "active_from": dt.date.fromisoformat(item["active_from"])
                if item["active_from"]
                else None,
                "active_to": dt.date.fromisoformat(item["active_to"])
                if item["active_to"]
                else None,
                "parameters": ";".join(p["code"] for p in item["parameters"]),
            }
        )
    frame = pl.DataFrame(rows, schema=_STATION_SCHEMA, orient="row")
    return Table("stations", "stations", frame, geometry=("longitude", "latitude"))


def _parameter_ids(parameter: str | None) -> list[int] | None:
    return None if parameter is None else [parameters.get(parameter).id]


def measurements_table(
    code: str, *, parameter: str | None = None, averaging: str | None = None, start, end
) -> Table:
    """A station's measurements from ``start`` to ``end`` (see
    :func:`~lmec.monitoring.selectors.measurements` for the range), of one parameter or all,
    ordered by parameter, averaging and time; ``flags`` the QA/QC codes separated by ``;``."""
    station = get_station(code)
    rows = Measurement.objects.filter(station=station, **time_filter(station, start, end))
    ids = _parameter_ids(parameter)
    if ids is not None:
        rows = rows.filter(parameter__in=ids)
    if averaging is not None:
        rows = rows.filter(averaging=parameters.AVERAGING_HOURS[averaging])
    data = []
    for pid, hours, time, value, censor, flags, raw_value, raw_unit in rows.order_by(
        "parameter", "averaging", "time"
    ).values_list(
        "parameter", "averaging", "time", "value", "censor", "flags", "raw_value", "raw_unit"
    ):
        definition = parameters.BY_ID[pid]
        data.append(
            (
                station.code,
                definition.code,
                parameters.AVERAGING_CODES[hours],
                time.astimezone(UTC),
                value,
                definition.unit,
                censor,
                ";".join(parameters.Flag.codes(flags)),
                raw_value,
                raw_unit,
            )
        )
    frame = pl.DataFrame(data, schema=_MEASUREMENT_SCHEMA, orient="row")
    return Table(f"{station.code}-measurements", "measurements", frame)


def daily_table(code: str, *, parameter: str | None = None, start, end) -> Table:
    """A station's daily values on its local days ``start``..``end``, of one parameter or
    all; ``completeness`` is ``count / 24`` (1.0 for a day reported as a 24-hour mean)."""
    station = get_station(code)
    first, last = as_date(start, "start"), as_date(end, "end")
    rows = DailyValue.objects.filter(station=station, date__range=(first, last))
    ids = _parameter_ids(parameter)
    if ids is not None:
        rows = rows.filter(parameter__in=ids)
    data = []
    for pid, day, mean, count, max_1h, max_8h, flagged, hours in rows.order_by(
        "parameter", "date"
    ).values_list("parameter", "date", "mean", "count", "max_1h", "max_8h", "flagged", "hours"):
        definition = parameters.BY_ID[pid]
        completeness = 1.0 if (mean is not None and not hours) else round(count / 24, 4)
        data.append(
            (
                station.code,
                definition.code,
                day,
                mean,
                definition.unit,
                count,
                completeness,
                max_1h,
                max_8h,
                flagged,
            )
        )
    frame = pl.DataFrame(data, schema=_DAILY_SCHEMA, orient="row")
    return Table(f"{station.code}-daily", "daily", frame)
