"""NowCast of US EPA (PM and ozone) and of VN_AQI, against their worked examples."""

import csv
from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose

from lmec.quality import aqi

DATA = Path(__file__).parent / "data" / "aqi"


def _examples():
    with open(DATA / "nowcast_examples.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("row", _examples(), ids=lambda r: r["method"])
def test_it_reproduces_the_published_example(row):
    hours = [float(v) for v in row["hours_newest_first"].split()]
    got = aqi.nowcast(row["method"], hours)
    assert_allclose(got, float(row["expected"]), atol=float(row["tolerance"]))


def test_it_uses_the_ozone_weight_factor_without_a_minimum():
    # AirNow example: range 80 - 22 = 58, scaled 0.725, w = 0.275 (no 0.5 floor for O3)
    hours = np.array([63, 69, 80, 74, 60, np.nan, 35, 22])
    w = 0.275
    weights = np.where(np.isnan(hours), 0, w ** np.arange(8))
    numerator = np.nansum(hours * weights)
    assert_allclose(numerator, 89.925, atol=0.001)  # as printed
    assert_allclose(aqi.nowcast("us-epa-o3", hours), numerator / weights.sum(), rtol=1e-12)


def test_it_floors_the_pm_weight_at_one_half():
    # w* = 10/100 = 0.1 -> w = 0.5 for EPA PM
    hours = [100.0, 10.0] + [50.0] * 10
    weights = 0.5 ** np.arange(12)
    assert_allclose(aqi.nowcast("us-epa", hours), (weights * hours).sum() / weights.sum())
    assert_allclose(aqi.nowcast("us-epa-pm", hours), aqi.nowcast("us-epa", hours))


def test_it_is_the_plain_mean_when_nothing_changes():
    assert_allclose(aqi.nowcast("us-epa", np.full(12, 35.0)), 35.0)
    assert_allclose(aqi.nowcast("vn-1459-2019", np.full(12, 35.0)), 35.0)
    assert_allclose(aqi.nowcast("us-epa", np.zeros(12)), 0.0)


def test_it_follows_vn_formula_for_w_at_most_one_half_as_written():
    # QĐ 1459 2.2.1 a: w* <= 1/2 -> NowCast = Σ (1/2)^i c_i (no division)
    hours = np.array([100.0, 10.0] + [50.0] * 10)
    expected = (0.5 ** np.arange(1, 13) * hours).sum()
    assert_allclose(aqi.nowcast("vn-1459-2019", hours), expected, rtol=1e-12)
    # ... which is the EPA value to 0.03 % when all twelve hours are there
    assert_allclose(aqi.nowcast("vn-1459-2019", hours), aqi.nowcast("us-epa", hours), rtol=3e-4)


def test_it_needs_two_of_the_three_most_recent_hours():
    base = np.full(12, 20.0)
    one_missing = base.copy()
    one_missing[0] = np.nan
    two_missing = one_missing.copy()
    two_missing[2] = np.nan
    for method in ("us-epa", "us-epa-o3", "vn-1459-2019"):
        assert_allclose(aqi.nowcast(method, one_missing), 20.0)
        assert np.isnan(aqi.nowcast(method, two_missing))


def test_it_computes_many_stations_at_once():
    rng = np.random.default_rng(1)
    hourly = rng.gamma(2.0, 15.0, size=(500, 12))
    hourly[::7, 1] = np.nan
    together = aqi.nowcast("us-epa", hourly)
    one_by_one = np.array([aqi.nowcast("us-epa", row) for row in hourly])
    assert together.shape == (500,)
    assert_allclose(together, one_by_one, rtol=1e-12)


def test_it_treats_absent_columns_as_missing_hours():
    assert_allclose(aqi.nowcast("us-epa", [10.0, 10.0]), 10.0)
    assert np.isnan(aqi.nowcast("us-epa", [10.0]))


def test_it_names_the_methods_for_a_wrong_one():
    with pytest.raises(ValueError, match="us-epa, us-epa-o3, us-epa-pm, vn-1459-2019"):
        aqi.nowcast("cn", np.ones(12))
    with pytest.raises(ValueError, match="last axis"):
        aqi.nowcast("us-epa", 5.0)
