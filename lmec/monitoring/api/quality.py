"""JSON API of the air- and water-quality standards: ``/api/v1/quality/…``."""

from __future__ import annotations

import math

from ninja import Router, Schema
from ninja.errors import HttpError

from lmec.core.api import (
    ERROR_RESPONSES,
    ErrorOut,
    Lang,
    language_of,
)
from lmec.quality import aqi, reference

from .. import selectors

router = Router(tags=["quality"])


class CategoryOut(Schema):
    key: str
    low: int
    high: int | None
    colour: str
    name: str
    official_name: str
    official_language: str
    advice: str
    advice_language: str


class PollutantOut(Schema):
    id: str
    name: str
    unit: str
    averaging: str
    breakpoints: list[list[float]]
    note: str


class StandardOut(Schema):
    id: str
    name: str
    document: str
    country: str
    country_name: str
    source: str
    url: str
    verified: str
    notes: list[str]
    pollutants: list[PollutantOut]
    categories: list[CategoryOut]


class StandardList(Schema):
    language: str
    count: int
    items: list[StandardOut]


class SubIndexOut(Schema):
    table: str
    value: int | None


class ComparisonOut(Schema):
    standard: str
    document: str
    aqi: int | None
    category: CategoryOut | None
    dominant: str | None
    sub_indices: dict[str, SubIndexOut]
    unused: list[str]


class ComparisonList(Schema):
    language: str
    readings: dict[str, float]
    items: list[ComparisonOut]


class IndexOut(Schema):
    standard: str
    aqi: int | None
    category: CategoryOut | None
    dominant: str | None
    sub_indices: dict[str, int | None]


#: Largest concentration accepted, in any table's unit: far above any table's top (the
#: largest is HJ 633's SO2 24-hour 2620 µg/m³), small enough that no index overflows.
MAX_CONCENTRATION = 1e6


def readings_parameter(inputs: dict[str, str], name: str = "readings") -> dict:
    """OpenAPI of concentrations given as query parameters, one per pollutant id.

    One object parameter, exploded into ``?pm25_24h=35.9&o3_8h=0.078`` (OpenAPI ``style:
    form``): so the schema can say what a flat list of optional parameters cannot, that at
    least one is needed (``minProperties``) and that no other name is allowed.
    """
    return {
        "name": name,
        "in": "query",
        "style": "form",
        "explode": True,
        "required": True,
        "description": "Concentrations, one query parameter per pollutant (at least one).",
        "schema": {
            "type": "object",
            "properties": {
                pid: {
                    "type": "number",
                    "minimum": 0,
                    "maximum": MAX_CONCENTRATION,
                    "description": text,
                }
                for pid, text in inputs.items()
            },
            "minProperties": 1,
            "additionalProperties": False,
        },
    }


def read_concentrations(request, allowed: dict, owner: str) -> dict[str, float]:
    """The concentrations in the query string; 400 naming the valid names or the value."""
    given = {}
    for name, raw in request.GET.items():
        if name == "lang":
            continue
        if name not in allowed:
            raise HttpError(
                400, f"{owner} has no pollutant {name!r}; choose from: {', '.join(allowed)}."
            )
        try:
            value = float(raw)
        except ValueError:
            raise HttpError(400, f"{name}: {raw!r} is not a number.") from None
        if not 0 <= value <= MAX_CONCENTRATION:  # also rejects nan and inf
            raise HttpError(
                400,
                f"{name}: a concentration must be a number of 0 or more "
                f"(at most {MAX_CONCENTRATION:g}).",
            )
        given[name] = value
    if not given:
        raise HttpError(400, f"Give at least one concentration: {', '.join(allowed)}.")
    return given


_COMPARE_INPUTS = {
    pid: f"{gas} {averaging} mean [{reference.GASES[pid.split('_')[0]][1]}]"
    for pid, (gas, averaging) in reference.COMPARE_INPUTS.items()
}


@router.get(
    "/aqi/standards",
    response={200: StandardList, **ERROR_RESPONSES},
    summary="AQI standards and their tables",
)
def standard_list(request, lang: Lang = None):
    """Every air quality index the platform computes: its document, pollutant tables
    (breakpoints ``[c_low, c_high, i_low, i_high]`` in the table's unit) and categories."""
    with language_of(request, lang) as language:
        items = selectors.aqi_standard_list(language)
    return {"language": language, "count": len(items), "items": items}


@router.get(
    "/aqi/compare",
    response={200: ComparisonList, **ERROR_RESPONSES},
    summary="One set of readings under every index",
    openapi_extra={"parameters": [readings_parameter(_COMPARE_INPUTS)]},
)
def compare(request, lang: Lang = None):
    """The index each standard gives the same concentrations (converted at 25 °C, 1 atm;
    each reading on the table of the closest averaging period). Concentrations in µg/m³
    (CO mg/m³), e.g. ``?pm25_24h=55.7&o3_8h=120``."""
    given = read_concentrations(request, reference.COMPARE_INPUTS, "The comparison")
    with language_of(request, lang) as language:
        items = selectors.comparison(given, language)
    return {"language": language, "readings": given, "items": items}


def _index_view(std: aqi.Standard):
    def view(request, lang: Lang = None):
        given = read_concentrations(request, std.pollutants, std.id)
        with language_of(request, lang) as language:
            result = aqi.index(std, given)
            category = result.categories()[()]
            return {
                "standard": std.id,
                "aqi": _int_or_none(result.value),
                "category": selectors.category_out(std, category, language) if category else None,
                "dominant": str(result.dominant) or None,
                "sub_indices": {name: _int_or_none(v) for name, v in result.sub_indices.items()},
            }

    view.__name__ = f"index_{std.id.replace('-', '_')}"
    return view


# One operation per standard, so that each documents its own pollutants and units.
for _std in aqi.STANDARDS.values():
    router.add_api_operation(
        f"/aqi/{_std.id}",
        ["GET"],
        _index_view(_std),
        response={200: IndexOut, **ERROR_RESPONSES},
        summary=f"AQI under {_std.id}",
        description=(
            f"The {_std.name} of the concentrations given as query parameters, each named by "
            "the standard's pollutant id and in its table's unit "
            f"(e.g. ``/aqi/us-epa-2024?pm25_24h=35.9&o3_8h=0.078``). Source: {_std.source}."
        ),
        openapi_extra={
            "parameters": [
                readings_parameter(
                    {
                        pid: f"{p.name} {p.averaging} [{p.unit}]"
                        for pid, p in _std.pollutants.items()
                    }
                )
            ]
        },
    )


@router.get(
    "/aqi/{standard}",
    response={404: ErrorOut},
    summary="Any other standard id: not found",
    # not an operation of its own: the fallback that names the standards for a wrong id
    include_in_schema=False,
)
def unknown_standard(request, standard: str):
    """Answers 404 naming the standards the platform computes."""
    try:
        aqi.get_standard(standard)
    except ValueError as error:
        raise HttpError(404, str(error)) from None
    raise HttpError(404, f"use /aqi/{standard} with at least one concentration")


def _int_or_none(value) -> int | None:
    """A 0-d index as an int; NaN (not computable) as None."""
    value = float(value)
    return None if math.isnan(value) else int(value)
