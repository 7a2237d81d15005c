"""EPA's 2019 ozone NowCast: a two-week regression of 8-hour means on 96 hourly values.

AirNow has used this method since 1 August 2019; the 2024 TAD [1]_ names it as EPA's ozone
NowCast ("based on the relationship of 1-hour and 8-hour data over the most recent two-week
rolling window") and points to EPA's white paper [2]_ and R code [3]_. The definition below
is read from those two; where they disagree, the R code (what AirNow ran) is followed and the
difference is named.

For the hour just ended, ``t``, take the 336 hourly values ending at ``t`` (the window);
missing hours are NaN. Then, in this order ([3]_ ``GetNowcast.r``):

1. no valid hour in the window: no NowCast (EPA method id 8);
2. fewer than 252 valid hours (75 %), or a run of more than 7 missing hours: the
   *surrogate* ``0.85 c + 4.5`` [ppb] of the latest of hours ``t``, ``t-1``, ``t-2`` that
   has a value (ids 3, 5, 7), none: no NowCast (8) -- [2]_ equation 3;
3. the valid hours sum to 0: NowCast 0 (id 1);
4. hour ``t`` missing: the NowCast of hour ``t-1`` if ``t-1`` has a value (id 4), else
   that of ``t-2`` if it has one (id 6), else none (8);
5. otherwise the regression (id 2):

   a. 8-hour means ``m_s`` centred on each hour ``s``: the mean of hours ``s-4 ... s+3``
      present, if at least 6 of the 8 are ([3]_ ``rollapply(..., list(-4:3))``; none where
      the window leaves the 336 hours, so never for the last 3 hours);
   b. missing hours filled for the regressors only: a missing hour ``i`` gets the mean of
      the values present in ``i-k ... i+k`` weighted ``2^-|j-i|``, with ``k = 4`` widened
      by one until at least 2 values are present ([3]_ calls ``imputeTS::na.ma`` with its
      defaults ``k = 4, weighting = "exponential"``);
   c. the 241 rows ``s`` = window positions 96 ... 336: regressors the 96 filled hours
      ``s-95 ... s``, target ``m_s``. If more than 25 % of these 241 targets are missing,
      no NowCast (id 8; [2]_ says a surrogate instead);
   d. fit ``m_s ~ b0 + Σ b_j x_j`` on the rows that have a target by partial least squares
      with all 96 components (R ``pls::mvr`` defaults: centred, unscaled, kernel PLS,
      ``ncomp = min(rows - 1, 96)``). With every component, PLS is the least-squares fit
      (its Krylov space holds the minimum-norm least-squares solution), and so it is
      computed here;
   e. the NowCast is the fit's value at row 336 (regressors: filled hours ``t-95 ... t``);
      below 0 it is 0 (id 1). Where the targets are all equal, R's PLS divides 0 by 0 and
      EPA's code reports no value (8); so does this function.

The NowCast estimates the 8-hour mean centred on hour ``t`` (hours ``t-4 ... t+3``), in the
unit of the input; it is not rounded or truncated (the TAD truncates 8-hour O3 to 0.001 ppm
when it makes the index).

Where the sources differ (the R code is followed)
    - [2]_ "Data Handling" 3 asks that "the current and previous 2 hours must not be NA";
      the code runs the regression whenever the current hour is there (and AirNow-Tech's
      note says "at least 1 valid hour of ozone data in the past 3 hours").
    - [2]_ gives a surrogate when over 25 % of the 8-hour means are missing; the code gives
      no value (its message: "Failed to generate a NowCast value").
    - [2]_ has both "longer than 7 hours" and "longer than 8 hours" for the run of missing
      hours; the code uses "more than 7".
    - [2]_ applies the coefficients to "x240 through x336" (97 values); the code to the 96
      hours 241 ... 336.

What the sources leave open, and what is chosen here
    - The unit of the surrogate's 4.5: not stated. EPA's example data are of ppb size (the
      file names no unit), so it is taken as 4.5 ppb (``unit="ppm"`` uses 0.0045 ppm).
    - Hours before the start of the given history count as missing (EPA's stream always
      has 336 hourly slots, NULL where missing); with less than two weeks of data, rule 2
      gives the surrogate.
    - Rule 4 reads the NowCast stored for the earlier hour from AirNow's database; here it
      is recomputed from the same history (the window ending at that hour).
    - Where the 96 regressors are exactly linearly dependent (a straight line, a pure sine:
      not measurements), R's 96-component PLS is numerically unstable (it gives 53.02 for
      the example below); this function returns the exact least-squares value. On EPA's
      example data and on noisy series with gaps both agree to about 1e-13.

References
----------
.. [1] U.S. EPA, EPA-454/B-24-002, Technical Assistance Document for the Reporting of Daily
   Air Quality -- the AQI, May 2024, section IV "How the NowCast is calculated": "EPA
   implemented the latest NowCast method for ozone on August 1, 2019. The ozone NowCast
   method is based on the relationship of 1-hour and 8-hour data over the most recent
   two-week rolling window."
.. [2] A. Reff, D. Mintz, L. Naess (U.S. EPA), *The O3 NowCast: U.S. EPA's Method for
   Characterizing and Communicating Current Air Quality*, white paper, 2019
   (``WhitePaper.pdf`` of [3]_): equations 1-3, "Data Handling".
.. [3] U.S. EPA, O3-NowCast, R code, github.com/USEPA/O3-Nowcast, commit 9853995 (26 Dec
   2019): ``GetNowcast.r``, ``NowcastFun_Upd.r``, ``ExampleData.csv``; AirNow-Tech forum,
   "The Nowcast for Ozone - 2019 Update (Partial Least Squares Method)".

Examples
--------
Two weeks of hourly ozone rising by 0.1 ppb an hour from 20.1 ppb: the regression fits
exactly, and the NowCast is the mean of hours ``t-4 ... t+3``, half an hour's rise below the
last value 53.6 ppb:

>>> hours = 20 + 0.1 * np.arange(1, 337)
>>> round(float(nowcast_o3_2019(hours)), 6)
53.55
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

#: Hours in the rolling window (two weeks) and in the regressors (four days).
WINDOW = 336
LAGS = 96
#: Valid hours needed in the window (75 %) and the longest run of missing hours allowed.
MIN_VALID = 252
MAX_GAP = 7
#: The surrogate ``NowCast = SLOPE * c + INTERCEPT`` (INTERCEPT in ppb).
SLOPE = 0.85
INTERCEPT_PPB = 4.5
_UNITS = {"ppb": 1.0, "ppm": 1e-3}

#: EPA's method ids ([3] ``GetNowcast.r``) as returned with ``return_method=True``.
METHOD_IDS: dict[int, str] = {
    1: "0: all valid hours are 0, or the regression gave less than 0",
    2: "regression (PLS) on the last two weeks",
    3: "surrogate 0.85 c + 4.5 ppb of the current hour",
    4: "the NowCast of the previous hour (current hour missing)",
    5: "surrogate of the previous hour (current hour missing)",
    6: "the NowCast of 2 hours ago (current and previous hours missing)",
    7: "surrogate of 2 hours ago (current and previous hours missing)",
    8: "no NowCast",
}

_BATCH = 128  # regressions solved at once (each is 241 x 96 doubles)
_CHUNK = 2048  # windows of 336 hours examined at once with ``every_hour``


def nowcast_o3_2019(hourly, *, unit: str = "ppb", every_hour: bool = False, return_method=False):
    """EPA's 2019 ozone NowCast (two-week regression) for the latest hour or every hour.

    Parameters
    ----------
    hourly : array_like, shape (..., n)
        Hourly mean ozone of each site, **oldest first** along the last axis
        (``hourly[..., -1]`` is the hour just ended); NaN marks a missing hour. The
        regression needs about two weeks: hours before the start count as missing, so with
        ``n < 329`` (a run of more than 7 missing) the result is the surrogate. In [ppb] or
        [ppm] (``unit``).
    unit : {"ppb", "ppm"}
        Unit of ``hourly`` and of the result; it sets the surrogate's intercept (4.5 ppb).
    every_hour : bool
        False: the NowCast of the last hour only, shape ``(...)``. True: that of every hour,
        shape ``(..., n)``, each from the history up to that hour.
    return_method : bool
        Also return EPA's method id of each value (int8, see :data:`METHOD_IDS`).

    Returns
    -------
    numpy.ndarray or tuple of numpy.ndarray
        The NowCast [same unit as ``hourly``], an estimate of the 8-hour mean centred on the
        hour (that hour, 4 before and 3 after); NaN where there is none. Not truncated: for
        the index, truncate to 0.001 ppm and use ``aqi.sub_index("us-epa-2024", "o3_8h",
        ...)``. With ``return_method``: ``(nowcast, method_id)``.

    Raises
    ------
    ValueError
        For a scalar ``hourly`` or an unknown ``unit``.

    Notes
    -----
    The method, step by step, with its sources and the choices made where they are silent,
    is in the docstring of :mod:`lmec.quality.aqi.nowcast_o3`. Each regression is a
    least-squares fit of 241 rows on 96 regressors, solved by SVD; ``every_hour`` solves one
    per hour and site.

    References
    ----------
    .. [1] U.S. EPA, EPA-454/B-24-002 (May 2024), section IV "How the NowCast is calculated".
    .. [2] A. Reff, D. Mintz, L. Naess, *The O3 NowCast: U.S. EPA's Method for
       Characterizing and Communicating Current Air Quality*, U.S. EPA white paper, 2019.
    .. [3] U.S. EPA, O3-NowCast R code, github.com/USEPA/O3-Nowcast (``GetNowcast.r``,
       ``NowcastFun_Upd.r``), 2019.

    Examples
    --------
    Less than two weeks of data: the surrogate of the last hour, 0.85 * 40 + 4.5 = 38.5 ppb.

    >>> value, method = nowcast_o3_2019([35.0, 38.0, 40.0], return_method=True)
    >>> float(value), int(method)
    (38.5, 3)
    """
    try:
        scale = _UNITS[unit]
    except (KeyError, TypeError):
        raise ValueError(f"unknown unit {unit!r}; choose one of: ppb, ppm") from None
    c = np.asarray(hourly, dtype=float)
    if c.ndim == 0:
        raise ValueError("hourly needs a last axis of hours (oldest first)")
    shape, n = c.shape[:-1], c.shape[-1]
    c = c.reshape(int(np.prod(shape)), n)
    c = np.where(np.isfinite(c), c, np.nan)
    intercept = INTERCEPT_PPB * scale
    # hours before the start are missing: pad so that every hour has its full window
    lead = WINDOW - 1 if n else WINDOW  # no hours at all: one window, all missing
    padded = np.concatenate([np.full((c.shape[0], lead), np.nan), c], axis=1)
    windows = sliding_window_view(padded, WINDOW, axis=1)  # (sites, n, 336), a view
    if every_hour:
        value = np.empty(c.shape)
        method = np.empty(c.shape, dtype=np.int8)
        for start in range(0, c.size, _CHUNK):  # a few MB of windows at a time
            site, hour = np.divmod(np.arange(start, min(start + _CHUNK, c.size)), n)
            value[site, hour], method[site, hour] = _decide(windows[site, hour], intercept)
        # rule 4: the NowCast of hour t-1 or t-2, whose own current hour is present
        for lag, code in ((1, 4), (2, 6)):
            earlier = np.full_like(value, np.nan)
            earlier[:, lag:] = value[:, :-lag]
            value = np.where(method == code, earlier, value)
        shape = (*shape, n)
    else:
        value, method = _decide(windows[:, -1], intercept)
        for lag, code in ((1, 4), (2, 6)):
            sites = np.flatnonzero(method == code)
            if sites.size and n > lag:
                value[sites] = _decide(windows[sites, -1 - lag], intercept)[0]
            elif sites.size:
                value[sites] = np.nan
    value, method = value.reshape(shape), method.reshape(shape)
    return (value, method) if return_method else value


def _decide(w: np.ndarray, intercept: float) -> tuple[np.ndarray, np.ndarray]:
    """EPA's decision tree for windows ``w`` (m, 336); rule 4 left as ids 4 and 6 (NaN)."""
    m = w.shape[0]
    valid = ~np.isnan(w)
    count = valid.sum(axis=1)
    positions = np.arange(WINDOW)
    last_valid = np.maximum.accumulate(np.where(valid, positions, -1), axis=1)
    longest_gap = (positions - last_valid).max(axis=1)
    total = np.where(valid, w, 0.0).sum(axis=1)

    value = np.full(m, np.nan)
    method = np.full(m, 8, dtype=np.int8)
    now, before, before2 = valid[:, -1], valid[:, -2], valid[:, -3]

    surrogate = (count > 0) & ((count < MIN_VALID) | (longest_gap > MAX_GAP))
    for ok, column, code in ((now, -1, 3), (before, -2, 5), (before2, -3, 7)):
        take = surrogate & ok & (method == 8)
        value[take] = SLOPE * w[take, column] + intercept
        method[take] = code

    rest = (count > 0) & ~surrogate
    zero = rest & (total == 0)
    value[zero], method[zero] = 0.0, 1
    rest &= ~zero
    method[rest & ~now & before] = 4
    method[rest & ~now & ~before & before2] = 6

    fit = np.flatnonzero(rest & now)
    for start in range(0, fit.size, _BATCH):
        rows = fit[start : start + _BATCH]
        predicted = _regression(w[rows])
        good = np.isfinite(predicted)
        value[rows] = np.where(good, np.maximum(predicted, 0.0), np.nan)
        method[rows] = np.where(good, np.where(predicted < 0, 1, 2), 8)
    return value, method


