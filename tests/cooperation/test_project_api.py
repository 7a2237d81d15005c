"""/api/v1/cooperation/projects: lists with filters, detail, writes through the services,
funding rows, downloads and totals."""

import io
import json

import pytest
from django.test import Client
from openpyxl import load_workbook

from lmec.cooperation.services import projects as services
from tests.cooperation.project_fixtures import *  # noqa: F403

API = "/api/v1/cooperation/projects"


def client_for(user):
    client = Client()
    if user is not None and user.is_authenticated:
        client.force_login(user)
    return client


def send(client, method, url, body):
    return getattr(client, method)(url, data=json.dumps(body), content_type="application/json")


@pytest.fixture
def two(users, orgs, rates):
    th = services.create_project(user=users.editor, data=PROJECT_DATA)  # noqa: F405
    services.add_funding(
        user=users.editor,
        project=th,
        data={
            "source_type": "F6",
            "kind": "commitment",
            "date": "2024-03-01",
            "amount": "1000000",
            "currency": "THB",
        },
    )
    vn = services.create_project(
        user=users.editor,
        data={
            "code": "vn-draft",
            "kind": "joint_research",
            "title": "Draft",
            "country": "VN",
            "published": False,
        },
    )
    return th, vn


def test_it_lists_published_projects_in_the_language_asked(client, two):
    body = client.get(f"{API}?lang=th").json()
    assert (body["language"], body["count"]) == ("th", 1)
    [item] = body["items"]
    assert item["title"] == "โครงการนำร่องเกษตรปลอดหมอกควัน"
    assert item["funding"][0]["amount_usd"] == "28300.00"
    assert item["funding_totals"] == [
        {"source_type": "F6", "budget": "0.00", "commitment": "28300.00", "disbursement": "0.00"}
    ]


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("status=ongoing", ["th-haze-pilot"]),
        ("status=completed", []),
        ("kind=pilot", ["th-haze-pilot"]),
        ("country=LA", ["th-haze-pilot"]),
        ("country=VN", []),
        ("activity=D4-A3-1", ["th-haze-pilot"]),
        ("direction=D4", ["th-haze-pilot"]),
        ("direction=D1", []),
        ("source_type=F6", ["th-haze-pilot"]),
        ("source_type=F1", []),
        ("year=2025", ["th-haze-pilot"]),
        ("year=2026", []),
    ],
)
def test_it_filters_the_list(client, two, query, codes):
    assert [i["code"] for i in client.get(f"{API}?{query}").json()["items"]] == codes


def test_it_names_the_choices_of_a_bad_filter(client, two):
    response = client.get(f"{API}?status=closed")
    assert response.status_code == 422
    assert "pipeline" in json.dumps(response.json())
    assert client.get(f"{API}?lang=xx").status_code == 400


def test_a_draft_is_seen_only_by_its_managers(client, users, two):
    assert client.get(f"{API}/vn-draft").status_code == 404
    assert client_for(users.focal["VN"]).get(f"{API}/vn-draft").status_code == 200
    assert client_for(users.focal["TH"]).get(f"{API}/vn-draft").status_code == 404


def test_it_creates_and_patches_a_project(users, orgs, rates):
    client = client_for(users.focal["TH"])
    response = send(
        client,
        "post",
        API,
        {"code": "th-new", "kind": "demonstration", "title": "New", "country": "TH"},
    )
    assert response.status_code == 201, response.content
    response = send(
        client, "patch", f"{API}/th-new", {"status": "ongoing", "summary": {"th": "สรุป"}}
    )
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["summary"]) == (
        "ongoing",
        "สรุป",
    )  # only Thai written: shown as the fallback
    assert response.json()["actual_start"] is not None


def test_it_answers_401_403_and_422(client, users, orgs, two):
    body = {"code": "x", "kind": "pilot", "title": "X", "country": "TH"}
    assert send(client, "post", API, body).status_code == 401
    assert send(client_for(users.member), "post", API, body).status_code == 403
    assert (
        send(
            client_for(users.focal["VN"]), "patch", f"{API}/th-haze-pilot", {"summary": "x"}
        ).status_code
        == 403
    )
    response = send(
        client_for(users.editor),
        "post",
        API,
        {**body, "partners": [{"organisation": "zz", "role": "9"}]},
    )
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"partners[0].organisation", "partners[0].role"}


