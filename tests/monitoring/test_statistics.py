"""Exceedances of limit values, completeness and the trend of a station."""

import datetime as dt

import numpy as np
import pytest

from lmec.monitoring import selectors
from lmec.monitoring.models import DailyValue

from . import readings

pytestmark = pytest.mark.django_db

NAN = float("nan")


def _pm25_days(st):
    readings.day(st, "pm25", dt.date(2024, 1, 1), [40.0] * 24)
    readings.day(st, "pm25", dt.date(2024, 1, 2), [20.0] * 24)
    readings.day(st, "pm25", dt.date(2024, 1, 3), [10.0] * 18 + [NAN] * 6)  # 18 h: valid
    readings.day(st, "pm25", dt.date(2024, 1, 4), [100.0] * 17 + [NAN] * 7)  # 17 h: not
    readings.day_mean(st, "pm25", dt.date(2024, 1, 5), 30.0)  # reported as a 24-h mean


def _row(limit_set, name, pollutant, averaging, limit, days, exceedances, **extra):
    row = {
        "limit_set": limit_set,
        "limit_set_name": name,
        "verified": True,
        "pollutant": pollutant,
        "averaging": averaging,
        "limit": limit,
        "unit": "µg/m³",
        "start": "2024-01-01",
        "end": "2024-12-31",
        "days_with_data": days,
        "exceedances": exceedances,
        "hours_with_data": None,
        "hours_above": None,
        "annual_mean": None,
        "annual_exceeded": None,
    }
    row.update(extra)
    return row


WHO_NAME = "WHO global air quality guidelines 2021, AQG level"
TH_NAME = "Thailand general ambient air quality standards (PM2.5 as revised in 2022)"


def test_it_counts_days_above_who_and_thai_limits_on_valid_days():
    st = readings.station(measures=("pm25",))
    _pm25_days(st)
    got = selectors.exceedances("TH-T1", year=2024)
    # valid days: 40, 20, 10, 30 (the 17-hour day is left out); annual mean 25 on 4 days,
    # too few for an annual verdict (75 % of 366 days)
    assert got == [
        _row(WHO, WHO_NAME, "pm25_annual", "annual", 5.0, 4, None, annual_mean=25.0),
        _row(WHO, WHO_NAME, "pm25_24h", "24h", 15.0, 4, 3),
        _row("th-ambient-2023", TH_NAME, "pm25_24h", "24h", 37.5, 4, 1),
        _row("th-ambient-2023", TH_NAME, "pm25_annual", "annual", 15.0, 4, None, annual_mean=25.0),
    ]


WHO = "who-2021-aqg"


def test_it_counts_hours_and_days_above_a_one_hour_limit():
    st = readings.station(measures=("o3",))
    # TH O3 1-hour 200 µg/m³: two hours above on the first day, none on the second
    readings.day(st, "o3", dt.date(2024, 5, 1), [100.0] * 22 + [210.0, 250.0])
    readings.day(st, "o3", dt.date(2024, 5, 2), [200.0] + [NAN] * 23)
    got = [r for r in selectors.exceedances("TH-T1", year=2024) if r["pollutant"] == "o3_1h"]
    assert len(got) == 1
    row = got[0]
    assert row["limit_set"] == "th-ambient-2023"
    assert (row["days_with_data"], row["exceedances"]) == (2, 1)
    assert (row["hours_with_data"], row["hours_above"]) == (25, 2)


def test_it_splits_chinas_year_when_gb3095_2026_came_into_force():
    st = readings.station("CN-1", country="CN", time_zone="Asia/Shanghai", measures=("pm25",))
    # PM2.5 70 µg/m³: under GB 3095-2012 grade 2 (75), over GB 3095-2026's transitional 60
    readings.day(st, "pm25", dt.date(2026, 2, 28), [70.0] * 24)
    readings.day(st, "pm25", dt.date(2026, 3, 1), [70.0] * 24)
    got = {
        (r["limit_set"], r["start"], r["end"]): (r["days_with_data"], r["exceedances"])
        for r in selectors.exceedances("CN-1", year=2026)
        if r["pollutant"] == "pm25_24h"
    }
    assert got == {
        ("who-2021-aqg", "2026-01-01", "2026-12-31"): (2, 2),
        ("cn-gb3095-2012-grade2", "2026-01-01", "2026-02-28"): (1, 0),
        ("cn-gb3095-2026-grade2", "2026-03-01", "2026-12-31"): (1, 1),
    }


def test_it_applies_chinas_20_hour_rule_to_chinese_limits():
    st = readings.station("CN-1", country="CN", time_zone="Asia/Shanghai", measures=("pm25",))
    readings.day(st, "pm25", dt.date(2024, 6, 1), [90.0] * 19 + [NAN] * 5)  # 19 hours
    rows = {
        r["limit_set"]: r
        for r in selectors.exceedances("CN-1", year=2024)
        if r["pollutant"] == "pm25_24h"
    }
    assert rows["who-2021-aqg"]["days_with_data"] == 1  # 75 %: 18 hours
    assert rows["cn-gb3095-2012-grade2"]["days_with_data"] == 0  # GB 3095 Table 4: 20