def _fill(w: np.ndarray) -> np.ndarray:
    """Missing hours as the ``2^-|distance|``-weighted mean of the values within ±k hours,
    k = 4 widened until at least 2 values are there (``imputeTS::na.ma`` defaults)."""
    valid = ~np.isnan(w)
    values = np.where(valid, w, 0.0)
    out = w.copy()
    todo = ~valid
    k = 4
    n = w.shape[1]
    while todo.any() and k <= n:
        num = np.zeros_like(values)
        den = np.zeros_like(values)
        present = np.zeros(w.shape, dtype=np.int64)
        for d in range(-k, k + 1):
            weight = 0.5 ** abs(d)
            if d >= 0:
                src, dst = slice(d, n), slice(0, n - d)
            else:
                src, dst = slice(0, n + d), slice(-d, n)
            num[:, dst] += weight * values[:, src]
            den[:, dst] += weight * valid[:, src]
            present[:, dst] += valid[:, src]
        done = todo & (present >= 2)
        out[done] = num[done] / den[done]
        todo &= ~done
        k += 1
    return out


def _regression(w: np.ndarray) -> np.ndarray:
    """Step 5 for windows ``w`` (b, 336) whose last hour is present: the predicted mean."""
    valid = ~np.isnan(w)
    # a. 8-hour means centred on each hour (hours s-4 ... s+3), at least 6 of 8 present
    target = np.full(w.shape, np.nan)
    eight = sliding_window_view(np.where(valid, w, 0.0), 8, axis=1).sum(axis=2)
    present = sliding_window_view(valid, 8, axis=1).sum(axis=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        target[:, 4 : WINDOW - 3] = np.where(present >= 6, eight / present, np.nan)
    # c. rows: window positions 96 ... 336 (0-based 95 ... 335)
    y = target[:, LAGS - 1 :]
    has_y = ~np.isnan(y)
    rows = y.shape[1]
    enough = (rows - has_y.sum(axis=1)) / rows <= 0.25
    # b. filled hours for the regressors
    x = sliding_window_view(_fill(w), LAGS, axis=1)  # (b, 241, 96)
    count = has_y.sum(axis=1)
    weight = has_y.astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        x_mean = np.einsum("br,brj->bj", weight, x) / count[:, None]
        y_mean = np.where(has_y, y, 0.0).sum(axis=1) / count
    xc = (x - x_mean[:, None, :]) * weight[:, :, None]
    yc = np.where(has_y, y - y_mean[:, None], 0.0)
    # all targets equal: R's PLS divides 0 by 0 and EPA's code reports no value
    flat = np.where(has_y, y, -np.inf).max(axis=1) == np.where(has_y, y, np.inf).min(axis=1)
    use = enough & ~flat
    coef = np.zeros((w.shape[0], LAGS))
    coef[use] = _least_squares(xc[use], yc[use])
    # e. the value at the last row (regressors: the filled hours t-95 ... t)
    predicted = y_mean + np.einsum("bj,bj->b", x[:, -1, :] - x_mean, coef)
    return np.where(use, predicted, np.nan)


def _least_squares(xc: np.ndarray, yc: np.ndarray) -> np.ndarray:
    """Minimum-norm least-squares coefficients of each centred system ``xc @ b = yc``.

    PLS with all components gives this solution. Well-conditioned systems (EPA's example
    and every noisy series tried) go through the normal equations; the others through an
    SVD with the cut-off of :func:`numpy.linalg.lstsq`.
    """
    coef = np.zeros(xc.shape[::2])
    if not len(xc):
        return coef
    xt = xc.transpose(0, 2, 1)
    gram = xt @ xc
    rhs = (xt @ yc[:, :, None])[:, :, 0]
    eigenvalues, vectors = np.linalg.eigh(gram)
    top = eigenvalues[:, -1]
    well = eigenvalues[:, 0] > 1e-8 * top  # cond(xc) < 1e4: error ~ 1e-8 relative at most
    projected = np.einsum("bjk,bj->bk", vectors[well], rhs[well]) / eigenvalues[well]
    coef[well] = np.einsum("bjk,bk->bj", vectors[well], projected)
    if (~well).any():
        u, s, vt = np.linalg.svd(xc[~well], full_matrices=False)
        cutoff = np.finfo(float).eps * max(xc.shape[1:]) * s[:, :1]
        inverse = np.where(s > cutoff, 1.0 / np.where(s > 0, s, 1.0), 0.0)
        uty = np.einsum("brk,br->bk", u, yc[~well])
        coef[~well] = np.einsum("bkj,bk->bj", vt, inverse * uty)
    return coef
