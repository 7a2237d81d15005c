"""NowCast: a recency-weighted mean of the last hours, standing in for a 24-hour mean.

Three methods:

``us-epa`` (alias ``us-epa-pm``)
    PM2.5 and PM10 [1]_ [2]_: the 12 most recent hours; weight factor
    ``w* = c_min / c_max``, ``w = max(w*, 0.5)``; ``NowCast = Σ w^(i-1) c_i / Σ w^(i-1)``
    over the hours that have data. Valid only if 2 of the 3 most recent hours have data.
``us-epa-o3``
    Ozone [3]_: the same formula on the 8 most recent hours, with no minimum weight factor
    (``w = w*``, at most 1); 2 of the 3 most recent hours needed. This is AirNow's 2016
    method, kept for compatibility: it is no longer EPA's. The 2024 TAD [1]_ uses the newer
    one: "EPA implemented the latest NowCast method for ozone on August 1, 2019 ... based on
    the relationship of 1-hour and 8-hour data over the most recent two-week rolling
    window" (white paper and R code at github.com/USEPA/O3-Nowcast). That method is
    :func:`lmec.quality.aqi.nowcast_o3_2019` (module :mod:`.nowcast_o3`): a regression of
    the centred 8-hour means on the 96 preceding hourly values, refitted each hour on the
    last 336 hours, with EPA's fallbacks. It needs two weeks of history, oldest first, and
    a unit (its fallback ``0.85 c + 4.5`` is in ppb), so it is a function of its own and not
    a method of :func:`nowcast`.
``vn-1459-2019``
    VN_AQI [4]_, 2.2.1 a: the 12 most recent hours; ``w* = c_min / c_max``. If
    ``w* > 1/2``: ``Σ w*^(i-1) c_i / Σ w*^(i-1)``. If ``w* <= 1/2`` the decision writes
    ``NowCast = Σ (1/2)^i c_i`` (no division; the weights sum to 1 - 2^-12, so it equals
    the normalised form to 0.03 % when all 12 hours are present) -- implemented as written.
    A missing ``c_i`` gets weight 0; 2 of the 3 most recent hours needed.

The result is the raw weighted mean; the standards' truncation (EPA: PM2.5 to 0.1 µg/m³,
PM10 to 1 µg/m³) happens when it is turned into an index with ``pm25_nowcast`` or
``pm10_nowcast``.

References
----------
.. [1] U.S. EPA, EPA-454/B-24-002, Technical Assistance Document for the Reporting of Daily
   Air Quality -- the AQI, May 2024, section IV "How the NowCast is calculated": steps 1-8
   (range, "scaled rate of change", weight factor "between 0.5 and 1", weights raised to
   the "number of hours ago") and "Missing data: 2 of the last 3 hours of data must be
   valid for a NowCast calculation."
.. [2] U.S. EPA, *PM NowCast* fact sheet (steps 1-8: range, scaled rate of change, weight
   factor at least 0.5, weighted mean); AirNow-Tech "The NowCast for PM2.5 and PM10":
   "2 of the past 3 hourly data points must be valid".
.. [3] AirNow-Tech, "AirNow updates to ozone real-time reporting" (2016): ozone NowCast over
   the last 8 hours, no minimum weight factor, same missing-data rule; worked example
   63, 69, 80, 74, 60, missing, 35, 22 ppb -> w = 0.275.
.. [4] Tổng cục Môi trường, Quyết định 1459/QĐ-TCMT (2019), section 2.2.1 a and the worked
   example of 2.3 a (w* = 0.61, NowCast = 20.3 µg/m³).
"""

from __future__ import annotations

import numpy as np

#: Method name -> (hours used, minimum weight factor or None, formula)
NOWCAST_METHODS: dict[str, tuple[int, float | None, str]] = {
    "us-epa": (12, 0.5, "normalised"),
    "us-epa-pm": (12, 0.5, "normalised"),
    "us-epa-o3": (8, None, "normalised"),
    "vn-1459-2019": (12, None, "vn"),
}


def nowcast(method: str, hourly) -> np.ndarray:
    """NowCast concentration from the most recent hourly means.

    Parameters
    ----------
    method : str
        ``"us-epa"`` (PM, also ``"us-epa-pm"``), ``"us-epa-o3"`` or ``"vn-1459-2019"``.
    hourly : array_like, shape (..., k)
        Hourly mean concentrations, newest first along the last axis (``hourly[..., 0]`` is
        the hour just ended); NaN marks a missing hour. ``k`` is normally 12; the method
        uses the first 12 (8 for ozone) columns and treats absent columns as missing.
        Any unit: the result is in the same unit.

    Returns
    -------
    numpy.ndarray, shape (...)
        NaN where fewer than 2 of the 3 most recent hours have data.

    Examples
    --------
    >>> float(nowcast("us-epa", [13, 16, 10, 21, 74, 64, 53, 82, 90, 75, 80, 50]).round(1))
    17.4
    """
    try:
        hours, minimum, formula = NOWCAST_METHODS[method]
    except (KeyError, TypeError):
        raise ValueError(
            f"unknown NowCast method {method!r}; choose one of: "
            f"{', '.join(sorted(NOWCAST_METHODS))}"
        ) from None
    c = np.asarray(hourly, dtype=float)
    if c.ndim == 0:
        raise ValueError("hourly needs a last axis of hours (newest first)")
    c = c[..., :hours]
    if c.shape[-1] < hours:  # fewer columns than hours: the rest are missing
        pad = np.full((*c.shape[:-1], hours - c.shape[-1]), np.nan)
        c = np.concatenate([c, pad], axis=-1)
    valid = np.isfinite(c)
    enough = valid[..., :3].sum(axis=-1) >= 2
    cmin = np.where(valid, c, np.inf).min(axis=-1)
    cmax = np.where(valid, c, -np.inf).max(axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        w_star = np.where(cmax > 0, cmin / cmax, 1.0)  # all zero: no change, plain mean
    w_star = np.clip(w_star, 0.0, 1.0)
    w = np.maximum(w_star, minimum) if minimum is not None else w_star
    age = np.arange(hours, dtype=float)  # i - 1 for the i-th most recent hour
    weights = np.where(valid, w[..., None] ** age, 0.0)
    values = np.where(valid, c, 0.0)
    numerator = (weights * values).sum(axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        result = numerator / weights.sum(axis=-1)
    if formula == "vn":
        # [4]: if w* <= 1/2, NowCast = Σ_{i=1}^{12} (1/2)^i c_i, missing hours weigh 0
        half = np.where(valid, 0.5 ** (age + 1.0), 0.0)
        result = np.where(w_star <= 0.5, (half * values).sum(axis=-1), result)
    return np.where(enough, result, np.nan)
