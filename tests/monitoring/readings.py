"""Hand-made monitoring data for the read tests: stations, hourly measurements, daily values.

Rows are created with the ORM, daily values with :func:`lmec.monitoring.hours.pack`, so the
tests read exactly what they wrote.
"""

from __future__ import annotations

import datetime as dt
import math

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


STATIONS = [
    ("CN-KM-01", "CN", "Asia/Shanghai", 25.04, 102.71),
    ("KH-PP-01", "KH", "Asia/Phnom_Penh", 11.56, 104.92),
    ("LA-VT-01", "LA", "Asia/Vientiane", 17.97, 102.61),
    ("MM-YG-01", "MM", "Asia/Yangon", 16.84, 96.17),
    ("TH-BK-01", "TH", "Asia/Bangkok", 13.75, 100.50),
    ("VN-HN-01", "VN", "Asia/Ho_Chi_Minh", 21.03, 105.85),
]
LEVEL = {"pm25": 35.0, "pm10": 60.0, "o3": 80.0, "no2": 40.0, "so2": 10.0, "co": 0.8}
FIRST_DAY = dt.date(2024, 3, 1)


def contract_stations(days: int = 10) -> None:
    """One air station per country with ``days`` of hourly values of the six gases from
    1 March 2024 (a sine around a typical level, every 97th hour flagged as a spike) and
    the daily values made from them on local days; one water site. For the API contract
    checks (``scripts/schemathesis.sh`` and ``test_api_contract.py``)."""
    for k, (code, country, zone, lat, lon) in enumerate(STATIONS):
        station = Station.objects.create(
            code=code,
            name=f"Test station {code}",
            site_type="urban",
            country_id=country,
            latitude=lat,
            longitude=lon,
            time_zone=zone,
            source="generated for the API contract check",
        )
        measurements, daily_values = [], []
        for gas, level in LEVEL.items():
            definition = parameters.BY_CODE[gas]
            StationParameter.objects.create(
                station=station, parameter=definition.id, unit=definition.unit
            )
            for d in range(days):
                day = FIRST_DAY + dt.timedelta(days=d)
                midnight = dt.datetime.combine(day, dt.time(), tzinfo=station.zone)
                values = np.array(
                    [level * (1 + 0.4 * math.sin((d * 24 + h + k) / 5)) for h in range(24)]
                )
                valid = values.copy()
                for h, value in enumerate(values):
                    flagged = (d * 24 + h) % 97 == 0
                    if flagged:
                        valid[h] = np.nan
                    measurements.append(
                        Measurement(
                            station=station,
                            parameter=definition.id,
                            averaging=1,
                            time=midnight + dt.timedelta(hours=h),
                            value=float(value),
                            raw_value=float(value),
                            raw_unit=definition.unit,
                            flags=parameters.Flag.SPIKE if flagged else 0,
                        )
                    )
                ok = valid[np.isfinite(valid)]
                daily_values.append(
                    DailyValue(
                        station=station,
                        parameter=definition.id,
                        date=day,
                        mean=float(ok.mean()),
                        count=len(ok),
                        flagged=24 - len(ok),
                        max_1h=float(ok.max()),
                        hours=hours.pack(valid),
                    )
                )
        Measurement.objects.bulk_create(measurements)
        DailyValue.objects.bulk_create(daily_values)
    Station.objects.create(
        code="TH-MK-W1",
        name="Mekong at Nong Khai",
        kind="water",
        site_type="river",
        country_id="TH",
        latitude=17.88,
        longitude=102.74,
        river="Mekong",
        mekong_mainstream=True,
    )
