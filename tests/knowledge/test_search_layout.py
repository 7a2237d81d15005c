"""The search's storage and its edges: browsing honours the chosen sort, facets and counts
follow every write that goes through the services, and Django's flush empties the search
tables with the records (PostgreSQL refused it while the tables were unknown to Django)."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection

from lmec.knowledge import services
from lmec.knowledge.models import Resource
from lmec.knowledge.search import query

from .search_fixtures import corpus_fixture, make_resource  # noqa: F401  (fixture)


@pytest.fixture(autouse=True)
def lexical_only(settings):
    settings.KNOWLEDGE_SEMANTIC_SEARCH = False


def ids(result):
    return [item["identifier"] for item in result.items]


def test_it_browses_by_title_or_newest_as_asked(corpus):
    newest = ids(query.search("", limit=100))
    assert ids(query.search("", sort="newest", limit=100)) == newest
    # relevance means nothing without a query: newest first
    assert ids(query.search("", sort="relevance", limit=100)) == newest

    def shown_titles(lang):
        col = lang.replace("-", "_")
        return {
            r.identifier: (
                getattr(r, f"title_{col}") or getattr(r, f"title_{r.language.replace('-', '_')}")
            ).lower()
            for r in Resource.objects.filter(status="published")
        }

    titles = shown_titles("en")
    by_title = ids(query.search("", sort="title", lang="en", limit=100))
    assert by_title == sorted(titles, key=lambda i: (titles[i], corpus[i].id))
    assert by_title != newest
    # The title in the reader's language when the record has one: in Thai, en-th-parks
    # sorts by its Thai title, after every Latin-script title.
    thai_titles = shown_titles("th")
    thai = ids(query.search("", sort="title", lang="th", limit=100))
    assert thai == sorted(thai_titles, key=lambda i: (thai_titles[i], corpus[i].id))
    assert by_title.index("en-th-parks") < by_title.index("vi-climate")
    assert thai.index("en-th-parks") > thai.index("vi-climate")
    assert ids(query.search("", sort="title", lang="en", limit=3, offset=3)) == by_title[3:6]
    filtered = ids(query.search("", sort="title", filters={"country": ["VN"]}))
    assert filtered == [i for i in by_title if i in {"en-th-parks", "vi-climate", "vi-scattered"}]


def test_it_filters_by_years_no_date_can_have(corpus):
    for year in (0, 9999, -5):
        for q, mode in (("", "lexical"), ("fish", "lexical")):
            result = query.search(q, mode=mode, filters={"year": [year]})
            assert (result.count, result.items) == (0, []), (year, q)
    assert ids(query.search("fish", mode="lexical", filters={"year": [2022, 9999]})) == ["en-fish"]


@pytest.fixture
def registry(transactional_db):
    """Transactional tests start from empty tables: the strategy's themes and countries."""
    call_command("load_strategy", verbosity=0)


def test_it_flushes_the_search_tables_with_the_records(registry):
    """A plain flush, as between transactional tests and in ``lmec flush``: on PostgreSQL one
    TRUNCATE of every table Django knows, refused if a table it does not know refers to a
    truncated one."""
    make_resource(
        identifier="flushed",
        language="en",
        title={"en": "Sediment transport in the lower Mekong"},
        published_on=datetime.date(2024, 1, 1),
    )
    assert ids(query.search("sediment", mode="lexical")) == ["flushed"]
    call_command("flush", interactive=False, verbosity=0)
    assert Resource.objects.count() == 0
    table = "knowledge_search_fts" if connection.vendor == "sqlite" else "knowledge_search_document"
    with connection.cursor() as cursor:
        for name in (table, "knowledge_search_vector", "knowledge_search_state"):
            cursor.execute(f"SELECT COUNT(*) FROM {name}")
            assert cursor.fetchone()[0] == 0, name
    # The index works after the flush (the state row comes back with the next write).
    call_command("load_strategy", verbosity=0)
    make_resource(
        identifier="after",
        language="en",
        title={"en": "Sediment budgets"},
        published_on=datetime.date(2024, 1, 1),
    )
    result = query.search("sediment", mode="lexical")
    assert (ids(result), result.count) == (["after"], 1)


