"""Ingest throughput on a generated long CSV, SQLite and PostgreSQL, against raw loads.

Run: ``.venv/bin/python benchmarks/ingest.py [--rows 5000000]`` (or ``make bench``). Prints
a markdown table; the last recorded one is in benchmarks/README.md.

The CSV (seeded, reproducible) holds hourly values of six pollutants at 100 stations in the
six countries' time zones, in time order like a network's export, with the units people
write (µg/m³, ug/m3, ppb, mg/m3), times with offsets, some negatives, censored values,
provider flags and spikes. For each database, in separate processes so that each peak
memory (RSS high-water mark) is its own:

* **ingest**: ``ingest_file`` end to end (read, validate, convert, flag, store, daily
  values, commit) into an empty database;
* **re-ingest**: the same file again (every row unchanged);
* **baseline**: the raw load of the same rows without any parsing or checks: SQLite
  ``executemany`` of tuples built beforehand into a keyed table like the measurement
  table, PostgreSQL ``COPY`` of the CSV text into a table keyed like it.

PostgreSQL is a throw-away server started with scripts/pg_temp.sh on a free port, or the
server of ``BENCH_DATABASE_URL`` (a database ``lmec_bench`` is created and dropped there).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATIONS = 100
ZONES = [
    ("TH", "Asia/Bangkok", "+07:00", 420),
    ("MM", "Asia/Yangon", "+06:30", 390),
    ("CN", "Asia/Shanghai", "+08:00", 480),
    ("VN", "Asia/Ho_Chi_Minh", "+07:00", 420),
    ("KH", "Asia/Phnom_Penh", "+07:00", 420),
    ("LA", "Asia/Vientiane", "+07:00", 420),
]
# parameter, unit as written, gamma shape and scale (in the written unit)
POLLUTANTS = [
    ("pm25", "µg/m³", 2.0, 15.0),
    ("pm10", "ug/m3", 2.0, 25.0),
    ("so2", "ppb", 2.0, 2.5),
    ("no2", "µg/m³", 3.0, 10.0),
    ("co", "mg/m3", 3.0, 0.25),
    ("o3", "ppb", 4.0, 8.0),
]


def station_code(i: int) -> str:
    return f"{ZONES[i % len(ZONES)][0]}-B{i:03d}"


def generate(path: Path, rows: int, seed: int = 2024) -> int:
    """Write the benchmark CSV; returns the number of data rows."""
    import numpy as np
    import polars as pl

    rng = np.random.default_rng(seed)
    series = STATIONS * len(POLLUTANTS)
    hours = -(-rows // series)
    n = hours * series
    hour = np.repeat(np.arange(hours), series)
    station = np.tile(np.repeat(np.arange(STATIONS), len(POLLUTANTS)), hours)
    pollutant = np.tile(np.arange(len(POLLUTANTS)), hours * STATIONS)
    shape = np.array([p[2] for p in POLLUTANTS])[pollutant]
    scale = np.array([p[3] for p in POLLUTANTS])[pollutant]
    values = rng.gamma(shape, scale)
    values[rng.random(n) < 0.001] *= -0.05  # small negatives near the baseline
    values[rng.random(n) < 0.0002] *= 40  # spikes
    decimals = np.where(pollutant == 4, 100.0, 10.0)
    values = np.round(values * decimals) / decimals
    text = pl.Series(values).cast(pl.String)
    censored = rng.random(n) < 0.002
    text = pl.select(pl.when(pl.Series(censored)).then(pl.lit("<0.5")).otherwise(text)).to_series()
    zone = station % len(ZONES)
    minutes = np.array([z[3] for z in ZONES])[zone]
    start = np.datetime64("2024-01-01T00:00", "m")
    local = (start + hour.astype("timedelta64[h]") + minutes.astype("timedelta64[m]")).astype(
        "datetime64[us]"
    )
    frame = pl.DataFrame(
        {
            "station": np.array([station_code(i) for i in range(STATIONS)])[station],
            "parameter": np.array([p[0] for p in POLLUTANTS])[pollutant],
            "unit": np.array([p[1] for p in POLLUTANTS])[pollutant],
            "time": pl.Series(local).dt.strftime("%Y-%m-%dT%H:%M:%S")
            + pl.Series(np.array([z[2] for z in ZONES])[zone]),
            "value": text,
            "flag": np.where(rng.random(n) < 0.0005, "invalid", ""),
        }
    ).head(rows)
    frame.write_csv(path)
    return frame.height


# --- the measured phases, each in its own process ------------------------------------------


def _django(database_url: str, home: str):
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ["LMEC_HOME"] = home
    os.environ["DJANGO_SETTINGS_MODULE"] = "lmec.settings"
    import django

    django.setup()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_setup(database_url: str, home: str) -> dict:
    _django(database_url, home)
    from django.core.management import call_command

    from lmec.core.models import Country
    from lmec.monitoring import parameters
    from lmec.monitoring.models import Station, StationParameter

    call_command("migrate", verbosity=0)
    for i in range(STATIONS):
        country, zone, _offset, _minutes = ZONES[i % len(ZONES)]
        Country.objects.get_or_create(code=country, defaults={"name": country})
        station = Station.objects.create(
            code=station_code(i),
            name=f"Benchmark {i}",
            site_type="urban",
            country_id=country,
            time_zone=zone,
            latitude=15.0,
            longitude=101.0,
        )
        StationParameter.objects.bulk_create(
            [
                StationParameter(station=station, parameter=parameters.BY_CODE[p[0]].id, unit=p[1])
                for p in POLLUTANTS
            ]
        )
    return {}


def phase_ingest(database_url: str, home: str, csv_path: str) -> dict:
    _django(database_url, home)
    from lmec.monitoring.ingest import ingest_file

    stages = {}
    started = time.perf_counter()

    def progress(stage, done, total):
        stages.setdefault(stage, round(time.perf_counter() - started, 2))

    result = ingest_file(csv_path, progress=progress)
    seconds = time.perf_counter() - started
    out = {
        "seconds": seconds,
        "rows": result.rows_read,
        "stored": result.stored,
        "replaced": result.replaced,
        "unchanged": result.unchanged,
        "flagged": result.flagged,
        "refused": result.refused,
        "daily": result.daily,
        "peak_mb": _peak_mb(),
        "stages": stages,
    }
    out.update(_sizes())
    return out


def _sizes() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_relation_size('monitoring_measurement'), "
                "pg_relation_size('monitoring_measurement_pkey'), "
                "pg_relation_size('measurement_time_brin')"
            )
            table, key, brin = cursor.fetchone()
            return {"table_mb": table / 2**20, "key_mb": key / 2**20, "brin_kb": brin / 1024}
        cursor.execute("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size")
        return {"file_mb": cursor.fetchone()[0] / 2**20}


def phase_baseline(database_url: str, home: str, csv_path: str) -> dict:
    """The raw database load of the same rows, nothing parsed or checked while timed."""
    _django(database_url, home)
    import polars as pl
    from django.db import connection

    frame = pl.read_csv(csv_path, infer_schema=False)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "CREATE TABLE baseline (station text, parameter text, unit text, time text, "
                "value text, flag text, PRIMARY KEY (station, parameter, time)) WITHOUT ROWID"
            )
            rows = list(frame.iter_rows())
            raw = connection.connection
            started = time.perf_counter()
            raw.execute("BEGIN")
            raw.executemany("INSERT INTO baseline VALUES (?, ?, ?, ?, ?, ?)", rows)
            raw.execute("COMMIT")
        else:
            cursor.execute(
                "CREATE TABLE baseline (station text, parameter text, unit text, "
                "time timestamptz, value text, flag text, PRIMARY KEY (station, parameter, time))"
            )
            connection.commit() if not connection.get_autocommit() else None
            started = time.perf_counter()
            with (
                open(csv_path, "rb") as fh,
                cursor.cursor.copy("COPY baseline FROM STDIN (FORMAT csv, HEADER true)") as copy,
            ):
                while block := fh.read(8 * 2**20):
                    copy.write(block)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "rows": frame.height}


PHASES = {"setup": phase_setup, "ingest": phase_ingest, "baseline": phase_baseline}


def run_phase(name: str, *args: str) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--phase", name, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if result.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- PostgreSQL server ---------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Postgres:
    """A throw-away server (scripts/pg_temp.sh) or BENCH_DATABASE_URL; a fresh database."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.url = os.environ.get("BENCH_DATABASE_URL")
        self.started = False

    def __enter__(self) -> Postgres:
        if not self.url:
            self.port = free_port()
            self.folder = self.workdir / "pg"
            self.workdir.chmod(0o755)
            out = subprocess.run(
                ["scripts/pg_temp.sh", "start", str(self.folder)],
                cwd=ROOT,
                env={**os.environ, "PGTEST_PORT": str(self.port)},
                capture_output=True,
                text=True,
            )
            if out.returncode != 0:
                raise SystemExit(f"PostgreSQL could not be started: {out.stderr}")
            self.url = out.stdout.strip()
            self.started = True
        import psycopg

        base = self.url.rsplit("/", 1)[0]
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS lmec_bench")
            conn.execute("CREATE DATABASE lmec_bench")
            self.server = conn.execute("SHOW server_version").fetchone()[0]
        self.database = f"{base}/lmec_bench"
        return self

    def drop(self) -> None:
        import psycopg

        base = self.url.rsplit("/", 1)[0]
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS lmec_bench")

    def __exit__(self, *exc) -> None:
        try:
            self.drop()
        finally:
            if self.started:
                subprocess.run(
                    ["scripts/pg_temp.sh", "stop", str(self.folder)],
                    cwd=ROOT,
                    env={**os.environ, "PGTEST_PORT": str(self.port)},
                    capture_output=True,
                )


