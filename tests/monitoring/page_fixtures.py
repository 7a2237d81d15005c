"""A small air-quality network for the page and browser tests, made with the ORM.

Four stations: Chiang Mai (TH), Hanoi (VN) and Jinghong (CN) with hourly data up to
:data:`LAST_DAY`, and Vientiane (LA) with none (a grey marker). On the last local day every
station's hourly values are constant, so its latest index can be worked out by hand from the
standard's table (the tests say how); before that the values follow a daily cycle, with a
gap and a QA/QC-flagged spike, as real data do. Chiang Mai also has four years of daily
means before the hourly period, declining by :data:`PM25_DECLINE` µg/m³ a year, for its
calendar and trend.

Daily values are made from the same hourly values the measurements hold (flagged hours
left out), as ingest keeps them.
"""

from __future__ import annotations

import datetime as dt
import math
import zoneinfo

import numpy as np
from django.db import connection, models

from lmec.monitoring import hours, parameters
from lmec.monitoring.models import DailyValue, Measurement, Station, StationParameter

LAST_DAY = dt.date(2025, 3, 10)
FIRST_HOURLY_DAY = dt.date(2025, 2, 1)
FIRST_DAILY_DAY = dt.date(2021, 1, 1)
#: Concentrations of the last day [µg/m³], constant over its 24 hours.
LAST_DAY_VALUES = {
    "TH-CM1": {"pm25": 40.0, "pm10": 50.0, "o3": 20.0, "no2": 20.0},
    "VN-HN1": {"pm25": 40.0},
    "CN-JH1": {"pm25": 40.0, "o3": 60.0},
}
#: The spike flagged at Chiang Mai (PM2.5, local time) and its value [µg/m³].
SPIKE_AT = dt.datetime(2025, 2, 20, 14)
SPIKE_VALUE = 900.0
#: Chiang Mai's hours without data (PM2.5), local time: an analyser down for 6 hours.
GAP = (dt.datetime(2025, 2, 25, 3), 6)
PM25_DECLINE = 2.0  # [µg/m³ per year] in the daily means of 2021-2024

STATIONS = [
    {
        "code": "TH-CM1",
        "country_id": "TH",
        "site_type": "urban",
        "time_zone": "Asia/Bangkok",
        "latitude": 18.7883,
        "longitude": 98.9853,
        "elevation": 310.0,
        "operator": "Pollution Control Department",
        "name_en": "Chiang Mai City Hall",
        "name_th": "ศาลากลางจังหวัดเชียงใหม่",
        "name_zh_hans": "清迈市政厅",
        "measures": {
            "pm25": "BAM",
            "pm10": "BAM",
            "o3": "UV photometry",
            "no2": "Chemiluminescence",
        },
        "source": "Page-test fixture",
        "licence": "CC BY 4.0",
    },
    {
        "code": "VN-HN1",
        "country_id": "VN",
        "site_type": "urban",
        "time_zone": "Asia/Ho_Chi_Minh",
        "latitude": 21.0491,
        "longitude": 105.8831,
        "name_en": "Hanoi Nguyen Van Cu",
        "name_vi": "Hà Nội - Nguyễn Văn Cừ",
        "measures": {"pm25": "Beta attenuation"},
    },
    {
        "code": "CN-JH1",
        "country_id": "CN",
        "site_type": "background",
        "time_zone": "Asia/Shanghai",
        "latitude": 22.0094,
        "longitude": 100.7974,
        "name_en": "Jinghong",
        "name_zh_hans": "景洪",
        "measures": {"pm25": "BAM", "o3": "UV photometry"},
    },
    {
        "code": "LA-VT1",
        "country_id": "LA",
        "site_type": "urban",
        "time_zone": "Asia/Vientiane",
        "latitude": 17.9757,
        "longitude": 102.6331,
        "name_en": "Vientiane",
        "name_lo": "ວຽງຈັນ",
        "measures": {"pm25": "BAM"},
    },
]


def cycle(parameter: str, day: int, hour: int) -> float:
    """A plausible hourly value [µg/m³] before the last day: a daily cycle and a drift."""
    base = {"pm25": 35.0, "pm10": 55.0, "o3": 45.0, "no2": 25.0}[parameter]
    if parameter == "o3":  # ozone peaks in the afternoon
        shape = math.sin(math.pi * max(0, hour - 6) / 12) if 6 <= hour <= 18 else 0.0
        return round(base * (0.4 + 1.2 * shape), 1)
    shape = 1 + 0.4 * math.cos(2 * math.pi * (hour - 8) / 24)  # traffic mornings
    return round(base * shape * (1 + 0.3 * math.sin(day / 5)), 1)


