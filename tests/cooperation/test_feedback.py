"""Public feedback: sending (anyone, validated, pending), moderation (editors only, who and
when kept), the public summary (approved feedback only), the page with its honeypot and the
rate limit by IP address (429 with Retry-After; another address still passes)."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from lmec.cooperation.models import Event, Feedback, Project
from lmec.cooperation.selectors import evaluation as selectors
from lmec.cooperation.services import evaluation as services

pytestmark = pytest.mark.django_db

ROLES = ["admin", "editor", "member", "provider", "anonymous", "focal-TH", "focal-LA"]


def who(users, name):
    if name.startswith("focal-"):
        return users.focal[name[6:]]
    return getattr(users, name)


@pytest.fixture(autouse=True)
def fresh_rate_counters():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def event(db):
    start = timezone.make_aware(dt.datetime(2025, 6, 10, 9))
    return Event.objects.create(
        slug="2025-air-roundtable", kind="roundtable", status="published", title="Air roundtable",
        start=start, end=start + dt.timedelta(hours=8), country_id="TH",
    )  # fmt: skip


def send(user, rating=4, kind="activity", code="D4-A3-1", **extra):
    return services.send_feedback(user=user, kind=kind, code=code, rating=rating, **extra)


@pytest.mark.parametrize("name", ROLES)
def test_it_takes_feedback_from_anyone_as_pending(users, name):
    feedback = send(who(users, name), comment="Useful", language="th", country="TH", ip="10.0.0.1")
    assert (feedback.status, feedback.activity.code, feedback.rating) == ("pending", "D4-A3-1", 4)
    assert feedback.user == (None if name == "anonymous" else who(users, name))
    assert len(feedback.client_hash) == 64 and "10.0.0.1" not in feedback.client_hash


def test_it_takes_feedback_on_published_events_and_projects_only(users, event):
    assert send(users.anonymous, kind="event", code=event.slug).event == event
    project = Project.objects.create(code="mekong-air", kind="demonstration", title="Mekong air")
    with pytest.raises(services.EvaluationInvalid) as refused:
        send(users.anonymous, kind="project", code="mekong-air")
    assert refused.value.errors == {"code": ["No published project has the code 'mekong-air'."]}
    project.published = True
    project.save()
    assert send(users.anonymous, kind="project", code="mekong-air").project == project


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"rating": 0}, ["rating"]),
        ({"rating": 6}, ["rating"]),
        ({"rating": "x"}, ["rating"]),
        ({"kind": "station"}, ["kind"]),
        ({"code": "D9-A9-9"}, ["code"]),
        ({"language": "fr"}, ["language"]),
        ({"country": "FR"}, ["country"]),
        ({"stakeholder_type": "robot"}, ["stakeholder_type"]),
        ({"comment": "x" * 4001}, ["comment"]),
        ({"rating": 9, "country": "FR"}, ["rating", "country"]),
    ],
)
def test_it_names_every_bad_field_and_stores_nothing(users, changes, errors):
    with pytest.raises(services.EvaluationInvalid) as refused:
        send(users.anonymous, **changes)
    assert sorted(refused.value.errors) == sorted(errors)
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("name", ROLES)
def test_it_lets_only_editors_moderate(users, name):
    feedback = send(users.anonymous)
    user = who(users, name)
    if name in {"admin", "editor"}:
        services.moderate_feedback(user=user, feedback=feedback, decision="approve")
        feedback.refresh_from_db()
        assert (feedback.status, feedback.moderated_by) == ("approved", user)
        assert feedback.moderated_at is not None
    else:
        with pytest.raises(PermissionDenied):
            services.moderate_feedback(user=user, feedback=feedback, decision="approve")
        feedback.refresh_from_db()
        assert (feedback.status, feedback.moderated_by) == ("pending", None)


def test_it_refuses_the_same_decision_twice_but_allows_withdrawing(users):
    feedback = send(users.anonymous)
    services.moderate_feedback(user=users.editor, feedback=feedback, decision="approve")
    with pytest.raises(services.FeedbackStateError, match="already marked “Approved”"):
        services.moderate_feedback(user=users.editor, feedback=feedback, decision="approve")
    services.moderate_feedback(user=users.admin, feedback=feedback, decision="reject")
    feedback.refresh_from_db()
    assert (feedback.status, feedback.moderated_by) == ("rejected", users.admin)


def test_it_summarises_approved_feedback_only(users):
    ratings = [(5, "approve", "Excellent"), (4, "approve", ""), (4, "approve", "Good"),
               (1, "reject", "spam"), (2, None, "waiting")]  # fmt: skip
    for rating, decision, comment in ratings:
        feedback = send(users.anonymous, rating=rating, comment=comment, language="en")
        if decision:
            services.moderate_feedback(user=users.editor, feedback=feedback, decision=decision)
    summary = selectors.feedback_summary("activity", "D4-A3-1")
    assert (summary["count"], summary["mean"]) == (3, 4.33)
    assert summary["histogram"] == {"1": 0, "2": 0, "3": 0, "4": 2, "5": 1}
    assert sorted(c["comment"] for c in summary["comments"]) == ["Excellent", "Good"]
    empty = selectors.feedback_summary("activity", "D1-A1-1")
    assert (empty["count"], empty["mean"], empty["comments"]) == (0, None, [])
    assert selectors.feedback_summary("activity", "nope") is None


def test_it_exports_feedback_without_who_sent_it(users):
    send(users.member, rating=3, comment="Fine", country="LA", ip="10.1.1.1")
    frame = selectors.feedback_table().frame
    assert frame.columns == [
        "id", "kind", "code", "rating", "comment", "language", "country",
        "stakeholder_type", "status", "created_at", "moderated_at",
    ]  # fmt: skip
    assert frame.drop("id", "created_at").row(0, named=True) == {
        "kind": "activity", "code": "D4-A3-1", "rating": 3, "comment": "Fine", "language": "en",
        "country": "LA", "stakeholder_type": "", "status": "pending", "moderated_at": None,
    }  # fmt: skip


# --- pages ---------------------------------------------------------------------------

URL = "/en/feedback/activity/D4-A3-1/"


def test_it_shows_the_form_and_thanks_saying_it_will_be_moderated(client):
    page = client.get(URL)
    assert page.status_code == 200 and b'name="website"' in page.content
    answer = client.post(URL, {"rating": "5", "comment": "Great work", "language": "vi"})
    assert answer.status_code == 302 and answer["Location"] == URL + "thanks/"
    thanks = client.get(answer["Location"]).content.decode()
    assert "will be moderated" in thanks
    stored = Feedback.objects.get()
    assert (stored.rating, stored.comment, stored.language, stored.status) == (
        5, "Great work", "vi", "pending",
    )  # fmt: skip
    assert stored.client_hash == services._client_hash("127.0.0.1")


def test_it_pretends_to_thank_a_bot_that_fills_the_honeypot(client):
    answer = client.post(URL, {"rating": "5", "comment": "buy now", "website": "http://spam"})
    assert answer.status_code == 302 and answer["Location"].endswith("/thanks/")
    assert not Feedback.objects.exists()


def test_it_keeps_what_was_typed_when_a_field_is_wrong(client):
    answer = client.post(URL, {"rating": "9", "comment": "Kept text", "country": "TH"})
    assert answer.status_code == 400
    html = answer.content.decode()
    assert "A rating is a whole number from 1 (poor) to 5 (excellent)." in html
    assert "Kept text</textarea>" in html and '<option value="TH" selected>' in html
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("url", ["/en/feedback/station/X/", "/en/feedback/activity/D9-A9-9/"])
def test_it_answers_404_for_a_target_that_is_not_public(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("rate", ["3/h", "5/h"])
def test_it_limits_each_address_to_the_rate(client, settings, rate):
    settings.FEEDBACK_RATE = rate
    limit = int(rate.split("/")[0])
    for _ in range(limit):
        ok = client.post(URL, {"rating": "4"}, REMOTE_ADDR="192.0.2.10")
        assert ok.status_code == 302
    refused = client.post(URL, {"rating": "4"}, REMOTE_ADDR="192.0.2.10")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 3600
    assert f"the limit is {rate}" in refused.content.decode()
    other = client.post(URL, {"rating": "4"}, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302
    assert Feedback.objects.count() == limit + 1


def test_it_counts_refused_and_honeypot_forms_against_the_rate(client, settings):
    settings.FEEDBACK_RATE = "2/h"
    client.post(URL, {"rating": "9"}, REMOTE_ADDR="192.0.2.20")
    client.post(URL, {"rating": "4", "website": "x"}, REMOTE_ADDR="192.0.2.20")
    assert client.post(URL, {"rating": "4"}, REMOTE_ADDR="192.0.2.20").status_code == 429
    assert not Feedback.objects.exists()


def test_it_shows_nothing_pending_or_rejected_publicly(client, users):
    pending = send(users.anonymous, comment="PENDING-TEXT")
    rejected = send(users.anonymous, comment="REJECTED-TEXT")
    approved = send(users.anonymous, comment="APPROVED-TEXT", rating=2)
    services.moderate_feedback(user=users.editor, feedback=rejected, decision="reject")
    services.moderate_feedback(user=users.editor, feedback=approved, decision="approve")
    html = client.get(URL).content.decode()
    assert "APPROVED-TEXT" in html and 'data-count="1"' in html
    assert "PENDING-TEXT" not in html and "REJECTED-TEXT" not in html
    assert pending.status == "pending"


@pytest.mark.parametrize(
    ("name", "status"),
    [("editor", 200), ("admin", 200), ("member", 403), ("focal-TH", 403), ("provider", 403)],
)
def test_it_opens_the_moderation_queue_and_export_to_editors_only(client, users, name, status):
    send(users.anonymous, comment="Queue me")
    client.force_login(who(users, name))
    queue = client.get("/en/feedback/moderation/")
    assert queue.status_code == status
    assert client.get("/en/feedback/export.csv").status_code == status
    if status == 200:
        assert "Queue me" in queue.content.decode()


def test_it_sends_anonymous_moderators_to_sign_in(client):
    assert client.get("/en/feedback/moderation/").status_code == 302


@pytest.mark.parametrize(
    ("name", "status"),
    [("editor", 302), ("admin", 302), ("member", 403), ("focal-TH", 403), ("provider", 403)],
)
def test_it_lets_only_editors_decide_on_the_page(client, users, name, status):
    feedback = send(users.anonymous)
    client.force_login(who(users, name))
    answer = client.post(f"/en/feedback/moderation/{feedback.pk}/", {"decision": "approve"})
    assert answer.status_code == status
    feedback.refresh_from_db()
    assert feedback.status == ("approved" if status == 302 else "pending")


def test_it_downloads_the_moderation_list_as_csv_and_xlsx(client, users):
    send(users.anonymous, rating=3, comment="Fine, thanks", language="en")
    client.force_login(users.editor)
    csv = client.get("/en/feedback/export.csv")
    assert csv["Content-Type"].startswith("text/csv")
    lines = csv.content.decode().splitlines()
    assert lines[0] == (
        "id,kind,code,rating,comment,language,country,stakeholder_type,status,created_at,moderated_at"
    )
    assert ',activity,D4-A3-1,3,"Fine, thanks",en,,,pending,' in lines[1]
    xlsx = client.get("/en/feedback/export.xlsx")
    assert xlsx.content[:2] == b"PK"
    assert client.get("/en/feedback/export.parquet").status_code == 404


def test_it_counts_an_ipv6_network_as_one_address(client, settings):
    settings.FEEDBACK_RATE = "1/h"
    assert client.post(URL, {"rating": "4"}, REMOTE_ADDR="2001:db8:1:2::10").status_code == 302
    # same /64, another host: same counter
    assert client.post(URL, {"rating": "4"}, REMOTE_ADDR="2001:db8:1:2::99").status_code == 429
    assert client.post(URL, {"rating": "4"}, REMOTE_ADDR="2001:db8:1:3::10").status_code == 302


def test_it_limits_requests_without_an_address_together(client, settings):
    settings.FEEDBACK_RATE = "1/h"
    assert client.post(URL, {"rating": "4"}, REMOTE_ADDR="").status_code == 302
    assert client.post(URL, {"rating": "4"}, REMOTE_ADDR="").status_code == 429
    assert Feedback.objects.get().client_hash == services._client_hash("unknown")


def test_it_summarises_the_public_assessment_of_a_year_for_the_report(users, event):
    plan = [("activity", "D4-A3-1", 5, "approve"), ("activity", "D4-A3-1", 3, "approve"),
            ("activity", "D1-A1-1", 4, "approve"), ("event", event.slug, 2, "approve"),
            ("event", event.slug, 5, "reject"), ("activity", "D1-A1-1", 1, None)]  # fmt: skip
    for kind, code, rating, decision in plan:
        feedback = send(users.anonymous, kind=kind, code=code, rating=rating)
        if decision:
            services.moderate_feedback(user=users.editor, feedback=feedback, decision=decision)
    this_year = timezone.localdate().year  # created_at__year counts in TIME_ZONE
    summary = selectors.public_assessment_summary(year=this_year)
    assert summary == {
        "count": 4, "mean": 3.5, "histogram": {"1": 0, "2": 1, "3": 1, "4": 1, "5": 1},
        "by_kind": {
            "activity": {"count": 3, "mean": 4.0, "targets": [
                {"code": "D4-A3-1", "count": 2, "mean": 4.0},
                {"code": "D1-A1-1", "count": 1, "mean": 4.0}]},
            "event": {"count": 1, "mean": 2.0, "targets": [
                {"code": "2025-air-roundtable", "count": 1, "mean": 2.0}]},
            "project": {"count": 0, "mean": None, "targets": []},
        },
    }  # fmt: skip
    assert selectors.public_assessment_summary(year=this_year - 1)["count"] == 0
