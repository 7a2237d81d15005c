"""Keep the search index current: one entry per (resource, language version).

A language version is a language in which the resource has a title, abstract or case field
(the original language always has one). Each version is indexed with its words by field —
title (weighted highest), abstract + keywords, body (the case template's fields and the text
extracted from its files) — in the lexical index (:mod:`.backends`), and with one embedding
(:mod:`.embeddings`) when semantic search is on. Every resource is indexed whatever its status:
what a reader may find is decided at query time (:func:`lmec.knowledge.search.query.search`'s
``resources``), so publishing or unpublishing needs no reindex to be correct.

The services call :func:`reindex_resource` after every change, on commit
(:func:`reindex_on_commit`); :func:`reindex_all` rebuilds everything (``lmec knowledge
reindex``; embeddings are the slow part, done in batches).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable

from django.db import connection, transaction
from django.db.models import Prefetch

from lmec.knowledge.models import Distribution, Resource

from . import embeddings, text
from .backends import LANGUAGES, VersionWords, backend

CASE_FIELDS = ("context", "challenge", "solution", "results", "costs", "lessons", "partners")
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


def _index_chunk(ids: list[int]) -> int:
    resources = _load(ids)
    rows: list[VersionWords] = []
    passages: list[tuple[int, str, str]] = []
    for resource in resources:
        for lang, version in language_versions(resource, resource.distributions.all()).items():
            rows.append(
                VersionWords(
                    resource.id,
                    lang,
                    text.segment(version["title"], lang),
                    text.segment(version["abstract"], lang),
                    text.segment(version["body"], lang),
                )
            )
            passages.append((resource.id, lang, passage(version)))
    vectors = None
    if embeddings.enabled() and passages:
        vectors = embeddings.passage_vectors(
            [p for _r, _l, p in passages]
        )  # outside the transaction
    with transaction.atomic():
        backend().write(ids, rows)
        # With semantic search off, drop the changed resources' vectors rather than keep
        # stale ones (turning it on needs a reindex_all).
        items = [] if vectors is None else list(zip(passages, vectors, strict=True))
        embeddings.write(ids, [(r, lang, v) for (r, lang, _p), v in items])
        _bump()
    return len(resources)


def reindex_many(ids: Iterable[int], *, batch: int = 256) -> int:
    """(Re)build the entries of these resources; ids of deleted resources lose theirs.
    Returns how many resources were indexed."""
    ids = list(dict.fromkeys(int(i) for i in ids))
    done = 0
    for start in range(0, len(ids), batch):
        done += _index_chunk(ids[start : start + batch])
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
        _bump()


def reindex_all(*, batch: int = 256, progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild the whole index; ``progress(done, total)`` after each batch. Returns the number
    of resources indexed."""
    ids = list(Resource.objects.order_by("id").values_list("id", flat=True))
    with transaction.atomic():
        backend().clear()
        embeddings.clear()
        _bump()
    done = 0
    for start in range(0, len(ids), batch):
        done += _index_chunk(ids[start : start + batch])
        if progress is not None:
            progress(min(start + batch, len(ids)), len(ids))
    return done


#: The batch name the services' after-change hook looks for (``services.hooks.connect_search``).
reindex_resources = reindex_many
