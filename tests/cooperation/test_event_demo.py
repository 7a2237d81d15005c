"""The events demo: forty events 2023–2026 in the six countries, a few hundred
participants, gaps in two annual activities, and safe to load again."""

import datetime as dt

import pytest

from lmec.cooperation.demo import events as demo
from lmec.cooperation.models import Event, Registration

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 7, 1, tzinfo=dt.UTC)


@pytest.fixture
def loaded():
    from lmec.knowledge.demo import load_organisations

    load_organisations()
    return demo.load(now=NOW)


def test_it_loads_events_in_every_country_and_year(loaded):
    assert loaded["events"] == len(demo.SCHEDULE) == 40
    assert set(Event.objects.values_list("country_id", flat=True)) == {
        "CN",
        "KH",
        "LA",
        "MM",
        "TH",
        "VN",
    }
    assert {e.start.year for e in Event.objects.all()} == {2023, 2024, 2025, 2026}
    assert 250 <= loaded["registrations"] == Registration.objects.count() <= 500
    thai = Event.objects.get(slug="2023-sem-bangkok")
    assert (thai.language, thai.title_th[:6], thai.title_zh_hans[:4]) == ("th", "การสัม", "区域核心")
    assert thai.organisers.filter(slug="mnre-th").exists()


def test_it_leaves_gaps_in_annual_activities(loaded):
    def years(code):
        return sorted({e.start.year for e in Event.objects.filter(activities__code=code)})

    assert years("D1-A1-1") == [2023, 2024, 2025, 2026]
    assert years("D1-A1-2") == [2023, 2025, 2026]
    assert years("D1-A1-3") == [2023, 2024, 2026]


def test_it_marks_attendance_of_past_events_only(loaded):
    past = Registration.objects.filter(event__end__lt=NOW)
    future = Registration.objects.filter(event__end__gte=NOW)
    assert not past.filter(attended__isnull=True).exists()
    assert past.filter(attended=True).count() > past.filter(attended=False).count()
    assert future.exists() and not future.filter(attended__isnull=False).exists()
    issued = Registration.objects.exclude(certificate_number="")
    assert issued.exists() and set(issued.values_list("event__kind", flat=True)) == {"training"}
    assert len(set(Registration.objects.values_list("gender", flat=True))) >= 3
    assert len(set(Registration.objects.values_list("stakeholder_type", flat=True))) == 8


def test_it_loads_again_without_duplicates(loaded):
    again = demo.load(now=NOW)
    assert (again["events_created"], again["events_updated"]) == (0, 40)
    assert again["registrations_created"] == 0
    assert again["registrations"] == loaded["registrations"]
    assert "40 (0 created, 40 updated)" in demo.describe(again)
