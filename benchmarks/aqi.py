"""Throughput of lmec.quality.aqi against the python-aqi package, in the same run.

Run: ``.venv/bin/python benchmarks/aqi.py`` (or ``make bench``). Prints a markdown table;
the last recorded one is in benchmarks/README.md.

python-aqi computes one value per call with ``Decimal`` arithmetic, so it is timed on a
smaller sample (100,000 values) and both are compared in values per second. lmec.quality
is timed best-of-3 on 10 million values. The last row is the daily AQI of 100
station-years of hourly data (100 x 8760 hours, six pollutants): ``daily_inputs`` then
``index``, target under one second.
"""

from __future__ import annotations

import datetime
import importlib
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

from lmec.quality import aqi

# This file is itself named aqi.py: take its folder off the path so that "aqi" is the
# python-aqi package from site-packages, not this script.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
python_aqi = importlib.import_module("aqi")  # python-aqi 0.6.1

N_LMEC = 10_000_000
N_PEER = 100_000
STATIONS, HOURS = 100, 8760


def best_of(repeats, func):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def hourly_year(rng) -> dict[str, np.ndarray]:
    """One year of plausible hourly means for 100 stations, 1 % missing (µg/m³, CO mg/m³)."""
    shape = (STATIONS, HOURS)
    data = {
        "pm25": rng.gamma(2.0, 20.0, shape),
        "pm10": rng.gamma(2.0, 35.0, shape),
        "o3": rng.gamma(4.0, 20.0, shape),
        "no2": rng.gamma(3.0, 12.0, shape),
        "so2": rng.gamma(2.0, 6.0, shape),
        "co": rng.gamma(2.0, 0.4, shape),
    }
    for values in data.values():
        values[rng.random(shape) < 0.01] = np.nan
    return data


def main() -> None:
    rng = np.random.default_rng(42)
    pm25 = np.round(rng.gamma(2.0, 15.0, N_LMEC), 1)  # realistic skew, 0-300 µg/m³
    o3 = np.round(rng.gamma(4.0, 0.012, N_LMEC), 3)  # ppm
    peer_pm25 = [str(v) for v in pm25[:N_PEER]]
    rows = []

    def peer(algo, pollutant=python_aqi.POLLUTANT_PM25):
        return N_PEER / best_of(
            1, lambda: [python_aqi.to_iaqi(pollutant, v, algo=algo) for v in peer_pm25]
        )

    t = best_of(3, lambda: aqi.sub_index("us-epa-2024", "pm25_24h", pm25))
    rows.append(
        (
            "PM2.5 sub-index, US EPA (truncation, table look-up)",
            N_LMEC / t,
            peer(python_aqi.ALGO_EPA),
        )
    )
    peer_mep = peer(python_aqi.ALGO_MEP)
    t = best_of(3, lambda: aqi.sub_index("cn-hj633-2026", "pm25_24h", pm25))
    rows.append(("PM2.5 sub-index, China HJ 633 (interpolation)", N_LMEC / t, peer_mep))

    pairs = [
        [(python_aqi.POLLUTANT_PM25, str(a)), (python_aqi.POLLUTANT_O3_8H, str(b))]
        for a, b in zip(pm25[:N_PEER], o3[:N_PEER], strict=True)
    ]
    peer_index = N_PEER / best_of(
        1, lambda: [python_aqi.to_aqi(p, algo=python_aqi.ALGO_EPA) for p in pairs]
    )
    t = best_of(3, lambda: aqi.index("us-epa-2024", {"pm25_24h": pm25, "o3_8h": o3}))
    rows.append(("AQI of PM2.5 + O3 8-h, US EPA", N_LMEC / t, peer_index))

    def with_labels():
        result = aqi.index("us-epa-2024", {"pm25_24h": pm25, "o3_8h": o3})
        return result.dominant, result.category

    t = best_of(3, with_labels)
    rows.append(("… with dominant-pollutant and category labels", N_LMEC / t, peer_index))

    year = hourly_year(rng)

    def daily_aqi():
        return aqi.index("cn-hj633-2026", aqi.daily_inputs("cn-hj633-2026", year))

    daily_seconds = best_of(3, daily_aqi)
    days = int(np.isfinite(daily_aqi().value).sum())

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"NumPy {np.__version__}; {datetime.date.today().isoformat()}"
    )
    print(f"lmec.quality on {N_LMEC:,} values, python-aqi {python_aqi.__version__} on {N_PEER:,}\n")
    print("| what | lmec.quality [values/s] | python-aqi [values/s] | speed-up |")
    print("|---|---:|---:|---:|")
    for name, ours, theirs in rows:
        print(f"| {name} | {ours:,.0f} | {theirs:,.0f} | {ours / theirs:,.0f}× |")
    print(
        f"\nDaily AQI (cn-hj633-2026) of {STATIONS} station-years "
        f"({STATIONS} × {HOURS} hours, 6 pollutants, 1 % missing): "
        f"{daily_seconds:.3f} s, {days:,} valid station-days (target < 1 s)"
    )


if __name__ == "__main__":
    main()
