"""Reads for the water pages and API: sampling sites, their samples and their classes.

A *sample* is everything measured at a site as grab samples (``Measurement.averaging`` 0) on
one local calendar day of the site: field parameters (DO, pH) and laboratory parameters of
one visit often carry different clock times, or a date only, so grouping by the exact time
would split one visit into several samples. Should a parameter be measured twice on one day,
the later value is the sample's (a re-sample supersedes the first), unless it is flagged and
the earlier one is not. Flagged values (QA/QC) are shown, marked, and left out of the class.

Each site is classified under its country's national standard (:data:`NATIONAL_STANDARDS`):
China's sites on lakes and reservoirs with GB 3838's lake limits, China's overall class on
the 21 items of the 2011 evaluation method. Values are stored in the canonical units of
:mod:`lmec.monitoring.parameters` and converted to each table's unit here
(:func:`unit_factor`): GB 3838 counts fecal coliform per litre, the hub per 100 mL.

Values below the detection limit (``censor`` ``"<"``, value = the limit) are classified by
:func:`lmec.quality.water.classify` with the standard's rule and marked; values above the
measuring range (``">"``) are classified at the range limit and marked undetermined where
the true class could be worse.

All functions return plain dicts and lists (texts in the active language); a missing site
raises ``Station.DoesNotExist``, a bad argument ``ValueError`` naming the valid choices.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from django.db.models import Max, Q

from lmec.core.models import Country
from lmec.quality import water

from .. import parameters
from .. import water_labels as labels
from ..models import Measurement, Station
from .standards import ink_for
from .stations import check_country

NATIONAL_STANDARDS = labels.NATIONAL_STANDARDS

#: Averaging of a grab sample.
GRAB = parameters.AVERAGING_HOURS["grab"]

#: Site types that take lake and reservoir limits.
LAKE_TYPES = frozenset({Station.SiteType.LAKE, Station.SiteType.RESERVOIR})

#: (canonical unit of the hub, unit of a standard's table) -> factor from the first to the
#: second. Equal units need no entry; a pair missing here is an error (a test checks that
#: every parameter of every standard converts).
UNIT_FACTORS = {
    # GB 3838-2002 Table 1 item 24 counts fecal coliform per litre (个/L): 100 mL -> 1 L
    ("MPN/100 mL", "count/L"): 10.0,
    # QCVN 08:2023 gives CFU or MPN per 100 mL; the hub stores MPN/100 mL (CFU read as MPN)
    ("MPN/100 mL", "CFU or MPN/100 mL"): 1.0,
    ("mg/L", "mg/L as CaCO3"): 1.0,  # hardness is stored as CaCO3 (see parameters.py)
}

# A value standing in for "above every limit" when a ">" value is checked for a worse class.
_HUGE = 1e300


def unit_factor(code: str, standard: water.WaterStandard) -> float:
    """Factor that turns a stored value of ``code`` into the unit of ``standard``'s table."""
    canonical = parameters.BY_CODE[code].unit
    if code in standard.parameters:
        table_unit = standard.parameters[code].unit
    else:
        table_unit = standard.auxiliary[code]
    if canonical == table_unit:
        return 1.0
    try:
        return UNIT_FACTORS[(canonical, table_unit)]
    except KeyError:
        raise ValueError(
            f"no conversion from {canonical!r} to {table_unit!r} ({code} in {standard.id})"
        ) from None


def standard_for(station: Station) -> tuple[water.WaterStandard | None, str, str | None]:
    """The standard that classifies ``station``, its water body and, if none, why not."""
    waterbody = "lake" if station.site_type in LAKE_TYPES else "river"
    standard_id = NATIONAL_STANDARDS.get(station.country_id)
    if standard_id is None:
        return None, waterbody, "no_national_standard"
    standard = water.STANDARDS[standard_id]
    if waterbody not in standard.waterbodies:
        return None, waterbody, "vn_lake"
    return standard, waterbody, None


def class_out(standard: water.WaterStandard, key: str) -> dict | None:
    """A class as the pages and the API show it; None for no class."""
    if not key:
        return None
    cls = next(c for c in standard.classes if c.key == key)
    colour = labels.CLASS_COLOURS[(standard.id, key)]
    language = _own_language(standard)
    return {
        "key": key,
        "rank": cls.rank,
        "name": str(labels.CLASS_NAMES[(standard.id, key)]),
        "official_name": cls.names.get(language, cls.names["en"]),
        "official_language": language,
        "colour": colour,
        "ink": ink_for(colour),
    }


