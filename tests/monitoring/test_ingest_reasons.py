"""Row-error reasons as codes: English for the CLI and the API, the reader's language on the
upload page (and in the API with ?lang=), stored English for reports older than the codes."""

import datetime as dt
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from lmec.monitoring import services
from lmec.monitoring.ingest import reasons
from lmec.monitoring.models import Station, StationParameter, Upload
from tests.helpers import PASSWORD

pytestmark = pytest.mark.django_db

TRANSLATED = ["zh-hans", "th", "vi", "lo", "km", "my"]
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
#: A value for every placeholder the messages use (lists where the reason lists choices).
SAMPLE = {
    "station": "TH-A",
    "parameter": "pm25",
    "air": "pm25, pm10",
    "unit": "ug",
    "units": ["µg/m³", "mg/m³"],
    "example": "<0.01",
    "other_example": "2024-03-01 13:00",
    "zone": "Asia/Bangkok",
    "now": "2026-12-01 10:00",
    "valid": "valid, ok",
    "invalid": "invalid, bad",
    "rows": "2, 4",
}
BAD_UNIT = "station,parameter,unit,time,value\nTH-A,pm25,ug,2026-11-01T00:00:00+07:00,12.5\n"


@pytest.fixture
def station(users):
    made = Station.objects.create(
        code="TH-A",
        name="TH-A",
        country_id="TH",
        site_type="urban",
        latitude=15,
        longitude=105,
        time_zone="Asia/Bangkok",
    )
    StationParameter.objects.create(station=made, parameter=1, unit="µg/m³")
    made.data_providers.add(users.provider)
    return made


def params_of(code):
    return {name: SAMPLE[name] for name in PLACEHOLDER.findall(reasons.MESSAGES[code])}


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("code", sorted(reasons.MESSAGES))
def test_it_translates_every_reason(code, lang):
    params = params_of(code)
    english = reasons.english(code, params)
    with translation.override(lang):
        text = reasons.translated({"code": code, "params": params, "reason": english})
    assert text != english
    for name, value in params.items():
        for item in value if isinstance(value, list) else [value]:
            assert item in text, (code, lang, name)


def test_it_joins_alternatives_with_the_language_or():
    params = {"parameter": "pm25", "units": ["µg/m³", "mg/m³"]}
    assert reasons.english("unit_missing", params) == (
        "the unit is empty; pm25 is given in µg/m³ or mg/m³"
    )
    with translation.override("zh-hans"):
        text = reasons.translated({"code": "unit_missing", "params": params})
    assert text == "单位为空；pm25 的单位应为 µg/m³或mg/m³"


@pytest.mark.parametrize(
    "error",
    [
        {"row": 1, "column": "unit", "value": "ug", "reason": "an old English reason"},
        {"row": 1, "column": "unit", "value": "ug", "reason": "an old English reason",
         "code": "no_such_code", "params": {}},
        {"row": 1, "column": "unit", "value": "ug", "reason": "an old English reason",
         "code": "unit_missing", "params": {"parameter": "pm25"}},
    ],
)  # fmt: skip
def test_it_falls_back_to_the_stored_english(error):
    with translation.override("th"):
        assert reasons.translated(error) == "an old English reason"


def login_and_upload(client, user, text):
    assert client.login(username=user.username, password=PASSWORD)
    upload = SimpleUploadedFile("data.csv", text.encode(), content_type="text/csv")
    return client.post("/th/monitoring/upload/", {"file": upload})


def test_it_shows_the_thai_reason_for_a_bad_unit_on_the_upload_page(client, users, station):
    response = login_and_upload(client, users.provider, BAD_UNIT)
    upload = Upload.objects.get()
    assert upload.report == [
        {
            "row": 1,
            "column": "unit",
            "value": "ug",
            "reason": "unknown unit 'ug'; pm25 is given in µg/m³ or mg/m³",
            "code": "unit_unknown",
            "params": {"unit": "ug", "parameter": "pm25", "units": ["µg/m³", "mg/m³"]},
        }
    ]
    html = client.get(response["Location"]).content.decode()
    assert "ไม่รู้จักหน่วย “ug” หน่วยของ pm25 คือ µg/m³ หรือ mg/m³" in html
    assert "unknown unit" not in html
    # the refusal sentence is Thai too, the English summary is not shown
    assert "มี 1 แถวที่มีข้อผิดพลาด จึงไม่ได้จัดเก็บข้อมูลใดเลย" in html
    assert "nothing was stored" not in html
    # the downloadable report keeps the English reason and adds the code
    report = client.get(response["Location"] + "report.json").json()
    assert report["errors"][0]["code"] == "unit_unknown"


def test_it_still_shows_an_old_report_without_codes(client, users, station):
    old = Upload.objects.create(
        user=users.provider,
        filename="old.csv",
        format="long",
        status="refused",
        rows_read=1,
        rows_refused=1,
        report=[{"row": 7, "column": "value", "value": "abc", "reason": "not a number"}],
        message="refused: 1 of the rows have errors (1 errors); nothing was stored.",
    )
    assert client.login(username=users.provider.username, password=PASSWORD)
    html = client.get(f"/th/monitoring/uploads/{old.pk}/").content.decode()
    assert "<td>7</td><td>value</td><td><code>abc</code></td><td>not a number</td>" in html


def push(client, key, query=""):
    body = {
        "measurements": [
            {
                "station": "TH-A",
                "parameter": "pm25",
                "unit": "ppb",
                "time": dt.datetime(2026, 11, 1).isoformat() + "+07:00",
                "value": 3,
            }
        ]
    }
    return client.post(
        "/api/v1/monitoring/measurements" + query,
        json.dumps(body),
        content_type="application/json",
        HTTP_X_API_KEY=key,
        HTTP_ACCEPT_LANGUAGE="th",
    )


@pytest.fixture
def key(users, station):
    _key, raw = services.create_api_key(user=users.provider, name="logger", stations=[station])
    return raw


def test_it_answers_english_reasons_with_their_code_by_default(client, key):
    response = push(client, key)
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "row": 1,
            "column": "unit",
            "value": "ppb",
            "reason": "ppb cannot be used for pm25: particles have no molar mass; use µg/m³ "
            "or mg/m³",
            "code": "unit_particles_molar",
            "params": {"unit": "ppb", "parameter": "pm25", "units": ["µg/m³", "mg/m³"]},
        }
    ]


def test_it_answers_reasons_in_the_language_asked_for(client, key):
    [error] = push(client, key, "?lang=vi").json()["errors"]
    assert error["reason"] == (
        "không thể dùng ppb cho pm25: bụi không có khối lượng mol; hãy dùng µg/m³ hoặc mg/m³"
    )
    assert error["code"] == "unit_particles_molar"


def test_it_refuses_an_unknown_language_before_storing(client, key):
    response = push(client, key, "?lang=fr")
    assert response.status_code == 400
    assert "choose one of" in response.json()["detail"]
    assert not Upload.objects.exists()
