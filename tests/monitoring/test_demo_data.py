"""The generated demo data: reproducible, physically plausible, QA cases where intended."""

import datetime
import itertools

import numpy as np
import pytest

from lmec.monitoring import demo_data, parameters
from lmec.quality import units


def canonical(record) -> float:
    definition = parameters.BY_CODE[record["parameter"]]
    return float(
        units.convert(
            float(record["value"]), record["unit"], definition.unit, pollutant=definition.code
        )
    )


def local(record) -> datetime.datetime:
    return datetime.datetime.fromisoformat(record["time"]).replace(tzinfo=None)


def test_it_gives_the_same_rows_for_the_same_seed():
    chunk = demo_data.AirChunk(
        "VN-HN-NVC", "co", datetime.datetime(2026, 9, 1), datetime.datetime(2026, 10, 1)
    )
    first = list(demo_data.air_records(chunk))
    demo_data._cached_series.cache_clear()
    again = list(demo_data.air_records(chunk))
    assert first == again
    assert len(first) > 600
    assert list(demo_data.water_records("MRC-KRATIE")) == list(
        demo_data.water_records("MRC-KRATIE")
    )


def test_a_different_seed_gives_different_values(monkeypatch):
    chunk = demo_data.AirChunk(
        "TH-35T", "pm25", datetime.datetime(2026, 3, 1), datetime.datetime(2026, 3, 2)
    )
    first = [r["value"] for r in demo_data.air_records(chunk)]
    monkeypatch.setattr(demo_data, "SEED", demo_data.SEED + 1)
    demo_data._cached_series.cache_clear()
    try:
        other = [r["value"] for r in demo_data.air_records(chunk)]
    finally:
        demo_data._cached_series.cache_clear()
    assert first != other


def test_the_plan_covers_every_generated_air_station_within_its_active_period():
    plan = demo_data.air_plan()
    rows = demo_data.stations()
    generated = {code for code, row in rows.items() if row.kind == "air"} - set(
        demo_data.NOT_GENERATED
    )
    assert {chunk.station for chunk in plan} == generated
    assert {c.station for c in plan if c.start == demo_data.START and c.parameter == "pm25"} >= set(
        demo_data.LONG_STATIONS
    )
    for chunk in plan:
        row = rows[chunk.station]
        measured = {p.parameter.code for p in row.parameters}
        assert chunk.parameter in measured
        if row.active_to:
            assert chunk.end.date() <= row.active_to
    # Each station-parameter appears once: the chunks never overlap.
    keys = [(c.station, c.parameter) for c in plan]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    "code", ["TH-05T", "TH-40T", "VN-HN-NVC", "CN-KM-DFDL", "MMA002", "TH-57T"]
)
def test_values_lie_in_the_physical_range_except_the_qa_cases(code):
    cases = {(c.parameter, c.time) for c in demo_data.qa_cases() if c.station == code}
    seen_cases = set()
    for chunk in (c for c in demo_data.air_plan() if c.station == code):
        for record in demo_data.air_records(chunk):
            value = canonical(record)
            definition = parameters.BY_CODE[record["parameter"]]
            key = (record["parameter"], local(record))
            if key in cases:
                seen_cases.add(key)
                continue
            assert 0 <= value <= definition.valid_max, record
    assert seen_cases == cases


def test_the_qa_cases_are_the_anomalies_the_checks_look_for():
    by_kind = {}
    for case in demo_data.qa_cases():
        by_kind.setdefault(case.kind, []).append(case)
    spike = by_kind["spike"][0]
    definition = parameters.BY_CODE[spike.parameter]
    records = {
        local(r): canonical(r)
        for c in demo_data.air_plan()
        if (c.station, c.parameter) == (spike.station, spike.parameter)
        for r in demo_data.air_records(c)
    }
    hour = datetime.timedelta(hours=1)
    before, after = records[spike.time - hour], records[spike.time + hour]
    assert records[spike.time] - max(before, after) > definition.spike
    negative = by_kind["negative"][0]
    assert negative.value < 0
    out_of_range = by_kind["range"][0]
    assert out_of_range.value > parameters.BY_CODE[out_of_range.parameter].valid_max
    # A flat-lined sensor: runs of identical reported values longer than the check's limit.
    for station, run in itertools.groupby(by_kind["flat"], key=lambda c: (c.station, c.parameter)):
        run = list(run)
        assert len(run) > parameters.BY_CODE[station[1]].flat_hours
        chunk = next(c for c in demo_data.air_plan() if (c.station, c.parameter) == station)
        reported = {local(r): r["value"] for r in demo_data.air_records(chunk)}
        assert len({reported[c.time] for c in run}) == 1


