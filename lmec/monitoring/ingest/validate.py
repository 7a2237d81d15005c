"""Row validation, vectorised: raw text columns in, typed rows and :class:`RowError` out.

A batch is a polars DataFrame of strings with the long-table columns ``station,
parameter, unit, time, value`` and optionally ``averaging, flag``, plus ``row`` (the file's
data-row number) and, from some readers, ``column`` (the file's name of the value's column,
for wide tables) and ``zone`` (the time zone of times without an offset, from a mapping).
Every check runs on whole columns; Python touches only the rows that fail, and only as many
as the report keeps.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

import polars as pl

from .. import parameters
from ..parameters import Flag
from . import times, units
from .errors import Report, RowError, RowProblem

#: Averaging written in a file -> hours (0 = grab sample).
AVERAGING = {
    "1h": 1,
    "1hr": 1,
    "1hour": 1,
    "60min": 1,
    "8h": 8,
    "8hr": 8,
    "8hour": 8,
    "24h": 24,
    "24hr": 24,
    "24hour": 24,
    "1d": 24,
    "grab": 0,
}
DEFAULT_AVERAGING = {parameters.AIR: 1, parameters.WATER: 0}

#: Provider flags: what a file's ``flag`` column may say. Empty means valid.
VALID_FLAGS = ("valid", "ok", "v", "0")
INVALID_FLAGS = ("invalid", "i", "suspect", "s", "bad", "x", "1")
FLAG_WORDS = {**dict.fromkeys(VALID_FLAGS, 0), **dict.fromkeys(INVALID_FLAGS, Flag.PROVIDER)}

#: Parameter spellings seen in files besides the codes themselves.
PARAMETER_ALIASES = {
    "pm2.5": "pm25",
    "pm2_5": "pm25",
    "pm_25": "pm25",
    "pm_10": "pm10",
    "nh3-n": "nh3_n",
    "nh4-n": "nh3_n",
    "no3-n": "no3_n",
    "codmn": "cod_mn",
    "cod_cr": "cod",
    "bod": "bod5",
    "temperature": "temp",
    "conductivity": "ec",
}

#: A time may lie this far ahead of the server's clock (clocks of loggers drift).
FUTURE_TOLERANCE = dt.timedelta(minutes=10)

CENSOR_CODES = {"": 0, "<": 1, ">": 2}
CENSOR_TEXT = {0: "", 1: "<", 2: ">"}

#: Columns of a validated batch.
CLEAN_SCHEMA = {
    "row": pl.Int64,
    "station": pl.Int32,
    "parameter": pl.Int16,
    "averaging": pl.Int16,
    "time": pl.Datetime("us"),
    "value": pl.Float64,
    "raw_value": pl.Float64,
    "raw_unit": pl.Categorical,
    "censor": pl.UInt8,
    "flags": pl.UInt16,
}


@dataclass
class Lookups:
    """The stations and what they measure, read once per ingest."""

    station_ids: dict[str, int]  # code -> id
    codes: dict[int, str]
    kinds: dict[int, str]
    zones: dict[int, str]
    allowed: dict[int, bool]
    pairs: list[int] = field(default_factory=list)  # station_id * 1000 + parameter id
    stations: pl.DataFrame = field(default_factory=pl.DataFrame)  # station, allowed, kind, zone

    @classmethod
    def load(cls, allowed_stations=None) -> Lookups:
        from ..models import Station, StationParameter

        rows = list(Station.objects.values_list("id", "code", "kind", "time_zone"))
        pairs = list(StationParameter.objects.values_list("station_id", "parameter"))
        return cls.build(rows, pairs, allowed_stations)

    @classmethod
    def build(cls, rows, pairs, allowed_stations=None) -> Lookups:
        """From ``(id, code, kind, time_zone)`` rows and ``(station_id, parameter)`` pairs."""
        permitted = None if allowed_stations is None else {int(s) for s in allowed_stations}
        stations = pl.DataFrame(
            {
                "station": [r[0] for r in rows],
                "allowed": [permitted is None or r[0] in permitted for r in rows],
                "kind": [r[2] for r in rows],
                "zone": [r[3] for r in rows],
            },
            schema={
                "station": pl.Int32,
                "allowed": pl.Boolean,
                "kind": pl.String,
                "zone": pl.String,
            },
        )
        return cls(
            stations=stations,
            station_ids={code: id for id, code, _k, _z in rows},
            codes={id: code for id, code, _k, _z in rows},
            kinds={id: kind for id, _c, kind, _z in rows},
            zones={id: zone for id, _c, _k, zone in rows},
            allowed={id: permitted is None or id in permitted for id, *_ in rows},
            pairs=[station_id * 1000 + parameter_id for station_id, parameter_id in pairs],
        )


_PARAMETER_SPELLINGS = {p.code: p.id for p in parameters.PARAMETERS} | {
    alias: parameters.BY_CODE[code].id for alias, code in PARAMETER_ALIASES.items()
}
_PARAMETER_KIND = {p.id: p.kind for p in parameters.PARAMETERS}


def _fold_word(s: pl.Series) -> pl.Series:
    return s.str.strip_chars().str.to_lowercase().str.replace_all(" ", "", literal=True)


def _fold_code(s: pl.Series) -> pl.Series:
    return s.str.strip_chars().str.to_uppercase()


def _map_words(s: pl.Series, mapping: dict, dtype, fold=_fold_word, folded: dict | None = None):
    """Look every value of ``s`` up in ``mapping``; values that miss are looked up again
    after ``fold`` (strip, lower case) in ``folded`` (default: ``mapping`` with folded keys).
    Folding costs more than the look-up, so it is done only for the misses."""
    out = s.replace_strict(mapping, default=None, return_dtype=dtype)
    miss = out.is_null() & s.is_not_null()
    if miss.any():
        if folded is None:
            keys = fold(pl.Series(list(mapping), dtype=pl.String)).to_list()
            folded = dict(zip(keys, mapping.values(), strict=True))
        index = miss.arg_true()
        again = fold(s.gather(index)).replace_strict(folded, default=None, return_dtype=dtype)
        out = out.scatter(index, again)
    return out


def _scatter(base: pl.Series, index: pl.Series, values: pl.Series) -> pl.Series:
    return base.scatter(index, values) if index.len() else base


@dataclass
class Batch:
    """One validated batch: the good rows and how many rows were refused."""

    clean: pl.DataFrame
    refused: int


def validate(
    raw: pl.DataFrame,
    lookups: Lookups,
    report: Report,
    *,
    names: dict[str, str] | None = None,
    decimal_comma: bool = False,
    time_formats=None,
    period_ending: bool = False,
    now: dt.datetime | None = None,
) -> Batch:
    """Check every row of ``raw``; add errors to ``report``; return the good rows typed.

    ``names`` maps the long-table column names to the file's own (for messages);
    ``decimal_comma`` reads ``12,5`` as 12.5 (files separated by semicolons);
    ``time_formats`` replaces the ISO 8601 formats (a mapping's ``format``);
    ``period_ending`` says times label the end of the averaging period (they are moved to
    its start); ``now`` is the naive-UTC instant past which a time is in the future.
    """
    names = dict(_NAMES, **(names or {}))
    now = (now or times.utc_now()) + FUTURE_TOLERANCE
    n = raw.height
    blank = pl.repeat(None, n, dtype=pl.String, eager=True)
    col = {
        c: raw[c] if c in raw.columns else blank for c in (*_NAMES, "column", "flag_column", "zone")
    }

    station = _map_words(col["station"], lookups.station_ids, pl.Int32, _fold_code)
    about = pl.DataFrame({"station": station}).join(
        lookups.stations, on="station", how="left", maintain_order="left"
    )
    allowed, kind, station_zone = about["allowed"], about["kind"], about["zone"]
    parameter = _map_words(col["parameter"], _PARAMETER_SPELLINGS, pl.Int16)
    parameter_kind = parameter.replace_strict(_PARAMETER_KIND, default=None, return_dtype=pl.String)
    measured = (station.cast(pl.Int64) * 1000 + parameter.cast(pl.Int64)).is_in(lookups.pairs)

    # unit -> linear map to the canonical unit, decided once per (parameter, unit) pair:
    # the pair is one integer (parameter id, category code of the unit text)
    unit_text = col["unit"].fill_null("")
    unit = unit_text.cast(pl.Categorical)
    key = (parameter.cast(pl.Int64) * (1 << 32)) + unit.to_physical().cast(pl.Int64)
    conversions = []
    for i in key.arg_unique().to_list():
        if key[i] is None:
            continue
        try:
            scale, offset = units.conversion(parameter[i], unit_text[i])
            conversions.append((key[i], scale, offset, None))
        except RowProblem as exc:
            # the reason's code and parameters, for the report (see _r_unit)
            problem = json.dumps([exc.code, exc.params], ensure_ascii=False)
            conversions.append((key[i], None, None, problem))
    unit_table = pl.DataFrame(
        conversions,
        schema={
            "key": pl.Int64,
            "scale": pl.Float64,
            "offset": pl.Float64,
            "unit_error": pl.String,
        },
        orient="row",
    )
    converted = pl.DataFrame({"key": key}).join(
        unit_table, on="key", how="left", maintain_order="left"
    )

    # value: a number, or a censored one ("<0.01", "> 500"), spaces and decimal commas
    # handled only for the values that are not plain numbers
    value_text = col["value"]
    number = value_text.cast(pl.Float64, strict=False)
    censor = pl.repeat(0, n, dtype=pl.UInt8, eager=True)
    retry = (number.is_null() & value_text.is_not_null()).arg_true()
    if retry.len():
        text = value_text.gather(retry).str.strip_chars()
        sign = (
            pl.select(
                pl.when(text.str.starts_with("<"))
                .then(1)
                .when(text.str.starts_with(">"))
                .then(2)
                .otherwise(0)
            )
            .to_series()
            .cast(pl.UInt8)
        )
        digits = pl.select(
            pl.when(sign > 0).then(text.str.slice(1).str.strip_chars()).otherwise(text)
        ).to_series()
        if decimal_comma:
            digits = digits.str.replace(",", ".", literal=True)
        number = _scatter(number, retry, digits.cast(pl.Float64, strict=False))
        censor = _scatter(censor, retry, sign)
    number = pl.select(pl.when(number.is_finite()).then(number)).to_series()

    # averaging: empty means the parameter's default (1h for air, grab for water)
    averaging = _map_words(col["averaging"], AVERAGING | {"": -1}, pl.Int16)
    unset = col["averaging"].is_null() | (averaging == -1).fill_null(False)
    if unset.any():
        default = parameter_kind.replace_strict(
            DEFAULT_AVERAGING, default=None, return_dtype=pl.Int16
        )
        averaging = pl.select(pl.when(unset).then(default).otherwise(averaging)).to_series()
    flags = _map_words(col["flag"].fill_null(""), FLAG_WORDS | {"": 0}, pl.UInt16)

    # time: with an offset as given, else in the zone of the mapping or of the station
    parsed, has_offset = times.parse(col["time"], time_formats or times.FORMATS)
    if has_offset.all():
        utc = parsed
    else:
        zones = pl.select(pl.coalesce(col["zone"], station_zone)).to_series()
        local = times.localize(parsed, zones)
        utc = pl.select(pl.when(has_offset).then(parsed).otherwise(local)).to_series()
    if period_ending:
        utc = utc - pl.select(pl.duration(hours=averaging.fill_null(0))).to_series()

    # a row is bad exactly when one of these cheap tests fails; the detailed checks that
    # name the reason run on those rows only
    suspect = (
        station.is_null()
        | parameter.is_null()
        | ~allowed.fill_null(True)
        | (kind != parameter_kind).fill_null(False)
        | ~measured.fill_null(False)
        | converted["unit_error"].is_not_null()
        | utc.is_null()
        | (utc > now).fill_null(False)
        | number.is_null()
        | averaging.is_null()
        | flags.is_null()
    )
    refused = int(suspect.sum())
    if refused:
        index = suspect.arg_true()
        bad = pl.DataFrame(
            {
                **{
                    c: col[c].gather(index)
                    for c in (*_NAMES, "column", "flag_column", "zone")
                    if c != "unit"
                },
                "unit": unit_text.gather(index),
                "row": raw["row"].gather(index),
                "station_id": station.gather(index),
                "code": station.gather(index).replace_strict(
                    lookups.codes, default=None, return_dtype=pl.String
                ),
                "allowed": allowed.gather(index),
                "kind": kind.gather(index),
                "station_zone": station_zone.gather(index),
                "parameter_id": parameter.gather(index),
                "parameter_kind": parameter_kind.gather(index),
                "measured": measured.gather(index),
                "unit_error": converted["unit_error"].gather(index),
                "_parsed": parsed.gather(index),
                "_time": utc.gather(index),
                "_raw": number.gather(index),
                "_averaging": averaging.gather(index),
                "_flags": flags.gather(index),
            }
        )
        _collect_errors(bad, _checks(now), names, report)

    keep = ~suspect
    clean = pl.DataFrame(
        {
            "row": raw["row"].cast(pl.Int64),
            "station": station,
            "parameter": parameter,
            "averaging": averaging,
            "time": utc,
            "value": number * converted["scale"] + converted["offset"],
            "raw_value": number,
            "raw_unit": unit,
            "censor": censor,
            "flags": flags,
        }
    ).filter(keep)
    return Batch(clean=clean, refused=refused)


LONG_COLUMNS = ("station", "parameter", "unit", "time", "value", "averaging", "flag")
_NAMES = {c: c for c in LONG_COLUMNS}


def _checks(now):
    """(column, mask, reason) of each detailed check, over the bad rows only; ``reason(row)``
    gives a :class:`RowProblem`."""
    blank = lambda c: pl.col(c).is_null() | (pl.col(c).str.strip_chars() == "")  # noqa: E731
    station_ok = pl.col("station_id").is_not_null()
    parameter_ok = pl.col("parameter_id").is_not_null()
    same_kind = pl.col("kind") == pl.col("parameter_kind")
    return [
        ("station", blank("station"), _r_empty_station),
        ("station", ~station_ok & ~blank("station"), _r_unknown_station),
        ("station", station_ok & ~pl.col("allowed"), _r_not_allowed),
        ("parameter", blank("parameter"), _r_empty_parameter),
        ("parameter", ~parameter_ok & ~blank("parameter"), _r_unknown_parameter),
        ("parameter", station_ok & parameter_ok & ~same_kind, _r_wrong_kind),
        ("parameter", station_ok & parameter_ok & same_kind & ~pl.col("measured"), _r_not_measured),
        ("unit", parameter_ok & pl.col("unit_error").is_not_null(), _r_unit),
        ("time", blank("time"), _r_empty_time),
        ("time", pl.col("_parsed").is_null() & ~blank("time"), _r_bad_time),
        (
            "time",
            pl.col("_parsed").is_not_null() & pl.col("_time").is_null() & station_ok,
            _r_no_such_local_time,
        ),
        ("time", pl.col("_time") > now, _r_future(now - FUTURE_TOLERANCE)),
        ("value", blank("value"), _r_empty_value),
        ("value", pl.col("_raw").is_null() & ~blank("value"), _r_not_a_number),
        ("averaging", parameter_ok & pl.col("_averaging").is_null(), _r_averaging),
        ("flag", pl.col("_flags").is_null(), _r_flag),
    ]


def _collect_errors(bad: pl.DataFrame, checks, names, report: Report) -> None:
    masks = bad.select(
        [expr.fill_null(False).alias(f"_bad{k}") for k, (_c, expr, _r) in enumerate(checks)]
    )
    room = report.room
    found: list[RowError] = []
    total = 0
    for k, (column, _expr, reason) in enumerate(checks):
        mask = masks[f"_bad{k}"]
        count = int(mask.sum())
        if not count:
            continue
        total += count
        if room:
            for record in bad.filter(mask).head(room).iter_rows(named=True):
                if column in ("value", "unit") and record["column"]:
                    name = record["column"]
                elif column == "flag" and record["flag_column"]:
                    name = record["flag_column"]
                else:
                    name = names[column]
                text = record.get(column)
                value = "" if text is None else str(text)
                found.append(RowError.of(record["row"], name, value, reason(record)))
    found.sort(key=lambda e: e.row)
    report.extend(found, total)


# Reasons, in words for the people who sent the file (codes and messages: .reasons).
def _r_empty_station(r):
    return RowProblem("station_missing")


def _r_unknown_station(r):
    return RowProblem("station_unknown", station=r["station"].strip())


def _r_not_allowed(r):
    return RowProblem("station_not_allowed", station=r["code"] or r["station"].strip())


def _r_empty_parameter(r):
    return RowProblem("parameter_missing")


def _r_unknown_parameter(r):
    return RowProblem(
        "parameter_unknown", parameter=r["parameter"].strip(), air=", ".join(parameters.AIR_CODES)
    )


def _r_wrong_kind(r):
    code = parameters.BY_ID[r["parameter_id"]].code
    if r["parameter_kind"] == parameters.AIR:
        return RowProblem("parameter_air_at_water_site", parameter=code, station=r["code"])
    return RowProblem("parameter_water_at_air_station", parameter=code, station=r["code"])


def _r_not_measured(r):
    code = parameters.BY_ID[r["parameter_id"]].code
    return RowProblem("parameter_not_measured", station=r["code"], parameter=code)


def _r_unit(r):
    code, params = json.loads(r["unit_error"])
    return RowProblem(code, **params)


def _r_empty_time(r):
    return RowProblem("time_missing")


def _r_bad_time(r):
    return RowProblem(
        "time_invalid", example="2024-03-01T13:00+07:00", other_example="2024-03-01 13:00"
    )


def _r_no_such_local_time(r):
    return RowProblem("time_skipped", zone=r["zone"] or r["station_zone"])


def _r_future(now):
    def reason(r):
        return RowProblem("time_future", now=f"{now:%Y-%m-%d %H:%M}")

    return reason


def _r_empty_value(r):
    return RowProblem("value_missing")


def _r_not_a_number(r):
    return RowProblem("value_not_number", example="<0.01")


def _r_averaging(r):
    return RowProblem("averaging_unknown")


def _r_flag(r):
    return RowProblem(
        "flag_unknown", valid=", ".join(VALID_FLAGS), invalid=", ".join(INVALID_FLAGS)
    )
