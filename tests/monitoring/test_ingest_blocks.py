"""An input stored block by block in one transaction: the same result as one block (values,
spike and flat flags at block boundaries, daily values of days that span blocks, counts),
nothing stored when a late block has a bad row, and a re-ingest that changes nothing."""

import random

import pytest

from lmec.monitoring.ingest import ingest_file, ingest_records, readers
from lmec.monitoring.models import DailyValue, Measurement, MeasurementRevision, Upload
from lmec.monitoring.parameters import Flag
from tests.monitoring.factories import make_network
from tests.monitoring.ingest_support import daily_rows, hourly_rows, stored, write_csv
from tests.monitoring.test_ingest_daily import HEADER, by_time, data_set, snapshot


@pytest.fixture
def network(db):
    return make_network()


COUNTS = ("status", "rows_read", "stored", "replaced", "unchanged", "flagged", "refused", "daily")


def counts(result):
    return tuple(getattr(result, name) for name in COUNTS)


def forget_measurements():
    MeasurementRevision.objects.all().delete()
    Measurement.objects.all().delete()
    DailyValue.objects.all().delete()


@pytest.mark.parametrize("block_rows", [1, 2, 7, 24, 100])
def test_it_stores_in_blocks_what_it_stores_in_one(network, tmp_path, block_rows):
    path = write_csv(tmp_path, by_time(data_set()), header=HEADER)
    whole = ingest_file(path)
    expected, expected_counts = snapshot(), counts(whole)
    # the data set's spike (hour 30) and flat run (hours 40-51) are flagged at all
    assert expected_counts[5] > 0
    assert any(row[5] & Flag.SPIKE for row in expected[0][("MM-YGN", "pm25")])
    assert sum(bool(row[5] & Flag.FLAT) for row in expected[0][("CN-KMG", "o3")]) == 12
    forget_measurements()
    result = ingest_file(path, block_rows=block_rows)
    assert counts(result) == expected_counts
    assert result.reflagged == 0
    assert snapshot() == expected


def test_it_flags_a_spike_and_a_flat_run_cut_by_block_boundaries(network, tmp_path):
    values = [10, 11, 12, 500, 13, 14] + [20] * 9 + [15, 16]  # spike limit 300 µg/m³
    rows = hourly_rows("TH-BKK", "pm25", "µg/m³", "2024-03-01T00:00+07:00", values)
    path = write_csv(tmp_path, rows)
    # blocks of 4: the spike (row 4) is the last row of block 1, its next hour the first
    # of block 2; the flat run (rows 7-15) spans blocks 2, 3 and 4
    result = ingest_file(path, block_rows=4)
    flags = [row[5] for row in stored("TH-BKK", "pm25")]
    assert flags == [0, 0, 0, Flag.SPIKE, 0, 0] + [Flag.FLAT] * 9 + [0, 0]
    assert (result.stored, result.flagged, result.reflagged) == (17, 10, 0)
    assert daily_rows("TH-BKK", "pm25")[0][2:4] == (7, 10)  # valid and flagged hours


def test_it_stores_nothing_when_the_last_block_has_a_bad_row(network, tmp_path):
    ingest_file(write_csv(tmp_path, by_time(data_set())[:50], header=HEADER, name="first.csv"))
    before, revisions = snapshot(), MeasurementRevision.objects.count()
    changed = [(*r[:4], "77.7", r[5]) for r in by_time(data_set())]
    changed[-1] = (*changed[-1][:4], "7.7.7", "")
    result = ingest_file(write_csv(tmp_path, changed, header=HEADER), block_rows=10)
    assert result.status == "refused"
    assert [(e.row, e.column, e.value) for e in result.errors] == [(len(changed), "value", "7.7.7")]
    assert (result.rows_read, result.stored, result.replaced, result.refused) == (
        len(changed),
        0,
        0,
        1,
    )
    assert snapshot() == before
    assert MeasurementRevision.objects.count() == revisions
    refused = Upload.objects.get(filename="data.csv")
    assert (refused.status, refused.rows_stored, refused.rows_refused) == ("refused", 0, 1)


