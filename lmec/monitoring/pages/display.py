"""Presentation helpers shared by the hub's pages: labels, station-local times, chart data.

Nothing here reads the database: the pages get their rows from the selectors and this module
only turns ids into the reader's words and times into the station's clock.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.urls import reverse
from django.utils.translation import gettext as _

from lmec.quality import aqi

from .. import labels

#: Marker colour of a station without a current index (Tailwind gray-400: 2.5:1 on the
#: land colour of the map, distinct from every category colour of the five standards).
NO_DATA_COLOUR = "#9ca3af"


def document(standard: str | None) -> str:
    """The document a standard id comes from, as readers cite it (``HJ 633-2026``)."""
    return labels.DOCUMENTS.get(standard, standard or "")


def pollutant_label(standard: str | None, pollutant: str | None) -> str | None:
    """``PM2.5 · 24-hour`` for (``th-pcd-2023``, ``pm25_24h``); None for no pollutant."""
    if not pollutant:
        return None
    std = aqi.STANDARDS.get(standard)
    table = std.pollutants.get(pollutant) if std else None
    if table is None:
        return pollutant
    averaging = labels.AVERAGING.get(table.averaging, table.averaging)
    return f"{table.name} · {averaging}"


def parse_utc(value: str | dt.datetime | None) -> dt.datetime | None:
    """An ISO 8601 time (``...Z`` or with an offset) as an aware datetime."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def local_time(value, time_zone: str) -> dt.datetime | None:
    moment = parse_utc(value)
    return moment.astimezone(zoneinfo.ZoneInfo(time_zone)) if moment else None


def clock(moment: dt.datetime | None) -> str | None:
    """``2024-03-01 13:00 UTC+7``: the station's own clock, readable in every language."""
    if moment is None:
        return None
    offset = moment.utcoffset() or dt.timedelta()
    hours, rest = divmod(int(offset.total_seconds()) // 60, 60)
    zone = f"UTC{hours:+d}" + (f":{rest:02d}" if rest else "")
    return f"{moment:%Y-%m-%d %H:%M} {zone}"


def station_url(code: str) -> str:
    return reverse("monitoring:station", args=[code])


def map_labels() -> dict[str, str]:
    """The words of the map's popups, in the active language."""
    return {
        "aqi": _("AQI"),
        "category": _("Category"),
        "time": _("Time"),
        "dominant": _("Dominant pollutant"),
        "standard": _("Standard"),
        "station_page": _("Open the station page"),
        "no_data": _("No current index"),
    }


def chart_labels() -> dict[str, str]:
    """The words of the time-series charts, in the active language."""
    return {
        "hourly_value": _("Hourly value"),
        "daily_mean": _("Daily mean"),
        "flagged": _("Flagged by QA/QC"),
    }
