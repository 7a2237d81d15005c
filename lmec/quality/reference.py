"""The AQI standards as reference tables: data for the website, markdown for the docs.

``docs/aqi-standards.md`` is generated from :data:`lmec.quality.aqi.STANDARDS` by::

    .venv/bin/python -m lmec.quality.reference > docs/aqi-standards.md

and a test fails when the file and the code disagree. The website can call
:func:`breakpoint_data` (plain dicts, JSON-ready) or :func:`markdown` directly.

Gas concentrations are shown in common mass units, µg/m³ (CO mg/m³), converted at the
25 °C / 1 atm reference conditions of all five standards (24.45 L/mol, see
:mod:`lmec.quality.units`); a table's own unit is shown alongside where it differs.
"""

from __future__ import annotations

import sys
from functools import cache

import numpy as np

from . import aqi, units

#: Gases in display order, with their common unit.
GASES = {
    "pm25": ("PM2.5", "µg/m³"),
    "pm10": ("PM10", "µg/m³"),
    "o3": ("O3", "µg/m³"),
    "no2": ("NO2", "µg/m³"),
    "so2": ("SO2", "µg/m³"),
    "co": ("CO", "mg/m³"),
}

#: Two daily readings from a Thai station, in PCD units, for the cross-reading example.
THAI_READINGS = {
    "Bangkok, dry-season day": {
        "pm25_24h": 45.0,
        "pm10_24h": 80.0,
        "o3_8h": 62.0,
        "co_8h": 1.1,
        "no2_1h": 48.0,
        "so2_1h": 6.0,
    },
    "Chiang Mai, haze day": {
        "pm25_24h": 110.0,
        "pm10_24h": 150.0,
        "o3_8h": 70.0,
        "co_8h": 2.4,
        "no2_1h": 30.0,
        "so2_1h": 4.0,
    },
}

#: Inputs of :func:`compare`: pollutant id -> (gas label, averaging label), in display order.
#: Values are given in the gas's common unit (:data:`GASES`).
COMPARE_INPUTS = {
    "pm25_24h": ("PM2.5", "24h"),
    "pm10_24h": ("PM10", "24h"),
    "o3_8h": ("O3", "8h"),
    "o3_1h": ("O3", "1h"),
    "no2_1h": ("NO2", "1h"),
    "so2_1h": ("SO2", "1h"),
    "co_8h": ("CO", "8h"),
}

# Where a standard has no table of the input's averaging period, the closest one it has:
# CO 8-hour goes to China's 24-hour table and Viet Nam's 1-hour table.
_CLOSEST = {"co_8h": ("co_24h", "co_1h")}


def _gas(pollutant_id: str) -> str:
    return pollutant_id.split("_")[0]


def to_common_unit(value, unit: str, pollutant_id: str) -> float:
    """A concentration in the common unit of its gas (µg/m³, CO mg/m³) at 25 °C."""
    target = GASES[_gas(pollutant_id)][1]
    if unit == target:
        return float(value)
    return float(units.convert(value, unit, target, pollutant=pollutant_id, conditions="25C"))


def breakpoint_data() -> list[dict]:
    """Every band of every table, with concentrations in the table's and common units."""
    return [dict(row) for row in _band_rows()]


@cache
def _band_rows() -> tuple[dict, ...]:
    """:func:`breakpoint_data`, built once: the tables are module constants, and each of the
    six :func:`breakpoint_grid` calls of a page would otherwise convert every band again."""
    rows = []
    for std in aqi.STANDARDS.values():
        for table in std.pollutants.values():
            for number, (c_low, c_high, i_low, i_high) in enumerate(table.bands, start=1):
                open_top = table.above == "extend" and number == len(table.bands)
                rows.append(
                    {
                        "standard": std.id,
                        "pollutant": table.id,
                        "gas": _gas(table.id),
                        "averaging": table.averaging,
                        "band": number,
                        "index_low": i_low,
                        "index_high": None if open_top else i_high,
                        "unit": table.unit,
                        "c_low": c_low,
                        "c_high": None if open_top else c_high,
                        "common_unit": GASES[_gas(table.id)][1],
                        "c_low_common": to_common_unit(c_low, table.unit, table.id),
                        "c_high_common": (
                            None if open_top else to_common_unit(c_high, table.unit, table.id)
                        ),
                    }
                )
    return tuple(rows)


