"""Merging validated rows into what is stored: new, replaced, unchanged; flags; daily values.

For every touched series (station, parameter, averaging) the stored rows in a window
around the incoming time range are read once. Keys not stored go insert-only; stored keys
with the same value are "unchanged" and not written; stored keys with another value are
replaced, the old row kept as a :class:`~lmec.monitoring.models.MeasurementRevision`.

Hourly series are then checked for spikes and flat lines over incoming and stored hours
together (:func:`.qaqc.series_flags`), so that a batch of one hour after stored hours, or
a later batch that confirms an earlier spike or extends a flat run, flags correctly; stored
neighbours whose flags change are updated. The window reaches ``REACH_HOURS`` (7) hours
beyond the incoming range for the flags that can change and twice that for the context
that decides them, and whole local days (plus the 7 hours before) for the daily values.
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from ..parameters import Flag
from . import daily, qaqc
from .errors import Report, RowError, RowProblem
from .store import CENSOR_TEXT, KEY, STORED_SCHEMA, Store

SERIES = ["station", "parameter", "averaging"]
STORED_KEY = {k: STORED_SCHEMA[k] for k in KEY}
_REACH = dt.timedelta(hours=qaqc.REACH_HOURS)
_HOUR = dt.timedelta(hours=1)
_DAY_BEFORE = dt.timedelta(hours=8)  # the 7 hours of the previous day in max_8h, and one more


@dataclass
class Outcome:
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    flagged: int = 0
    reflagged: int = 0
    daily: int = 0
    refused: int = 0
    touched: dict = field(default_factory=dict)
    #: the days whose daily values were written, one int64 each (see :func:`day_keys`):
    #: a day that two blocks of one input touch counts once
    days: pl.Series | None = None

    def add(self, other: Outcome) -> None:
        """Add the counts of a later block of the same input; ``touched`` spans merge."""
        for name in ("stored", "replaced", "unchanged", "flagged", "reflagged"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.refused += other.refused
        if other.days is not None:
            both = other.days if self.days is None else pl.concat([self.days, other.days])
            self.days = both.unique()
            self.daily = self.days.len()
        for station, (first, last) in other.touched.items():
            if station in self.touched:
                first = min(first, self.touched[station][0])
                last = max(last, self.touched[station][1])
            self.touched[station] = (first, last)


def windows(incoming: pl.DataFrame, zones: dict[int, str]) -> pl.DataFrame:
    """Per series: the stored rows to read (``lo``..``hi``) and the part of them whose
    spike/flat flags may change (``inner_lo``..``inner_hi``), naive UTC."""
    series = incoming.group_by(SERIES).agg(first=pl.col("time").min(), last=pl.col("time").max())
    rows = []
    for station, parameter, averaging, first, last in series.iter_rows():
        if averaging == 1:
            zone = zones[station]
            inner_lo, inner_hi = first - _REACH, last + _REACH
            lo = min(daily.day_start_utc(inner_lo, zone) - _DAY_BEFORE, first - 2 * _REACH - _HOUR)
            hi = max(daily.day_start_utc(inner_hi, zone, days=2), last + 2 * _REACH + _HOUR)
        else:
            lo = inner_lo = first
            hi = inner_hi = last
        rows.append((station, parameter, averaging, lo, hi, inner_lo, inner_hi))
    return pl.DataFrame(
        rows,
        schema={
            "station": pl.Int32,
            "parameter": pl.Int16,
            "averaging": pl.Int16,
            "lo": pl.Datetime("us"),
            "hi": pl.Datetime("us"),
            "inner_lo": pl.Datetime("us"),
            "inner_hi": pl.Datetime("us"),
        },
        orient="row",
    )


def apply(
    incoming: pl.DataFrame,
    store: Store,
    *,
    upload_id: int,
    zones: dict[int, str],
    now: dt.datetime,
    progress=None,
    errors: Report | None = None,
) -> Outcome:
    """Store ``incoming`` (validated, point-flagged, one row per key, sorted by key) in the
    current transaction.

    An input is stored block by block, each block one call in the same transaction, so
    rows stored by earlier blocks of the same upload (``upload_id``) are among the stored
    rows here: the spike, flat-line and daily checks see them as neighbours, a repeat of
    one with the same value counts unchanged, and one with a different value is refused
    (added to ``errors``, counted in ``refused``; the earlier row stays).
    """
    outcome = Outcome()
    if incoming.height == 0:
        return outcome
    report = progress or (lambda *args: None)
    spans = windows(incoming, zones)
    store.lock(spans["station"].unique().to_list())
    stored = store.fetch(spans)
    report("compare", 0, incoming.height)
    if stored.height and (stored["upload"] == upload_id).any():
        incoming, outcome.refused = _refuse_repeats(incoming, stored, upload_id, errors)
        if incoming.height == 0:
            return outcome

    # classify: 0 unchanged, 1 new, 2 replaced
    if stored.height:
        joined = incoming.join(
            stored.select(*KEY, "value", "raw_value", "raw_unit", "censor", "flags", "upload"),
            on=KEY,
            how="left",
            suffix="_old",
            maintain_order="left",
        )
        same = (
            (pl.col("value") == pl.col("value_old"))
            & (pl.col("raw_value") == pl.col("raw_value_old"))
            & (pl.col("raw_unit").cast(pl.String) == pl.col("raw_unit_old"))
            & (pl.col("censor") == pl.col("censor_old"))
            & ((pl.col("flags") & Flag.PROVIDER) == (pl.col("flags_old") & Flag.PROVIDER))
        )
        kind = joined.select(
            pl.when(pl.col("value_old").is_null())
            .then(1)
            .when(same)
            .then(0)
            .otherwise(2)
            .cast(pl.Int8)
        ).to_series()
    else:
        joined = None
        kind = pl.repeat(1, incoming.height, dtype=pl.Int8, eager=True)
    incoming = incoming.with_columns(_kind=kind)

    # spike and flat-line flags over incoming and stored hours together
    bits, reflag, hourly = _series_flags(incoming, stored, spans)
    incoming = incoming.with_columns(
        flags=pl.when(pl.col("_kind") > 0)
        .then(pl.col("flags") | pl.Series(bits, dtype=pl.UInt16))
        .otherwise(pl.col("flags"))
    )

    all_new = stored.height == 0
    new = incoming if all_new else incoming.filter(pl.col("_kind") == 1)
    replaced = incoming.clear() if all_new else incoming.filter(pl.col("_kind") == 2)
    outcome.stored, outcome.replaced = new.height, replaced.height
    outcome.unchanged = incoming.height - new.height - replaced.height
    outcome.flagged = int(((incoming["flags"] != 0) & (incoming["_kind"] > 0)).sum())
    outcome.reflagged = reflag.height
    if reflag.height and (reflag["upload"] == upload_id).any():
        # rows of an earlier block of this input whose flags a later hour decides (a spike
        # confirmed, a flat run extended): counted as flagged, as in a one-block ingest
        own = reflag.filter(pl.col("upload") == upload_id)
        outcome.reflagged -= own.height
        outcome.flagged += int((own["flags"] != 0).sum()) - int((own["base"] != 0).sum())
    reflag = reflag.select(*KEY, "flags")

    report("store", 0, new.height + replaced.height)
    changed = [f.select(KEY) for f in (new, replaced, reflag) if f.height]
    if not changed:
        return outcome
    outcome.touched = _touched(changed)
    # The writes keep the database busy (PostgreSQL parses and indexes the COPY in its own
    # process; SQLite steps without the GIL) while this process computes the hourly daily
    # values: on two cores that overlap saves most of the daily-value time.
    with ThreadPoolExecutor(max_workers=1) as pool:
        writing = pool.submit(_write, store, new, replaced, reflag, stored, upload_id, now)
        try:
            days = _daily_from_hours(hourly, zones)
        finally:
            writing.result()  # waits; a database error is raised here
    report("store", new.height + replaced.height, new.height + replaced.height)
    report("daily", 0, None)
    outcome.days = _update_daily(days, changed, store, zones)
    outcome.daily = outcome.days.len()
    return outcome


def _refuse_repeats(
    incoming: pl.DataFrame, stored: pl.DataFrame, upload_id: int, errors: Report | None
) -> tuple[pl.DataFrame, int]:
    """Drop the incoming rows whose key an earlier block of this upload stored with a
    different value; report them. (A repeat with the same value is left in: unchanged.)"""
    own = stored.filter(pl.col("upload") == upload_id).select(
        *KEY, "value", "raw_value", "raw_unit", "censor", "flags"
    )
    joined = incoming.join(own, on=KEY, how="inner", suffix="_old")
    differs = (
        (pl.col("value") != pl.col("value_old"))
        | (pl.col("raw_value") != pl.col("raw_value_old"))
        | (pl.col("raw_unit").cast(pl.String) != pl.col("raw_unit_old"))
        | (pl.col("censor") != pl.col("censor_old"))
        | ((pl.col("flags") & Flag.PROVIDER) != (pl.col("flags_old") & Flag.PROVIDER))
    )
    bad = joined.filter(differs).sort("row")
    if bad.height == 0:
        return incoming, 0
    if errors is not None:
        found = [
            RowError.of(
                record["row"],
                "value",
                CENSOR_TEXT[record["censor"]] + f"{record['raw_value']:g}",
                RowProblem("key_in_earlier_block"),
            )
            for record in bad.head(errors.room).iter_rows(named=True)
        ]
        errors.extend(found, bad.height)
    return incoming.join(bad.select(KEY), on=KEY, how="anti", maintain_order="left"), bad.height


def _write(store: Store, new, replaced, reflag, stored, upload_id: int, now) -> None:
    if new.height:
        store.insert(new, upload_id)
    if replaced.height:
        old = replaced.select(KEY).join(stored, on=KEY, how="left", maintain_order="left")
        store.add_revisions(old, upload_id, now)
        store.replace(replaced, upload_id)
    if reflag.height:
        store.set_flags(reflag)


def _series_flags(incoming: pl.DataFrame, stored: pl.DataFrame, spans: pl.DataFrame):
    """SPIKE/FLAT bits of the incoming rows; the stored rows whose flags change; and every
    hourly row of the touched windows as it will be stored (``KEY, value, flags``)."""
    columns = [*KEY, "value", "censor"]
    hourly_in = incoming.filter(pl.col("averaging") == 1)
    nothing = pl.DataFrame(
        schema={**STORED_KEY, "flags": pl.UInt16, "base": pl.UInt16, "upload": pl.Int64}
    )
    if hourly_in.height == 0:
        return (
            np.zeros(incoming.height, dtype=np.uint16),
            nothing,
            nothing.with_columns(value=pl.lit(None, dtype=pl.Float64)),
        )
    if stored.height == 0:
        bits = qaqc.series_flags(incoming.select(columns))
        hourly = incoming.select(
            *KEY, "value", flags=pl.col("flags") | pl.Series(bits), changed=pl.lit(True)
        )
        if hourly_in.height < incoming.height:
            hourly = hourly.filter(pl.col("averaging") == 1)
        return bits, nothing, hourly.select(*KEY, "value", "flags", "changed")
    # stored rows that incoming rows do not replace, with their stored flags; unchanged
    # incoming rows are stored rows too and keep their stored flags as the base
    kept = stored.join(incoming.select(KEY), on=KEY, how="anti")
    base = incoming.select(KEY).join(
        stored.select(*KEY, pl.col("flags").alias("_stored")),
        on=KEY,
        how="left",
        maintain_order="left",
    )["_stored"]
    merged = pl.concat(
        [
            incoming.select(
                *columns,
                base=pl.when(pl.col("_kind") == 0).then(base).otherwise(pl.col("flags")),
                _kind=pl.col("_kind"),
                _at=pl.int_range(pl.len(), dtype=pl.Int64),
                upload=pl.lit(None, dtype=pl.Int64),
            ),
            kept.select(
                *columns,
                base=pl.col("flags"),
                _kind=pl.lit(-1, dtype=pl.Int8),
                _at=pl.lit(-1, dtype=pl.Int64),
                upload=pl.col("upload").cast(pl.Int64),
            ),
        ],
        how="vertical_relaxed",
    ).sort(KEY)
    merged = merged.with_columns(_bits=pl.Series(qaqc.series_flags(merged), dtype=pl.UInt16))
    merged = merged.join(
        spans.select(*SERIES, "inner_lo", "inner_hi"), on=SERIES, how="left", maintain_order="left"
    )
    inner = (pl.col("time") >= pl.col("inner_lo")) & (pl.col("time") <= pl.col("inner_hi"))
    is_stored = pl.col("_kind") <= 0
    merged = merged.with_columns(
        final=pl.when(~is_stored)
        .then(pl.col("base") | pl.col("_bits"))
        .when(inner)
        .then((pl.col("base") & ~qaqc.SERIES_BITS) | pl.col("_bits"))
        .otherwise(pl.col("base"))
    )
    # (``upload`` of a stored row: the pipeline counts its own earlier blocks' rows apart)
    reflag = merged.filter(is_stored & (pl.col("final") != pl.col("base"))).select(
        *KEY, "base", "upload", flags=pl.col("final")
    )
    bits = merged.filter(pl.col("_at") >= 0).sort("_at")["_bits"].to_numpy()
    hourly = merged.filter(pl.col("averaging") == 1).select(
        *KEY,
        "value",
        flags=pl.col("final"),
        changed=(pl.col("_kind") > 0) | (pl.col("final") != pl.col("base")),
    )
    return bits, reflag, hourly


def _touched(changed: list[pl.DataFrame]) -> dict:
    touched: dict = {}
    for part in changed:
        spans = part.group_by("station").agg(first=pl.col("time").min(), last=pl.col("time").max())
        for station, first, last in spans.iter_rows():
            first, last = first.replace(tzinfo=dt.UTC), last.replace(tzinfo=dt.UTC)
            if station in touched:
                first, last = min(first, touched[station][0]), max(last, touched[station][1])
            touched[int(station)] = (first, last)
    return touched


def _daily_from_hours(hourly: pl.DataFrame, zones) -> pl.DataFrame | None:
    """Daily values of every local day with a changed hourly row, and of the next day,
    whose first 8-hour windows reach back into it. ``hourly`` holds every hourly row of the
    touched windows as it will be stored, ``changed`` marking the new, replaced and
    re-flagged ones; it is sorted by key, so a day's rows are neighbours."""
    if hourly.height == 0 or not hourly["changed"].any():
        return None
    local = daily.local_times(hourly, zones)
    hourly = hourly.with_columns(_local=local, date=local.dt.date())
    on = ["station", "parameter", "date"]
    touched = hourly.filter(pl.col("changed")).select(on)
    first_of_day = pl.any_horizontal([pl.col(c) != pl.col(c).shift(1) for c in on]).fill_null(True)
    touched = touched.filter(first_of_day)
    days = pl.concat([touched, touched.with_columns(pl.col("date").dt.offset_by("1d"))]).unique()
    return daily.compute(hourly, days, zones)


