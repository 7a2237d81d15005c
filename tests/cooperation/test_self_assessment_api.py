"""``/api/v1/cooperation/assessments``: lists and details of what one may see, and the
writes (start, answer, submit, reopen) for every role, with the lock (409) and errors."""

import pytest

from lmec.cooperation.services import evaluation as services

API = "/api/v1/cooperation/assessments"
ROLES = ["admin", "editor", "member", "provider", "focal-TH", "focal-LA"]
DRAFTERS = {"admin", "editor", "focal-TH"}


def who(users, name):
    if name.startswith("focal-"):
        return users.focal[name[6:]]
    return getattr(users, name)


@pytest.fixture
def draft(users):
    return services.start_assessment(user=users.focal["TH"], country="TH", year=2024)


@pytest.fixture
def submitted_laos(users):
    laos = services.start_assessment(user=users.focal["LA"], country="LA", year=2024)
    services.save_entry(
        user=users.focal["LA"],
        entry=laos.entries.get(activity__code="D1-A1-1"),
        data={"rating": 4, "status": "completed", "achievements": "ກອງປະຊຸມ"},
    )
    return services.submit_assessment(user=users.focal["LA"], assessment=laos)


def test_it_lists_only_submitted_ones_to_the_public(client, draft, submitted_laos):
    body = client.get(API, {"lang": "en"}).json()
    assert body["language"] == "en" and body["count"] == 1
    item = body["items"][0]
    assert {k: item[k] for k in ("country", "year", "status", "mean_rating", "answers", "rated")} == {
        "country": "LA", "year": 2024, "status": "submitted", "mean_rating": 4.0,
        "answers": 36, "rated": 1,
    }  # fmt: skip
    assert client.get(f"{API}/TH/2024").status_code == 404


def test_it_gives_the_answers_by_direction_then_activity(client, submitted_laos):
    body = client.get(f"{API}/LA/2024", {"lang": "th"}).json()
    assert [e["activity"] for e in body["entries"][:3]] == [None, "D1-A1-1", "D1-A1-2"]
    first = body["entries"][1]
    assert {k: first[k] for k in ("direction", "status", "rating", "achievements")} == {
        "direction": "D1", "status": "completed", "rating": 4, "achievements": "ກອງປະຊຸມ",
    }  # fmt: skip


@pytest.mark.parametrize("name", ROLES)
def test_it_lets_only_drafters_start(client, users, name):
    client.force_login(who(users, name))
    answer = client.post(f"{API}/TH/2025", {}, content_type="application/json")
    assert answer.status_code == (201 if name in DRAFTERS else 403)
    if name in DRAFTERS:
        assert answer.json()["status"] == "draft" and len(answer.json()["entries"]) == 36
        again = client.post(f"{API}/TH/2025", {}, content_type="application/json")
        assert again.status_code == 200


def test_it_asks_to_sign_in_before_writing(client, draft):
    assert client.post(f"{API}/TH/2025", {}, content_type="application/json").status_code == 401
    answer = client.patch(
        f"{API}/TH/2024/entries/D1", {"rating": 3}, content_type="application/json"
    )
    assert answer.status_code == 401


@pytest.mark.parametrize("name", ROLES)
def test_it_lets_only_drafters_answer(client, users, draft, name):
    client.force_login(who(users, name))
    answer = client.patch(
        f"{API}/TH/2024/entries/D4-A3-1",
        {"rating": 5, "next_steps": "More sensors"},
        content_type="application/json",
    )
    # another country's focal point and members do not see the draft at all
    assert answer.status_code == (200 if name in DRAFTERS else 404)
    entry = draft.entries.get(activity__code="D4-A3-1")
    assert (entry.rating, entry.next_steps) == (
        (5, "More sensors") if name in DRAFTERS else (None, "")
    )


@pytest.mark.parametrize("name", ["focal-LA", "member", "provider"])
def test_it_refuses_writes_to_a_visible_assessment_of_another_country(
    client, users, submitted_laos, name
):
    services.reopen_assessment(user=users.editor, assessment=submitted_laos)
    services.submit_assessment(user=users.editor, assessment=submitted_laos)
    client.force_login(who(users, name) if name != "focal-LA" else users.focal["TH"])
    assert client.post(f"{API}/LA/2024/reopen").status_code == 403


def test_it_locks_after_submit_and_names_the_state(client, users, draft):
    client.force_login(users.focal["TH"])
    assert client.post(f"{API}/TH/2024/submit").json()["status"] == "submitted"
    for method, url, body in [
        ("patch", f"{API}/TH/2024/entries/D1", {"rating": 2}),
        ("post", f"{API}/TH/2024/submit", None),
    ]:
        answer = getattr(client, method)(url, body, content_type="application/json")
        assert answer.status_code == 409
        assert "submitted and locked" in answer.json()["detail"]
    client.force_login(users.editor)
    assert (
        client.patch(
            f"{API}/TH/2024/entries/D1", {"rating": 2}, content_type="application/json"
        ).status_code
        == 409
    )
    assert client.post(f"{API}/TH/2024/reopen").json()["status"] == "draft"
    assert client.post(f"{API}/TH/2024/reopen").status_code == 409
    client.force_login(users.focal["TH"])
    answer = client.patch(
        f"{API}/TH/2024/entries/D1", {"rating": 2}, content_type="application/json"
    )
    assert answer.status_code == 200 and answer.json()["entries"][0]["rating"] == 2


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"rating": 6}, 422),
        ({"status": "done"}, 422),
        ({"colour": "red"}, 422),
        ({"rating": None}, 200),
    ],
)
def test_it_refuses_bad_answers(client, users, draft, body, status):
    client.force_login(users.focal["TH"])
    answer = client.patch(f"{API}/TH/2024/entries/D1-A1-1", body, content_type="application/json")
    assert answer.status_code == status


def test_it_answers_404_naming_the_unknown_entry(client, users, draft):
    client.force_login(users.focal["TH"])
    answer = client.patch(
        f"{API}/TH/2024/entries/D9-A1-1", {"rating": 3}, content_type="application/json"
    )
    assert answer.status_code == 404 and "D9-A1-1" in answer.json()["detail"]


def test_it_refuses_a_year_outside_the_strategy(client, users):
    client.force_login(users.editor)
    answer = client.post(f"{API}/TH/2030", {}, content_type="application/json")
    assert answer.status_code == 422
    assert answer.json()["errors"] == {"year": ["2030 is outside the strategy's period 2023–2027."]}


def test_it_exports_what_one_may_see(client, users, draft, submitted_laos):
    lines = client.get(f"{API}/export.csv").content.decode().splitlines()
    assert len(lines) == 37 and all(line.startswith("LA,2024,submitted,") for line in lines[1:])
    assert client.get(f"{API}/export.xlsx").content[:2] == b"PK"
    assert client.get(f"{API}/export.pdf").status_code == 422
