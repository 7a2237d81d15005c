"""GET /api/v1/framework/directions and /activities."""

import pytest

pytestmark = pytest.mark.django_db


def test_it_lists_five_directions_with_actions_and_activities(client):
    data = client.get("/api/v1/framework/directions?lang=en").json()
    assert data["language"] == "en"
    assert [d["code"] for d in data["items"]] == ["D1", "D2", "D3", "D4", "D5"]
    assert sum(len(d["actions"]) for d in data["items"]) == 13
    activities = [a for d in data["items"] for ac in d["actions"] for a in ac["activities"]]
    assert len(activities) == 31
    first = activities[0]
    assert first["code"] == "D1-A1-1" and first["timing"] == "annual"
    assert first["name_original"].startswith("澜湄绿色低碳与可持续基础设施知识共享平台圆桌对话")


@pytest.mark.parametrize("lang", ["zh-hans", "th", "vi", "lo", "km", "my"])
def test_it_answers_in_the_requested_language(client, lang):
    en = client.get("/api/v1/framework/activities?lang=en").json()["items"]
    other = client.get(f"/api/v1/framework/activities?lang={lang}").json()
    assert other["language"] == lang
    assert len(other["items"]) == 31
    assert all(a["name"] != b["name"] for a, b in zip(en, other["items"], strict=True))


def test_it_follows_accept_language_when_no_lang_is_given(client):
    data = client.get("/api/v1/framework/activities", HTTP_ACCEPT_LANGUAGE="vi,en;q=0.5").json()
    assert data["language"] == "vi"
    by_code = {a["code"]: a for a in data["items"]}
    assert by_code["D4-A3-1"]["name"] != by_code["D4-A3-1"]["name_original"]


def test_it_accepts_zh_cn_as_simplified_chinese(client):
    data = client.get("/api/v1/framework/activities?lang=zh-CN&direction=D1").json()
    assert data["language"] == "zh-hans"
    assert data["items"][0]["name"] == data["items"][0]["name_original"]


def test_it_filters_activities_by_direction(client):
    data = client.get("/api/v1/framework/activities?direction=D4&lang=en").json()
    assert data["count"] == 10
    assert [a["code"] for a in data["items"]][:2] == ["D4-A1-1", "D4-A1-2"]
    assert {a["direction"] for a in data["items"]} == {"D4"}
    lower = client.get("/api/v1/framework/activities?direction=d4").json()
    assert lower["count"] == 10


def test_it_filters_activities_by_timing(client):
    data = client.get("/api/v1/framework/activities?timing=annual").json()
    assert [a["code"] for a in data["items"]] == ["D1-A1-1", "D1-A1-2", "D1-A1-3"]


def test_it_reports_the_launch_year_of_the_knowledge_platform(client):
    data = client.get("/api/v1/framework/activities?direction=D5&lang=en").json()
    platform = data["items"][0]
    assert platform["code"] == "D5-A1-1"
    assert platform["launched_year"] == 2021
    assert "2021" in platform["timing_text"]


def test_it_rejects_an_unknown_language_with_the_valid_choices(client):
    response = client.get("/api/v1/framework/activities?lang=xx")
    assert response.status_code == 400
    assert "Unknown language 'xx'" in response.json()["detail"]
    assert "zh-hans, en, th, vi, lo, km, my" in response.json()["detail"]


def test_it_rejects_an_unknown_direction(client):
    response = client.get("/api/v1/framework/activities?direction=D9")
    assert response.status_code == 404
    assert "D1, D2, D3, D4, D5" in response.json()["detail"]


def test_it_rejects_an_unknown_timing(client):
    response = client.get("/api/v1/framework/activities?timing=weekly")
    assert response.status_code == 422


def test_it_publishes_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "LMEC platform API"
    assert "/api/v1/framework/directions" in schema["paths"]
    assert "/api/v1/framework/activities" in schema["paths"]
    parameters = {
        p["name"] for p in schema["paths"]["/api/v1/framework/activities"]["get"]["parameters"]
    }
    assert parameters == {"direction", "timing", "lang"}


def test_it_serves_the_api_docs_without_a_cdn(client):
    html = client.get("/api/v1/docs").content.decode()
    assert "swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
