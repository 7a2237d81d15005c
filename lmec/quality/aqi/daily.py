"""From hourly series to the daily inputs each standard's daily index asks for.

Hourly values are period-beginning: position ``h`` of a day covers ``[h:00, h+1:00)``
local time, the hour China and Viet Nam label ``h+1`` ("1 时" ... "24 时"; VN_AQI's day
runs "từ 01:00 giờ đến 00:00 hôm sau").

What each standard asks for, and with which data-validity rule:

``cn-hj633-2012``, ``cn-hj633-2026`` (日报, [1]_ [2]_ [3]_ [8]_)
    SO2, NO2, CO, PM10, PM2.5 24-hour means, valid with at least 20 hourly values
    (GB 3095-2012 Table 4; GB 3095-2026 Table 4 keeps the rule); O3 daily maximum 8-hour
    moving mean over the 17 windows ending at 8 时 ... 24 时 (hours 00-08 ... 16-24 of the
    same day), each valid with at least 6 of its 8 hours, the daily maximum valid with at
    least 14 valid windows (HJ 663). HJ 633-2012 (5.1.2, seven indicators) adds the O3 daily
    maximum 1-hour value; HJ 633-2026 (4.2.2, six indicators) does not.
``us-epa-2024`` ([4]_ [5]_)
    PM2.5, PM10 and SO2 24-hour means (18 of 24 hours, 75 %); O3 daily maximum of the 17
    8-hour means starting 07:00 ... 23:00 (each 6 of 8 hours, at least 13 of 17 windows),
    which reach into the next day; CO daily maximum 8-hour mean of the 24 windows starting
    in the day (6 of 8 hours, 18 of 24 windows); O3, SO2 and NO2 daily maximum 1-hour
    value (18 of 24 hours).
``th-pcd-2023`` ([6]_)
    PM 24-hour means; O3 and CO daily maximum 8-hour running means (24 windows ending in
    the day); NO2 and SO2 daily maximum 1-hour values. The announcement states no
    completeness rule; the 75 % rule (18 of 24, 6 of 8) is applied as a project default.
``vn-1459-2019`` ([7]_, 2.2.2 a)
    PM 24-hour means; O3 daily maximum 1-hour value and daily maximum 8-hour mean (24
    windows ending at 01:00 ... 00:00, reaching into the previous day); SO2, NO2, CO daily
    maximum 1-hour values. The decision states no completeness rule: as written, a mean
    is that of the hours present (at least one).

Every threshold can be overridden with the keyword arguments of :func:`daily_inputs`.

References
----------
.. [1] HJ 633-2012 环境空气质量指数（AQI）技术规定（试行）, section 5 (日报 content).
.. [2] GB 3095-2012 环境空气质量标准, Table 4 (数据统计的有效性规定): 24-hour mean at least
   20 hourly values; 8-hour mean at least 6 hourly values.
.. [3] HJ 663-2013 环境空气质量评价技术规范（试行）: 臭氧日最大8小时平均, 8 时至 24 时.
.. [4] 40 CFR Part 50 Appendix U (ozone: 17 eight-hour periods from 07:00, 13 of 17).
.. [5] AirNow-Tech, "Daily and hourly AQI" notes (75 % of hours for daily values).
.. [6] Pollution Control Department (Thailand), AQI announcement B.E. 2566, Table 2.
.. [7] Tổng cục Môi trường, Quyết định 1459/QĐ-TCMT (2019), section 2.2.2 a.
.. [8] HJ 633-2026 环境空气质量指数（AQI）技术规定, 4.2.2 (日报: "SO2、NO2、CO、PM10、PM2.5 日平均
   以及 O3 日最大 8 小时平均 6 个指标"); GB 3095-2026, Table 4 (污染物浓度数据有效性的最低要求).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

GASES = ("pm25", "pm10", "o3", "so2", "no2", "co")


@dataclass(frozen=True)
class _Rule:
    """How one daily input is made from its gas's hourly series."""

    gas: str
    kind: str  # "mean24", "max1", "max8"
    min_hours: int = 1  # per day (mean24, max1) or per 8-hour window (max8)
    first_end: int = 0  # max8: end hour (0-23, within the day) of the first window
    windows: int = 24  # max8: number of consecutive windows
    min_windows: int = 1  # max8: valid windows needed for a valid daily maximum


