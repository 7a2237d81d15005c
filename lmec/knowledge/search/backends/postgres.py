"""Lexical index on PostgreSQL: a weighted ``tsvector`` per language version, GIN-indexed,
ranked by ``ts_rank_cd``.

The tsvector and tsquery are written as literals from the ICU words (``'word':3A``, ``'a' <->
'b'``), never through a text search parser: PostgreSQL's parser decides what a letter is by
the server's locale and would cut Thai words at their combining marks, as FTS5's unicode61
does. Quoted lexemes in a literal are taken as they are (only ``'`` and ``\\`` are escaped).
"""

from __future__ import annotations

import numpy as np
from django.db import connection

from . import WEIGHTS, Clause, VersionWords

TABLE = "knowledge_search_document"
#: tsvector positions stop at 16383 (later words keep that position: found, not in phrases).
MAX_POSITION = 16383
#: Lexemes longer than this (bytes) are refused by PostgreSQL (2047); such a "word" is noise.
MAX_LEXEME_BYTES = 1000


def _quote(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(row: VersionWords) -> str:
    """``'word':1A,7B 'other':2A …`` — positions run on across fields, with a gap between
    fields so that a phrase never spans two of them."""
    positions: dict[str, list[str]] = {}
    position = 0
    for words, weight in ((row.title, "A"), (row.abstract, "B"), (row.body, "C")):
        for word in words:
            position += 1
            if len(word.encode()) > MAX_LEXEME_BYTES:
                continue
            entries = positions.setdefault(word, [])
            if len(entries) < 256:  # PostgreSQL keeps at most 256 positions per lexeme
                entries.append(f"{min(position, MAX_POSITION)}{weight}")
        position += 1
    return " ".join(f"{_quote(word)}:{','.join(p)}" for word, p in positions.items())


def write(resource_ids, rows: list[VersionWords]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE resource_id = ANY(%s)", [list(resource_ids)])
        cursor.executemany(
            f"INSERT INTO {TABLE} (resource_id, language, document) VALUES (%s, %s, %s::tsvector)",
            [(row.resource_id, row.language, tsvector_literal(row)) for row in rows],
        )


def delete(resource_ids) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE resource_id = ANY(%s)", [list(resource_ids)])


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {TABLE}")


def _phrase(clause: Clause) -> str:
    phrase = " <-> ".join(_quote(w) for w in clause.words)
    return f"({phrase})" if len(clause.words) > 1 else phrase


def tsquery_literal(clauses: list[Clause]) -> str:
    positive = [_phrase(c) for c in clauses if not c.negated]
    negative = [f"!{_phrase(c)}" for c in clauses if c.negated]
    return " & ".join(positive + negative)


def scores(clauses: list[Clause]) -> tuple[np.ndarray, np.ndarray]:
    """Every matching language version: ``(resource_ids, scores)`` (``ts_rank_cd``, weights
    D, C, B, A), in no particular order; no filter (the caller keeps the allowed ones)."""
    title, abstract, body = (w / WEIGHTS[0] for w in WEIGHTS)
    weights = f"{{0.05, {body}, {abstract}, {title}}}"
    # The matches come back as one text, "id rank id rank …", parsed by NumPy in C: tens of
    # thousands of rows as Python tuples cost more than ranking them (profiled: "the" in the
    # benchmark's 100,000 records, 54,406 matches). The rank's text is PostgreSQL's shortest
    # exact form of the float4, so the scores are the numbers a row-by-row fetch gave.
    sql = (
        "SELECT string_agg(d.resource_id || ' '"
        " || ts_rank_cd(%s::float4[], d.document, q.query), ' ')"
        f" FROM {TABLE} d, (SELECT %s::tsquery AS query) q WHERE d.document @@ q.query"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [weights, tsquery_literal(clauses)])
        (packed,) = cursor.fetchone()
    if not packed:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    pairs = np.fromstring(packed, sep=" ").reshape(-1, 2)
    return pairs[:, 0].astype(np.int64), pairs[:, 1].copy()
