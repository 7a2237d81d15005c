"""QA/QC flags, vectorised over whole columns.

Every value is stored; a flag marks it, and flagged values are left out of daily values and
indices (they are still shown, marked). The rules and why:

``RANGE``
    The value [canonical unit] lies outside the parameter's physical range
    (``valid_min``..``valid_max`` of :mod:`lmec.monitoring.parameters`): above the certified
    measuring range of the analysers, or below what is physically possible (water below
    -2 °C). Such a number is an instrument or transcription fault, not air or water [1]_.
``NEGATIVE``
    Below zero for a parameter that cannot be negative (``valid_min >= 0``). Analysers
    report small negatives near zero after baseline correction; the value is kept as
    reported but flagged, because a negative concentration cannot enter a mean or an
    index. (Flagged ``NEGATIVE`` only, not also ``RANGE``.)
``PROVIDER``
    The provider marked the value invalid or suspect (the ``flag`` column, OpenAQ's
    ``flagInfo.hasFlags``). The provider knows its maintenance and calibration periods.
``SPIKE``
    An hourly value that exceeds both its hourly neighbours (the hour before and the hour
    after, both present) by more than the parameter's ``spike`` [canonical unit]. Real
    pollution rises and falls over hours; a single hour far above both sides is an
    electrical or sampling fault [1]_ [2]_. Without both neighbours nothing is flagged: a
    later upload that brings the missing neighbour can confirm the spike then.
``FLAT``
    ``flat_hours`` (8) or more consecutive hourly values that are exactly equal: a stuck
    sensor or a logger repeating its last reading ("sticking" in [2]_). Every value of the
    run is flagged. Values below the detection limit (censored ``<``) are equal by
    construction and are neither counted nor flagged; a missing hour ends a run.

Spike and flat-line checks need neighbours that may be stored already, or arrive later:
:mod:`.merge` evaluates them over each touched series with the stored hours around it and
updates the flags of stored neighbours when a new hour changes them.

References
----------
.. [1] HJ 818-2018 and HJ 817-2018, data validity and screening of abnormal values.
.. [2] U.S. EPA, AirNow Data Management Center quality-control checks (range, rate of
   change, sticking).
"""

from __future__ import annotations

import numpy as np
import polars as pl

from .. import parameters
from ..parameters import Flag

SERIES_BITS = Flag.SPIKE | Flag.FLAT
HOUR_US = 3_600_000_000

_MIN = {p.id: float(p.valid_min) for p in parameters.PARAMETERS}
_MAX = {p.id: float(p.valid_max) for p in parameters.PARAMETERS}
_SPIKE = {p.id: p.spike for p in parameters.PARAMETERS if p.spike is not None}
_FLAT = {p.id: p.flat_hours for p in parameters.PARAMETERS if p.flat_hours is not None}

#: Hours around new values whose SPIKE/FLAT flags a new value can change.
REACH_HOURS = max([*_FLAT.values(), 2]) - 1


def point_flags(frame: pl.DataFrame) -> pl.DataFrame:
    """Add ``RANGE`` and ``NEGATIVE`` to ``flags`` (which may hold ``PROVIDER`` already)."""
    low = pl.col("parameter").replace_strict(_MIN, return_dtype=pl.Float64)
    high = pl.col("parameter").replace_strict(_MAX, return_dtype=pl.Float64)
    value = pl.col("value")
    negative = (value < 0) & (low >= 0)
    out_of_range = ((value < low) & ~negative) | (value > high)
    return frame.with_columns(
        flags=pl.col("flags")
        | pl.when(negative).then(Flag.NEGATIVE).otherwise(0).cast(pl.UInt16)
        | pl.when(out_of_range).then(Flag.RANGE).otherwise(0).cast(pl.UInt16)
    )


def series_flags(frame: pl.DataFrame) -> np.ndarray:
    """``SPIKE``/``FLAT`` bits (uint16) of each row of ``frame``.

    ``frame`` holds ``station, parameter, averaging, time, value, censor`` sorted by
    (station, parameter, averaging, time), all rows of each series between its first and
    last row (stored and new). Only hourly series (averaging 1) of parameters with a spike
    or flat-line limit are checked.
    """
    n = frame.height
    if n == 0:
        return np.zeros(0, dtype=np.uint16)
    key = (
        frame["station"].cast(pl.Int64) * (1 << 20)
        + frame["parameter"].cast(pl.Int64) * (1 << 8)
        + frame["averaging"].cast(pl.Int64)
    ).to_numpy()
    time = frame["time"].dt.epoch("us").to_numpy()
    value = frame["value"].to_numpy()
    censored = frame["censor"].to_numpy() > 0
    parameter = frame["parameter"].to_numpy()
    hourly = frame["averaging"].to_numpy() == 1
    # a row and the row before it are consecutive hours of one series
    linked = np.zeros(n, dtype=bool)
    linked[1:] = (key[1:] == key[:-1]) & (time[1:] - time[:-1] == HOUR_US) & hourly[1:]
    out = np.zeros(n, dtype=np.uint16)

    spike_limit = np.array([_SPIKE.get(p, np.nan) for p in range(256)])[parameter]
    rise = np.full(n, -np.inf)
    fall = np.full(n, -np.inf)
    rise[1:] = np.where(linked[1:], value[1:] - value[:-1], -np.inf)  # above the hour before
    fall[:-1] = np.where(linked[1:], value[:-1] - value[1:], -np.inf)  # above the hour after
    with np.errstate(invalid="ignore"):
        spike = (rise > spike_limit) & (fall > spike_limit)
    out[spike] |= Flag.SPIKE

    flat_hours = np.array([_FLAT.get(p, 0) for p in range(256)])[parameter]
    same = np.zeros(n, dtype=bool)
    same[1:] = linked[1:] & (value[1:] == value[:-1]) & ~censored[1:] & ~censored[:-1]
    starts = np.flatnonzero(~same)
    lengths = np.diff(np.append(starts, n))
    run_length = np.repeat(lengths, lengths)
    flat = (flat_hours > 0) & (run_length >= flat_hours) & ~censored & hourly
    out[flat] |= Flag.FLAT
    return out
