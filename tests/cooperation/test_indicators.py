"""Indicator arithmetic against the hand-counted records of ``indicator_fixtures``."""

import datetime as dt

import pytest

from lmec.cooperation import indicators
from lmec.cooperation.selectors import indicators as selectors

from . import indicator_fixtures
from .indicator_fixtures import TODAY

records = indicator_fixtures.records  # the fixture, used by name

pytestmark = pytest.mark.django_db


def row(rows, code):
    return next(r for r in rows if r["code"] == code)


def cells(r, field):
    return [r["years"][str(y)][field] for y in range(2023, 2028)]


def test_it_counts_events_and_projects_per_activity_and_year(records):
    rows = indicators.activity_progress(today=TODAY)
    a11 = row(rows, "D1-A1-1")
    # e1 2023, e2 2024, e3 cancelled and e4 draft 2025, e5 (online) 2026.
    assert cells(a11, "events") == [1, 1, 0, 1, 0]
    assert cells(a11, "projects") == [0, 0, 0, 0, 0]
    a12 = row(rows, "D1-A1-2")
    # p2 in 2023; e2 and e7 in 2024; e6 in November 2026 has not happened yet.
    assert cells(a12, "events") == [0, 2, 0, 0, 0]
    assert cells(a12, "projects") == [1, 0, 0, 0, 0]
    assert (a12["events"], a12["projects"]) == (2, 1)
    # p1 active 2024 … 2026 (its planned 2027 is after today).
    assert cells(row(rows, "D4-A3-1"), "projects") == [0, 1, 1, 1, 0]
    # p3 unpublished, p4 planned, p5 cancelled, p6 without a start: none counts.
    assert cells(row(rows, "D5-A1-1"), "projects") == [0, 0, 0, 0, 0]
    assert [r["code"] for r in rows[:3]] == ["D1-A1-1", "D1-A1-2", "D1-A1-3"]
    assert a11["direction"] == "D1" and a11["action"] == "D1-A1" and a11["timing"] == "annual"


def test_it_marks_annual_gaps_and_the_current_year_only_when_held(records):
    rows = indicators.activity_progress(today=TODAY)
    a11 = row(rows, "D1-A1-1")
    assert cells(a11, "expected") == [True, True, True, True, False]
    assert cells(a11, "gap") == [False, False, True, False, False]
    assert cells(a11, "state") == ["held", "held", "gap", "held", "not_yet"]
    assert a11["gap_years"] == [2025]
    a12 = row(rows, "D1-A1-2")  # 2026 has only a future event: not expected yet
    assert cells(a12, "expected") == [True, True, True, False, False]
    assert cells(a12, "state") == ["held", "held", "gap", "not_yet", "not_yet"]
    a13 = row(rows, "D1-A1-3")  # nothing at all
    assert a13["gap_years"] == [2023, 2024, 2025]


def test_it_treats_a_period_activity_as_met_by_one_record_and_late_only_when_over(records):
    rows = indicators.activity_progress(today=TODAY)
    assert cells(row(rows, "D1-A2-1"), "state") == [
        "not_expected",
        "held",
        "not_expected",
        "not_expected",
        "not_expected",
    ]
    assert cells(row(rows, "D4-A3-1"), "state") == [
        "not_expected",
        "held",
        "held",
        "held",
        "not_expected",
    ]
    d5 = row(rows, "D5-A1-1")
    assert cells(d5, "state") == ["not_yet"] * 5
    assert d5["gap_years"] == []
    # In 2028 the period is over: the empty period activity is a gap in its last year.
    later = row(indicators.activity_progress(today=dt.date(2028, 1, 10)), "D5-A1-1")
    assert cells(later, "gap") == [False, False, False, False, True]
    assert cells(later, "state")[-1] == "gap"
    assert cells(later, "expected") == [False, False, False, False, True]


def test_it_filters_progress_by_country(records):
    rows = indicators.activity_progress(today=TODAY, country="th")
    # Thailand hosted e1 (2023) and e7 (2024); p1 works in Thailand too.
    assert cells(row(rows, "D1-A1-1"), "state") == ["held", "gap", "gap", "not_yet", "not_yet"]
    assert cells(row(rows, "D1-A1-2"), "state") == ["gap", "held", "gap", "not_yet", "not_yet"]
    assert cells(row(rows, "D4-A3-1"), "projects") == [0, 1, 1, 1, 0]
    assert cells(row(indicators.activity_progress(today=TODAY, country="CN"), "D4-A3-1"),
                 "projects") == [0, 0, 0, 0, 0]  # fmt: skip


