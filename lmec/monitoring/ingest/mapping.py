"""The YAML mapping of a wide table (one column per parameter), checked before any row.

The mapping says where the station and the time are and what each measured column holds;
docs/ingest-mapping.md documents every key with a complete example. A mistake in the
mapping stops the ingest with :class:`IngestError` listing every problem found, each with
its place in the mapping (``columns › PM2.5 › unit``), before a single row is read.
"""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import yaml

from .. import parameters
from . import units, validate
from .errors import IngestError, RowProblem
from .readers import Source, csv_batches, excel_batches, is_excel, read_csv_header, read_excel

DEFAULT_MISSING = ("", "-", "--", "NA", "N/A", "n/a", "na", "null", "NULL", "NaN", "nan")
_TOP_KEYS = {
    "format",
    "sheet",
    "separator",
    "decimal_comma",
    "station",
    "station_column",
    "time",
    "missing",
    "columns",
    "locations",
    "sensors",
}
_TIME_KEYS = {"column", "format", "year", "month", "day", "hour", "date", "zone", "hour_ending"}
_COLUMN_KEYS = {"parameter", "unit", "averaging", "flag"}
_COLUMN_KEYS_SHOWN = ["parameter", "unit", "averaging", "flag"]  # in the order of the docs
_OFFSET_ZONE = re.compile(r"^[+-]\d{2}:\d{2}$")


@dataclass
class MeasuredColumn:
    name: str
    parameter: str
    unit: str
    averaging: str | None = None
    flag: str | None = None


@dataclass
class Mapping:
    """A checked mapping (see docs/ingest-mapping.md)."""

    format: str = "wide"
    sheet: str | int | None = None
    separator: str | None = None
    decimal_comma: bool | None = None
    station: str | None = None
    station_column: str | None = None
    time: dict = field(default_factory=dict)
    missing: tuple[str, ...] = DEFAULT_MISSING
    columns: list[MeasuredColumn] = field(default_factory=list)
    locations: dict[str, str] = field(default_factory=dict)  # OpenAQ locationsId -> station
    sensors: dict[str, dict] = field(default_factory=dict)  # OpenAQ sensorsId -> parameter...
    text: str = ""


def load_mapping(mapping) -> Mapping:
    """A :class:`Mapping` from a dict, YAML text, or the path of a YAML file."""
    text = ""
    if isinstance(mapping, Mapping):
        return mapping
    if isinstance(mapping, Path) or (
        isinstance(mapping, str) and "\n" not in mapping and Path(mapping).is_file()
    ):
        try:
            text = Path(mapping).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise IngestError("mapping_file_unreadable", detail=str(exc)) from None
        mapping = text
    if isinstance(mapping, str):
        text = mapping
        try:
            mapping = yaml.safe_load(mapping)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
            what = "; ".join(
                str(part)
                for part in (getattr(exc, "context", None), getattr(exc, "problem", None))
                if part
            )
            if mark:
                raise IngestError(
                    "mapping_yaml_invalid_at",
                    line=mark.line + 1,
                    column=mark.column + 1,
                    detail=what or str(exc),
                ) from None
            raise IngestError("mapping_yaml_invalid", detail=what or str(exc)) from None
    if not isinstance(mapping, dict):
        raise IngestError("mapping_not_dict")
    problems: list[dict] = []
    result = _check(mapping, problems)
    if problems:
        raise IngestError("mapping_problems", problems=problems)
    result.text = text or yaml.safe_dump(mapping, allow_unicode=True, sort_keys=False)
    return result


def _add(problems: list[dict], where: str, code: str, **params) -> None:
    """Note a problem of the mapping: its place (``time › zone``, "" for the whole mapping),
    a :data:`.reasons.FILE_MESSAGES` code and its parameters."""
    problems.append({"where": where, "code": code, "params": params})


