"""Self-assessment services and selectors: every role × country on every write, the lock
after submission, the editor's reopening, and who sees what."""

import pytest
from django.core.exceptions import PermissionDenied

from lmec.cooperation.models import Activity, SelfAssessment
from lmec.cooperation.selectors import evaluation as evaluation_selectors
from lmec.cooperation.services import evaluation as services

ROLES = ["admin", "editor", "member", "provider", "anonymous", "focal-TH", "focal-LA"]
#: who may start, edit and submit Thailand's self-assessment
DRAFTERS = {"admin", "editor", "focal-TH"}


def who(users, name):
    if name.startswith("focal-"):
        return users.focal[name[6:]]
    return getattr(users, name)


@pytest.fixture
def draft(users):
    return services.start_assessment(user=users.focal["TH"], country="TH", year=2024)


def _entry(assessment, code):
    return assessment.entries.get(activity__code=code)


def test_it_prefills_one_answer_per_direction_and_expected_activity(users):
    assessment = services.start_assessment(user=users.focal["TH"], country="th", year=2024)
    assert (assessment.country_id, assessment.year, assessment.status) == ("TH", 2024, "draft")
    # the registry: 5 directions, 31 activities all running 2023-2027
    assert assessment.entries.filter(direction__isnull=False).count() == 5
    assert assessment.entries.filter(activity__isnull=False).count() == 31
    sections = evaluation_selectors.assessment_sections(assessment)
    assert [s["direction"].code for s in sections] == ["D1", "D2", "D3", "D4", "D5"]
    assert [e.activity.code for e in sections[0]["activities"]] == [
        "D1-A1-1", "D1-A1-2", "D1-A1-3", "D1-A2-1", "D1-A2-2", "D1-A2-3",
    ]  # fmt: skip


def test_it_leaves_out_activities_not_expected_that_year(users):
    template = Activity.objects.get(code="D1-A1-1")
    Activity.objects.create(
        action=template.action, code="D1-A1-9", label="9", position=99, name="Ended pilot",
        timing="annual", start_year=2023, end_year=2024, timing_text="2023-2024",
    )  # fmt: skip
    Activity.objects.create(
        action=template.action, code="D1-A1-8", label="8", position=98, name="Late start",
        timing="annual", start_year=2023, end_year=2027, launched_year=2026, timing_text="2026-",
    )  # fmt: skip
    codes_2024 = {a.code for a in services.expected_activities(2024)}
    codes_2026 = {a.code for a in services.expected_activities(2026)}
    assert "D1-A1-9" in codes_2024 and "D1-A1-8" not in codes_2024
    assert "D1-A1-9" not in codes_2026 and "D1-A1-8" in codes_2026
    assert len(codes_2024) == len(codes_2026) == 32


def test_it_returns_the_same_assessment_when_started_twice(users, draft):
    again = services.start_assessment(user=users.editor, country="TH", year=2024)
    assert again.pk == draft.pk and SelfAssessment.objects.count() == 1
    assert again.entries.count() == 36


@pytest.mark.parametrize(
    ("country", "year", "field"),
    [("XX", 2024, "country"), ("TH", 2019, "year"), ("TH", 2028, "year")],
)
def test_it_refuses_a_country_or_year_outside_the_framework(users, country, year, field):
    with pytest.raises(services.EvaluationInvalid) as refused:
        services.start_assessment(user=users.editor, country=country, year=year)
    assert list(refused.value.errors) == [field]
    assert not SelfAssessment.objects.exists()


@pytest.mark.parametrize("name", ROLES)
def test_it_lets_only_the_country_and_editors_start(users, name):
    user = who(users, name)
    if name in DRAFTERS:
        assert services.start_assessment(user=user, country="TH", year=2025).country_id == "TH"
    else:
        with pytest.raises(PermissionDenied):
            services.start_assessment(user=user, country="TH", year=2025)
        assert not SelfAssessment.objects.exists()


@pytest.mark.parametrize("name", ROLES)
def test_it_lets_only_the_country_and_editors_save_answers(users, draft, name):
    entry = _entry(draft, "D4-A3-1")
    data = {"status": "ongoing", "rating": 4, "achievements": "Bangkok PM2.5 network"}
    if name in DRAFTERS:
        services.save_entry(user=who(users, name), entry=entry, data=data)
        entry.refresh_from_db()
        assert (entry.status, entry.rating, entry.achievements) == (
            "ongoing", 4, "Bangkok PM2.5 network",
        )  # fmt: skip
    else:
        with pytest.raises(PermissionDenied):
            services.save_entry(user=who(users, name), entry=entry, data=data)
        entry.refresh_from_db()
        assert (entry.status, entry.rating) == ("not_started", None)


@pytest.mark.parametrize("name", ROLES)
def test_it_lets_only_the_country_and_editors_submit(users, draft, name):
    if name in DRAFTERS:
        services.submit_assessment(user=who(users, name), assessment=draft)
        draft.refresh_from_db()
        assert draft.status == "submitted" and draft.submitted_by == who(users, name)
        assert draft.submitted_at is not None
    else:
        with pytest.raises(PermissionDenied):
            services.submit_assessment(user=who(users, name), assessment=draft)
        draft.refresh_from_db()
        assert draft.status == "draft"


