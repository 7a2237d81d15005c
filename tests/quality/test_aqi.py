"""lmec.quality.aqi against every breakpoint of every published table, and its rules.

The tables are read from tests/quality/data/aqi/breakpoints.csv, transcribed from the
documents independently of the code (see the README there).
"""

import csv
from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose

from lmec.quality import aqi

DATA = Path(__file__).parent / "data" / "aqi"


def _bands():
    with open(DATA / "breakpoints.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


BANDS = _bands()
CLOSED = [b for b in BANDS if b["c_high"]]
OPEN_TOP = [b for b in BANDS if not b["c_high"]]


def _id(band):
    return f"{band['standard']}:{band['pollutant']}:{band['c_low']}-{band['c_high']}"


def test_it_covers_every_pollutant_of_every_standard_in_the_reference_data():
    covered = {(b["standard"], b["pollutant"]) for b in BANDS}
    defined = {(s.id, p) for s in aqi.STANDARDS.values() for p in s.pollutants}
    assert covered == defined


@pytest.mark.parametrize("band", CLOSED, ids=_id)
def test_it_gives_each_band_edge_its_published_index(band):
    concentrations = [float(band["c_low"]), float(band["c_high"])]
    expected = [float(band["index_low"]), float(band["index_high"])]
    got = aqi.sub_index(band["standard"], band["pollutant"], concentrations)
    assert_allclose(got, expected, atol=0)


@pytest.mark.parametrize("band", CLOSED, ids=_id)
def test_it_uses_the_units_of_the_reference_table(band):
    assert aqi.STANDARDS[band["standard"]].pollutants[band["pollutant"]].unit == band["unit"]


@pytest.mark.parametrize("band", OPEN_TOP, ids=_id)
def test_it_starts_each_open_band_at_its_printed_index_and_keeps_rising(band):
    # Thailand "201 and above"; EPA Table 6 "301+" (e.g. PM2.5 "225.5+")
    start = float(band["c_low"])
    low = float(band["index_low"])
    got = aqi.sub_index(band["standard"], band["pollutant"], [start, start * 2])
    assert got[0] == low and got[1] > low


def _aqi500():
    with open(DATA / "us_epa_aqi500.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("row", _aqi500(), ids=lambda r: r["pollutant"])
def test_it_continues_the_us_hazardous_line_through_500_and_beyond(row):
    # EPA-454/B-24-002 Table 6 note 4: "AQI values greater than 500 should be calculated
    # using equation 1 and the concentration specified for the AQI value of 500"
    c_low, c_500 = float(row["c_low"]), float(row["c_500"])
    assert aqi.STANDARDS["us-epa-2024"].pollutants[row["pollutant"]].unit == row["unit"]
    slope = 199 / (c_500 - c_low)
    above = 2 * c_500  # on the printed resolution of every table: 0.001 ppm, 0.1, 1
    expected = [500, np.floor(slope * (above - c_low) + 301 + 0.5)]
    got = aqi.sub_index("us-epa-2024", row["pollutant"], [c_500, above])
    assert_allclose(got, expected, atol=0)
    assert got[1] > 500
    assert aqi.category_of("us-epa-2024", got[1]) == "hazardous"


def test_it_reads_a_us_pm25_day_beyond_500_on_the_hazardous_line():
    # 425.4 µg/m³: 199/99.9 x (425.4 - 225.5) + 301 = 699.2 -> 699, Hazardous (FAQ "What
    # does it mean when the AQI values are above 500?": "the hazardous category
    # information should be used")
    result = aqi.index("us-epa-2024", {"pm25_24h": 425.4})
    assert result.value == 699 and result.category == "hazardous"


@pytest.mark.parametrize(
    "standard,pollutant,above",
    [
        ("cn-hj633-2012", "pm25_24h", 500.1),
        ("cn-hj633-2026", "pm10_24h", 601),
        ("us-epa-2024", "o3_8h", 0.201),  # Table 6 note 2: 8-hour O3 defines no AQI >= 301
        ("us-epa-2024", "so2_1h", 305),  # note 3: 1-hour SO2 defines no AQI >= 200
    ],
)
def test_it_gives_nan_above_a_closed_table(standard, pollutant, above):
    assert np.isnan(aqi.sub_index(standard, pollutant, above))


def test_it_caps_vn_at_500_where_the_top_level_reads_at_least():
    # QĐ 1459 Bảng 2, level 8: "≥500" (PM2.5), "≥600" (PM10)
    assert_allclose(aqi.sub_index("vn-1459-2019", "pm25_24h", [500, 900]), [500, 500])
    assert np.isnan(aqi.sub_index("vn-1459-2019", "o3_8h", 400.1))  # no level 7-8 for O3 8h


def test_it_rounds_cn_sub_indices_up():
    # HJ 633-2012: 进位取整. PM2.5 36 µg/m³ -> 50 + 50/40 = 51.25 -> 52
    assert aqi.sub_index("cn-hj633-2012", "pm25_24h", 36) == 52
    assert aqi.sub_index("cn-hj633-2012", "pm25_24h", 35.0) == 50
    # HJ 633-2026: 36 -> 50 + 50/25 = 52 exactly; 61 -> 100 + 50/55 = 100.9 -> 101
    assert_allclose(aqi.sub_index("cn-hj633-2026", "pm25_24h", [36, 61]), [52, 101])


def test_it_reads_the_same_pm25_day_worse_under_hj633_2026():
    # 75 µg/m³ was the top of "good" (IAQI 100) in 2012; in 2026 it is lightly polluted
    assert aqi.sub_index("cn-hj633-2012", "pm25_24h", 75) == 100
    assert aqi.sub_index("cn-hj633-2026", "pm25_24h", 75) == 114  # 100 + 50/55 x 15 = 113.6
    assert aqi.index("cn-hj633-2026", {"pm25_24h": 75}).category == "lightly_polluted"


def test_it_leaves_cn_so2_1h_above_800_to_the_24h_value():
    assert np.isnan(aqi.sub_index("cn-hj633-2012", "so2_1h", 801))
    result = aqi.index("cn-hj633-2012", {"so2_1h": [900], "so2_24h": [700]})
    # 24-h SO2 700 -> 150 + (700-475)/(800-475) x 50 = 184.6 -> 185
    assert result.value[0] == 185 and result.dominant[0] == "so2_24h"


def test_it_leaves_cn_o3_8h_above_800_to_the_1h_value():
    assert np.isnan(aqi.sub_index("cn-hj633-2012", "o3_8h", 801))
    result = aqi.index("cn-hj633-2012", {"o3_8h": [850], "o3_1h": [900]})
    # 1-h O3 900 -> 300 + (900-800)/(1000-800) x 100 = 350
    assert result.value[0] == 350 and result.dominant[0] == "o3_1h"


def test_it_counts_so2_1h_and_o3_8h_above_800_as_200_and_300_under_hj633_2026():
    # HJ 633-2026, Table 3 notes b and c: "IAQI 按照 200 计", "IAQI 按照 300 计"
    assert_allclose(aqi.sub_index("cn-hj633-2026", "so2_1h", [800, 801, 5000]), [200] * 3)
    assert_allclose(aqi.sub_index("cn-hj633-2026", "o3_8h", [800, 850]), [300, 300])
    result = aqi.index("cn-hj633-2026", {"so2_1h": [900]})  # real time: no 24-h value needed
    assert result.value[0] == 200 and result.dominant[0] == "so2_1h"


def test_it_rounds_hj633_2026_concentrations_by_gb_t_8170_first():
    # HJ 633-2026 4.2.2-4.2.3: µg/m³ to whole numbers, CO to one decimal, by GB/T 8170 (an
    # exact half goes to the even neighbour), then formula (1) and 进位取整
    pm25 = aqi.sub_index("cn-hj633-2026", "pm25_24h", [35.4, 35.5, 34.5, 36.5, 35.50001])
    # 35.4 -> 35 (50); 35.5 -> 36 (52); 34.5 -> 34 (48.6 -> 49); 36.5 -> 36 (52); 35.50001 -> 36
    assert_allclose(pm25, [50, 52, 49, 52, 52])
    # 2012 states no concentration rounding: 35.4 -> 50 + 50/40 x 0.4 = 50.5 -> 51
    assert aqi.sub_index("cn-hj633-2012", "pm25_24h", 35.4) == 51
    # CO 2.05 -> 2.0 (50), 2.15 -> 2.2 (50 + 25 x 0.2 = 55), 0.35 -> 0.4 (10)
    assert_allclose(aqi.sub_index("cn-hj633-2026", "co_24h", [2.05, 2.15, 0.35]), [50, 55, 10])
    # the 1-hour PM read on the daily columns (formula (1)) rounds the same way
    assert_allclose(aqi.sub_index("cn-hj633-2026", "pm10_1h", [120.4, 120.5]), [100, 100])
    assert aqi.sub_index("cn-hj633-2026", "pm10_1h", 121.5) == 101  # 122: 100 + 50/130 x 2
    # capped and closed tables, missing and negative readings behave as before
    assert aqi.sub_index("cn-hj633-2026", "so2_1h", 800.4) == 200
    assert np.isnan(aqi.sub_index("cn-hj633-2026", "pm25_24h", 500.6))
    assert aqi.sub_index("cn-hj633-2026", "pm25_24h", 500.4) == 500
    assert np.isnan(aqi.sub_index("cn-hj633-2026", "pm25_24h", [-0.2, np.nan])).all()


def test_it_gives_hj633_2026_levels_and_health_texts_as_table_1_prints_them():
    # HJ 633-2026 Table 1 and Table A.1 (official electronic edition, p. 2 and p. 6)
    with open(DATA / "cn_hj633_2026_table1.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    categories = aqi.categories("cn-hj633-2026")
    assert len(rows) == len(categories) == 6
    for k, (row, category) in enumerate(zip(rows, categories, strict=True)):
        # Table 1 prints "1～50": the code keeps 0 so that IAQI 0 has a level
        assert category.low == (0 if k == 0 else float(row["index_low"]))
        if row["index_high"]:
            assert category.high == float(row["index_high"])
        assert category.names["zh-hans"] == row["category"]
        r, g, b = (int(x) for x in row["rgb"].split())
        assert category.colour == f"#{r:02X}{g:02X}{b:02X}"
        assert category.advice["zh-hans"] == f"{row['health']}。{row['measures']}。"


def test_it_gives_hj633_2026_sensitive_groups_as_table_2_prints_them():
    from lmec.quality.aqi._cn import SENSITIVE_GROUPS_2026

    with open(DATA / "cn_hj633_2026_table2.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    assert [row["key"] for row in rows] == list(SENSITIVE_GROUPS_2026)
    for row in rows:
        assert SENSITIVE_GROUPS_2026[row["key"]]["zh-hans"] == row["groups"]
        assert SENSITIVE_GROUPS_2026[row["key"]]["en"]


def test_it_keeps_hj633_2012_texts_for_the_2012_standard():
    old = aqi.get_category("cn-hj633-2012", "lightly_polluted").advice["zh-hans"]
    new = aqi.get_category("cn-hj633-2026", "lightly_polluted").advice["zh-hans"]
    assert old.startswith("易感人群") and new.startswith("敏感人群")


def test_it_names_the_cn_primary_pollutant_only_above_50():
    result = aqi.index("cn-hj633-2012", {"pm25_24h": [80, 20], "pm10_24h": [100, 30]})
    # PM2.5 80 -> 100 + 5/40 x 50 = 106.25 -> 107; PM10 100 -> 75; second day: 29 and 30
    assert_allclose(result.value, [107, 30], atol=0)
    assert list(result.dominant) == ["pm25_24h", ""]
    assert list(result.category) == ["lightly_polluted", "excellent"]


def test_it_truncates_us_concentrations_before_looking_them_up():
    # 9.05 truncates to 9.0 (AQI 50), 0.0549 to 0.054 (AQI 50), 54.9 to 54 (AQI 50)
    assert aqi.sub_index("us-epa-2024", "pm25_24h", 9.05) == 50
    assert aqi.sub_index("us-epa-2024", "o3_8h", 0.0549) == 50
    assert aqi.sub_index("us-epa-2024", "pm10_24h", 54.9) == 50
    assert aqi.sub_index("us-epa-2024", "co_8h", 4.49) == 50
    assert aqi.sub_index("us-epa-2024", "no2_1h", 53.99) == 50


def test_it_rounds_thai_concentrations_to_the_printed_resolution():
    # PCD prints 0-15.0 and 15.1-25.0: 15.04 reads as 15.0, 15.06 as 15.1
    assert_allclose(aqi.sub_index("th-pcd-2023", "pm25_24h", [15.04, 15.06]), [25, 26])


def test_it_takes_the_higher_of_us_1h_and_8h_ozone():
    result = aqi.index("us-epa-2024", {"o3_8h": [0.080, 0.060], "o3_1h": [0.170, 0.100]})
    # 8-h 0.080 -> 49/0.014 x 0.009 + 101 = 132.5 -> 133; 1-h 0.170 -> 49/0.039 x 0.005
    # + 151 = 157.3 -> 157. 8-h 0.060 -> 49/0.015 x 0.005 + 51 = 67.3 -> 67; 1-h 0.100 is
    # below the 1-h table and defines nothing
    assert_allclose(result.value, [157, 67], atol=0)
    assert list(result.dominant) == ["o3_1h", "o3_8h"]


def test_it_uses_24h_so2_or_200_when_us_1h_so2_is_off_its_table():
    result = aqi.index(
        "us-epa-2024", {"so2_1h": [400, 400, 100, 304], "so2_24h": [np.nan, 700, np.nan, 10]}
    )
    # 24-h 700 ppb -> 199/399 x (700 - 605) + 301 = 348.4 -> 348; 1-h 100 -> 112
    assert_allclose(result.value, [200, 348, 112, 200], atol=0)
    assert list(result.dominant) == ["so2_1h", "so2_24h", "so2_1h", "so2_1h"]


def test_it_needs_pm_for_a_vn_index():
    # QĐ 1459 2.1 b: at least one of PM10, PM2.5
    result = aqi.index("vn-1459-2019", {"o3_1h": [120, 120], "pm25_nowcast": [np.nan, 10]})
    assert np.isnan(result.value[0]) and result.value[1] == 38  # O3 120 -> 37.5 -> 38
    assert list(result.category) == ["", "good"]


def test_it_gives_nan_for_missing_negative_and_off_table_values_without_raising():
    for std in aqi.STANDARDS.values():
        for pollutant in std.pollutants:
            values = aqi.sub_index(std, pollutant, [np.nan, -1.0, -0.01, np.inf, -np.inf])
            assert np.isnan(values).all(), (std.id, pollutant)


def test_it_gives_nan_and_no_dominant_where_nothing_is_computable():
    result = aqi.index("us-epa-2024", {"pm25_24h": [np.nan, 12.0], "o3_8h": [np.nan, np.nan]})
    assert np.isnan(result.value[0]) and result.value[1] == 56
    assert list(result.dominant) == ["", "pm25_24h"]
    assert list(result.category) == ["", "moderate"]
    assert np.isnan(result.sub_indices["o3_8h"]).all()


def test_it_keeps_the_shape_of_its_input():
    assert aqi.sub_index("cn-hj633-2012", "pm10_24h", 80.0).shape == ()
    assert aqi.sub_index("cn-hj633-2012", "pm10_24h", np.ones((3, 4))).shape == (3, 4)
    assert aqi.sub_index("us-epa-2024", "pm25_24h", np.ones((2, 5))).shape == (2, 5)
    result = aqi.index("th-pcd-2023", {"pm25_24h": np.ones((2, 3)), "o3_8h": 40})
    assert result.value.shape == result.dominant.shape == result.category.shape == (2, 3)


def test_it_names_the_valid_choices_for_a_wrong_name():
    with pytest.raises(ValueError, match="cn-hj633-2012, cn-hj633-2026, th-pcd-2023"):
        aqi.sub_index("xx", "pm25_24h", 1)
    with pytest.raises(ValueError, match="no pollutant 'pm1'.*pm25_24h"):
        aqi.sub_index("us-epa-2024", "pm1", 1)
    with pytest.raises(ValueError, match="no pollutant 'pm25_1h'"):
        aqi.index("cn-hj633-2012", {"pm25_1h": 10})
    with pytest.raises(ValueError, match="no category 'bad'.*excellent"):
        aqi.get_category("cn-hj633-2026", "bad")
    with pytest.raises(ValueError, match="at least one"):
        aqi.index("us-epa-2024", {})


def test_it_describes_every_standard_completely():
    languages = {"CN": "zh-hans", "US": "en", "TH": "th", "VN": "vi"}
    for std in aqi.STANDARDS.values():
        assert std.source.document and std.source.table and std.source.year
        assert std.references and std.country in languages
        lows = [c.low for c in std.categories]
        assert lows[0] == 0 and lows == sorted(lows)
        for before, after in zip(std.categories, std.categories[1:], strict=False):
            assert after.low == before.high + 1  # bands tile the integers
        for category in std.categories:
            assert category.colour.startswith("#") and len(category.colour) == 7
            for language in ("en", languages[std.country]):
                assert category.names[language] and category.advice[language], (
                    std.id,
                    category.key,
                    language,
                )


def test_it_looks_up_category_objects():
    cats = aqi.categories("vn-1459-2019", [10, 120, np.nan])
    assert cats[0].names["vi"] == "Tốt" and cats[1].key == "poor" and cats[2] is None
    assert aqi.get_category("th-pcd-2023", "very_good").colour == "#3BCCFF"
    assert len(aqi.categories("us-epa-2024")) == 6
    result = aqi.index("cn-hj633-2026", {"pm25_24h": [80]})
    assert result.categories()[0].names["zh-hans"] == "轻度污染"


def test_it_unpacks_as_value_dominant_category():
    value, dominant, category = aqi.index("vn-1459-2019", {"pm25_24h": [55.7, 10.0]})
    assert_allclose(value, [110, 20], atol=0)
    assert list(dominant) == ["pm25_24h", "pm25_24h"]
    assert list(category) == ["poor", "good"]


def test_it_rounds_thai_concentrations_half_up_as_the_announcement_says():
    # PCD B.E. 2566, ข้อ 4.1: PM2.5 and CO to one decimal, PM10, O3, NO2 and SO2 to whole
    # numbers, "ปัดเลขตามหลักสากล"; a value half a step above a band's top reads as the next
    # band's bottom (index 26), just below it as the top (index 25)
    cases = {
        "pm25_24h": (15.05, 15.04),
        "co_8h": (4.45, 4.44),
        "pm10_24h": (50.5, 50.4),
        "o3_8h": (35.5, 35.4),
        "no2_1h": (60.5, 60.4),
        "so2_1h": (100.5, 100.4),
    }
    for pollutant, (up, down) in cases.items():
        assert_allclose(aqi.sub_index("th-pcd-2023", pollutant, [up, down]), [26, 25])


def test_it_gives_thai_levels_and_advice_as_table_1_prints_them():
    # PCD B.E. 2566, Table 1 (Royal Gazette vol. 140 special part 157 ง, p. 4)
    with open(DATA / "th_pcd_2023_table1.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    categories = aqi.categories("th-pcd-2023")
    assert len(rows) == len(categories) == 5
    for row, category in zip(rows, categories, strict=True):
        assert category.low == float(row["index_low"])
        assert category.high == (float(row["index_high"]) if row["index_high"] else np.inf)
        assert category.names["th"].endswith(row["level_th"])
        assert category.advice["th"] == row["advice_th"]
        assert category.advice["en"]
