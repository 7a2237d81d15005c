"""/api/v1/monitoring/water: sites, one site, class history; errors named and documented."""

import json
import re

import pytest

from tests.monitoring.test_water_selectors import CN_LAKE
from tests.monitoring.water_data import make_sites

pytestmark = pytest.mark.django_db

API = "/api/v1/monitoring/water"


def klass(key, rank, official, colour, ink):
    return {
        "key": key,
        "rank": rank,
        "name": f"Class {key}",
        "official_name": official,
        "official_language": "zh-hans",
        "colour": colour,
        "ink": ink,
    }


CLASS_II = klass("II", 2, "Ⅱ类", "#4fb3e8", "#000000")
CLASS_III = klass("III", 3, "Ⅲ类", "#3aa655", "#000000")
CLASS_IV = klass("IV", 4, "Ⅳ类", "#f2d22e", "#000000")


def value(code, name, number, display, klass, *, flags=(), counted=True):
    return {
        "code": code,
        "name": name,
        "unit": "mg/L",
        "value": number,
        "censor": "",
        "display": display,
        "time": "2024-06-04T15:30:00Z",
        "flags": list(flags),
        "in_standard": True,
        "counted": counted,
        "class": klass,
        "undetermined": False,
    }


HISTORY_4_JUNE = {
    "language": "en",
    "code": "CN-R-01",
    "standard": {**CN_LAKE["standard"], "waterbody": "river"},
    "notes": CN_LAKE["notes"],
    "start": "2024-06-04",
    "end": "2024-06-04",
    "count": 1,
    "items": [
        {
            "date": "2024-06-04",
            "class": CLASS_IV,
            "limiting": {"code": "do", "name": "Dissolved oxygen"},
            "undetermined": False,
            "parameters": [
                value("do", "Dissolved oxygen", 4.2, "4.2", CLASS_IV),
                value(
                    "cod_mn",
                    "Permanganate index (CODMn)",
                    20.0,
                    "20",
                    None,
                    flags=["provider"],
                    counted=False,
                ),
                value("nh3_n", "Ammonia nitrogen", 0.8, "0.8", CLASS_III),
                value("tp", "Total phosphorus", 0.05, "0.05", CLASS_II),
            ],
        }
    ],
}


@pytest.fixture
def sites(db):
    return make_sites()


def test_it_lists_the_sites_as_count_and_items(client, sites):
    body = client.get(f"{API}/sites").json()
    assert body["language"] == "en" and body["count"] == 7
    assert [s["code"] for s in body["items"]] == [
        "KH-M-01",
        "CN-L-01",
        "CN-R-01",
        "LA-M-01",
        "TH-M-01",
        "VN-L-01",
        "VN-R-01",
    ]


def test_it_answers_a_sites_record_exactly(client, sites):
    response = client.get(f"{API}/sites?country=CN&limit=1")
    assert response.status_code == 200
    assert response.json() == {"language": "en", "count": 2, "items": [CN_LAKE]}


def test_it_pages_with_limit_and_offset(client, sites):
    body = client.get(f"{API}/sites?limit=2&offset=1").json()
    assert body["count"] == 7
    assert [s["code"] for s in body["items"]] == ["CN-L-01", "CN-R-01"]


def test_it_answers_geojson(client, sites):
    response = client.get(f"{API}/sites?country=CN&limit=1&format=geojson")
    assert response.status_code == 200
    assert response.json() == {
        "type": "FeatureCollection",
        "language": "en",
        "count": 2,
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [105.0, 15.0]},
                "properties": CN_LAKE,
            }
        ],
    }


def test_it_answers_a_site_with_its_latest_sample(client, sites):
    response = client.get(f"{API}/sites/VN-R-01")
    assert response.status_code == 200
    latest = response.json()["latest"]
    assert (latest["date"], latest["class"]["key"], latest["limiting"]["code"]) == (
        "2024-02-20",
        "D",
        "total_coliform",
    )
    phosphorus = next(p for p in latest["parameters"] if p["code"] == "tp")
    assert phosphorus == {
        "code": "tp",
        "name": "Total phosphorus",
        "unit": "mg/L",
        "value": 0.05,
        "censor": "<",
        "display": "< 0.05",
        "time": "2024-02-20T07:00:00Z",
        "flags": [],
        "in_standard": True,
        "counted": True,
        "class": {
            "key": "A",
            "rank": 1,
            "name": "Level A",
            "official_name": "Mức A",
            "official_language": "vi",
            "colour": "#4fb3e8",
            "ink": "#000000",
        },
        "undetermined": False,
    }


