"""Presentation helpers shared by the hub's pages: labels, station-local times, chart data.

Nothing here reads the database: the pages get their rows from the selectors and this module
only turns ids into the reader's words and times into the station's clock.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext, pgettext_lazy

from .. import labels, parameters

#: Marker colour of a station without a current index (Tailwind gray-400: 2.5:1 on the
#: land colour of the map, distinct from every category colour of the five standards).
NO_DATA_COLOUR = "#9ca3af"


def document(standard: str | None) -> str:
    """The document a standard id comes from, as readers cite it (``HJ 633-2026``)."""
    return labels.DOCUMENTS.get(standard, standard or "")


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


def calendar_labels() -> dict[str, str]:
    return {"aqi": _("AQI"), "no_data": _("No index")}


#: Flag codes (:class:`lmec.monitoring.parameters.Flag`) -> their translated label.
FLAG_LABELS = {code: parameters.Flag.LABELS[bit] for bit, code in parameters.Flag.CODES.items()}


def flag_labels(codes: list[str]) -> list[str]:
    return [str(FLAG_LABELS.get(code, code)) for code in codes]


def flagged_hours(count: int) -> str:
    return ngettext("%(n)d flagged hour", "%(n)d flagged hours", count) % {"n": count}


#: Short names of the limit sets (:mod:`lmec.quality.limits`) as the station page cites them;
#: document codes are not translated.
LIMIT_SETS = {
    "who-2021-aqg": pgettext_lazy("limit set", "WHO 2021 guideline"),
    "cn-gb3095-2012-grade2": "GB 3095-2012",
    "cn-gb3095-2026-grade2": "GB 3095-2026",
    "th-ambient-2023": pgettext_lazy("limit set", "Thai ambient standard"),
    "vn-qcvn05-2023": "QCVN 05:2023/BTNMT",
    "vn-qcvn05-2023-2026": "QCVN 05:2023/BTNMT",
    "kh-subdecree42-2000": pgettext_lazy("limit set", "Cambodia Sub-decree 42"),
    "la-nes-2017": pgettext_lazy("limit set", "Lao NES 2017"),
    "mm-neqeg-2015": pgettext_lazy("limit set", "Myanmar NEQEG 2015"),
}


def limit_set_label(limit_set: str) -> str:
    return str(LIMIT_SETS.get(limit_set, limit_set))


def averaging_label(averaging: str) -> str:
    if averaging == "annual":
        return pgettext("averaging period", "annual")
    return str(labels.AVERAGING.get(averaging, averaging))


def gas_name(pollutant: str) -> str:
    """``PM2.5`` for ``pm25_24h``: the parameter's translated name."""
    definition = parameters.BY_CODE.get(pollutant.split("_")[0])
    return str(definition.name) if definition else pollutant


def exceedance_rows(rows: list[dict]) -> list[dict]:
    """:func:`selectors.exceedances` rows with labels, WHO first then the national set."""
    out = [
        {
            **row,
            "gas": gas_name(row["pollutant"]),
            "averaging_label": averaging_label(row["averaging"]),
            "set_label": limit_set_label(row["limit_set"]),
            "who": row["limit_set"].startswith("who-"),
        }
        for row in rows
    ]
    return sorted(out, key=lambda r: (not r["who"], r["limit_set"], r["pollutant"]))


TRENDS = {
    "increasing": pgettext_lazy("trend", "increasing"),
    "decreasing": pgettext_lazy("trend", "decreasing"),
    "no trend": pgettext_lazy("trend", "no trend"),
}


def trend_row(result: dict | None, parameter: dict) -> dict:
    """:func:`selectors.trend` with the words of the page."""
    if result is None:
        return {"parameter": parameter, "result": None}
    return {
        "parameter": parameter,
        "result": result,
        "trend_label": str(TRENDS.get(result["trend"], "")) if result["trend"] else "",
    }


def stations_count(n: int) -> str:
    return ngettext("%(n)d station", "%(n)d stations", n) % {"n": n}