def _number(value: float, decimals: int = 4) -> str:
    """``value`` with up to ``decimals`` decimals, trailing zeros dropped, 1,000 separators."""
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def breakpoint_grid(gas: str) -> dict:
    """One gas: the concentration at which each index breakpoint is reached, per table.

    Returns
    -------
    dict
        ``columns``: one ``{"standard", "pollutant", "averaging", "unit"}`` per table of
        that gas, in :data:`lmec.quality.aqi.STANDARDS` order; ``rows``: one
        ``{"index": top of a band, "cells": [text or None per column]}`` per index value,
        ascending, then one row per open top band, ``"index": "201+"`` (Thailand) and
        ``"301+"`` (EPA's Hazardous), cells ``"≥ start"``. A cell reads
        ``common (own unit)``, e.g. ``"106 (54 ppb)"``; None where a table has no
        breakpoint at that index.
    """
    rows = [r for r in _band_rows() if r["gas"] == gas]
    keys = list(dict.fromkeys((r["standard"], r["pollutant"]) for r in rows))
    tops = sorted({r["index_high"] for r in rows if r["index_high"] is not None})
    cell = {}
    columns = {}
    for r in rows:
        key = (r["standard"], r["pollutant"])
        columns[key] = {
            "standard": r["standard"],
            "pollutant": r["pollutant"],
            "averaging": r["averaging"],
            "unit": r["unit"],
        }
        # converted values to 0.1 µg/m³ (0.01 mg/m³ for CO); a table's own numbers as printed
        places = 4 if r["unit"] == r["common_unit"] else (2 if gas == "co" else 1)
        if r["index_high"] is None:  # an open band: Thailand "201 and above", EPA "301+"
            text = f"≥ {_number(r['c_low_common'], places)}"
            if r["unit"] != r["common_unit"]:
                text += f" ({_number(r['c_low'])} {r['unit']})"
            cell[(key, f"{r['index_low']:g}+")] = text
            continue
        text = _number(r["c_high_common"], places)
        if r["unit"] != r["common_unit"]:
            text += f" ({_number(r['c_high'])} {r['unit']})"
        cell[(key, r["index_high"])] = text
    grid = [{"index": top, "cells": [cell.get((k, top)) for k in keys]} for top in tops]
    opens = sorted({k[1] for k in cell if isinstance(k[1], str)}, key=lambda t: float(t[:-1]))
    grid += [{"index": label, "cells": [cell.get((k, label)) for k in keys]} for label in opens]
    return {"columns": [columns[k] for k in keys], "rows": grid}


def breakpoint_markdown(gas: str) -> str:
    """:func:`breakpoint_grid` as a Markdown table."""
    grid = breakpoint_grid(gas)
    columns = [f"{c['standard']}<br>`{c['pollutant']}`" for c in grid["columns"]]
    lines = ["| index | " + " | ".join(columns) + " |", "|---:|" + "---:|" * len(columns)]
    for row in grid["rows"]:
        index = row["index"] if isinstance(row["index"], str) else f"{row['index']:g}"
        lines.append(f"| {index} | " + " | ".join(c or "" for c in row["cells"]) + " |")
    return "\n".join(lines)


def categories_markdown() -> str:
    """Every standard's categories: index range, colour, names in English and its language."""
    lines = []
    for std in aqi.STANDARDS.values():
        local = next((lang for lang in std.languages if lang != "en"), None)
        lines.append(f"### {std.name} (`{std.id}`)\n")
        head = "| key | index | colour | English |" + (f" {local} |" if local else "")
        lines += [head, "|---|---|---|---|" + ("---|" if local else "")]
        for c in std.categories:
            band = f"{c.low:g}+" if np.isinf(c.high) else f"{c.low:g}–{c.high:g}"
            row = f"| `{c.key}` | {band} | {c.colour} | {c.names['en']} |"
            lines.append(row + (f" {c.names[local]} |" if local else ""))
        lines.append("")
    return "\n".join(lines)


def table_for(standard: aqi.Standard, pollutant_id: str) -> str | None:
    """The standard's table for an input of :data:`COMPARE_INPUTS` (None if it has none)."""
    for candidate in (pollutant_id, *_CLOSEST.get(pollutant_id, ())):
        if candidate in standard.pollutants:
            return candidate
    return None


def compare(readings: dict[str, float]) -> list[dict]:
    """One set of readings read under every standard, side by side.

    Parameters
    ----------
    readings : dict of str to float
        Keys of :data:`COMPARE_INPUTS`; values in the gas's common unit, [µg/m³] (CO
        [mg/m³]). NaN or a missing key means no reading.

    Returns
    -------
    list of dict
        One dict per standard, in :data:`lmec.quality.aqi.STANDARDS` order: ``standard``,
        ``aqi`` (int or None), ``category`` (:class:`~lmec.quality.aqi.Category` or None),
        ``dominant`` (pollutant id of the standard's table, or None), ``sub_indices``
        (input id -> ``{"table": id, "value": int or None}``) and ``unused`` (inputs the
        standard has no table for).

    Notes
    -----
    Gas concentrations are converted to the table's unit at 25 °C and 1 atm, the reference
    conditions of all five standards. Each reading goes to the table of the same averaging
    period, or the closest one the standard has (CO 8-hour: China 24-hour, Viet Nam
    1-hour). HJ 633's 1-hour gas tables belong to its real-time report and its PM tables to
    the daily report; mixing them, as here, is a comparison, not an official report.
    """
    unknown = sorted(set(readings) - set(COMPARE_INPUTS))
    if unknown:
        raise ValueError(
            f"unknown input {', '.join(unknown)}; choose from: {', '.join(COMPARE_INPUTS)}"
        )
    given = {p: float(v) for p, v in readings.items() if v is not None and not np.isnan(v)}
    out = []
    for std in aqi.STANDARDS.values():
        tables, unused = {}, []
        for pid in given:
            target = table_for(std, pid)
            if target is None:
                unused.append(pid)
            else:
                tables[pid] = target
        converted = {}
        for pid, target in tables.items():
            common = GASES[_gas(pid)][1]
            unit = std.pollutants[target].unit
            value = given[pid]
            converted[target] = (
                value
                if unit == common
                else float(units.convert(value, common, unit, pollutant=pid, conditions="25C"))
            )
        row = {
            "standard": std.id,
            "aqi": None,
            "category": None,
            "dominant": None,
            "sub_indices": {},
            "unused": unused,
        }
        if converted:
            result = aqi.index(std, converted)
            subs = result.sub_indices
            row["sub_indices"] = {
                pid: {
                    "table": target,
                    "value": None if np.isnan(subs[target]) else int(subs[target]),
                }
                for pid, target in tables.items()
            }
            if not np.isnan(result.value):
                row["aqi"] = int(result.value)
                row["category"] = aqi.categories(std, result.value)[()]
                row["dominant"] = str(result.dominant) or None
        out.append(row)
    return out


