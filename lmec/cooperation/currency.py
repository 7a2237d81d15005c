"""Currencies and conversion to US dollars for project funding.

Codes are ISO 4217 as Babel knows them (CLDR): :func:`currency_codes` lists those legal tender
somewhere today, so a typo (``THD``) or a withdrawn code (``ZWD``) is refused by name.
A rate is *USD per unit* of a currency on a date (:class:`~lmec.cooperation.models.ExchangeRate`);
:func:`rate_for` picks the stored rate on or before a date, and a funding row keeps the rate
it was converted at, so totals are sums of stored USD amounts and always say which rate made
them. Arithmetic is :class:`~decimal.Decimal` throughout (never float).

Demonstration rates (annual averages, sources named) are in ``data/exchange_rates.yaml``
and loaded by :func:`load_demo_rates`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

import yaml
from babel.core import get_global
from babel.numbers import get_currency_name, get_territory_currencies
from django.utils.translation import gettext as _

from .models import ExchangeRate, Funding

RATES_FILE = Path(__file__).parent / "data" / "exchange_rates.yaml"

#: The region's currencies and the usual partners', listed first in choosers.
REGION_CURRENCIES = ("USD", "CNY", "THB", "VND", "LAK", "KHR", "MMK", "EUR", "JPY")

#: Precision of a stored rate (USD per unit), as the model's decimal field.
RATE_PLACES = Decimal("0.0000000001")


class UnknownCurrency(ValueError):
    """Not an ISO 4217 code in use."""


class NoRate(LookupError):
    """No stored rate for a currency on or before a date."""

    def __init__(self, currency: str, date: dt.date):
        self.currency, self.date = currency, date
        super().__init__(
            _("No exchange rate for %(currency)s on or before %(date)s; add one first.")
            % {"currency": currency, "date": date.isoformat()}
        )


@lru_cache(maxsize=1)
def currency_codes() -> tuple[str, ...]:
    """ISO 4217 codes legal tender in some territory today (CLDR via Babel), sorted."""
    territories = get_global("territory_currencies")
    codes: set[str] = set()
    for territory in territories:
        codes.update(get_territory_currencies(territory, tender=True))
    return tuple(sorted(codes))


def currency_choices(locale: str = "en") -> list[tuple[str, str]]:
    """``(code, "CODE — name")`` pairs, the region's currencies first, names in ``locale``."""
    babel_locale = {"zh-hans": "zh_Hans"}.get(locale, locale)
    rest = [c for c in currency_codes() if c not in REGION_CURRENCIES]
    return [
        (code, f"{code} — {get_currency_name(code, locale=babel_locale)}")
        for code in (*REGION_CURRENCIES, *rest)
    ]


def check_currency(code: str) -> str:
    """The code, upper-cased, if it is an ISO 4217 code in use; else :class:`UnknownCurrency`."""
    value = (code or "").strip().upper()
    if value not in currency_codes():
        raise UnknownCurrency(
            _("%(code)r is not an ISO 4217 currency code in use (e.g. USD, CNY, THB).")
            % {"code": code}
        )
    return value


def rate_for(currency: str, date: dt.date) -> ExchangeRate:
    """The stored rate of ``currency`` on or before ``date`` (USD per unit).

    US dollars convert at 1 without a stored row (an unsaved rate dated ``date``).
    Raises :class:`NoRate` naming the currency and the date when none is stored.
    """
    currency = check_currency(currency)
    if currency == "USD":
        return ExchangeRate(currency="USD", date=date, usd_per_unit=Decimal(1), source="USD")
    rate = ExchangeRate.objects.filter(currency=currency, date__lte=date).order_by("-date").first()
    if rate is None:
        raise NoRate(currency, date)
    return rate


def to_usd(amount: Decimal, currency: str, date: dt.date) -> tuple[Decimal, ExchangeRate]:
    """``amount`` of ``currency`` in USD at the rate on or before ``date``, and that rate."""
    rate = rate_for(currency, date)
    return Funding.to_usd(Decimal(amount), rate.usd_per_unit), rate


def parse_decimal(text: str | Decimal | int) -> Decimal:
    """A decimal from text (``"1234.5"``, ``"1,234.50"``), refusing NaN and infinities."""
    if isinstance(text, Decimal):
        value = text
    else:
        try:
            value = Decimal(str(text).strip().replace(",", "").replace("_", ""))
        except InvalidOperation as exc:
            raise ValueError(_("%(text)r is not a number.") % {"text": text}) from exc
    if not value.is_finite():
        raise ValueError(_("%(text)r is not a number.") % {"text": text})
    return value


def load_demo_rates(path: Path = RATES_FILE) -> int:
    """Store the annual-average rates of ``path`` dated 1 January of their year; idempotent.
    Returns how many rows were created or changed."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    changed = 0
    for row in data["rates"]:
        if "usd_per_unit" in row:
            usd = parse_decimal(row["usd_per_unit"])
        else:
            usd = Decimal(1) / parse_decimal(row["units_per_usd"])
        usd = usd.quantize(RATE_PLACES)
        rate, created = ExchangeRate.objects.get_or_create(
            currency=check_currency(row["currency"]),
            date=dt.date(int(row["year"]), 1, 1),
            defaults={"usd_per_unit": usd, "source": row["source"]},
        )
        if not created and (rate.usd_per_unit != usd or rate.source != row["source"]):
            rate.usd_per_unit, rate.source = usd, row["source"]
            rate.save(update_fields=["usd_per_unit", "source"])
            changed += 1
        changed += created
    return changed
