"""Daily, hourly and latest AQI of stations, checked against lmec.quality called directly."""

import datetime as dt

import numpy as np
import pytest

from lmec.monitoring import selectors
from lmec.monitoring.models import Station
from lmec.quality import aqi, units

from . import readings

pytestmark = pytest.mark.django_db

D1 = dt.date(2024, 3, 1)


@pytest.mark.parametrize(
    ("country", "on", "expected"),
    [
        ("CN", dt.date(2026, 2, 28), "cn-hj633-2012"),
        ("CN", dt.date(2026, 3, 1), "cn-hj633-2026"),
        ("TH", D1, "th-pcd-2023"),
        ("VN", D1, "vn-1459-2019"),
        ("KH", D1, "us-epa-2024"),
        ("LA", D1, "us-epa-2024"),
        ("MM", D1, "us-epa-2024"),
    ],
)
def test_it_picks_the_country_index_in_force(country, on, expected):
    assert selectors.default_standard(country, on) == expected


def _profile(seed, n, low, high):
    rng = np.random.default_rng(seed)
    return np.round(rng.uniform(low, high, n), 1)


def test_it_makes_the_daily_aqi_from_the_stored_hours_as_lmec_quality_does():
    st = readings.station()
    pm25 = _profile(1, 96, 5, 90)
    o3 = _profile(2, 96, 10, 180)
    pm25[30:37] = np.nan  # a gap of 7 hours on day 2: 17 of 24, below the 18-hour rule
    for k in range(4):
        day = D1 + dt.timedelta(days=k)
        readings.day(st, "pm25", day, pm25[24 * k : 24 * k + 24])
        readings.day(st, "o3", day, o3[24 * k : 24 * k + 24])
    got = selectors.daily_aqi(
        "TH-T1", start=D1 + dt.timedelta(days=1), end=D1 + dt.timedelta(days=2)
    )

    hourly = {
        # float32 as stored, in the units of the Thai tables (O3 ppb)
        "pm25": pm25.astype(np.float32).astype(float),
        "o3": units.convert(o3.astype(np.float32).astype(float), "µg/m³", "ppb", "o3"),
    }
    inputs = {k: v[1:3] for k, v in aqi.daily_inputs("th-pcd-2023", hourly).items()}
    expected = aqi.index("th-pcd-2023", inputs)
    assert [item["date"] for item in got] == ["2024-03-02", "2024-03-03"]
    assert got[0]["sub_indices"]["pm25_24h"] is None  # 17 valid hours
    for k, item in enumerate(got):
        assert item["standard"] == "th-pcd-2023"
        assert item["aqi"] == int(expected.value[k])
        assert item["dominant"] == str(expected.dominant[k])
        assert item["category"]["key"] == str(expected.category[k])
        for pid, values in expected.sub_indices.items():
            assert item["sub_indices"][pid] == (None if np.isnan(values[k]) else int(values[k]))


def test_it_computes_a_hand_made_day():
    # PCD 2023 Table 2: PM2.5 24-hour 25.1-37.5 µg/m³ -> 51-100, so a mean of 37.5 is 100
    st = readings.station(measures=("pm25",))
    readings.day(st, "pm25", D1, [37.5] * 24)
    with_lang = selectors.daily_aqi("TH-T1", start=D1, end=D1)
    assert with_lang == [
        {
            "date": "2024-03-01",
            "standard": "th-pcd-2023",
            "aqi": 100,
            "category": {
                "key": "moderate",
                "name": "Moderate",
                "colour": "#FFFF00",
                "ink": "#000000",
            },
            "dominant": "pm25_24h",
            "sub_indices": {"pm25_24h": 100},
        }
    ]


def test_it_reads_the_next_morning_for_epas_ozone_windows():
    # EPA: 8-hour O3 windows start 07:00 .. 23:00, the last ends 06:00 the next day
    st = readings.station("KH-1", country="KH", time_zone="Asia/Phnom_Penh", measures=("o3",))
    low = float(units.convert(0.030, "ppm", "µg/m³", "o3"))
    high = float(units.convert(0.090, "ppm", "µg/m³", "o3"))
    readings.day(st, "o3", D1, [low] * 24)
    readings.day(st, "o3", D1 + dt.timedelta(days=1), [high] * 7 + [low] * 17)
    got = selectors.daily_aqi("KH-1", start=D1, end=D1)
    # window 23:00-06:00: (0.030 + 7 * 0.090) / 8 = 0.0825 ppm, truncated 0.082
    assert got[0]["sub_indices"]["o3_8h"] == int(aqi.sub_index("us-epa-2024", "o3_8h", 0.082))
    assert got[0]["sub_indices"]["o3_8h"] == 140
    assert got[0]["standard"] == "us-epa-2024"


