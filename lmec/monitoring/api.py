"""JSON API of the air- and water-quality standards: ``/api/v1/quality/…``."""

from __future__ import annotations

import math

from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from lmec.core.api import language_of
from lmec.quality import aqi, reference

from . import selectors

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


class Readings(Schema):
    """Concentrations in µg/m³ (CO mg/m³); leave out what was not measured."""

    pm25_24h: float | None = Field(None, ge=0, description="PM2.5 24-hour mean [µg/m³]")
    pm10_24h: float | None = Field(None, ge=0, description="PM10 24-hour mean [µg/m³]")
    o3_8h: float | None = Field(None, ge=0, description="O3 8-hour mean [µg/m³]")
    o3_1h: float | None = Field(None, ge=0, description="O3 1-hour mean [µg/m³]")
    no2_1h: float | None = Field(None, ge=0, description="NO2 1-hour mean [µg/m³]")
    so2_1h: float | None = Field(None, ge=0, description="SO2 1-hour mean [µg/m³]")
    co_8h: float | None = Field(None, ge=0, description="CO 8-hour mean [mg/m³]")


class IndexOut(Schema):
    standard: str
    aqi: int | None
    category: CategoryOut | None
    dominant: str | None
    sub_indices: dict[str, int | None]


@router.get("/aqi/standards", response=StandardList, summary="AQI standards and their tables")
def standard_list(request, lang: str | None = None):
    """Every air quality index the platform computes: its document, pollutant tables
    (breakpoints ``[c_low, c_high, i_low, i_high]`` in the table's unit) and categories."""
    with language_of(request, lang) as language:
        items = selectors.aqi_standard_list(language)
    return {"language": language, "count": len(items), "items": items}


@router.get(
    "/aqi/compare", response=ComparisonList, summary="One set of readings under every index"
)
def compare(request, readings: Query[Readings], lang: str | None = None):
    """The index each standard gives the same concentrations (converted at 25 °C, 1 atm;
    each reading on the table of the closest averaging period)."""
    given = readings.dict(exclude_none=True)
    if not given:
        raise HttpError(
            400, f"Give at least one concentration: {', '.join(reference.COMPARE_INPUTS)}."
        )
    with language_of(request, lang) as language:
        items = selectors.comparison(given, language)
    return {"language": language, "readings": given, "items": items}


@router.get("/aqi/{standard}", response=IndexOut, summary="AQI under one standard")
def index(request, standard: str, lang: str | None = None):
    """The index of the concentrations given as query parameters, each named by the
    standard's pollutant id and in its table's unit (see ``/aqi/standards``), e.g.
    ``/aqi/us-epa-2024?pm25_24h=35.9&o3_8h=0.078``."""
    try:
        std = aqi.get_standard(standard)
    except ValueError as error:
        raise HttpError(404, str(error)) from None
    given = {}
    for name, raw in request.GET.items():
        if name == "lang":
            continue
        if name not in std.pollutants:
            raise HttpError(
                400,
                f"{std.id} has no pollutant {name!r}; choose from: {', '.join(std.pollutants)}.",
            )
        try:
            value = float(raw)
        except ValueError:
            raise HttpError(400, f"{name}: {raw!r} is not a number.") from None
        if not value >= 0:  # also rejects nan
            raise HttpError(400, f"{name}: a concentration must be a number of 0 or more.")
        given[name] = value
    if not given:
        raise HttpError(400, f"Give at least one concentration: {', '.join(std.pollutants)}.")
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


def _int_or_none(value) -> int | None:
    """A 0-d index as an int; NaN (not computable) as None."""
    value = float(value)
    return None if math.isnan(value) else int(value)
