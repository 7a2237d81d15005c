"""Stations or countries side by side over a period, under one standard.

Each entry is one station or all air stations of one country; its numbers are over its
station-days (a country with 10 stations over 30 days has up to 300): the daily AQI of
each (:func:`lmec.monitoring.selectors.daily_aqi`'s rules, from the daily values), how many
fall in each category and above each, the mean and highest AQI, which pollutant set the
index how often, and the mean concentration of each gas (mean of the valid daily means:
18 of 24 hours, or a reported 24-hour mean).
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np

from lmec.core.models import Country
from lmec.quality import aqi as quality_aqi
from lmec.quality.aqi.daily import GASES

from .. import labels, parameters
from ..models import Station
from . import series
from ._common import CODE_RE, as_date, category_brief
from .aqi import daily_block_index
from .statistics import VALID_DAY_HOURS

#: Most stations in one comparison (countries: the six at most).
MAX_STATIONS = 12
#: Longest period of one comparison [days].
MAX_DAYS = 366

_AIR_IDS = [parameters.BY_CODE[g].id for g in GASES]


def _entries(stations, countries) -> list[dict]:
    stations = list(dict.fromkeys(stations))
    countries = list(dict.fromkeys(str(c).upper() for c in countries))
    if len(stations) > MAX_STATIONS:
        raise ValueError(f"compare at most {MAX_STATIONS} stations at once; got {len(stations)}")
    entries = []
    slugs = [code for code in stations if isinstance(code, str) and CODE_RE.match(code)]
    found = {
        s.code: s
        for s in Station.objects.filter(code__in=slugs, kind=Station.Kind.AIR).select_related(
            "country"
        )
    }
    for code in stations:
        if code not in found:
            raise Station.DoesNotExist(f"no air station {code!r}")
        station = found[code]
        entries.append(
            {
                "kind": "station",
                "code": station.code,
                "name": station.name,
                "country": station.country_id,
                "ids": [station.id],
            }
        )
    known = {c.code: c for c in Country.objects.all()}
    for code in countries:
        country = known.get(code)
        if country is None:
            raise ValueError(f"unknown country {code!r}; choose one of: {', '.join(known)}")
        ids = list(
            Station.objects.filter(country=country, kind=Station.Kind.AIR).values_list(
                "id", flat=True
            )
        )
        entries.append(
            {
                "kind": "country",
                "code": country.code,
                "name": country.name,
                "country": country.code,
                "ids": ids,
            }
        )
    return entries


def compare(*, stations=(), countries=(), standard: str, start, end) -> dict:
    """Stations and countries side by side from ``start`` to ``end`` under ``standard``.

    Parameters
    ----------
    stations : iterable of str
        Air station codes.
    countries : iterable of str
        Country codes: all air stations of each.
    standard : str
        A key of :data:`lmec.quality.aqi.STANDARDS` (one for all, so that the numbers
        compare).
    start, end : date
        Local calendar days of each station, both included; at most :data:`MAX_DAYS`. An
        ``end`` before ``start`` is a period of no days.

    Returns
    -------
    dict
        ``{standard, standard_name, document, start, end, days, categories: [{key, name,
        colour, ink, low, high}], items: [{kind, code, name, country, stations,
        station_days, days_with_aqi, mean_aqi, max_aqi, categories: {key: days},
        days_over: {key: days above the category}, dominant: {pollutant: days},
        concentrations: {gas: {mean, unit, days}}}]}``.
    """
    std = quality_aqi.get_standard(standard)
    first, last = as_date(start, "start"), as_date(end, "end")
    days = max((last - first).days + 1, 0)
    if days > MAX_DAYS:
        raise ValueError(f"a comparison covers at most {MAX_DAYS} days; asked for {days}")
    entries = _entries(stations, countries)
    all_ids = sorted({sid for entry in entries for sid in entry["ids"]}) if days else []
    block = series.load_daily(
        all_ids, _AIR_IDS, first - dt.timedelta(days=1), last + dt.timedelta(days=1)
    )
    per_station = {sid: daily_block_index(std, block, s)[0] for s, sid in enumerate(all_ids)}
    categories = list(std.categories)
    items = []
    for entry in entries:
        items.append(_summary(std, categories, entry, block, all_ids, per_station, days))
    return {
        "standard": std.id,
        "standard_name": std.name,
        "document": labels.DOCUMENTS.get(std.id, std.id),
        "start": first.isoformat(),
        "end": last.isoformat(),
        "days": days,
        "categories": [
            {
                **category_brief(std, c),
                "low": int(c.low),
                "high": None if math.isinf(c.high) else int(c.high),
            }
            for c in categories
        ],
        "items": items,
    }


def _summary(std, categories, entry, block, all_ids, per_station, days) -> dict:
    values, dominant = [], []
    for sid in entry["ids"]:
        result = per_station.get(sid)
        if result is None:
            continue
        values.append(result.value)
        dominant.append(result.dominant)
    aqi_values = np.concatenate(values) if values else np.empty(0)
    dominants = np.concatenate(dominant) if dominant else np.empty(0, dtype=object)
    ok = np.isfinite(aqi_values)
    keys = quality_aqi.category_of(std, aqi_values) if len(aqi_values) else np.empty(0)
    rows = [all_ids.index(sid) for sid in entry["ids"] if sid in per_station]
    concentrations = {}
    for p, pid in enumerate(_AIR_IDS if rows else ()):
        definition = parameters.BY_ID[pid]
        inner = slice(1, days + 1)
        mean = block.mean[rows, p, inner]
        count = block.count[rows, p, inner]
        hourly = block.hourly[rows, p, inner]
        valid = np.isfinite(mean) & ((count >= VALID_DAY_HOURS) | ~hourly)
        if not valid.any():
            continue
        concentrations[definition.code] = {
            "mean": round(float(mean[valid].mean()), 3),
            "unit": definition.unit,
            "days": int(valid.sum()),
        }
    counted = {}
    for pollutant in dominants[ok]:
        if pollutant:
            counted[str(pollutant)] = counted.get(str(pollutant), 0) + 1
    return {
        "kind": entry["kind"],
        "code": entry["code"],
        "name": entry["name"],
        "country": entry["country"],
        "stations": len(entry["ids"]),
        "station_days": len(entry["ids"]) * days,
        "days_with_aqi": int(ok.sum()),
        "mean_aqi": round(float(aqi_values[ok].mean()), 1) if ok.any() else None,
        "max_aqi": int(aqi_values[ok].max()) if ok.any() else None,
        "categories": {c.key: int((keys == c.key).sum()) for c in categories},
        "days_over": {
            c.key: int((aqi_values[ok] > c.high).sum())
            for c in categories
            if not math.isinf(c.high)
        },
        "dominant": dict(sorted(counted.items())),
        "concentrations": concentrations,
    }