def test_the_seasons_and_hours_behave_like_the_region():
    times, values = demo_data.station_series("TH-35T")
    months = times.astype("datetime64[M]").astype(int) % 12 + 1
    pm25 = values["pm25"]
    burning = np.nanmean(pm25[np.isin(months, (2, 3, 4))])
    monsoon = np.nanmean(pm25[np.isin(months, (6, 7, 8, 9))])
    assert burning > 3 * monsoon  # northern Thailand's dry-season burning peak
    hours = (times - times.astype("datetime64[D]")).astype(int)
    o3_by_hour = [np.nanmean(values["o3"][hours == h]) for h in range(24)]
    assert 12 <= int(np.argmax(o3_by_hour)) <= 16  # the afternoon photochemical peak
    times, values = demo_data.station_series("VN-HN-NVC")
    hours = (times - times.astype("datetime64[D]")).astype(int)
    no2_by_hour = [np.nanmean(values["no2"][hours == h]) for h in range(24)]
    assert no2_by_hour[8] > no2_by_hour[13] < no2_by_hour[20]  # traffic peaks, midday low
    months = times.astype("datetime64[M]").astype(int) % 12 + 1
    assert np.nanmean(values["pm25"][np.isin(months, (12, 1))]) > 2 * np.nanmean(
        values["pm25"][np.isin(months, (6, 7))]
    )  # Hanoi's winter


def test_a_trend_station_goes_down_over_the_years():
    times, values = demo_data.station_series("TH-05T")
    years = times.astype("datetime64[Y]").astype(int) + 1970
    means = [np.nanmean(values["pm25"][years == y]) for y in (2023, 2024, 2025, 2026)]
    assert means[0] > means[-1]


def test_it_reports_in_the_stations_units_and_local_time():
    def first(code, parameter):
        chunk = next(
            c for c in demo_data.air_plan() if (c.station, c.parameter) == (code, parameter)
        )
        return next(demo_data.air_records(chunk))

    assert first("TH-05T", "co")["unit"] == "ppm"
    assert first("TH-05T", "o3")["unit"] == "ppb"
    assert first("VN-HN-NVC", "co")["unit"] == "µg/m³"
    assert first("CN-KM-DFDL", "co")["unit"] == "mg/m³"
    assert first("MMA001", "pm25")["time"].endswith("+06:30")
    assert first("CN-KM-DFDL", "co")["time"].endswith("+08:00")
    assert first("TH-05T", "pm25")["time"] == "2023-01-01T00:00+07:00"


def test_water_samples_are_monthly_with_values_below_detection_limits():
    records = list(demo_data.water_records("MRC-KRATIE"))
    times = sorted({r["time"] for r in records})
    assert len(times) == (2026 - 2019) * 12 + 11  # 2019-01 .. 2026-11
    assert {r["averaging"] for r in records} == {"grab"}
    censored = [r for r in records if r["value"].startswith("<")]
    assert censored and {r["value"] for r in censored} <= {"<0.01", "<0.5"}
    for record in records:
        if record["value"].startswith("<"):
            continue
        definition = parameters.BY_CODE[record["parameter"]]
        assert definition.valid_min <= float(record["value"]) <= definition.valid_max, record
    tss = {}
    for r in records:
        if r["parameter"] == "tss":
            tss.setdefault(int(r["time"][5:7]), []).append(float(r["value"]))
    assert np.mean(tss[9]) > 4 * np.mean(tss[3])  # the flood season carries the sediment
