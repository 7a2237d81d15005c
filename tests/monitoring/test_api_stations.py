"""GET /api/v1/monitoring/…: stations, measurements, daily values, AQI, latest, compare."""

import datetime as dt

import pytest

from . import readings

pytestmark = pytest.mark.django_db

API = "/api/v1/monitoring"
D1 = dt.date(2024, 3, 1)
# 00:00 on 1 March in Bangkok (UTC+7)
MIDNIGHT = dt.datetime(2024, 2, 29, 17, tzinfo=dt.UTC)


@pytest.fixture
def bang_na(db):
    st = readings.station(
        measures=("pm25",),
        name="Bang Na",
        operator="PCD",
        elevation=3.0,
        source="PCD Air4Thai",
        licence="CC BY 4.0",
    )
    readings.day(st, "pm25", D1, [20.0] * 24)
    readings.hourly(st, "pm25", MIDNIGHT, [20.0] * 24, flags={3: 4})
    return st


@pytest.fixture
def tan_chau(db):
    return readings.station(
        "VN-W1",
        country="VN",
        time_zone="Asia/Ho_Chi_Minh",
        kind="water",
        site_type="river",
        measures=("do",),
        name="Mekong at Tan Chau",
        latitude=10.8,
        longitude=105.2,
    )


PM25 = {"code": "pm25", "name": "PM2.5", "unit": "µg/m³", "reported_unit": "µg/m³", "method": ""}
BANG_NA = {
    "code": "TH-T1",
    "name": "Bang Na",
    "kind": "air",
    "site_type": "urban",
    "country": "TH",
    "country_name": "Thailand",
    "latitude": 13.75,
    "longitude": 100.5,
    "elevation": 3.0,
    "time_zone": "Asia/Bangkok",
    "operator": "PCD",
    "active_from": None,
    "active_to": None,
    "parameters": [PM25],
}
TAN_CHAU = {
    "code": "VN-W1",
    "name": "Mekong at Tan Chau",
    "kind": "water",
    "site_type": "river",
    "country": "VN",
    "country_name": "Viet Nam",
    "latitude": 10.8,
    "longitude": 105.2,
    "elevation": None,
    "time_zone": "Asia/Ho_Chi_Minh",
    "operator": "",
    "active_from": None,
    "active_to": None,
    "parameters": [
        {
            "code": "do",
            "name": "Dissolved oxygen",
            "unit": "mg/L",
            "reported_unit": "mg/L",
            "method": "",
        }
    ],
}


def test_it_lists_the_stations(client, bang_na, tan_chau):
    assert client.get(f"{API}/stations?lang=en").json() == {
        "language": "en",
        "count": 2,
        "items": [BANG_NA, TAN_CHAU],
    }


@pytest.mark.parametrize(
    ("query", "codes", "count"),
    [
        ("kind=water", ["VN-W1"], 1),
        ("country=TH", ["TH-T1"], 1),
        ("limit=1&offset=1", ["VN-W1"], 2),
        ("limit=1", ["TH-T1"], 2),
        ("offset=5", [], 2),
    ],
)
def test_it_filters_and_pages_the_stations(client, bang_na, tan_chau, query, codes, count):
    data = client.get(f"{API}/stations?{query}").json()
    assert [s["code"] for s in data["items"]] == codes
    assert data["count"] == count


def test_it_gives_the_stations_as_geojson(client, bang_na, tan_chau):
    data = client.get(f"{API}/stations?format=geojson&kind=water").json()
    assert data == {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [105.2, 10.8]},
                "properties": {
                    "code": "VN-W1",
                    "name": "Mekong at Tan Chau",
                    "kind": "water",
                    "site_type": "river",
                    "country": "VN",
                    "elevation": None,
                    "time_zone": "Asia/Ho_Chi_Minh",
                    "operator": "",
                    "active_from": None,
                    "active_to": None,
                    "parameters": "do",
                },
            }
        ],
    }


def test_it_shows_one_station_in_the_language_asked(client, bang_na):
    assert client.get(f"{API}/stations/TH-T1?lang=th").json() == {
        **BANG_NA,
        "country_name": "ไทย",
        "parameters": [
            {**PM25, "name": "ฝุ่นละออง PM2.5", "first_date": "2024-03-01", "last_date": "2024-03-01"}
        ],
        "source": "PCD Air4Thai",
        "licence": "CC BY 4.0",
        "river": "",
        "mekong_mainstream": False,
    }


def _value(time, flags=()):
    return {
        "time": time,
        "value": 20.0,
        "unit": "µg/m³",
        "censor": "",
        "flags": list(flags),
        "raw_value": 20.0,
        "raw_unit": "µg/m³",
    }


