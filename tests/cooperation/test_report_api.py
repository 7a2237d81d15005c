"""``/api/v1/cooperation/report``: the years, and a year's report as JSON."""

import pytest

from lmec.cooperation.report import report_data

from .report_fixture import YEAR, report_records

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(db):
    return report_records()


def test_it_lists_the_years_with_their_addresses(client):
    body = client.get("/api/v1/cooperation/report?lang=th").json()
    assert body["language"] == "th"
    assert body["items"][:2] == [
        {
            "year": 2023,
            "html": "/th/reports/2023/",
            "pdf": "/th/reports/2023.pdf",
            "json_url": "/api/v1/cooperation/report/2023?lang=th",
        },
        {
            "year": 2024,
            "html": "/th/reports/2024/",
            "pdf": "/th/reports/2024.pdf",
            "json_url": "/api/v1/cooperation/report/2024?lang=th",
        },
    ]
    assert body["count"] == len(body["items"])


def test_it_answers_the_report_of_a_year_as_json(client, records):
    response = client.get(f"/api/v1/cooperation/report/{YEAR}?lang=zh-CN")
    assert response.status_code == 200
    body = response.json()
    assert body == report_data(YEAR, "zh-hans")  # the same dict the page and PDF draw
    assert body["language"] == "zh-hans"
    assert body["countries"][0] == {"code": "KH", "name": "柬埔寨"}
    assert body["funding"]["totals"] == {
        "budget_usd": 0.0,
        "commitment_usd": 163000.0,
        "disbursement_usd": 79000.0,
    }


def test_it_follows_accept_language(client, records):
    body = client.get(f"/api/v1/cooperation/report/{YEAR}", HTTP_ACCEPT_LANGUAGE="vi").json()
    assert body["language"] == "vi" and body["countries"][0]["name"] == "Campuchia"


@pytest.mark.parametrize(
    "url, status, detail",
    [
        (
            "/api/v1/cooperation/report/2019",
            404,
            "No report for the year 2019; choose a year from 2023 to",
        ),
        (
            "/api/v1/cooperation/report/2024?lang=fr",
            400,
            "Unknown language 'fr'; choose one of: zh-hans, en",
        ),
    ],
)
def test_it_refuses_a_bad_year_or_language(client, url, status, detail):
    response = client.get(url)
    assert response.status_code == status
    assert response.json()["detail"].startswith(detail)


def test_it_names_the_type_of_a_year_that_is_not_a_number(client):
    response = client.get("/api/v1/cooperation/report/next")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["path", "year"]
