"""Daily values (:class:`~lmec.monitoring.models.DailyValue`) from stored measurements.

A day is the station's local calendar day (its IANA time zone: Asia/Yangon is UTC+06:30,
Asia/Shanghai UTC+08:00), hour ``h`` covering ``[h:00, h+1:00)`` local time. Made from the
valid (unflagged) values only; what each field holds:

``mean``
    Mean of the day's valid hourly values (however many; ``count`` says how complete).
``count``, ``flagged``
    Valid hours; flagged hourly values.
``max_1h``
    Highest valid hourly value.
``max_8h``
    Highest of the 24 eight-hour running means ending in the day (the first covers the
    last 7 hours of the previous day and the first hour of this one), each mean valid with
    at least 6 of its 8 hours (GB 3095 Table 4, HJ 663); None without any valid window.
``hours``
    The 24 valid hourly values, packed by :func:`lmec.monitoring.hours.pack` (NaN where
    missing or flagged); the AQI standards make their own daily inputs from them.

Two values in one local hour (a station whose clock is on the half hour, a day when the
clocks change) are averaged into that hour. A day with no hourly data but a 24-hour mean
takes that mean (``count`` 24 when it is valid, ``hours`` empty); a day with only grab
samples (water) takes the mean of its valid samples (``count`` = valid samples). 8-hour
means reported as such do not make daily values.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import numpy as np
import polars as pl

MIN_HOURS_8H = 6
_PREVIOUS = 7  # hours of the previous day in the first 8-hour window

DAILY_SCHEMA = {
    "station": pl.Int32,
    "parameter": pl.Int16,
    "date": pl.Date,
    "mean": pl.Float64,
    "count": pl.Int16,
    "flagged": pl.Int16,
    "max_1h": pl.Float64,
    "max_8h": pl.Float64,
    "hours": pl.Binary,
}


def local_times(frame: pl.DataFrame, zones: dict[int, str]) -> pl.Series:
    """The naive-UTC ``time`` of each row as wall-clock time in its station's zone.

    Converting millions of instants one by one is slow, but a zone's offset changes only a
    few times a year: the offset is looked up once per distinct UTC hour and added; the
    rare hour in which the offset changes is converted row by row.
    """
    time = frame["time"]
    names = sorted(set(zones.values()))
    zone_of = {station: names.index(zone) for station, zone in zones.items()}
    which = frame["station"].replace_strict(zone_of, default=None, return_dtype=pl.Int64)
    hour = time.dt.epoch("s") // 3600
    key = which * (1 << 40) + hour
    steady, changing = {}, []
    distinct = pl.DataFrame({"key": key.unique().drop_nulls()}).with_columns(
        zone=pl.col("key") // (1 << 40), hour=pl.col("key") % (1 << 40)
    )
    for (index,), group in distinct.group_by("zone"):
        start = _offsets((group["hour"] * 3_600_000).cast(pl.Datetime("ms")), names[index])
        end = _offsets(((group["hour"] + 1) * 3_600_000 - 1).cast(pl.Datetime("ms")), names[index])
        steady.update(zip(group["key"].to_list(), start.to_list(), strict=True))
        changing += group["key"].filter(start != end).to_list()
    offset = key.replace_strict(steady, default=None, return_dtype=pl.Int64)
    if changing:  # a clock change inside the hour: convert those rows exactly
        rows = key.is_in(changing).arg_true()
        for index, zone in enumerate(names):
            here = rows.filter(which.gather(rows) == index)
            if here.len():
                offset = offset.scatter(here, _offsets(time.gather(here), zone))
    return (time.dt.epoch("us") + offset * 1_000_000).cast(pl.Datetime("us"))


def _offsets(instants: pl.Series, zone: str) -> pl.Series:
    """UTC offset [s] of ``zone`` at naive-UTC ``instants``."""
    local = (
        instants.dt.replace_time_zone("UTC").dt.convert_time_zone(zone).dt.replace_time_zone(None)
    )
    return (local.dt.epoch("ms") - instants.dt.epoch("ms")) // 1000


def day_start_utc(instant: dt.datetime, zone: str, days: int = 0) -> dt.datetime:
    """Naive UTC start of the local day of naive-UTC ``instant``, moved by ``days``."""
    tz = zoneinfo.ZoneInfo(zone)
    local = instant.replace(tzinfo=dt.UTC).astimezone(tz)
    start = dt.datetime.combine(local.date() + dt.timedelta(days=days), dt.time(), tz)
    return start.astimezone(dt.UTC).replace(tzinfo=None)


def date_start_utc(date: dt.date, zone: str) -> dt.datetime:
    """Naive UTC instant of local midnight starting ``date`` in ``zone``."""
    start = dt.datetime.combine(date, dt.time(), zoneinfo.ZoneInfo(zone))
    return start.astimezone(dt.UTC).replace(tzinfo=None)


def compute(frame: pl.DataFrame, days: pl.DataFrame, zones: dict[int, str]) -> pl.DataFrame:
    """Daily values of ``days`` (``station, parameter, date``) from ``frame``.

    ``frame`` holds the stored measurements (``station, parameter, averaging, time, value,
    flags``; any averaging; sorted by station, parameter, averaging and time) covering
    those days and the 7 hours before each; 8-hour rows are ignored. A day that has no rows
    gets no daily value. ``_local`` and ``date`` columns, if present, are taken as the
    local times and dates of the rows.
    """
    if frame.height == 0 or days.height == 0:
        return pl.DataFrame(schema=DAILY_SCHEMA)
    if (frame["averaging"] == 8).any():
        frame = frame.filter(pl.col("averaging") != 8)
    if "_local" not in frame.columns:
        local = local_times(frame, zones)
        frame = frame.with_columns(_local=local, date=local.dt.date())
    days = days.select("station", "parameter", "date").unique()
    hourly = frame if (frame["averaging"] == 1).all() else frame.filter(pl.col("averaging") == 1)
    from_hours = _from_hours(hourly).join(days, on=["station", "parameter", "date"], how="semi")
    others = frame.filter(pl.col("averaging") != 1).join(
        from_hours.select("station", "parameter", "date"),
        on=["station", "parameter", "date"],
        how="anti",
    )
    # a day with any hourly value is made from the hours, even if all are flagged
    hourly_days = hourly.select("station", "parameter", "date").unique()
    others = others.join(hourly_days, on=["station", "parameter", "date"], how="anti").join(
        days, on=["station", "parameter", "date"], how="semi"
    )
    parts = [from_hours]
    if others.height:
        parts.append(_from_means(others))
    return pl.concat(parts).sort("station", "parameter", "date")


def _from_hours(hourly: pl.DataFrame) -> pl.DataFrame:
    """Daily values of every day present in ``hourly`` (with ``_local`` and ``date``,
    sorted by station, parameter and time)."""
    if hourly.height == 0:
        return pl.DataFrame(schema=DAILY_SCHEMA)
    valid = hourly["flags"] == 0
    slots = hourly.select(
        "station",
        "parameter",
        "date",
        pos=pl.col("_local").dt.hour().cast(pl.Int8),
        value=pl.when(valid).then(pl.col("value")),
        valid=valid,
    )
    # one value per local hour: average the rare collisions (half-hour clocks, clock changes)
    collide = (
        (slots["station"] == slots["station"].shift(1))
        & (slots["parameter"] == slots["parameter"].shift(1))
        & (slots["date"] == slots["date"].shift(1))
        & (slots["pos"] == slots["pos"].shift(1))
    ).fill_null(False)
    flagged_rows = (~valid).cast(pl.Int32)
    if collide.any():
        slots = slots.group_by("station", "parameter", "date", "pos", maintain_order=True).agg(
            value=pl.col("value").mean(), valid=pl.col("valid").any()
        )
    key = (
        slots["station"].cast(pl.Int64) * (1 << 20) + slots["parameter"].cast(pl.Int64) * (1 << 8)
    ).to_numpy()
    date = slots["date"].cast(pl.Int32).to_numpy()
    new_day = np.ones(len(key), dtype=bool)
    new_day[1:] = (key[1:] != key[:-1]) | (date[1:] != date[:-1])
    day_index = np.cumsum(new_day) - 1
    n_days = int(day_index[-1]) + 1
    grid = np.full((n_days, 24), np.nan)
    values = slots["value"].to_numpy()
    ok = ~np.isnan(values)
    grid[day_index[ok], slots["pos"].to_numpy()[ok]] = values[ok]

    firsts = np.flatnonzero(new_day)
    day_key, day_date = key[firsts], date[firsts]
    # flagged hourly values per day, counted on the rows (not the averaged slots)
    row_key = (
        hourly["station"].cast(pl.Int64) * (1 << 20) + hourly["parameter"].cast(pl.Int64) * (1 << 8)
    ).to_numpy()
    row_date = hourly["date"].cast(pl.Int32).to_numpy()
    row_new = np.ones(len(row_key), dtype=bool)
    row_new[1:] = (row_key[1:] != row_key[:-1]) | (row_date[1:] != row_date[:-1])
    flagged = np.bincount(np.cumsum(row_new) - 1, weights=flagged_rows.to_numpy(), minlength=n_days)

    count = np.isfinite(grid).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        total = np.nansum(grid, axis=1)
        mean = np.where(count > 0, total / np.maximum(count, 1), np.nan)
    max_1h = np.where(
        count > 0, np.nanmax(np.where(np.isfinite(grid), grid, -np.inf), axis=1), np.nan
    )

    # 8-hour running means ending in each hour of the day, reaching 7 hours back
    previous = np.full((n_days, _PREVIOUS), np.nan)
    has_previous = np.zeros(n_days, dtype=bool)
    has_previous[1:] = (day_key[1:] == day_key[:-1]) & (day_date[1:] - day_date[:-1] == 1)
    previous[has_previous] = grid[np.flatnonzero(has_previous) - 1, 24 - _PREVIOUS :]
    extended = np.concatenate([previous, grid], axis=1)
    present = np.isfinite(extended)
    zeros = np.zeros((n_days, 1))
    sums = np.concatenate([zeros, np.cumsum(np.where(present, extended, 0.0), axis=1)], axis=1)
    counts = np.concatenate([zeros, np.cumsum(present, axis=1)], axis=1)
    end = np.arange(_PREVIOUS + 1, _PREVIOUS + 25)  # windows ending at hours 0..23
    window_count = counts[:, end] - counts[:, end - 8]
    with np.errstate(invalid="ignore", divide="ignore"):
        window_mean = (sums[:, end] - sums[:, end - 8]) / window_count
    window_mean = np.where(window_count >= MIN_HOURS_8H, window_mean, -np.inf)
    max_8h = window_mean.max(axis=1)
    max_8h = np.where(np.isfinite(max_8h), max_8h, np.nan)

    packed = grid.astype("<f4")
    return pl.DataFrame(
        {
            "station": slots["station"].gather(firsts),
            "parameter": slots["parameter"].gather(firsts),
            "date": slots["date"].gather(firsts),
            "mean": mean,
            "count": count.astype(np.int16),
            "flagged": flagged.astype(np.int16),
            "max_1h": max_1h,
            "max_8h": max_8h,
            "hours": [row.tobytes() for row in packed],
        },
        schema=DAILY_SCHEMA,
    ).with_columns(pl.col("mean", "max_1h", "max_8h").fill_nan(None))


def _from_means(frame: pl.DataFrame) -> pl.DataFrame:
    """Days with 24-hour means (preferred) or grab samples only."""
    frame = frame.with_columns(
        rank=pl.when(pl.col("averaging") == 24).then(0).otherwise(1),
        valid=pl.col("flags") == 0,
    )
    best = frame.group_by("station", "parameter", "date").agg(pl.col("rank").min())
    frame = frame.join(best, on=["station", "parameter", "date", "rank"], how="semi")
    return (
        frame.group_by("station", "parameter", "date")
        .agg(
            mean=pl.col("value").filter(pl.col("valid")).mean(),
            valid=pl.col("valid").sum(),
            flagged=(~pl.col("valid")).sum(),
            rank=pl.col("rank").first(),
        )
        .select(
            "station",
            "parameter",
            "date",
            "mean",
            count=pl.when(pl.col("rank") == 0)
            .then(pl.when(pl.col("valid") > 0).then(24).otherwise(0))
            .otherwise(pl.col("valid"))
            .cast(pl.Int16),
            flagged=pl.col("flagged").cast(pl.Int16),
            max_1h=pl.lit(None, dtype=pl.Float64),
            max_8h=pl.lit(None, dtype=pl.Float64),
            hours=pl.lit(b"", dtype=pl.Binary),
        )
    )