def test_it_pages_measurements_with_an_exact_count(client, bang_na):
    data = client.get(f"{API}/stations/TH-T1/measurements?parameter=pm25&limit=2&offset=2").json()
    assert data == {
        "station": "TH-T1",
        "parameter": "pm25",
        "averaging": "1h",
        "unit": "µg/m³",
        "start": None,
        "end": None,
        "count": 24,
        "limit": 2,
        "offset": 2,
        "items": [_value("2024-02-29T19:00:00Z"), _value("2024-02-29T20:00:00Z", ["spike"])],
    }
    last = client.get(f"{API}/stations/TH-T1/measurements?parameter=pm25&offset=23").json()
    assert (last["count"], len(last["items"])) == (24, 1)


@pytest.mark.parametrize(
    ("query", "count", "first"),
    [
        # a date is the station's local day: 1 March is 17:00 UTC on 29 Feb to 17:00 UTC
        ("start=2024-03-01&end=2024-03-01", 24, "2024-02-29T17:00:00Z"),
        ("start=2024-03-02", 0, None),
        ("end=2024-02-29", 0, None),
        # RFC 3339 date-times, with their offset; end included
        (
            "start=2024-03-01T05:00:00%2B07:00&end=2024-03-01T07:00:00%2B07:00",
            3,
            "2024-02-29T22:00:00Z",
        ),
        ("start=2024-02-29T20:00:00Z&end=2024-02-29T20:00:00.5z", 1, "2024-02-29T20:00:00Z"),
        ("start=2024-03-01T10:00:00Z&end=2024-03-01T09:00:00Z", 0, None),
    ],
)
def test_it_reads_measurements_in_a_time_range(client, bang_na, query, count, first):
    data = client.get(f"{API}/stations/TH-T1/measurements?parameter=pm25&{query}").json()
    assert data["count"] == count
    assert (data["items"][0]["time"] if data["items"] else None) == first


def test_it_gives_daily_values(client, bang_na):
    data = client.get(f"{API}/stations/TH-T1/daily?parameter=pm25&start=2024-03-01&end=2024-03-02")
    assert data.json() == {
        "start": "2024-03-01",
        "end": "2024-03-02",
        "next_start": None,
        "note": None,
        "station": "TH-T1",
        "parameter": "pm25",
        "unit": "µg/m³",
        "count": 1,
        "items": [
            {
                "date": "2024-03-01",
                "mean": 20.0,
                "count": 24,
                "completeness": 1.0,
                "max_1h": 20.0,
                "max_8h": None,
                "flagged": 0,
            }
        ],
    }


GOOD = {"key": "good", "name": "Good", "colour": "#92D050", "ink": "#000000"}
TH_USED = {
    "id": "th-pcd-2023",
    "name": "Thailand PCD Air Quality Index (2023)",
    "document": "PCD AQI 2566 (2023)",
    "basis": "national",
    "note": "The country's own air quality index.",
}


def test_it_gives_the_daily_aqi_under_the_national_index(client, bang_na):
    # PCD 2023 Table 2: PM2.5 20.0 in 15.1-25.0 -> 26-50: 26 + 24 * 4.9 / 9.9 = 37.9 -> 38
    data = client.get(f"{API}/stations/TH-T1/aqi?start=2024-03-01&end=2024-03-01&lang=en")
    assert data.json() == {
        "start": "2024-03-01",
        "end": "2024-03-01",
        "next_start": None,
        "note": None,
        "language": "en",
        "station": "TH-T1",
        "period": "daily",
        "standards": [TH_USED],
        "count": 1,
        "items": [
            {
                "date": "2024-03-01",
                "standard": "th-pcd-2023",
                "aqi": 38,
                "category": GOOD,
                "dominant": "pm25_24h",
                "sub_indices": {"pm25_24h": 38},
            }
        ],
    }


def test_it_gives_the_hourly_aqi_under_a_chosen_standard(client, bang_na):
    data = client.get(
        f"{API}/stations/TH-T1/aqi?period=hourly&standard=us-epa-2024"
        "&start=2024-03-01&end=2024-03-01"
    ).json()
    assert data["standards"] == [
        {
            "id": "us-epa-2024",
            "name": "US EPA Air Quality Index (2024)",
            "document": "EPA-454/B-24-002",
            "basis": "chosen",
            "note": "The standard asked for.",
        }
    ]
    first, second = data["items"][:2]
    # one hour is not a NowCast (2 of the 3 latest hours needed)
    assert first == {
        "time": "2024-02-29T17:00:00Z",
        "standard": "us-epa-2024",
        "aqi": None,
        "category": None,
        "dominant": None,
        "sub_indices": {"pm25_nowcast": None},
    }
    # NowCast of 20 µg/m³: 51 + 49 * (20.0 - 9.1) / 26.3 = 71.3 -> 71
    assert (second["time"], second["aqi"]) == ("2024-02-29T18:00:00Z", 71)
    assert data["count"] == 24  # the flagged hour still has a NowCast from its neighbours


