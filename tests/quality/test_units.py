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


@pytest.mark.parametrize(
    "written,canonical",
    [
        ("ug/m3", "µg/m³"),
        ("µg/m³", "µg/m³"),
        ("μg/m3", "µg/m³"),  # Greek mu
        ("UG/M3", "µg/m³"),
        ("mg/m3", "mg/m³"),
        ("ppbv", "ppb"),
        ("PPM", "ppm"),
        ("mg/l", "mg/L"),
        ("ug/L", "µg/L"),
        ("µg/L", "µg/L"),
        ("MPN/100mL", "MPN/100 mL"),
        ("MPN / 100 ml", "MPN/100 mL"),
        ("°C", "°C"),
        ("deg C", "°C"),
        ("℃", "°C"),
        ("mS/m", "mS/m"),
        ("uS/cm", "µS/cm"),
        ("µS/cm", "µS/cm"),
        ("NTU", "NTU"),
        ("", "1"),
        ("pH", "1"),
        ("-", "1"),
    ],
)
def test_it_reads_units_as_people_write_them(written, canonical):
    assert units.parse_unit(written) == canonical


def test_it_refuses_a_unit_it_does_not_know():
    with pytest.raises(ValueError, match="unknown unit 'furlong'"):
        units.parse_unit("furlong")


@pytest.mark.parametrize(
    "value,from_unit,to_unit,expected",
    [
        (250.0, "µg/L", "mg/L", 0.25),
        (2.0, "g/L", "mg/L", 2000.0),
        (500.0, "ng/L", "µg/L", 0.5),
        (150.0, "µS/cm", "mS/m", 15.0),  # 1 µS/cm = 0.1 mS/m
        (1.5, "mS/cm", "mS/m", 150.0),
        (300.15, "K", "°C", 27.0),
        (86.0, "°F", "°C", 30.0),
        (2400.0, "MPN/L", "MPN/100 mL", 240.0),
        (7.2, "1", "1", 7.2),
    ],
)
def test_it_converts_water_and_field_units_within_their_quantity(
    value, from_unit, to_unit, expected
):
    assert_allclose(units.convert(value, from_unit, to_unit), expected, rtol=1e-12)


def test_it_refuses_to_convert_between_quantities():
    with pytest.raises(
        ValueError, match=r"cannot convert mg/L \(mass concentration in water\) to µg/m³"
    ):
        units.convert(1.0, "mg/L", "µg/m³")
    with pytest.raises(ValueError, match=r"cannot convert °C \(temperature\) to mS/m"):
        units.convert(1.0, "°C", "mS/m")
    assert units.quantity("ppb") == "gas" and units.quantity("NTU") == "turbidity"
