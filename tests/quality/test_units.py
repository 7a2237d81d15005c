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
