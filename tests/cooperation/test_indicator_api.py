"""``/api/v1/cooperation/progress…`` and ``/indicators…``: the same figures as the
indicator functions, exact answers for the past years of the hand-counted records, writes
per role, and the documented errors."""

import io
import json

import openpyxl
import pytest

from lmec.cooperation import indicators
from lmec.cooperation.models import Indicator, IndicatorValue

from . import indicator_fixtures

records = indicator_fixtures.records  # the fixture, used by name

pytestmark = pytest.mark.django_db
API = "/api/v1/cooperation"


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


def test_it_answers_the_progress_of_a_past_year_exactly(client, records):
    data = get(client, f"{API}/progress?year_from=2025&year_to=2025&lang=en")
    d1 = next(d for d in data["directions"] if d["code"] == "D1")
    assert (d1["events"], d1["projects"], d1["gaps"], d1["activities"]) == (0, 0, 3, 6)
    assert data["projects"]["by_status"]["ongoing"] == 1  # p1
    assert data["funding"] == [
        {
            "source_type": "F1",
            "source_name": "Lancang-Mekong Cooperation Special Fund",
            "country": "LA",
            "projects": 1,
            "budget_usd": 0.0,
            "commitment_usd": 0.0,
            "disbursement_usd": 30000.0,
        }
    ]
    assert {k["theme"]: k["resources"] for k in data["knowledge"]}["energy-climate"] == 1
    assert data["participants"]["total"] == 0
    assert (data["language"], data["year_from"], data["country"]) == ("en", 2025, None)


def test_it_answers_what_the_indicator_functions_compute(client, records):
    data = get(client, f"{API}/progress?country=TH")
    assert data["directions"] == indicators.direction_summary(country="TH")
    assert data["participants"] == indicators.participants(
        country="TH", year_from=2023, year_to=2027
    )
    rows = get(client, f"{API}/progress/activities?direction=D1")
    assert rows["count"] == 6
    assert rows["items"] == indicators.activity_progress(direction="D1")


def test_it_lists_the_gaps_of_a_year(client, records):
    data = get(client, f"{API}/progress/gaps?year=2025")
    assert [g["code"] for g in data["items"]] == ["D1-A1-1", "D1-A1-2", "D1-A1-3"]
    assert data["count"] == 3
    th = get(client, f"{API}/progress/gaps?year=2024&country=TH")
    assert [g["code"] for g in th["items"]] == ["D1-A1-1", "D1-A1-3"]


@pytest.mark.parametrize(
    "url, status, words",
    [
        ("/progress/gaps", 422, "year"),
        ("/progress/gaps?year=1800", 422, "year"),
        ("/progress?country=FR", 422, "country"),
        ("/progress?lang=fr", 400, "zh-hans, en, th"),
        ("/progress/export/nothing.csv", 422, "table"),
        ("/progress/export/funding.pdf", 422, "format"),
        ("/indicators/no-such-thing", 404, "No indicator 'no-such-thing'"),
    ],
)
def test_it_refuses_bad_parameters_with_a_documented_error(client, records, url, status, words):
    response = client.get(API + url)
    assert response.status_code == status
    assert words in json.dumps(response.json())


def test_it_takes_the_window_either_way_round(client, records):
    assert get(client, f"{API}/progress?year_from=2026&year_to=2024") == get(
        client, f"{API}/progress?year_from=2024&year_to=2026"
    )


def test_it_exports_the_funding_table_as_csv_and_xlsx(client, records):
    response = client.get(f"{API}/progress/export/funding.csv?year=2024")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="progress-funding-2024.csv"'
    assert response.content.decode().splitlines() == [
        "source_type,source_name,country,projects,budget_usd,commitment_usd,disbursement_usd",
        "F1,Lancang-Mekong Cooperation Special Fund,LA,1,0.0,100000.0,40000.5",
    ]
    response = client.get(f"{API}/progress/export/gaps.xlsx?year=2025")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][:2] == ("year", "code")
    assert [row[1] for row in values[1:]] == ["D1-A1-1", "D1-A1-2", "D1-A1-3"]


