"""The upload page: who may upload to which station, the row report, big files in the background."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from lmec.monitoring.models import Measurement, Station, StationParameter, Upload
from tests.helpers import login

pytestmark = pytest.mark.django_db

URL = "/en/monitoring/upload/"
GOOD = (
    "station,parameter,unit,time,value\n"
    "TH-A,pm25,ug/m3,2026-11-01T00:00:00+07:00,12.5\n"
    "TH-A,pm25,ug/m3,2026-11-01T01:00:00+07:00,14\n"
)


@pytest.fixture
def stations(users):
    made = {}
    for code, country in (("TH-A", "TH"), ("VN-A", "VN")):
        station = Station.objects.create(
            code=code,
            name=code,
            country_id=country,
            site_type="urban",
            latitude=15,
            longitude=105,
            time_zone="Asia/Bangkok",
        )
        StationParameter.objects.create(station=station, parameter=1, unit="µg/m³")
        made[country] = station
    made["TH"].data_providers.add(users.provider)
    return made


def send(client, text=GOOD, name="data.csv", **fields):
    upload = SimpleUploadedFile(name, text.encode(), content_type="text/csv")
    return client.post(URL, {"file": upload, **fields})


def test_it_sends_visitors_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_refuses_members(client, users):
    login(client, users.member)
    assert client.get(URL).status_code == 403
    assert send(client).status_code == 403
    assert not Upload.objects.exists()


@pytest.mark.parametrize("who", ["focal_th", "provider", "editor", "admin"])
def test_it_stores_a_file_for_a_station_the_person_may_write(client, users, stations, who):
    user = users.focal["TH"] if who == "focal_th" else getattr(users, who)
    login(client, user)
    response = send(client)
    upload = Upload.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/monitoring/uploads/{upload.pk}/"
    assert (upload.status, upload.rows_stored, upload.user) == ("done", 2, user)
    page = client.get(response["Location"]).content.decode()
    assert "Stored" in page and "data.csv" in page
    assert Measurement.objects.count() == 2


@pytest.mark.parametrize("country", ["VN", "KH", "CN", "LA", "MM"])
def test_it_refuses_a_focal_point_another_country_station(client, users, stations, country):
    login(client, users.focal[country])
    response = send(client)
    upload = Upload.objects.get()
    assert upload.status == "refused" and upload.rows_stored == 0
    assert {e["column"] for e in upload.report} == {"station"}
    page = client.get(response["Location"]).content.decode()
    assert "TH-A" in page
    assert not Measurement.objects.exists()


def test_it_refuses_a_provider_a_station_not_named_for_it(client, users, stations):
    login(client, users.provider)
    send(client, GOOD.replace("TH-A", "VN-A"))
    assert Upload.objects.get().status == "refused"
    assert not Measurement.objects.exists()


def test_it_shows_each_bad_row_and_stores_nothing(client, users, stations):
    login(client, users.editor)
    bad = GOOD + "TH-A,pm25,ug/m3,2026-11-01T02:00:00+07:00,lots\n"
    response = send(client, bad)
    page = client.get(response["Location"]).content.decode()
    assert "lots" in page and "Refused" in page
    report = client.get(response["Location"] + "report.json").json()
    assert [(e["row"], e["column"]) for e in report["errors"]] == [(3, "value")]
    assert not Measurement.objects.exists()


def test_it_refuses_a_file_type_it_cannot_read(client, users, stations):
    login(client, users.editor)
    response = send(client, "x", name="data.pdf")
    assert response.status_code == 200
    assert "expected a .csv, .xlsx or .json file" in response.content.decode()
    assert not Upload.objects.exists()


def test_it_hides_an_upload_from_other_people(client, users, stations):
    login(client, users.focal["TH"])
    location = send(client)["Location"]
    client.logout()
    login(client, users.focal["VN"])
    assert client.get(location).status_code == 404
    client.logout()
    login(client, users.editor)
    assert client.get(location).status_code == 200


def test_it_lists_only_the_person_own_uploads_to_non_editors(client, users, stations):
    login(client, users.focal["TH"])
    send(client)
    client.logout()
    login(client, users.provider)
    assert "data.csv" not in client.get("/en/monitoring/uploads/").content.decode()
    client.logout()
    login(client, users.editor)
    assert "data.csv" in client.get("/en/monitoring/uploads/").content.decode()


def test_it_queues_a_big_file_for_the_worker(client, users, stations, settings, monkeypatch):
    settings.UPLOAD_SYNC_MAX_BYTES = 10
    # The worker refreshes its database connection between tasks; inside the test's
    # transaction that would drop the connection (PostgreSQL), so it keeps this one.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    login(client, users.focal["TH"])
    location = send(client)["Location"]
    upload = Upload.objects.get()
    assert upload.status == "pending" and not Measurement.objects.exists()
    assert 'hx-trigger="every 2s"' in client.get(location).content.decode()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    upload.refresh_from_db()
    assert (upload.status, upload.rows_stored) == ("done", 2)
    assert Measurement.objects.count() == 2
