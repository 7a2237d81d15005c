"""OpenAQ v3 JSON (the shapes of /v3/sensors/{id}/measurements and
/v3/locations/{id}/latest) and API batches of records."""

import datetime as dt
import json

import pytest

from lmec.monitoring.ingest import IngestError, ingest_file, ingest_records
from lmec.monitoring.models import Upload
from lmec.monitoring.parameters import Flag
from tests.monitoring.factories import make_network
from tests.monitoring.ingest_support import stored

META = {"name": "openaq-api", "website": "/", "page": 1, "limit": 100, "found": 3}


@pytest.fixture
def network(db):
    return make_network()


def measurement(
    value, start_utc, *, name="pm25", units="µg/m³", interval="01:00:00", flagged=False
):
    start = dt.datetime.fromisoformat(start_utc)
    hours = {"01:00:00": 1, "00:15:00": 0.25}[interval]
    end = start + dt.timedelta(hours=hours)
    local = dt.timezone(dt.timedelta(hours=7))
    return {
        "value": value,
        "flagInfo": {"hasFlags": flagged},
        "parameter": {"id": 2, "name": name, "units": units, "displayName": None},
        "period": {
            "label": "raw",
            "interval": interval,
            "datetimeFrom": {
                "utc": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "local": start.astimezone(local).isoformat(),
            },
            "datetimeTo": {
                "utc": end.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "local": end.astimezone(local).isoformat(),
            },
        },
        "coordinates": None,
        "summary": None,
        "coverage": {
            "expectedCount": 1,
            "expectedInterval": "01:00:00",
            "observedCount": 1,
            "observedInterval": "01:00:00",
            "percentComplete": 100.0,
            "percentCoverage": 100.0,
        },
    }


