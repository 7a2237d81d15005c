"""docs/aqi-standards.md is generated from the code and must stay in step with it."""

from pathlib import Path

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