def _rules(std_id: str) -> dict[str, _Rule]:
    if std_id.startswith("cn-hj633"):
        rules = {f"{g}_24h": _Rule(g, "mean24", 20) for g in ("so2", "no2", "co", "pm10", "pm25")}
        if std_id == "cn-hj633-2012":  # HJ 633-2012 5.1.2; not a 2026 daily indicator
            rules["o3_1h"] = _Rule("o3", "max1", 1)
        # windows ending at 8 时..24 时 = end positions 7..23, all inside the day
        rules["o3_8h"] = _Rule("o3", "max8", 6, first_end=7, windows=17, min_windows=14)
        return rules
    if std_id == "us-epa-2024":
        return {
            "pm25_24h": _Rule("pm25", "mean24", 18),
            "pm10_24h": _Rule("pm10", "mean24", 18),
            "so2_24h": _Rule("so2", "mean24", 18),
            # windows starting 07:00..23:00 end at 14..30 (30 = 06:00 next day)
            "o3_8h": _Rule("o3", "max8", 6, first_end=14, windows=17, min_windows=13),
            "co_8h": _Rule("co", "max8", 6, first_end=7, windows=24, min_windows=18),
            "o3_1h": _Rule("o3", "max1", 18),
            "so2_1h": _Rule("so2", "max1", 18),
            "no2_1h": _Rule("no2", "max1", 18),
        }
    if std_id == "th-pcd-2023":
        return {
            "pm25_24h": _Rule("pm25", "mean24", 18),
            "pm10_24h": _Rule("pm10", "mean24", 18),
            "o3_8h": _Rule("o3", "max8", 6, first_end=0, windows=24, min_windows=18),
            "co_8h": _Rule("co", "max8", 6, first_end=0, windows=24, min_windows=18),
            "no2_1h": _Rule("no2", "max1", 18),
            "so2_1h": _Rule("so2", "max1", 18),
        }
    if std_id == "vn-1459-2019":
        return {
            "pm25_24h": _Rule("pm25", "mean24", 1),
            "pm10_24h": _Rule("pm10", "mean24", 1),
            "o3_1h": _Rule("o3", "max1", 1),
            # 2.2.2 a: 24 eight-hour means per day, the first ending at 01:00
            "o3_8h": _Rule("o3", "max8", 1, first_end=0, windows=24, min_windows=1),
            "so2_1h": _Rule("so2", "max1", 1),
            "no2_1h": _Rule("no2", "max1", 1),
            "co_1h": _Rule("co", "max1", 1),
        }
    raise ValueError(f"no daily rules for {std_id!r}")


def _moving_8h(x: np.ndarray, valid: np.ndarray, min_hours: int) -> np.ndarray:
    """Mean of the 8 hours ending at each hour (NaN if fewer than ``min_hours`` present).

    Cumulative sums make it O(n) for any length; windows that begin before the series
    count their absent hours as missing.
    """
    zeros = np.zeros((*x.shape[:-1], 1))
    total = np.concatenate([zeros, np.cumsum(np.where(valid, x, 0.0), axis=-1)], axis=-1)
    count = np.concatenate([zeros, np.cumsum(valid, axis=-1, dtype=float)], axis=-1)
    end = np.arange(1, x.shape[-1] + 1)
    start = np.maximum(end - 8, 0)
    n = count[..., end] - count[..., start]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (total[..., end] - total[..., start]) / n
    return np.where(n >= min_hours, mean, np.nan)