def _check(raw: dict, problems: list[dict]) -> Mapping:
    out = Mapping()
    for key in sorted(set(raw) - _TOP_KEYS, key=str):
        _add(problems, "", "mapping_key_unknown", key=str(key), keys=sorted(_TOP_KEYS))
    out.format = str(raw.get("format", "wide"))
    if out.format not in ("wide", "openaq"):
        _add(problems, "format", "mapping_format_unknown", format=out.format)
    out.sheet = raw.get("sheet")
    if out.sheet is not None and not isinstance(out.sheet, str | int):
        _add(problems, "sheet", "mapping_sheet_invalid")
    if isinstance(out.sheet, int) and out.sheet < 1:
        _add(problems, "sheet", "mapping_sheet_number")
    out.separator = raw.get("separator")
    if out.separator is not None and out.separator not in (",", ";", "\t"):
        _add(problems, "separator", "mapping_separator_invalid")
    out.decimal_comma = raw.get("decimal_comma")
    if out.decimal_comma is not None and not isinstance(out.decimal_comma, bool):
        _add(problems, "decimal_comma", "mapping_boolean")
    station, station_column = raw.get("station"), raw.get("station_column")
    out.station = None if station is None else str(station)
    out.station_column = None if station_column is None else str(station_column)
    if out.station and out.station_column:
        _add(problems, "", "mapping_station_both")
    missing = raw.get("missing", list(DEFAULT_MISSING))
    if not isinstance(missing, list) or not all(isinstance(m, str | int | float) for m in missing):
        _add(problems, "missing", "mapping_missing_invalid")
    else:
        out.missing = tuple(str(m) for m in missing)
    if out.format == "openaq":
        _check_openaq(raw, out, problems)
        return out
    if not out.station and not out.station_column:
        _add(problems, "", "mapping_station_none")
    out.time = _check_time(raw.get("time"), problems)
    out.columns = _check_columns(raw.get("columns"), problems)
    return out


def _check_zone(zone, where: str, problems: list[dict]) -> str | None:
    if zone is None or str(zone).lower() == "station":
        return None
    zone = str(zone)
    if zone.upper() == "UTC" or _OFFSET_ZONE.match(zone):
        return "UTC" if zone.upper() == "UTC" else zone
    if zone not in zoneinfo.available_timezones():
        _add(problems, where, "mapping_zone_unknown", zone=zone)
        return None
    return zone


def _check_time(time, problems: list[dict]) -> dict:
    if isinstance(time, str):
        time = {"column": time}
    if not isinstance(time, dict):
        _add(problems, "time", "mapping_time_missing")
        return {}
    for key in sorted(set(time) - _TIME_KEYS, key=str):
        _add(problems, "time", "mapping_key_unknown", key=str(key), keys=sorted(_TIME_KEYS))
    out = {
        k: str(v)
        for k, v in time.items()
        if k in ("column", "year", "month", "day", "hour", "date")
    }
    parts = [k for k in ("year", "month", "day") if k in out]
    modes = ("column" in out) + (len(parts) > 0) + ("date" in out)
    if modes != 1:
        _add(problems, "time", "mapping_time_modes")
    elif parts and len(parts) != 3:
        _add(problems, "time", "mapping_time_parts")
    if "hour" in out and "column" in out:
        _add(problems, "time", "mapping_time_hour")
    fmt = time.get("format")
    if fmt is not None:
        if not isinstance(fmt, str) or "%" not in fmt:
            _add(problems, "time › format", "mapping_time_format_invalid")
        elif "column" not in out and "date" not in out:
            _add(problems, "time › format", "mapping_time_format_alone")
        else:
            out["format"] = fmt
    out["zone"] = _check_zone(time.get("zone"), "time › zone", problems)
    ending = time.get("hour_ending", False)
    if not isinstance(ending, bool):
        _add(problems, "time › hour_ending", "mapping_boolean")
    out["hour_ending"] = bool(ending)
    return out