def cross_reading(readings: dict[str, float]) -> list[dict]:
    """A Thai daily reading (PCD units) read under every standard.

    Each value is converted to its common unit at 25 °C and passed to :func:`compare`.
    """
    thai = aqi.STANDARDS["th-pcd-2023"]
    common = {
        pid: to_common_unit(value, thai.pollutants[pid].unit, pid)
        for pid, value in readings.items()
    }
    return [
        {
            "standard": row["standard"],
            "aqi": row["aqi"],
            "category": row["category"].key if row["category"] else None,
            "names": dict(row["category"].names) if row["category"] else {},
            "dominant": row["dominant"],
        }
        for row in compare(common)
    ]


def cross_reading_markdown() -> str:
    lines = []
    for title, readings in THAI_READINGS.items():
        shown = ", ".join(
            f"{p} {v:g} {aqi.STANDARDS['th-pcd-2023'].pollutants[p].unit}"
            for p, v in readings.items()
        )
        lines += [f"**{title}** — {shown}\n"]
        lines += ["| standard | AQI | category | dominant |", "|---|---:|---|---|"]
        for row in cross_reading(readings):
            names = " / ".join(row["names"].values())
            lines.append(
                f"| `{row['standard']}` | {row['aqi']} | {names} | `{row['dominant'] or '—'}` |"
            )
        lines.append("")
    return "\n".join(lines)


def markdown() -> str:
    """The whole reference page (docs/aqi-standards.md)."""
    parts = [
        "# Air quality index standards side by side",
        "",
        "<!-- generated by `python -m lmec.quality.reference`; do not edit by hand -->",
        "",
        "The air quality indices implemented in `lmec.quality.aqi`, each from its official "
        "document. Concentrations are in µg/m³ (CO mg/m³); gas concentrations published in "
        "ppb/ppm are converted at 25 °C and 1 atm (molar volume 24.45 L/mol), the reference "
        "conditions of all five standards (China since the 2018 amendment of GB 3095-2012), "
        "with the table's own value in brackets.",
        "",
        "## Standards and sources",
        "",
    ]
    for std in aqi.STANDARDS.values():
        parts.append(f"- **`{std.id}`** — {std.name} ({std.country}). Source: {std.source}.")
        if std.source.url:
            parts.append(f"  <{std.source.url}>")
        parts.append(f"  Verified: {std.source.verified}")
        for note in std.notes:
            parts.append(f"  - {note}")
    parts += [
        "",
        "## Breakpoints per pollutant",
        "",
        "Each row is an index value at the top of a band; each cell the concentration at "
        "which that index is reached. EPA and PCD tables leave a gap between bands "
        "(9.0 | 9.1 µg/m³): concentrations are first truncated (EPA) or rounded (PCD) to "
        "the printed resolution. Thailand's last band and EPA's Hazardous band are open, as "
        "printed: from the value shown the index is 201 (301) and keeps rising; EPA gives "
        "the concentrations of AQI 500 that fix its line in a note (see its source above).",
        "",
    ]
    for gas, (label, unit) in GASES.items():
        parts += [f"### {label} [{unit}]", "", breakpoint_markdown(gas), ""]
    parts += ["## Categories", "", categories_markdown()]
    parts += [
        "## What changes when a Thai reading is read under another index",
        "",
        "Computed by `lmec.quality.reference.cross_reading`: each daily value (PCD units) is "
        "converted at 25 °C and put on the other standard's table of the closest averaging "
        "period (CO 8-hour -> China's 24-hour and Viet Nam's 1-hour table). Thailand's "
        "values above 200 continue the 101-200 line, as the announcement gives the top "
        "band no upper limit.",
        "",
        cross_reading_markdown(),
    ]
    return "\n".join(parts).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    sys.stdout.write(markdown())
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
