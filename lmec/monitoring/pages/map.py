"""The regional map: every air station coloured by its latest AQI, and the same as a table."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.utils import translation

from .. import labels, selectors
from . import display
from .forms import MapQuery


def legend(rows: list[dict], standards: list[dict]) -> list[dict]:
    """The categories of each standard in use on the map, in the order of the standards."""
    used = {row["standard"] for row in rows if row.get("standard")}
    return [s for s in standards if s["id"] in used]


def marker_rows(latest: list[dict], stations: dict[str, dict]) -> list[dict]:
    """:func:`selectors.latest_aqi` rows with what the popup and the table show."""
    rows = []
    for row in latest:
        station = stations.get(row["code"], {})
        moment = display.local_time(row.get("time"), station.get("time_zone", "UTC"))
        rows.append(
            {
                **row,
                "country_name": station.get("country_name", row.get("country")),
                "url": display.station_url(row["code"]),
                "local_time": display.clock(moment),
                "dominant_label": labels.pollutant_label(row.get("standard"), row.get("dominant")),
                "document": display.document(row.get("standard")),
            }
        )
    return rows


def markers_json(rows: list[dict]) -> list[dict]:
    """What ``map.js`` needs of each station (``#map-stations``)."""
    return [
        {
            "code": row["code"],
            "name": row["name"],
            "lat": row["latitude"],
            "lon": row["longitude"],
            "aqi": row.get("aqi"),
            "category": row.get("category"),
            "dominant": row["dominant_label"],
            "time": row["local_time"],
            "standard": row["document"],
            "url": row["url"],
        }
        for row in rows
    ]


def monitoring_map(request):
    """``monitoring:map``: the map, the standard chooser, the latest index of every station.

    htmx requests (the chooser) get the table, legend and marker data alone; ``map.js``
    recolours the markers from them.
    """
    standards = selectors.aqi_standard_list(translation.get_language())
    form = MapQuery(request.GET, standards=standards)
    # a bad choice is named on the page; the map then shows the national indices
    standard = (form.cleaned_data["standard"] or None) if form.is_valid() else None
    stations = {s["code"]: s for s in selectors.station_list(kind="air")}
    rows = marker_rows(selectors.latest_aqi(standard=standard), stations)
    context = {
        "form": form,
        "standard": standard,
        "rows": rows,
        "markers": markers_json(rows),
        "legend": legend(rows, standards),
        "map_labels": display.map_labels(),
        "no_data_colour": display.NO_DATA_COLOUR,
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
    status = 200 if form.is_valid() else 400
    if request.headers.get("HX-Request"):
        return render(request, "monitoring/_latest.html", context, status=status)
    return render(request, "monitoring/map.html", context, status=status)