def _check_parameter(spec: dict, where: str, problems: list[dict]) -> MeasuredColumn | None:
    code = str(spec.get("parameter", "")).strip().lower()
    code = validate.PARAMETER_ALIASES.get(code, code)
    if not code:
        _add(problems, where, "mapping_parameter_missing")
        return None
    if code not in parameters.BY_CODE:
        _add(
            problems,
            f"{where} › parameter",
            "mapping_parameter_unknown",
            parameter=str(spec.get("parameter")),
            air=list(parameters.AIR_CODES),
            water=list(parameters.WATER_CODES),
        )
        return None
    unit = "" if spec.get("unit") is None else str(spec.get("unit"))
    try:
        units.conversion(parameters.BY_CODE[code].id, unit)
    except RowProblem as exc:  # a row reason (.reasons.MESSAGES), placed in the mapping
        _add(problems, f"{where} › unit", exc.code, **exc.params)
    averaging = spec.get("averaging")
    if averaging is not None:
        averaging = str(averaging)
        folded = "".join(averaging.split()).lower()
        if folded not in validate.AVERAGING:
            _add(problems, f"{where} › averaging", "mapping_averaging_unknown", averaging=averaging)
    return MeasuredColumn(name="", parameter=code, unit=unit, averaging=averaging)


def _check_columns(columns, problems: list[dict]) -> list[MeasuredColumn]:
    if not isinstance(columns, dict) or not columns:
        _add(problems, "columns", "mapping_columns_none")
        return []
    out = []
    for name, spec in columns.items():
        where = f"columns › {name}"
        if not isinstance(spec, dict):
            _add(problems, where, "mapping_column_invalid")
            continue
        for key in sorted(set(spec) - _COLUMN_KEYS, key=str):
            _add(problems, where, "mapping_key_unknown", key=str(key), keys=_COLUMN_KEYS_SHOWN)
        column = _check_parameter(spec, where, problems)
        if column:
            column.name = str(name)
            column.flag = None if spec.get("flag") is None else str(spec["flag"])
            out.append(column)
    return out


def _check_openaq(raw: dict, out: Mapping, problems: list[dict]) -> None:
    locations = raw.get("locations") or {}
    if not isinstance(locations, dict):
        _add(problems, "locations", "mapping_locations_invalid")
    else:
        out.locations = {str(k): str(v) for k, v in locations.items()}
    sensors = raw.get("sensors") or {}
    if not isinstance(sensors, dict):
        _add(problems, "sensors", "mapping_sensors_invalid")
        return
    for sensor, spec in sensors.items():
        where = f"sensors › {sensor}"
        if not isinstance(spec, dict):
            _add(problems, where, "mapping_column_invalid")
            continue
        column = _check_parameter(spec, where, problems)
        if column:
            out.sensors[str(sensor)] = {
                "parameter": column.parameter,
                "unit": column.unit,
                "averaging": column.averaging,
            }


# --- reading a wide table ------------------------------------------------------------------


def _find(names: list[str], wanted: str) -> str | None:
    """The file's column called ``wanted``; case and surrounding spaces do not matter."""
    if wanted in names:
        return wanted
    folded = {n.strip().lower(): n for n in reversed(names)}
    return folded.get(wanted.strip().lower())


def _resolve(mapping: Mapping, names: list[str]) -> dict[str, str]:
    """The mapping's column names -> the file's; every missing one is reported at once."""
    wanted = [c.name for c in mapping.columns]
    wanted += [c.flag for c in mapping.columns if c.flag]
    if mapping.station_column:
        wanted.append(mapping.station_column)
    wanted += [
        mapping.time[k]
        for k in ("column", "year", "month", "day", "hour", "date")
        if k in mapping.time
    ]
    found, missing = {}, []
    for name in wanted:
        actual = _find(names, name)
        if actual is None:
            missing.append(name)
        else:
            found[name] = actual
    if missing:
        raise IngestError(
            "mapping_columns_absent" if len(missing) > 1 else "mapping_column_absent",
            columns=[repr(m) for m in missing],
            found=[n.strip() for n in names if n != "row"],
        )
    return found


def _integer_text(expr: pl.Expr, width: int) -> pl.Expr:
    # spreadsheets give whole numbers as "3" or "3.0"
    return expr.str.strip_chars().str.replace(r"\.0+$", "").str.zfill(width)