def _facet(result, name):
    return {e["key"]: e["count"] for e in result.facets[name]}


def test_it_keeps_counts_and_facets_right_after_create_update_unpublish_delete(
    users, django_capture_on_commit_callbacks
):
    """Every write through the services is seen by the next search: the catalogue of facet
    values is reloaded when the index changes."""
    base = {
        "type": "publication",
        "language": "en",
        "status": "published",
        "licence": "cc-by-4.0",
    }
    a = {
        **base,
        "identifier": "sed-a",
        "title": "Sediment in the Mekong delta",
        "themes": ["energy-climate"],
        "countries": ["TH"],
        "date": "2020-05-01",
    }
    b = {
        **base,
        "identifier": "sed-b",
        "title": "Sediment mining",
        "themes": ["energy-climate", "nature-based-solutions"],
        "countries": ["VN"],
        "date": "2021-05-01",
    }
    with django_capture_on_commit_callbacks(execute=True):
        services.upsert_resource(data=a, action="imported")
        services.upsert_resource(data=b, action="imported")
    result = query.search("sediment", mode="lexical")
    assert result.count == 2
    assert _facet(result, "type") == {"publication": 2}
    assert _facet(result, "theme") == {"energy-climate": 2, "nature-based-solutions": 1}
    assert _facet(result, "country") == {"TH": 1, "VN": 1}
    assert _facet(result, "year") == {"2020": 1, "2021": 1}

    changed = {**a, "type": "dataset", "themes": ["nature-based-solutions"], "countries": ["LA"]}
    with django_capture_on_commit_callbacks(execute=True):
        services.upsert_resource(data={**changed, "date": "2024-01-01"}, action="imported")
    result = query.search("sediment", mode="lexical")
    assert _facet(result, "type") == {"dataset": 1, "publication": 1}
    assert _facet(result, "theme") == {"energy-climate": 1, "nature-based-solutions": 2}
    assert _facet(result, "country") == {"LA": 1, "VN": 1}
    assert _facet(result, "year") == {"2021": 1, "2024": 1}
    assert ids(query.search("sediment", mode="lexical", filters={"type": ["dataset"]})) == ["sed-a"]

    resource_a = Resource.objects.get(identifier="sed-a")
    with django_capture_on_commit_callbacks(execute=True):
        services.unpublish(user=users.editor, resource=resource_a, comment="Out of date.")
    result = query.search("sediment", mode="lexical")
    assert (ids(result), result.count) == (["sed-b"], 1)
    assert _facet(result, "country") == {"VN": 1}
    everything = query.search("sediment", mode="lexical", resources=Resource.objects.all())
    assert everything.count == 2

    with django_capture_on_commit_callbacks(execute=True):
        Resource.objects.get(identifier="sed-b").delete()
    result = query.search("sediment", mode="lexical")
    assert (result.count, result.items) == (0, [])
    assert all(entries == [] for entries in result.facets.values())


def test_it_counts_browse_facets_from_memory_exactly_as_sql_does(corpus):
    published = Resource.objects.filter(status="published")
    for filters in (
        {},
        {"theme": ["energy-climate"]},
        {"country": ["VN"], "type": ["tool", "publication"]},
        {"year": [2023, 2024]},
        {"language": ["vi"], "licence": ["notspecified"]},
    ):
        allowed = query._filtered(published, query.check_filters(filters))
        in_sql = query.facets(allowed.values("id"), base=allowed)
        assert query.search("", filters=filters).facets == in_sql, filters
    # A record written without the index is listed and counted at once (facets in SQL).
    make_resource(
        identifier="unindexed",
        language="en",
        title={"en": "Not yet indexed"},
        type="multimedia",
        published_on=datetime.date(2026, 1, 1),
        reindex=False,
    )
    result = query.search("")
    assert result.count == 10
    assert {"key": "multimedia", "label": "Multimedia", "count": 1} in result.facets["type"]
    assert ids(result)[0] == "unindexed"