def _own_language(standard: water.WaterStandard) -> str:
    """The language the standard is written in (the non-English key of its class names)."""
    return next((k for k in standard.classes[0].names if k in ("zh-hans", "th", "vi")), "en")


def standard_out(standard: water.WaterStandard, waterbody: str) -> dict:
    return {
        "id": standard.id,
        "name": standard.name,
        "document": labels.DOCUMENTS[standard.id],
        "table": str(labels.TABLES[standard.id]),
        "waterbody": waterbody,
        "censored_rule": str(labels.CENSORED_RULES[standard.censored_rule]),
    }


def water_legend() -> list[dict]:
    """Each standard with its classes, best first: name, meaning and colour (for the legend)."""
    out = []
    for standard_id in NATIONAL_STANDARDS.values():
        standard = water.STANDARDS[standard_id]
        out.append(
            {
                "id": standard.id,
                "document": labels.DOCUMENTS[standard.id],
                "country": standard.country,
                "classes": [
                    {
                        **class_out(standard, cls.key),
                        "meaning": str(labels.CLASS_MEANINGS[(standard.id, cls.key)]),
                    }
                    for cls in standard.classes
                ],
            }
        )
    return out


def _country_names() -> dict[str, str]:
    return {c.code: c.name for c in Country.objects.all()}


def _site_out(station: Station, country_names: dict[str, str]) -> dict:
    standard, waterbody, why_not = standard_for(station)
    notes = []
    if why_not:
        notes.append(str(labels.NOTES[why_not]))
    if standard is not None and standard.id == "cn-gb3838-2002":
        notes.append(str(labels.NOTES["cn_2011_items"]))
    if standard is not None and standard.id == "th-neb8-1994":
        notes.append(str(labels.NOTES["neb8_percentiles"]))
    if station.mekong_mainstream:
        notes.append(str(labels.NOTES["mrc_unverified"]))
    return {
        "code": station.code,
        "name": station.name,
        "country": station.country_id,
        "country_name": country_names.get(station.country_id, station.country_id),
        "site_type": station.site_type,
        "site_type_label": str(station.get_site_type_display()),
        "river": station.river,
        "mekong_mainstream": station.mekong_mainstream,
        "latitude": station.latitude,
        "longitude": station.longitude,
        "time_zone": station.time_zone,
        "standard": None if standard is None else standard_out(standard, waterbody),
        "notes": notes,
    }


def _water_site(code: str) -> Station:
    return Station.objects.select_related("country").get(code=code, kind=Station.Kind.WATER)


def _day_bounds(day: dt.date, zone) -> tuple[dt.datetime, dt.datetime]:
    """UTC start and end of the local calendar day ``day`` (clamped at the calendar's ends)."""
    first = dt.datetime.min.replace(tzinfo=dt.UTC)
    last = dt.datetime.max.replace(tzinfo=dt.UTC)
    try:
        start = dt.datetime.combine(day, dt.time.min, tzinfo=zone).astimezone(dt.UTC)
    except OverflowError:
        start = first
    try:
        end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
        end = end.astimezone(dt.UTC)
    except OverflowError:
        end = last
    return start, end


_ROW_FIELDS = ("station_id", "parameter", "time", "value", "censor", "flags")


def _group(station: Station, rows) -> list[tuple[dt.date, dict[int, tuple]]]:
    """Rows (ordered by time) grouped into samples: local date -> {parameter id: row}."""
    zone = station.zone
    samples: dict[dt.date, dict[int, tuple]] = {}
    for row in rows:
        day = row[2].astimezone(zone).date()
        sample = samples.setdefault(day, {})
        earlier = sample.get(row[1])
        # a later value of the day supersedes, unless it is flagged and the earlier one is not
        if earlier is None or not row[5] or earlier[5]:
            sample[row[1]] = row
    return sorted(samples.items())


def _number(value: float) -> str:
    """A stored value as people write it: 0.00005, 7.2, 1500 (six significant digits)."""
    return np.format_float_positional(float(f"{value:.6g}"), trim="-")