def _time_text(mapping: Mapping, found: dict[str, str]) -> tuple[pl.Expr, str]:
    time = mapping.time
    if "column" in time:
        return pl.col(found[time["column"]]), time["column"].strip()
    hour = _integer_text(pl.col(found[time["hour"]]), 2) if "hour" in time else pl.lit("00")
    if "date" in time:
        date = pl.col(found[time["date"]]).str.strip_chars()
        if "format" not in time:  # a spreadsheet date cell reads "2024-03-01 00:00:00"
            date = date.str.replace(r"^(\d{4}-\d{2}-\d{2})[ T]00:00(:00)?$", "$1")
        names = [time["date"]] + ([time["hour"]] if "hour" in time else [])
        return pl.concat_str([date, pl.lit(" "), hour, pl.lit(":00")]), "/".join(names)
    parts = [
        _integer_text(pl.col(found[time["year"]]), 4),
        pl.lit("-"),
        _integer_text(pl.col(found[time["month"]]), 2),
        pl.lit("-"),
        _integer_text(pl.col(found[time["day"]]), 2),
        pl.lit(" "),
        hour,
        pl.lit(":00"),
    ]
    names = [time[k] for k in ("year", "month", "day", "hour") if k in time]
    return pl.concat_str(parts), "/".join(names)


def _time_formats(mapping: Mapping):
    fmt = mapping.time.get("format")
    if not fmt:
        return None
    if "date" in mapping.time:
        fmt = f"{fmt} %H:%M"
    return ((fmt, "%z" in fmt or "%#z" in fmt),)


def read_wide(path: Path, *, mapping, station=None) -> Source:
    """A wide table (CSV or XLSX) melted into long rows by its ``mapping``."""
    if mapping is None:
        raise IngestError("wide_needs_mapping")
    checked = load_mapping(mapping)
    if checked.format != "wide":
        raise IngestError("mapping_not_wide", format=checked.format)
    if station and not checked.station and not checked.station_column:
        checked.station = station
    if is_excel(path):
        sheet = read_excel(path, checked.sheet)
        names = [c for c in sheet.columns if c != "row"]
        raw_batches = excel_batches(sheet)
        decimal_comma = bool(checked.decimal_comma)
    else:
        header = read_csv_header(path, checked.separator)
        names = header.names
        raw_batches = csv_batches(path, header)
        decimal_comma = (
            header.separator == ";" if checked.decimal_comma is None else checked.decimal_comma
        )
    found = _resolve(checked, names)
    time_expr, time_name = _time_text(checked, found)
    station_name = checked.station_column.strip() if checked.station_column else "station"

    def melt(frame: pl.DataFrame) -> pl.DataFrame:
        station_expr = (
            pl.col(found[checked.station_column])
            if checked.station_column
            else pl.lit(checked.station)
        )
        base = frame.select("row", station_expr.alias("station"), time_expr.alias("time"))
        parts = []
        for column in checked.columns:
            value = frame[found[column.name]]
            keep = value.is_not_null() & ~value.str.strip_chars().is_in(checked.missing)
            parts.append(
                base.with_columns(
                    value=value,
                    parameter=pl.lit(column.parameter),
                    unit=pl.lit(column.unit),
                    averaging=pl.lit(column.averaging, dtype=pl.String),
                    flag=frame[found[column.flag]]
                    if column.flag
                    else pl.lit(None, dtype=pl.String),
                    column=pl.lit(column.name.strip()),
                    flag_column=pl.lit(
                        column.flag.strip() if column.flag else None, dtype=pl.String
                    ),
                    zone=pl.lit(checked.time.get("zone"), dtype=pl.String),
                ).filter(keep)
            )
        return pl.concat(parts).sort("row", maintain_order=True)

    return Source(
        "wide",
        (melt(frame) for frame in raw_batches),
        names={"station": station_name, "time": time_name},
        decimal_comma=decimal_comma,
        time_formats=_time_formats(checked),
        period_ending=checked.time.get("hour_ending", False),
    )
