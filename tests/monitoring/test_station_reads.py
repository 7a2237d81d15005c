"""The station page's reads of several parameters at once give what the one-parameter
selectors give, and its year view reads daily values, not a year of hourly rows."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lmec.monitoring import selectors
from tests.monitoring import page_fixtures as fx

pytestmark = pytest.mark.django_db

GASES = ["pm25", "pm10", "o3", "no2"]


@pytest.fixture
def network():
    return fx.make_network()


def test_it_reads_the_daily_values_of_several_parameters_as_of_each_alone(network):
    start, end = fx.FIRST_DAILY_DAY, fx.LAST_DAY
    together = selectors.daily_series_of("TH-CM1", parameters=GASES, start=start, end=end)
    assert list(together) == GASES
    for gas in GASES:
        alone = selectors.daily_series("TH-CM1", parameter=gas, start=start, end=end)
        assert together[gas] == alone
    assert len(together["pm25"]) > 4 * 365  # the daily history and the hourly weeks
    assert {day["completeness"] for day in together["pm25"]} >= {1.0}
    with pytest.raises(ValueError, match="unknown parameter"):
        selectors.daily_series_of("TH-CM1", parameters=["pm25", "pm3"], start=start, end=end)


def test_it_gives_the_trends_of_several_parameters_as_of_each_alone(network):
    together = selectors.trends("TH-CM1", parameters=GASES)
    assert together == {gas: selectors.trend("TH-CM1", parameter=gas) for gas in GASES}
    assert together["pm25"]["trend"] in ("increasing", "decreasing")  # a multi-year history


def test_it_gives_the_last_hourly_value_of_each_parameter_of_its_day(network):
    last = {gas: fx.LAST_DAY for gas in GASES}
    last["pm10"] = fx.LAST_DAY - dt.timedelta(days=3)
    found = selectors.last_hourly("TH-CM1", days=last)
    for gas, day in last.items():
        _count, items = selectors.measurements("TH-CM1", parameter=gas, start=day, end=day)
        assert found[gas] == items[-1]
    assert found["pm25"]["value"] == fx.LAST_DAY_VALUES["TH-CM1"]["pm25"]
    # no hourly value that day: left out
    assert selectors.last_hourly("TH-CM1", days={"pm25": dt.date(2022, 6, 1)}) == {}


@pytest.mark.parametrize("period", ["1y", "5y"])
def test_it_draws_a_years_view_from_daily_values(client, network, period):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/en/monitoring/stations/TH-CM1/?period={period}")
    assert response.status_code == 200
    hourly_reads = [q["sql"] for q in captured if "monitoring_measurement" in q["sql"]]
    # the last values of the last day and the current index's look-back: two reads of
    # hourly rows, whatever the period shown
    assert len(hourly_reads) == 2
    # one read of the charts' daily values for every parameter, one for the trends
    daily_reads = [q["sql"] for q in captured if 'FROM "monitoring_dailyvalue"' in q["sql"]]
    assert len(daily_reads) <= 6
