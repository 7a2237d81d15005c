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
from .errors import IngestError
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
            raise IngestError(f"the mapping file could not be read: {exc}") from None
        mapping = text
    if isinstance(mapping, str):
        text = mapping
        try:
            mapping = yaml.safe_load(mapping)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
            where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
            what = "; ".join(
                str(part)
                for part in (getattr(exc, "context", None), getattr(exc, "problem", None))
                if part
            )
            raise IngestError(f"the mapping is not valid YAML{where}: {what or exc}") from None
    if not isinstance(mapping, dict):
        raise IngestError("the mapping must be a YAML dictionary (keys such as time: and columns:)")
    problems: list[str] = []
    result = _check(mapping, problems)
    if problems:
        raise IngestError("the mapping has problems: " + "; ".join(problems))
    result.text = text or yaml.safe_dump(mapping, allow_unicode=True, sort_keys=False)
    return result


def _check(raw: dict, problems: list[str]) -> Mapping:
    out = Mapping()
    for key in sorted(set(raw) - _TOP_KEYS, key=str):
        problems.append(f"unknown key {key!r} (expected one of {', '.join(sorted(_TOP_KEYS))})")
    out.format = str(raw.get("format", "wide"))
    if out.format not in ("wide", "openaq"):
        problems.append(f"format: {out.format!r} is not wide or openaq")
    out.sheet = raw.get("sheet")
    if out.sheet is not None and not isinstance(out.sheet, str | int):
        problems.append("sheet: give the sheet's name or its number (1 = the first)")
    if isinstance(out.sheet, int) and out.sheet < 1:
        problems.append("sheet: sheets are numbered from 1")
    out.separator = raw.get("separator")
    if out.separator is not None and out.separator not in (",", ";", "\t"):
        problems.append("separator: use ',', ';' or a tab")
    out.decimal_comma = raw.get("decimal_comma")
    if out.decimal_comma is not None and not isinstance(out.decimal_comma, bool):
        problems.append("decimal_comma: use true or false")
    station, station_column = raw.get("station"), raw.get("station_column")
    out.station = None if station is None else str(station)
    out.station_column = None if station_column is None else str(station_column)
    if out.station and out.station_column:
        problems.append("give station (one station for the whole file) or station_column, not both")
    missing = raw.get("missing", list(DEFAULT_MISSING))
    if not isinstance(missing, list) or not all(isinstance(m, str | int | float) for m in missing):
        problems.append("missing: give a list of texts that mean 'no value', e.g. ['-', 'NA']")
    else:
        out.missing = tuple(str(m) for m in missing)
    if out.format == "openaq":
        _check_openaq(raw, out, problems)
        return out
    if not out.station and not out.station_column:
        problems.append(
            "give station (the code of the one station of the file) or station_column "
            "(the column holding station codes)"
        )
    out.time = _check_time(raw.get("time"), problems)
    out.columns = _check_columns(raw.get("columns"), problems)
    return out


def _check_zone(zone, where: str, problems: list[str]) -> str | None:
    if zone is None or str(zone).lower() == "station":
        return None
    zone = str(zone)
    if zone.upper() == "UTC" or _OFFSET_ZONE.match(zone):
        return "UTC" if zone.upper() == "UTC" else zone
    if zone not in zoneinfo.available_timezones():
        problems.append(
            f"{where}: {zone!r} is not a time zone; use an IANA name such as Asia/Bangkok, "
            "UTC, an offset such as +07:00, or station (each station's own zone)"
        )
        return None
    return zone


