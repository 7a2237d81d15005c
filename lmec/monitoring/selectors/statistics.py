"""Statistics of a station: exceedances of limit values, completeness, trend over the years.

All from the daily values (:class:`~lmec.monitoring.models.DailyValue`): a station-year is
365 rows per parameter.

Exceedances ([1]_ [2]_)
    Each short-term limit of WHO's 2021 air quality guideline levels and of the national
    limit set in force (:data:`NATIONAL_LIMITS`) is compared with the day's value for its
    averaging period, counting days with valid data and days above the limit
    (:func:`lmec.quality.limits.count_exceedances`: "above" is greater than). Daily values:
    24-hour means; for 8-hour limits the daily maximum of the 8-hour running means; for
    1-hour limits the daily maximum hour (a day with any hour above the limit counts; the
    hours above are counted too). Validity: China's sets follow GB 3095 Table 4 (a 24-hour
    mean needs 20 hours, an 8-hour mean 6, the O3 daily maximum 8-hour value the 17 windows
    ending at 8 时..24 时 with 14 valid, HJ 663; an annual mean 324 daily values); the others
    the 75 % rule of WHO's and the EU's practice (18 hours a day, 6 of 8 hours, 18 of the 24
    windows ending in the day, 75 % of the days for an annual mean). Annual limits compare
    the year's mean of valid daily means.

Trend ([3]_ [4]_ [5]_)
    Seasonal Mann-Kendall test (period 12) with Sen's slope on monthly means, by
    ``pymannkendall.seasonal_test``. A month's mean is that of its valid daily means if at
    least 75 % of its days are valid. The normal approximation of the test statistic is
    appropriate for monthly data from 3 years on [4]_, so fewer years give no test.

References
----------
.. [1] WHO global air quality guidelines (2021), Table 0.1; :mod:`lmec.quality.limits`.
.. [2] GB 3095-2012 and GB 3095-2026, Table 4 (数据统计的有效性规定); HJ 663-2013.
.. [3] R. M. Hirsch, J. R. Slack, R. A. Smith, Techniques of trend analysis for monthly
   water quality data, Water Resources Research 18(1), 107-121 (1982); R. M. Hirsch,
   J. R. Slack, A nonparametric trend test for seasonal data with serial dependence, Water
   Resources Research 20(6), 727-732 (1984), doi:10.1029/WR020i006p00727.
.. [4] R. O. Gilbert, Statistical Methods for Environmental Pollution Monitoring (1987),
   ch. 17, as summarised in PNNL's Visual Sample Plan help ("Seasonal Kendall Test for
   Monotonic Trend"): Hirsch, Slack and Smith (1982) showed the standard normal distribution
   appropriate for monthly data with 3 or more years.
.. [5] K. W. Hipel, A. I. McLeod, Time Series Modelling of Water Resources and
   Environmental Systems (1994): the seasonal Sen's slope; M. M. Hussain, I. Mahmud,
   pyMannKendall, Journal of Open Source Software 4(39), 1556 (2019).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math

import numpy as np
import pymannkendall
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from lmec.quality import limits

from .. import parameters
from .. import parameters as _parameters  # trends() has an argument of that name
from ..models import DailyValue, Station
from . import series
from ._common import float_or_none, get_station, running_mean

#: The WHO set every station is compared with.
WHO = "who-2021-aqg"
#: Per country, the national limit sets and the day each came into force (None: the first
#: set known to lmec.quality, also used for earlier years). China: grade 2 (class 2 areas:
#: residential, commercial, industrial and rural, where city stations stand).
NATIONAL_LIMITS = {
    "CN": ((None, "cn-gb3095-2012-grade2"), (dt.date(2026, 3, 1), "cn-gb3095-2026-grade2")),
    "TH": ((None, "th-ambient-2023"),),
    "VN": ((None, "vn-qcvn05-2023"), (dt.date(2026, 1, 1), "vn-qcvn05-2023-2026")),
    "KH": ((None, "kh-subdecree42-2000"),),
    "LA": ((None, "la-nes-2017"),),
    "MM": ((None, "mm-neqeg-2015"),),
}

#: Validity rules: hours for a 24-hour mean, hours per 8-hour window, (first window end,
#: windows, valid windows) of the daily maximum 8-hour value, share of days for a year.
_CN_RULES = {"day": 20, "window": 6, "max8": (7, 17, 14), "year_days": 324}
_RULES_75 = {"day": 18, "window": 6, "max8": (0, 24, 18), "year_days": None}

#: Years of monthly data the seasonal Mann-Kendall test needs ([4]).
MIN_TREND_YEARS = 3
#: Share of a month's days that must be valid for a monthly mean.
MONTH_SHARE = 0.75
#: Valid hours of a day (75 %), for completeness and monthly means.
VALID_DAY_HOURS = 18

_AIR = parameters.AIR_CODES


def _rules_for(limit_set: str) -> dict:
    return _CN_RULES if limit_set.startswith("cn-") else _RULES_75


def _sets_in_force(country: str, year: int) -> list[tuple[str, dt.date, dt.date]]:
    """``(limit set, first day, last day)`` within ``year`` for WHO and the national sets."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    out = [(WHO, first, last)]
    national = NATIONAL_LIMITS.get(country, ())
    for k, (since, set_id) in enumerate(national):
        begin = first if since is None else max(first, since)
        until = national[k + 1][0] - dt.timedelta(days=1) if k + 1 < len(national) else last
        until = min(until, last)
        if begin <= until:
            out.append((set_id, begin, until))
    return out


