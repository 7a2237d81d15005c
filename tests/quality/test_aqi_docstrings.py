"""The examples in the docstrings of lmec.quality's AQI modules run and hold."""

import doctest
import importlib

import pytest

MODULES = [
    "lmec.quality.aqi",
    "lmec.quality.aqi.nowcast",
    "lmec.quality.aqi.nowcast_o3",
    "lmec.quality.aqi.daily",
    "lmec.quality.units",
    "lmec.quality.reference",
]


@pytest.mark.parametrize("name", MODULES)
def test_it_runs_the_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), raise_on_error=False)
    assert result.failed == 0, name


def test_it_never_reports_minus_zero():
    import numpy as np

    from lmec.quality import aqi

    for std_id in ("cn-hj633-2012", "cn-hj633-2026"):
        value = aqi.sub_index(std_id, "pm25_24h", 0.0)
        assert value == 0 and not np.signbit(value)
