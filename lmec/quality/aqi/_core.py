"""The shapes every AQI standard shares, and the piecewise-linear look-up they all use.

A standard is data (:class:`Standard`): its pollutant tables (:class:`Pollutant`), its
categories (:class:`Category`) and where they come from (:class:`Source`). The arithmetic
here is the same for all of them: find the band of a concentration, interpolate linearly
between the band's index breakpoints, round the result as the standard says.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

#: Internal marker for "not computable" in the fast paths; public functions turn it to NaN.
MISSING = -1.0

# Absolute tolerance against binary noise (0.078 is stored as 0.07799999...): far below
# any published resolution, far above double rounding error for concentrations < 1e6.
_EPS = 1e-9


@dataclass(frozen=True)
class Source:
    """Where a table comes from: document, table, year, address, and what we verified."""

    document: str
    table: str
    year: int
    url: str = ""
    verified: str = ""

    def __str__(self) -> str:
        return f"{self.document}, {self.table} ({self.year})"


@dataclass(frozen=True)
class Category:
    """A band of the index, ``low`` to ``high`` inclusive, with its colour and texts.

    ``names`` and ``advice`` map language codes (``en``, ``zh-hans``, ``th``, ``vi``) to
    text. ``high`` is ``inf`` for an open top band (Thailand's "201 and above").
    """

    key: str
    low: float
    high: float
    colour: str
    names: Mapping[str, str]
    advice: Mapping[str, str]

    def name(self, language: str = "en") -> str:
        return self.names.get(language) or self.names["en"]


@dataclass(frozen=True)
class Pollutant:
    """One pollutant and averaging period with its breakpoint table, in the table's unit.

    ``bands`` lists ``(c_low, c_high, i_low, i_high)``: a concentration between
    ``c_low`` and ``c_high`` maps linearly onto ``i_low``..``i_high``. Tables whose bands
    leave gaps (US EPA 0.0-9.0, 9.1-35.4, ...) are read at ``decimals`` resolution after
    ``reduce`` ("truncate" or "round") so that no value falls into a gap; a standard that
    rounds concentrations before the look-up says so the same way ("round": half up,
    "half_even": GB/T 8170, an exact half goes to the even neighbour).

    ``above`` says what happens above the last band: ``"nan"`` (not computable),
    ``"cap"`` (the top index, for a table whose last level reads "≥") or ``"extend"``
    (the last band's straight line continued, for an open-ended top band).
    """

    id: str
    name: str
    unit: str
    averaging: str
    bands: tuple[tuple[float, float, float, float], ...]
    decimals: int | None = None
    reduce: str | None = None
    above: str = "nan"
    note: str = ""

    @cached_property
    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(c_low, c_high, slope, intercept) as arrays, for the vectorised look-up."""
        b = np.asarray(self.bands, dtype=float)
        slope = (b[:, 3] - b[:, 2]) / (b[:, 1] - b[:, 0])
        return b[:, 0].copy(), b[:, 1].copy(), slope, b[:, 2] - slope * b[:, 0]

    @property
    def top(self) -> float:
        return self.bands[-1][1]

    def breakpoints(self) -> list[tuple[float, float, float, float]]:
        """The table as printed: ``(c_low, c_high, i_low, i_high)`` per band."""
        return [tuple(band) for band in self.bands]


@dataclass(frozen=True)
class Standard:
    """An air quality index as one country's document defines it."""

    id: str
    name: str
    country: str  # ISO 3166-1 alpha-2
    languages: tuple[str, ...]
    source: Source
    references: tuple[str, ...]
    pollutants: Mapping[str, Pollutant]
    categories: tuple[Category, ...]
    rounding: str  # "ceil" (HJ 633: 进位取整) or "half_up"
    primary_above: float | None = None  # name a dominant pollutant only above this index
    # Standard-specific rules applied to the sub-indices before the maximum is taken
    adjust: Callable[[dict[str, np.ndarray], dict[str, np.ndarray]], None] | None = field(
        default=None, repr=False
    )
    # The index needs at least one of these (VN_AQI: PM10 or PM2.5), else NaN
    required_any: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def reduce_concentration(table: Pollutant, c: np.ndarray) -> np.ndarray:
    """Truncate or round ``c`` to the table's resolution (no-op for continuous tables)."""
    if table.decimals is None:
        return c
    scale = 10.0**table.decimals
    if table.reduce == "truncate":
        return np.floor(c * scale + _EPS) / scale
    if table.reduce == "half_even":
        # GB/T 8170-2008, 3.2: below 5 drop, above 5 (or 5 followed by non-zero digits) add
        # one, an exact 5 goes to the even neighbour (34.5 -> 34, 35.5 -> 36, 0.35 -> 0.4);
        # "exact" within _EPS, since 0.35 is stored as 0.34999999999999998
        s = np.multiply(c, scale)
        whole = np.floor(s)
        with np.errstate(invalid="ignore"):  # inf - inf for an infinite reading
            fraction = s - whole
            tie = np.abs(fraction - 0.5) <= _EPS * scale
            up = np.where(tie, np.mod(whole, 2.0) == 1.0, fraction > 0.5)
        return (whole + up) / scale
    return np.floor(c * scale + 0.5 + _EPS) / scale


def round_index(rounding: str, value: np.ndarray) -> np.ndarray:
    """Round raw index values as the standard says."""
    if rounding == "ceil":
        # HJ 633: 进位取整; the epsilon keeps 50.000000001 (binary noise) at 50
        return np.ceil(value - _EPS) + 0.0  # + 0.0 turns ceil(-1e-9) = -0.0 into 0.0
    return np.floor(value + 0.5 + _EPS)  # half up: 109.5 -> 110


def interpolate(table: Pollutant, c: np.ndarray) -> np.ndarray:
    """Raw (unrounded) index of concentrations ``c`` already at the table's resolution.

    Returns :data:`MISSING` where the value cannot be computed (missing, negative, above a
    closed table).
    """
    lows, highs, slope, intercept = table.arrays
    with np.errstate(invalid="ignore"):
        band = np.searchsorted(lows, c, side="right") - 1
        ok = (band >= 0) & np.isfinite(c)
        band = np.clip(band, 0, len(lows) - 1)
        value = slope[band] * c + intercept[band]
        over = ok & (c > highs[-1] + _EPS)
    if table.above == "cap":
        value = np.where(over, table.bands[-1][3], value)
    elif table.above == "nan":
        ok &= ~over
    return np.where(ok, value, MISSING)


class Lookup:
    """Rounded index for every concentration step of a table read at fixed resolution.

    A table with ``decimals`` takes at most a few thousand distinct values below its top,
    so the index is computed once per step and each look-up is one array take. Values
    above the top fall back to :func:`interpolate` (open-ended or capped tables).
    """

    def __init__(self, table: Pollutant, rounding: str):
        self.table = table
        self.rounding = rounding
        self.scale = 10.0**table.decimals
        steps = np.arange(round(table.top * self.scale) + 1)
        raw = interpolate(table, steps / self.scale)
        lut = np.where(raw == MISSING, MISSING, round_index(rounding, raw))
        # MISSING at both ends: step -1 and below (negative input) and past the top land
        # there through take(mode="clip"); the table itself sits at positions 1..size
        self.lut = np.concatenate([[MISSING], lut, [MISSING]])
        self.size = len(lut)
        self.offset = 1.0 + (0.5 if table.reduce == "round" else 0.0) + _EPS

    def __call__(self, c: np.ndarray) -> np.ndarray:
        if self.table.reduce == "half_even":
            # whole steps after rounding; + 1 past the leading MISSING, + 0.5 against noise
            whole = reduce_concentration(self.table, np.asarray(c, dtype=float)) * self.scale
            s = np.array(whole + 1.5, dtype=float)  # an array even when 0-d
        else:
            s = np.multiply(c, self.scale, out=np.empty(np.shape(c)))  # an array when 0-d
            s += self.offset
        np.floor(s, out=s)
        # NaN and +/-inf cast to an extreme integer (x86) or 0 (ARM); either way clip mode
        # sends them to a MISSING end of the table
        with np.errstate(invalid="ignore"):
            position = s.astype(np.intp)
        out = np.asarray(self.lut.take(position, mode="clip"))
        if self.table.reduce in ("round", "half_even"):
            # rounding would read -0.04 as 0.0: a negative concentration is no reading
            with np.errstate(invalid="ignore"):
                out[c < 0] = MISSING
        if self.table.above != "nan":
            over = s > self.size  # above the last step (NaN compares False)
            if over.any():
                raw = interpolate(self.table, reduce_concentration(self.table, c[over]))
                out[over] = np.where(raw == MISSING, MISSING, round_index(self.rounding, raw))
        return out


class Continuous:
    """Fast path for a table whose bands join up (HJ 633, VN_AQI): one ``np.interp``.

    The rounding offset is folded into the index breakpoints (interpolation is linear, so
    ``ceil(interp(c, bp, ix) - eps) == ceil(interp(c, bp, ix - eps))``) and values off the
    table come back as :data:`MISSING` straight from ``np.interp``'s ``left``/``right``;
    the whole look-up is four passes over the data.
    """

    def __init__(self, table: Pollutant, rounding: str):
        bands = np.asarray(table.bands, dtype=float)
        self.table = table
        self.bp = np.append(bands[:, 0], bands[-1, 1])
        ix = np.append(bands[:, 2], bands[-1, 3])
        self.ceil = rounding == "ceil"
        # ceil: an index of exactly 0 stays 0 (not -0.0); half up: 0.5 and up goes up
        self.ix = np.maximum(ix - _EPS, 0.0) if self.ceil else ix + 0.5 + _EPS
        self.right = self.ix[-1] if table.above == "cap" else MISSING

    @staticmethod
    def fits(table: Pollutant) -> bool:
        b = table.bands
        joined = all(b[k][1] == b[k + 1][0] and b[k][3] == b[k + 1][2] for k in range(len(b) - 1))
        return table.decimals is None and table.above in ("nan", "cap") and joined

    def __call__(self, c: np.ndarray) -> np.ndarray:
        out = np.asarray(np.interp(c, self.bp, self.ix, left=MISSING, right=self.right))
        if self.ceil:
            np.ceil(out, out=out)
        else:
            np.floor(out, out=out)
        # NaN readings interpolate to NaN; an infinite one is no reading either
        bad = ~np.isfinite(out) if self.table.above == "nan" else ~np.isfinite(c)
        out[bad] = MISSING
        return out
