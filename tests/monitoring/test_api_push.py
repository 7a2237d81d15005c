"""POST /api/v1/monitoring/measurements: a provider's key, its stations, the ingest's rules."""

import datetime as dt
import json

import pytest

from lmec.monitoring import services
from lmec.monitoring.models import Measurement, Station, StationParameter

pytestmark = pytest.mark.django_db

URL = "/api/v1/monitoring/measurements"


@pytest.fixture
def stations(users):
    made = []
    for code in ("TH-A", "TH-B"):
        station = Station.objects.create(
            code=code,
            name=code,
            country_id="TH",
            site_type="urban",
            latitude=13.7,
            longitude=100.5,
            time_zone="Asia/Bangkok",
        )
        StationParameter.objects.create(station=station, parameter=1, unit="µg/m³")
        made.append(station)
    users.provider.provided_stations.add(*made)
    return made


@pytest.fixture
def key(users, stations):
    _key, raw = services.create_api_key(user=users.provider, name="logger", stations=stations[:1])
    return raw


def batch(values, station="TH-A", start=dt.datetime(2026, 11, 1, 0)):
    return {
        "measurements": [
            {
                "station": station,
                "parameter": "pm25",
                "unit": "ug/m3",
                "time": (start + dt.timedelta(hours=i)).isoformat() + "+07:00",
                "value": v,
            }
            for i, v in enumerate(values)
        ]
    }


def post(client, body, key=None):
    headers = {"HTTP_X_API_KEY": key} if key else {}
    return client.post(URL, json.dumps(body), content_type="application/json", **headers)


def test_it_stores_a_batch_and_answers_the_counts(client, key):
    response = post(client, batch([10, 20.5, 30]), key)
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["rows_read"], body["stored"], body["errors"]) == ("done", 3, 3, [])
    stored = Measurement.objects.order_by("time")
    assert [m.value for m in stored] == [10, 20.5, 30]
    assert stored[0].time == dt.datetime(2026, 10, 31, 17, tzinfo=dt.UTC)


def test_it_changes_nothing_when_the_same_batch_comes_again(client, key):
    post(client, batch([10, 20, 30]), key)
    body = post(client, batch([10, 20, 30]), key).json()
    assert (body["stored"], body["unchanged"]) == (0, 3)
    assert Measurement.objects.count() == 3


def test_it_refuses_the_whole_batch_with_the_bad_row_named(client, key):
    response = post(client, batch([10, "abc", 30]), key)
    assert response.status_code == 422
    body = response.json()
    assert body["status"] == "refused" and body["stored"] == 0
    assert [(e["row"], e["column"]) for e in body["errors"]] == [(2, "value")]
    assert not Measurement.objects.exists()


def test_it_stores_the_good_rows_when_asked_to_skip_the_bad(client, key):
    body = {**batch([10, "abc", 30]), "skip_invalid": True}
    response = post(client, body, key)
    assert response.status_code == 200
    assert response.json()["stored"] == 2 and response.json()["refused"] == 1


def test_it_refuses_a_station_outside_the_key(client, key):
    response = post(client, batch([10], station="TH-B"), key)
    assert response.status_code == 422
    assert response.json()["errors"][0]["column"] == "station"
    assert not Measurement.objects.exists()


@pytest.mark.parametrize("header", [None, "lmec_nope_nope", "not-a-key"])
def test_it_answers_401_without_a_valid_key(client, stations, header):
    response = post(client, batch([10]), header)
    assert response.status_code == 401
    assert not Measurement.objects.exists()


def test_it_answers_401_for_a_revoked_key(client, users, stations):
    created, raw = services.create_api_key(user=users.provider, name="x", stations=stations[:1])
    services.revoke_api_key(user=users.provider, key=created)
    assert post(client, batch([10]), raw).status_code == 401


def test_it_stops_a_key_whose_owner_lost_the_station(client, users, stations, key):
    users.provider.provided_stations.remove(stations[0])
    response = post(client, batch([10]), key)
    assert response.status_code == 422
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    "body", [{}, {"measurements": []}, {"measurements": [{"station": "TH-A"}]}]
)
def test_it_answers_422_for_a_body_off_the_schema(client, key, body):
    assert post(client, body, key).status_code == 422
