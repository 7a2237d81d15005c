"""EPA's 2019 ozone NowCast (two-week regression), against EPA's own R code and by hand."""

import csv
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from lmec.quality import aqi
from lmec.quality.aqi.nowcast_o3 import METHOD_IDS, nowcast_o3_2019

DATA = Path(__file__).parent / "data" / "aqi"


def _example() -> np.ndarray:
    """EPA's ExampleData.csv: 336 hourly ozone values [ppb], oldest first, NaN = NULL."""
    with open(DATA / "o3_nowcast_2019_example.csv", encoding="utf-8") as f:
        return np.array([float(r["o3_ppb"] or "nan") for r in csv.DictReader(f)])


def _cases() -> list[dict]:
    with open(DATA / "o3_nowcast_2019_cases.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _with_missing(hours: np.ndarray, spec: str) -> np.ndarray:
    """Blank the 1-based hours of ``spec`` ("200-206 336")."""
    out = hours.copy()
    for part in spec.split():
        first, _, last = part.partition("-")
        out[int(first) - 1 : int(last or first)] = np.nan
    return out


def _expected(row) -> float:
    return float(row["expected_ppb"]) if row["expected_ppb"] else np.nan


LATEST = [r for r in _cases() if r["hour"] == "336"]
EVERY = [r for r in _cases() if r["hour"] != "336"]


@pytest.mark.parametrize("row", LATEST, ids=lambda r: r["case"])
def test_it_reproduces_epas_r_code_on_its_example_data(row):
    hours = _with_missing(_example(), row["missing_hours"])
    value, method = nowcast_o3_2019(hours, return_method=True)
    assert_allclose(value, _expected(row), rtol=1e-9, equal_nan=True)
    assert int(method) == int(row["method_id"]), row["what"]


@pytest.mark.parametrize("row", EVERY, ids=lambda r: r["case"])
def test_it_reproduces_epas_r_code_for_every_hour(row):
    values, methods = nowcast_o3_2019(_example(), every_hour=True, return_method=True)
    hour = int(row["hour"]) - 1
    assert_allclose(values[hour], _expected(row), rtol=1e-9)
    assert methods[hour] == int(row["method_id"])


def test_it_fits_a_steady_rise_exactly():
    # c_s = 20 + 0.1 s ppb for s = 1 ... 336, nothing missing. The centred 8-hour mean is
    # (c_{s-4} + ... + c_{s+3}) / 8 = 20 + 0.1 (s - 4 + s + 3) / 2 = 20 + 0.1 (s - 0.5),
    # a linear function of the regressors, so the least-squares fit is exact and
    # NowCast(336) = 20 + 0.1 * 335.5 = 53.55 ppb (the last hour itself is 53.6).
    hours = 20 + 0.1 * np.arange(1, 337)
    value, method = nowcast_o3_2019(hours, return_method=True)
    assert_allclose(value, 53.55, rtol=1e-12)
    assert method == 2


def test_it_takes_the_nowcast_of_an_earlier_hour_when_the_last_is_missing():
    # hours s = 0 ... 336 of the same rise; with hour 336 missing, the NowCast is that of
    # hour 335: 20 + 0.1 * 334.5 = 53.45; with 335 missing too, that of 334: 53.35.
    hours = 20 + 0.1 * np.arange(0, 337)
    hours[-1] = np.nan
    value, method = nowcast_o3_2019(hours, return_method=True)
    assert_allclose(value, 53.45, rtol=1e-12)
    assert method == 4
    hours[-2] = np.nan
    value, method = nowcast_o3_2019(hours, return_method=True)
    assert_allclose(value, 53.35, rtol=1e-12)
    assert method == 6
    hours[-3] = np.nan
    value, method = nowcast_o3_2019(hours, return_method=True)
    assert np.isnan(value) and method == 8


def test_it_uses_the_surrogate_with_too_little_history():
    # under 252 valid hours: 0.85 c + 4.5 ppb of the latest of the last three hours
    value, method = nowcast_o3_2019([35.0, 38.0, 40.0], return_method=True)
    assert_allclose(value, 0.85 * 40 + 4.5)  # 38.5
    assert method == 3
    value, method = nowcast_o3_2019([35.0, 38.0, np.nan], return_method=True)
    assert_allclose(value, 0.85 * 38 + 4.5)  # 36.8
    assert method == 5
    value, method = nowcast_o3_2019([35.0, np.nan, np.nan], return_method=True)
    assert_allclose(value, 0.85 * 35 + 4.5)  # 34.25
    assert method == 7
    value, method = nowcast_o3_2019([30.0, np.nan, np.nan, np.nan], return_method=True)
    assert np.isnan(value) and method == 8
    value, method = nowcast_o3_2019(np.empty(0), return_method=True)
    assert np.isnan(value) and method == 8


def test_it_needs_two_full_weeks_for_a_regression():
    # 330 hours: the 6 slots before them are a gap, and fine; 328 hours: a gap of 8
    hours = _example()
    assert nowcast_o3_2019(hours[-330:], return_method=True)[1] == 2
    value, method = nowcast_o3_2019(hours[-328:], return_method=True)
    assert_allclose(value, 0.85 * hours[-1] + 4.5)
    assert method == 3


def test_it_scales_the_surrogate_intercept_for_ppm():
    value = nowcast_o3_2019([0.035, 0.038, 0.040], unit="ppm")
    assert_allclose(value, 0.85 * 0.040 + 0.0045)  # 0.0385 ppm = 38.5 ppb


def test_it_gives_zero_for_all_zero_hours_and_nothing_for_a_constant():
    zeros = np.zeros(336)
    zeros[100:105] = np.nan
    assert nowcast_o3_2019(zeros, return_method=True) == (0.0, 1)
    # a constant: every 8-hour mean is equal, R's PLS divides 0 by 0, EPA's code gives none
    value, method = nowcast_o3_2019(np.full(336, 30.0), return_method=True)
    assert np.isnan(value) and method == 8


def test_it_reports_zero_where_the_regression_is_below_zero():
    # c_s = 33.5 - 0.1 s: the fit gives c_336 + 0.05 = -0.1 + 0.05 = -0.05 -> 0
    value, method = nowcast_o3_2019(33.5 - 0.1 * np.arange(1, 337), return_method=True)
    assert value == 0.0 and method == 1


def test_it_computes_many_sites_at_once():
    base = _example()
    sites = np.stack([_with_missing(base, r["missing_hours"]) for r in LATEST[:6]])
    sites = sites.reshape(2, 3, 336)
    together, methods = nowcast_o3_2019(sites, return_method=True)
    assert together.shape == methods.shape == (2, 3)
    one_by_one = [nowcast_o3_2019(s) for s in sites.reshape(6, 336)]
    assert_allclose(together.ravel(), one_by_one, rtol=1e-12, equal_nan=True)
    every = nowcast_o3_2019(sites, every_hour=True)
    assert every.shape == (2, 3, 336)
    assert_allclose(every[..., -1], together, rtol=1e-12, equal_nan=True)


def test_it_is_part_of_the_aqi_package():
    assert "nowcast_o3_2019" in aqi.__all__
    assert aqi.nowcast_o3_2019 is nowcast_o3_2019
    assert set(METHOD_IDS) == set(range(1, 9))


def test_it_rejects_a_scalar_and_an_unknown_unit():
    with pytest.raises(ValueError, match="last axis"):
        nowcast_o3_2019(40.0)
    with pytest.raises(ValueError, match="ppb, ppm"):
        nowcast_o3_2019([40.0], unit="µg/m³")


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    scale=st.floats(0.01, 100),
    shift=st.floats(0, 100),
)
def test_it_moves_with_the_data_on_the_regression_path(seed, scale, shift):
    # a least-squares fit with an intercept on filled hours and 8-hour means, all of them
    # affine in the data: NowCast(a c + b) = a NowCast(c) + b (while no fallback applies)
    rng = np.random.default_rng(seed)
    hours = np.round(40 + 20 * np.sin(np.arange(336) * np.pi / 12) + rng.normal(0, 4, 336))
    for start in rng.integers(0, 330, size=4):
        hours[start : start + rng.integers(1, 8)] = np.nan
    hours[-1] = 35.0
    value, method = nowcast_o3_2019(hours, return_method=True)
    moved, moved_method = nowcast_o3_2019(scale * hours + shift, return_method=True)
    if method == 2 and moved_method == 2:
        assert_allclose(moved, scale * value + shift, rtol=1e-7, atol=1e-9 * (scale + shift))