# --- main ----------------------------------------------------------------------------------


def measure(database_url: str, home: Path, csv_path: Path) -> dict:
    run_phase("setup", database_url, str(home))
    ingest = run_phase("ingest", database_url, str(home), str(csv_path))
    again = run_phase("ingest", database_url, str(home), str(csv_path))
    baseline = run_phase("baseline", database_url, str(home), str(csv_path))
    return {"ingest": ingest, "again": again, "baseline": baseline}


def table(rows: int, results: dict, csv_mb: float) -> str:
    lines = [
        "| database | run | rows/s | wall [s] | peak RSS [MB] | outcome |",
        "|---|---|---:|---:|---:|---|",
    ]
    for name, r in results.items():
        ingest, again, base = r["ingest"], r["again"], r["baseline"]
        lines.append(
            f"| {name} | ingest, empty database | {ingest['rows'] / ingest['seconds']:,.0f} | "
            f"{ingest['seconds']:.1f} | {ingest['peak_mb']:,.0f} | {ingest['stored']:,} stored, "
            f"{ingest['flagged']:,} flagged, {ingest['daily']:,} daily values |"
        )
        lines.append(
            f"| {name} | re-ingest, same file | {again['rows'] / again['seconds']:,.0f} | "
            f"{again['seconds']:.1f} | {again['peak_mb']:,.0f} | {again['unchanged']:,} unchanged, "
            f"{again['stored'] + again['replaced']:,} written |"
        )
        lines.append(
            f"| {name} | baseline: {'executemany of built tuples' if name == 'SQLite' else 'COPY of the CSV'}"
            f" into a keyed table | {base['rows'] / base['seconds']:,.0f} | {base['seconds']:.1f} | | "
            "no parsing, checks, units, flags or daily values |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    if args.phase:
        print(json.dumps(PHASES[args.phase](*rest)))
        return
    workdir = Path(tempfile.mkdtemp(prefix="lmec-bench-"))
    try:
        csv_path = workdir / "measurements.csv"
        started = time.perf_counter()
        rows = generate(csv_path, args.rows)
        csv_mb = csv_path.stat().st_size / 2**20
        print(
            f"generated {rows:,} rows ({csv_mb:,.0f} MB) in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
        results, notes = {}, []
        if not args.skip_sqlite:
            home = workdir / "sqlite"
            home.mkdir()
            results["SQLite"] = measure(f"sqlite:///{home / 'bench.sqlite3'}", home, csv_path)
            notes.append(
                f"SQLite file after the ingest: {results['SQLite']['ingest']['file_mb']:,.0f} MB"
            )
        if not args.skip_postgres:
            home = workdir / "postgres"
            home.mkdir()
            with Postgres(workdir) as pg:
                results["PostgreSQL"] = measure(pg.database, home, csv_path)
                sizes = results["PostgreSQL"]["ingest"]
                notes.append(
                    f"PostgreSQL {pg.server}: measurement heap {sizes['table_mb']:,.0f} MB, "
                    f"primary key {sizes['key_mb']:,.0f} MB, BRIN on time {sizes['brin_kb']:,.0f} kB"
                )
        import numpy
        import polars

        print(
            f"{rows:,} rows, {csv_mb:,.0f} MB CSV; {platform.machine()}, {os.cpu_count()} cores, "
            f"CPython {platform.python_version()}, polars {polars.__version__}, NumPy {numpy.__version__}\n"
        )
        print(table(rows, results, csv_mb))
        print()
        for note in notes:
            print(f"- {note}")
        for name, r in results.items():
            print(f"- {name} ingest stages (seconds from the start): {r['ingest']['stages']}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