def _classify(standard, waterbody, samples):
    """Class results of every sample of one site, parameter by parameter (vectorised)."""
    n = len(samples)
    known = [*standard.parameters, *standard.auxiliary]
    values, below, above = {}, {}, {}
    for i, (_day, rows) in enumerate(samples):
        for pid, row in rows.items():
            code = parameters.BY_ID[pid].code
            if code not in known or row[5]:  # not in this standard, or flagged
                continue
            if code not in values:
                values[code] = np.full(n, np.nan)
                below[code] = np.zeros(n, dtype=bool)
                above[code] = np.zeros(n, dtype=bool)
            values[code][i] = row[3] * unit_factor(code, standard)
            below[code][i] = row[4] == "<"
            above[code][i] = row[4] == ">"
    if not any(code in standard.parameters for code in values):
        return None
    overall_from = water.CN_2011_ITEMS if standard.id == "cn-gb3838-2002" else None
    options = {"waterbody": waterbody, "overall_from": overall_from}
    censored = {code: mask for code, mask in below.items() if mask.any()}
    result = water.classify(standard, values, censored=censored, **options)
    undetermined = {
        code: result.undetermined.get(code, np.zeros(n, dtype=bool))
        for code in values
        if code in standard.parameters
    }
    if any(mask.any() for mask in above.values()):
        # a value above the measuring range: would a larger value take a worse class?
        higher = {code: np.where(above[code], _HUGE, v) for code, v in values.items()}
        worse = water.classify(standard, higher, censored=censored, **options)
        for code in undetermined:
            undetermined[code] = undetermined[code] | (
                above[code] & (worse.ranks[code] != result.ranks[code])
            )
    counted = set(overall_from or standard.parameters)
    return result, undetermined, counted


def _samples_out(station, standard, waterbody, samples) -> list[dict]:
    classified = (
        None if standard is None or not samples else _classify(standard, waterbody, samples)
    )
    order_key = _order_key(standard.id if standard else None)
    out = []
    for i, (day, rows) in enumerate(samples):
        entries = []
        for pid, (_s, _p, time, value, censor, flags) in rows.items():
            definition = parameters.BY_ID[pid]
            code = definition.code
            key, undetermined, in_standard, counted = "", False, False, False
            if classified is not None and code in classified[0].ranks:
                result, undetermined_by_code, counted_codes = classified
                key = str(result.per_parameter[code][i])
                undetermined = bool(undetermined_by_code[code][i]) and bool(key)
                in_standard, counted = True, code in counted_codes
            elif standard is not None and code in standard.parameters:
                in_standard, counted = True, False
            entries.append(
                {
                    "code": code,
                    "name": str(definition.name),
                    "unit": definition.unit,
                    "value": value,
                    "censor": censor,
                    "display": f"{censor} {_number(value)}" if censor else _number(value),
                    "time": time.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
                    "flags": parameters.Flag.codes(flags),
                    "in_standard": in_standard,
                    "counted": counted and bool(key),
                    "class": class_out(standard, key) if standard else None,
                    "undetermined": undetermined,
                }
            )
        entries.sort(key=lambda e: order_key(e["code"]))
        out.append(_sample_out(day, standard, classified, i, entries))
    return out


def _sample_out(day, standard, classified, i, entries) -> dict:
    overall, limiting, undetermined = None, None, False
    if classified is not None:
        result = classified[0]
        key = str(result.overall[i])
        overall = class_out(standard, key)
        if key:
            code = str(result.limiting[i])
            name = next(e["name"] for e in entries if e["code"] == code)
            limiting = {"code": code, "name": name}
            at_worst = [e for e in entries if e["counted"] and e["class"]["key"] == key]
            # the class could be better only if every parameter at the worst class could be;
            # it could be worse if any counted value above its range could be
            undetermined = all(e["undetermined"] and e["censor"] == "<" for e in at_worst) or any(
                e["undetermined"] and e["censor"] == ">" for e in entries if e["counted"]
            )
    return {
        "date": day.isoformat(),
        "class": overall,
        "limiting": limiting,
        "undetermined": undetermined,
        "parameters": entries,
    }