def _daily_statistic(x: np.ndarray, kind: str, rules: dict):
    """One value per day from the (days * 24) hours ``x`` for an averaging ``kind``."""
    days = len(x) // 24
    by_day = x.reshape(days, 24)
    n = np.isfinite(by_day).sum(axis=1)
    if kind == "24h":
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.nansum(by_day, axis=1) / n
        return np.where(n >= rules["day"], mean, np.nan)
    if kind == "1h":
        return np.where(
            n > 0, np.nanmax(np.where(np.isfinite(by_day), by_day, -np.inf), axis=1), np.nan
        )
    # 8h: daily maximum of the running means ending at the rule's windows
    first_end, windows, need = rules["max8"]
    moving = np.concatenate([running_mean(x, 8, rules["window"]), np.full(24, np.nan)])
    ends = np.arange(days)[:, None] * 24 + first_end + np.arange(windows)
    values = moving[ends]
    ok = np.isfinite(values)
    best = np.where(ok, values, -np.inf).max(axis=1)
    return np.where(ok.sum(axis=1) >= need, best, np.nan)


def exceedances(code: str, *, year: int) -> list[dict]:
    """Days above WHO 2021 and national limit values in ``year``, per pollutant and set.

    Returns
    -------
    list of dict
        One per (limit set, pollutant) whose gas the station measured that year:
        ``{limit_set, limit_set_name, verified, pollutant, averaging, limit, unit, start,
        end, days_with_data, exceedances, hours_with_data, hours_above, annual_mean,
        annual_exceeded}`` -- counts over the days from ``start`` to ``end`` (the part of
        the year the set was in force); ``exceedances`` days above the limit (None for an
        annual limit); ``hours_*`` for 1-hour limits only; ``annual_mean`` [the limit's
        unit] and ``annual_exceeded`` (None with too few valid days) for annual limits.
    """
    station = get_station(code)
    year = _check_year(year)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    ids = [parameters.BY_CODE[g].id for g in _AIR]
    block = series.load_daily([station.id], ids, first, last)
    out = []
    for set_id, begin, until in _sets_in_force(station.country_id, year):
        chosen = limits.get_limit_set(set_id)
        rules = _rules_for(set_id)
        lo, hi = (begin - first).days, (until - first).days + 1
        for pollutant, entry in chosen.entries.items():
            gas, _, period = pollutant.partition("_")
            if gas not in _AIR or period not in ("1h", "8h", "24h", "annual"):
                continue  # so2_10min, o3_peak_season: not made from hourly means here
            p = ids.index(parameters.BY_CODE[gas].id)
            if not block.present[0, p, lo:hi].any():
                continue
            x = block.hours[0, p]
            mean_only = block.present[0, p] & ~block.hourly[0, p]
            row = {
                "limit_set": set_id,
                "limit_set_name": chosen.name,
                "verified": entry.verified,
                "pollutant": pollutant,
                "averaging": period,
                "limit": entry.value,
                "unit": entry.unit,
                "start": begin.isoformat(),
                "end": until.isoformat(),
                "days_with_data": 0,
                "exceedances": None,
                "hours_with_data": None,
                "hours_above": None,
                "annual_mean": None,
                "annual_exceeded": None,
            }
            daily_kind = "24h" if period == "annual" else period
            values = _daily_statistic(x, daily_kind, rules)
            if daily_kind == "24h":  # a day reported as a 24-hour mean is that mean
                values = np.where(mean_only, block.mean[0, p], values)
            values = values[lo:hi]
            valid = int(np.isfinite(values).sum())
            row["days_with_data"] = valid
            if period == "annual":
                row.update(_annual(values, valid, entry, rules, (until - begin).days + 1))
            else:
                row["exceedances"] = int(limits.count_exceedances(set_id, pollutant, values))
            if period == "1h":
                hours_ = x[lo * 24 : hi * 24]
                row["hours_with_data"] = int(np.isfinite(hours_).sum())
                row["hours_above"] = int(limits.count_exceedances(set_id, pollutant, hours_))
            out.append(row)
    return out