def test_it_gives_an_indicator_with_its_regional_and_national_series(client, records):
    listing = get(client, f"{API}/indicators")
    assert listing["count"] == 1
    assert listing["items"][0]["values"][:2] == [
        {"year": 2023, "country": None, "value": 12.0, "note": ""},
        {"year": 2023, "country": "TH", "value": 3.0, "note": ""},
    ]
    detail = get(client, f"{API}/indicators/stations-sharing")
    assert [(s["country"], s["values"], s["progress"]) for s in detail["series"]] == [
        (None, {"2023": 12.0, "2024": 15.0, "2025": 20.0}, 0.5),
        ("TH", {"2023": 3.0}, -0.35),
    ]


ROLES = ["admin", "editor", "member", "provider", "anonymous", "focal_th", "focal_vn"]


def login(client, users, role):
    if role == "anonymous":
        return
    user = users.focal[role[-2:].upper()] if role.startswith("focal_") else getattr(users, role)
    client.force_login(user)


@pytest.mark.parametrize(
    "role, status",
    [
        ("admin", 201),
        ("editor", 201),
        ("member", 403),
        ("provider", 403),
        ("anonymous", 401),
        ("focal_th", 403),
        ("focal_vn", 403),
    ],
)
def test_it_lets_only_editors_create_an_indicator(client, users, role, status):
    login(client, users, role)
    body = {"code": "cities-pm25", "name": {"en": "Cities", "vi": "Thành phố"}, "direction": "D4"}
    response = client.post(f"{API}/indicators", body, content_type="application/json")
    assert response.status_code == status, response.content
    assert Indicator.objects.filter(code="cities-pm25").exists() == (status == 201)


@pytest.mark.parametrize(
    "role, status",
    [
        ("admin", 200),
        ("editor", 200),
        ("member", 403),
        ("provider", 403),
        ("anonymous", 401),
        ("focal_th", 403),
        ("focal_vn", 403),
    ],
)
def test_it_lets_only_editors_change_an_indicator(client, users, records, role, status):
    login(client, users, role)
    response = client.patch(
        f"{API}/indicators/stations-sharing", {"target": 40}, content_type="application/json"
    )
    assert response.status_code == status, response.content
    assert Indicator.objects.get().target == (40.0 if status == 200 else 30.0)


@pytest.mark.parametrize(
    "role, status",
    [
        ("admin", 201),
        ("editor", 201),
        ("member", 403),
        ("provider", 403),
        ("anonymous", 401),
        ("focal_th", 201),
        ("focal_vn", 403),
    ],
)
def test_it_lets_the_right_people_put_a_country_value(client, users, records, role, status):
    login(client, users, role)
    response = client.put(
        f"{API}/indicators/stations-sharing/values/2024",
        {"value": 4, "country": "TH", "note": "PCD"},
        content_type="application/json",
    )
    assert response.status_code == status, response.content
    stored = IndicatorValue.objects.filter(year=2024, country_id="TH").first()
    assert (stored is not None) == (status == 201)
    if status == 201:
        assert response.json() == {"year": 2024, "country": "TH", "value": 4.0, "note": "PCD"}


@pytest.mark.parametrize(
    "role, status",
    [
        ("admin", 204),
        ("editor", 204),
        ("member", 403),
        ("provider", 403),
        ("anonymous", 401),
        ("focal_th", 204),
        ("focal_vn", 403),
    ],
)
def test_it_lets_the_right_people_delete_a_country_value(client, users, records, role, status):
    login(client, users, role)
    response = client.delete(f"{API}/indicators/stations-sharing/values/2023?country=TH")
    assert response.status_code == status, response.content
    assert IndicatorValue.objects.filter(country_id="TH").exists() == (status != 204)


def test_it_names_the_bad_fields_of_a_write(client, users, records):
    client.force_login(users.editor)
    response = client.post(
        f"{API}/indicators",
        {"code": "stations-sharing", "name": "x", "activity": "D9-A9-9"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"code", "activity"}
    response = client.put(
        f"{API}/indicators/stations-sharing/values/2024",
        {"value": "many"},
        content_type="application/json",
    )
    assert response.status_code == 422
    response = client.put(
        f"{API}/indicators/stations-sharing/values/2024",
        {"value": 1, "country": "TH"},
        content_type="application/json",
    )
    assert (response.status_code, response.json()["value"]) == (201, 1.0)
    again = client.put(
        f"{API}/indicators/stations-sharing/values/2024",
        {"value": 2, "country": "TH"},
        content_type="application/json",
    )
    assert (again.status_code, again.json()["value"]) == (200, 2.0)
