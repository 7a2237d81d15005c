"""Stations and sampling sites as the map, the station page and the API list them."""

from __future__ import annotations

from django.db.models import Max, Min

from lmec.core.models import Country

from .. import parameters
from ..models import DailyValue, Station
from ._common import get_station

KINDS = tuple(Station.Kind.values)


def _check_kind(kind: str | None) -> None:
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; choose one of: {', '.join(KINDS)}")


def check_country(country: str | None) -> str | None:
    """The country code, upper-cased; ``ValueError`` names the platform's countries."""
    if country is None:
        return None
    codes = list(Country.objects.values_list("code", flat=True))
    if country.upper() not in codes:
        raise ValueError(f"unknown country {country!r}; choose one of: {', '.join(codes)}")
    return country.upper()


def _parameter_rows(station: Station) -> list[dict]:
    rows = []
    # prefetched: ordered here, not by the query, to keep the prefetch a single query
    for sp in sorted(station.parameters.all(), key=lambda sp: sp.parameter):
        definition = sp.definition
        rows.append(
            {
                "code": definition.code,
                "name": str(definition.name),
                "unit": definition.unit,  # stored (canonical) unit of every value served
                "reported_unit": sp.unit,
                "method": sp.method,
            }
        )
    return rows


def _station_row(station: Station) -> dict:
    return {
        "code": station.code,
        "name": station.name,
        "kind": station.kind,
        "site_type": station.site_type,
        "country": station.country_id,
        "country_name": station.country.name,
        "latitude": station.latitude,
        "longitude": station.longitude,
        "elevation": station.elevation,
        "time_zone": station.time_zone,
        "operator": station.operator,
        "active_from": station.active_from.isoformat() if station.active_from else None,
        "active_to": station.active_to.isoformat() if station.active_to else None,
        "parameters": _parameter_rows(station),
    }


def station_list(*, kind: str | None = None, country: str | None = None) -> list[dict]:
    """Every station (of ``kind``, in ``country``), ordered by country and code.

    Names in the active language. ``parameters`` lists what each station measures with the
    unit its values are served in (``unit``, canonical) and the unit its operator reports
    (``reported_unit``).
    """
    _check_kind(kind)
    country = check_country(country)
    stations = Station.objects.select_related("country").prefetch_related("parameters")
    if kind is not None:
        stations = stations.filter(kind=kind)
    if country is not None:
        stations = stations.filter(country_id=country)
    return [_station_row(station) for station in stations]


def station_detail(code: str) -> dict:
    """One station as :func:`station_list` gives it, plus its source, licence, river and the
    first and last day with data of each parameter (from the daily values: one index probe
    each, not a scan of the measurements)."""
    station = get_station(code)
    row = _station_row(station)
    spans = {
        p: (first, last)
        for p, first, last in DailyValue.objects.filter(station=station)
        .values("parameter")
        .annotate(first=Min("date"), last=Max("date"))
        .values_list("parameter", "first", "last")
    }
    known = {item["code"] for item in row["parameters"]}
    # data may exist for a parameter the registry does not list (yet): show it too
    for pid in sorted(set(spans) - {parameters.BY_CODE[c].id for c in known}):
        definition = parameters.BY_ID[pid]
        row["parameters"].append(
            {
                "code": definition.code,
                "name": str(definition.name),
                "unit": definition.unit,
                "reported_unit": "",
                "method": "",
            }
        )
    for item in row["parameters"]:
        first, last = spans.get(parameters.BY_CODE[item["code"]].id, (None, None))
        item["first_date"] = first.isoformat() if first else None
        item["last_date"] = last.isoformat() if last else None
    row.update(
        {
            "source": station.source,
            "licence": station.licence,
            "river": station.river,
            "mekong_mainstream": station.mekong_mainstream,
        }
    )
    return row
