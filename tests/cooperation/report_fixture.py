"""A small, hand-counted set of records for the evaluation report of 2024.

Every number the report tests expect is worked out in the comments here, from these rows.
"""

from datetime import UTC, date, datetime
from decimal import Decimal

#: "Now" for the indicators: mid-2026, so 2023-2025 are over.
TODAY = date(2026, 6, 30)
YEAR = 2024


def _at(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def report_records() -> dict:
    from lmec.cooperation.models import (
        Activity,
        AssessmentStatus,
        Direction,
        Event,
        Feedback,
        Funding,
        FundingSourceType,
        Project,
        Registration,
        SelfAssessment,
        SelfAssessmentEntry,
    )
    from lmec.core.models import Theme
    from lmec.knowledge.models import Resource

    activity = {a.code: a for a in Activity.objects.all()}
    source = {s.code: s for s in FundingSourceType.objects.all()}

    # -- events and participants: one published 2024 event for D1-A1-1 (annual) --------
    forum = Event.objects.create(
        slug="2024-roundtable",
        kind="roundtable",
        status="published",
        title_en="Lancang-Mekong Environmental Cooperation Roundtable 2024",
        title_th="การประชุมโต๊ะกลมความร่วมมือด้านสิ่งแวดล้อมแม่โขง-ล้านช้าง 2567",
        start=_at(2024, 5, 14, 2),
        end=_at(2024, 5, 15, 10),
        country_id="TH",
        city_en="Bangkok",
    )
    forum.activities.set([activity["D1-A1-1"]])
    # a draft event for D1-A1-2 does not count: D1-A1-2 stays a gap
    draft = Event.objects.create(
        slug="2024-draft",
        kind="workshop",
        status="draft",
        title_en="Draft workshop",
        start=_at(2024, 8, 1, 2),
        end=_at(2024, 8, 1, 9),
        country_id="LA",
    )
    draft.activities.set([activity["D1-A1-2"]])
    consent = _at(2024, 4, 1)
    people = [
        # (e-mail, country, gender, stakeholder, status, attended)
        ("a@example.org", "TH", "female", "government", "registered", True),
        ("b@example.org", "TH", "female", "academia", "registered", True),
        ("c@example.org", "LA", "male", "ngo", "registered", True),
        ("d@example.org", "VN", "male", "media", "cancelled", None),  # cancelled: not counted
        ("e@example.org", "KH", "female", "youth", "registered", False),  # did not come
    ]
    for email, country, gender, stakeholder, status, attended in people:
        Registration.objects.create(
            event=forum,
            name=email.split("@")[0],
            email=email,
            country_id=country,
            gender=gender,
            stakeholder_type=stakeholder,
            status=status,
            attended=attended,
            consent_at=consent,
        )
    # => participants 2024: total 3 (TH 2, LA 1), female 2, male 1

    # -- projects and funding ------------------------------------------------------------
    air = Project.objects.create(
        code="mekong-air-pilot",
        kind="pilot",
        status="ongoing",
        published=True,
        title_en="Urban air monitoring pilot",
        title_th="โครงการนำร่องติดตามคุณภาพอากาศในเมือง",
        country_id="TH",
        planned_start=date(2023, 3, 1),
        planned_end=date(2025, 12, 31),
    )
    air.activities.set([activity["D4-A3-1"]])
    air.countries.set(["TH", "LA"])
    tonle = Project.objects.create(
        code="tonle-sap-water",
        kind="demonstration",
        status="pipeline",
        published=True,
        title_en="Tonle Sap water quality demonstration",
        country_id="KH",
        planned_start=date(2024, 9, 1),
    )
    regional = Project.objects.create(
        code="regional-research",
        kind="joint_research",
        status="completed",
        published=True,
        title_en="Joint research on transboundary haze",
        actual_start=date(2022, 1, 1),
        actual_end=date(2023, 12, 31),  # ended before 2024: not in the 2024 table
    )
    hidden = Project.objects.create(
        code="unpublished",
        kind="pilot",
        status="ongoing",
        published=False,
        title_en="Not published",
        country_id="TH",
        planned_start=date(2024, 1, 1),
    )

    def fund(project, code, kind, day, amount, currency, rate, rate_day):
        amount, rate = Decimal(amount), Decimal(rate)
        Funding.objects.create(
            project=project,
            source_type=source[code],
            kind=kind,
            date=day,
            amount=amount,
            currency=currency,
            usd_rate=rate,
            rate_date=rate_day,
            amount_usd=Funding.to_usd(amount, rate),
        )

    # 1,000,000 CNY × 0.1385 = 138,500.00 USD committed in 2024 (F1, TH)
    fund(air, "F1", "commitment", date(2024, 2, 1), "1000000", "CNY", "0.1385", date(2024, 1, 31))
    # 500,000 CNY × 0.1380 = 69,000.00 USD disbursed in 2024 (F1, TH)
    fund(air, "F1", "disbursement", date(2024, 6, 1), "500000", "CNY", "0.1380", date(2024, 5, 31))
    # a 2023 budget: in the project's funding to the end of 2024, not in 2024's funding
    fund(air, "F2", "budget", date(2023, 5, 1), "200000", "USD", "1", date(2023, 5, 1))
    # 2025: in neither
    fund(air, "F3", "commitment", date(2025, 1, 10), "50000", "USD", "1", date(2025, 1, 10))
    # 100,000,000 KHR × 0.000245 = 24,500.00 USD committed in 2024 (F4, KH)
    fund(
        tonle,
        "F4",
        "commitment",
        date(2024, 10, 1),
        "100000000",
        "KHR",
        "0.000245",
        date(2024, 9, 30),
    )
    # a final payment in 2024 of a regional project that ended in 2023 (F5, no lead country)
    fund(regional, "F5", "disbursement", date(2024, 1, 15), "10000", "USD", "1", date(2024, 1, 15))
    # unpublished: never counted
    fund(hidden, "F1", "commitment", date(2024, 3, 1), "99999", "USD", "1", date(2024, 3, 1))

    # -- self-assessments ----------------------------------------------------------------
    th = SelfAssessment.objects.create(
        country_id="TH",
        year=YEAR,
        status=AssessmentStatus.SUBMITTED,
        language="th",
        summary="ประเทศไทยดำเนินกิจกรรมตามแผนปี 2567",
        submitted_at=_at(2025, 2, 10, 3),
    )
    d1 = Direction.objects.get(code="D1")
    # created out of order: the report orders them direction, then activities in the table
    SelfAssessmentEntry.objects.create(
        assessment=th,
        activity=activity["D4-A3-1"],
        status="completed",
        rating=5,
        achievements="สถานีตรวจวัด 3 แห่ง",
    )
    SelfAssessmentEntry.objects.create(
        assessment=th,
        activity=activity["D1-A1-1"],
        status="ongoing",
        rating=None,
        challenges="งบประมาณ",
    )
    SelfAssessmentEntry.objects.create(assessment=th, direction=d1, status="ongoing", rating=4)
    # => TH mean rating (5 + 4) / 2 = 4.5
    SelfAssessment.objects.create(country_id="LA", year=YEAR, status=AssessmentStatus.DRAFT)
    SelfAssessment.objects.create(
        country_id="VN", year=2023, status=AssessmentStatus.SUBMITTED, submitted_at=_at(2024, 1, 5)
    )

    # -- public feedback -----------------------------------------------------------------
    def feedback(rating, status, created, **target):
        item = Feedback.objects.create(rating=rating, status=status, language="en", **target)
        Feedback.objects.filter(pk=item.pk).update(created_at=created)

    feedback(5, "approved", _at(2024, 3, 1), activity=activity["D1-A1-1"])
    feedback(4, "approved", _at(2024, 7, 1), activity=activity["D4-A3-1"])
    feedback(3, "approved", _at(2024, 5, 20), event=forum)
    feedback(5, "approved", _at(2024, 11, 2), project=air)
    feedback(1, "pending", _at(2024, 11, 3), project=air)
    feedback(2, "rejected", _at(2024, 11, 4), project=air)
    feedback(1, "approved", _at(2023, 12, 30), activity=activity["D1-A1-1"])  # 2023
    # => activity: 2, mean 4.5; event: 1, mean 3.0; project: 1, mean 5.0; all: 4, mean 4.25

    # -- knowledge: two published in 2024 (one with two themes), a draft ------------------
    theme = {t.code: t for t in Theme.objects.all()}
    for identifier, status, published_on, themes in [
        ("k-air", "published", date(2024, 3, 1), ["energy-climate", "nature-based-solutions"]),
        ("k-parks", "published", date(2024, 9, 1), ["green-industrial-parks"]),
        ("k-old", "published", date(2023, 9, 1), ["green-industrial-parks"]),
        ("k-draft", "draft", date(2024, 9, 1), ["energy-climate"]),
    ]:
        resource = Resource.objects.create(
            identifier=identifier,
            type="publication",
            language="en",
            title_en=identifier,
            status=status,
            published_on=published_on,
        )
        resource.themes.set([theme[code] for code in themes])
    # => 2024: energy-climate 1, green-industrial-parks 1, nature-based-solutions 1, others 0
    return {"forum": forum, "air": air, "tonle": tonle, "regional": regional}
