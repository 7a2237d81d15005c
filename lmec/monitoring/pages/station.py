"""A station's page: what it measures, its latest index and values, charts, calendar,
exceedances, completeness, trend and downloads.

Every number comes from :mod:`lmec.monitoring.selectors`; the charts over a year or more read
daily values, the hourly charts at most a month of hourly rows per parameter.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from .. import labels, parameters, selectors
from ..models import Station
from . import display
from .forms import (
    DEFAULT_PERIOD,
    MAX_COMPARE_DAYS,
    PERIOD_LABELS,
    PERIODS,
    StationQuery,
    days_before,
)

API = "/api/v1/monitoring"


def station(request, code: str):
    """``monitoring:station``: one station; a bad query is named and the defaults shown."""
    try:
        detail = selectors.station_detail(code)
    except Station.DoesNotExist:
        context = {"code": code, "map_url": reverse("monitoring:map")}
        return render(request, "monitoring/station_missing.html", context, status=404)
    if detail["kind"] != Station.Kind.AIR:
        try:  # sampling sites have their own page (water)
            return redirect(reverse("monitoring:water_site", args=[code]))
        except NoReverseMatch:
            pass
    detail["site_type_label"] = Station.SiteType(detail["site_type"]).label
    standards = selectors.aqi_standard_list(translation.get_language())
    form = StationQuery(request.GET, standards=standards)
    choice = form.cleaned_data if form.is_valid() else {}
    period = choice.get("period") or DEFAULT_PERIOD
    standard = choice.get("standard") or None

    measured = [p for p in detail["parameters"] if p["code"] in parameters.AIR_CODES]
    with_data = [p for p in measured if p["last_date"]]
    context = {
        "station": detail,
        "form": form,
        "period": period,
        "period_labels": PERIOD_LABELS,
        "standard": standard,
        "parameters": detail["parameters"],
        "has_data": bool(with_data),
        "map_url": reverse("monitoring:map"),
    }
    if with_data:
        last_day = max(dt.date.fromisoformat(p["last_date"]) for p in with_data)
        first_day = min(dt.date.fromisoformat(p["first_date"]) for p in with_data)
        year = choice.get("year") or last_day.year
        latest = latest_values(detail, with_data)
        days, resolution = PERIODS[period]
        start = max(days_before(last_day, days), first_day)
        exceedances = selectors.exceedances(code, year=year)
        # the limit lines of the charts: those in force in the charts' last year
        limits = limit_lines(
            exceedances
            if year == last_day.year
            else selectors.exceedances(code, year=last_day.year)
        )
        context |= {
            "year": year,
            "years": list(range(last_day.year, first_day.year - 1, -1)),
            "start": start,
            "end": last_day,
            "resolution": resolution,
            "now": current_index(detail, standard, latest),
            "latest": latest,
            "charts": charts(detail, with_data, start, last_day, resolution, limits),
            "chart_labels": display.chart_labels(),
            "calendar": calendar(code, standard, year, standards),
            "exceedances": display.exceedance_rows(exceedances),
            "completeness": selectors.completeness(code, year=year),
            "trends": [
                display.trend_row(found, p)
                for p, found in zip(
                    with_data,
                    selectors.trends(code, parameters=[p["code"] for p in with_data]).values(),
                    strict=True,
                )
            ],
            "downloads": downloads(code, start, last_day, resolution, standard),
            "compare_url": compare_url(code, standard, start, last_day, detail["country"]),
        }
    return render(
        request, "monitoring/station.html", context, status=200 if form.is_valid() else 400
    )


def current_index(detail: dict, standard: str | None, latest: list[dict]) -> dict | None:
    """The station's hourly index at its last hour with a value.

    Asks for that one hour only: the standards' look-back (running means, NowCast, EPA's
    two-week ozone NowCast) is read by the selector, but only one hour is computed.
    """
    if not latest:
        return None
    last_hour = max(row["time"] for row in latest)
    hours = selectors.hourly_aqi(detail["code"], standard=standard, start=last_hour, end=last_hour)
    hours = [h for h in hours if h["aqi"] is not None]
    if not hours:
        return None
    last = hours[-1]
    return {
        **last,
        "local_time": display.clock(display.local_time(last["time"], detail["time_zone"])),
        "document": display.document(last["standard"]),
        "dominant_label": labels.pollutant_label(last["standard"], last["dominant"]),
        "sub_indices": [
            {"label": labels.pollutant_label(last["standard"], pid), "value": value}
            for pid, value in last["sub_indices"].items()
            if value is not None
        ],
    }


def latest_values(detail: dict, with_data: list[dict]) -> list[dict]:
    """The last stored hourly value of each parameter (read from its last day only)."""
    rows = []
    found = selectors.last_hourly(
        detail["code"], days={p["code"]: dt.date.fromisoformat(p["last_date"]) for p in with_data}
    )
    for p in with_data:
        item = found.get(p["code"])
        if item is None:  # a day reported only as a 24-hour mean
            continue
        moment = display.local_time(item["time"], detail["time_zone"])
        rows.append(
            {
                "parameter": p,
                "value": item["value"],
                "censor": item["censor"],
                "decimals": parameters.BY_CODE[p["code"]].decimals,
                "flags": display.flag_labels(item["flags"]),
                "time": display.parse_utc(item["time"]),
                "local_time": display.clock(moment),
            }
        )
    return rows


def limit_lines(exceedances: list[dict]) -> dict[str, list[dict]]:
    """Per gas, the WHO 2021 and national short-term limits of :func:`selectors.exceedances`."""
    found: dict[str, list[dict]] = {}
    for row in exceedances:
        if row["averaging"] == "annual":
            continue
        gas = row["pollutant"].split("_")[0]
        line = {
            "label": f"{display.limit_set_label(row['limit_set'])} · "
            f"{display.averaging_label(row['averaging'])}",
            "value": row["limit"],
            "averaging": row["averaging"],
            "kind": "who" if row["limit_set"].startswith("who-") else "national",
        }
        if line not in found.setdefault(gas, []):
            found[gas].append(line)
    return found


def charts(detail, with_data, start, end, resolution, limits) -> list[dict]:
    """The charts of every parameter with data; daily values of all read at once."""
    days = None
    if resolution != "hourly":
        days = selectors.daily_series_of(
            detail["code"], parameters=[p["code"] for p in with_data], start=start, end=end
        )
    return [
        chart(
            detail,
            p,
            start,
            end,
            resolution,
            limits.get(p["code"], []),
            days=None if days is None else days[p["code"]],
        )
        for p in with_data
    ]


def chart(detail, p, start, end, resolution, limits, *, days=None) -> dict:
    """One parameter's chart: hourly values or daily values (``days``: those of
    :func:`selectors.daily_series`, if read already), flagged ones marked."""
    code = p["code"]
    definition = parameters.BY_CODE[code]
    zone = detail["time_zone"]
    points, flagged = [], []
    if resolution == "hourly":
        _count, items = selectors.measurements(
            detail["code"], parameter=code, start=start, end=end, limit=selectors.MAX_LIMIT
        )
        for item in items:
            wall = display.local_time(item["time"], zone).strftime("%Y-%m-%dT%H:%M")
            if item["flags"]:
                labels = ", ".join(display.flag_labels(item["flags"]))
                flagged.append([wall, item["value"], labels])
                points.append([wall, None])
            else:
                points.append([wall, item["value"]])
        wanted = ("1h",) if any(line["averaging"] == "1h" for line in limits) else ("24h",)
        statistic = "hourly"
    else:
        # ozone and CO limits are 8-hour: their daily value is the day's highest 8-hour mean
        statistic = "max_8h" if code in ("o3", "co") else "mean"
        if days is None:
            days = selectors.daily_series(detail["code"], parameter=code, start=start, end=end)
        for day in days:
            points.append([day["date"], day[statistic]])
            if day["flagged"]:
                flagged.append([day["date"], day[statistic], display.flagged_hours(day["flagged"])])
        wanted = ("8h",) if statistic == "max_8h" else ("24h",)
    return {
        "id": f"series-{code}",
        "parameter": p,
        "statistic": statistic,
        "limits": [line for line in limits if line["averaging"] in wanted],
        "data": {
            "parameter": code,
            "name": p["name"],
            "unit": definition.unit,
            "resolution": resolution,
            "decimals": definition.decimals,
            "points": points,
            "flagged": flagged,
            "limits": [line for line in limits if line["averaging"] in wanted],
        },
        "flagged_count": len(flagged),
    }


def calendar(code: str, standard: str | None, year: int, standards: list[dict]) -> dict:
    """The daily AQI of ``year`` with the categories of the standard it was computed under."""
    days = selectors.daily_aqi(
        code, standard=standard, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31)
    )
    used = [d["standard"] for d in days if d["aqi"] is not None]
    standard_id = standard or (used[-1] if used else None)
    categories = next((s["categories"] for s in standards if s["id"] == standard_id), [])
    return {
        "id": "calendar-data",
        "standard": standard_id,
        "document": display.document(standard_id),
        "days_with_aqi": len(used),
        "data": {
            "year": year,
            "standard": standard_id,
            "days": [[d["date"], d["aqi"]] for d in days if d["aqi"] is not None],
            "categories": [
                {k: c[k] for k in ("key", "name", "low", "high", "colour")} for c in categories
            ],
            "labels": display.calendar_labels(),
        },
        "counts": [
            {
                **c,
                "days": sum(1 for d in days if d["category"] and d["category"]["key"] == c["key"]),
            }
            for c in categories
        ],
    }


def compare_url(code, standard, start, end, country) -> str:
    """The comparison of this station with its country over the charts' period (at most the
    comparison's longest)."""
    start = max(start, days_before(end, MAX_COMPARE_DAYS))
    query = urlencode(
        {
            "stations": code,
            "countries": country,
            "standard": standard or selectors.default_standard(country, end),
            "start": start.isoformat(),
            "end": end.isoformat(),
        }
    )
    return f"{reverse('monitoring:compare')}?{query}"


def downloads(code, start, end, resolution, standard) -> list[dict]:
    """Links to the API's exports of what the page shows: the same period, hourly
    measurements where the charts show hours, daily values where they show days."""
    dataset = "measurements" if resolution == "hourly" else "daily"
    span = f"start={start.isoformat()}&end={end.isoformat()}"
    links = [
        {
            "label": fmt.upper(),
            "what": dataset,
            "url": f"{API}/stations/{code}/export.{fmt}?dataset={dataset}&{span}",
        }
        for fmt in ("csv", "parquet")
    ]
    query = f"period=daily&{span}" + (f"&standard={standard}" if standard else "")
    links.append(
        {"label": "JSON", "what": "daily_aqi", "url": f"{API}/stations/{code}/aqi?{query}"}
    )
    return links
