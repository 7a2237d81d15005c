"""Reads for the air- and water-quality pages and API: the standards as the reader sees them.

The numbers come from :mod:`lmec.quality` (its tables and :mod:`lmec.quality.reference`);
this module adds what the website needs on top: translated names, the country names of the
platform, and the shapes the templates and the API iterate over.
"""

from __future__ import annotations

import math

from lmec.core.selectors import country_list
from lmec.quality import aqi, reference, water

from .. import labels


def _country_names() -> dict[str, str]:
    names = {c.code: c.name for c in country_list()}
    names.update({code: str(name) for code, name in labels.OTHER_COUNTRIES.items()})
    return names


def ink_for(colour: str) -> str:
    """Black or white, whichever contrasts more with the background ``colour`` (#RRGGBB).

    WCAG 2.1 relative luminance L; contrast with black is (L + 0.05) / 0.05, with white
    1.05 / (L + 0.05); they are equal at L = 0.179.
    """
    channels = [int(colour[k : k + 2], 16) / 255 for k in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if luminance > 0.179 else "#ffffff"


def category_out(std: aqi.Standard, category: aqi.Category, language: str) -> dict:
    local = next((lang for lang in std.languages if lang != "en"), None)
    official = category.names[local] if local else category.names["en"]
    return {
        "key": category.key,
        "low": int(category.low),
        "high": None if math.isinf(category.high) else int(category.high),
        "colour": category.colour,
        "ink": ink_for(category.colour),
        # in the standard's own language the reader sees its official wording (PCD's
        # "คุณภาพอากาศดีมาก", not the short label), elsewhere the translated label
        "name": official if language == (local or "en") else labels.category_name(std, category),
        "official_name": official,
        "official_language": local or "en",
        "advice": category.advice.get(language) or category.advice["en"],
        "advice_language": language if category.advice.get(language) else "en",
    }


def aqi_standard_list(language: str) -> list[dict]:
    """Every AQI standard with its document, country, pollutants and categories."""
    countries = _country_names()
    out = []
    for std in aqi.STANDARDS.values():
        out.append(
            {
                "id": std.id,
                "name": std.name,
                "document": labels.DOCUMENTS[std.id],
                "country": std.country,
                "country_name": countries.get(std.country, std.country),
                "source": str(std.source),
                "url": std.source.url,
                "verified": std.source.verified,
                "notes": list(std.notes),
                "pollutants": [
                    {
                        "id": p.id,
                        "name": p.name,
                        "unit": p.unit,
                        "averaging": p.averaging,
                        "averaging_label": str(labels.AVERAGING[p.averaging]),
                        "breakpoints": [list(band) for band in p.breakpoints()],
                        "note": p.note,
                    }
                    for p in std.pollutants.values()
                ],
                "categories": [category_out(std, c, language) for c in std.categories],
            }
        )
    return out


def breakpoint_tables() -> list[dict]:
    """Per gas, the side-by-side grid of :func:`lmec.quality.reference.breakpoint_grid`."""
    tables = []
    for gas, (label, unit) in reference.GASES.items():
        grid = reference.breakpoint_grid(gas)
        for column in grid["columns"]:
            column["document"] = labels.DOCUMENTS[column["standard"]]
            column["averaging_label"] = str(labels.AVERAGING[column["averaging"]])
        tables.append({"gas": gas, "label": label, "unit": unit, **grid})
    return tables


def comparison(readings: dict[str, float], language: str) -> list[dict]:
    """:func:`lmec.quality.reference.compare` with names and colours for the page."""
    rows = reference.compare(readings)
    for row in rows:
        std = aqi.STANDARDS[row["standard"]]
        row["document"] = labels.DOCUMENTS[std.id]
        row["country"] = std.country
        category = row["category"]
        row["category"] = category_out(std, category, language) if category else None
        row["dominant_name"] = std.pollutants[row["dominant"]].name if row["dominant"] else None
    return rows


def water_reference() -> dict:
    """The water standards and their class limits side by side, one cell per standard."""
    standards = list(water.STANDARDS.values())
    rows = []
    for row in water.reference_table():
        cells = []
        for standard in standards:
            cell = row["standards"].get(standard.id)
            cells.append(
                None
                if cell is None
                else {
                    "river": cell["river"],
                    "lake": cell["lake"] if cell["lake"] != cell["river"] else None,
                    "unit": "" if cell["unit"] == "1" else cell["unit"],
                }
            )
        name = labels.WATER_PARAMETERS.get(row["parameter"], row["name"])
        rows.append({"parameter": row["parameter"], "name": str(name), "cells": cells})
    return {
        "standards": [
            {"id": s.id, "name": s.short_name, "country": s.country, "year": s.year}
            for s in standards
        ],
        "rows": rows,
    }