def test_it_adds_edits_and_deletes_funding_rows(users, two):
    client = client_for(users.focal["TH"])
    response = send(
        client,
        "post",
        f"{API}/th-haze-pilot/funding",
        {"source_type": "F1", "date": "2024-05-01", "amount": "100000", "currency": "CNY"},
    )
    assert response.status_code == 201
    row = response.json()
    assert (row["usd_rate"], row["rate_date"], row["amount_usd"]) == (
        "0.1404",
        "2024-01-01",
        "14040.00",
    )
    response = send(
        client, "patch", f"{API}/th-haze-pilot/funding/{row['id']}", {"amount": "200000"}
    )
    assert response.json()["amount_usd"] == "28080.00"
    response = send(
        client,
        "post",
        f"{API}/th-haze-pilot/funding",
        {"source_type": "F1", "date": "2022-05-01", "amount": "1", "currency": "CNY"},
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "currency": ["No exchange rate for CNY on or before 2022-05-01; add one first."]
    }
    assert client.delete(f"{API}/th-haze-pilot/funding/{row['id']}").status_code == 204
    assert client.delete(f"{API}/th-haze-pilot/funding/{row['id']}").status_code == 404


def test_it_sums_funding_in_usd_by_source_and_country(client, users, two):
    th, vn = two
    services.add_funding(
        user=users.editor,
        project=vn,
        data={"source_type": "F6", "date": "2024-03-01", "amount": "5000", "currency": "USD"},
    )
    services.update_project(user=users.editor, project=vn, data={"published": True})
    body = client.get(f"{API}/funding-totals?year=2024").json()
    assert body["items"] == [
        {
            "source_type": "F6",
            "country": "TH",
            "kind": "commitment",
            "amount_usd": "28300.00",
            "rows": 1,
        },
        {
            "source_type": "F6",
            "country": "VN",
            "kind": "commitment",
            "amount_usd": "5000.00",
            "rows": 1,
        },
    ]


def test_it_downloads_the_list_as_csv_and_xlsx(client, two):
    response = client.get(f"{API}/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert (
        lines[0]
        == "code,title,kind,status,lead_country,countries,activities,planned_start,planned_end,budget_usd,committed_usd,disbursed_usd"
    )
    assert (
        lines[1]
        == "th-haze-pilot,Haze-free farming pilot,pilot,ongoing,TH,LA TH,D4-A3-1,2024-01-01,2025-12-31,0.0,28300.0,0.0"
    )
    assert len(lines) == 2  # the draft is not public
    book = load_workbook(io.BytesIO(client.get(f"{API}/export.xlsx").content))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[1][:2] == ("th-haze-pilot", "Haze-free farming pilot")


def test_it_reads_and_writes_a_sites_monitoring_station(users, orgs):
    from tests.monitoring.factories import make_station

    make_station("TH-MS1", latitude=20.43, longitude=99.88)
    client = client_for(users.focal["TH"])
    site = {"name": "Mae Sai", "country": "TH", "latitude": 20.43, "longitude": 99.88}
    body = {"code": "th-mae-sai", "kind": "pilot", "title": "Mae Sai", "country": "TH"}
    response = send(client, "post", API, {**body, "sites": [{**site, "station": "TH-MS1"}]})
    assert response.status_code == 201, response.content
    assert response.json()["sites"][0]["station"] == "TH-MS1"
    # a PATCH of the sites without the station keeps it; naming an unknown one is a 422
    response = send(client, "patch", f"{API}/th-mae-sai", {"sites": [site]})
    assert response.json()["sites"][0]["station"] == "TH-MS1"
    response = send(client, "patch", f"{API}/th-mae-sai", {"sites": [{**site, "station": "X"}]})
    assert response.status_code == 422
    assert "Unknown station" in response.content.decode()
