"""lmec knowledge import in batches: a re-import reads the stored state of 1,000 lines at once
and writes only what changed (one history entry per changed record); a bad line anywhere
still stores nothing."""

import json

import pytest

from lmec.knowledge.importer import BATCH, import_jsonl
from lmec.knowledge.models import Resource, ResourceEvent

LANGUAGES = ["en", "th", "lo", "km", "my", "vi", "zh-hans"]
THEMES = ["transport-ecosystems", "energy-climate", "green-industrial-parks"]


def line(n: int) -> dict:
    """Line ``n`` of a generated file: every kind of field the importer compares."""
    lang = LANGUAGES[n % len(LANGUAGES)]
    data = {
        "identifier": f"batch-{n:04d}",
        "type": "dataset" if n % 3 else "publication",
        "language": lang,
        "title": {lang: f"Record {n} ({lang})", "en": f"Record {n}"},
        "abstract": f"Abstract of record {n}",
        "authors": [f"Author {n % 17}", {"name": "Lan Nguyen", "orcid": "0000-0002-1825-0097"}],
        "publisher": {"slug": f"org-{n % 5}", "name": f"Organisation {n % 5}"},
        "organisations": [f"org-{(n + 1) % 5}"] if n >= 5 else [],  # described above
        "country": "TH",
        "countries": ["TH", "LA"] if n % 2 else ["VN"],
        "themes": [THEMES[n % 3]],
        "keywords": [f"word{n % 11}", "sediment"],
        "activities": ["D5-A1-2"],
        "licence": "cc-by-4.0",
        "date": f"20{n % 20:02d}-01-31",
        "sdgs": [6, 13],
    }
    if n % 100 == 7:
        data["files"] = [{"url": f"https://example.org/{n}.csv", "format": "CSV"}]
    return data


def write(tmp_path, lines, name="batch.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    return path


@pytest.fixture
def stored(db, tmp_path):
    """2,000 lines imported once (two batches)."""
    lines = [line(n) for n in range(2000)]
    result = import_jsonl(write(tmp_path, lines))
    assert (result.status, result.created) == ("done", 2000)
    return lines


def snapshot():
    return (
        sorted(Resource.objects.values_list("identifier", "updated_at")),
        ResourceEvent.objects.count(),
        sum(
            getattr(Resource, name).through.objects.count()
            for name in ("countries", "themes", "keywords", "organisations", "activities")
        ),
    )


def test_it_changes_nothing_and_writes_no_history_on_an_unchanged_reimport(
    stored, tmp_path, django_assert_max_num_queries
):
    assert BATCH == 1000
    before = snapshot()
    assert before[1] == 2000  # one "imported" entry per record
    # the state of 1,000 lines is read in a few queries: ~10 per batch, not ~20 per line
    with django_assert_max_num_queries(40):
        result = import_jsonl(write(tmp_path, stored, "again.jsonl"))
    assert (result.status, result.counts()) == (
        "done",
        {"read": 2000, "created": 0, "updated": 0, "unchanged": 2000, "refused": 0},
    )
    assert snapshot() == before


def test_it_updates_the_one_changed_line_with_one_history_entry(stored, tmp_path):
    lines = [dict(x) for x in stored]
    changed = lines[1499]  # line 1,500, in the second batch
    changed["abstract"] = "A revised abstract"
    changed["themes"] = ["energy-climate", "green-industrial-parks"]
    changed["keywords"] = ["sediment"]
    result = import_jsonl(write(tmp_path, lines, "changed.jsonl"))
    assert result.counts() == {
        "read": 2000,
        "created": 0,
        "updated": 1,
        "unchanged": 1999,
        "refused": 0,
    }
    record = Resource.objects.get(identifier="batch-1499")
    assert record.abstract_th == "A revised abstract"  # 1499 % 7 == 1: a Thai record
    events = list(record.events.order_by("id").values_list("action", "changes"))
    assert len(events) == 2
    assert events[1] == (
        "imported",
        {
            "abstract_th": ["Abstract of record 1499", "A revised abstract"],
            "themes": [["green-industrial-parks"], ["energy-climate", "green-industrial-parks"]],
            "keywords": [["sediment", "word3"], ["sediment"]],
        },
    )
    assert sorted(record.themes.values_list("code", flat=True)) == [
        "energy-climate",
        "green-industrial-parks",
    ]
    assert list(record.keywords.values_list("name", flat=True)) == ["sediment"]
    assert ResourceEvent.objects.count() == 2001


def test_it_updates_a_changed_link_and_a_new_line_in_the_same_batch(stored, tmp_path):
    lines = [dict(x) for x in stored]
    lines[7]["files"] = [{"url": "https://example.org/7-v2.csv", "format": "CSV"}]
    lines.append(line(2000))
    result = import_jsonl(write(tmp_path, lines, "links.jsonl"))
    assert (result.created, result.updated, result.unchanged) == (1, 1, 1999)
    record = Resource.objects.get(identifier="batch-0007")
    assert list(record.distributions.values_list("url", flat=True)) == [
        "https://example.org/7-v2.csv"
    ]
    assert record.events.last().changes["files"][1] == [
        {"url": "https://example.org/7-v2.csv", "title": "", "format": "CSV", "language": ""}
    ]
    new = Resource.objects.get(identifier="batch-2000")
    assert (new.publisher.slug, new.events.count()) == ("org-0", 1)


@pytest.mark.parametrize("bad_line", [1, 1500, 2000])
def test_it_stores_nothing_when_a_line_anywhere_is_bad(stored, tmp_path, bad_line):
    before = snapshot()
    lines = [dict(x) for x in stored]
    lines[1499]["abstract"] = "A revised abstract"  # would be an update
    lines.append(line(2000))  # would be new
    lines[bad_line - 1] = {**lines[bad_line - 1], "licence": "mine"}
    result = import_jsonl(write(tmp_path, lines, "bad.jsonl"))
    assert result.status == "refused"
    assert [(e.line, e.field) for e in result.errors] == [(bad_line, "licence")]
    assert snapshot() == before
    assert not Resource.objects.filter(identifier="batch-2000").exists()


def test_it_stores_the_good_lines_of_every_batch_with_skip_invalid(stored, tmp_path):
    lines = [dict(x) for x in stored]
    lines[1499]["abstract"] = "A revised abstract"
    lines[999] = {**lines[999], "themes": ["weather"]}
    result = import_jsonl(write(tmp_path, lines, "skip.jsonl"), skip_invalid=True)
    assert (result.status, result.updated, result.unchanged, result.refused) == (
        "partial",
        1,
        1998,
        1,
    )
    assert [(e.line, e.field) for e in result.errors] == [(1000, "themes")]
