"""The database-specific half of the lexical index: SQLite FTS5 or PostgreSQL tsvector.

Both take the same rows (ICU words of each language version, by field) and the same parsed
query (:class:`lmec.knowledge.search.query.Clause` list), and answer ``scores(clauses)``:
every matching language version as arrays ``(resource_ids, scores)``, a higher score better,
unfiltered (what may be found is decided by :mod:`lmec.knowledge.search.query`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection

#: The language versions, in the order that gives each its index in the SQLite rowid.
LANGUAGES = ("zh-hans", "en", "th", "vi", "lo", "km", "my")
LANGUAGE_INDEX = {code: i for i, code in enumerate(LANGUAGES)}

#: Relative weights of the fields: title, abstract + keywords, body (case fields, file text).
WEIGHTS = (10.0, 4.0, 1.0)


@dataclass
class VersionWords:
    """The ICU words of one language version of a resource, field by field."""

    resource_id: int
    language: str
    title: list[str] = field(default_factory=list)
    abstract: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Clause:
    """Words that must occur next to each other in this order (one word: just that word);
    ``negated``: must not occur."""

    words: tuple[str, ...]
    negated: bool = False


def backend():
    """The module for the default database: :mod:`.sqlite` or :mod:`.postgres`."""
    if connection.vendor == "postgresql":
        from . import postgres

        return postgres
    from . import sqlite

    return sqlite