def water_site_list(*, country: str | None = None) -> list[dict]:
    """Every water sampling site with its latest sample's class.

    Returns
    -------
    list of dict
        The site (``code``, ``name``, ``country``, ``country_name``, ``site_type``, ``river``,
        ``mekong_mainstream``, ``latitude``, ``longitude``, ``standard`` (None where the
        country has no national standard in the platform), ``notes``) and ``latest``:
        ``{date, class, limiting, undetermined}`` of the site's latest sample, or None.
    """
    stations = Station.objects.filter(kind=Station.Kind.WATER).select_related("country")
    country = check_country(country)
    if country is not None:
        stations = stations.filter(country_id=country)
    stations = list(stations)
    by_id = {s.id: s for s in stations}
    last = dict(
        Measurement.objects.filter(station_id__in=by_id, averaging=GRAB)
        .values("station_id")
        .annotate(last=Max("time"))
        .values_list("station_id", "last")
    )
    window = Q()
    for station_id, time in last.items():
        zone = by_id[station_id].zone
        start, end = _day_bounds(time.astimezone(zone).date(), zone)
        window |= Q(station_id=station_id, time__gte=start, time__lt=end)
    rows_by_station: dict[int, list] = {}
    if last:
        rows = (
            Measurement.objects.filter(window, averaging=GRAB)
            .order_by("time")
            .values_list(*_ROW_FIELDS)
        )
        for row in rows:
            rows_by_station.setdefault(row[0], []).append(row)
    names = _country_names()
    out = []
    for station in stations:
        site = _site_out(station, names)
        standard, waterbody, _why = standard_for(station)
        samples = _group(station, rows_by_station.get(station.id, []))
        latest = _samples_out(station, standard, waterbody, samples)[-1:] if samples else []
        site["latest"] = (
            {k: latest[0][k] for k in ("date", "class", "limiting", "undetermined")}
            if latest
            else None
        )
        out.append(site)
    return out


def _order_key(standard_id: str | None):
    """Sort key of parameter codes: the standard's table order, then the registry's."""
    table = water.STANDARDS[standard_id].parameters if standard_id else {}
    order = {code: k for k, code in enumerate(table)}
    return lambda code: (order.get(code, len(order)), parameters.BY_CODE[code].id)


def water_history_table(history: dict) -> dict:
    """:func:`water_classes` as a table: one column per parameter, newest sample first.

    Returns ``{"columns": [{code, name, unit}], "rows": [sample + "cells"]}``, where a cell
    is the sample's parameter entry or None where it was not measured.
    """
    standard = history["standard"]
    key = _order_key(standard["id"] if standard else None)
    columns = {}
    for item in history["items"]:
        for entry in item["parameters"]:
            columns.setdefault(
                entry["code"],
                {"code": entry["code"], "name": entry["name"], "unit": entry["unit"]},
            )
    ordered = [columns[code] for code in sorted(columns, key=key)]
    rows = []
    for item in reversed(history["items"]):
        by_code = {entry["code"]: entry for entry in item["parameters"]}
        rows.append({**item, "cells": [by_code.get(c["code"]) for c in ordered]})
    return {"columns": ordered, "rows": rows}


def _rows(station: Station, start=None, end=None):
    query = Measurement.objects.filter(station=station, averaging=GRAB)
    if start is not None:
        query = query.filter(time__gte=_day_bounds(start, station.zone)[0])
    if end is not None:
        query = query.filter(time__lt=_day_bounds(end, station.zone)[1])
    return query.order_by("time").values_list(*_ROW_FIELDS)


def water_site_detail(code: str) -> dict:
    """One site (as in :func:`water_site_list`) with its latest sample in full."""
    station = _water_site(code)
    site = _site_out(station, _country_names())
    standard, waterbody, _why = standard_for(station)
    last = Measurement.objects.filter(station=station, averaging=GRAB).aggregate(last=Max("time"))[
        "last"
    ]
    site["latest"] = None
    if last is not None:
        day = last.astimezone(station.zone).date()
        samples = _group(station, _rows(station, day, day))
        site["latest"] = _samples_out(station, standard, waterbody, samples)[-1]
    return site


def water_classes(code: str, *, start: dt.date | None = None, end: dt.date | None = None) -> dict:
    """The class history of a site: one item per sample, oldest first.

    Parameters
    ----------
    code : str
        The site's code.
    start, end : datetime.date, optional
        First and last local calendar day (inclusive). A start after the end is an empty
        period (no samples), not an error: the request is well formed, it selects nothing.

    Returns
    -------
    dict
        ``{code, standard, notes, start, end, count, items}``; each item is a sample:
        ``{date, class, limiting, undetermined, parameters}`` where each parameter is
        ``{code, name, unit, value, censor, display, time, flags, in_standard, counted,
        class, undetermined}`` (``value`` in the hub's canonical unit; ``display`` shows
        ``< DL`` for a value below the detection limit).
    """
    station = _water_site(code)
    standard, waterbody, _why = standard_for(station)
    site = _site_out(station, _country_names())
    samples = _group(station, _rows(station, start, end))
    items = _samples_out(station, standard, waterbody, samples)
    return {
        "code": station.code,
        "standard": site["standard"],
        "notes": site["notes"],
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "count": len(items),
        "items": items,
    }