def test_it_uses_the_mean_of_a_day_reported_as_a_24_hour_mean():
    st = readings.station("VN-1", country="VN", time_zone="Asia/Ho_Chi_Minh", measures=("pm25",))
    readings.day_mean(st, "pm25", D1, 50.0)
    got = selectors.daily_aqi("VN-1", start=D1, end=D1)
    assert got[0]["sub_indices"] == {"pm25_24h": 100}  # QĐ 1459 Bảng 2: 50 µg/m³ -> 100
    assert got[0]["aqi"] == 100


def test_it_switches_chinas_edition_on_the_day_it_came_into_force():
    st = readings.station("CN-1", country="CN", time_zone="Asia/Shanghai", measures=("pm25",))
    for day in (dt.date(2026, 2, 28), dt.date(2026, 3, 1)):
        readings.day(st, "pm25", day, [60.0] * 24)
    got = selectors.daily_aqi("CN-1", start=dt.date(2026, 2, 28), end=dt.date(2026, 3, 1))
    assert [(i["standard"], i["aqi"]) for i in got] == [
        ("cn-hj633-2012", 82),  # 35-75 -> 50-100: 50 + 50 * 25 / 40 = 81.25, rounded up
        ("cn-hj633-2026", 100),  # HJ 633-2026 Table 3: PM2.5 60 -> 100
    ]


def test_it_refuses_an_unknown_standard_and_too_long_a_range():
    readings.station()
    with pytest.raises(ValueError, match="unknown AQI standard 'xx'"):
        selectors.daily_aqi("TH-T1", standard="xx", start=D1, end=D1)
    with pytest.raises(ValueError, match="at most 3653 days"):
        selectors.daily_aqi("TH-T1", start=D1, end=D1 + dt.timedelta(days=3653))
    with pytest.raises(Station.DoesNotExist):
        selectors.daily_aqi("nope", start=D1, end=D1)


def test_it_makes_vn_hourly_aqi_from_the_nowcast_leaving_flagged_values_out():
    st = readings.station("VN-1", country="VN", time_zone="Asia/Ho_Chi_Minh", measures=("pm25",))
    start = dt.datetime(2024, 2, 29, 17, tzinfo=dt.UTC)  # 00:00 local (UTC+7) on 1 March
    values = _profile(3, 48, 10, 120)
    readings.hourly(st, "pm25", start, values, flags={20: 4})  # hour 20 a spike
    got = selectors.hourly_aqi(
        "VN-1", start=D1 + dt.timedelta(days=1), end=D1 + dt.timedelta(days=1)
    )
    clean = values.copy()
    clean[20] = np.nan
    assert got[0]["time"] == "2024-03-01T17:00:00Z"
    assert len(got) == 24
    for h, item in enumerate(got):
        t = 24 + h
        recent = clean[t::-1][:12]  # newest first
        expected = aqi.sub_index(
            "vn-1459-2019", "pm25_nowcast", aqi.nowcast("vn-1459-2019", recent)
        )
        assert item["sub_indices"]["pm25_nowcast"] == int(expected), h
        assert item["aqi"] == int(expected)


def test_it_counts_local_days_in_yangon():
    # Asia/Yangon is UTC+06:30: the local day 1 March starts at 17:30 UTC on 29 February
    st = readings.station("MM-1", country="MM", time_zone="Asia/Yangon", measures=("pm25",))
    start = dt.datetime(2024, 2, 29, 17, 30, tzinfo=dt.UTC)
    readings.hourly(st, "pm25", start, [20.0] * 24)
    got = selectors.hourly_aqi("MM-1", start=D1, end=D1)
    assert [i["time"] for i in got][:2] == ["2024-02-29T17:30:00Z", "2024-02-29T18:30:00Z"]
    assert len(got) == 24
    assert got[-1]["time"] == "2024-03-01T16:30:00Z"
    assert got[0]["standard"] == "us-epa-2024"
    # EPA PM2.5 NowCast of a constant 20 µg/m³ is 20: 51 + 49 * (20 - 9.1) / 26.3 = 71.3 -> 71
    assert got[-1]["aqi"] == 71
    count, items = selectors.measurements("MM-1", parameter="pm25", start=D1, end=D1)
    assert count == 24 and items[0]["time"] == "2024-02-29T17:30:00Z"


def test_it_gives_the_latest_hourly_aqi_of_each_air_station():
    st = readings.station(measures=("pm25",))
    readings.station("TH-T2", measures=("pm25",), name="Silent")
    readings.station("TH-W", kind="water", site_type="river", measures=("do",))
    readings.day(st, "pm25", D1, [30.0] * 24)
    readings.day(st, "pm25", D1 + dt.timedelta(days=1), [40.0] * 10 + [np.nan] * 14)
    got = selectors.latest_aqi()
    assert [row["code"] for row in got] == ["TH-T1", "TH-T2"]
    first, silent = got
    # last hour 09:00-10:00 local (02:00 UTC) on 2 March; 24-h running mean
    # (14 * 30 + 10 * 40) / 24 = 34.17 -> 34.2 -> 51 + 49 * (34.2 - 25.1) / 12.4 = 86.96 -> 87
    assert first["time"] == "2024-03-02T02:00:00Z"
    assert first["aqi"] == 87 and first["standard"] == "th-pcd-2023"
    assert first["category"]["key"] == "moderate"
    assert silent["time"] is None and silent["aqi"] is None and silent["category"] is None
    assert selectors.latest_aqi(country="VN") == []
    with pytest.raises(ValueError, match="unknown country 'XX'"):
        selectors.latest_aqi(country="XX")