def _check_time(time, problems: list[str]) -> dict:
    if isinstance(time, str):
        time = {"column": time}
    if not isinstance(time, dict):
        problems.append(
            "time: say where the time is, e.g. time: {column: Date} or "
            "time: {year: Year, month: Month, day: Day, hour: Hour}"
        )
        return {}
    for key in sorted(set(time) - _TIME_KEYS, key=str):
        problems.append(
            f"time: unknown key {key!r} (expected one of {', '.join(sorted(_TIME_KEYS))})"
        )
    out = {
        k: str(v)
        for k, v in time.items()
        if k in ("column", "year", "month", "day", "hour", "date")
    }
    parts = [k for k in ("year", "month", "day") if k in out]
    modes = ("column" in out) + (len(parts) > 0) + ("date" in out)
    if modes != 1:
        problems.append(
            "time: give exactly one of column (a date and time), year + month + day "
            "(+ hour), or date (+ hour)"
        )
    elif parts and len(parts) != 3:
        problems.append("time: year, month and day go together")
    if "hour" in out and "column" in out:
        problems.append("time: hour goes with year/month/day or with date, not with column")
    fmt = time.get("format")
    if fmt is not None:
        if not isinstance(fmt, str) or "%" not in fmt:
            problems.append("time › format: give a strftime format such as '%d/%m/%Y %H:%M'")
        elif "column" not in out and "date" not in out:
            problems.append("time › format: only with column or date")
        else:
            out["format"] = fmt
    out["zone"] = _check_zone(time.get("zone"), "time › zone", problems)
    ending = time.get("hour_ending", False)
    if not isinstance(ending, bool):
        problems.append("time › hour_ending: use true or false")
    out["hour_ending"] = bool(ending)
    return out


def _check_parameter(spec: dict, where: str, problems: list[str]) -> MeasuredColumn | None:
    code = str(spec.get("parameter", "")).strip().lower()
    code = validate.PARAMETER_ALIASES.get(code, code)
    if not code:
        problems.append(f"{where}: parameter is missing")
        return None
    if code not in parameters.BY_CODE:
        problems.append(
            f"{where} › parameter: unknown parameter {spec.get('parameter')!r} "
            f"(air: {', '.join(parameters.AIR_CODES)}; water: {', '.join(parameters.WATER_CODES)})"
        )
        return None
    unit = "" if spec.get("unit") is None else str(spec.get("unit"))
    try:
        units.conversion(parameters.BY_CODE[code].id, unit)
    except ValueError as exc:
        problems.append(f"{where} › unit: {exc}")
    averaging = spec.get("averaging")
    if averaging is not None:
        averaging = str(averaging)
        folded = "".join(averaging.split()).lower()
        if folded not in validate.AVERAGING:
            problems.append(f"{where} › averaging: {averaging!r} is not 1h, 8h, 24h or grab")
    return MeasuredColumn(name="", parameter=code, unit=unit, averaging=averaging)


def _check_columns(columns, problems: list[str]) -> list[MeasuredColumn]:
    if not isinstance(columns, dict) or not columns:
        problems.append(
            "columns: list the measured columns, e.g. columns: {PM2.5: {parameter: pm25, "
            "unit: µg/m³}}"
        )
        return []
    out = []
    for name, spec in columns.items():
        where = f"columns › {name}"
        if not isinstance(spec, dict):
            problems.append(
                f"{where}: give parameter and unit, e.g. {{parameter: pm25, unit: µg/m³}}"
            )
            continue
        for key in sorted(set(spec) - _COLUMN_KEYS, key=str):
            problems.append(
                f"{where}: unknown key {key!r} (expected parameter, unit, averaging, flag)"
            )
        column = _check_parameter(spec, where, problems)
        if column:
            column.name = str(name)
            column.flag = None if spec.get("flag") is None else str(spec["flag"])
            out.append(column)
    return out


def _check_openaq(raw: dict, out: Mapping, problems: list[str]) -> None:
    locations = raw.get("locations") or {}
    if not isinstance(locations, dict):
        problems.append(
            "locations: give OpenAQ location ids and station codes, e.g. {2178: TH-05T}"
        )
    else:
        out.locations = {str(k): str(v) for k, v in locations.items()}
    sensors = raw.get("sensors") or {}
    if not isinstance(sensors, dict):
        problems.append("sensors: give OpenAQ sensor ids with parameter and unit")
        return
    for sensor, spec in sensors.items():
        where = f"sensors › {sensor}"
        if not isinstance(spec, dict):
            problems.append(
                f"{where}: give parameter and unit, e.g. {{parameter: pm25, unit: µg/m³}}"
            )
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
            f"the mapping names column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(repr(m) for m in missing)} but the file has: "
            f"{', '.join(n.strip() for n in names if n != 'row')}"
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
        raise IngestError(
            "a wide table needs a mapping (--mapping FILE; see docs/ingest-mapping.md)"
        )
    checked = load_mapping(mapping)
    if checked.format != "wide":
        raise IngestError(f"the mapping is for {checked.format} files, not for a wide table")
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