def test_it_reports_completeness_per_parameter_within_the_active_period():
    st = readings.station(measures=("pm25", "o3"), active_from=dt.date(2024, 12, 1))
    readings.day(st, "pm25", dt.date(2024, 12, 1), [10.0] * 24)
    readings.day(st, "pm25", dt.date(2024, 12, 2), [10.0] * 17 + [NAN] * 7)
    readings.day_mean(st, "pm25", dt.date(2024, 12, 3), 12.0)
    DailyValue.objects.filter(date=dt.date(2024, 12, 2)).update(flagged=3)
    assert selectors.completeness("TH-T1", year=2024) == [
        {
            "parameter": "pm25",
            "name": "PM2.5",
            "unit": "µg/m³",
            "days": 31,
            "days_with_data": 3,
            "valid_days": 2,
            "valid_hours": 41,
            "flagged_hours": 3,
            "share": 0.0645,
        },
        {
            "parameter": "o3",
            "name": "O₃",
            "unit": "µg/m³",
            "days": 31,
            "days_with_data": 0,
            "valid_days": 0,
            "valid_hours": 0,
            "flagged_hours": 0,
            "share": 0.0,
        },
    ]


def _monthly_series(st, years, slope, skip_month=None):
    rows = []
    day = dt.date(2019, 1, 1)
    while day.year < 2019 + years:
        if (day.year, day.month) != skip_month or day.day > 20:
            season = 8 * np.sin(2 * np.pi * (day.month - 1) / 12)
            value = 30 + season + slope * (day.year - 2019)
            rows.append(DailyValue(station=st, parameter=1, date=day, mean=value, count=24))
        day += dt.timedelta(days=1)
    DailyValue.objects.bulk_create(rows)


def test_it_finds_a_known_trend_with_sens_slope_per_year():
    st = readings.station(measures=("pm25",))
    _monthly_series(st, 5, -1.5, skip_month=(2021, 4))  # April 2021: 10 of 30 days
    got = selectors.trend("TH-T1", parameter="pm25")
    assert got["slope_per_year"] == pytest.approx(-1.5, abs=1e-9)
    assert got["trend"] == "decreasing" and got["significant"] is True
    assert got["p"] < 1e-6
    assert (got["years"], got["months"]) == (5, 59)
    assert (got["first_month"], got["last_month"]) == ("2019-01", "2023-12")
    assert "2021-04" not in [m["month"] for m in got["monthly"]]
    assert got["reason"] is None and got["unit"] == "µg/m³"


def test_it_declines_a_trend_on_too_few_years():
    st = readings.station(measures=("pm25",))
    _monthly_series(st, 2, 1.0)
    got = selectors.trend("TH-T1", parameter="pm25")
    assert got["years"] == 2
    assert got["slope_per_year"] is None and got["p"] is None and got["trend"] is None
    assert got["reason"] == (
        "The seasonal Mann-Kendall test needs monthly means of at least 3 years; there are 2."
    )
    assert selectors.trend("TH-T1", parameter="o3") is None
    with pytest.raises(ValueError, match="unknown parameter 'pm3'"):
        selectors.trend("TH-T1", parameter="pm3")


def test_it_compares_stations_and_countries_under_one_standard():
    a = readings.station("TH-A", measures=("pm25",), name="A")
    b = readings.station("TH-B", measures=("pm25",), name="B")
    readings.station("VN-1", country="VN", time_zone="Asia/Ho_Chi_Minh", measures=("pm25",))
    first = dt.date(2024, 1, 1)
    # PCD 2023: PM2.5 10 -> 17 (very good), 30 -> 71 (moderate), 80 -> 205 (above 200)
    for k, value in enumerate([10.0, 30.0, 80.0]):
        readings.day(a, "pm25", first + dt.timedelta(days=k), [value] * 24)
    readings.day(b, "pm25", first, [30.0] * 24)
    got = selectors.compare(
        stations=["TH-A"],
        countries=["th"],
        standard="th-pcd-2023",
        start=first,
        end=first + dt.timedelta(days=2),
    )
    assert got["standard"] == "th-pcd-2023" and got["days"] == 3
    assert [c["key"] for c in got["categories"]] == [
        "very_good",
        "good",
        "moderate",
        "starting_to_affect_health",
        "affecting_health",
    ]
    station, country = got["items"]
    assert station == {
        "kind": "station",
        "code": "TH-A",
        "name": "A",
        "country": "TH",
        "stations": 1,
        "station_days": 3,
        "days_with_aqi": 3,
        "mean_aqi": station["mean_aqi"],
        "max_aqi": station["max_aqi"],
        "categories": {
            "very_good": 1,
            "good": 0,
            "moderate": 1,
            "starting_to_affect_health": 0,
            "affecting_health": 1,
        },
        "days_over": {"very_good": 2, "good": 2, "moderate": 1, "starting_to_affect_health": 1},
        "dominant": {"pm25_24h": 3},
        "concentrations": {"pm25": {"mean": 40.0, "unit": "µg/m³", "days": 3}},
    }
    daily = [
        d["aqi"] for d in selectors.daily_aqi("TH-A", start=first, end=first + dt.timedelta(days=2))
    ]
    assert station["max_aqi"] == max(daily)
    assert station["mean_aqi"] == round(sum(daily) / 3, 1)
    assert country["kind"] == "country" and country["stations"] == 2
    assert country["days_with_aqi"] == 4 and country["categories"]["moderate"] == 2
    assert country["concentrations"]["pm25"] == {"mean": 37.5, "unit": "µg/m³", "days": 4}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"countries": ["XX"]}, "unknown country 'XX'"),
        ({"countries": ["TH"], "standard": "nope"}, "unknown AQI standard 'nope'"),
        ({"countries": ["TH"], "end": dt.date(2025, 1, 2)}, "at most 366 days"),
        ({"stations": [f"S{k}" for k in range(13)]}, "at most 12 stations"),
    ],
)
def test_it_says_what_is_wrong_with_a_comparison(kwargs, message):
    args = {"standard": "th-pcd-2023", "start": dt.date(2024, 1, 1), "end": dt.date(2024, 1, 2)}
    args.update(kwargs)
    with pytest.raises(ValueError, match=message):
        selectors.compare(**args)
