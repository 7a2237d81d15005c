"""The demo's custom indicators: eight, tied to activities, 2022 baselines, 2027 targets,
values 2023–2026 for the region and each country; the same on every run."""

import pytest

from lmec.cooperation import indicators
from lmec.cooperation.demo import indicators as demo
from lmec.cooperation.models import Indicator, IndicatorValue

pytestmark = pytest.mark.django_db


def test_it_loads_eight_indicators_with_regional_and_national_values():
    counts = demo.load()
    assert counts["indicators created"] == 8
    assert counts["values created"] == 8 * 7 * 4  # region + six countries, 2023–2026
    assert set(Indicator.objects.values_list("baseline_year", "target_year")) == {(2022, 2027)}
    assert Indicator.objects.filter(activity__isnull=True).count() == 0
    stations = Indicator.objects.get(code="air-stations-sharing-data")
    assert (stations.name_zh_hans, stations.activity.code) == (
        "在平台共享数据的空气质量监测站数量",
        "D4-A3-1",
    )
    years = IndicatorValue.objects.filter(indicator=stations).values_list("year", flat=True)
    assert set(years) == {2023, 2024, 2025, 2026}


def test_it_adds_up_the_region_from_the_countries():
    demo.load()
    for code in ("air-stations-sharing-data", "officers-trained"):
        values = IndicatorValue.objects.filter(indicator__code=code, year=2025)
        region = values.get(country__isnull=True).value
        assert region == pytest.approx(
            sum(v.value for v in values.filter(country__isnull=False)), abs=3
        )  # each country rounded to a whole number


def test_it_is_reproducible_and_safe_to_run_again():
    demo.load()
    first = sorted(IndicatorValue.objects.values_list("indicator__code", "year", "country", "value"),
                   key=str)  # fmt: skip
    counts = demo.load()
    assert counts["indicators created"] == 0 and counts["values created"] == 0
    again = sorted(IndicatorValue.objects.values_list("indicator__code", "year", "country", "value"),
                   key=str)  # fmt: skip
    assert again == first
    series = indicators.custom_indicator_series("knowledge-products-downloaded")
    assert series["latest_year"] == 2026 and 0 < series["progress"] < 1
    assert demo.describe(counts).startswith("custom indicators: 8 (0 new)")
