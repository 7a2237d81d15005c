"""A small, hand-counted set of events, registrations, projects, funding, knowledge resources
and one custom indicator, for the indicator arithmetic, the dashboards and the API.

"Today" is pinned to TODAY (mid-2026). The counts the tests expect are worked out by hand
in the comments here; nothing is computed from the code under test.

Events (activities):
  e1 2023-03-10 TH published  D1-A1-1
  e2 2024-05-01 VN published  D1-A1-1, D1-A1-2
  e3 2025-04-01 TH cancelled  D1-A1-1            (never counts)
  e4 2025-06-01 TH draft      D1-A1-1            (never counts)
  e5 2026-02-01 online published D1-A1-1
  e6 2026-11-20 KH published  D1-A1-2            (after TODAY: not held yet)
  e7 2024-09-01 TH published  D1-A2-1, D1-A1-2   (two activities of one direction)
Projects:
  p1 LA-led, in LA+TH, ongoing, published, 2024-02-01 … 2027-12-31 (planned)  D4-A3-1
  p2 CN-led, completed, published, 2023-01-01 … 2023-12-31                      D1-A1-2
  p3 TH-led, ongoing, NOT published, 2023 …                                     D5-A1-1
  p4 pipeline, published                                                        D5-A1-1
  p5 cancelled, published, 2023 …                                               D5-A1-1
  p6 MM-led, ongoing, published, no start date                                  D5-A1-1
"""

import datetime as dt
from decimal import Decimal

import pytest

TODAY = dt.date(2026, 6, 15)


def at(day: str, hour: int = 2) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{hour:02d}:00:00+00:00")


def make_event(slug, day, country, status, activities, days=1):
    from lmec.cooperation.models import Activity, Event

    start = at(day)
    event = Event.objects.create(
        slug=slug,
        kind="workshop",
        status=status,
        title=f"Event {slug}",
        start=start,
        end=start + dt.timedelta(days=days),
        country_id=country,
        online=country is None,
    )
    event.activities.set(Activity.objects.filter(code__in=activities))
    return event


def register(event, n, country, gender, age, stakeholder, attended, status="registered"):
    from lmec.cooperation.models import Registration

    return Registration.objects.create(
        event=event,
        name=f"Person {n}",
        email=f"p{n}@example.org",
        country_id=country,
        gender=gender,
        age_group=age,
        stakeholder_type=stakeholder,
        attended=attended,
        status=status,
        consent_at=at("2023-01-01"),
    )


def make_project(code, status, published, lead, countries, start, end, activities, **dates):
    from lmec.cooperation.models import Activity, Project

    project = Project.objects.create(
        code=code,
        kind="demonstration",
        status=status,
        published=published,
        title=f"Project {code}",
        country_id=lead,
        actual_start=dt.date.fromisoformat(start) if start else None,
        planned_end=dt.date.fromisoformat(end) if end else None,
        **dates,
    )
    project.countries.set(countries)
    project.activities.set(Activity.objects.filter(code__in=activities))
    return project


def fund(project, source, kind, day, amount, currency="USD", rate="1"):
    from lmec.cooperation.models import Funding, FundingSourceType

    rate = Decimal(rate)
    amount = Decimal(amount)
    return Funding.objects.create(
        project=project,
        source_type=FundingSourceType.objects.get(code=source),
        kind=kind,
        date=dt.date.fromisoformat(day),
        amount=amount,
        currency=currency,
        usd_rate=rate,
        rate_date=dt.date.fromisoformat(day),
        amount_usd=Funding.to_usd(amount, rate),
    )


@pytest.fixture
def records(db):
    """The records described in the module's docstring; returns them by name."""
    return make_records()


