"""Keep the search index current: one entry per (resource, language version).

A language version is a language in which the resource has a title, abstract or case field
(the original language always has one). Each version is indexed with its words by field —
title (weighted highest), abstract + keywords, body (the case template's fields and the text
extracted from its files) — in the lexical index (:mod:`.backends`), and with one embedding
(:mod:`.embeddings`) when semantic search is on. Every resource is indexed whatever its status:
what a reader may find is decided at query time (:func:`lmec.knowledge.search.query.search`'s
``resources``), so publishing or unpublishing needs no reindex to be correct.

Two speeds:

- the **lexical** index is written at once (:func:`reindex_many`, in batches), so a record
  is found by its words as soon as its change commits;
- **embeddings** take the model 0.1–0.3 s a version on this project's machines, so they are
  a background step: indexing notes each version whose vector is missing or stale in
  ``knowledge_search_pending`` (with the hash of its text: an unchanged text is never
  embedded again) and queues the task :func:`lmec.knowledge.tasks.embed_pending` after the
  commit, which embeds them in batches (:func:`embed_pending`; ``lmec knowledge embed`` does
  the same with progress). Until then semantic search covers the versions embedded so far.

The services call :func:`reindex_many` after every change, on commit
(:mod:`lmec.knowledge.services.hooks`); :func:`reindex_all` rebuilds the lexical index and
queues what needs embedding (``lmec knowledge reindex``).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable

from django.db import connection, transaction
from django.db.models import Prefetch

from lmec.knowledge.models import CASE_FIELDS, Distribution, Resource

from . import embeddings, text
from .backends import LANGUAGES, VersionWords, backend

#: Characters of body text indexed per version (file text can be whole books; the first
#: 200,000 characters, ~50 pages, say what a document is about).
MAX_BODY_CHARS = 200_000


def _column(lang: str) -> str:
    return lang.replace("-", "_")


def language_versions(resource: Resource, distributions: Iterable[Distribution]) -> dict:
    """``{lang: {"title", "abstract", "body"}}`` normalised texts of each language version.

    Keywords go with every version's abstract (they are not translated). A file's text goes
    to the version of its declared language, else of the language its script says, else to
    the original's.
    """
    versions: dict[str, dict[str, str]] = {}
    keywords = " ".join(k.name for k in resource.keywords.all())
    for lang in LANGUAGES:
        col = _column(lang)
        title = text.normalize(getattr(resource, f"title_{col}", "") or "")
        abstract = text.normalize(getattr(resource, f"abstract_{col}", "") or "")
        case = [text.normalize(getattr(resource, f"{f}_{col}", "") or "") for f in CASE_FIELDS]
        if title or abstract or any(case) or lang == resource.language:
            versions[lang] = {
                "title": title,
                "abstract": "\n".join(p for p in (abstract, keywords) if p),
                "body": "\n".join(p for p in case if p),
            }
    for dist in distributions:
        body = text.normalize(dist.text[:MAX_BODY_CHARS]) if dist.text else ""
        if not body:
            continue
        lang = dist.language if dist.language in versions else text.detect_language(body[:2000])
        version = versions[lang if lang in versions else resource.language]
        version["body"] = f"{version['body']}\n{body}" if version["body"] else body
    for version in versions.values():
        version["body"] = version["body"][:MAX_BODY_CHARS]
    return versions


def passage(version: dict) -> str:
    """The text embedded for a version: title, abstract, then the beginning of the body."""
    return "\n".join(p for p in (version["title"], version["abstract"], version["body"]) if p)


def _load(ids: list[int]) -> list[Resource]:
    return list(
        Resource.objects.filter(id__in=ids).prefetch_related(
            "keywords",
            Prefetch(
                "distributions",
                queryset=Distribution.objects.only("id", "resource_id", "language", "text"),
            ),
        )
    )


def _bump() -> None:
    # A random token, not a counter: a rolled-back transaction can bring a counter back to a
    # value some process already loaded a different state for.
    with connection.cursor() as cursor:
        # An upsert: a flush (tests, ``lmec flush``) empties the table with the others.
        cursor.execute(
            "INSERT INTO knowledge_search_state (id, token) VALUES (1, %s)"
            " ON CONFLICT (id) DO UPDATE SET token = excluded.token",
            [secrets.randbits(62)],
        )


def _words(s: str, lang: str) -> list[str]:
    # the texts of language_versions are normalised already: segment without doing it again
    return [word for word, _a, _b in text.word_spans(s, lang)]


def _index_chunk(ids: list[int]) -> tuple[int, int]:
    """Index these resources; returns ``(resources indexed, versions queued to embed)``."""
    resources = _load(ids)
    rows: list[VersionWords] = []
    wanted: dict[tuple[int, str], str] = {}
    for resource in resources:
        for lang, version in language_versions(resource, resource.distributions.all()).items():
            rows.append(
                VersionWords(
                    resource.id,
                    lang,
                    _words(version["title"], lang),
                    _words(version["abstract"], lang),
                    _words(version["body"], lang),
                )
            )
            wanted[(resource.id, lang)] = embeddings.text_hash(passage(version))
    with transaction.atomic():
        backend().write(ids, rows)
        if embeddings.enabled():
            stored = embeddings.stored_hashes(ids)
            # versions that no longer exist lose their vector; the others keep theirs until
            # the new one is made (a slightly stale vector finds more than none)
            embeddings.delete_versions([key for key in stored if key not in wanted])
            stale = [
                (rid, lang, h) for (rid, lang), h in wanted.items() if stored.get((rid, lang)) != h
            ]
        else:
            # semantic search off: drop the vectors rather than keep stale ones (turning it on
            # needs a reindex_all)
            embeddings.delete(ids)
            stale = []
        _set_pending(ids, stale)
        _bump()
    return len(resources), len(stale)


PENDING = "knowledge_search_pending"


def _set_pending(ids: list[int], items: list[tuple[int, str, str]]) -> None:
    with connection.cursor() as cursor:
        marks = ", ".join(["%s"] * len(ids))
        if ids:
            cursor.execute(f"DELETE FROM {PENDING} WHERE resource_id IN ({marks})", ids)
        cursor.executemany(
            f"INSERT INTO {PENDING} (resource_id, language, text_hash) VALUES (%s, %s, %s)", items
        )


def pending_count() -> int:
    """Language versions waiting for their embedding."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {PENDING}")
        return int(cursor.fetchone()[0])


