"""Daily values: local calendar days, their fields, and the same result whichever way a
data set arrives (whole, in parts, overlapping, hour by hour)."""

import datetime as dt
import random

import numpy as np
import pytest

from lmec.monitoring import hours
from lmec.monitoring.ingest import ingest_file, ingest_records
from lmec.monitoring.models import DailyValue, Measurement, MeasurementRevision, Upload
from tests.monitoring.factories import make_network
from tests.monitoring.ingest_support import daily_rows, hourly_rows, stored, write_csv


@pytest.fixture
def network(db):
    return make_network()


def max_8h(previous, today):
    """Highest 8-hour mean ending in each hour of ``today`` (NaN = missing), >= 6 hours."""
    series = np.concatenate([previous[-7:], today])
    best = None
    for end in range(7, 31):
        window = series[end - 7 : end + 1]
        window = window[~np.isnan(window)]
        if len(window) >= 6:
            best = window.mean() if best is None else max(best, window.mean())
    return best


def test_it_makes_daily_values_on_the_local_day_of_a_half_hour_zone(network, tmp_path):
    # Yangon is UTC+06:30: whole UTC hours are hh:30 local; 17:00Z is 23:30 of the day before
    rng = np.random.default_rng(5)
    values = np.round(rng.gamma(2.0, 20.0, 30), 1)
    rows = hourly_rows("MM-YGN", "pm25", "µg/m³", "2024-02-29T18:00+00:00", values)
    ingest_file(write_csv(tmp_path, rows))
    first, second = daily_rows("MM-YGN", "pm25")
    day = values[:24]
    assert first[:3] == ("2024-03-01", pytest.approx(day.mean(), rel=1e-12), 24)
    assert first[3:5] == (0, day.max())
    assert first[5] == pytest.approx(max_8h(np.full(7, np.nan), day), rel=1e-12)
    np.testing.assert_array_equal(hours.unpack(first[6]), day.astype("<f4"))
    rest = np.concatenate([values[24:], np.full(18, np.nan)])
    assert second[:3] == ("2024-03-02", pytest.approx(values[24:].mean(), rel=1e-12), 6)
    assert second[5] == pytest.approx(max_8h(day, rest), rel=1e-12)
    np.testing.assert_array_equal(hours.unpack(second[6]), rest.astype("<f4"))


def test_it_counts_the_local_day_in_china_and_bangkok(network, tmp_path):
    rows = [
        ("CN-KMG", "o3", "µg/m³", "2024-02-29T16:00Z", "80"),  # 00:00 on 1 March in Kunming
        ("CN-KMG", "o3", "µg/m³", "2024-02-29T15:00Z", "70"),  # 23:00 on 29 February
        ("TH-BKK", "o3", "µg/m³", "2024-02-29T17:00Z", "60"),  # 00:00 on 1 March in Bangkok
    ]
    ingest_file(write_csv(tmp_path, rows))
    assert [r[:3] for r in daily_rows("CN-KMG", "o3")] == [
        ("2024-02-29", 70.0, 1),
        ("2024-03-01", 80.0, 1),
    ]
    assert [r[:3] for r in daily_rows("TH-BKK", "o3")] == [("2024-03-01", 60.0, 1)]


def test_it_reaches_into_the_previous_day_for_max_8h_whichever_day_comes_first(network, tmp_path):
    day1 = np.array([10.0 + h % 3 for h in range(17)] + [100.0 + h for h in range(7)])
    day2 = np.array([107.0] + [10.0 + h % 4 for h in range(23)])
    later = hourly_rows("TH-BKK", "o3", "µg/m³", "2024-03-02T00:00+07:00", day2)
    earlier = hourly_rows("TH-BKK", "o3", "µg/m³", "2024-03-01T00:00+07:00", day1)
    ingest_file(write_csv(tmp_path, later, name="day2.csv"))
    alone = max_8h(np.full(7, np.nan), day2)
    assert daily_rows("TH-BKK", "o3")[0][5] == pytest.approx(alone, rel=1e-12)
    ingest_file(write_csv(tmp_path, earlier, name="day1.csv"))
    _first, second = daily_rows("TH-BKK", "o3")
    # the window 17:00 on day 1 .. 00:00 on day 2
    assert second[0] == "2024-03-02"
    assert second[5] == pytest.approx(max_8h(day1, day2), rel=1e-12)
    assert second[5] == pytest.approx((sum(100.0 + h for h in range(7)) + 107.0) / 8)