def daily_inputs(
    standard,
    hourly: Mapping[str, object],
    *,
    min_hours_24h: int | None = None,
    min_hours_8h: int | None = None,
    min_windows_8h: int | None = None,
) -> dict[str, np.ndarray]:
    """Daily inputs of ``standard`` from hourly means, with its data-validity rules.

    Parameters
    ----------
    standard : str or Standard
        A key of :data:`lmec.quality.aqi.STANDARDS`.
    hourly : mapping of str to array_like, shape (..., 24 * days)
        Gas (``pm25``, ``pm10``, ``o3``, ``so2``, ``no2``, ``co``) -> hourly means in the
        standard's units, oldest first along the last axis, starting at 00:00 local time
        of the first day; NaN marks a missing hour. Gases the standard does not use, or
        that are absent, are skipped.
    min_hours_24h, min_hours_8h, min_windows_8h : int, optional
        Override the standard's completeness rules (hours per day for 24-hour means and
        daily maxima of 1-hour values; hours per 8-hour window; valid windows per day).

    Returns
    -------
    dict of str to numpy.ndarray, shape (..., days)
        Pollutant id (``pm25_24h``, ``o3_8h``, ``so2_1h``, ...) -> daily value, NaN where
        the day fails the validity rule; ready for :func:`lmec.quality.aqi.index`.

    Examples
    --------
    >>> import numpy as np
    >>> out = daily_inputs("cn-hj633-2012", {"pm25": np.full(48, 80.0)})
    >>> out["pm25_24h"].tolist()
    [80.0, 80.0]
    """
    from . import get_standard  # late import: the package imports this module

    std = get_standard(standard)
    unknown = sorted(set(hourly) - set(GASES))
    if unknown:
        raise ValueError(f"unknown gas {unknown[0]!r}; choose one of: {', '.join(GASES)}")
    out: dict[str, np.ndarray] = {}
    prepared: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for pid, rule in _rules(std.id).items():
        if rule.gas not in hourly:
            continue
        if rule.gas not in prepared:
            x = np.asarray(hourly[rule.gas], dtype=float)
            if x.ndim == 0 or x.shape[-1] % 24:
                raise ValueError(
                    f"hourly[{rule.gas!r}] needs a last axis of 24 * days hours, "
                    f"got shape {x.shape}"
                )
            with np.errstate(invalid="ignore"):
                x = np.where(x < 0, np.nan, x)  # a negative concentration is not a reading
            prepared[rule.gas] = (x, np.isfinite(x))
        x, valid = prepared[rule.gas]
        days = x.shape[-1] // 24
        shape = (*x.shape[:-1], days, 24)
        if rule.kind in ("mean24", "max1"):
            need = rule.min_hours if min_hours_24h is None else min_hours_24h
            xd, vd = x.reshape(shape), valid.reshape(shape)
            n = vd.sum(axis=-1)
            if rule.kind == "mean24":
                with np.errstate(invalid="ignore", divide="ignore"):
                    value = np.where(vd, xd, 0.0).sum(axis=-1) / n
            else:
                value = np.where(vd, xd, -np.inf).max(axis=-1)
            out[pid] = np.where(n >= need, value, np.nan)
            continue
        need = rule.min_hours if min_hours_8h is None else min_hours_8h
        need_windows = rule.min_windows if min_windows_8h is None else min_windows_8h
        moving = _moving_8h(x, valid, need)  # mean of the 8 hours ending at each hour
        # windows ending up to 30 hours into a day reach into the next day: pad with NaN
        pad = np.full((*x.shape[:-1], 24), np.nan)
        moving = np.concatenate([moving, pad], axis=-1)
        ends = np.arange(days)[:, None] * 24 + rule.first_end + np.arange(rule.windows)
        windows = moving[..., ends]  # (..., days, windows)
        ok = np.isfinite(windows)
        best = np.where(ok, windows, -np.inf).max(axis=-1)
        out[pid] = np.where(ok.sum(axis=-1) >= need_windows, best, np.nan)
    return out
