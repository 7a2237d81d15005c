"""The evaluation demo: submitted self-assessments 2023-2025 for all six countries, three
2026 drafts, 150 feedback items; texts in each country's language and English; a second run
adds nothing."""

import pytest

from lmec.cooperation.demo import evaluation as demo
from lmec.cooperation.models import Feedback, SelfAssessment
from lmec.cooperation.selectors import evaluation as selectors


@pytest.fixture
def loaded(db):
    from lmec.core.demo import DEMO_ACCOUNTS
    from lmec.core.models import Country
    from lmec.core.services import create_user

    for username, role, country, language in DEMO_ACCOUNTS:
        create_user(
            username=username,
            password="x" * 16,
            role=role,
            country=Country.objects.get(code=country) if country else None,
            language=language,
        )
    return demo.load()


def test_it_loads_every_country_and_year(loaded):
    assert (loaded["submitted"], loaded["drafts"]) == (18, 3)
    states = {(a.country_id, a.year): a.status for a in SelfAssessment.objects.all()}
    for code in ("KH", "CN", "LA", "MM", "TH", "VN"):
        for year in (2023, 2024, 2025):
            assert states[(code, year)] == "submitted"
    assert {c for (c, y), s in states.items() if y == 2026} == {"KH", "LA", "TH"}
    assert {s for (c, y), s in states.items() if y == 2026} == {"draft"}
    kh = SelfAssessment.objects.get(country_id="KH", year=2024)
    assert kh.reopened_by.username == "editor" and kh.submitted_by.username == "focal-kh"


def test_it_writes_in_the_country_language_and_english(loaded):
    th = SelfAssessment.objects.get(country_id="TH", year=2024)
    assert th.language == "th"
    assert th.summary == (
        "ในปี 2024 ประเทศไทยดำเนินกิจกรรมตามกรอบความร่วมมืออย่างต่อเนื่อง\n"
        "In 2024 Thailand carried the framework's activities forward steadily."
    )
    entry = th.entries.exclude(achievements="").first()
    local, english = entry.achievements.split("\n")
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in local) and english.isascii()
    mm = SelfAssessment.objects.get(country_id="MM", year=2023)
    assert any("\u1000" <= ch <= "\u109f" for ch in mm.summary)


def test_it_loads_150_feedback_items_mostly_approved(loaded):
    assert Feedback.objects.count() == 150
    approved = Feedback.objects.filter(status="approved").count()
    pending = Feedback.objects.filter(status="pending").count()
    rejected = Feedback.objects.filter(status="rejected").count()
    assert approved + pending + rejected == 150
    assert approved > 100 and pending > 5 and rejected > 3
    assert loaded["feedback approved"] == approved
    assert set(Feedback.objects.values_list("language", flat=True)) == {
        "en", "th", "vi", "zh-hans", "lo", "km", "my",
    }  # fmt: skip
    assert not Feedback.objects.filter(status="approved", comment=demo.SPAM).exists()
    # no events or projects in this test database: only activities
    assert Feedback.objects.filter(activity__isnull=True).count() == 0
    some = Feedback.objects.filter(status="approved").first()
    summary = selectors.feedback_summary("activity", some.activity.code)
    assert (
        summary["count"]
        == Feedback.objects.filter(activity=some.activity, status="approved").count()
    )


def test_it_adds_nothing_the_second_time(loaded):
    before = (SelfAssessment.objects.count(), Feedback.objects.count())
    again = demo.load()
    assert (SelfAssessment.objects.count(), Feedback.objects.count()) == before == (21, 150)
    assert (again.get("submitted", 0), again.get("drafts", 0)) == (0, 0)
    assert again["assessments unchanged"] == 21 and again["feedback unchanged"] == 150
    assert "0 self-assessments created" in demo.describe(again)