def test_it_answers_the_class_history_exactly(client, sites):
    response = client.get(f"{API}/sites/CN-R-01/classes?start=2024-06-04&end=2024-06-04")
    assert response.status_code == 200
    assert response.json() == HISTORY_4_JUNE


def test_it_answers_the_whole_history_oldest_first(client, sites):
    body = client.get(f"{API}/sites/CN-R-01/classes").json()
    assert [(i["date"], i["class"]["key"]) for i in body["items"]] == [
        ("2024-03-05", "III"),
        ("2024-06-04", "IV"),
        ("2024-06-05", "I"),
    ]
    assert (body["start"], body["end"], body["count"]) == (None, None, 3)


def test_it_answers_in_the_requested_language(client, sites):
    body = client.get(f"{API}/sites/TH-M-01?lang=th").json()
    assert body["latest"]["class"]["official_name"] == "ประเภทที่ 5"
    body = client.get(f"{API}/sites", HTTP_ACCEPT_LANGUAGE="vi").json()
    assert body["language"] == "vi"


@pytest.mark.parametrize(
    ("url", "status", "detail"),
    [
        (
            "/sites/CN-R-01?lang=xx",
            400,
            "Unknown language 'xx'; choose one of: zh-hans, en, th, vi, lo, km, my.",
        ),
        ("/sites/CN-R-01/classes?start=June", 400, "start: 'June' is not a date (YYYY-MM-DD)."),
        ("/sites/CN-R-01/classes?end=0.0", 400, "end: '0.0' is not a date (YYYY-MM-DD)."),
        (
            "/sites/CN-R-01/classes?start=20240605",
            400,
            "start: '20240605' is not a date (YYYY-MM-DD).",
        ),
        (
            "/sites/CN-R-01/classes?start=2024-02-30",
            400,
            "start: '2024-02-30' is not a date (YYYY-MM-DD).",
        ),
        ("/sites/NO-SUCH", 404, "No water sampling site 'NO-SUCH'."),
        ("/sites/TH-AIR-01", 404, "No water sampling site 'TH-AIR-01'."),
        ("/sites/NO-SUCH/classes", 404, "No water sampling site 'NO-SUCH'."),
        ("/sites/a%20b/classes", 404, "No water sampling site 'a b'."),
    ],
)
def test_it_names_what_is_wrong(client, sites, url, status, detail):
    response = client.get(API + url)
    assert response.status_code == status
    assert response.json() == {"detail": detail}


@pytest.mark.parametrize(
    ("url", "where", "message"),
    [
        ("/sites?format=xml", ["query", "format"], "Input should be 'json' or 'geojson'"),
        ("/sites?country=XX", ["query", "country"], "Input should be 'CN', 'KH', 'LA', 'MM', "),
        ("/sites?limit=0", ["query", "limit"], "Input should be greater than or equal to 1"),
    ],
)
def test_it_answers_422_for_a_malformed_parameter(client, sites, url, where, message):
    response = client.get(API + url)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == where and error["msg"].startswith(message)


def test_it_accepts_any_well_formed_period(client, sites):
    late = client.get(f"{API}/sites/CN-R-01/classes?start=9999-12-31").json()
    early = client.get(f"{API}/sites/CN-R-01/classes?end=0001-01-01").json()
    reversed_ = client.get(f"{API}/sites/CN-R-01/classes?start=2024-06-05&end=2024-06-04")
    assert late["count"] == 0 and early["count"] == 0
    assert reversed_.status_code == 200 and reversed_.json()["count"] == 0


def test_it_documents_every_error_response(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    documented = {
        path: set(paths[f"/api/v1/monitoring/water{path}"]["get"]["responses"])
        for path in ("/sites", "/sites/{code}", "/sites/{code}/classes")
    }
    assert documented == {
        "/sites": {"200", "400", "422"},
        "/sites/{code}": {"200", "400", "404", "422"},
        "/sites/{code}/classes": {"200", "400", "404", "422"},
    }


def test_its_schemas_cannot_replace_another_apps(client):
    # OpenAPI schema names are global: two "LatestOut" classes would overwrite each other
    spec = client.get("/api/v1/openapi.json").json()
    water = {k: v for k, v in spec["paths"].items() if k.startswith("/api/v1/monitoring/water")}
    refs = set(re.findall(r'"#/components/schemas/([^"]+)"', json.dumps(water)))
    assert refs == {
        "WaterSiteList",
        "WaterFeatureCollectionOut",
        "WaterSiteDetailOut",
        "WaterClassHistory",
        "ErrorOut",
        "ValidationErrorOut",
    }
    schemas = spec["components"]["schemas"]
    assert "undetermined" in schemas["WaterLatestOut"]["properties"]
    assert "parameters" in schemas["WaterSampleOut"]["properties"]