def test_it_lists_the_gaps_of_a_year(records):
    assert [g["code"] for g in indicators.gaps(year=2025, today=TODAY)] == [
        "D1-A1-1",
        "D1-A1-2",
        "D1-A1-3",
    ]
    assert [g["code"] for g in indicators.gaps(year=2023, today=TODAY)] == ["D1-A1-3"]
    assert indicators.gaps(year=2026, today=TODAY) == []
    th = indicators.gaps(year=2024, country="TH", today=TODAY)
    assert [g["code"] for g in th] == ["D1-A1-1", "D1-A1-3"]
    assert set(th[0]) == {"code", "name", "direction", "action", "timing", "year"}
    assert th[0]["year"] == 2024 and th[0]["name"]


def test_it_counts_participants_by_country_gender_age_and_stakeholder(records):
    result = indicators.participants(today=TODAY)
    assert result["total"] == 4
    assert result["events"] == 3
    assert result["by_country"] == {
        "CN": 0, "KH": 1, "LA": 0, "MM": 0, "TH": 1, "VN": 1, "unknown": 1,
    }  # fmt: skip
    assert result["by_gender"] == {"female": 3, "male": 0, "other": 0, "undisclosed": 1}
    assert result["by_age_group"] == {
        "under_25": 1, "25_34": 2, "35_44": 0, "45_54": 0, "55_64": 0, "65_plus": 0,
        "undisclosed": 1,
    }  # fmt: skip
    assert result["by_stakeholder"] == {
        "government": 1, "academia": 1, "private": 1, "ngo": 0, "community": 0, "media": 0,
        "international": 0, "youth": 1,
    }  # fmt: skip


def test_it_filters_participants_by_year_country_and_event(records):
    assert indicators.participants(year=2023, today=TODAY)["total"] == 1
    assert indicators.participants(country="VN", today=TODAY)["total"] == 1
    assert indicators.participants(event="e6", today=TODAY)["by_country"]["KH"] == 1
    assert indicators.participants(event=records["events"][2], today=TODAY)["total"] == 2
    # After e6 (nobody marked as attended), its registrations no longer count.
    assert indicators.participants(event="e6", today=dt.date(2026, 12, 31))["total"] == 0


def test_it_counts_projects_by_status(records):
    result = indicators.projects_by_status()
    assert result["total"] == 5  # p3 is not published
    assert result["by_status"] == {
        "pipeline": 1, "ongoing": 2, "finalisation": 0, "completed": 1, "cancelled": 1,
        "suspended": 0,
    }  # fmt: skip
    assert result["by_kind"]["demonstration"] == 5
    assert indicators.projects_by_status(year=2025, today=TODAY)["by_status"]["ongoing"] == 1
    assert indicators.projects_by_status(year=2023, today=TODAY)["by_status"]["completed"] == 1
    assert indicators.projects_by_status(year=2023, today=TODAY)["total"] == 1
    assert indicators.projects_by_status(country="TH")["total"] == 1  # p1 works in Thailand


def test_it_sums_funding_in_usd_by_source_and_country(records):
    assert indicators.funding_by_source() == [
        {
            "source_type": "F1",
            "source_name": "Lancang-Mekong Cooperation Special Fund",
            "country": "LA",
            "projects": 1,
            "budget_usd": 0.0,
            "commitment_usd": 100000.0,
            "disbursement_usd": 70000.5,
        },
        {
            "source_type": "F2",
            "source_name": "Funding from the Government of China",
            "country": "CN",
            "projects": 1,
            "budget_usd": 100000.0,
            "commitment_usd": 98000.0,
            "disbursement_usd": 0.0,
        },
    ]
    (only,) = indicators.funding_by_source(year=2024)
    assert (only["commitment_usd"], only["disbursement_usd"]) == (100000.0, 40000.5)
    assert [r["source_type"] for r in indicators.funding_by_source(country="cn")] == ["F2"]