def _annual(values, valid, entry, rules, days) -> dict:
    need = rules["year_days"] or math.ceil(0.75 * days)
    if not valid:
        return {}
    mean = float(np.nanmean(values))
    return {
        "annual_mean": round(mean, 3),
        "annual_exceeded": bool(mean > entry.value) if valid >= need else None,
    }


def _check_year(year) -> int:
    if not isinstance(year, int) or not 1900 <= year <= 2200:
        raise ValueError(f"year must be a whole number between 1900 and 2200, got {year!r}")
    return year


def _year_days(station: Station, year: int) -> tuple[dt.date, dt.date] | None:
    """The days of ``year`` within the station's active period and not in the future."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    today = timezone.now().astimezone(station.zone).date()
    if station.active_from:
        first = max(first, station.active_from)
    if station.active_to:
        last = min(last, station.active_to)
    last = min(last, today)
    return (first, last) if first <= last else None


def completeness(code: str, *, year: int) -> list[dict]:
    """Per parameter, how complete the station's data of ``year`` are.

    Returns
    -------
    list of dict
        ``{parameter, name, unit, days, days_with_data, valid_days, valid_hours,
        flagged_hours, share}`` for every parameter the station measures or has data of:
        ``days`` the days of the year within the station's active period up to today,
        ``valid_days`` those with at least 18 valid hours (or a reported 24-hour mean),
        ``share`` ``valid_days / days`` (None when ``days`` is 0).
    """
    station = get_station(code)
    year = _check_year(year)
    span = _year_days(station, year)
    days = (span[1] - span[0]).days + 1 if span else 0
    rows = {}
    if span:
        rows = {
            row["parameter"]: row
            for row in DailyValue.objects.filter(station=station, date__range=span)
            .values("parameter")
            .annotate(
                days_with_data=Count("date"),
                valid_days=Count(
                    "date",
                    filter=Q(count__gte=VALID_DAY_HOURS) | Q(count=0, mean__isnull=False),
                ),
                valid_hours=Sum("count"),
                flagged_hours=Sum("flagged"),
            )
        }
    measured = set(station.parameters.values_list("parameter", flat=True))
    out = []
    for pid in sorted(measured | set(rows)):
        definition = parameters.BY_ID[pid]
        row = rows.get(pid, {})
        valid_days = row.get("valid_days", 0)
        out.append(
            {
                "parameter": definition.code,
                "name": str(definition.name),
                "unit": definition.unit,
                "days": days,
                "days_with_data": row.get("days_with_data", 0),
                "valid_days": valid_days,
                "valid_hours": row.get("valid_hours") or 0,
                "flagged_hours": row.get("flagged_hours") or 0,
                "share": round(valid_days / days, 4) if days else None,
            }
        )
    return out


def monthly_means(station: Station, parameter: parameters.ParameterDef) -> tuple[int, np.ndarray]:
    """``(first year, means)``: monthly means from January of the first year with data to
    December of the last, NaN for a month with fewer than 75 % valid days."""
    return monthly_means_of(station, [parameter])[parameter.id]


def monthly_means_of(
    station: Station, definitions: list[parameters.ParameterDef]
) -> dict[int, tuple[int, np.ndarray]]:
    """:func:`monthly_means` of several parameters from one read of their daily values:
    ``{parameter id: (first year, means)}``; ``(0, empty)`` for a parameter without any."""
    rows = (
        DailyValue.objects.filter(station=station, parameter__in=[d.id for d in definitions])
        .order_by("parameter", "date")
        .values_list("parameter", "date", "mean", "count")
    )
    by_parameter: dict[int, list] = {d.id: [] for d in definitions}
    for pid, day, mean, count in rows:
        by_parameter[pid].append((day, mean, count))
    return {pid: _monthly(found) for pid, found in by_parameter.items()}


def _monthly(rows: list[tuple]) -> tuple[int, np.ndarray]:
    """Monthly means of ``(date, mean, count)`` rows in date order."""
    if not rows:
        return 0, np.empty(0)
    first_year, last_year = rows[0][0].year, rows[-1][0].year
    months = (last_year - first_year + 1) * 12
    total, valid = np.zeros(months), np.zeros(months)
    for day, mean, count in rows:
        if mean is None or not (count >= VALID_DAY_HOURS or count == 0):
            continue  # a 24-hour mean reported as such has count 0 and is valid
        k = (day.year - first_year) * 12 + day.month - 1
        total[k] += mean
        valid[k] += 1
    lengths = np.array(
        [calendar.monthrange(first_year + k // 12, k % 12 + 1)[1] for k in range(months)]
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        means = total / valid
    return first_year, np.where(valid >= np.ceil(MONTH_SHARE * lengths), means, np.nan)


def trends(code: str, *, parameters: list[str]) -> dict[str, dict | None]:
    """:func:`trend` of several parameters from one read of their daily values:
    ``{parameter: trend or None}``."""
    station = get_station(code)
    definitions = [_parameters.get(p) for p in parameters]
    monthly = monthly_means_of(station, definitions)
    return {p: _trend(d, *monthly[d.id]) for p, d in zip(parameters, definitions, strict=True)}


def trend(code: str, *, parameter: str) -> dict | None:
    """Trend of a parameter over the years: seasonal Mann-Kendall test and Sen's slope.

    Returns
    -------
    dict
        ``{parameter, unit, years, months, first_month, last_month, monthly: [{month,
        mean}], trend ("increasing", "decreasing", "no trend" or None), significant, p, z,
        tau, s, slope_per_year [unit/year], reason}``. With fewer than
        :data:`MIN_TREND_YEARS` years of valid monthly means the test is not run: the
        statistics are None and ``reason`` says why. ``years`` counts the calendar years
        with at least one valid monthly mean. Returns None for a parameter the station has
        no daily values of.
    """
    station = get_station(code)
    definition = parameters.get(parameter)
    return _trend(definition, *monthly_means(station, definition))


def _trend(definition: parameters.ParameterDef, first_year: int, means: np.ndarray) -> dict | None:
    if not len(means):
        return None
    valid = np.isfinite(means)
    years = int(valid.reshape(-1, 12).any(axis=1).sum())
    positions = np.flatnonzero(valid)
    out = {
        "parameter": definition.code,
        "unit": definition.unit,
        "years": years,
        "months": int(valid.sum()),
        "first_month": _month(first_year, positions[0]) if len(positions) else None,
        "last_month": _month(first_year, positions[-1]) if len(positions) else None,
        "monthly": [
            {"month": _month(first_year, k), "mean": float_or_none(round(float(v), 3))}
            for k, v in enumerate(means)
            if np.isfinite(v)
        ],
        "trend": None,
        "significant": None,
        "p": None,
        "z": None,
        "tau": None,
        "s": None,
        "slope_per_year": None,
        "reason": None,
    }
    if years < MIN_TREND_YEARS:
        out["reason"] = _(
            "The seasonal Mann-Kendall test needs monthly means of at least %(need)d years; "
            "there are %(years)d."
        ) % {"need": MIN_TREND_YEARS, "years": years}
        return out
    result = pymannkendall.seasonal_test(means, period=12)
    out.update(
        {
            "trend": result.trend,
            "significant": bool(result.h),
            "p": float(result.p),
            "z": float(result.z),
            "tau": float(result.Tau),
            "s": float(result.s),
            # Sen's slope within each month across years: per year in the canonical unit
            "slope_per_year": float(result.slope),
        }
    )
    return out


def _month(first_year: int, k: int) -> str:
    return f"{first_year + int(k) // 12:04d}-{int(k) % 12 + 1:02d}"
