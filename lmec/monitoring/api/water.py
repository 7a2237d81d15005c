"""JSON API of the water sampling sites: ``/api/v1/monitoring/water/…``.

Sites with their latest class under the national standard, one site with its latest sample,
and a site's class history. Thin: the reads are :mod:`lmec.monitoring.selectors.water`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import WithJsonSchema

from lmec.core.api import ErrorOut, Lang, ValidationErrorOut, language_of

from .. import selectors
from ..models import Station
from ._common import CountryCode

router = Router(tags=["water"])

# Schema names are global in the OpenAPI document: every schema here is called Water… so it
# cannot replace another app's schema of the same name (LatestOut, FeatureOut, …).

# Station codes are slugs (models.Station.code); anything else cannot name a site, and is
# answered 404 without reaching the database (PostgreSQL refuses NUL characters in text).
_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")

#: A local calendar date, ``YYYY-MM-DD`` exactly (RFC 3339 full-date, as the schema says):
#: taken as text and parsed here, so that what the schema rules out (``0.0``, ``20240605``,
#: which pydantic's date would read) is refused, with a 400 naming the format.
DateText = Annotated[
    str | None,
    WithJsonSchema({"type": "string", "format": "date", "description": "A local date."}),
]
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _date(raw: str | None, name: str) -> dt.date | None:
    if raw is None:
        return None
    try:
        if not _DATE.match(raw):
            raise ValueError
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise HttpError(400, f"{name}: {raw!r} is not a date (YYYY-MM-DD).") from None


class WaterClassOut(Schema):
    key: str = Field(..., description="Class key of the standard (`III`, `2`, `B`).")
    rank: int = Field(..., description="1 = the standard's best class.")
    name: str = Field(..., description="Class name in the requested language.")
    official_name: str = Field(..., description="The name in the standard's own language.")
    official_language: str
    colour: str = Field(..., description="Display colour (the platform's scale, #RRGGBB).")
    ink: str = Field(..., description="Text colour that contrasts with `colour`.")


class WaterParameterRef(Schema):
    code: str
    name: str


class WaterStandardRef(Schema):
    id: str
    name: str
    document: str
    table: str
    waterbody: Literal["river", "lake"]
    censored_rule: str = Field(..., description="How a value below the detection limit counts.")


class WaterLatestOut(Schema):
    date: dt.date = Field(..., description="Local sampling date of the site's latest sample.")
    class_: WaterClassOut | None = Field(..., alias="class")
    limiting: WaterParameterRef | None = Field(
        ..., description="The parameter that sets the class."
    )
    undetermined: bool = Field(
        ..., description="True where values below a detection limit leave the class open."
    )


class WaterValueOut(Schema):
    code: str
    name: str
    unit: str = Field(..., description="The hub's canonical unit of the parameter.")
    value: float = Field(..., description="In `unit`; the detection limit where `censor` is <.")
    censor: Literal["", "<", ">"] = Field(
        ..., description="`<` below the detection limit, `>` above the measuring range."
    )
    display: str = Field(..., description="The value as shown, e.g. `< 0.0001`.")
    time: dt.datetime = Field(..., description="Sampling time (UTC).")
    flags: list[str] = Field(..., description="QA/QC flags; a flagged value is not classified.")
    in_standard: bool
    counted: bool = Field(..., description="Counts for the sample's class.")
    class_: WaterClassOut | None = Field(..., alias="class")
    undetermined: bool


class WaterSampleOut(WaterLatestOut):
    parameters: list[WaterValueOut]


class WaterSiteOut(Schema):
    code: str
    name: str
    country: str
    country_name: str
    site_type: str
    site_type_label: str
    river: str
    mekong_mainstream: bool
    latitude: float
    longitude: float
    time_zone: str
    standard: WaterStandardRef | None = Field(
        ..., description="None where the country has no national standard in the platform."
    )
    notes: list[str]
    latest: WaterLatestOut | None


class WaterSiteDetailOut(WaterSiteOut):
    latest: WaterSampleOut | None


class WaterSiteList(Schema):
    language: str
    count: int
    items: list[WaterSiteOut]


class WaterPointOut(Schema):
    type: Literal["Point"]
    coordinates: list[float] = Field(..., description="[longitude, latitude]")


class WaterFeatureOut(Schema):
    type: Literal["Feature"]
    geometry: WaterPointOut
    properties: WaterSiteOut


class WaterFeatureCollectionOut(Schema):
    type: Literal["FeatureCollection"]
    language: str
    count: int
    features: list[WaterFeatureOut]


class WaterClassHistory(Schema):
    language: str
    code: str
    standard: WaterStandardRef | None
    notes: list[str]
    start: dt.date | None
    end: dt.date | None
    count: int
    items: list[WaterSampleOut]


class WaterPage(Schema):
    limit: int = Field(1000, ge=1, le=1000)
    offset: int = Field(0, ge=0)


def _site_or_404(code: str):
    if not _SLUG.match(code):
        raise HttpError(404, f"No water sampling site {code!r}.")


@router.get(
    "/sites",
    response={
        200: WaterSiteList | WaterFeatureCollectionOut,
        400: ErrorOut,
        422: ValidationErrorOut,
    },
    by_alias=True,
    summary="Water sampling sites with their latest class",
)
def site_list(
    request,
    page: Query[WaterPage],
    country: CountryCode | None = None,
    format: Literal["json", "geojson"] = "json",
    lang: Lang = None,
):
    """Every water sampling site with the class of its latest sample under its country's
    national standard (China GB 3838-2002, Thailand NEB No. 8, Viet Nam QCVN 08:2023), the
    limiting parameter and the sampling date. ``?format=geojson`` answers a FeatureCollection."""
    with language_of(request, lang) as language:
        try:
            sites = selectors.water_site_list(country=country)
        except ValueError as error:
            raise HttpError(400, str(error)) from None
    chosen = sites[page.offset : page.offset + page.limit]
    if format == "geojson":
        return {
            "type": "FeatureCollection",
            "language": language,
            "count": len(sites),
            "features": [
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [s["longitude"], s["latitude"]]},
                    "properties": s,
                }
                for s in chosen
            ],
        }
    return {"language": language, "count": len(sites), "items": chosen}


@router.get(
    "/sites/{code}",
    response={200: WaterSiteDetailOut, 400: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut},
    by_alias=True,
    summary="One water sampling site with its latest sample",
)
def site_detail(request, code: str, lang: Lang = None):
    """The site, its standard and its latest sample: every value (``< DL`` below the
    detection limit), its class, the sample's class and limiting parameter."""
    _site_or_404(code)
    with language_of(request, lang):
        try:
            return selectors.water_site_detail(code)
        except Station.DoesNotExist:
            raise HttpError(404, f"No water sampling site {code!r}.") from None


@router.get(
    "/sites/{code}/classes",
    response={200: WaterClassHistory, 400: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut},
    by_alias=True,
    summary="Class history of a water sampling site",
)
def site_classes(
    request,
    code: str,
    page: Query[WaterPage],
    start: DateText = None,
    end: DateText = None,
    lang: Lang = None,
):
    """One item per sample (all grab values of one local day), oldest first, with the class
    of each parameter and of the sample. ``start`` and ``end`` are local dates, inclusive
    (a start after the end selects nothing)."""
    _site_or_404(code)
    with language_of(request, lang) as language:
        try:
            history = selectors.water_classes(
                code, start=_date(start, "start"), end=_date(end, "end")
            )
        except Station.DoesNotExist:
            raise HttpError(404, f"No water sampling site {code!r}.") from None
    history["items"] = history["items"][page.offset : page.offset + page.limit]
    return {"language": language, **history}
