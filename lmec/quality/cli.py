"""``lmec aqi``: an air quality index from the command line (no Django needed).

Examples::

    lmec aqi --standard us-epa-2024 pm25_24h=35.9 o3_8h=0.078
    lmec aqi --standard th-pcd-2023 --json pm25_24h=60 o3_8h=55
    lmec aqi --list
"""

from __future__ import annotations

import argparse
import json
import math
import sys

from . import aqi


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lmec aqi",
        description="Air quality index under a country's own standard, e.g. "
        "lmec aqi --standard us-epa-2024 pm25_24h=35.9 o3_8h=0.078 "
        "(concentrations in the standard's units, see --list)",
    )
    parser.add_argument("--standard", default="cn-hj633-2026", help="standard id (see --list)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--list", action="store_true", help="list the standards and stop")
    parser.add_argument("readings", nargs="*", metavar="pollutant=value")
    return parser


def _list() -> None:
    for std in aqi.STANDARDS.values():
        print(f"{std.id}\t{std.name} [{std.country}] — {std.source}")
        for p in std.pollutants.values():
            print(f"    {p.id:<14} [{p.unit}], {p.averaging}")


def _readings(items: list[str]) -> dict[str, float]:
    if not items:
        raise ValueError("give at least one reading, e.g. pm25_24h=35.9 (see --list)")
    readings = {}
    for item in items:
        name, sep, raw = item.partition("=")
        if not sep or not name:
            raise ValueError(f"{item!r}: write pollutant=value, e.g. pm25_24h=35.9")
        try:
            readings[name] = float(raw)
        except ValueError:
            raise ValueError(f"{item!r}: {raw!r} is not a number") from None
    return readings


def _int_or_none(value: float) -> int | None:
    return None if math.isnan(value) else int(value)


def main(argv: list[str] | None = None) -> int:
    """Run ``lmec aqi``; returns the exit status (0 fine, 2 bad input)."""
    args = _parser().parse_args(argv)
    if args.list:
        _list()
        return 0
    try:
        std = aqi.get_standard(args.standard)
        readings = _readings(args.readings)
        result = aqi.index(std, readings)
    except ValueError as error:
        print(f"lmec aqi: {error}", file=sys.stderr)
        return 2
    value = float(result.value)
    category_key = str(result.category)
    category = aqi.get_category(std, category_key) if category_key else None
    out = {
        "standard": std.id,
        "aqi": _int_or_none(value),
        "category": category_key or None,
        "category_names": dict(category.names) if category else {},
        "advice": dict(category.advice) if category else {},
        "colour": category.colour if category else None,
        "dominant": str(result.dominant) or None,
        "sub_indices": {p: _int_or_none(float(v)) for p, v in result.sub_indices.items()},
        "units": {p: std.pollutants[p].unit for p in readings},
    }
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
        return 0
    if category is None:
        print(f"AQI not computable from these readings [{std.id}]")
        return 0
    label = " / ".join(category.names.values())
    print(f"AQI {out['aqi']} ({label}) — dominant: {out['dominant'] or '—'} [{std.id}]")
    for pollutant, sub in out["sub_indices"].items():
        shown = "—" if sub is None else sub
        print(
            f"  {pollutant:<14} {readings[pollutant]:>10g} {out['units'][pollutant]:<6} -> {shown}"
        )
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