def test_it_reads_the_latest_aqi_without_touching_the_measurements(django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for k in range(5):
        st = readings.station(f"TH-{k}", measures=("pm25",))
        readings.day(st, "pm25", D1, [30.0] * 24)
        readings.hourly(st, "pm25", dt.datetime(2024, 2, 29, 17, tzinfo=dt.UTC), [30.0] * 24)
    # one query for the stations and their last days (an index probe per gas), one for
    # the daily values of the last days of the stations that share a last day
    with django_assert_max_num_queries(2), CaptureQueriesContext(connection) as captured:
        rows = selectors.latest_aqi()
    assert len(rows) == 5 and all(row["aqi"] is not None for row in rows)
    assert not any("monitoring_measurement" in q["sql"] for q in captured.captured_queries)


def test_it_reports_chinas_2012_real_time_so2_above_800_on_its_24_hour_index():
    # HJ 633-2012 Table 1 note 2: a 1-hour SO2 above 800 µg/m³ has no IAQI; the 24-hour
    # SO2 IAQI is reported instead (here from the 24-hour running mean, 20 hours needed)
    st = readings.station("CN-1", country="CN", time_zone="Asia/Shanghai", measures=("so2",))
    start = dt.datetime(2024, 2, 29, 16, tzinfo=dt.UTC)  # 00:00 on 1 March in Shanghai
    values = [300.0] * 23 + [900.0]
    readings.hourly(st, "so2", start, values)
    got = selectors.hourly_aqi("CN-1", start=D1, end=D1)
    last = got[-1]
    assert last["time"] == "2024-03-01T15:00:00Z"
    mean = (23 * 300 + 900) / 24  # 325 µg/m³
    assert last["sub_indices"]["so2_1h"] is None
    assert last["sub_indices"]["so2_24h"] == int(aqi.sub_index("cn-hj633-2012", "so2_24h", mean))
    # Table 1: 150-475 µg/m³ -> 100-150: 100 + 50 * 175 / 325 = 126.9, rounded up
    assert last["aqi"] == last["sub_indices"]["so2_24h"] == 127
    # below 800 the 1-hour value decides: 300 µg/m³ -> 50 + 50 * 150 / 350 = 71.4 -> 72
    assert got[-2]["sub_indices"] == {"so2_1h": 72, "so2_24h": None}


def test_it_reads_chinas_2026_real_time_pm_on_the_daily_columns():
    # HJ 633-2026 formula (1): a 1-hour PM2.5 value is read on the 24-hour limits
    st = readings.station("CN-1", country="CN", time_zone="Asia/Shanghai", measures=("pm25",))
    day = dt.date(2026, 3, 2)
    readings.hourly(st, "pm25", dt.datetime(2026, 3, 1, 16, tzinfo=dt.UTC), [60.0, 115.0])
    got = selectors.hourly_aqi("CN-1", start=day, end=day)
    assert [(i["standard"], i["aqi"], i["dominant"]) for i in got] == [
        ("cn-hj633-2026", 100, "pm25_1h"),
        ("cn-hj633-2026", 150, "pm25_1h"),
    ]


def test_it_uses_epas_2019_ozone_nowcast_for_the_hourly_index():
    st = readings.station("LA-1", country="LA", time_zone="Asia/Vientiane", measures=("o3",))
    # two weeks before 1 March and that day: 00:00 on 16 February (UTC+7) to 1 March 24:00
    start = dt.datetime(2024, 2, 15, 17, tzinfo=dt.UTC)
    rng = np.random.default_rng(5)
    hours_ = np.arange(15 * 24)
    o3 = np.round(60 + 40 * np.sin(hours_ / 24 * 2 * np.pi) + rng.normal(0, 5, len(hours_)), 1)
    readings.hourly(st, "o3", start, o3)
    got = selectors.hourly_aqi("LA-1", start=D1, end=D1)
    ppm = units.convert(o3, "µg/m³", "ppm", "o3")
    expected = aqi.nowcast_o3_2019(ppm, unit="ppm", every_hour=True)[-24:]
    o3_8h = aqi.sub_index("us-epa-2024", "o3_8h", expected)
    assert [i["sub_indices"]["o3_8h"] for i in got] == [int(v) for v in o3_8h]
    assert got[0]["time"] == "2024-02-29T17:00:00Z" and len(got) == 24
