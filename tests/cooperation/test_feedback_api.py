"""``/api/v1/cooperation/feedback``: public feedback (no account), the approved-only
summary, and the rate limit (429 with Retry-After; another address still passes)."""

import pytest
from django.core.cache import cache

from lmec.cooperation.models import Feedback
from lmec.cooperation.services import evaluation as services

pytestmark = pytest.mark.django_db

# --- feedback ------------------------------------------------------------------------

FEEDBACK = "/api/v1/cooperation/feedback"


@pytest.fixture(autouse=True)
def fresh_rate_counters():
    cache.clear()
    yield
    cache.clear()


def test_it_takes_feedback_and_summarises_after_moderation(client, users):
    sent = client.post(
        FEEDBACK,
        {
            "kind": "activity",
            "code": "D4-A3-1",
            "rating": 4,
            "comment": "很好",
            "language": "zh-hans",
        },
        content_type="application/json",
    )
    assert sent.status_code == 201
    assert sent.json()["status"] == "pending"
    summary = f"{FEEDBACK}/summary/activity/D4-A3-1"
    assert client.get(summary).json()["count"] == 0
    services.moderate_feedback(
        user=users.editor, feedback=Feedback.objects.get(), decision="approve"
    )
    assert client.get(summary).json() == {
        "kind": "activity", "code": "D4-A3-1", "count": 1, "mean": 4.0,
        "histogram": {"1": 0, "2": 0, "3": 0, "4": 1, "5": 0},
        "comments": [{"rating": 4, "comment": "很好", "language": "zh-hans", "country": None,
                      "stakeholder_type": "", "date": Feedback.objects.get().created_at.date().isoformat()}],
    }  # fmt: skip
    assert client.get(f"{FEEDBACK}/summary/activity/D9-A9-9").status_code == 404


def test_it_refuses_feedback_on_what_is_not_public(client):
    answer = client.post(
        FEEDBACK, {"kind": "event", "code": "nope", "rating": 3}, content_type="application/json"
    )
    assert answer.status_code == 404
    assert answer.json() == {"detail": "No published event has the code 'nope'."}


def test_it_answers_429_with_retry_after_per_address(client, settings):
    settings.FEEDBACK_RATE = "2/h"
    body = {"kind": "activity", "code": "D1-A1-1", "rating": 5}
    for _ in range(2):
        assert (
            client.post(
                FEEDBACK, body, content_type="application/json", REMOTE_ADDR="203.0.113.5"
            ).status_code
            == 201
        )
    refused = client.post(
        FEEDBACK, body, content_type="application/json", REMOTE_ADDR="203.0.113.5"
    )
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 3600
    assert "the limit is 2/h" in refused.json()["detail"]
    other = client.post(FEEDBACK, body, content_type="application/json", REMOTE_ADDR="203.0.113.99")
    assert other.status_code == 201
