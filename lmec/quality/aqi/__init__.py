"""Air quality indices under each country's own standard (vectorised, NumPy only).

Standards (:data:`STANDARDS`), each from its official document:

- ``cn-hj633-2012`` -- China, HJ 633-2012 [1]_, Table 1.
- ``cn-hj633-2026`` -- China, HJ 633-2026 [2]_ (in force 2026-03-01), Table 3: new
  PM2.5/PM10 limits, concentrations rounded by GB/T 8170 first.
- ``us-epa-2024`` -- United States, EPA-454/B-24-002 [3]_, Table 6.
- ``th-pcd-2023`` -- Thailand, Pollution Control Department announcement of 2023 [4]_.
- ``vn-1459-2019`` -- Viet Nam, Decision 1459/QĐ-TCMT [5]_, Bảng 2.

Each module ``_cn``, ``_us``, ``_th``, ``_vn`` holds one country's tables with their
source; :mod:`.nowcast` the NowCast of EPA and VN_AQI; :mod:`.nowcast_o3` EPA's 2019 ozone
NowCast (:func:`nowcast_o3_2019`); :mod:`.daily` the hourly-to-daily aggregation each
standard asks for.

Every function takes a scalar or an array and returns the same shape. What cannot be
computed (missing, negative, off the table) is NaN, never an exception inside a vector;
a wrong standard or pollutant name raises ``ValueError`` listing the valid ones.

References
----------
.. [1] Ministry of Environmental Protection of the P.R. China, HJ 633-2012 环境空气质量指数
   （AQI）技术规定（试行）, 2012, Tables 1-2, Appendix A.
.. [2] Ministry of Ecology and Environment of the P.R. China, HJ 633-2026 环境空气质量指数
   （AQI）技术规定, issued 2026-02-14, in force 2026-03-01, Tables 1-3, Appendix A.
.. [3] U.S. EPA, EPA-454/B-24-002, Technical Assistance Document for the Reporting of Daily
   Air Quality -- the Air Quality Index (AQI), May 2024, Tables 1, 2 and 6.
.. [4] Pollution Control Department (Thailand), ประกาศกรมควบคุมมลพิษ เรื่อง
   ดัชนีคุณภาพอากาศของประเทศไทย พ.ศ. 2566, 2023, Tables 1-2.
.. [5] Vietnam Environment Administration, Quyết định 1459/QĐ-TCMT, 12/11/2019, Bảng 1-2.

Examples
--------
>>> from lmec.quality import aqi
>>> float(aqi.sub_index("us-epa-2024", "pm25_24h", 35.9))
102.0
>>> result = aqi.index("us-epa-2024", {"pm25_24h": 35.9, "o3_8h": 0.078})
>>> float(result.value), str(result.dominant), str(result.category)
(126.0, 'o3_8h', 'unhealthy_sensitive')
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import numpy as np

from ._cn import CN_HJ633_2012, CN_HJ633_2026
from ._core import MISSING, Category, Continuous, Lookup, Pollutant, Source, Standard
from ._core import interpolate as _interpolate
from ._core import reduce_concentration as _reduce
from ._core import round_index as _round
from ._th import TH_PCD_2023
from ._us import US_EPA_2024
from ._vn import VN_1459_2019
from .daily import daily_inputs
from .nowcast import NOWCAST_METHODS, nowcast
from .nowcast_o3 import nowcast_o3_2019

__all__ = [
    "STANDARDS",
    "NOWCAST_METHODS",
    "AqiResult",
    "Category",
    "Pollutant",
    "Source",
    "Standard",
    "categories",
    "category_of",
    "daily_inputs",
    "get_category",
    "get_standard",
    "index",
    "nowcast",
    "nowcast_o3_2019",
    "sub_index",
]

#: Standard id -> :class:`Standard`.
STANDARDS: dict[str, Standard] = {
    s.id: s for s in (CN_HJ633_2012, CN_HJ633_2026, US_EPA_2024, TH_PCD_2023, VN_1459_2019)
}


def get_standard(standard: str | Standard) -> Standard:
    """The :class:`Standard` named ``standard``; ``ValueError`` lists the valid ids."""
    if isinstance(standard, Standard):
        return standard
    try:
        return STANDARDS[standard]
    except (KeyError, TypeError):
        raise ValueError(
            f"unknown AQI standard {standard!r}; choose one of: {', '.join(sorted(STANDARDS))}"
        ) from None


def _pollutant(std: Standard, pollutant: str) -> Pollutant:
    try:
        return std.pollutants[pollutant]
    except (KeyError, TypeError):
        raise ValueError(
            f"{std.id} has no pollutant {pollutant!r}; choose one of: "
            f"{', '.join(sorted(std.pollutants))}"
        ) from None


@cache
def _fast(std_id: str, pollutant: str) -> Lookup | Continuous | None:
    """The fast evaluator of a built-in table, built once."""
    std = STANDARDS[std_id]
    table = std.pollutants[pollutant]
    if table.decimals is not None:
        return Lookup(table, std.rounding)
    if Continuous.fits(table):
        return Continuous(table, std.rounding)
    return None


def _raw_sub_index(std: Standard, table: Pollutant, c: np.ndarray) -> np.ndarray:
    """Rounded sub-index with :data:`MISSING` (-1) where not computable."""
    fast = _fast(std.id, table.id) if STANDARDS.get(std.id) is std else None
    if fast is not None:
        return fast(c)
    with np.errstate(invalid="ignore"):
        c = np.where(c < 0, np.nan, c)
    raw = _interpolate(table, _reduce(table, c))
    return np.where(raw == MISSING, MISSING, _round(std.rounding, raw))


def sub_index(standard: str | Standard, pollutant: str, concentrations) -> np.ndarray:
    """Individual index of one pollutant under ``standard``, rounded as the standard says.

    Parameters
    ----------
    standard : str or Standard
        A key of :data:`STANDARDS`, e.g. ``"cn-hj633-2026"``.
    pollutant : str
        Pollutant id with its averaging period: ``pm25_24h``, ``pm25_1h``, ``pm10_24h``,
        ``pm10_1h``, ``o3_1h``, ``o3_8h``, ``so2_1h``, ``so2_24h``, ``no2_1h``,
        ``no2_24h``, ``co_1h``, ``co_8h``, ``co_24h``, ``pm25_nowcast``, ``pm10_nowcast``
        -- whichever the standard defines (``STANDARDS[id].pollutants``).
    concentrations : float or array_like
        In the unit of the standard's own table:

        - ``cn-hj633-*``: [µg/m³], CO [mg/m³];
        - ``us-epa-2024``: O3 and CO [ppm], SO2 and NO2 [ppb], PM [µg/m³];
        - ``th-pcd-2023``: PM [µg/m³], O3, NO2, SO2 [ppb], CO [ppm];
        - ``vn-1459-2019``: all [µg/m³], CO included.

    Returns
    -------
    numpy.ndarray
        Same shape as ``concentrations`` (0-d for a scalar); NaN where the value is
        missing, negative or off the table (e.g. HJ 633 1-hour SO2 above 800 µg/m³).

    Raises
    ------
    ValueError
        For an unknown standard or pollutant, naming the valid choices.
    """
    std = get_standard(standard)
    table = _pollutant(std, pollutant)
    c = np.asarray(concentrations, dtype=float)
    out = _raw_sub_index(std, table, c)
    out[out == MISSING] = np.nan
    return out.reshape(c.shape)


class AqiResult:
    """Overall index of a set of readings under one standard.

    Attributes
    ----------
    value : numpy.ndarray
        The index: the highest sub-index; NaN where none could be computed.
    dominant : numpy.ndarray of str
        The pollutant id that sets the index ("" where the standard names none, e.g.
        HJ 633 when AQI <= 50, or where the index is NaN).
    category : numpy.ndarray of str
        Category key of each value ("" where NaN); see :func:`get_category`.
    sub_indices : dict of numpy.ndarray
        Each pollutant's own index (NaN where not computable), after the standard's rules.

    ``dominant`` and ``category`` are built from small integer codes on first use, so a
    caller who needs only the numbers never pays for millions of strings.
    """

    def __init__(self, value, dominant_code, names, std: Standard, raw_sub_indices):
        self.value = value
        self.standard = std
        self._raw = raw_sub_indices  # MISSING (-1) where not computable
        self._dominant_code = dominant_code  # position in names, -1 = none
        self._names = names

    @property
    def dominant(self) -> np.ndarray:
        labels = np.array([*self._names, ""], dtype=object)
        return _pick(labels, self._dominant_code)

    @property
    def category(self) -> np.ndarray:
        return category_of(self.standard, self.value)

    @property
    def sub_indices(self) -> dict[str, np.ndarray]:
        return {name: np.where(raw == MISSING, np.nan, raw) for name, raw in self._raw.items()}

    def __iter__(self):
        """Unpack as ``value, dominant, category = aqi.index(...)``."""
        return iter((self.value, self.dominant, self.category))

    def categories(self) -> np.ndarray:
        """The :class:`Category` objects of each value (None where NaN)."""
        return categories(self.standard, self.value)

    def __repr__(self) -> str:
        return (
            f"AqiResult(standard={self.standard.id!r}, value={self.value!r}, "
            f"dominant={self.dominant!r}, category={self.category!r})"
        )


def _pick(labels: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """``labels[positions]`` as an object array of the same shape, 0-d included."""
    out = np.empty(np.shape(positions), dtype=object)
    out[...] = labels[positions]
    return out


def _category_positions(std: Standard, values) -> tuple[np.ndarray, np.ndarray]:
    v = np.asarray(values, dtype=float)
    highs = np.array([c.high for c in std.categories], dtype=float)
    pos = np.searchsorted(highs, v, side="left")
    # above the top band (e.g. VN_AQI's capped 500) stays in the top category
    pos = np.where(np.isfinite(v), np.minimum(pos, len(highs) - 1), len(highs))
    return v, pos


def category_of(standard: str | Standard, values) -> np.ndarray:
    """Category keys of index ``values`` ("" where NaN), same shape as ``values``."""
    std = get_standard(standard)
    _, pos = _category_positions(std, values)
    keys = np.array([c.key for c in std.categories] + [""], dtype=object)
    return _pick(keys, pos)


def categories(standard: str | Standard, values=None):
    """The standard's :class:`Category` objects, or those of index ``values``.

    Without ``values``: the tuple of categories in index order. With ``values``: an
    object array of the same shape holding the :class:`Category` of each value (None
    where NaN).
    """
    std = get_standard(standard)
    if values is None:
        return std.categories
    _, pos = _category_positions(std, values)
    objects = np.empty(len(std.categories) + 1, dtype=object)
    objects[:-1] = std.categories
    return _pick(objects, pos)


def get_category(standard: str | Standard, key: str) -> Category:
    """The :class:`Category` with ``key``; ``ValueError`` lists the valid keys."""
    std = get_standard(standard)
    for category in std.categories:
        if category.key == key:
            return category
    raise ValueError(
        f"{std.id} has no category {key!r}; choose one of: "
        f"{', '.join(c.key for c in std.categories)}"
    )


def index(standard: str | Standard, concentrations: Mapping[str, object]) -> AqiResult:
    """Overall AQI: the highest individual index, with the pollutant that sets it.

    Parameters
    ----------
    standard : str or Standard
        A key of :data:`STANDARDS`.
    concentrations : mapping of str to float or array_like
        Pollutant id -> concentrations in the standard's units (see :func:`sub_index`);
        arrays of equal (or broadcastable) shape. NaN marks a missing reading.

    Returns
    -------
    AqiResult
        ``value`` (NaN where no sub-index is available, and for VN_AQI where neither PM10
        nor PM2.5 is), ``dominant``, ``category`` and ``sub_indices``.

    Notes
    -----
    The standards' switches between averaging periods work through NaN: HJ 633 1-hour SO2
    and 8-hour O3 above 800 µg/m³, EPA 8-hour O3 above 0.200 ppm and VN 8-hour O3 above
    400 µg/m³ are off their tables, so the other period given alongside decides. EPA
    1-hour SO2 of 305 ppb or more gives 200 unless the 24-hour SO2 is on its table.
    Ties name the pollutant given first.
    """
    std = get_standard(standard)
    if not concentrations:
        raise ValueError("give at least one pollutant concentration")
    tables = {name: _pollutant(std, name) for name in concentrations}
    arrays = np.broadcast_arrays(*(np.asarray(concentrations[n], dtype=float) for n in tables))
    conc = dict(zip(tables, arrays, strict=True))
    sub = {name: _raw_sub_index(std, tables[name], conc[name]) for name in tables}
    if std.adjust is not None:
        std.adjust(sub, conc)
    names = tuple(sub)
    value = np.array(sub[names[0]], dtype=float)  # a copy, and an array even when 0-d
    code = np.zeros(value.shape, dtype=np.int8)
    for position, name in enumerate(names[1:], start=1):
        current = sub[name]
        better = current > value  # MISSING is -1, so a missing value never wins
        np.maximum(value, current, out=value)
        np.copyto(code, position, where=better)
    missing = value == MISSING
    if std.required_any:
        have_required = np.zeros(value.shape, dtype=bool)
        for name in std.required_any:
            if name in sub:
                have_required |= sub[name] != MISSING
        missing |= ~have_required
    value[missing] = np.nan
    code[missing] = -1
    if std.primary_above is not None:
        code[~(value > std.primary_above)] = -1
    return AqiResult(value, code, names, std, sub)
