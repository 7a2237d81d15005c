"""Hand-made monitoring data for the read tests: stations, hourly measurements, daily values.

Rows are created with the ORM, daily values with :func:`lmec.monitoring.hours.pack`, so the
tests read exactly what they wrote.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from lmec.monitoring import hours, parameters
from lmec.monitoring.models import DailyValue, Measurement, Station, StationParameter

UTC = dt.UTC


def station(
    code="TH-T1",
    *,
    country="TH",
    time_zone="Asia/Bangkok",
    kind="air",
    site_type="urban",
    measures=("pm25", "o3"),
    name="Test station",
    **fields,
) -> Station:
    created = Station.objects.create(
        code=code,
        name=name,
        kind=kind,
        site_type=site_type,
        country_id=country,
        latitude=fields.pop("latitude", 13.75),
        longitude=fields.pop("longitude", 100.5),
        time_zone=time_zone,
        **fields,
    )
    for code_ in measures:
        definition = parameters.BY_CODE[code_]
        StationParameter.objects.create(
            station=created, parameter=definition.id, unit=definition.unit, method=""
        )
    return created


def day(st: Station, parameter: str, date: dt.date, values) -> DailyValue:
    """A daily value from 24 hourly values [canonical unit] (NaN for a missing hour)."""
    x = np.asarray(values, dtype=float)
    valid = x[np.isfinite(x)]
    return DailyValue.objects.create(
        station=st,
        parameter=parameters.BY_CODE[parameter].id,
        date=date,
        mean=float(valid.mean()) if len(valid) else None,
        count=len(valid),
        max_1h=float(valid.max()) if len(valid) else None,
        hours=hours.pack(x),
    )


def day_mean(st: Station, parameter: str, date: dt.date, mean: float) -> DailyValue:
    """A day reported only as a 24-hour mean (no hours)."""
    return DailyValue.objects.create(
        station=st, parameter=parameters.BY_CODE[parameter].id, date=date, mean=mean, count=0
    )


def hourly(st: Station, parameter: str, start: dt.datetime, values, *, flags=None):
    """Hourly measurements from ``start`` (aware) on; NaN values are skipped."""
    definition = parameters.BY_CODE[parameter]
    rows = []
    for k, value in enumerate(values):
        if value is None or np.isnan(value):
            continue
        rows.append(
            Measurement(
                station=st,
                parameter=definition.id,
                averaging=1,
                time=start + dt.timedelta(hours=k),
                value=float(value),
                raw_value=float(value),
                raw_unit=definition.unit,
                flags=(flags or {}).get(k, 0),
            )
        )
    Measurement.objects.bulk_create(rows)
    return rows