def make_records() -> dict:
    """Write the records described in the module's docstring; returns them by name."""
    from lmec.cooperation.models import Indicator, IndicatorValue
    from lmec.knowledge.models import Resource

    e = {}
    e[1] = make_event("e1", "2023-03-10", "TH", "published", ["D1-A1-1"])
    e[2] = make_event("e2", "2024-05-01", "VN", "published", ["D1-A1-1", "D1-A1-2"])
    e[3] = make_event("e3", "2025-04-01", "TH", "cancelled", ["D1-A1-1"])
    e[4] = make_event("e4", "2025-06-01", "TH", "draft", ["D1-A1-1"])
    e[5] = make_event("e5", "2026-02-01", None, "published", ["D1-A1-1"])
    e[6] = make_event("e6", "2026-11-20", "KH", "published", ["D1-A1-2"])
    e[7] = make_event("e7", "2024-09-01", "TH", "published", ["D1-A2-1", "D1-A1-2"])

    # Participants as of TODAY: r1, r5, r6 (attended past events) and r7 (registered for
    # the future e6) count; total 4.
    register(e[1], 1, "TH", "female", "25_34", "government", True)
    register(e[1], 2, "VN", "male", "35_44", "academia", False)  # did not come
    register(e[1], 3, "TH", "female", "under_25", "youth", True, status="cancelled")
    register(e[1], 4, "LA", "male", "45_54", "ngo", None)  # attendance not taken
    register(e[2], 5, "VN", "female", "25_34", "academia", True)
    register(e[2], 6, None, "undisclosed", "undisclosed", "private", True)
    register(e[6], 7, "KH", "female", "under_25", "youth", None)
    register(e[6], 8, "CN", "male", "55_64", "government", None, status="waitlisted")
    register(e[6], 9, "TH", "other", "65_plus", "community", None, status="cancelled")
    register(e[3], 10, "TH", "female", "25_34", "government", True)  # cancelled event

    p = {}
    p[1] = make_project(
        "p1", "ongoing", True, "LA", ["LA", "TH"], "2024-02-01", "2027-12-31", ["D4-A3-1"]
    )
    p[2] = make_project(
        "p2",
        "completed",
        True,
        "CN",
        ["CN"],
        "2023-01-01",
        None,
        ["D1-A1-2"],
        actual_end=dt.date(2023, 12, 31),
    )
    p[3] = make_project("p3", "ongoing", False, "TH", ["TH"], "2023-01-01", None, ["D5-A1-1"])
    p[4] = make_project("p4", "pipeline", True, "VN", [], None, None, ["D5-A1-1"])
    p[5] = make_project("p5", "cancelled", True, "KH", [], "2023-01-01", None, ["D5-A1-1"])
    p[6] = make_project("p6", "ongoing", True, "MM", ["MM"], None, None, ["D5-A1-1"])

    # Funding of published projects: F1/LA (p1): commitment 100 000, disbursements
    # 40 000.50 (2024) + 30 000 (2025); F2/CN (p2): commitment 700 000 CNY at 0.14 =
    # 98 000 USD and a budget of 100 000 (2023). p3 is not published: its 5 000 never count.
    fund(p[1], "F1", "commitment", "2024-03-01", "100000")
    fund(p[1], "F1", "disbursement", "2024-06-01", "40000.50")
    fund(p[1], "F1", "disbursement", "2025-02-01", "30000")
    fund(p[2], "F2", "commitment", "2023-01-15", "700000", "CNY", "0.14")
    fund(p[2], "F2", "budget", "2023-01-15", "100000")
    fund(p[3], "F1", "commitment", "2023-05-01", "5000")

    # Knowledge: energy-climate 2 (r1 2024, r2 2025), transport-ecosystems 1 (r1 2024);
    # the draft never counts.
    def resource(identifier, status, themes, published_on=None, published_at=None):
        r = Resource.objects.create(
            identifier=identifier,
            type="publication",
            language="en",
            title=identifier,
            status=status,
            published_on=published_on,
            published_at=published_at,
        )
        r.themes.set(themes)

    resource("k1", "published", ["energy-climate", "transport-ecosystems"], dt.date(2024, 5, 1))
    resource("k2", "published", ["energy-climate"], None, at("2025-01-01", 6))
    resource("k3", "draft", ["energy-climate"], dt.date(2024, 5, 1))

    indicator = Indicator.objects.create(
        code="stations-sharing",
        name="Air monitoring stations sharing data",
        unit="stations",
        baseline=10,
        baseline_year=2022,
        target=30,
        target_year=2027,
    )
    for year, value in [(2023, 12), (2024, 15), (2025, 20)]:
        IndicatorValue.objects.create(indicator=indicator, year=year, value=value)
    IndicatorValue.objects.create(indicator=indicator, year=2023, country_id="TH", value=3)
    return {"events": e, "projects": p, "indicator": indicator}
