"""lmec.quality.aqi against the breakpoint tables and worked examples of each standard."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from lmec.quality import aqi

# HJ 633-2012, Table 1: (pollutant, concentration at each IAQI breakpoint 0,50,100,...)
CN_TABLE = {
    "so2_24h": (0, 50, 150, 475, 800, 1600, 2100, 2620),
    "so2_1h": (0, 150, 500, 650, 800),
    "no2_24h": (0, 40, 80, 180, 280, 565, 750, 940),
    "no2_1h": (0, 100, 200, 700, 1200, 2340, 3090, 3840),
    "pm10_24h": (0, 50, 150, 250, 350, 420, 500, 600),
    "co_24h": (0, 2, 4, 14, 24, 36, 48, 60),
    "co_1h": (0, 5, 10, 35, 60, 90, 120, 150),
    "o3_1h": (0, 160, 200, 300, 400, 800, 1000, 1200),
    "o3_8h": (0, 100, 160, 215, 265, 800),
    "pm25_24h": (0, 35, 75, 115, 150, 250, 350, 500),
}
CN_IAQI = (0, 50, 100, 150, 200, 300, 400, 500)


@pytest.mark.parametrize("pollutant", sorted(CN_TABLE))
def test_it_gives_each_cn_breakpoint_its_iaqi(pollutant):
    concentrations = CN_TABLE[pollutant]
    assert_allclose(
        aqi.sub_index("cn-hj633-2012", pollutant, concentrations),
        CN_IAQI[: len(concentrations)],
        atol=0,
    )


def test_it_rounds_cn_sub_indices_up():
    # HJ 633-2012 5.2: 进位取整. PM2.5 36 µg/m³ -> 50 + 50/40 = 51.25 -> 52
    assert aqi.sub_index("cn-hj633-2012", "pm25_24h", 36) == 52
    assert aqi.sub_index("cn-hj633-2012", "pm25_24h", 35.0) == 50


def test_it_leaves_cn_so2_1h_above_800_to_the_24h_value():
    assert np.isnan(aqi.sub_index("cn-hj633-2012", "so2_1h", 801))
    result = aqi.index("cn-hj633-2012", {"so2_1h": [900], "so2_24h": [700]})
    # 24-h SO2 700 -> 150 + (700-475)/(800-475)*50 = 184.6 -> 185
    assert result.value[0] == 185 and result.dominant[0] == "so2_24h"


def test_it_leaves_cn_o3_8h_above_800_to_the_1h_value():
    result = aqi.index("cn-hj633-2012", {"o3_8h": [850], "o3_1h": [900]})
    # 1-h O3 900 -> 300 + (900-800)/(1000-800)*100 = 350
    assert result.value[0] == 350 and result.dominant[0] == "o3_1h"


def test_it_names_the_cn_primary_pollutant_only_above_50():
    result = aqi.index("cn-hj633-2012", {"pm25_24h": [80, 20], "pm10_24h": [100, 30]})
    # PM2.5 80 -> 100 + 5/40*50 = 106.25 -> 107; PM10 100 -> 75
    assert_allclose(result.value, [107, 30])
    assert list(result.dominant) == ["pm25_24h", ""]
    assert list(result.category) == ["lightly_polluted", "excellent"]


# EPA-454/B-24-002, Table 6: band (low, high) of concentration for AQI bands 0-50, 51-100, ...
US_BANDS = {
    "pm25_24h": [
        (0.0, 9.0),
        (9.1, 35.4),
        (35.5, 55.4),
        (55.5, 125.4),
        (125.5, 225.4),
        (225.5, 325.4),
    ],
    "pm10_24h": [(0, 54), (55, 154), (155, 254), (255, 354), (355, 424), (425, 604)],
    "o3_8h": [(0.0, 0.054), (0.055, 0.070), (0.071, 0.085), (0.086, 0.105), (0.106, 0.200)],
    "co_8h": [(0.0, 4.4), (4.5, 9.4), (9.5, 12.4), (12.5, 15.4), (15.5, 30.4), (30.5, 50.4)],
    "so2_1h": [(0, 35), (36, 75), (76, 185), (186, 304)],
    "no2_1h": [(0, 53), (54, 100), (101, 360), (361, 649), (650, 1249), (1250, 2049)],
}
US_AQI_BANDS = [(0, 50), (51, 100), (101, 150), (151, 200), (201, 300), (301, 500)]


@pytest.mark.parametrize("pollutant", sorted(US_BANDS))
def test_it_gives_each_us_band_edge_its_aqi(pollutant):
    for (low, high), (ilo, ihi) in zip(US_BANDS[pollutant], US_AQI_BANDS, strict=False):
        assert aqi.sub_index("us-epa-2024", pollutant, low) == ilo, (pollutant, low)
        assert aqi.sub_index("us-epa-2024", pollutant, high) == ihi, (pollutant, high)


def test_it_reproduces_the_epa_worked_example():
    # EPA TAD example: 8-h ozone 0.078 ppm -> 126 (USG), PM2.5 35.9 µg/m³ -> 102
    assert aqi.sub_index("us-epa-2024", "o3_8h", 0.078) == 126
    assert aqi.sub_index("us-epa-2024", "pm25_24h", 35.9) == 102
    result = aqi.index("us-epa-2024", {"pm25_24h": 35.9, "o3_8h": 0.078})
    assert result.value == 126
    assert result.dominant == "o3_8h"
    assert result.category == "unhealthy_sensitive"


def test_it_truncates_us_concentrations_before_looking_them_up():
    # 9.05 truncates to 9.0 (AQI 50), 0.0549 to 0.054 (AQI 50)
    assert aqi.sub_index("us-epa-2024", "pm25_24h", 9.05) == 50
    assert aqi.sub_index("us-epa-2024", "o3_8h", 0.0549) == 50


def test_it_gives_nan_for_missing_negative_and_off_table_values_without_raising():
    values = aqi.sub_index("us-epa-2024", "pm25_24h", [np.nan, -1.0, 400.0, 12.0])
    # 12.0 -> (100-51)/(35.4-9.1)*(12.0-9.1) + 51 = 56.4 -> 56
    assert np.isnan(values[:3]).all() and values[3] == 56


def test_it_keeps_the_shape_of_its_input():
    assert aqi.sub_index("cn-hj633-2012", "pm10_24h", 80.0).shape == ()
    assert aqi.sub_index("cn-hj633-2012", "pm10_24h", np.ones((3, 4))).shape == (3, 4)


def test_it_names_the_valid_choices_for_a_wrong_name():
    with pytest.raises(ValueError, match="cn-hj633-2012, cn-hj633-2026, th-pcd-2023, us-epa-2024, vn-1459-2019"):
        aqi.sub_index("xx", "pm25_24h", 1)
    with pytest.raises(ValueError, match="no pollutant 'pm1'.*pm25_24h"):
        aqi.sub_index("us-epa-2024", "pm1", 1)


@given(st.lists(st.floats(0, 500), min_size=2, max_size=50))
def test_it_is_monotone_in_concentration(values):
    for std in ("cn-hj633-2012", "us-epa-2024"):
        c = np.sort(np.asarray(values))
        index_values = aqi.sub_index(std, "pm25_24h", c)
        finite = index_values[np.isfinite(index_values)]
        assert np.all(np.diff(finite) >= 0)


@given(st.floats(0, 600))
def test_it_puts_the_index_inside_its_category(value):
    for std_id in ("cn-hj633-2012", "us-epa-2024"):
        result = aqi.index(std_id, {"pm10_24h": [value]})
        if np.isnan(result.value[0]):
            continue
        std = aqi.STANDARDS[std_id]
        category = next(c for c in std.categories if c.key == result.category[0])
        assert category.low <= result.value[0] <= category.high