def queue_embedding() -> None:
    """Queue the embedding task once the current transaction commits (at once outside one).
    With ``TASKS_BACKEND=immediate`` it runs then, in this process."""

    def enqueue() -> None:
        from lmec.knowledge.tasks import embed_pending as task

        task.enqueue()

    transaction.on_commit(enqueue)


def reindex_many(
    ids: Iterable[int],
    *,
    batch: int = 256,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """(Re)build the lexical entries of these resources and queue the embedding of their
    new or changed versions; ids of deleted resources lose their entries. Returns how many
    resources were indexed; ``progress(done, total)`` after each batch."""
    ids = list(dict.fromkeys(int(i) for i in ids))
    done = queued = 0
    for start in range(0, len(ids), batch):
        indexed, stale = _index_chunk(ids[start : start + batch])
        done += indexed
        queued += stale
        if progress is not None:
            progress(min(start + batch, len(ids)), len(ids))
    if queued:
        queue_embedding()
    return done


def reindex_resource(resource_id: int) -> None:
    """(Re)build every language version of one resource (removes it if it no longer exists)."""
    reindex_many([resource_id])


def reindex_on_commit(resource_id: int) -> None:
    """Reindex once the current transaction commits (what the services call after a change)."""
    transaction.on_commit(lambda: reindex_resource(resource_id))


def remove_resource(resource_id: int) -> None:
    with transaction.atomic():
        backend().delete([resource_id])
        embeddings.delete([resource_id])
        _set_pending([resource_id], [])
        _bump()


def reindex_all(*, batch: int = 256, progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild the whole lexical index, and queue the embedding of every version whose
    vector is missing or stale (vectors of unchanged texts are kept); ``progress(done,
    total)`` after each batch. Returns the number of resources indexed."""
    ids = list(Resource.objects.order_by("id").values_list("id", flat=True))
    with transaction.atomic():
        _clear_lexical()
        with connection.cursor() as cursor:  # what belongs to no resource any more
            for table in (embeddings.TABLE, PENDING):
                cursor.execute(
                    f"DELETE FROM {table} WHERE resource_id NOT IN (SELECT id FROM knowledge_resource)"
                )
        _bump()
    return reindex_many(ids, batch=batch, progress=progress)


def _clear_lexical() -> None:
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        # PostgreSQL refuses to TRUNCATE a table with deferred foreign-key checks pending in
        # this transaction (rows written earlier in it): run them now, then defer again
        # (Django's foreign keys are all DEFERRABLE INITIALLY DEFERRED)
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            backend().clear()
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        return
    backend().clear()


#: The batch name the services' after-change hook calls (``services.hooks.connect_search``).
reindex_resources = reindex_many


def embed_pending(
    *,
    limit: int | None = None,
    batch: int = 32,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Embed the versions waiting in the queue, ``batch`` at a time (the model runs outside
    any transaction; each batch is written in one), at most ``limit``; ``progress(done,
    total)`` after each batch. Returns how many versions were embedded.

    A version whose text changed since it was queued is embedded as it is now; one whose
    stored vector already matches its text (embedded meanwhile) is only taken off the queue.
    """
    if not embeddings.enabled():
        return 0
    total = pending_count() if limit is None else min(limit, pending_count())
    handled = embedded = 0
    while limit is None or handled < limit:
        size = batch if limit is None else min(batch, limit - handled)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT resource_id, language, text_hash FROM {PENDING}"
                " ORDER BY resource_id, language LIMIT %s",
                [size],
            )
            queued = cursor.fetchall()
        if not queued:
            break
        embedded += _embed_batch(queued)
        handled += len(queued)
        if progress is not None:
            progress(min(handled, total), total)
    return embedded


def _embed_batch(queued: list[tuple[int, str, str]]) -> int:
    ids = sorted({rid for rid, _lang, _h in queued})
    versions = {
        (r.id, lang): version
        for r in _load(ids)
        for lang, version in language_versions(r, r.distributions.all()).items()
    }
    stored = embeddings.stored_hashes(ids)
    todo: list[tuple[int, str, str, str]] = []  # resource, language, passage, its hash
    gone: list[tuple[int, str]] = []
    for rid, lang, _queued_hash in queued:
        version = versions.get((rid, lang))
        if version is None:
            gone.append((rid, lang))
            continue
        text_ = passage(version)
        h = embeddings.text_hash(text_)
        if stored.get((rid, lang)) != h:
            todo.append((rid, lang, text_, h))
    vectors = embeddings.passage_vectors([t for _r, _l, t, _h in todo])  # outside a transaction
    current = {(rid, lang): h for rid, lang, _t, h in todo}
    with transaction.atomic():
        embeddings.delete_versions(gone)
        embeddings.put(
            [(rid, lang, v, h) for (rid, lang, _t, h), v in zip(todo, vectors, strict=True)]
        )
        with connection.cursor() as cursor:
            # off the queue unless a newer change queued another text meanwhile
            cursor.executemany(
                f"DELETE FROM {PENDING} WHERE resource_id = %s AND language = %s"
                " AND text_hash IN (%s, %s)",
                [
                    (rid, lang, h, current.get((rid, lang), stored.get((rid, lang), h)))
                    for rid, lang, h in queued
                ],
            )
        if todo or gone:
            _bump()
    return len(todo)
