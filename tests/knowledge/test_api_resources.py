"""/api/v1/knowledge/resources: reads for all, writes signed in with CSRF, permission-checked."""

import json

import pytest
from django.test import Client

from tests.helpers import PASSWORD

URL = "/api/v1/knowledge/resources"


def client_for(user, csrf=False):
    client = Client(enforce_csrf_checks=csrf)
    if user is not None:
        client.force_login(user)
    return client


def post(client, url, body, **extra):
    return client.post(url, json.dumps(body), content_type="application/json", **extra)


def test_it_lists_published_resources_in_the_reader_language(db, resource):
    resource("a", title={"en": "Rivers", "th": "แม่น้ำ"}, themes=["energy-climate"], country="TH")
    resource("b", status="draft")
    body = Client().get(URL, {"lang": "th", "theme": "energy-climate"}).json()
    assert body["count"] == 1 and body["language"] == "th"
    item = body["items"][0]
    assert (item["identifier"], item["title"], item["language"], item["original_language"]) == (
        "a",
        "แม่น้ำ",
        "th",
        "en",
    )
    assert item["links"]["self"] == "/api/v1/knowledge/resources/a"


def test_it_answers_404_for_a_draft_a_visitor_may_not_see(db, users, resource):
    resource("d", status="draft", country="TH")
    assert Client().get(f"{URL}/d").status_code == 404
    assert client_for(users.focal["TH"]).get(f"{URL}/d").status_code == 200


def test_it_refuses_writes_without_a_session(db):
    response = post(Client(), URL, {"type": "tool", "language": "en", "title": "T"})
    assert response.status_code == 401


def test_it_refuses_writes_without_the_csrf_token(db, users):
    client = client_for(users.member, csrf=True)
    response = post(client, URL, {"type": "tool", "language": "en", "title": "T"})
    assert (response.status_code, response.json()) == (403, {"detail": "CSRF check Failed"})


def test_it_creates_a_draft_with_the_csrf_token(db, users):
    client = Client(enforce_csrf_checks=True)
    assert client.login(username="t-member", password=PASSWORD)
    client.get("/en/accounts/login/")  # sets the csrftoken cookie
    token = client.cookies["csrftoken"].value
    response = post(
        client,
        URL,
        {"identifier": "m-1", "type": "tool", "language": "en", "title": "Toolkit"},
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 201, response.content
    assert (response.json()["status"], response.json()["title"]) == ("draft", "Toolkit")


def test_it_names_every_bad_field(db, users):
    response = post(
        client_for(users.member),
        URL,
        {"type": "tool", "language": "en", "title": "T", "country": "XX", "themes": ["x"]},
    )
    assert response.status_code == 422
    assert sorted(response.json()["errors"]) == ["country", "themes"]


@pytest.mark.parametrize(
    ("name", "expected"),
    # others do not see a submitted record: 404, as for one that does not exist
    [
        ("editor", 200),
        ("admin", 200),
        ("focal-TH", 200),
        ("focal-LA", 404),
        ("member", 404),
        ("provider", 404),
    ],
)
def test_it_checks_who_publishes(db, users, resource, name, expected):
    resource("s", status="submitted", country="TH")
    user = users.focal[name[6:]] if name.startswith("focal-") else getattr(users, name)
    response = post(client_for(user), f"{URL}/s/publish", {})
    assert response.status_code == expected


def test_it_walks_submit_review_return_and_patch(db, users, resource):
    author = users.member
    resource("w", status="draft", country="VN", author=author)
    as_author, as_focal = client_for(author), client_for(users.focal["VN"])
    assert post(as_author, f"{URL}/w/submit", {}).json()["status"] == "submitted"
    assert post(as_author, f"{URL}/w/publish", {}).status_code == 403
    assert post(as_focal, f"{URL}/w/review", {}).json()["status"] == "in_review"
    response = post(as_focal, f"{URL}/w/return", {})
    assert (response.status_code, list(response.json()["errors"])) == (422, ["comment"])
    assert post(as_focal, f"{URL}/w/return", {"comment": "Add a map"}).status_code == 200
    patched = as_author.patch(
        f"{URL}/w", json.dumps({"spatial": "Delta"}), content_type="application/json"
    )
    assert (patched.status_code, patched.json()["spatial"]) == (200, "Delta")
    response = post(as_focal, f"{URL}/w/publish", {})
    assert response.status_code == 409
    assert response.json()["detail"] == (
        "“Publish” is not possible for a resource that is “Returned with comments”; "
        "it is possible for: Submitted, In review."
    )
