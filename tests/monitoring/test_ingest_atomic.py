"""An input is stored whole or not at all; hooks run only after a commit that changed data."""

import pytest

from lmec.monitoring.ingest import AFTER_INGEST, ingest_file, readers, store
from lmec.monitoring.models import DailyValue, Measurement, MeasurementRevision, Upload
from tests.monitoring.factories import make_network
from tests.monitoring.ingest_support import daily_rows, hourly_rows, stored, write_csv


@pytest.fixture
def network(db):
    return make_network()


def day(values, start="2024-03-01T00:00+07:00", parameter="pm25"):
    return hourly_rows("TH-BKK", parameter, "µg/m³", start, values)


def test_it_stores_nothing_when_a_row_near_the_end_is_bad(network, tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "BLOCK_BYTES", 300)  # the bad row is many blocks in
    rows = day([str(10 + h % 7) for h in range(500)])
    rows[-1] = rows[-1][:4] + ("12..5",)
    result = ingest_file(write_csv(tmp_path, rows))
    assert result.status == "refused"
    assert [(e.row, e.value) for e in result.errors] == [(500, "12..5")]
    assert (result.rows_read, result.stored, result.refused) == (500, 0, 1)
    assert not Measurement.objects.exists()
    assert not DailyValue.objects.exists()


def test_it_keeps_stored_values_when_a_file_that_would_replace_them_is_refused(network, tmp_path):
    ingest_file(write_csv(tmp_path, day(["10"] * 6 + ["11"] * 6), name="first.csv"))
    before, days_before = stored("TH-BKK", "pm25"), daily_rows("TH-BKK", "pm25")
    changed = day(["20"] * 12 + ["21"] * 12)
    changed.append(("TH-BKK", "pm25", "µg/m³", "2024-03-02T00:00+07:00", "x"))
    result = ingest_file(write_csv(tmp_path, changed, name="second.csv"))
    assert result.status == "refused"
    assert stored("TH-BKK", "pm25") == before
    assert daily_rows("TH-BKK", "pm25") == days_before
    assert not MeasurementRevision.objects.exists()
    assert Upload.objects.filter(status="refused").count() == 1


def test_it_rolls_back_every_write_when_the_database_fails_half_way(network, tmp_path, monkeypatch):
    ingest_file(write_csv(tmp_path, day(["10"] * 12), name="first.csv"))
    before, days_before = stored("TH-BKK", "pm25"), daily_rows("TH-BKK", "pm25")

    def broken(self, frame):  # the last write of an ingest: measurements are written by then
        assert Measurement.objects.count() == 24
        raise RuntimeError("disk full")

    monkeypatch.setattr(store.SqliteStore, "upsert_daily", broken)
    monkeypatch.setattr(store.PostgresStore, "upsert_daily", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        ingest_file(write_csv(tmp_path, day(["20"] * 24), name="second.csv"))
    assert stored("TH-BKK", "pm25") == before
    assert daily_rows("TH-BKK", "pm25") == days_before
    assert not MeasurementRevision.objects.exists()
    failed = Upload.objects.get(filename="second.csv")
    assert (failed.status, failed.message) == ("failed", "internal error: RuntimeError")


def test_it_calls_the_after_ingest_hooks_once_committed_with_what_changed(
    network, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    from lmec.monitoring import alerts

    assert alerts.after_ingest in AFTER_INGEST  # the registry the alerts register in
    calls = []
    monkeypatch.setattr("lmec.monitoring.ingest.pipeline.AFTER_INGEST", [calls.append])
    rows = day(["10", "11", "12"], start="2024-03-01T07:00+07:00")
    rows += hourly_rows("MM-YGN", "pm10", "µg/m³", "2024-03-01T12:30+06:30", ["40", "41"])
    path = write_csv(tmp_path, rows)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ingest_file(path)
        assert calls == []  # not before the commit
    assert len(callbacks) == 1
    ids = {code: s.pk for code, s in network.items()}
    [touched] = calls
    assert {k: (a.isoformat(), b.isoformat()) for k, (a, b) in touched.items()} == {
        ids["TH-BKK"]: ("2024-03-01T00:00:00+00:00", "2024-03-01T02:00:00+00:00"),
        ids["MM-YGN"]: ("2024-03-01T06:00:00+00:00", "2024-03-01T07:00:00+00:00"),
    }
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ingest_file(path)  # nothing changes: no call
        bad = write_csv(tmp_path, [("TH-BKK", "pm25", "µg/m³", "soon", "1")], name="bad.csv")
        ingest_file(bad)  # refused: no call
    assert len(calls) == 1 and callbacks == []


def test_it_runs_the_other_hooks_when_one_fails(
    network, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    calls = []

    def failing(touched):
        raise ValueError("broken hook")

    monkeypatch.setattr("lmec.monitoring.ingest.pipeline.AFTER_INGEST", [failing, calls.append])
    with django_capture_on_commit_callbacks(execute=True):
        result = ingest_file(write_csv(tmp_path, day(["10"])))
    assert result.status == "done" and len(calls) == 1