def test_it_takes_a_24_hour_mean_or_the_grab_samples_of_a_day(network, tmp_path):
    rows = [
        ("TH-BKK", "pm10", "µg/m³", "2024-03-01", "55", "24h"),
        ("LA-MK-VTE", "do", "mg/L", "2024-03-01T09:00+07:00", "7.0", "grab"),
        ("LA-MK-VTE", "do", "mg/L", "2024-03-01T15:00+07:00", "6.0", "grab"),
        ("LA-MK-VTE", "do", "mg/L", "2024-03-01T16:00+07:00", "-1", "grab"),
    ]
    ingest_file(
        write_csv(
            tmp_path, rows, header=("station", "parameter", "unit", "time", "value", "averaging")
        )
    )
    assert daily_rows("TH-BKK", "pm10") == [("2024-03-01", 55.0, 24, 0, None, None, b"")]
    assert daily_rows("LA-MK-VTE", "do") == [("2024-03-01", 6.5, 2, 1, None, None, b"")]
    # hourly data of the same day make the day instead
    more = hourly_rows("TH-BKK", "pm10", "µg/m³", "2024-03-01T10:00+07:00", ["40", "50"])
    ingest_file(write_csv(tmp_path, more, name="hourly.csv"))
    assert daily_rows("TH-BKK", "pm10")[0][:3] == ("2024-03-01", 45.0, 2)


# --- whole versus parts -------------------------------------------------------------------


def data_set() -> list[tuple]:
    """Five days of two pollutants at a Yangon and a Kunming station, with gaps, a spike, a
    flat run across midnight, negatives, censored and provider-flagged values."""
    rng = np.random.default_rng(8)
    rows = []
    for code, offset in (("MM-YGN", "+06:30"), ("CN-KMG", "+08:00")):
        for parameter in ("pm25", "o3"):
            start = dt.datetime.fromisoformat(f"2024-03-01T00:00{offset}")
            values = np.round(rng.gamma(3.0, 15.0, 120), 1)
            values[30] = 900.0  # a spike
            values[40:52] = 33.3  # flat across the day boundary at hour 48
            values[60] = -2.0
            for h, value in enumerate(values):
                if h in (10, 11, 75):  # missing hours
                    continue
                text = "<1" if h == 90 else f"{value}"
                flag = "invalid" if h == 100 else ""
                time = (start + dt.timedelta(hours=h)).isoformat()
                rows.append((code, parameter, "µg/m³", time, text, flag))
    return rows


HEADER = ("station", "parameter", "unit", "time", "value", "flag")


def snapshot():
    measured = {(code, p): stored(code, p) for code in ("MM-YGN", "CN-KMG") for p in ("pm25", "o3")}
    days = {(code, p): daily_rows(code, p) for code in ("MM-YGN", "CN-KMG") for p in ("pm25", "o3")}
    return measured, days


def forget_everything():
    MeasurementRevision.objects.all().delete()
    Measurement.objects.all().delete()
    DailyValue.objects.all().delete()
    Upload.objects.all().delete()


def by_time(rows):
    return sorted(rows, key=lambda r: (dt.datetime.fromisoformat(r[3]), r[0], r[1]))


def splits(rows):
    ordered = by_time(rows)
    n = len(ordered)
    flat_cut = next(i for i, r in enumerate(ordered) if r[4] == "33.3") + 10
    yield "halves", [ordered[: n // 2], ordered[n // 2 :]]
    yield "inside the flat run", [ordered[:flat_cut], ordered[flat_cut:]]
    yield "overlapping", [ordered[: n * 6 // 10], ordered[n * 4 // 10 :]]
    yield "second half first", [ordered[n // 2 :], ordered[: n // 2]]
    yield "interleaved", [ordered[0::2], ordered[1::2]]
    for seed in (1, 2, 3):
        shuffled = random.Random(seed)
        parts = [[], [], []]
        for r in ordered:
            parts[shuffled.randrange(3)].append(r)
        shuffled.shuffle(parts)
        yield f"three random parts ({seed})", parts


@pytest.mark.parametrize("name", [name for name, _parts in splits(data_set())])
def test_it_gives_the_same_values_and_flags_whole_or_in_parts(network, tmp_path, name):
    rows = data_set()
    ingest_file(write_csv(tmp_path, rows, header=HEADER, name="whole.csv"))
    whole = snapshot()
    assert sum(len(v) for v in whole[1].values()) == 2 * 2 * 5
    forget_everything()
    parts = dict(splits(rows))[name]
    for k, part in enumerate(parts):
        result = ingest_file(write_csv(tmp_path, part, header=HEADER, name=f"part{k}.csv"))
        assert result.status == "done"
    assert snapshot() == whole


def test_it_gives_the_same_values_hour_by_hour_through_the_api(network):
    rows = data_set()
    records = [dict(zip(HEADER, r, strict=True)) for r in rows]
    ingest_records(records)
    whole = snapshot()
    forget_everything()
    by_hour: dict[str, list] = {}
    for record in records:
        by_hour.setdefault(dt.datetime.fromisoformat(record["time"]).astimezone(dt.UTC), []).append(
            record
        )
    for hour in sorted(by_hour):
        assert ingest_records(by_hour[hour]).status == "done"
    assert snapshot() == whole
