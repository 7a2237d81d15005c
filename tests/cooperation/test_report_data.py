"""The evaluation report's data against the hand-counted records of ``report_fixture``."""

import pytest

from lmec.cooperation.report import ReportError, available_years, report_data
from lmec.cooperation.report.data import (
    funding_summary,
    project_rows,
    public_assessment,
    self_assessments,
)
from lmec.cooperation.selectors import current_strategy

from .report_fixture import TODAY, YEAR, report_records

pytestmark = pytest.mark.django_db

ZERO = {"budget_usd": 0.0, "commitment_usd": 0.0, "disbursement_usd": 0.0}


@pytest.fixture
def records(db):
    return report_records()


def test_it_lists_the_projects_running_in_the_year_with_funding_to_its_end(records):
    assert project_rows(year=YEAR) == [
        {
            "code": "mekong-air-pilot",
            "title": "Urban air monitoring pilot",
            "kind": "pilot",
            "kind_label": "Pilot project",
            "status": "ongoing",
            "status_label": "Ongoing",
            "country": "TH",
            "country_name": "Thailand",
            "countries": ["LA", "TH"],
            "start": "2023-03-01",
            "end": "2025-12-31",
            "budget_usd": 200000.0,
            "commitment_usd": 138500.0,
            "disbursement_usd": 69000.0,
        },
        {
            "code": "tonle-sap-water",
            "title": "Tonle Sap water quality demonstration",
            "kind": "demonstration",
            "kind_label": "Demonstration project",
            "status": "pipeline",
            "status_label": "Planned",
            "country": "KH",
            "country_name": "Cambodia",
            "countries": [],
            "start": "2024-09-01",
            "end": None,
            "budget_usd": 0.0,
            "commitment_usd": 24500.0,
            "disbursement_usd": 0.0,
        },
    ]


def test_it_sums_the_years_funding_by_source_type_and_lead_country(records):
    funding = funding_summary(year=YEAR, strategy=current_strategy())
    by_source = {
        row["code"]: {k: v for k, v in row.items() if k.endswith("_usd")}
        for row in funding["by_source"]
    }
    assert list(by_source) == ["F1", "F2", "F3", "F4", "F5", "F6"]
    assert by_source == {
        "F1": {**ZERO, "commitment_usd": 138500.0, "disbursement_usd": 69000.0},
        "F2": ZERO,
        "F3": ZERO,
        "F4": {**ZERO, "commitment_usd": 24500.0},
        "F5": {**ZERO, "disbursement_usd": 10000.0},
        "F6": ZERO,
    }
    assert funding["by_source"][0]["name"] == "Lancang-Mekong Cooperation Special Fund"
    assert funding["by_country"] == [
        {"country": "KH", "name": "Cambodia", **ZERO, "commitment_usd": 24500.0},
        {
            "country": "TH",
            "name": "Thailand",
            **ZERO,
            "commitment_usd": 138500.0,
            "disbursement_usd": 69000.0,
        },
        {"country": None, "name": "", **ZERO, "disbursement_usd": 10000.0},
    ]
    assert funding["totals"] == {**ZERO, "commitment_usd": 163000.0, "disbursement_usd": 79000.0}
    assert funding["rates"] == [
        {"currency": "CNY", "usd_per_unit": "0.138", "rate_date": "2024-05-31", "rows": 1},
        {"currency": "CNY", "usd_per_unit": "0.1385", "rate_date": "2024-01-31", "rows": 1},
        {"currency": "KHR", "usd_per_unit": "0.000245", "rate_date": "2024-09-30", "rows": 1},
    ]


def test_it_shows_only_submitted_self_assessments_of_the_year(records):
    result = self_assessments(year=YEAR)
    assert [row["country"] for row in result["missing"]] == ["KH", "CN", "LA", "MM", "VN"]
    [thailand] = result["items"]
    assert {k: v for k, v in thailand.items() if k != "entries"} == {
        "country": "TH",
        "name": "Thailand",
        "language": "th",
        "submitted_on": "2025-02-10",
        "summary": "ประเทศไทยดำเนินกิจกรรมตามแผนปี 2567",
        "mean_rating": 4.5,
    }
    assert [
        (e["direction"], e["activity"], e["status"], e["rating"]) for e in thailand["entries"]
    ] == [
        ("D1", None, "ongoing", 4),
        ("D1", "D1-A1-1", "ongoing", None),
        ("D4", "D4-A3-1", "completed", 5),
    ]
    assert thailand["entries"][2]["achievements"] == "สถานีตรวจวัด 3 แห่ง"
    assert thailand["entries"][1]["challenges"] == "งบประมาณ"


