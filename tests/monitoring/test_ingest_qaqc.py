"""QA/QC flags: each rule, and spike/flat checks that see stored neighbours across batches."""

import pytest

from lmec.monitoring import parameters
from lmec.monitoring.ingest import ingest_file
from lmec.monitoring.models import Measurement
from lmec.monitoring.parameters import Flag
from tests.monitoring.factories import make_network
from tests.monitoring.ingest_support import daily_rows, hourly_rows, stored, write_csv

START = "2024-03-01T00:00+07:00"


@pytest.fixture
def network(db):
    return make_network()


def pm25(values, start=START):
    return hourly_rows("TH-BKK", "pm25", "µg/m³", start, [str(v) for v in values])


def flags(code="TH-BKK", parameter="pm25"):
    return [row[5] for row in stored(code, parameter)]


def ingest(tmp_path, rows, name="data.csv", **kwargs):
    return ingest_file(write_csv(tmp_path, rows, name=name, **kwargs))


def test_it_flags_range_negative_and_provider_values_and_stores_them(network, tmp_path):
    rows = [
        ("TH-BKK", "pm25", "µg/m³", "2024-03-01T00:00+07:00", "2500", ""),
        ("TH-BKK", "pm25", "µg/m³", "2024-03-01T01:00+07:00", "-1.5", ""),
        ("TH-BKK", "pm25", "µg/m³", "2024-03-01T02:00+07:00", "30", "invalid"),
        ("TH-BKK", "pm25", "µg/m³", "2024-03-01T03:00+07:00", "31", "ok"),
        ("LA-MK-VTE", "temp", "°C", "2024-03-01T09:00+07:00", "-5", ""),
    ]
    result = ingest(
        tmp_path, rows, header=("station", "parameter", "unit", "time", "value", "flag")
    )
    assert (result.stored, result.flagged) == (5, 4)
    assert flags() == [Flag.RANGE, Flag.NEGATIVE, Flag.PROVIDER, 0]
    # water temperature may be below zero (valid_min -2 °C): outside the range, not "negative"
    assert stored("LA-MK-VTE", "temp", averaging=0)[0][5] == Flag.RANGE


def test_it_flags_a_spike_above_both_neighbours(network, tmp_path):
    spike = parameters.BY_CODE["pm25"].spike  # 300 µg/m³
    ingest(tmp_path, pm25([20, 20 + spike + 10, 25, 25 + spike, 20]))
    # hour 3 exceeds hour 2 by exactly the limit, not more
    assert flags() == [0, Flag.SPIKE, 0, 0, 0]


def test_it_confirms_a_spike_when_the_next_hour_arrives_later(network, tmp_path):
    ingest(tmp_path, pm25([20, 22]), name="a.csv")
    first = ingest(tmp_path, pm25([400], start="2024-03-01T02:00+07:00"), name="b.csv")
    assert first.flagged == 0 and flags() == [0, 0, 0]  # no hour after it yet
    second = ingest(tmp_path, pm25([21], start="2024-03-01T03:00+07:00"), name="c.csv")
    assert (second.stored, second.flagged, second.reflagged) == (1, 0, 1)
    assert flags() == [0, 0, Flag.SPIKE, 0]
    [today] = daily_rows("TH-BKK", "pm25")
    assert (today[1], today[2], today[3]) == (pytest.approx((20 + 22 + 21) / 3), 3, 1)


def test_it_clears_a_spike_when_a_neighbour_is_replaced(network, tmp_path):
    ingest(tmp_path, pm25([20, 400, 25]), name="a.csv")
    assert flags() == [0, Flag.SPIKE, 0]
    result = ingest(tmp_path, pm25([390], start="2024-03-01T02:00+07:00"), name="b.csv")
    assert (result.replaced, result.reflagged) == (1, 1)
    assert flags() == [0, 0, 0]


def test_it_flags_a_flat_line_of_eight_hours(network, tmp_path):
    ingest(tmp_path, pm25([12] * 8 + [13] + [14] * 7))
    assert flags() == [Flag.FLAT] * 8 + [0] * 8


def test_it_extends_a_flat_line_with_a_later_batch_and_reflags_stored_hours(network, tmp_path):
    ingest(tmp_path, pm25([9, 12, 12, 12, 12, 12]), name="a.csv")
    result = ingest(tmp_path, pm25([12, 12, 12, 10], start="2024-03-01T06:00+07:00"), name="b.csv")
    assert (result.stored, result.flagged, result.reflagged) == (4, 3, 5)
    assert flags() == [0] + [Flag.FLAT] * 8 + [0]


def test_it_unflags_a_flat_line_broken_by_a_replaced_value(network, tmp_path):
    ingest(tmp_path, pm25([12] * 9), name="a.csv")
    result = ingest(tmp_path, pm25([13], start="2024-03-01T04:00+07:00"), name="b.csv")
    assert (result.replaced, result.reflagged) == (1, 8)
    assert flags() == [0] * 9


def test_it_neither_counts_nor_flags_values_below_the_detection_limit(network, tmp_path):
    ingest(tmp_path, pm25(["<2"] * 10 + [5, 5, 5]))
    assert flags() == [0] * 13


def test_it_keeps_a_reviewers_flag_when_the_same_data_comes_again(network, tmp_path):
    rows = pm25([10, 11, 12])
    ingest(tmp_path, rows, name="a.csv")
    Measurement.objects.filter(value=11).update(flags=Flag.MANUAL)
    result = ingest(tmp_path, rows, name="b.csv")
    assert (result.unchanged, result.reflagged) == (3, 0)
    assert flags() == [0, Flag.MANUAL, 0]


def test_it_leaves_flagged_values_out_of_the_daily_value(network, tmp_path):
    ingest(tmp_path, pm25([10, 20, 2500, 30, -2]))
    [today] = daily_rows("TH-BKK", "pm25")
    date, mean, count, flagged, max_1h, *_ = today
    assert (date, mean, count, flagged, max_1h) == ("2024-03-01", 20.0, 3, 2, 30.0)