def write_json(tmp_path, data, name="openaq.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_it_reads_sensor_measurements_for_the_station_it_is_told(network, tmp_path):
    data = {
        "meta": META,
        "results": [
            measurement(12.3, "2024-03-01T01:00:00+00:00"),
            measurement(14.0, "2024-03-01T02:00:00+00:00", flagged=True),
            measurement(0.04, "2024-03-01T03:00:00+00:00", name="o3", units="ppm"),
            measurement(15.0, "2024-03-01T03:15:00+00:00", interval="00:15:00"),
        ],
    }
    path = write_json(tmp_path, data)
    result = ingest_file(path, station="TH-BKK")
    assert result.status == "refused"
    assert [(e.row, e.column, e.value, e.reason) for e in result.errors] == [
        (4, "period.interval", "00:15:00", "unknown averaging period; use 1h, 8h, 24h or grab")
    ]
    result = ingest_file(path, station="TH-BKK", skip_invalid=True)
    assert (result.stored, result.refused, result.flagged) == (3, 1, 1)
    assert stored("TH-BKK", "pm25") == [
        ("2024-03-01T01:00Z", 12.3, 12.3, "µg/m³", "", 0),
        ("2024-03-01T02:00Z", 14.0, 14.0, "µg/m³", "", Flag.PROVIDER),
    ]
    assert stored("TH-BKK", "o3")[0][1] == pytest.approx(40 * 47.998 / 24.45, rel=1e-12)
    assert Upload.objects.first().format == "openaq"


def test_it_reads_latest_values_with_a_mapping_of_sensors_and_locations(network, tmp_path):
    data = {
        "meta": META,
        "results": [
            {
                "datetime": {"utc": "2024-03-01T02:00:00Z", "local": "2024-03-01T09:00:00+07:00"},
                "value": 35.2,
                "coordinates": {"latitude": 13.73, "longitude": 100.52},
                "sensorsId": 3917,
                "locationsId": 2178,
            },
            {
                "datetime": {"utc": "2024-03-01T02:00:00Z", "local": "2024-03-01T09:00:00+07:00"},
                "value": 0.9,
                "coordinates": {"latitude": 13.73, "longitude": 100.52},
                "sensorsId": 3999,
                "locationsId": 2178,
            },
        ],
    }
    mapping = {
        "format": "openaq",
        "locations": {2178: "TH-BKK"},
        "sensors": {3917: {"parameter": "pm25", "unit": "µg/m³"}},
    }
    result = ingest_file(write_json(tmp_path, data), mapping=mapping, skip_invalid=True)
    assert [(e.row, e.column, e.value) for e in result.errors] == [
        (2, "parameter.name", "sensor 3999")
    ]
    # OpenAQ datetimes end the period: the hour 01:00-02:00 UTC
    assert stored("TH-BKK", "pm25") == [("2024-03-01T01:00Z", 35.2, 35.2, "µg/m³", "", 0)]


@pytest.mark.parametrize(
    "content,kwargs,message",
    [
        (
            json.dumps({"results": [measurement(1, "2024-03-01T01:00:00+00:00")]}),
            {},
            "OpenAQ results do not name the hub's station: give --station CODE (or station: in the mapping)",
        ),
        (
            "{not json",
            {"station": "TH-BKK"},
            "the file is not valid JSON (line 1: Expecting property name enclosed in double quotes)",
        ),
        (
            json.dumps({"data": []}),
            {"station": "TH-BKK"},
            "this JSON is not an OpenAQ v3 answer: expected an object with a 'results' list (from /v3/sensors/{id}/measurements or /v3/locations/{id}/latest)",
        ),
        (json.dumps({"results": []}), {"station": "TH-BKK"}, "the JSON has no results"),
    ],
)
def test_it_refuses_json_it_cannot_use(network, tmp_path, content, kwargs, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        ingest_file(path, **kwargs)
    assert str(caught.value) == message


def test_it_ingests_api_records_with_numbers_and_datetimes(network, users):
    records = [
        {
            "station": "TH-BKK",
            "parameter": "pm25",
            "unit": "µg/m³",
            "time": dt.datetime(2024, 3, 1, 1, tzinfo=dt.UTC),
            "value": 21.5,
        },
        {
            "station": "TH-BKK",
            "parameter": "pm25",
            "unit": "µg/m³",
            "time": "2024-03-01T09:00+07:00",
            "value": "22",
        },
        {
            "station": "TH-BKK",
            "parameter": "so2",
            "unit": "ppb",
            "time": "2024-03-01T09:00+07:00",
            "value": 3,
            "averaging": "1h",
            "flag": "ok",
        },
    ]
    result = ingest_records(records, user=users.provider)
    assert (result.status, result.rows_read, result.stored) == ("done", 3, 3)
    assert [r[:2] for r in stored("TH-BKK", "pm25")] == [
        ("2024-03-01T01:00Z", 21.5),
        ("2024-03-01T02:00Z", 22.0),
    ]
    upload = result.upload
    assert (upload.format, upload.user, upload.api_key, upload.filename) == (
        "api",
        users.provider,
        None,
        "",
    )
    again = ingest_records(records, user=users.provider)
    assert (again.stored, again.unchanged) == (0, 3)


def test_it_refuses_records_for_stations_the_caller_may_not_write(network):
    allowed = {network["TH-BKK"].pk}
    records = [
        {
            "station": "TH-BKK",
            "parameter": "pm25",
            "unit": "µg/m³",
            "time": "2024-03-01T09:00+07:00",
            "value": 1,
        },
        {
            "station": "VN-HAN",
            "parameter": "pm25",
            "unit": "µg/m³",
            "time": "2024-03-01T09:00+07:00",
            "value": 2,
        },
        {"station": "TH-BKK", "parameter": "pm25", "time": "2024-03-01T10:00+07:00", "value": 3},
    ]
    result = ingest_records(records, allowed_stations=allowed)
    assert result.status == "refused"
    assert [(e.row, e.column, e.reason) for e in result.errors] == [
        (2, "station", "you may not send data for station VN-HAN"),
        (3, "unit", "the unit is empty; pm25 is given in µg/m³ or mg/m³"),
    ]
    assert ingest_records([], allowed_stations=allowed).status == "done"
