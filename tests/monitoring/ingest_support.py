"""Shared pieces of the ingest tests: small file writers and readers of what is stored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

LONG_HEADER = ("station", "parameter", "unit", "time", "value")


def write_csv(
    tmp_path: Path,
    rows,
    *,
    header=LONG_HEADER,
    name: str = "data.csv",
    separator: str = ",",
    bom: bool = False,
) -> Path:
    """A CSV file (UTF-8, optional BOM) with ``header`` and ``rows`` (cells joined as given;
    quote them yourself where needed)."""
    lines = [separator.join(header)] + [separator.join(str(c) for c in row) for row in rows]
    path = tmp_path / name
    path.write_bytes(("\ufeff" if bom else "").encode() + ("\n".join(lines) + "\n").encode())
    return path


def hourly_rows(station: str, parameter: str, unit: str, start: str, values, step_hours=1):
    """Long rows of consecutive hours from ``start`` (ISO text with an offset)."""
    first = dt.datetime.fromisoformat(start)
    return [
        (station, parameter, unit, (first + dt.timedelta(hours=k * step_hours)).isoformat(), v)
        for k, v in enumerate(values)
    ]


def stored(code: str, parameter: str, averaging: int = 1) -> list[tuple]:
    """(UTC ISO time, value, raw_value, raw_unit, censor, flags) of a series, oldest first."""
    from lmec.monitoring import parameters
    from lmec.monitoring.models import Measurement

    rows = Measurement.objects.filter(
        station__code=code, parameter=parameters.BY_CODE[parameter].id, averaging=averaging
    ).order_by("time")
    return [
        (
            m.time.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%MZ"),
            m.value,
            m.raw_value,
            m.raw_unit,
            m.censor,
            m.flags,
        )
        for m in rows
    ]


def daily_rows(code: str, parameter: str) -> list[tuple]:
    """(date, mean, count, flagged, max_1h, max_8h, hours bytes) of a station's parameter."""
    from lmec.monitoring import parameters
    from lmec.monitoring.models import DailyValue

    rows = DailyValue.objects.filter(
        station__code=code, parameter=parameters.BY_CODE[parameter].id
    ).order_by("date")
    return [
        (d.date.isoformat(), d.mean, d.count, d.flagged, d.max_1h, d.max_8h, bytes(d.hours))
        for d in rows
    ]
