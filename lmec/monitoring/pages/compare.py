"""Stations or countries side by side over a period, under one standard."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lmec.core.selectors import country_list

from .. import labels, parameters, selectors
from ..models import Station
from . import display
from .forms import CompareQuery

#: Gases whose mean concentration the table shows, in this order.
GASES = ("pm25", "pm10", "o3", "no2", "so2", "co")


def compare(request):
    """``monitoring:compare``: the query form, then one row per station or country."""
    standards = selectors.aqi_standard_list(translation.get_language())
    stations = selectors.station_list(kind="air")
    form = CompareQuery(
        request.GET or None,
        standards=standards,
        stations=[(s["code"], f"{s['name']} · {s['country_name']}") for s in stations],
        countries=[(c.code, c.name) for c in country_list()],
    )
    today = timezone.localdate()
    form.initial = {
        "standard": "us-epa-2024",
        "start": today - dt.timedelta(days=29),
        "end": today,
    }
    context = {"form": form, "result": None, "gases": []}
    status = 200
    if form.is_bound:
        if form.is_valid():
            data = form.cleaned_data
            try:
                result = selectors.compare(
                    stations=data["stations"],
                    countries=data["countries"],
                    standard=data["standard"],
                    start=data["start"],
                    end=data["end"],
                )
            except (ValueError, Station.DoesNotExist) as error:
                form.add_error(None, str(error))
                status = 400
            else:
                context |= shaped(result)
        else:
            status = 400
    return render(request, "monitoring/compare.html", context, status=status)


def shaped(result: dict) -> dict:
    """The comparison with what the table shows: category shares, names, links."""
    categories = result["categories"]
    gases = [g for g in GASES if any(g in item["concentrations"] for item in result["items"])]
    rows = []
    for item in result["items"]:
        counted = sum(item["categories"].values())
        top = max(item["dominant"].items(), key=lambda kv: kv[1], default=(None, 0))
        rows.append(
            {
                **item,
                "url": display.station_url(item["code"]) if item["kind"] == "station" else None,
                "kind_label": _("station")
                if item["kind"] == "station"
                else display.stations_count(item["stations"]),
                "bar": [
                    {
                        **c,
                        "days": item["categories"].get(c["key"], 0),
                        "share": round(100 * item["categories"].get(c["key"], 0) / counted, 2)
                        if counted
                        else 0,
                    }
                    for c in categories
                ],
                "dominant_label": labels.pollutant_label(result["standard"], top[0]),
                "dominant_days": top[1],
                "means": [item["concentrations"].get(g) for g in gases],
            }
        )
    return {
        "result": result,
        "rows": rows,
        "gases": [
            {"code": g, "name": parameters.BY_CODE[g].name, "unit": parameters.BY_CODE[g].unit}
            for g in gases
        ],
    }
