"""The secretariat keeps the exchange rates in the admin; nobody else changes them."""

import datetime as dt
from decimal import Decimal

from lmec.cooperation.models import ExchangeRate


def test_it_lets_only_the_secretariat_add_a_rate_in_the_admin(client, users):
    data = {
        "currency": "LAK",
        "date": "2025-01-01",
        "usd_per_unit": "0.0000460000",
        "source": "BOL 2025",
    }
    client.force_login(users.focal["LA"])
    assert client.post("/en/admin/cooperation/exchangerate/add/", data).status_code in (302, 403)
    assert not ExchangeRate.objects.exists()
    client.force_login(users.editor)
    assert client.post("/en/admin/cooperation/exchangerate/add/", data).status_code == 302
    rate = ExchangeRate.objects.get()
    assert (rate.currency, rate.date, rate.usd_per_unit) == (
        "LAK",
        dt.date(2025, 1, 1),
        Decimal("0.000046"),
    )
