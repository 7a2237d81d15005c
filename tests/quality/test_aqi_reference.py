"""docs/aqi-standards.md is generated from the code and must stay in step with it."""

from pathlib import Path

import pytest
from numpy.testing import assert_allclose

from lmec.quality import aqi, reference

DOC = Path(__file__).resolve().parents[2] / "docs" / "aqi-standards.md"


def test_it_keeps_the_reference_page_in_step_with_the_code():
    assert DOC.read_text(encoding="utf-8") == reference.markdown(), (
        "docs/aqi-standards.md is stale: run "
        ".venv/bin/python -m lmec.quality.reference > docs/aqi-standards.md"
    )


def test_it_gives_every_band_as_data_for_the_website():
    rows = reference.breakpoint_data()
    bands = sum(len(p.bands) for s in aqi.STANDARDS.values() for p in s.pollutants.values())
    assert len(rows) == bands
    o3 = next(r for r in rows if r["standard"] == "us-epa-2024" and r["pollutant"] == "o3_8h")
    # 0.054 ppm O3 at 25 °C: 54 ppb x 47.998 / 24.45 = 106.0 µg/m³
    assert_allclose(o3["c_high_common"], 106.0, atol=0.05)
    thai_top = [r for r in rows if r["standard"] == "th-pcd-2023" and r["c_high"] is None]
    assert len(thai_top) == 6 and all(r["index_low"] == 201 for r in thai_top)


def test_it_reads_a_thai_haze_day_under_every_standard():
    readings = reference.THAI_READINGS["Chiang Mai, haze day"]
    rows = {r["standard"]: r for r in reference.cross_reading(readings)}
    assert set(rows) == set(aqi.STANDARDS)
    # PM2.5 110 µg/m³: HJ 633-2012 115 -> 150 band: 100 + 50/40 x 35 = 143.75 -> 144
    assert rows["cn-hj633-2012"]["aqi"] == 144
    assert rows["th-pcd-2023"]["category"] == "affecting_health"
    assert all(r["dominant"] == "pm25_24h" for r in rows.values())


def test_it_compares_one_reading_under_every_standard():
    # PM2.5 55.7 µg/m³ and O3 8-h 89.3 µg/m³ (the VN decision's daily example, 2.3 c)
    rows = {r["standard"]: r for r in reference.compare({"pm25_24h": 55.7, "o3_8h": 89.3})}
    assert list(rows) == list(aqi.STANDARDS)
    # VN: 50/30 x 5.7 + 100 = 109.5 -> 110 (QĐ 1459 2.3 c prints 110)
    assert rows["vn-1459-2019"]["aqi"] == 110
    assert rows["vn-1459-2019"]["dominant"] == "pm25_24h"
    # HJ 633-2012, 35-75 band: 50 + 50/40 x 20.7 = 75.9 -> 76 (rounded up);
    # HJ 633-2026, 35-60 band: 50 + 50/25 x 20.7 = 91.4 -> 92
    assert rows["cn-hj633-2012"]["aqi"] == 76
    assert rows["cn-hj633-2026"]["aqi"] == 92
    # US: 55.7 -> 55.7 in 55.5-125.4: 151 + 49/69.9 x 0.2 = 151.14 -> 151 (Unhealthy)
    assert rows["us-epa-2024"]["aqi"] == 151
    assert rows["us-epa-2024"]["category"].key == "unhealthy"
    # O3 89.3 µg/m³ = 89.3 x 24.45 / 47.998 = 45.5 ppb: US 0.045 ppm -> 50/0.054 x 0.045 = 41.7
    assert rows["us-epa-2024"]["sub_indices"]["o3_8h"] == {"table": "o3_8h", "value": 42}


def test_it_uses_the_closest_table_and_lists_readings_a_standard_cannot_use():
    rows = {r["standard"]: r for r in reference.compare({"co_8h": 5.0, "o3_1h": 150.0})}
    assert rows["cn-hj633-2012"]["sub_indices"]["co_8h"]["table"] == "co_24h"
    assert rows["vn-1459-2019"]["sub_indices"]["co_8h"]["table"] == "co_1h"
    assert rows["th-pcd-2023"]["unused"] == ["o3_1h"]
    # VN_AQI needs PM10 or PM2.5 (QĐ 1459 2.1 b): no index without either
    assert rows["vn-1459-2019"]["aqi"] is None
    # CO 5 mg/m³ on HJ 633's 24-hour table: 100 + 50/10 x 1 = 105
    assert rows["cn-hj633-2012"]["sub_indices"]["co_8h"]["value"] == 105


def test_it_rejects_an_unknown_input_by_name():
    with pytest.raises(ValueError, match="unknown input pm1.*choose from: pm25_24h"):
        reference.compare({"pm1": 3.0})


def test_it_treats_nan_as_no_reading():
    rows = reference.compare({"pm25_24h": float("nan")})
    assert all(r["aqi"] is None and r["sub_indices"] == {} for r in rows)