def test_it_summarises_approved_feedback_of_the_year_per_target_kind(records):
    def dist(**n):
        return {str(r): n.get(f"r{r}", 0) for r in range(1, 6)}

    assert public_assessment(year=YEAR) == {
        "items": [
            {"kind": "activity", "count": 2, "mean": 4.5, "distribution": dist(r4=1, r5=1)},
            {"kind": "event", "count": 1, "mean": 3.0, "distribution": dist(r3=1)},
            {"kind": "project", "count": 1, "mean": 5.0, "distribution": dist(r5=1)},
        ],
        "total": {"kind": "all", "count": 4, "mean": 4.25, "distribution": dist(r3=1, r4=1, r5=2)},
    }


def test_it_gives_no_mean_without_feedback(db):
    assert public_assessment(year=2025)["total"] == {
        "kind": "all",
        "count": 0,
        "mean": None,
        "distribution": {"1": 0, "2": 0, "3": 0, "4": 0, "5": 0},
    }


def test_it_offers_the_strategy_years_up_to_this_year(db):
    assert available_years(today=TODAY) == [2023, 2024, 2025, 2026]
    assert available_years(today=TODAY.replace(year=2031)) == [2023, 2024, 2025, 2026, 2027]


@pytest.mark.parametrize(
    "year, lang, message",
    [
        (2019, "en", "No report for the year 2019; choose a year from 2023 to 2026."),
        ("20x4", "en", "No report for the year '20x4'; choose a year from 2023 to 2026."),
        (2024, "fr", "Unknown language 'fr'; choose one of: zh-hans, en, th, vi, lo, km, my."),
    ],
)
def test_it_refuses_a_year_or_language_it_has_no_report_for(year, lang, message):
    with pytest.raises(ReportError) as error:
        report_data(year, lang, today=TODAY)
    assert str(error.value) == message


def test_it_gathers_the_indicators_of_the_year(records):
    data = report_data(YEAR, "en", today=TODAY)
    assert data["language"] == "en" and data["year"] == 2024
    assert data["strategy"]["start_year"] == 2023 and data["strategy"]["end_year"] == 2027
    assert [c["code"] for c in data["countries"]] == ["KH", "CN", "LA", "MM", "TH", "VN"]
    # participants: the three who attended the roundtable
    participants = data["participants"]
    assert participants["total"] == 3 and participants["events"] == 1
    assert {k: v for k, v in participants["by_country"].items() if v} == {"TH": 2, "LA": 1}
    assert {k: v for k, v in participants["by_gender"].items() if v} == {"female": 2, "male": 1}
    # the two annual activities of D1 without a published 2024 event are the gaps
    assert [gap["code"] for gap in data["gaps"]] == ["D1-A1-2", "D1-A1-3"]
    d1, _d2, _d3, d4, _d5 = data["directions"]
    assert (d1["code"], d1["activities"], d1["events"], d1["participants"], d1["gaps"]) == (
        "D1",
        6,
        1,
        3,
        2,
    )
    assert (d4["code"], d4["projects"], d4["gaps"]) == ("D4", 1, 0)
    # the activity grid runs from the strategy's first year to the report's year
    d1_a1_1 = next(row for row in data["activities"] if row["code"] == "D1-A1-1")
    assert list(d1_a1_1["years"]) == ["2023", "2024"]
    assert d1_a1_1["years"]["2024"]["state"] == "held"
    assert d1_a1_1["years"]["2023"]["state"] == "gap"
    # only the active project counts by status (the planned one is in the table, not here)
    assert data["projects_by_status"]["total"] == 1
    assert data["projects_by_status"]["by_status"]["ongoing"] == 1
    assert {row["theme"]: row["resources"] for row in data["knowledge"]} == {
        "transport-ecosystems": 0,
        "energy-climate": 1,
        "green-industrial-parks": 1,
        "natural-capital-finance": 0,
        "nature-based-solutions": 1,
    }


def test_it_gives_the_texts_in_the_language_asked(records):
    data = report_data(YEAR, "th", today=TODAY)
    assert data["language"] == "th"
    assert data["countries"][4] == {"code": "TH", "name": "ไทย"}
    assert data["projects"][0]["title"] == "โครงการนำร่องติดตามคุณภาพอากาศในเมือง"
    assert data["funding"]["by_source"][0]["name"] == "กองทุนพิเศษความร่วมมือแม่โขง-ล้านช้าง"
    assert data["self_assessments"]["items"][0]["name"] == "ไทย"


def test_it_is_json_ready(records):
    import json

    data = report_data(YEAR, "zh-hans", today=TODAY)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
