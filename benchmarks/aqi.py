"""Throughput of lmec.quality.aqi against the python-aqi package, in the same run.

Run: ``.venv/bin/python benchmarks/aqi.py`` (or ``make bench``). Prints a markdown table;
the last recorded one is in benchmarks/README.md. python-aqi computes one value per call with
Decimal arithmetic, so it is timed on a smaller sample and compared in values per second.
"""

import importlib
import platform
import sys
import time
from pathlib import Path

import numpy as np

from lmec.quality import aqi

# This file is itself named aqi.py: take it off the path so "aqi" is the PyPI package.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
python_aqi = importlib.import_module("aqi")  # python-aqi 0.6.1

N_LMEC = 10_000_000
N_PEER = 100_000


def best_of(repeats, func):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    rng = np.random.default_rng(42)
    pm25 = np.round(rng.gamma(2.0, 15.0, N_LMEC), 1)  # realistic skew, 0-300 µg/m³
    o3 = np.round(rng.gamma(4.0, 0.012, N_LMEC), 3)  # ppm
    rows = []

    t = best_of(3, lambda: aqi.sub_index("us-epa-2024", "pm25_24h", pm25))
    lmec_sub = N_LMEC / t
    sample = [str(v) for v in pm25[:N_PEER]]
    t_peer = best_of(
        1,
        lambda: [
            python_aqi.to_iaqi(python_aqi.POLLUTANT_PM25, v, algo=python_aqi.ALGO_EPA)
            for v in sample
        ],
    )
    peer_sub = N_PEER / t_peer
    rows.append(("PM2.5 sub-index (US EPA)", lmec_sub, peer_sub))

    t = best_of(3, lambda: aqi.index("us-epa-2024", {"pm25_24h": pm25, "o3_8h": o3}))
    lmec_idx = N_LMEC / t
    pairs = [
        [(python_aqi.POLLUTANT_PM25, str(a)), (python_aqi.POLLUTANT_O3_8H, str(b))]
        for a, b in zip(pm25[:N_PEER], o3[:N_PEER], strict=True)
    ]
    t_peer = best_of(1, lambda: [python_aqi.to_aqi(p, algo=python_aqi.ALGO_EPA) for p in pairs])
    peer_idx = N_PEER / t_peer
    rows.append(("AQI of PM2.5 + O3 8-h (US EPA)", lmec_idx, peer_idx))

    def with_labels():
        result = aqi.index("us-epa-2024", {"pm25_24h": pm25, "o3_8h": o3})
        return result.dominant, result.category

    t = best_of(3, with_labels)
    rows.append(("… and its dominant-pollutant and category labels", N_LMEC / t, peer_idx))

    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
    )
    print(f"lmec on {N_LMEC:,} values, python-aqi {python_aqi.__version__} on {N_PEER:,}\n")
    print("| what | lmec.quality [values/s] | python-aqi [values/s] | speed-up |")
    print("|---|---:|---:|---:|")
    for name, ours, peer in rows:
        print(f"| {name} | {ours:,.0f} | {peer:,.0f} | {ours / peer:,.0f}× |")


if __name__ == "__main__":
    main()
