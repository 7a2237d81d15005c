"""``lmec aqi``: compute an air quality index from the command line (no Django needed)."""

import argparse
import json
import sys

import numpy as np

from . import aqi


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="lmec aqi",
        description="Air quality index under a country's standard, e.g. "
        "lmec aqi --standard us-epa-2024 pm25_24h=35.9 o3_8h=0.078",
    )
    parser.add_argument("--standard", default="cn-hj633-2012", help="standard id (see --list)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--list", action="store_true", help="list the standards and stop")
    parser.add_argument("readings", nargs="*", metavar="pollutant=value")
    args = parser.parse_args(argv)
    if args.list:
        for std in aqi.STANDARDS.values():
            units = ", ".join(f"{p.id} [{p.unit}]" for p in std.pollutants.values())
            print(f"{std.id}\t{std.name}\t{units}")
        return 0
    try:
        std = aqi.get_standard(args.standard)
        readings = {}
        for item in args.readings:
            name, sep, raw = item.partition("=")
            if not sep:
                raise ValueError(f"{item!r}: write pollutant=value, e.g. pm25_24h=35.9")
            try:
                readings[name] = float(raw)
            except ValueError:
                raise ValueError(f"{item!r}: {raw!r} is not a number") from None
        result = aqi.index(std, readings)
    except ValueError as error:
        print(f"lmec aqi: {error}", file=sys.stderr)
        return 2
    value = float(result.value)
    category = str(result.category)
    names = next((c.names for c in std.categories if c.key == category), {})
    out = {
        "standard": std.id,
        "aqi": None if np.isnan(value) else int(value),
        "category": category or None,
        "category_names": names,
        "dominant": str(result.dominant) or None,
        "sub_indices": {
            p: (None if np.isnan(v) else int(v))
            for p, v in ((p, float(aqi.sub_index(std, p, c))) for p, c in readings.items())
        },
    }
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
    else:
        label = " / ".join(names.values())
        print(f"AQI {out['aqi']} ({label}) — dominant: {out['dominant'] or '—'} [{std.id}]")
    return 0
