"""Currencies (ISO 4217 from Babel), the stored rate on or before a date, Decimal conversion,
and the demonstration rates file."""

import datetime as dt
from decimal import Decimal

import pytest

from lmec.cooperation import currency
from lmec.cooperation.models import ExchangeRate, Funding
from tests.cooperation.project_fixtures import *  # noqa: F403


def test_it_knows_the_regions_currencies_and_refuses_others():
    for code in ("CNY", "THB", "VND", "LAK", "KHR", "MMK", "USD", "EUR", "JPY"):
        assert code in currency.currency_codes()
    assert currency.check_currency(" thb ") == "THB"
    with pytest.raises(currency.UnknownCurrency, match="'THD' is not an ISO 4217"):
        currency.check_currency("THD")
    # withdrawn: the Zimbabwe dollar of 1980-2008 is not legal tender today
    assert "ZWD" not in currency.currency_codes()


def test_it_lists_the_region_first_with_names_in_the_language():
    choices = currency.currency_choices("en")
    assert [c for c, _ in choices[:3]] == ["USD", "CNY", "THB"]
    assert dict(choices)["LAK"] == "LAK — Laotian Kip"


def test_it_takes_the_rate_on_or_before_the_date(rates):
    assert currency.rate_for("THB", dt.date(2024, 12, 31)).usd_per_unit == Decimal("0.0283")
    assert currency.rate_for("THB", dt.date(2025, 1, 1)).usd_per_unit == Decimal("0.0300")
    assert currency.rate_for("USD", dt.date(2020, 5, 1)).usd_per_unit == 1


def test_it_names_the_currency_and_date_when_no_rate_is_stored(rates):
    with pytest.raises(currency.NoRate) as info:
        currency.rate_for("THB", dt.date(2023, 12, 31))
    assert str(info.value) == "No exchange rate for THB on or before 2023-12-31; add one first."
    with pytest.raises(currency.NoRate, match="LAK on or before 2024-03-01"):
        currency.rate_for("LAK", dt.date(2024, 3, 1))


def test_it_converts_with_decimals_rounded_half_even_to_cents(rates):
    usd, rate = currency.to_usd(Decimal("1000000.00"), "THB", dt.date(2024, 6, 1))
    assert usd == Decimal("28300.00") and rate.date == dt.date(2024, 1, 1)
    # 0.125 and 0.135 show half-even rounding (banker's), never float noise
    assert Funding.to_usd(Decimal("1.25"), Decimal("0.1")) == Decimal("0.12")
    assert Funding.to_usd(Decimal("1.35"), Decimal("0.1")) == Decimal("0.14")
    usd, _ = currency.to_usd(Decimal("2500000000"), "VND", dt.date(2024, 5, 5))
    assert usd == Decimal("103455.50")


def test_it_loads_the_demo_rates_once_with_their_sources(db):
    assert currency.load_demo_rates() == 16
    assert currency.load_demo_rates() == 0
    thb = ExchangeRate.objects.get(currency="THB", date=dt.date(2023, 1, 1))
    assert thb.usd_per_unit == (Decimal(1) / Decimal("34.80")).quantize(Decimal("1e-10"))
    assert "annual average" in thb.source
    assert ExchangeRate.objects.get(
        currency="EUR", date=dt.date(2024, 1, 1)
    ).usd_per_unit == Decimal("1.0824")
    assert set(ExchangeRate.objects.values_list("currency", flat=True)) == {
        "CNY",
        "THB",
        "VND",
        "LAK",
        "KHR",
        "MMK",
        "JPY",
        "EUR",
    }
