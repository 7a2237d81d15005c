"""GET /api/v1/quality/aqi/…: the standards, one index, and the side-by-side comparison."""

import pytest

from lmec.quality import aqi

pytestmark = pytest.mark.django_db


def test_it_lists_every_standard_with_its_tables(client):
    data = client.get("/api/v1/quality/aqi/standards?lang=en").json()
    assert data["count"] == len(aqi.STANDARDS)
    by_id = {s["id"]: s for s in data["items"]}
    us = by_id["us-epa-2024"]
    pm25 = next(p for p in us["pollutants"] if p["id"] == "pm25_24h")
    # EPA-454/B-24-002 Table 6 (2024): 0.0-9.0 -> 0-50, 9.1-35.4 -> 51-100
    assert pm25["breakpoints"][:2] == [[0.0, 9.0, 0, 50], [9.1, 35.4, 51, 100]]
    assert us["categories"][2]["key"] == "unhealthy_sensitive"
    th = by_id["th-pcd-2023"]
    assert th["categories"][-1]["high"] is None  # "201 and above"
    assert th["country_name"] == "Thailand"


def test_it_translates_category_names_but_keeps_the_official_one(client):
    data = client.get("/api/v1/quality/aqi/standards?lang=th").json()
    cn = next(s for s in data["items"] if s["id"] == "cn-hj633-2012")
    excellent = cn["categories"][0]
    assert excellent["name"] == "ดีเยี่ยม"
    assert excellent["official_name"] == "优" and excellent["official_language"] == "zh-hans"
    assert cn["country_name"] == "จีน"


def test_it_computes_the_epa_worked_example(client):
    # EPA-454/B-24-002 eq. 1: PM2.5 35.9 -> 102, O3 0.078 ppm -> 126
    data = client.get("/api/v1/quality/aqi/us-epa-2024?pm25_24h=35.9&o3_8h=0.078").json()
    assert data == {
        "standard": "us-epa-2024",
        "aqi": 126,
        "category": data["category"],
        "dominant": "o3_8h",
        "sub_indices": {"pm25_24h": 102, "o3_8h": 126},
    }
    assert data["category"]["key"] == "unhealthy_sensitive"


def test_it_reports_an_index_it_cannot_compute_as_null(client):
    # HJ 633-2012 Table 1 note 2: 1-hour SO2 above 800 µg/m³ has no IAQI
    data = client.get("/api/v1/quality/aqi/cn-hj633-2012?so2_1h=900").json()
    assert data["aqi"] is None and data["category"] is None
    assert data["sub_indices"] == {"so2_1h": None}


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/api/v1/quality/aqi/xx-1?pm25_24h=3", 404, "unknown AQI standard 'xx-1'"),
        ("/api/v1/quality/aqi/us-epa-2024?pm25_1h=3", 400, "has no pollutant 'pm25_1h'"),
        ("/api/v1/quality/aqi/us-epa-2024?pm25_24h=abc", 400, "pm25_24h: 'abc' is not a number"),
        ("/api/v1/quality/aqi/us-epa-2024?pm25_24h=-1", 400, "a number of 0 or more"),
        ("/api/v1/quality/aqi/us-epa-2024?pm25_24h=nan", 400, "a number of 0 or more"),
        ("/api/v1/quality/aqi/us-epa-2024", 400, "Give at least one concentration"),
        ("/api/v1/quality/aqi/compare", 400, "Give at least one concentration"),
        ("/api/v1/quality/aqi/standards?lang=fr", 400, "Unknown language 'fr'"),
    ],
)
def test_it_names_what_is_wrong(client, url, status, message):
    response = client.get(url)
    assert response.status_code == status
    assert message in response.json()["detail"]


def test_it_rejects_a_negative_reading_in_the_comparison(client):
    response = client.get("/api/v1/quality/aqi/compare?pm25_24h=-1")
    assert response.status_code == 400
    assert response.json()["detail"] == (
        "pm25_24h: a concentration must be a number of 0 or more (at most 1e+06)."
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/v1/quality/aqi/compare?pm25_1h=3", "The comparison has no pollutant 'pm25_1h'"),
        ("/api/v1/quality/aqi/us-epa-2024?pm10_24h=2e6", "(at most 1e+06)"),
        ("/api/v1/quality/aqi/standards?lang=", "Unknown language ''"),
        ("/api/v1/quality/aqi/standards?lang=zhx", "Unknown language 'zhx'"),
    ],
)
def test_it_refuses_what_the_schema_does_not_allow(client, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_it_compares_one_reading_under_every_standard(client):
    data = client.get("/api/v1/quality/aqi/compare?pm25_24h=55.7&lang=vi").json()
    assert data["readings"] == {"pm25_24h": 55.7}
    by_id = {r["standard"]: r for r in data["items"]}
    assert list(by_id) == list(aqi.STANDARDS)
    # QĐ 1459/QĐ-TCMT 2.3 c: 55.7 -> 110, "Kém"
    assert by_id["vn-1459-2019"]["aqi"] == 110
    assert by_id["vn-1459-2019"]["category"]["name"] == "Kém"
    assert by_id["cn-hj633-2026"]["aqi"] == 92


def test_it_documents_the_quality_endpoints_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    assert "/api/v1/quality/aqi/standards" in paths
    # one operation per standard, each with its own pollutants and units
    epa = paths["/api/v1/quality/aqi/us-epa-2024"]["get"]
    readings = next(p for p in epa["parameters"] if p["name"] == "readings")
    assert (readings["style"], readings["explode"]) == ("form", True)
    assert readings["schema"]["minProperties"] == 1
    assert readings["schema"]["additionalProperties"] is False
    assert readings["schema"]["properties"]["o3_8h"]["description"] == "O3 8h [ppm]"
    assert set(epa["responses"]) == {"200", "400", "404", "422"}
    compare = paths["/api/v1/quality/aqi/compare"]["get"]
    params = {p["name"]: p for p in compare["parameters"]}
    assert set(params) == {"readings", "lang"}
    assert {"pm25_24h", "o3_8h", "co_8h"} <= set(params["readings"]["schema"]["properties"])
    assert params["lang"]["schema"]["pattern"].startswith("^([zZ][hH]|")