def _insert(objects: list[models.Model]) -> None:
    """``bulk_create`` as one prepared statement run for every row (``executemany``): Django
    building bulk_create's one statement of ~80,000 parameters was 1.4 s of the network's
    2 s (profiled), paid by every page test."""
    model = type(objects[0])
    fields = [f for f in model._meta.local_concrete_fields if not isinstance(f, models.AutoField)]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        connection.ops.quote_name(model._meta.db_table),
        ", ".join(connection.ops.quote_name(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    rows = [
        [f.get_db_prep_save(getattr(o, f.attname), connection) for f in fields] for o in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _store(station: Station, parameter: str, local_hours: dict[dt.datetime, tuple[float, int]]):
    """Measurements and their daily values from ``{local hour: (value, flags)}``."""
    definition = parameters.BY_CODE[parameter]
    zone = zoneinfo.ZoneInfo(station.time_zone)
    _insert(
        [
            Measurement(
                station=station,
                parameter=definition.id,
                averaging=1,
                time=moment.replace(tzinfo=zone).astimezone(dt.UTC),
                value=value,
                raw_value=value,
                raw_unit=definition.unit,
                flags=flags,
            )
            for moment, (value, flags) in local_hours.items()
        ]
    )
    days: dict[dt.date, list] = {}
    for moment, (value, flags) in local_hours.items():
        days.setdefault(moment.date(), []).append((moment.hour, value, flags))
    rows = []
    for date, values in days.items():
        day = np.full(24, np.nan)
        flagged = 0
        for hour, value, flags in values:
            if flags:
                flagged += 1
            else:
                day[hour] = value
        valid = day[np.isfinite(day)]
        means8 = [
            np.nanmean(day[k - 7 : k + 1])
            for k in range(7, 24)
            if np.isfinite(day[k - 7 : k + 1]).sum() >= 6
        ]
        rows.append(
            DailyValue(
                station=station,
                parameter=definition.id,
                date=date,
                mean=float(valid.mean()) if len(valid) else None,
                count=len(valid),
                flagged=flagged,
                max_1h=float(valid.max()) if len(valid) else None,
                max_8h=float(max(means8)) if means8 else None,
                hours=hours.pack(day),
            )
        )
    _insert(rows)


def make_network() -> dict[str, Station]:
    """Create the four stations and their data; returns them by code."""
    created = {}
    for spec in STATIONS:
        spec = dict(spec)
        measures = spec.pop("measures")
        station = Station.objects.create(kind=Station.Kind.AIR, **spec)
        for code, method in measures.items():
            StationParameter.objects.create(
                station=station,
                parameter=parameters.BY_CODE[code].id,
                unit=parameters.BY_CODE[code].unit,
                method=method,
            )
        created[station.code] = station
    for code, last_values in LAST_DAY_VALUES.items():
        station = created[code]
        for parameter, last_value in last_values.items():
            local_hours = {}
            day = FIRST_HOURLY_DAY
            while day <= LAST_DAY:
                for hour in range(24):
                    moment = dt.datetime.combine(day, dt.time(hour))
                    if day == LAST_DAY:
                        local_hours[moment] = (last_value, 0)
                    else:
                        local_hours[moment] = (cycle(parameter, day.toordinal(), hour), 0)
                day += dt.timedelta(days=1)
            if code == "TH-CM1" and parameter == "pm25":
                local_hours[SPIKE_AT] = (SPIKE_VALUE, parameters.Flag.SPIKE)
                start, length = GAP
                for k in range(length):
                    local_hours.pop(start + dt.timedelta(hours=k))
            _store(station, parameter, local_hours)
    _daily_history(created["TH-CM1"])
    return created


def history_mean(day: dt.date) -> float:
    """Chiang Mai's daily PM2.5 mean [µg/m³] on ``day`` before the hourly data."""
    years = (day - FIRST_DAILY_DAY).days / 365.25
    # burning season peaks in March, the monsoon is clean in August
    season = 25 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 75) / 365.25)
    return round(max(5.0, 40 + season - PM25_DECLINE * years), 1)


def _daily_history(station: Station) -> None:
    """Daily PM2.5 means only (no hours) from 2021 to the start of the hourly data."""
    pid = parameters.BY_CODE["pm25"].id
    rows = []
    day = FIRST_DAILY_DAY
    while day < FIRST_HOURLY_DAY:
        rows.append(
            DailyValue(
                station=station, parameter=pid, date=day, mean=history_mean(day), count=0, hours=b""
            )
        )
        day += dt.timedelta(days=1)
    _insert(rows)
