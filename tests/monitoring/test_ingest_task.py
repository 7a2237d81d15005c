"""The background task ``ingest_upload``: the stored file of an upload, the uploader's
station scope, and a real database worker (``lmec db_worker``) running it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from lmec.monitoring.models import Measurement, Upload
from lmec.monitoring.tasks import ingest_upload
from tests.monitoring.factories import make_network
from tests.monitoring.ingest_support import hourly_rows, stored

ROOT = Path(__file__).resolve().parents[2]
CSV = (
    "station,parameter,unit,time,value\n"
    "TH-BKK,pm25,µg/m³,2024-03-01T08:00+07:00,12\n"
    "VN-HAN,pm25,µg/m³,2024-03-01T08:00+07:00,13\n"
)


@pytest.fixture
def network(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return make_network()


def upload_of(content: str, name: str, **fields) -> Upload:
    upload = Upload.objects.create(format=fields.pop("format", "long"), filename=name, **fields)
    upload.file.save(name, ContentFile(content.encode()), save=True)
    return upload


def test_it_ingests_an_upload_within_the_stations_it_may_write(network, users):
    upload = upload_of(CSV, "data.csv", user=users.focal["TH"], skip_invalid=True)
    outcome = ingest_upload.call(upload.pk, allowed_stations_ids=[network["TH-BKK"].pk])
    assert outcome == {
        "status": "done",
        "rows_read": 2,
        "stored": 1,
        "replaced": 0,
        "unchanged": 0,
        "flagged": 0,
        "refused": 1,
    }
    upload.refresh_from_db()
    assert (upload.status, upload.rows_stored, upload.rows_refused) == ("done", 1, 1)
    assert upload.report == [
        {
            "row": 2,
            "column": "station",
            "value": "VN-HAN",
            "reason": "you may not send data for station VN-HAN",
            "code": "station_not_allowed",
            "params": {"station": "VN-HAN"},
        }
    ]
    assert upload.finished is not None
    assert Measurement.objects.filter(upload=upload).count() == 1


def test_it_lets_an_upload_without_a_person_write_any_station(network):
    upload = upload_of(CSV, "data.csv")
    assert ingest_upload.call(upload.pk)["stored"] == 2


def test_it_reads_a_wide_upload_with_its_mapping_and_openaq_with_a_station(network):
    wide = upload_of(
        "Time,PM10\n2024-03-01 08:00,40\n",
        "wide.csv",
        mapping="station: TH-BKK\ntime: Time\ncolumns: {PM10: {parameter: pm10, unit: µg/m³}}\n",
    )
    assert ingest_upload.call(wide.pk)["stored"] == 1
    result = {
        "value": 3.5,
        "flagInfo": {"hasFlags": False},
        "parameter": {"id": 2, "name": "pm25", "units": "µg/m³", "displayName": None},
        "period": {
            "label": "raw",
            "interval": "01:00:00",
            "datetimeFrom": {"utc": "2024-03-01T05:00:00Z", "local": "2024-03-01T12:00:00+07:00"},
            "datetimeTo": {"utc": "2024-03-01T06:00:00Z", "local": "2024-03-01T13:00:00+07:00"},
        },
    }
    openaq = upload_of(json.dumps({"results": [result]}), "openaq.json", format="openaq")
    assert ingest_upload.call(openaq.pk, station="LA-VTE")["stored"] == 1
    assert stored("LA-VTE", "pm25")[0][:2] == ("2024-03-01T05:00Z", 3.5)


def test_it_marks_an_unreadable_upload_failed(network):
    upload = upload_of("no columns here\n", "data.csv")
    outcome = ingest_upload.call(upload.pk)
    upload.refresh_from_db()
    assert outcome["status"] == upload.status == "failed"
    assert (
        upload.message
        == "could not find the columns in the first line; separate them with commas or semicolons"
    )


def run_lmec(*args, cwd):
    env = {
        **os.environ,
        "LMEC_HOME": str(cwd),
        "DATABASE_URL": "",
        "TASKS_BACKEND": "database",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-m", "lmec.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.own_database
def test_it_runs_in_the_database_worker(tmp_path):
    run_lmec("migrate", "-v0", cwd=tmp_path)
    rows = hourly_rows("TH-BKK", "pm25", "µg/m³", "2024-03-01T00:00+07:00", range(10, 34))
    content = "station,parameter,unit,time,value\n" + "".join(
        ",".join(map(str, r)) + "\n" for r in rows
    )
    queued = run_lmec(
        "shell",
        "--no-imports",
        "-c",
        "from django.core.files.base import ContentFile\n"
        "from lmec.monitoring.models import Upload\n"
        "from lmec.monitoring.tasks import ingest_upload\n"
        "from tests.monitoring.factories import make_station\n"
        "make_station('TH-BKK')\n"
        "upload = Upload.objects.create(format='long', filename='day.csv')\n"
        f"upload.file.save('day.csv', ContentFile({content!r}.encode()), save=True)\n"
        "print(ingest_upload.enqueue(upload.pk).status, Upload.objects.get().status)\n",
        cwd=tmp_path,
    )
    assert queued.split() == ["READY", "pending"]
    run_lmec("db_worker", "--batch", "--no-startup-delay", cwd=tmp_path)
    after = run_lmec(
        "shell",
        "--no-imports",
        "-c",
        "from lmec.monitoring.models import Upload, DailyValue\n"
        "u = Upload.objects.get()\n"
        "print(u.status, u.rows_stored, DailyValue.objects.get().count)\n",
        cwd=tmp_path,
    )
    assert after.split() == ["done", "24", "24"]
