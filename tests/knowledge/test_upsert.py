"""upsert_resource: the whole record checked first, idempotent by identifier, history kept."""

import pytest

from lmec.knowledge import services
from lmec.knowledge.models import Resource, ResourceEvent

RECORD = {
    "identifier": "mrc-sediment-2021",
    "type": "publication",
    "language": "th",
    "title": {"th": "รายงานตะกอนแม่น้ำโขง", "en": "Mekong sediment report"},
    "abstract": "ปริมาณตะกอนลดลง",
    "authors": ["Somchai P.", {"name": "Lan Nguyen", "orcid": "0000-0002-1825-0097"}],
    "country": "TH",
    "countries": ["TH", "LA"],
    "themes": ["transport-ecosystems"],
    "keywords": ["sediment", "dams"],
    "activities": ["D5-A1-2"],
    "licence": "cc-by-4.0",
    "date": "2021-06-30",
    "url": "https://example.org/sediment",
    "sdgs": [6, 14],
    "publisher": {"slug": "mrc", "name": "Mekong River Commission"},
}


def test_it_creates_then_changes_nothing_on_the_same_data(db):
    resource, created, changed = services.upsert_resource(data=RECORD)
    assert (created, changed) == (True, True)
    assert resource.title_th == "รายงานตะกอนแม่น้ำโขง"
    assert resource.title_en == "Mekong sediment report"
    assert resource.abstract_th == "ปริมาณตะกอนลดลง"
    assert resource.status == "published" and resource.published_at is not None
    assert sorted(resource.countries.values_list("code", flat=True)) == ["LA", "TH"]
    assert resource.publisher.slug == "mrc"
    assert list(resource.activities.values_list("code", flat=True)) == ["D5-A1-2"]
    assert resource.authors == [
        {"name": "Somchai P."},
        {"name": "Lan Nguyen", "orcid": "0000-0002-1825-0097"},
    ]
    again, created, changed = services.upsert_resource(data=RECORD)
    assert (again.pk, created, changed) == (resource.pk, False, False)
    assert list(resource.events.values_list("action", flat=True)) == ["imported"]


def test_it_records_the_changed_fields_with_old_and_new_values(db):
    resource, _, _ = services.upsert_resource(data=RECORD)
    _, created, changed = services.upsert_resource(
        data={**RECORD, "keywords": ["sediment"], "date": "2022-01-01"}, action="harvested"
    )
    assert (created, changed) == (False, True)
    event = resource.events.last()
    assert event.action == "harvested"
    assert event.changes == {
        "keywords": [["dams", "sediment"], ["sediment"]],
        "date": ["2021-06-30", "2022-01-01"],
    }


def test_it_names_every_bad_field_and_stores_nothing(db):
    bad = {
        **RECORD,
        "type": "novel",
        "country": "XX",
        "themes": ["weather"],
        "authors": [{"affiliation": "MRC"}],
        "licence": "mine",
        "date": "30/06/2021",
        "files": [{"path": "a.pdf"}],
        "colour": "green",
    }
    with pytest.raises(services.ResourceInvalid) as exc:
        services.upsert_resource(data=bad)
    assert set(exc.value.errors) == {
        "type",
        "country",
        "themes",
        "authors[0].name",
        "licence",
        "date",
        "files[0].path",
        "colour",
    }
    assert "choose one of: publication, dataset" in exc.value.errors["type"][0]
    assert not Resource.objects.exists()


def test_it_refuses_an_unknown_organisation_given_by_code(db):
    with pytest.raises(services.ResourceInvalid) as exc:
        services.upsert_resource(data={**RECORD, "publisher": "nobody"})
    assert "Unknown organisation 'nobody'" in exc.value.errors["publisher"][0]


def test_it_requires_the_title_in_the_original_language(db):
    with pytest.raises(services.ResourceInvalid) as exc:
        services.upsert_resource(data={**RECORD, "title": {"en": "Only English"}})
    assert exc.value.errors == {"title": ["Give the title in the original language (th)."]}
    assert ResourceEvent.objects.count() == 0


def test_it_calls_the_after_change_hooks_once_after_a_deferred_block(
    db, django_capture_on_commit_callbacks
):
    calls = []
    services.AFTER_CHANGE.append(calls.append)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            with services.deferred_reindex():
                a, _, _ = services.upsert_resource(data=RECORD)
                b, _, _ = services.upsert_resource(data={**RECORD, "identifier": "second"})
                services.upsert_resource(data=RECORD)  # unchanged: not reindexed again
        with django_capture_on_commit_callbacks(execute=True):
            services.upsert_resource(data={**RECORD, "keywords": []})
    finally:
        services.AFTER_CHANGE.remove(calls.append)
    assert calls == [sorted([a.pk, b.pk]), [a.pk]]
