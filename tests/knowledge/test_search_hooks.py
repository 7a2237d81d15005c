"""The services keep the index current: a change is searchable once its transaction commits,
and Burmese entered in Zawgyi is stored in Unicode."""

import pytest

from lmec.knowledge import services
from lmec.knowledge.models import Resource
from lmec.knowledge.search import query

from .search_fixtures import BURMESE_TITLE, ZAWGYI


@pytest.fixture(autouse=True)
def lexical_only(settings):
    settings.KNOWLEDGE_SEMANTIC_SEARCH = False


def test_it_indexes_what_the_services_write_on_commit(db, django_capture_on_commit_callbacks):
    data = {
        "identifier": "hook-1",
        "type": "publication",
        "language": "th",
        "title": "การจัดการน้ำเสียในนิคมอุตสาหกรรม",
        "status": "published",
    }
    with django_capture_on_commit_callbacks(execute=True):
        services.upsert_resource(data=data, action="imported")
    assert [i["identifier"] for i in query.search("น้ำเสีย", mode="lexical").items] == ["hook-1"]
    with django_capture_on_commit_callbacks(execute=True):
        services.upsert_resource(data={**data, "title": "การจัดการขยะ"}, action="imported")
    assert query.search("น้ำเสีย", mode="lexical").count == 0
    assert query.search("ขยะ", mode="lexical").count == 1


def test_it_stores_zawgyi_as_unicode_through_the_services(db, django_capture_on_commit_callbacks):
    data = {
        "identifier": "hook-my",
        "type": "publication",
        "language": "my",
        "title": ZAWGYI.transliterate(BURMESE_TITLE),
        "status": "published",
    }
    with django_capture_on_commit_callbacks(execute=True):
        resource, _created, _changed = services.upsert_resource(data=data, action="imported")
    assert Resource.objects.get(pk=resource.pk).title_my == BURMESE_TITLE
    assert query.search("နေရောင်ခြည်", mode="lexical").count == 1
