"""Air quality indices of stations: daily, hourly and latest, under each country's standard.

The numbers come from :mod:`lmec.quality.aqi`; this module turns stored data into its
inputs. Daily indices are made from :class:`~lmec.monitoring.models.DailyValue` rows (their
24 packed hours), never from a year of hourly rows, by
:func:`lmec.quality.aqi.daily_inputs`, so that each standard's own windows and completeness
rules apply. Hourly indices follow each standard's real-time rules (:data:`HOURLY_RULES`).

Which standard (:func:`default_standard`)
    A station is shown under its country's own index: China HJ 633-2012, and HJ 633-2026
    from the day it came into force (2026-03-01, [1]_ foreword and cover); Thailand PCD
    2023; Viet Nam QĐ 1459/QĐ-TCMT. Cambodia, Lao PDR and Myanmar have no air quality index
    in :mod:`lmec.quality` (``lmec/quality/README.md``: their ambient standards are limit
    values, partly unread, with no index bands). Their stations are shown under the US EPA
    AQI (EPA-454/B-24-002), the scale their public already reads [8]_: Cambodia's Ministry
    of Environment explains its AQI with the EPA bands and words (0-50 "satisfactory",
    101-150 sensitive groups, 151-200 "unhealthy"; "Orange ... unhealthy for sensitive
    groups"); Lao PDR's Ministry of Health calls an AQI over 101 "unhealthy for sensitive
    groups", and the press quotes the U.S. Embassy monitor and IQAir's US AQI; in Yangon the
    Department of Meteorology and Hydrology publishes an index without published
    breakpoints, while the networks people follow (Air Quality Yangon, Heinrich Böll
    Stiftung, IQAir, the U.S. Embassy) use the US AQI and its colours. Every result names
    the standard used, and :func:`standard_basis` says why (:data:`BASIS_NOTES`).

References
----------
.. [1] HJ 633-2026 环境空气质量指数（AQI）技术规定, issued 2026-02-14, in force 2026-03-01.
.. [2] HJ 633-2012 环境空气质量指数（AQI）技术规定（试行）, 5.2 (实时报: 1-hour SO2, NO2, CO, O3,
   O3 8-hour moving mean, PM10 and PM2.5 24-hour moving means) and Table 1 note 2.
.. [3] HJ 633-2026, 4.2.3 (实时报: the six 1-hour means) and formula (1).
.. [4] U.S. EPA, EPA-454/B-24-002 (2024), section IV: the NowCast for PM2.5, PM10 and
   ozone (the 2019 two-week method), and Table 6.
.. [5] PCD AQI announcement B.E. 2566 (2023), ข้อ 4.1: PM 24-hour and O3, CO 8-hour running
   means, NO2 and SO2 1-hour means.
.. [6] Quyết định 1459/QĐ-TCMT (2019), 2.2.1: hourly VN_AQI from the PM NowCast and the
   1-hour O3, SO2, NO2 and CO values.
.. [7] GB 3095-2012 and GB 3095-2026, Table 4: a 24-hour mean needs 20 hourly values, an
   8-hour mean 6.
.. [8] Agence Kampuchea Presse, Ministry of Environment news releases (information.gov.kh
   detail/381594, 13 January 2020; a 2025 release on the ministry's air quality app);
   Lao Ministry of Health, Center of Information and Education for Health, 23 April 2024
   (reported by MENAFN); The Laotian Times, 2022-2025 (U.S. Embassy monitor, IQAir);
   Myanmar Times, 13 February 2020 (DMH daily index for Yangon); The Irrawaddy and hbs
   Yangon, 2020 (Air Quality Yangon, US AQI colours). Read as news pages, not as
   official documents.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import numpy as np
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from lmec.quality import aqi as quality_aqi
from lmec.quality import units
from lmec.quality.aqi.daily import GASES

from .. import parameters
from ..models import DailyValue, Station
from . import series
from ._common import (
    UTC,
    as_date,
    category_brief,
    get_station,
    iso_utc,
    local_midnight,
    running_mean,
)
from .stations import check_country

#: HJ 633-2026 in force ([1]); China's index before that day is HJ 633-2012.
CN_HJ633_2026_FROM = dt.date(2026, 3, 1)
#: Countries with an index of their own in lmec.quality (China: see default_standard).
NATIONAL = {"TH": "th-pcd-2023", "VN": "vn-1459-2019"}
#: For Cambodia, Lao PDR and Myanmar (no national index): see the module docstring.
FALLBACK = "us-epa-2024"
#: Why a station's results are under the standard they name (``standard_basis``).
BASIS_NOTES = {
    "national": _("The country's own air quality index."),
    "fallback": _(
        "The country has no air quality index of its own in the platform: the US EPA AQI, "
        "the scale its public already reads."
    ),
    "chosen": _("The standard asked for."),
}

#: Most days of hourly indices one request may ask for.
MAX_HOURLY_DAYS = 31
#: Most days of daily indices one request may ask for (10 years).
MAX_DAILY_DAYS = 3653

_AIR_IDS = [parameters.BY_CODE[g].id for g in GASES]


def default_standard(country_code: str, on: dt.date) -> str:
    """The AQI standard a station of ``country_code`` is shown under on the day ``on``.

    China: ``cn-hj633-2012`` before 2026-03-01, ``cn-hj633-2026`` from then; Thailand
    ``th-pcd-2023``; Viet Nam ``vn-1459-2019``; any other country (Cambodia, Lao PDR,
    Myanmar): ``us-epa-2024`` (module docstring).
    """
    code = (country_code or "").upper()
    if code == "CN":
        return "cn-hj633-2026" if on >= CN_HJ633_2026_FROM else "cn-hj633-2012"
    return NATIONAL.get(code, FALLBACK)


def standard_basis(country_code: str) -> str:
    """``"national"`` where :func:`default_standard` is the country's own index, else
    ``"fallback"`` (the text of each is in :data:`BASIS_NOTES`)."""
    code = (country_code or "").upper()
    return "national" if code == "CN" or code in NATIONAL else "fallback"


def check_standard(standard: str | None) -> quality_aqi.Standard | None:
    """The :class:`~lmec.quality.aqi.Standard` named, None for None; ``ValueError`` else."""
    return None if standard is None else quality_aqi.get_standard(standard)


# -- units -----------------------------------------------------------------------------------


def _table_unit(std: quality_aqi.Standard, gas: str) -> str | None:
    found = {p.unit for pid, p in std.pollutants.items() if pid.split("_")[0] == gas}
    if len(found) > 1:  # never so in the built-in tables; a new standard must say how
        raise ValueError(f"{std.id}: {gas} tables in several units {sorted(found)}")
    return found.pop() if found else None


def to_table_units(std: quality_aqi.Standard, gas: str, values):
    """Concentrations of ``gas`` from the canonical unit (µg/m³, CO mg/m³) to the unit of
    ``std``'s tables (e.g. EPA O3 ppm, NO2 ppb), at the standard's reference conditions."""
    target = _table_unit(std, gas)
    source = parameters.BY_CODE[gas].unit
    if target is None or target == source:
        return np.asarray(values, dtype=float)
    return units.convert(values, source, target, pollutant=gas, conditions=std.id)


def _gases(std: quality_aqi.Standard) -> list[str]:
    """The gases ``std`` has tables for."""
    return (
        list(_gases_of(std.id))
        if quality_aqi.STANDARDS.get(std.id) is std
        else [g for g in GASES if _table_unit(std, g) is not None]
    )


@cache
def _gases_of(std_id: str) -> tuple[str, ...]:
    std = quality_aqi.STANDARDS[std_id]
    return tuple(g for g in GASES if _table_unit(std, g) is not None)


# -- daily ----------------------------------------------------------------------------------


def daily_block_index(
    std: quality_aqi.Standard, block: series.DailyBlock, s: int
) -> tuple[quality_aqi.AqiResult | None, dict[str, np.ndarray]]:
    """The daily index of station ``s`` of ``block`` on every day of the block but the first
    and the last (which only feed windows that reach across midnight)."""
    hourly, means = {}, {}
    for gas in _gases(std):
        p = block.parameter_ids.index(parameters.BY_CODE[gas].id)
        if not block.present[s, p].any():
            continue
        hourly[gas] = to_table_units(std, gas, block.hours[s, p])
        # a day reported only as a 24-hour mean (no hours) keeps that mean
        only_mean = block.present[s, p] & ~block.hourly[s, p]
        if only_mean.any():
            means[gas] = np.where(only_mean, to_table_units(std, gas, block.mean[s, p]), np.nan)
    if not hourly:
        return None, {}
    inputs = quality_aqi.daily_inputs(std, hourly)
    for gas, mean in means.items():
        pid = f"{gas}_24h"
        if pid in std.pollutants:
            inputs[pid] = np.where(np.isfinite(mean), mean, inputs.get(pid, np.nan))
    inputs = {pid: values[1:-1] for pid, values in inputs.items()}
    if not inputs:
        return None, {}
    return quality_aqi.index(std, inputs), inputs


class _Rows:
    """The items of an :class:`~lmec.quality.aqi.AqiResult`, position by position.

    Built once per result: ``AqiResult.dominant`` and ``sub_indices`` make new arrays on
    every access, and a year of hourly items must not rebuild them 8,760 times.
    """

    def __init__(self, std: quality_aqi.Standard, result: quality_aqi.AqiResult | None):
        self.std = std
        if result is None:
            self.values = None
            return
        values = result.value
        finite = np.isfinite(values)
        self.values = np.where(finite, values, -1).astype(int).tolist()
        self.finite = finite.tolist()
        self.dominant = result.dominant.tolist()
        self.sub = {
            pid: (np.where(np.isfinite(v), v, -1).astype(int).tolist(), np.isfinite(v).tolist())
            for pid, v in result.sub_indices.items()
        }
        briefs = {c.key: category_brief(std, c) for c in std.categories}
        self.category = [
            briefs[key] if key else None for key in quality_aqi.category_of(std, values).tolist()
        ]

    def item(self, k: int) -> dict:
        if self.values is None:
            return {
                "standard": self.std.id,
                "aqi": None,
                "category": None,
                "dominant": None,
                "sub_indices": {},
            }
        return {
            "standard": self.std.id,
            "aqi": self.values[k] if self.finite[k] else None,
            "category": self.category[k],
            "dominant": self.dominant[k] or None,
            "sub_indices": {
                pid: values[k] if ok[k] else None for pid, (values, ok) in self.sub.items()
            },
        }


def _result_item(std, result: quality_aqi.AqiResult | None, k: int) -> dict:
    """One item of ``result`` (for a single position; see :class:`_Rows` for many)."""
    return _Rows(std, result).item(k)


def _check_days(first: dt.date, last: dt.date, most: int, what: str) -> None:
    if first > last:
        raise ValueError("start must not be after end")
    days = (last - first).days + 1
    if days > most:
        raise ValueError(f"{what} covers at most {most} days per request; asked for {days}")


def daily_aqi(code: str, *, standard: str | None = None, start, end) -> list[dict]:
    """Daily AQI of a station on its local calendar days ``start``..``end``.

    Parameters
    ----------
    code : str
        Station code (an air station).
    standard : str, optional
        A key of :data:`lmec.quality.aqi.STANDARDS`; None: the station country's own
        (:func:`default_standard`, day by day: China's edition in force on the day).
    start, end : date
        At most :data:`MAX_DAILY_DAYS` days.

    Returns
    -------
    list of dict
        ``{date, standard, aqi, category: {key, name, colour, ink} | None, dominant,
        sub_indices: {pollutant id: int | None}}`` for every day with a stored daily value
        of a gas the standard uses. ``aqi`` is None where no sub-index could be computed
        (the standard's completeness rules).
    """
    station = get_station(code)
    std = check_standard(standard)
    first, last = as_date(start, "start"), as_date(end, "end")
    _check_days(first, last, MAX_DAILY_DAYS, "a daily AQI series")
    # one day either side: EPA's ozone windows reach into the next day, VN_AQI's into the
    # previous one (lmec.quality.aqi.daily)
    block = series.load_daily(
        [station.id], _AIR_IDS, first - dt.timedelta(days=1), last + dt.timedelta(days=1)
    )
    dates = block.dates()[1:-1]
    chosen = {}  # standard id -> (rows, days with a daily value of one of its gases)
    items = []
    for k, day in enumerate(dates):
        day_std = std or quality_aqi.get_standard(default_standard(station.country_id, day))
        if day_std.id not in chosen:
            positions = [_AIR_IDS.index(parameters.BY_CODE[g].id) for g in _gases(day_std)]
            chosen[day_std.id] = (
                _Rows(day_std, daily_block_index(day_std, block, 0)[0]),
                block.present[0, positions, 1:-1].any(axis=0).tolist(),
            )
        rows, present = chosen[day_std.id]
        if present[k]:
            items.append({"date": day.isoformat(), **rows.item(k)})
    return items


# -- hourly ---------------------------------------------------------------------------------


def _nowcast(method: str, x: np.ndarray) -> np.ndarray:
    """:func:`lmec.quality.aqi.nowcast` at every hour of ``x`` (oldest first)."""
    padded = np.concatenate([np.full(11, np.nan), x])
    windows = np.lib.stride_tricks.sliding_window_view(padded, 12)[:, ::-1]  # newest first
    return quality_aqi.nowcast(method, windows)


@dataclass(frozen=True)
class HourlyRule:
    """How a standard's hourly (real-time) index is made; ``history`` hours it looks back."""

    history: int
    # (series: {gas: hourly in table units}, skip) -> {pollutant id: hourly}; values before
    # ``skip`` (history only) may be left NaN
    make: object


def _cn_2012(x, skip):
    out = {}
    for gas in ("so2", "no2", "co", "o3"):
        if gas in x:
            out[f"{gas}_1h"] = x[gas]
    if "o3" in x:
        out["o3_8h"] = running_mean(x["o3"], 8, 6)  # [2] 5.2, [7]
    for gas in ("pm10", "pm25"):
        if gas in x:
            out[f"{gas}_24h"] = running_mean(x[gas], 24, 20)  # [2] 5.2, [7]
    if "so2" in x:
        # [2] Table 1 note 2: 1-hour SO2 above 800 µg/m³ is reported on its 24-hour IAQI
        daily = running_mean(x["so2"], 24, 20)
        with np.errstate(invalid="ignore"):
            out["so2_24h"] = np.where(x["so2"] > 800, daily, np.nan)
    return out


def _cn_2026(x, skip):
    # [3] 4.2.3: the six 1-hour means; PM read on the daily columns (formula (1))
    return {f"{gas}_1h": x[gas] for gas in GASES if gas in x}


def _nowcast_o3(x: np.ndarray, skip: int) -> np.ndarray:
    """EPA's 2019 ozone NowCast [ppm] at hours ``skip..`` of ``x`` (NaN before ``skip``).

    Each hour needs the 336 hours up to it. For a few hours (the latest one on the map) a
    regression per hour on its own window is cheapest; for many, ``every_hour`` over the
    hours from 335 before ``skip`` (about five times cheaper per hour).
    """
    out = np.full(len(x), np.nan)
    wanted = len(x) - skip
    if wanted <= 48:
        padded = np.concatenate([np.full(335, np.nan), x])
        windows = np.lib.stride_tricks.sliding_window_view(padded, 336)[skip:]
        out[skip:] = quality_aqi.nowcast_o3_2019(windows, unit="ppm")
    else:
        begin = max(0, skip - 335)
        every = quality_aqi.nowcast_o3_2019(x[begin:], unit="ppm", every_hour=True)
        out[skip:] = every[skip - begin :]
    return out


def _us(x, skip):
    out = {}
    for gas in ("pm25", "pm10"):
        if gas in x:
            out[f"{gas}_nowcast"] = _nowcast("us-epa", x[gas])  # [4] section IV
    if "o3" in x:
        # [4]: the 2019 ozone NowCast estimates the 8-hour mean, read on the 8-hour table;
        # the 1-hour table decides above 0.200 ppm (Table 6 notes 1-2)
        out["o3_8h"] = _nowcast_o3(x["o3"], skip)
        out["o3_1h"] = x["o3"]
    if "co" in x:
        out["co_8h"] = running_mean(x["co"], 8, 6)
    if "so2" in x:
        out["so2_1h"] = x["so2"]
        out["so2_24h"] = running_mean(x["so2"], 24, 18)  # used from 305 ppb (Table 6 note 3)
    if "no2" in x:
        out["no2_1h"] = x["no2"]
    return out


def _th(x, skip):
    out = {}  # [5] ข้อ 4.1; the 75 % completeness is the project's (lmec.quality.aqi.daily)
    for gas in ("pm25", "pm10"):
        if gas in x:
            out[f"{gas}_24h"] = running_mean(x[gas], 24, 18)
    for gas in ("o3", "co"):
        if gas in x:
            out[f"{gas}_8h"] = running_mean(x[gas], 8, 6)
    for gas in ("no2", "so2"):
        if gas in x:
            out[f"{gas}_1h"] = x[gas]
    return out


def _vn(x, skip):
    out = {}  # [6] 2.2.1
    for gas in ("pm25", "pm10"):
        if gas in x:
            out[f"{gas}_nowcast"] = _nowcast("vn-1459-2019", x[gas])
    for gas in ("o3", "so2", "no2", "co"):
        if gas in x:
            out[f"{gas}_1h"] = x[gas]
    return out


#: Standard id -> its hourly rule. EPA's ozone NowCast looks back two weeks (336 hours).
HOURLY_RULES = {
    "cn-hj633-2012": HourlyRule(23, _cn_2012),
    "cn-hj633-2026": HourlyRule(0, _cn_2026),
    "us-epa-2024": HourlyRule(335, _us),
    "th-pcd-2023": HourlyRule(23, _th),
    "vn-1459-2019": HourlyRule(11, _vn),
}


def _hourly_rule(std: quality_aqi.Standard) -> HourlyRule:
    try:
        return HOURLY_RULES[std.id]
    except KeyError:
        raise ValueError(
            f"no hourly index rule for {std.id!r}; choose one of: {', '.join(HOURLY_RULES)}"
        ) from None


def hourly_index(std: quality_aqi.Standard, hourly: dict[str, np.ndarray], skip: int = 0):
    """Hourly index from hourly series in the canonical unit (oldest first).

    Returns ``(AqiResult over hours skip.., inputs)`` or ``(None, {})`` without data.
    """
    rule = _hourly_rule(std)
    converted = {gas: to_table_units(std, gas, v) for gas, v in hourly.items()}
    converted = {gas: v for gas, v in converted.items() if np.isfinite(v).any()}
    if not converted:
        return None, {}
    inputs = {pid: v[skip:] for pid, v in rule.make(converted, skip).items()}
    return quality_aqi.index(std, inputs), inputs


def hourly_aqi(code: str, *, standard: str | None = None, start, end) -> list[dict]:
    """Hourly AQI of a station, as each standard prescribes for its real-time index.

    Parameters
    ----------
    code : str
        Station code (an air station).
    standard : str, optional
        A key of :data:`lmec.quality.aqi.STANDARDS`; None: the station country's own on each
        local day (:func:`default_standard`).
    start, end : date or datetime
        Dates are the station's local days (``end`` included); at most
        :data:`MAX_HOURLY_DAYS` days.

    Returns
    -------
    list of dict
        ``{time (UTC ISO start of the hour), standard, aqi, category, dominant,
        sub_indices}`` for every hour with a valid 1-hour measurement of a gas the standard
        uses, or with a computable index. Flagged values are left out; the hours before
        ``start`` that the rules look back on (NowCast, running means, EPA's two-week
        ozone NowCast) are read too.
    """
    station = get_station(code)
    std = check_standard(standard)
    begin, stop = _hour_range(station, start, end)
    hours_out = int((stop - begin).total_seconds() // 3600)
    if hours_out > MAX_HOURLY_DAYS * 24:
        raise ValueError(
            f"an hourly AQI series covers at most {MAX_HOURLY_DAYS} days per request; "
            f"asked for {hours_out / 24:.1f}"
        )
    local_days = sorted(
        {
            (begin + dt.timedelta(hours=h)).astimezone(station.zone).date()
            for h in range(0, hours_out, 1)
        }
    )
    standards = (
        [std]
        if std
        else [
            quality_aqi.get_standard(s)
            for s in dict.fromkeys(default_standard(station.country_id, d) for d in local_days)
        ]
    )
    history = max(_hourly_rule(s).history for s in standards)
    grid_start = begin - dt.timedelta(hours=history)
    data = series.load_hourly(station, _AIR_IDS, grid_start, history + hours_out)
    hourly = {gas: data[k] for k, gas in enumerate(GASES)}
    results = {}  # standard id -> (rows, hours to show)
    for chosen in standards:
        result = hourly_index(chosen, hourly, history)[0]
        shown = np.isfinite(np.vstack([hourly[g][history:] for g in _gases(chosen)])).any(axis=0)
        if result is not None:
            shown |= np.isfinite(result.value)
        results[chosen.id] = (_Rows(chosen, result), shown.tolist())
    items = []
    for h in range(hours_out):
        moment = begin + dt.timedelta(hours=h)
        if std:
            hour_std = std.id
        else:
            local_day = moment.astimezone(station.zone).date()
            hour_std = default_standard(station.country_id, local_day)
        rows, shown = results[hour_std]
        if shown[h]:
            items.append({"time": iso_utc(moment), **rows.item(h)})
    return items


def _hour_range(station: Station, start, end) -> tuple[dt.datetime, dt.datetime]:
    """``[begin, stop)`` in UTC on the station's local hour grid."""
    if start is None or end is None:
        raise ValueError("give start and end")

    def floor_hour(moment: dt.datetime) -> dt.datetime:
        local = moment.astimezone(station.zone) if moment.tzinfo else moment
        local = local.replace(minute=0, second=0, microsecond=0)
        if local.tzinfo is None:
            local = local.replace(tzinfo=station.zone)
        return local.astimezone(UTC)

    if isinstance(start, dt.datetime):
        begin = floor_hour(start)
    else:
        begin = local_midnight(station, as_date(start, "start"))
    if isinstance(end, dt.datetime):
        stop = floor_hour(end) + dt.timedelta(hours=1)
    else:
        stop = local_midnight(station, as_date(end, "end") + dt.timedelta(days=1))
    if stop <= begin:
        raise ValueError("start must not be after end")
    return begin, stop


# -- latest ---------------------------------------------------------------------------------


def latest_aqi(*, standard: str | None = None, country: str | None = None) -> list[dict]:
    """The latest hourly AQI of every air station (of ``country``).

    The latest hour is the last hour with a valid value of any gas in the station's daily
    values; the index is the standard's hourly one (:func:`hourly_aqi`), made from the
    hours packed in the last days' :class:`~lmec.monitoring.models.DailyValue` rows. Reads:
    one query with an index probe per station and gas for the last day, then the daily
    values of the last few days -- never the measurement table. The index of each station
    is cached under a fingerprint of exactly those inputs (:func:`_latest_key`), so it is
    computed once per change of the data, whichever way the data changed.

    Returns
    -------
    list of dict
        One per air station: ``{code, name, country, latitude, longitude, time (UTC ISO
        start of the hour) | None, standard, standard_basis (``national``, ``fallback`` or
        ``chosen``), standard_note, aqi | None, category | None, dominant, sub_indices}``.
    """
    std = check_standard(standard)
    country = check_country(country)
    stations = Station.objects.filter(kind=Station.Kind.AIR).select_related("country")
    if country:
        stations = stations.filter(country_id=country)
    stations = list(_with_last_days(stations))
    found = _latest_indices(stations, std)
    out = []
    for station in stations:
        basis = "chosen" if std else standard_basis(station.country_id)
        row = {
            "code": station.code,
            "name": station.name,
            "country": station.country_id,
            "latitude": station.latitude,
            "longitude": station.longitude,
            "standard": station.standard.id,
            "standard_basis": basis,
            "standard_note": str(BASIS_NOTES[basis]),
        }
        time, item = found.get(station.id, (None, None))
        item = item or _result_item(station.standard, None, 0)
        item.pop("standard")
        out.append({**row, "time": time, **item})
    return out


def warm_latest(touched: dict) -> None:
    """After an ingest (:data:`lmec.monitoring.ingest.AFTER_INGEST`): compute and cache the
    latest index of the touched air stations under their own standards, the map's default
    view, so that the next page view finds them ready. ``touched``: {station id: ...}."""
    stations = Station.objects.filter(kind=Station.Kind.AIR, pk__in=list(touched))
    _latest_indices(list(_with_last_days(stations)), None)


#: The cache of latest indices (settings.CACHES); the default cache if it is not configured.
LATEST_CACHE = "monitoring"
#: Bump when the computation of an index changes, so that no cached result outlives it.
LATEST_VERSION = 1
#: A cached index lives this long [s] unless evicted; its key changes with its inputs.
LATEST_TIMEOUT = 7 * 24 * 3600


def _latest_cache():
    from django.core.cache import InvalidCacheBackendError, caches

    try:
        return caches[LATEST_CACHE]
    except InvalidCacheBackendError:
        return caches["default"]


def _with_last_days(stations):
    """``stations`` (a queryset) annotated with the last day with data of each gas."""
    latest = {
        f"last_{gas}": Subquery(
            DailyValue.objects.filter(station=OuterRef("pk"), parameter=pid)
            .order_by("-date")
            .values("date")[:1]
        )
        for gas, pid in zip(GASES, _AIR_IDS, strict=True)
    }
    return stations.annotate(**latest)


def _latest_indices(stations: list[Station], std) -> dict:
    """{station id: (time, item)} of the stations with data; sets ``station.standard``
    (``std`` or the station's own on its last day) and ``station.last_day``."""
    groups = defaultdict(list)  # (last day, standard id) -> stations
    for station in stations:
        days = [getattr(station, f"last_{gas}") for gas in GASES]
        days = [d for d in days if d is not None]
        station.last_day = max(days) if days else None
        chosen = std or quality_aqi.get_standard(
            default_standard(station.country_id, station.last_day or dt.date.today())
        )
        station.standard = chosen
        if station.last_day is not None:
            groups[(station.last_day, chosen.id)].append(station)
    cache = _latest_cache()
    found = {}
    for (last_day, _std_id), members in groups.items():
        chosen = members[0].standard
        back = _hourly_rule(chosen).history // 24 + 1
        first = last_day - dt.timedelta(days=back)
        block = series.load_daily([s.id for s in members], _AIR_IDS, first, last_day)
        keys = [_latest_key(chosen, block, s, station) for s, station in enumerate(members)]
        cached = cache.get_many(keys)
        fresh = {}
        briefs = {c.key: category_brief(chosen, c) for c in chosen.categories}
        for s, station in enumerate(members):
            plain = cached.get(keys[s])
            if plain is None:
                plain = fresh[keys[s]] = _latest_plain(chosen, block, s, station)
            time, item = plain
            if item is not None:  # the category's words in the active language
                item = {**item, "category": briefs.get(item["category"])}
            found[station.id] = (time, item)
        if fresh:
            cache.set_many(fresh, timeout=LATEST_TIMEOUT)
    return found


def _latest_key(std, block: series.DailyBlock, s: int, station: Station) -> str:
    """A cache key made of everything the latest index of station ``s`` of ``block`` is
    computed from: the standard, the station and its time zone, the first day of the
    block and the valid hours of every gas in it (NaN where missing or flagged). Any
    change of the data (an ingest, a re-flag, a deletion) changes the key, so a cached
    index is never stale, in any process, whatever the cache backend."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(
        f"{LATEST_VERSION}|{std.id}|{station.id}|{station.time_zone}|{block.first}|"
        f"{block.hours.shape}".encode()
    )
    digest.update(np.ascontiguousarray(block.hours[s]).tobytes())
    return f"lmec:latest:{digest.hexdigest()}"


def _latest_plain(std, block: series.DailyBlock, s: int, station: Station):
    """``(time, item)`` of :func:`_latest_of` with the category as its key (the cached
    form: the words of a category depend on the language of the request)."""
    time, item = _latest_of(std, block, s, station)
    if item is not None and item["category"] is not None:
        item = {**item, "category": item["category"]["key"]}
    return time, item


def _latest_of(std, block: series.DailyBlock, s: int, station: Station):
    hourly = {gas: block.hours[s, k] for k, gas in enumerate(GASES)}
    used = [hourly[g] for g in _gases(std)]
    valid = np.flatnonzero(np.isfinite(np.vstack(used)).any(axis=0)) if used else []
    if not len(valid):
        return None, None
    last = int(valid[-1])
    result = hourly_index(std, {g: v[: last + 1] for g, v in hourly.items()}, last)[0]
    moment = local_midnight(station, block.first) + dt.timedelta(hours=last)
    return iso_utc(moment), _result_item(std, result, 0)