def test_it_answers_a_long_range_in_windows(client, bang_na):
    data = client.get(
        f"{API}/stations/TH-T1/aqi?period=hourly&start=2024-03-01&end=2024-05-01"
    ).json()
    assert (data["start"], data["end"], data["next_start"]) == (
        "2024-03-01",
        "2024-03-31",
        "2024-04-01",
    )
    assert data["note"] == (
        "An hourly AQI series covers at most 31 days per request; this answer covers "
        "2024-03-01 to 2024-03-31. Ask again from next_start for the rest."
    )
    daily = client.get(f"{API}/stations/TH-T1/daily?parameter=pm25&start=2000-01-01").json()
    assert (daily["end"], daily["next_start"]) == ("2009-12-31", "2010-01-01")


def test_it_answers_a_reversed_range_with_nothing(client, bang_na):
    data = client.get(f"{API}/stations/TH-T1/aqi?start=2024-03-05&end=2024-03-01").json()
    assert (data["count"], data["items"]) == (0, [])
    assert data["note"] == "The range ends before it starts: nothing in it."


def test_it_defaults_to_the_last_days_with_data(client, bang_na):
    data = client.get(f"{API}/stations/TH-T1/aqi").json()
    assert (data["start"], data["end"]) == ("2024-02-01", "2024-03-01")
    assert [item["date"] for item in data["items"]] == ["2024-03-01"]


def test_it_gives_the_latest_aqi_of_every_air_station(client, bang_na, tan_chau):
    assert client.get(f"{API}/latest?lang=en").json() == {
        "language": "en",
        "count": 1,
        "items": [
            {
                "code": "TH-T1",
                "name": "Bang Na",
                "country": "TH",
                "latitude": 13.75,
                "longitude": 100.5,
                # the last hour of the stored day: 23:00 in Bangkok
                "time": "2024-03-01T16:00:00Z",
                "standard": "th-pcd-2023",
                "standard_basis": "national",
                "standard_note": "The country's own air quality index.",
                "aqi": 38,
                "category": GOOD,
                "dominant": "pm25_24h",
                "sub_indices": {"pm25_24h": 38},
            }
        ],
    }


def test_it_names_the_fallback_standard_where_a_country_has_none(client):
    readings.station("LA-1", country="LA", time_zone="Asia/Vientiane", measures=("pm25",))
    item = client.get(f"{API}/latest?country=LA").json()["items"][0]
    assert (item["standard"], item["standard_basis"]) == ("us-epa-2024", "fallback")
    assert item["standard_note"].startswith("The country has no air quality index of its own")
    assert (item["time"], item["aqi"]) == (None, None)


def test_it_gives_statistics_of_a_year(client, bang_na):
    data = client.get(f"{API}/stations/TH-T1/statistics?year=2024").json()
    assert (data["station"], data["year"]) == ("TH-T1", 2024)
    who_daily = next(
        r
        for r in data["exceedances"]
        if (r["limit_set"], r["pollutant"]) == ("who-2021-aqg", "pm25_24h")
    )
    assert (who_daily["days_with_data"], who_daily["exceedances"]) == (1, 1)  # 20 > 15
    assert [c["parameter"] for c in data["completeness"]] == ["pm25"]
    assert data["completeness"][0]["valid_days"] == 1
    assert data["trends"][0]["reason"].startswith("The seasonal Mann-Kendall test needs")


def test_it_compares_a_station_and_a_country(client, bang_na):
    data = client.get(
        f"{API}/compare?standard=th-pcd-2023&start=2024-03-01&end=2024-03-02"
        "&stations=TH-T1&countries=TH"
    ).json()
    assert [(i["kind"], i["code"], i["days_with_aqi"]) for i in data["items"]] == [
        ("station", "TH-T1", 1),
        ("country", "TH", 1),
    ]
    assert data["items"][0]["categories"]["good"] == 1
    assert data["days"] == 2 and data["note"] is None
    empty = client.get(f"{API}/compare?standard=th-pcd-2023&start=2024-03-01&end=2024-03-02")
    assert empty.json()["items"] == []
    assert empty.json()["note"] == "Give at least one station or country to compare."


