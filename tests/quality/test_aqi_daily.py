"""daily_inputs: hourly series to each standard's daily inputs, with its validity rules."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from lmec.quality import aqi


def _days(*values_per_day):
    return np.concatenate([np.asarray(v, dtype=float) for v in values_per_day])


def test_it_needs_20_hours_for_a_cn_24h_mean():
    day_ok = np.arange(24.0)
    day_ok[:4] = np.nan  # 20 hours left
    day_short = np.arange(24.0)
    day_short[:5] = np.nan  # 19 hours
    out = aqi.daily_inputs("cn-hj633-2012", {"pm25": _days(day_ok, day_short)})
    assert_allclose(out["pm25_24h"][0], np.arange(4.0, 24.0).mean())
    assert np.isnan(out["pm25_24h"][1])


def test_it_takes_cn_o3_8h_from_windows_ending_at_8_to_24_oclock():
    # HJ 663: 8-hour moving means ending 8 时..24 时, same day; a peak in the first 7
    # hours of the day only counts through windows that end at 8 时 or later
    day = np.full(24, 10.0)
    day[16:24] = 100.0  # the last window (16-24 时) averages 100
    out = aqi.daily_inputs("cn-hj633-2012", {"o3": _days(day)})
    assert_allclose(out["o3_8h"], [100.0])
    assert_allclose(out["o3_1h"], [100.0])  # HJ 633-2012 5.1.2: a daily indicator


def test_it_leaves_o3_1h_out_of_the_hj633_2026_daily_report():
    # HJ 633-2026 4.2.2: six daily indicators, O3 only as the daily maximum 8-hour mean
    day = np.full(24, 10.0)
    day[16:24] = 100.0
    out = aqi.daily_inputs("cn-hj633-2026", {"o3": _days(day)})
    assert set(out) == {"o3_8h"}
    assert_allclose(out["o3_8h"], [100.0])


def test_it_needs_6_of_8_hours_per_window_and_14_windows_for_cn_o3():
    day = np.full(24, 50.0)
    day[8:20] = np.nan  # windows ending 8..24 时 keep >= 6 hours only at the ends
    out = aqi.daily_inputs("cn-hj633-2012", {"o3": _days(day)})
    assert np.isnan(out["o3_8h"][0])
    out = aqi.daily_inputs("cn-hj633-2012", {"o3": _days(day)}, min_windows_8h=1)
    assert_allclose(out["o3_8h"], [50.0])


def test_it_takes_us_o3_8h_from_windows_starting_7_to_23_into_the_next_day():
    first = np.full(24, 0.030)
    second = np.full(24, 0.030)
    second[0:6] = 0.090  # early next morning: reached by the windows starting 22:00-23:00
    out = aqi.daily_inputs("us-epa-2024", {"o3": _days(first, second)})
    # window starting 23:00 day 1 covers 23:00 + 00:00-06:00 next day = 1 x 0.030 + 6 x 0.090
    # + 1 x 0.030 (06:00)
    assert_allclose(out["o3_8h"][0], (0.030 * 2 + 0.090 * 6) / 8)
    # the last day's late windows have no next-day hours: fewer than 13 of 17 valid
    assert np.isnan(out["o3_8h"][1])


def test_it_gives_us_daily_pm_so2_no2_with_75_percent_of_hours():
    hours = np.full(24, 12.0)
    hours[:6] = np.nan  # 18 hours: valid
    out = aqi.daily_inputs("us-epa-2024", {"pm25": hours, "so2": hours, "no2": hours * 2})
    assert_allclose(out["pm25_24h"], [12.0])
    assert_allclose(out["so2_24h"], [12.0])
    assert_allclose(out["so2_1h"], [12.0])
    assert_allclose(out["no2_1h"], [24.0])
    hours[6] = np.nan  # 17 hours: not valid
    out = aqi.daily_inputs("us-epa-2024", {"pm25": hours})
    assert np.isnan(out["pm25_24h"][0])


def test_it_uses_the_vn_day_as_written():
    # QĐ 1459 2.2.2: PM 24-hour mean, SO2/NO2/CO daily maximum 1-hour value; no
    # completeness rule is written, so one hour is enough
    hours = np.full(24, np.nan)
    hours[5] = 40.0
    out = aqi.daily_inputs("vn-1459-2019", {"pm25": hours, "co": hours * 1000, "no2": hours})
    assert_allclose(out["pm25_24h"], [40.0])
    assert_allclose(out["co_1h"], [40000.0])
    assert_allclose(out["no2_1h"], [40.0])
    strict = aqi.daily_inputs("vn-1459-2019", {"pm25": hours}, min_hours_24h=18)
    assert np.isnan(strict["pm25_24h"][0])


def test_it_gives_thai_running_means_and_1h_maxima():
    day = np.full(24, 20.0)
    day[10:18] = 60.0
    out = aqi.daily_inputs(
        "th-pcd-2023", {"pm25": day, "o3": day, "co": day / 10, "no2": day, "so2": day}
    )
    assert_allclose(out["pm25_24h"], [day.mean()])
    assert_allclose(out["o3_8h"], [60.0])
    assert_allclose(out["co_8h"], [6.0])
    assert_allclose(out["no2_1h"], [60.0])


def test_it_keeps_leading_station_axes_and_feeds_index():
    rng = np.random.default_rng(3)
    stations, days = 4, 3
    hourly = {
        "pm25": rng.gamma(2, 20, (stations, 24 * days)),
        "pm10": rng.gamma(2, 35, (stations, 24 * days)),
        "o3": rng.gamma(4, 20, (stations, 24 * days)),
        "no2": rng.gamma(3, 15, (stations, 24 * days)),
        "so2": rng.gamma(2, 5, (stations, 24 * days)),
        "co": rng.gamma(2, 0.4, (stations, 24 * days)),
    }
    daily = aqi.daily_inputs("cn-hj633-2026", hourly)
    assert set(daily) == {
        "pm25_24h",
        "pm10_24h",
        "so2_24h",
        "no2_24h",
        "co_24h",
        "o3_8h",
    }
    assert all(v.shape == (stations, days) for v in daily.values())
    result = aqi.index("cn-hj633-2026", daily)
    assert result.value.shape == (stations, days) and np.isfinite(result.value).all()


def test_it_treats_negative_hours_as_missing():
    hours = np.full(24, 10.0)
    hours[:5] = -3.0
    out = aqi.daily_inputs("cn-hj633-2012", {"pm10": hours})
    assert np.isnan(out["pm10_24h"][0])  # only 19 valid hours


def test_it_explains_bad_input():
    with pytest.raises(ValueError, match="unknown gas 'pm1'"):
        aqi.daily_inputs("us-epa-2024", {"pm1": np.ones(24)})
    with pytest.raises(ValueError, match="24 \\* days"):
        aqi.daily_inputs("us-epa-2024", {"pm25": np.ones(25)})
    with pytest.raises(ValueError, match="unknown AQI standard"):
        aqi.daily_inputs("xx", {"pm25": np.ones(24)})
