"""Reads of the monitoring API at scale: query plans and response times.

Fills an empty database with ``--stations`` air stations × six gases × one year of hourly
measurements (2024: 8,784 hours; 200 stations = 10.5 M rows) and their daily values, then
prints the query plans of the reads (PostgreSQL: ``EXPLAIN (ANALYZE, BUFFERS)``) and the
response times of the API (Django's test client, in-process: no network), as markdown::

    DATABASE_URL=postgres://…/lmec_bench .venv/bin/python benchmarks/monitoring_api.py

The database must have no stations (a throw-away one: ``scripts/pg_temp.sh``); the script
migrates it and loads the countries. ``--keep`` skips filling when the data are there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lmec.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
# the pages are rendered without collectstatic: plain static names, files found in the apps
os.environ.setdefault("STATIC_MANIFEST", "false")
os.environ.setdefault("WHITENOISE_USE_FINDERS", "true")
django.setup()

import numpy as np  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from lmec.monitoring import hours, parameters  # noqa: E402
from lmec.monitoring.models import DailyValue, Station  # noqa: E402

YEAR = 2024
LEVEL = {"pm25": 35.0, "pm10": 60.0, "o3": 80.0, "no2": 40.0, "so2": 10.0, "co": 0.8}
COUNTRIES = ("CN", "KH", "LA", "MM", "TH", "VN")
ZONES = {
    "CN": "Asia/Shanghai",
    "KH": "Asia/Phnom_Penh",
    "LA": "Asia/Vientiane",
    "MM": "Asia/Yangon",
    "TH": "Asia/Bangkok",
    "VN": "Asia/Ho_Chi_Minh",
}


def value(level, h, s):
    """Hourly value of hour ``h`` (from 1 January, UTC) at station id ``s``."""
    return level * (
        1 + 0.4 * np.sin(2 * np.pi * (h % 24) / 24 + s) + 0.15 * np.sin(h * 1.7 + s * 0.9)
    )


#: :func:`value` in SQL (``%%`` is a literal ``%`` for the driver).
SQL_VALUE = (
    "{level} * (1 + 0.4 * sin(2 * pi() * (h %% 24) / 24.0 + s) + 0.15 * sin(h * 1.7 + s * 0.9))"
)


def fill(n_stations: int) -> None:
    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_strategy", verbosity=0)
    stations = [
        Station(
            code=f"B-{COUNTRIES[k % 6]}-{k:04d}",
            name=f"Bench {k}",
            site_type="urban",
            country_id=COUNTRIES[k % 6],
            latitude=10 + (k % 100) / 10,
            longitude=100 + (k // 100) / 10,
            time_zone=ZONES[COUNTRIES[k % 6]],
        )
        for k in range(n_stations)
    ]
    Station.objects.bulk_create(stations)
    ids = list(Station.objects.order_by("id").values_list("id", flat=True))
    first, last = ids[0], ids[-1]
    start = dt.datetime(YEAR, 1, 1, tzinfo=dt.UTC)
    n_hours = (dt.datetime(YEAR + 1, 1, 1, tzinfo=dt.UTC) - start) // dt.timedelta(hours=1)
    with connection.cursor() as cursor:
        for gas, level in LEVEL.items():
            pid = parameters.BY_CODE[gas].id
            # the same formula in SQL and in value() below: a daily cycle and a deterministic
            # jitter (a pure sine makes EPA's ozone NowCast regression degenerate and slow)
            cursor.execute(
                f"""
                INSERT INTO monitoring_measurement
                    (station_id, parameter, averaging, time, value, raw_value, raw_unit,
                     censor, flags)
                SELECT s, %s, 1, %s + h * interval '1 hour', v, v, %s, '', 0
                FROM generate_series(%s, %s) AS s, generate_series(0, %s - 1) AS h,
                     LATERAL (SELECT {SQL_VALUE.format(level=level)} AS v) AS x
                """,
                [pid, start, parameters.BY_CODE[gas].unit, first, last, n_hours],
            )
            print(f"measurements of {gas}: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    days = n_hours // 24
    for sid in ids:
        station = Station.objects.get(id=sid)
        offset = int(dt.datetime(YEAR, 1, 1, tzinfo=station.zone).utcoffset().total_seconds())
        rows = []
        for gas, level in LEVEL.items():
            # local day d, hour k starts at UTC hour d * 24 + k - offset
            h = np.floor(np.arange(days * 24) - offset / 3600)
            values = value(level, h, sid)
            values[h < 0] = np.nan
            for d in range(days):
                day = values[d * 24 : d * 24 + 24]
                ok = day[np.isfinite(day)]
                rows.append(
                    DailyValue(
                        station_id=sid,
                        parameter=parameters.BY_CODE[gas].id,
                        date=dt.date(YEAR, 1, 1) + dt.timedelta(days=d),
                        mean=float(ok.mean()) if len(ok) else None,
                        count=len(ok),
                        max_1h=float(ok.max()) if len(ok) else None,
                        hours=hours.pack(day),
                    )
                )
        DailyValue.objects.bulk_create(rows, batch_size=5000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE monitoring_measurement")
            cursor.execute("ANALYZE monitoring_dailyvalue")
    print(f"filled in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def plans(code: str) -> None:
    """EXPLAIN the SQL of the main reads (PostgreSQL)."""
    from django.test.utils import CaptureQueriesContext

    client = Client()
    urls = {
        "measurements page (count + 1,000 rows)": f"/api/v1/monitoring/stations/{code}/measurements?parameter=pm25&start={YEAR}-06-01&end={YEAR}-06-30",
        "daily AQI of a station-year": f"/api/v1/monitoring/stations/{code}/aqi?start={YEAR}-01-01&end={YEAR}-12-31",
        "hourly AQI, 31 days (EPA: 45 days read)": f"/api/v1/monitoring/stations/{code}/aqi?period=hourly&start={YEAR}-06-01&end={YEAR}-07-01",
        "latest AQI of every station": "/api/v1/monitoring/latest",
    }
    for title, url in urls.items():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            assert response.status_code == 200, (url, response.content[:300])
        print(f"\n### {title}\n\n`GET {url}`: {len(captured)} queries\n")
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT") or "monitoring_" not in sql:
                continue
            if "monitoring_measurement" not in sql and "monitoring_dailyvalue" not in sql:
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
            print("```\n" + sql[:400] + ("…" if len(sql) > 400 else "") + "\n\n" + plan + "\n```")


def timings(code: str, repeat: int) -> None:
    client = Client()
    urls = [
        ("station", f"/api/v1/monitoring/stations/{code}"),
        (
            "measurements, 1,000 of a month",
            f"/api/v1/monitoring/stations/{code}/measurements?parameter=pm25&start={YEAR}-06-01&end={YEAR}-06-30",
        ),
        (
            "daily values, a year",
            f"/api/v1/monitoring/stations/{code}/daily?parameter=pm25&start={YEAR}-01-01&end={YEAR}-12-31",
        ),
        (
            "daily AQI, a station-year",
            f"/api/v1/monitoring/stations/{code}/aqi?start={YEAR}-01-01&end={YEAR}-12-31",
        ),
        (
            "hourly AQI, 31 days",
            f"/api/v1/monitoring/stations/{code}/aqi?period=hourly&start={YEAR}-06-01&end={YEAR}-07-01",
        ),
        ("statistics of a year", f"/api/v1/monitoring/stations/{code}/statistics?year={YEAR}"),
        ("latest AQI, all stations", "/api/v1/monitoring/latest"),
        # the pages, as a reader opens them (HTML, English)
        ("station page (default: 7 days of hours)", f"/en/monitoring/stations/{code}/"),
        (
            "station page, a year of daily means",
            f"/en/monitoring/stations/{code}/?period=1y&year={YEAR}",
        ),
        ("station page, 5 years of daily means", f"/en/monitoring/stations/{code}/?period=5y"),
        ("map page (every station's latest index)", "/en/monitoring/"),
        (
            "daily download, CSV, a year",
            f"/api/v1/monitoring/stations/{code}/export.csv?dataset=daily&start={YEAR}-01-01&end={YEAR}-12-31",
        ),
    ]
    print("\n| request | p50 [ms] | p95 [ms] | n |\n|---|---:|---:|---:|")
    for title, url in urls:
        client.get(url)  # warm
        samples = []
        for _ in range(repeat):
            t = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - t) * 1000)
            assert response.status_code == 200, url
        samples.sort()
        p95 = samples[min(len(samples) - 1, int(round(0.95 * len(samples))) - 1)]
        print(f"| {title} | {statistics.median(samples):.1f} | {p95:.1f} | {repeat} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stations", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="use the data already there")
    parser.add_argument("--no-plans", action="store_true")
    args = parser.parse_args()
    if not args.keep:
        call_command("migrate", verbosity=0)
        if Station.objects.exists():
            print("refusing: the database already has stations (use --keep)", file=sys.stderr)
            return 1
        fill(args.stations)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM monitoring_measurement")
        rows = cursor.fetchone()[0]
    print(
        f"{connection.vendor}: {Station.objects.count()} stations, {rows:,} measurements, "
        f"{DailyValue.objects.count():,} daily values"
    )
    code = (
        Station.objects.filter(country_id="KH").order_by("code").values_list("code", flat=True)[0]
    )
    timings(code, args.repeat)
    if connection.vendor == "postgresql" and not args.no_plans:
        plans(code)
    return 0


if __name__ == "__main__":
    sys.exit(main())