def test_it_narrows_participants_projects_and_funding_to_a_direction(records):
    # D1 events e1, e2, e5, e6, e7: r1, r5, r6, r7; D4 has no event
    assert indicators.participants(direction="D1", today=TODAY)["total"] == 4
    assert indicators.participants(direction="d4", today=TODAY)["total"] == 0
    assert indicators.projects_by_status(direction="D4")["total"] == 1  # p1
    assert indicators.projects_by_status(direction="D5")["by_status"] == {
        "pipeline": 1,
        "ongoing": 1,
        "finalisation": 0,
        "completed": 0,
        "cancelled": 1,
        "suspended": 0,
    }  # fmt: skip  (p4, p6, p5; p3 unpublished)
    assert [r["source_type"] for r in indicators.funding_by_source(direction="D1")] == ["F2"]
    assert [r["country"] for r in indicators.funding_by_source(direction="D4")] == ["LA"]


def test_it_counts_published_knowledge_resources_per_theme(records):
    counts = {r["theme"]: r["resources"] for r in indicators.knowledge_by_theme()}
    assert counts == {
        "transport-ecosystems": 1,
        "energy-climate": 2,
        "green-industrial-parks": 0,
        "natural-capital-finance": 0,
        "nature-based-solutions": 0,
    }
    by_2025 = {r["theme"]: r["resources"] for r in indicators.knowledge_by_theme(year=2025)}
    assert by_2025["energy-climate"] == 1 and by_2025["transport-ecosystems"] == 0


def test_it_summarises_each_direction(records):
    summary = {d["code"]: d for d in indicators.direction_summary(today=TODAY)}
    assert list(summary) == ["D1", "D2", "D3", "D4", "D5"]
    # D1: e1, e2, e5, e7 (e7 serves two D1 activities, counted once); p2; r1, r5, r6, r7;
    # gaps: D1-A1-1 2025, D1-A1-2 2025, D1-A1-3 2023-2025.
    assert summary["D1"] == {
        "code": "D1",
        "name": summary["D1"]["name"],
        "activities": 6,
        "events": 4,
        "projects": 1,
        "participants": 4,
        "gaps": 5,
    }
    assert (summary["D4"]["projects"], summary["D4"]["events"], summary["D4"]["gaps"]) == (1, 0, 0)
    assert summary["D5"]["projects"] == 0
    year = {d["code"]: d for d in indicators.direction_summary(year=2025, today=TODAY)}
    assert (year["D1"]["events"], year["D1"]["projects"], year["D1"]["gaps"]) == (0, 0, 3)
    assert year["D4"]["projects"] == 1
    th = {d["code"]: d for d in indicators.direction_summary(country="TH", today=TODAY)}
    # Thailand: e1 and e7 hosted; participants from Thailand: r1.
    assert (th["D1"]["events"], th["D1"]["participants"]) == (2, 1)


def test_it_gives_a_custom_indicator_series_with_its_progress(records):
    series = indicators.custom_indicator_series("stations-sharing")
    assert series["values"] == {"2023": 12.0, "2024": 15.0, "2025": 20.0}
    assert (series["baseline"], series["target"], series["latest"]) == (10.0, 30.0, 20.0)
    assert series["progress"] == 0.5  # (20 − 10) / (30 − 10)
    th = indicators.custom_indicator_series(records["indicator"], country="th")
    assert th["values"] == {"2023": 3.0}
    assert th["country"] == "TH" and th["progress"] == -0.35


def test_it_computes_in_a_fixed_number_of_queries(records, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        indicators.activity_progress(today=TODAY)
    with django_assert_max_num_queries(4):
        indicators.gaps(year=2025, country="TH", today=TODAY)
    with django_assert_max_num_queries(2):
        indicators.participants(today=TODAY)
    with django_assert_max_num_queries(1):
        indicators.projects_by_status(year=2025, today=TODAY)
    with django_assert_max_num_queries(3):
        indicators.funding_by_source()
    with django_assert_max_num_queries(1):
        indicators.knowledge_by_theme()
    with django_assert_max_num_queries(10):
        indicators.direction_summary(today=TODAY)
    with django_assert_max_num_queries(2):
        indicators.custom_indicator_series("stations-sharing")
    with django_assert_max_num_queries(3):
        many = list(selectors.indicator_list())
    with django_assert_max_num_queries(0):
        for indicator in many:
            indicators.custom_indicator_series(indicator, country="TH")


def test_it_answers_json_ready_values(records):
    import json

    for result in (
        indicators.activity_progress(today=TODAY),
        indicators.participants(today=TODAY),
        indicators.funding_by_source(),
        indicators.direction_summary(today=TODAY),
        indicators.custom_indicator_series("stations-sharing"),
    ):
        assert json.loads(json.dumps(result)) == result