@pytest.mark.parametrize("name", ROLES)
def test_it_lets_only_editors_reopen(users, draft, name):
    services.submit_assessment(user=users.focal["TH"], assessment=draft)
    if name in {"admin", "editor"}:
        services.reopen_assessment(user=who(users, name), assessment=draft)
        draft.refresh_from_db()
        assert (draft.status, draft.reopened_by) == ("draft", who(users, name))
        assert draft.reopened_at is not None and draft.submitted_at is not None
    else:
        with pytest.raises(PermissionDenied):
            services.reopen_assessment(user=who(users, name), assessment=draft)
        draft.refresh_from_db()
        assert draft.status == "submitted"


@pytest.mark.parametrize("name", ["admin", "editor", "focal-TH"])
def test_it_refuses_every_write_after_submission_naming_the_state(users, draft, name):
    services.submit_assessment(user=users.focal["TH"], assessment=draft)
    user = who(users, name)
    entry = _entry(draft, "D1-A1-1")
    writes = [
        lambda: services.save_entry(user=user, entry=entry, data={"rating": 1}),
        lambda: services.save_entries(user=user, assessment=draft, entries={}, summary="x"),
        lambda: services.submit_assessment(user=user, assessment=draft),
    ]
    for write in writes:
        with pytest.raises(services.AssessmentLocked, match="TH for 2024 is submitted and locked"):
            write()
    entry.refresh_from_db()
    draft.refresh_from_db()
    assert (entry.rating, draft.summary) == (None, "")


def test_it_lets_the_focal_point_edit_again_after_an_editor_reopens(users, draft):
    services.submit_assessment(user=users.focal["TH"], assessment=draft)
    services.reopen_assessment(user=users.editor, assessment=draft)
    entry = services.save_entry(
        user=users.focal["TH"], entry=_entry(draft, "D1-A1-1"), data={"rating": 5}
    )
    assert entry.rating == 5
    with pytest.raises(services.AssessmentLocked, match="is a draft: nothing to reopen"):
        services.reopen_assessment(user=users.editor, assessment=draft)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"rating": 0}, "rating"),
        ({"rating": 6}, "rating"),
        ({"rating": "3"}, "rating"),
        ({"status": "finished"}, "status"),
        ({"achievements": "x" * 10_001}, "achievements"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_it_names_the_bad_field_of_an_answer(users, draft, data, field):
    with pytest.raises(services.EvaluationInvalid) as refused:
        services.save_entry(user=users.focal["TH"], entry=_entry(draft, "D1-A1-1"), data=data)
    assert list(refused.value.errors) == [field]


def test_it_saves_all_answers_or_none(users, draft):
    good, bad = _entry(draft, "D1-A1-1"), _entry(draft, "D1-A1-2")
    with pytest.raises(services.EvaluationInvalid) as refused:
        services.save_entries(
            user=users.focal["TH"],
            assessment=draft,
            entries={good.pk: {"rating": 3}, bad.pk: {"rating": 9}},
            summary="Overall good",
        )
    assert list(refused.value.errors) == [f"{bad.pk}.rating"]
    good.refresh_from_db()
    assert good.rating is None
    services.save_entries(
        user=users.focal["TH"], assessment=draft, entries={good.pk: {"rating": 3}}, summary="Ok"
    )
    good.refresh_from_db()
    draft.refresh_from_db()
    assert (good.rating, draft.summary, draft.status) == (3, "Ok", "draft")


@pytest.mark.parametrize(
    ("name", "visible"),
    [
        ("admin", {"TH-draft", "LA-submitted"}),
        ("editor", {"TH-draft", "LA-submitted"}),
        ("focal-TH", {"TH-draft", "LA-submitted"}),
        ("focal-LA", {"LA-submitted"}),
        ("focal-VN", {"LA-submitted"}),
        ("member", {"LA-submitted"}),
        ("provider", {"LA-submitted"}),
        ("anonymous", {"LA-submitted"}),
    ],
)
def test_it_shows_drafts_only_to_their_country_and_editors(users, draft, name, visible):
    laos = services.start_assessment(user=users.focal["LA"], country="LA", year=2024)
    services.submit_assessment(user=users.focal["LA"], assessment=laos)
    user = who(users, name)
    seen = {f"{a.country_id}-{a.status}" for a in evaluation_selectors.visible_assessments(user)}
    assert seen == visible
    assert user.has_perm("cooperation.view_selfassessment", draft) == ("TH-draft" in visible)


def test_it_marks_where_a_user_may_start_in_the_table(users, draft):
    table = evaluation_selectors.assessment_table(users.focal["TH"])
    assert table["years"] == [2023, 2024, 2025, 2026, 2027]
    startable = {
        (c["country"].code, c["year"])
        for row in table["rows"]
        for c in row["cells"]
        if c["may_start"]
    }
    assert startable == {("TH", 2023), ("TH", 2025), ("TH", 2026), ("TH", 2027)}
    anonymous = evaluation_selectors.assessment_table(users.anonymous)
    assert all(c["assessment"] is None for row in anonymous["rows"] for c in row["cells"])


def test_it_exports_only_visible_answers(users, draft):
    services.save_entry(
        user=users.focal["TH"],
        entry=_entry(draft, "D1-A1-1"),
        data={"rating": 4, "status": "ongoing"},
    )
    assert evaluation_selectors.assessments_table(users.member).frame.height == 0
    frame = evaluation_selectors.assessments_table(users.editor).frame
    assert frame.height == 36
    row = frame.filter(frame["activity"] == "D1-A1-1").row(0, named=True)
    assert row == {
        "country": "TH", "year": 2024, "state": "draft", "direction": "D1",
        "activity": "D1-A1-1", "status": "ongoing", "rating": 4,
        "achievements": "", "challenges": "", "next_steps": "",
    }  # fmt: skip
