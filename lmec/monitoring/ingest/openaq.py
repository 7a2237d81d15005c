"""OpenAQ v3 JSON: the answers of ``/v3/sensors/{id}/measurements`` (also ``/hours`` and
``/days``) and of ``/v3/locations/{id}/latest``.

A measurement result is ``{"value", "flagInfo": {"hasFlags"}, "parameter": {"id", "name",
"units"}, "period": {"label", "interval", "datetimeFrom": {"utc", "local"}, "datetimeTo":
{...}}, "coordinates", "summary", "coverage"}``; its time is ``period.datetimeFrom.utc``
(the start of the period, the hub's convention) and its averaging ``period.interval``
(``01:00:00`` -> 1h, ``08:00:00`` -> 8h, ``24:00:00`` -> 24h). A ``latest`` result is
``{"datetime": {"utc", "local"}, "value", "coordinates", "sensorsId", "locationsId"}``: it
names neither parameter nor unit, so the mapping's ``sensors`` gives them, and OpenAQ's
datetimes mark the end of a period ("exclusive time-ending", OpenAQ docs, *Dates, times and
timezones*), so the averaging period is taken off. A result flagged by OpenAQ
(``flagInfo.hasFlags``) gets the provider flag. Neither names the hub's station: it comes
from ``--station CODE`` (``station=``), the mapping's ``station``, or for ``latest`` results
the mapping's ``locations`` (OpenAQ location id -> station code).
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from .errors import IngestError
from .mapping import Mapping, load_mapping
from .readers import Source

INTERVALS = {"01:00:00": "1h", "1:00:00": "1h", "08:00:00": "8h", "24:00:00": "24h", "1 day": "24h"}
_HOURS = {"1h": 1, "8h": 8, "24h": 24}


def _dig(item, *keys):
    for key in keys:
        if not isinstance(item, dict):
            return None
        item = item.get(key)
    return item


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def results_of(data) -> list:
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        return data["results"]
    if isinstance(data, list):
        return data
    raise IngestError("openaq_not_v3")


def read_openaq(path: Path, *, mapping=None, station=None) -> Source:
    try:
        with open(path, encoding="utf-8-sig") as fh:
            data = json.load(fh)
    except UnicodeDecodeError:
        raise IngestError("file_not_utf8") from None
    except json.JSONDecodeError as exc:
        raise IngestError("json_invalid", line=exc.lineno, detail=exc.msg) from None
    checked = load_mapping(mapping) if mapping is not None else Mapping(format="openaq")
    if checked.format != "openaq" and mapping is not None and checked.columns:
        raise IngestError("mapping_not_openaq")
    station = station or checked.station
    columns: dict[str, list] = {
        k: [] for k in ("row", "station", "parameter", "unit", "time", "value", "averaging", "flag")
    }
    for row, item in enumerate(results_of(data), 1):
        if not isinstance(item, dict):
            item = {}
        flagged = _dig(item, "flagInfo", "hasFlags")
        if "sensorsId" in item and "period" not in item:  # /v3/locations/{id}/latest
            sensor = checked.sensors.get(str(item.get("sensorsId")), {})
            averaging = sensor.get("averaging") or "1h"
            end = _dig(item, "datetime", "utc")
            time = _period_start(end, averaging)
            parameter, unit = sensor.get("parameter"), sensor.get("unit")
            if parameter is None:
                parameter = f"sensor {item.get('sensorsId')}"  # reported as unknown
            where = checked.locations.get(str(item.get("locationsId")), station)
        else:
            interval = _dig(item, "period", "interval")
            averaging = INTERVALS.get(interval, interval)
            time = _dig(item, "period", "datetimeFrom", "utc")
            parameter = _dig(item, "parameter", "name")
            unit = _dig(item, "parameter", "units")
            where = station
        columns["row"].append(row)
        columns["station"].append(where)
        columns["parameter"].append(_text(parameter))
        columns["unit"].append(_text(unit))
        columns["time"].append(_text(time))
        columns["value"].append(_text(item.get("value")))
        columns["averaging"].append(_text(averaging))
        columns["flag"].append("invalid" if flagged else None)
    if not columns["row"]:
        raise IngestError("openaq_no_results")
    if not station and not checked.locations:
        raise IngestError("openaq_station_missing")
    frame = pl.DataFrame(
        columns, schema={k: (pl.Int64 if k == "row" else pl.String) for k in columns}
    )
    return Source(
        "openaq",
        iter([frame]),
        names={
            "time": "period.datetimeFrom.utc",
            "averaging": "period.interval",
            "unit": "parameter.units",
            "parameter": "parameter.name",
        },
    )


def _period_start(end: str | None, averaging: str) -> str | None:
    """The start of a period that OpenAQ labels with its end (ISO text in, ISO text out)."""
    if not end or averaging not in _HOURS:
        return end
    parsed = pl.Series([end]).str.to_datetime("%Y-%m-%dT%H:%M:%S%#z", strict=False)
    if parsed[0] is None:
        return end
    start = parsed[0] - pl.select(pl.duration(hours=_HOURS[averaging])).item()
    return start.isoformat()