def test_it_stores_the_good_rows_of_every_block_with_skip_invalid(network, tmp_path):
    rows = by_time(data_set())
    bad = {5, 233, len(rows) - 1}
    for k in bad:
        rows[k] = (*rows[k][:4], "n/a", "")
    path = write_csv(tmp_path, rows, header=HEADER)
    result = ingest_file(path, skip_invalid=True, block_rows=9)
    assert result.status == "done"
    assert sorted(e.row for e in result.errors) == sorted(k + 1 for k in bad)
    assert (result.refused, result.stored) == (3, len(rows) - 3)
    assert Measurement.objects.count() == len(rows) - 3
    in_blocks = snapshot()
    forget_measurements()
    assert counts(ingest_file(path, skip_invalid=True)) == counts(result)
    assert snapshot() == in_blocks


def test_it_changes_nothing_when_the_same_file_comes_again_in_blocks(network, tmp_path):
    rows = data_set()
    random.Random(4).shuffle(rows)  # not in time order: every block spans the whole period
    path = write_csv(tmp_path, rows, header=HEADER)
    ingest_file(path, block_rows=25)
    before = snapshot()
    again = ingest_file(path, block_rows=25)
    assert (again.stored, again.replaced, again.unchanged) == (0, 0, len(rows))
    assert (again.reflagged, again.daily, again.touched) == (0, 0, {})
    assert not MeasurementRevision.objects.exists()
    assert snapshot() == before


def test_it_counts_a_row_repeated_in_a_later_block_unchanged(network, tmp_path):
    rows = hourly_rows("TH-BKK", "pm25", "µg/m³", "2024-03-01T00:00+07:00", ["10", "11", "12"])
    path = write_csv(tmp_path, [*rows, rows[0]])
    result = ingest_file(path, block_rows=2)
    assert (result.stored, result.unchanged, result.refused) == (3, 1, 0)
    assert [row[1] for row in stored("TH-BKK", "pm25")] == [10.0, 11.0, 12.0]


def test_it_refuses_a_file_whose_later_block_repeats_a_key_with_another_value(network, tmp_path):
    rows = hourly_rows("TH-BKK", "pm25", "µg/m³", "2024-03-01T00:00+07:00", ["10", "11", "12"])
    path = write_csv(tmp_path, [*rows, (*rows[0][:4], "15")])
    result = ingest_file(path, block_rows=2)
    assert result.status == "refused"
    assert [(e.row, e.value, e.code, e.reason) for e in result.errors] == [
        (
            4,
            "15",
            "key_in_earlier_block",
            "the same station, parameter, averaging and time is in an earlier row of the file "
            "with a different value",
        )
    ]
    assert not Measurement.objects.exists()
    # with skip_invalid the later row is refused and the first value kept
    kept = ingest_file(path, block_rows=2, skip_invalid=True)
    assert (kept.status, kept.stored, kept.refused) == ("done", 3, 1)
    assert [row[1] for row in stored("TH-BKK", "pm25")] == [10.0, 11.0, 12.0]


def test_it_reads_a_csv_in_small_byte_blocks_like_in_one(network, tmp_path, monkeypatch):
    path = write_csv(tmp_path, by_time(data_set()), header=HEADER)
    expected = counts(ingest_file(path))
    whole = snapshot()
    forget_measurements()
    monkeypatch.setattr(readers, "BLOCK_BYTES", 2_000)  # about 30 rows a block
    assert counts(ingest_file(path)) == expected
    assert snapshot() == whole


def test_it_stores_api_records_in_blocks_like_in_one(network):
    records = [dict(zip(HEADER, r, strict=True)) for r in by_time(data_set())]
    expected = counts(ingest_records(records))
    whole = snapshot()
    forget_measurements()
    assert counts(ingest_records(records, block_rows=13)) == expected
    assert snapshot() == whole
