"""Downloads of the monitoring data in every registered format (:mod:`lmec.core.exports`):
``/stations.{format}`` and ``/stations/{code}/export.{format}``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from django.utils.translation import gettext_lazy as _
from ninja import Path, Router
from ninja.errors import HttpError

from lmec.core import exports
from lmec.core.api import ERROR_RESPONSES, Lang, language_of

from .. import selectors
from ..selectors.tables import daily_table, measurements_table, stations_table
from ._common import CountryCode, Day, ParameterCode, answers, day_range, station_or_404

router = Router(tags=["monitoring downloads"])

#: Longest period of one download of measurements, and of daily values [days].
MAX_MEASUREMENT_DAYS = 366
MAX_DAILY_DAYS = selectors.MAX_DAILY_DAYS


def _formats_doc(names) -> dict:
    """OpenAPI of a download's 200 answer: one media type per format."""
    content = {}
    for name in names:
        fmt = exports.FORMATS[name]
        schema = fmt.schema or {"type": "string", "format": "binary"}
        content[fmt.media_type.split(";")[0]] = {"schema": schema}
    return {"responses": {200: {"description": "The file.", "content": content}}}


def _format_param(description: str):
    # the formats registered when the API is built (built-ins and extensions alike)
    return Annotated[Literal[tuple(exports.FORMATS)], Path(description=description)]


def _download(table: exports.Table, name: str, *, stem: str, next_url: str | None = None):
    try:
        response = exports.download(table, name, stem=stem)
    except ValueError as error:
        raise HttpError(404, str(error)) from None
    if next_url:
        response["Link"] = f'<{next_url}>; rel="next"'
    return response


@router.get(
    "/stations.{format}",
    response=ERROR_RESPONSES,
    summary="Download the stations",
    openapi_extra=_formats_doc(exports.FORMATS),
)
def stations_download(
    request,
    format: _format_param("File format."),
    kind: Literal["air", "water"] | None = None,
    country: CountryCode | None = None,
    lang: Lang = None,
):
    """Every station with its coordinates, as CSV, Parquet or GeoJSON (RFC 7946 Points)."""
    with language_of(request, lang), answers():
        table = stations_table(kind=kind, country=country)
    return _download(table, format, stem="stations")


@router.get(
    "/stations/{code}/export.{format}",
    response=ERROR_RESPONSES,
    summary="Download a station's data",
    openapi_extra=_formats_doc(
        [name for name in exports.FORMATS if name != "geojson"]  # rows without coordinates
    ),
)
def station_download(
    request,
    code: str,
    format: _format_param("File format (GeoJSON is for stations only)."),
    dataset: Literal["measurements", "daily"] = "measurements",
    parameter: ParameterCode | None = None,
    start: Day | None = None,
    end: Day | None = None,
):
    """A station's ``measurements`` (every stored value, UTC times, source values, flags)
    or ``daily`` values, of one ``parameter`` or all, on its local days ``start``..``end``
    (default: the last 30 days with data). At most 366 days of measurements or 10 years of
    daily values per file; for a longer range the file holds the first part and the
    ``Link`` header (``rel="next"``) gives the address of the rest."""
    station = station_or_404(code)
    most = MAX_MEASUREMENT_DAYS if dataset == "measurements" else MAX_DAILY_DAYS
    what = (
        _("A download of measurements")
        if dataset == "measurements"
        else _("A download of daily values")
    )
    days = day_range(station, start, end, most=most, default=30, what=what)
    last = days.start - dt.timedelta(days=1) if days.empty else days.end
    with answers():
        if dataset == "measurements":
            table = measurements_table(code, parameter=parameter, start=days.start, end=last)
        else:
            table = daily_table(code, parameter=parameter, start=days.start, end=last)
    next_url = None
    if days.next_start:
        query = request.GET.copy()
        query["start"] = days.next_start.isoformat()
        if end is not None:
            query["end"] = end.isoformat()
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    stem = f"{station.code}-{dataset}-{days.start.isoformat()}-{days.end.isoformat()}"
    return _download(table, format, stem=stem, next_url=next_url)
