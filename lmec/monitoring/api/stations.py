"""JSON API of the monitoring data: ``/api/v1/monitoring/…`` (thin: the work is in
:mod:`lmec.monitoring.selectors`)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from django.utils.translation import gettext_lazy as _
from ninja import Query, Router

from lmec.core.api import ERROR_RESPONSES, Lang, language_of
from lmec.core.exports import feature_collection
from lmec.quality import aqi

from .. import labels, parameters, selectors
from ..selectors._common import instant
from ..selectors.compare import MAX_DAYS as MAX_COMPARE_DAYS
from ..selectors.tables import stations_table
from . import schemas
from ._common import (
    AveragingCode,
    CountryCode,
    Day,
    Moment,
    ParameterCode,
    StandardId,
    answers,
    day_range,
    parse_moment,
    station_or_404,
)

router = Router(tags=["monitoring"])

#: Most stations one page of ``/stations`` lists.
MAX_STATIONS = 1000


@router.get(
    "/stations",
    response={200: schemas.StationList | schemas.FeatureCollectionOut, **ERROR_RESPONSES},
    summary="Stations and sampling sites",
)
def station_list(
    request,
    kind: Literal["air", "water"] | None = None,
    country: CountryCode | None = None,
    format: Literal["json", "geojson"] = "json",
    limit: Annotated[int, Query(ge=1, le=MAX_STATIONS)] = MAX_STATIONS,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    lang: Lang = None,
):
    """Every station (``kind=air``) and sampling site (``kind=water``), ordered by country
    and code, with what each measures; ``format=geojson`` gives an RFC 7946
    FeatureCollection of Points (also as a download: ``/stations.geojson``)."""
    with language_of(request, lang) as language, answers():
        if format == "geojson":
            return feature_collection(stations_table(kind=kind, country=country))
        items = selectors.station_list(kind=kind, country=country)
    return {"language": language, "count": len(items), "items": items[offset : offset + limit]}


@router.get(
    "/stations/{code}",
    response={200: schemas.StationDetailOut, **ERROR_RESPONSES},
    summary="One station",
)
def station_detail(request, code: str, lang: Lang = None):
    """A station with its source and licence, and the first and last day with data of each
    parameter it measures."""
    with language_of(request, lang), answers():
        return selectors.station_detail(code)


@router.get(
    "/stations/{code}/measurements",
    response={200: schemas.MeasurementList, **ERROR_RESPONSES},
    summary="Measurements of a station",
)
def measurement_list(
    request,
    code: str,
    parameter: ParameterCode,
    averaging: AveragingCode = "1h",
    start: Moment | None = None,
    end: Moment | None = None,
    limit: Annotated[int, Query(ge=1, le=selectors.MAX_LIMIT)] = 1000,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
):
    """Stored values of one parameter, oldest first, with the exact number in the range
    (``count``): in the canonical unit (``unit``), with the value and unit of the source,
    censoring (``<`` below the detection limit, ``>`` above the range) and QA/QC flags.
    ``start``/``end``: a date is the station's local day (``end`` included), a date-time
    is RFC 3339 with its offset (``end`` included). At most 10,000 rows per page
    (``limit``)."""
    first, last = parse_moment(start, "start"), parse_moment(end, "end")
    station = station_or_404(code)
    definition = parameters.BY_CODE[parameter]
    count, items = 0, []
    if not _reversed(station, first, last):
        with answers():
            count, items = selectors.measurements(
                code,
                parameter=parameter,
                averaging=averaging,
                start=first,
                end=last,
                limit=limit,
                offset=offset,
            )
    return {
        "station": station.code,
        "parameter": parameter,
        "averaging": averaging,
        "unit": definition.unit,
        "start": start,
        "end": end,
        "count": count,
        "limit": limit,
        "offset": offset,
        "items": items,
    }


def _reversed(station, first, last) -> bool:
    """Whether ``end`` comes before ``start`` (an empty range, answered as such)."""
    if first is None or last is None:
        return False
    begin = instant(station, first)
    stop = instant(station, last, end=True)
    return stop < begin if isinstance(last, dt.datetime) else stop <= begin


@router.get(
    "/stations/{code}/daily",
    response={200: schemas.DailyList, **ERROR_RESPONSES},
    summary="Daily values of a station",
)
def daily_list(
    request,
    code: str,
    parameter: ParameterCode,
    start: Day | None = None,
    end: Day | None = None,
):
    """Daily means, valid hours, daily maxima (1-hour; 8-hour running mean) and flagged
    hours of one parameter on the station's local days ``start``..``end`` (default: the
    last 365 days with data; at most 10 years per request)."""
    station = station_or_404(code)
    days = day_range(
        station,
        start,
        end,
        most=selectors.MAX_DAILY_DAYS,
        default=365,
        what=_("A daily series"),
    )
    items = []
    if not days.empty:
        with answers():
            items = selectors.daily_series(
                code, parameter=parameter, start=days.start, end=days.end
            )
    return {
        **days.out(),
        "station": station.code,
        "parameter": parameter,
        "unit": parameters.BY_CODE[parameter].unit,
        "count": len(items),
        "items": items,
    }


def _standards_used(items: list[dict], standard: str | None, country: str) -> list[dict]:
    used = list(dict.fromkeys(item["standard"] for item in items))
    if not used:
        used = [standard or selectors.default_standard(country, dt.date.today())]
    basis = "chosen" if standard else selectors.standard_basis(country)
    return [
        {
            "id": std_id,
            "name": aqi.STANDARDS[std_id].name,
            "document": labels.DOCUMENTS.get(std_id, std_id),
            "basis": basis,
            "note": str(selectors.BASIS_NOTES[basis]),
        }
        for std_id in used
    ]


@router.get(
    "/stations/{code}/aqi",
    response={200: schemas.AqiList, **ERROR_RESPONSES},
    summary="Daily or hourly AQI of a station",
)
def aqi_series(
    request,
    code: str,
    standard: StandardId | None = None,
    period: Literal["daily", "hourly"] = "daily",
    start: Day | None = None,
    end: Day | None = None,
    lang: Lang = None,
):
    """The AQI of each local day (``period=daily``, from the daily values with each
    standard's own windows and completeness rules; at most 10 years per request, default
    the last 30 days with data) or hour (``period=hourly``, the standard's real-time index:
    NowCast for EPA and VN_AQI, running means for PCD, 1-hour values for HJ 633-2026; at
    most 31 days, default the last day with data). ``standard`` defaults to the station
    country's own index, day by day (China: the HJ 633 edition in force); ``standards``
    says which was used and why. Items: ``{date or time, standard, aqi, category,
    dominant, sub_indices}``."""
    station = station_or_404(code)
    if period == "daily":
        days = day_range(
            station,
            start,
            end,
            most=selectors.MAX_DAILY_DAYS,
            default=30,
            what=_("A daily AQI series"),
        )
        reader = selectors.daily_aqi
    else:
        days = day_range(
            station,
            start,
            end,
            most=selectors.MAX_HOURLY_DAYS,
            default=1,
            what=_("An hourly AQI series"),
        )
        reader = selectors.hourly_aqi
    with language_of(request, lang) as language:
        items = []
        if not days.empty:
            with answers():
                items = reader(code, standard=standard, start=days.start, end=days.end)
        used = _standards_used(items, standard, station.country_id)
    return {
        **days.out(),
        "language": language,
        "station": station.code,
        "period": period,
        "standards": used,
        "count": len(items),
        "items": items,
    }


@router.get(
    "/stations/{code}/statistics",
    response={200: schemas.StatisticsOut, **ERROR_RESPONSES},
    summary="Exceedances, completeness and trends of a station",
)
def statistics(
    request,
    code: str,
    year: Annotated[int, Query(ge=1900, le=2200)],
    lang: Lang = None,
):
    """For ``year``: days above the WHO 2021 guideline levels and the national limits in
    force (per pollutant and limit set, on valid days), completeness per parameter; and
    over all years, the trend of each parameter (seasonal Mann-Kendall test with Sen's
    slope on monthly means; none with fewer than 3 years, ``reason`` says so)."""
    station = station_or_404(code)
    with language_of(request, lang) as language, answers():
        completeness = selectors.completeness(code, year=year)
        trends = []
        for row in completeness:
            found = selectors.trend(code, parameter=row["parameter"])
            if found is not None:
                trends.append(found)
        return {
            "language": language,
            "station": station.code,
            "year": year,
            "exceedances": selectors.exceedances(code, year=year),
            "completeness": completeness,
            "trends": trends,
        }


@router.get(
    "/latest",
    response={200: schemas.LatestList, **ERROR_RESPONSES},
    summary="Latest AQI of every air station",
)
def latest(
    request,
    standard: StandardId | None = None,
    country: CountryCode | None = None,
    lang: Lang = None,
):
    """Each air station's index at its latest hour with data (its standard's hourly index),
    under ``standard`` or else its country's own (``standard_basis`` and ``standard_note``
    say which and why); ``time`` and ``aqi`` are null for a station without data."""
    with language_of(request, lang) as language, answers():
        items = selectors.latest_aqi(standard=standard, country=country)
    return {"language": language, "count": len(items), "items": items}


@router.get(
    "/compare",
    response={200: schemas.CompareOut, **ERROR_RESPONSES},
    summary="Stations and countries side by side",
)
def compare(
    request,
    standard: StandardId,
    start: Day,
    end: Day,
    stations: Annotated[
        list[str] | None,
        Query(max_length=12, description="Air station codes (repeat the parameter)."),
    ] = None,
    countries: Annotated[
        list[CountryCode] | None,
        Query(max_length=6, description="Country codes: all air stations of each."),
    ] = None,
    lang: Lang = None,
):
    """Daily AQI under one ``standard`` from ``start`` to ``end`` (at most 366 days per
    request): per station or country, the days in each category and above each, the mean
    and highest AQI, the dominant pollutants and the mean concentrations (over
    station-days). With no station and no country the answer has no items."""
    days = day_range(None, start, end, most=MAX_COMPARE_DAYS, default=30, what=_("A comparison"))
    last = days.start - dt.timedelta(days=1) if days.empty else days.end
    with language_of(request, lang) as language, answers():
        result = selectors.compare(
            stations=stations or (),
            countries=countries or (),
            standard=standard,
            start=days.start,
            end=last,
        )
    note = days.note
    if not (stations or countries):
        note = str(_("Give at least one station or country to compare."))
    return {**result, **days.out(), "note": note, "language": language}