@pytest.mark.parametrize(
    ("url", "status", "detail"),
    [
        ("/stations/nope", 404, "no station 'nope'"),
        ("/stations/nope/measurements?parameter=pm25", 404, "no station 'nope'"),
        ("/stations/nope/daily?parameter=pm25", 404, "no station 'nope'"),
        ("/stations/nope/aqi", 404, "no station 'nope'"),
        ("/stations/nope/statistics?year=2024", 404, "no station 'nope'"),
        ("/stations/nope/export.csv", 404, "no station 'nope'"),
        (
            "/compare?standard=th-pcd-2023&start=2024-03-01&end=2024-03-01&stations=nope",
            404,
            "no air station 'nope'",
        ),
        (
            "/stations/TH-T1/export.geojson",
            404,
            "geojson is not available for measurements; choose one of: csv, xlsx, parquet",
        ),
        (
            "/stations?lang=fr",
            400,
            "Unknown language 'fr'; choose one of: zh-hans, en, th, vi, lo, km, my.",
        ),
        (
            "/stations/TH-T1/measurements?parameter=pm25&start=2024-13-01",
            400,
            "start: '2024-13-01' is neither a date (YYYY-MM-DD) nor an RFC 3339 date-time "
            "(YYYY-MM-DDThh:mm:ss with Z or an offset).",
        ),
        (
            "/stations/TH-T1/measurements?parameter=pm25&end=12",
            400,
            "end: '12' is neither a date (YYYY-MM-DD) nor an RFC 3339 date-time "
            "(YYYY-MM-DDThh:mm:ss with Z or an offset).",
        ),
        (
            "/stations/TH-T1/measurements?parameter=pm25&end=2024-03-01T07:00:00",
            400,
            "end: '2024-03-01T07:00:00' is neither a date (YYYY-MM-DD) nor an RFC 3339 "
            "date-time (YYYY-MM-DDThh:mm:ss with Z or an offset).",
        ),
        ("/stations/TH%00/measurements?parameter=pm25", 404, "no station 'TH\\x00'"),
    ],
)
def test_it_says_what_is_wrong(client, bang_na, url, status, detail):
    response = client.get(f"{API}{url}")
    assert response.status_code == status
    assert response.json() == {"detail": detail}


@pytest.mark.parametrize(
    ("url", "loc", "message"),
    [
        ("/stations?kind=sea", ["query", "kind"], "Input should be 'air' or 'water'"),
        (
            "/stations?country=FR",
            ["query", "country"],
            "Input should be 'CN', 'KH', 'LA', 'MM', 'TH' or 'VN'",
        ),
        ("/stations?limit=0", ["query", "limit"], "Input should be greater than or equal to 1"),
        ("/stations/TH-T1/measurements", ["query", "parameter"], "Field required"),
        (
            "/stations/TH-T1/measurements?parameter=pm3",
            ["query", "parameter"],
            "Input should be 'pm25', ",
        ),
        (
            "/stations/TH-T1/measurements?parameter=pm25&averaging=2h",
            ["query", "averaging"],
            "Input should be '1h', '8h', '24h' or 'grab'",
        ),
        (
            "/stations/TH-T1/measurements?parameter=pm25&limit=10001",
            ["query", "limit"],
            "Input should be less than or equal to 10000",
        ),
        (
            "/stations/TH-T1/daily?parameter=pm25&start=yesterday",
            ["query", "start"],
            "Value error, a date is written YYYY-MM-DD",
        ),
        (
            "/stations/TH-T1/daily?parameter=pm25&start=2024-03-01T00:00:00",
            ["query", "start"],
            "Value error, a date is written YYYY-MM-DD",
        ),
        (
            "/stations/TH-T1/aqi?standard=who",
            ["query", "standard"],
            "Input should be 'cn-hj633-2012', ",
        ),
        (
            "/stations/TH-T1/aqi?period=weekly",
            ["query", "period"],
            "Input should be 'daily' or 'hourly'",
        ),
        (
            "/stations/TH-T1/statistics?year=1800",
            ["query", "year"],
            "Input should be greater than or equal to 1900",
        ),
        ("/stations/TH-T1/statistics", ["query", "year"], "Field required"),
        ("/compare?start=2024-03-01&end=2024-03-01", ["query", "standard"], "Field required"),
        (
            "/stations/TH-T1/export.ods",
            ["path", "format"],
            "Input should be 'csv', 'xlsx', 'parquet' or 'geojson'",
        ),
    ],
)
def test_it_names_the_valid_choices_of_a_parameter(client, bang_na, url, loc, message):
    response = client.get(f"{API}{url}")
    assert response.status_code == 422
    error = response.json()["detail"][0]
    assert error["loc"] == loc
    assert error["msg"].startswith(message)
