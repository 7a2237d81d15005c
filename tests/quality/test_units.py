"""Unit conversion at the reference conditions of EPA and GB 3095 (25 °C, 1 atm)."""

import pytest
from numpy.testing import assert_allclose

from lmec.quality import units


@pytest.mark.parametrize(
    "pollutant,ugm3_per_ppb",
    # M / 24.45: the factors tabulated for 25 °C (e.g. WHO AQG 2021 uses 1.96 for O3,
    # 1.88 for NO2, 2.62 for SO2, 1.15 mg/m³ per ppm for CO)
    [("o3", 1.96), ("no2", 1.88), ("so2", 2.62), ("co", 1.15)],
)
def test_it_converts_ppb_to_ugm3_with_the_tabulated_factor(pollutant, ugm3_per_ppb):
    assert_allclose(
        units.convert(1.0, "ppb", "µg/m³", pollutant=pollutant), ugm3_per_ppb, atol=0.006
    )


def test_it_round_trips_and_keeps_shape():
    values = [[0.07, 0.1], [0.0, 1.0]]
    back = units.convert(
        units.convert(values, "ppm", "µg/m³", pollutant="o3_8h"), "µg/m³", "ppm", pollutant="o3_8h"
    )
    assert_allclose(back, values, rtol=1e-12)
    assert_allclose(units.convert(1500, "µg/m³", "mg/m³"), 1.5)


def test_it_refuses_unknown_units_and_missing_pollutants():
    with pytest.raises(ValueError, match="unknown unit 'g/l'"):
        units.convert(1, "g/l", "ppb")
    with pytest.raises(ValueError, match="needs pollutant="):
        units.convert(1, "ppb", "µg/m³")


def test_it_uses_the_molar_volume_of_the_named_conditions():
    at_25 = units.convert(1.0, "ppm", "mg/m³", pollutant="co")
    at_0 = units.convert(1.0, "ppm", "mg/m³", pollutant="co", conditions="0C")
    assert_allclose(at_25, 28.010 / 24.45, rtol=1e-12)
    assert_allclose(at_0, 28.010 / 22.41, rtol=1e-12)
    # an explicit (T [K], p [Pa]) pair: R T / p = 24.465 L/mol at 298.15 K, 101325 Pa
    assert_allclose(units.molar_volume((298.15, 101325.0)), 24.465, atol=5e-4)
    assert units.molar_volume("cn-hj633-2026") == units.MOLAR_VOLUME["25C"]
    assert units.molar_volume(24.0) == 24.0


def test_it_converts_a_thai_reading_to_chinese_units():
    # 55 ppb O3 and 1.2 ppm CO (PCD units) in µg/m³ and mg/m³ (HJ 633 units), 25 °C
    assert_allclose(units.convert(55, "ppb", "µg/m³", pollutant="o3_8h"), 107.97, atol=0.01)
    assert_allclose(units.convert(1.2, "ppm", "mg/m³", pollutant="co_8h"), 1.3747, atol=1e-4)


def test_it_accepts_the_greek_mu_and_keeps_nan():
    out = units.convert([1.0, float("nan")], "μg/m³", "mg/m3")
    assert_allclose(out, [0.001, float("nan")])


def test_it_names_the_valid_conditions():
    with pytest.raises(ValueError, match="unknown conditions 'hot'.*25C, 20C, 0C"):
        units.convert(1, "ppb", "ppm", conditions="hot")
    with pytest.raises(ValueError, match="no molar mass for 'pm25'"):
        units.convert(1, "ppb", "µg/m³", pollutant="pm25")