def day_keys(frame: pl.DataFrame) -> pl.Series:
    """One int64 per (station, parameter, date) row of ``frame``."""
    return (
        (frame["station"].cast(pl.Int64) * 1024 + frame["parameter"].cast(pl.Int64)) * (1 << 24)
        + frame["date"].cast(pl.Int32).cast(pl.Int64)
        + (1 << 23)
    ).alias("day")


def _update_daily(from_hours, changed: list[pl.DataFrame], store: Store, zones) -> pl.Series:
    """Store the daily values computed from the hours, and those of days with changed
    24-hour or grab values (read back from the database, after the writes); return the
    days written (:func:`day_keys`)."""
    results = [] if from_hours is None else [from_hours]
    other = [f.filter(pl.col("averaging").is_in([0, 24])) for f in changed]
    other = pl.concat(other) if other else None
    if other is not None and other.height:
        days = other.select(
            "station", "parameter", date=daily.local_times(other, zones).dt.date()
        ).unique()
        results.append(_daily_from_store(days, store, zones))
    if not results:
        return pl.Series("day", [], dtype=pl.Int64)
    frame = pl.concat(results).unique(["station", "parameter", "date"], keep="first")
    if frame.height:
        store.upsert_daily(frame)
    return day_keys(frame)


def _daily_from_store(days: pl.DataFrame, store: Store, zones) -> pl.DataFrame:
    """Daily values of days with 24-hour or grab data, read back after the writes (they may
    have hourly data stored too, which then makes the day)."""
    spans = days.group_by("station", "parameter").agg(
        first=pl.col("date").min(), last=pl.col("date").max()
    )
    rows = []
    for station, parameter, first, last in spans.iter_rows():
        zone = zones[station]
        lo = daily.date_start_utc(first, zone) - _DAY_BEFORE
        hi = daily.date_start_utc(last + dt.timedelta(days=1), zone)
        for averaging in (0, 1, 24):
            rows.append((station, parameter, averaging, lo, hi))
    windows_frame = pl.DataFrame(
        rows,
        schema={
            "station": pl.Int32,
            "parameter": pl.Int16,
            "averaging": pl.Int16,
            "lo": pl.Datetime("us"),
            "hi": pl.Datetime("us"),
        },
        orient="row",
    )
    frame = store.fetch(windows_frame)
    return daily.compute(frame, days, zones)
