"""``GET /api/v1/knowledge/search``: the answer's shape, filters, paging, refused parameters."""

import pytest

from .search_fixtures import corpus_fixture  # noqa: F401  (fixture)

URL = "/api/v1/knowledge/search"


@pytest.fixture(autouse=True)
def lexical_only(settings):
    settings.KNOWLEDGE_SEMANTIC_SEARCH = False


def test_it_answers_count_facets_items_and_language(client, corpus):
    response = client.get(URL, {"q": "fish", "mode": "lexical", "lang": "en"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["language"] == "en"
    assert body["mode"] == "lexical"
    item = body["items"][0]
    assert item == {
        "identifier": "en-fish",
        "title": "Fish migration and hydropower dams on the Mekong mainstream",
        "language": "en",
        "snippet": "How dams block the migration of <mark>fish</mark> species, and what "
        "<mark>fish</mark> passages can do for the river&#x27;s fisheries.",
        "score": item["score"],
        "type": "publication",
        "date": "2022-03-15",
    }
    assert item["score"] > 0
    assert body["facets"]["country"] == [
        {"key": "KH", "label": "Cambodia", "count": 1},
        {"key": "LA", "label": "Lao PDR", "count": 1},
    ]
    assert set(body["facets"]) == {"type", "theme", "country", "language", "year", "licence"}


def test_it_filters_with_repeated_parameters_and_pages(client, corpus):
    body = client.get(URL, {"type": ["case", "policy"], "limit": 1, "offset": 1}).json()
    assert body["count"] == 2
    assert [i["identifier"] for i in body["items"]] == ["km-mangrove"]
    body = client.get(URL, {"year": 2023, "country": "LA", "lang": "th"}).json()
    assert [i["identifier"] for i in body["items"]] == ["lo-circular"]
    assert body["facets"]["country"] == [{"key": "LA", "label": "ลาว", "count": 1}]


def test_it_never_shows_unpublished_records(client, corpus):
    body = client.get(URL, {"q": "มลพิษ", "mode": "lexical"}).json()
    assert [i["identifier"] for i in body["items"]] == ["th-air"]


@pytest.mark.parametrize(
    ("params", "status", "says"),
    [
        ({"mode": "fuzzy"}, 422, "mode"),
        ({"sort": "oldest"}, 422, "sort"),
        ({"type": "book"}, 422, "type"),
        ({"language": "fr"}, 422, "language"),
        ({"licence": "gpl"}, 422, "licence"),
        ({"limit": 0}, 422, "limit"),
        ({"limit": 101}, 422, "limit"),
        ({"year": "soon"}, 422, "year"),
        ({"theme": "space"}, 400, "choose from: energy-climate"),
        ({"country": "FR"}, 400, "choose from: CN, KH, LA, MM, TH, VN"),
        ({"lang": "fr"}, 400, "choose one of"),
    ],
)
def test_it_refuses_bad_parameters_naming_the_choices(client, corpus, params, status, says):
    response = client.get(URL, params)
    assert response.status_code == status
    assert says in str(response.json()["detail"])


@pytest.mark.parametrize(
    "q", ['"', '"unclosed phrase', "-", "*", "NEAR(a b)", "a AND", "\\", "'", "_", "x\x00y"]
)
def test_it_answers_any_query_text(client, corpus, q):
    response = client.get(URL, {"q": q, "mode": "lexical"})
    assert response.status_code == 200
    assert response.json()["count"] >= 0


def test_it_documents_the_endpoint_and_its_errors(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"][URL]["get"]
    assert set(operation["responses"]) == {"200", "400", "422"}
    names = {p["name"] for p in operation["parameters"]}
    assert names == {
        "q",
        "mode",
        "sort",
        "type",
        "theme",
        "country",
        "language",
        "year",
        "licence",
        "limit",
        "offset",
        "lang",
    }
