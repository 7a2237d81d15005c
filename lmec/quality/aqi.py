"""Air quality indices under each country's own standard (vectorised, NumPy only).

Implemented so far:

- ``cn-hj633-2012`` -- China, HJ 633-2012 *Technical Regulation on Ambient Air Quality
  Index (on trial)* [1]_, Table 1, with its rules for SO2 1-h above 800 µg/m³ and O3 8-h
  above 800 µg/m³, results rounded up to whole numbers, primary pollutant when AQI > 50.
- ``us-epa-2024`` -- United States, EPA-454/B-24-002 *Technical Assistance Document for the
  Reporting of Daily Air Quality -- the Air Quality Index (AQI)* (May 2024) [2]_, Table 6
  (the 2024 PM2.5 breakpoints), with its truncation of concentrations and rounding of the
  index.

The other standards named in the design (``cn-hj633-2026``, ``th-pcd-2023``,
``vn-1459-2019``) and the NowCast are still to come.

References
----------
.. [1] Ministry of Environmental Protection of the People's Republic of China, HJ 633-2012
   环境空气质量指数（AQI）技术规定（试行）, 2012, Table 1 and section 5.
.. [2] U.S. EPA Office of Air Quality Planning and Standards, EPA-454/B-24-002, 2024,
   Table 6 and equation 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import numpy as np

#: Index breakpoints shared by both standards' six/eight-step tables.
_CN_IAQI = (0, 50, 100, 150, 200, 300, 400, 500)


@dataclass(frozen=True)
class Category:
    """A band of the index: ``low``..``high`` with its colour and names."""

    key: str
    low: int
    high: int
    colour: str
    names: dict[str, str]


@dataclass(frozen=True)
class Pollutant:
    """A pollutant/averaging period with its breakpoint table in the standard's unit.

    ``concentrations[i]..concentrations[i+1]`` maps to ``indices[i]..indices[i+1]``.
    """

    id: str
    unit: str
    concentrations: tuple[float, ...]
    indices: tuple[float, ...]
    decimals: int | None = None  # truncate concentrations to this many decimals (US EPA)


@dataclass(frozen=True)
class Standard:
    id: str
    name: str
    country: str
    source: str
    pollutants: dict[str, Pollutant]
    categories: tuple[Category, ...]
    rounding: str  # "ceil" (HJ 633: 进位取整) or "nearest" (US EPA)
    primary_above: float | None = None  # name a dominant pollutant only above this AQI
    extra: dict = field(default_factory=dict)


def _cn_table(pollutant_id, unit, concentrations):
    return Pollutant(pollutant_id, unit, tuple(concentrations), _CN_IAQI[: len(concentrations)])


# [1], Table 1. µg/m³ except CO (mg/m³). SO2 1-h stops at 800 and O3 8-h at 800: above
# them the standard switches to another averaging period (see sub_index).
_CN_HJ633_2012 = Standard(
    id="cn-hj633-2012",
    name="China HJ 633-2012 Ambient Air Quality Index",
    country="CN",
    source="HJ 633-2012, Table 1 (Ministry of Environmental Protection, 2012)",
    pollutants={
        p.id: p
        for p in (
            _cn_table("so2_24h", "µg/m³", (0, 50, 150, 475, 800, 1600, 2100, 2620)),
            _cn_table("so2_1h", "µg/m³", (0, 150, 500, 650, 800)),
            _cn_table("no2_24h", "µg/m³", (0, 40, 80, 180, 280, 565, 750, 940)),
            _cn_table("no2_1h", "µg/m³", (0, 100, 200, 700, 1200, 2340, 3090, 3840)),
            _cn_table("pm10_24h", "µg/m³", (0, 50, 150, 250, 350, 420, 500, 600)),
            _cn_table("co_24h", "mg/m³", (0, 2, 4, 14, 24, 36, 48, 60)),
            _cn_table("co_1h", "mg/m³", (0, 5, 10, 35, 60, 90, 120, 150)),
            _cn_table("o3_1h", "µg/m³", (0, 160, 200, 300, 400, 800, 1000, 1200)),
            _cn_table("o3_8h", "µg/m³", (0, 100, 160, 215, 265, 800)),
            _cn_table("pm25_24h", "µg/m³", (0, 35, 75, 115, 150, 250, 350, 500)),
        )
    },
    # [1], Table 2: 优 良 轻度污染 中度污染 重度污染 严重污染
    categories=(
        Category("good", 0, 50, "#00E400", {"en": "Excellent", "zh-hans": "优"}),
        Category("moderate", 51, 100, "#FFFF00", {"en": "Good", "zh-hans": "良"}),
        Category("light", 101, 150, "#FF7E00", {"en": "Lightly polluted", "zh-hans": "轻度污染"}),
        Category(
            "medium", 151, 200, "#FF0000", {"en": "Moderately polluted", "zh-hans": "中度污染"}
        ),
        Category("heavy", 201, 300, "#99004C", {"en": "Heavily polluted", "zh-hans": "重度污染"}),
        Category("severe", 301, 500, "#7E0023", {"en": "Severely polluted", "zh-hans": "严重污染"}),
    ),
    rounding="ceil",
    primary_above=50,
)

_US_AQI = (0, 50, 51, 100, 101, 150, 151, 200, 201, 300, 301, 500)


def _us_table(pollutant_id, unit, ranges, decimals, indices=_US_AQI):
    """US tables list (BPlo, BPhi) pairs per band; store them as flat low/high pairs."""
    flat = tuple(value for pair in ranges for value in pair)
    return Pollutant(pollutant_id, unit, flat, indices[: len(flat)], decimals)


# [2], Table 6. O3 in ppm (3 decimals), PM in µg/m³ (PM2.5 1 decimal, PM10 integer), CO in
# ppm (1 decimal), SO2 and NO2 in ppb (integer). Bands are closed intervals [BPlo, BPhi].
_US_EPA_2024 = Standard(
    id="us-epa-2024",
    name="US EPA Air Quality Index (2024)",
    country="US",
    source="EPA-454/B-24-002, Table 6 (U.S. EPA, May 2024)",
    pollutants={
        p.id: p
        for p in (
            _us_table(
                "o3_8h",
                "ppm",
                ((0.000, 0.054), (0.055, 0.070), (0.071, 0.085), (0.086, 0.105), (0.106, 0.200)),
                3,
            ),
            # 1-h ozone has no breakpoints below AQI 101
            _us_table(
                "o3_1h",
                "ppm",
                ((0.125, 0.164), (0.165, 0.204), (0.205, 0.404), (0.405, 0.604)),
                3,
                indices=_US_AQI[4:],
            ),
            _us_table(
                "pm25_24h",
                "µg/m³",
                (
                    (0.0, 9.0),
                    (9.1, 35.4),
                    (35.5, 55.4),
                    (55.5, 125.4),
                    (125.5, 225.4),
                    (225.5, 325.4),
                ),
                1,
            ),
            _us_table(
                "pm10_24h",
                "µg/m³",
                ((0, 54), (55, 154), (155, 254), (255, 354), (355, 424), (425, 604)),
                0,
            ),
            _us_table(
                "co_8h",
                "ppm",
                ((0.0, 4.4), (4.5, 9.4), (9.5, 12.4), (12.5, 15.4), (15.5, 30.4), (30.5, 50.4)),
                1,
            ),
            # 1-h SO2 is used up to AQI 200; above it the 24-h value applies ([2], Table 6 note)
            _us_table("so2_1h", "ppb", ((0, 35), (36, 75), (76, 185), (186, 304)), 0),
            _us_table(
                "so2_24h",
                "ppb",
                ((305, 604), (605, 1004)),
                0,
                indices=_US_AQI[8:],
            ),
            _us_table(
                "no2_1h",
                "ppb",
                ((0, 53), (54, 100), (101, 360), (361, 649), (650, 1249), (1250, 2049)),
                0,
            ),
        )
    },
    categories=(
        Category("good", 0, 50, "#00E400", {"en": "Good"}),
        Category("moderate", 51, 100, "#FFFF00", {"en": "Moderate"}),
        Category(
            "unhealthy_sensitive", 101, 150, "#FF7E00", {"en": "Unhealthy for Sensitive Groups"}
        ),
        Category("unhealthy", 151, 200, "#FF0000", {"en": "Unhealthy"}),
        Category("very_unhealthy", 201, 300, "#8F3F97", {"en": "Very Unhealthy"}),
        Category("hazardous", 301, 500, "#7E0023", {"en": "Hazardous"}),
    ),
    rounding="nearest",
)

#: Standard id -> :class:`Standard`.
STANDARDS: dict[str, Standard] = {s.id: s for s in (_CN_HJ633_2012, _US_EPA_2024)}


def get_standard(standard: str | Standard) -> Standard:
    """The :class:`Standard` named ``standard``; ``ValueError`` lists the valid ids."""
    if isinstance(standard, Standard):
        return standard
    try:
        return STANDARDS[standard]
    except KeyError:
        raise ValueError(
            f"unknown AQI standard {standard!r}; choose one of: {', '.join(sorted(STANDARDS))}"
        ) from None


def _pollutant(std: Standard, pollutant: str) -> Pollutant:
    try:
        return std.pollutants[pollutant]
    except KeyError:
        raise ValueError(
            f"{std.id} has no pollutant {pollutant!r}; choose one of: "
            f"{', '.join(sorted(std.pollutants))}"
        ) from None


def _interpolate(table: Pollutant, c: np.ndarray) -> np.ndarray:
    """Piecewise-linear index of ``c`` on ``table``; NaN outside the table."""
    bp = np.asarray(table.concentrations, dtype=float)
    ix = np.asarray(table.indices, dtype=float)
    out = np.full(c.shape, np.nan)
    if table.decimals is not None:
        # US tables are bands [lo, hi] with gaps between hi and the next lo: find the band
        lows, highs = bp[0::2], bp[1::2]
        ilo, ihi = ix[0::2], ix[1::2]
        band = np.searchsorted(lows, c, side="right") - 1
        valid = (band >= 0) & np.isfinite(c)
        band_c = np.clip(band, 0, len(lows) - 1)
        valid &= c <= highs[band_c]
        slope = (ihi[band_c] - ilo[band_c]) / (highs[band_c] - lows[band_c])
        value = slope * (c - lows[band_c]) + ilo[band_c]  # [2], equation 1
        out[valid] = value[valid]
        return out
    valid = np.isfinite(c) & (c >= bp[0]) & (c <= bp[-1])
    out[valid] = np.interp(c[valid], bp, ix)  # [1], equation 1
    return out


def _round(std: Standard, value: np.ndarray) -> np.ndarray:
    if std.rounding == "ceil":
        # [1], 5.2: results are rounded up to whole numbers (进位取整); the epsilon keeps a
        # value such as 50.000000001 from binary noise at 50
        return np.ceil(value - 1e-9)
    return np.floor(value + 0.5)  # [2]: round to the nearest integer (half up)


def sub_index(standard: str | Standard, pollutant: str, concentrations) -> np.ndarray:
    """Individual index of one pollutant under ``standard``.

    Parameters
    ----------
    standard : str
        A key of :data:`STANDARDS`.
    pollutant : str
        Pollutant id such as ``pm25_24h`` or ``o3_8h``.
    concentrations : float or array_like
        In the unit of the standard's table: µg/m³ (CO mg/m³) for ``cn-hj633-2012``; ppm for
        O3 and CO, ppb for SO2 and NO2, µg/m³ for PM under ``us-epa-2024``.

    Returns
    -------
    numpy.ndarray
        Same shape as ``concentrations``; NaN for negative, missing or off-table values.
    """
    std = get_standard(standard)
    table = _pollutant(std, pollutant)
    c = np.asarray(concentrations, dtype=float)
    if table.decimals is not None:
        return _lookup(std, table, c)
    c = np.where(c < 0, np.nan, c)
    return _round(std, _interpolate(table, c))


@cache
def _lookup_table(std_id: str, pollutant: str) -> np.ndarray:
    """Rounded index for every truncated concentration step of a US-style table.

    EPA truncates concentrations to a fixed number of decimals before the look-up ([2],
    section on data handling), so the index takes at most a few thousand values: computing
    them once turns the per-value work into one array take.
    """
    std = STANDARDS[std_id]
    table = std.pollutants[pollutant]
    steps = np.arange(round(table.concentrations[-1] * 10**table.decimals) + 1)
    return _round(std, _interpolate(table, steps / 10**table.decimals))


def _lookup(std: Standard, table: Pollutant, c: np.ndarray) -> np.ndarray:
    lut = _lookup_table(std.id, table.id)
    with np.errstate(invalid="ignore"):
        # truncation to the table's decimals; the epsilon absorbs binary noise such as
        # 0.078 stored as 0.07799999...
        steps = np.floor(c * 10.0**table.decimals + 1e-9)
    valid = np.isfinite(steps) & (steps >= 0) & (steps < len(lut))
    out = np.full(c.shape, np.nan)
    out[valid] = lut[steps[valid].astype(np.intp)]
    return out


class AqiResult:
    """Overall index with the pollutant that sets it and its category.

    ``value`` is computed at once; ``dominant`` (pollutant id, "" where none is named) and
    ``category`` (category key, "" where the index is NaN) are label arrays built on first
    use from small integer codes, so callers that need only the numbers do not pay for
    millions of strings.
    """

    def __init__(self, value, dominant_code, names, std: Standard):
        self.value = value
        self._dominant_code = dominant_code  # index into names, -1 = none
        self._names = names
        self._std = std

    @property
    def dominant(self) -> np.ndarray:
        labels = np.array([*self._names, ""], dtype=object)
        return labels[self._dominant_code]

    @property
    def category(self) -> np.ndarray:
        return category_of(self._std, self.value)

    def __repr__(self) -> str:
        return f"AqiResult(value={self.value!r}, dominant={self.dominant!r}, category={self.category!r})"


def category_of(standard: str | Standard, values) -> np.ndarray:
    """Category keys for index ``values`` ("" where NaN)."""
    std = get_standard(standard)
    v = np.asarray(values, dtype=float)
    highs = np.array([c.high for c in std.categories], dtype=float)
    keys = np.array([c.key for c in std.categories] + [""], dtype=object)
    pos = np.searchsorted(highs, v, side="left")
    pos = np.where(np.isfinite(v), np.minimum(pos, len(highs) - 1), len(highs))
    return keys[pos]


def index(standard: str | Standard, concentrations: dict) -> AqiResult:
    """Overall AQI: the highest individual index, with the pollutant that sets it.

    ``concentrations`` maps pollutant ids to equal-length arrays (or scalars).
    """
    std = get_standard(standard)
    if not concentrations:
        raise ValueError("give at least one pollutant concentration")
    # Off-table values are NaN, which is how the switches of both standards work: HJ 633
    # SO2 1-h above 800 and O3 8-h above 800 ([1], Table 1 notes), EPA 1-h SO2 from 305 ppb
    # ([2], Table 6) drop out, and the other averaging period given alongside decides.
    names = tuple(concentrations)
    value = None
    for position, name in enumerate(names):
        current = sub_index(std, name, concentrations[name])
        if value is None:
            value = current.copy()
            code = np.where(np.isnan(current), -1, 0)
            continue
        value, current = np.broadcast_arrays(value, current)
        value = value.copy()
        # NaN compares False, so a missing value never wins and never hides a present one
        better = (current > value) | (np.isnan(value) & ~np.isnan(current))
        value[better] = current[better]
        code = np.where(better, position, np.broadcast_to(code, better.shape))
    if std.primary_above is not None:
        code = np.where(value > std.primary_above, code, -1)
    return AqiResult(value, code, names, std)
