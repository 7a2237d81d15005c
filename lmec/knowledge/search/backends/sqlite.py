"""Lexical index on SQLite: an FTS5 table ranked by bm25 with column weights.

Rows are keyed by rowid = ``resource_id * 8 + language index`` so that one resource's rows are
one rowid range (deleting them is a range scan, not a scan of an UNINDEXED column).
The table's ``ascii`` tokenizer splits on ASCII spaces and punctuation only; the index writes
ICU words joined by spaces, and a query phrase goes through the same tokenizer, so both sides
agree even for words such as ``pm2.5`` (split into ``pm2`` ``5`` on both sides).
"""

from __future__ import annotations

import numpy as np
from django.db import connection

from . import LANGUAGE_INDEX, WEIGHTS, Clause, VersionWords

TABLE = "knowledge_search_fts"


def _delete(cursor, resource_ids) -> None:
    for rid in resource_ids:
        cursor.execute(f"DELETE FROM {TABLE} WHERE rowid BETWEEN %s AND %s", [rid * 8, rid * 8 + 7])


def write(resource_ids, rows: list[VersionWords]) -> None:
    """Replace the rows of ``resource_ids`` with ``rows``."""
    with connection.cursor() as cursor:
        _delete(cursor, resource_ids)
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, title, abstract, body) VALUES (%s, %s, %s, %s)",
            [
                (
                    row.resource_id * 8 + LANGUAGE_INDEX[row.language],
                    " ".join(row.title),
                    " ".join(row.abstract),
                    " ".join(row.body),
                )
                for row in rows
            ],
        )


def delete(resource_ids) -> None:
    with connection.cursor() as cursor:
        _delete(cursor, resource_ids)


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")


def _phrase(clause: Clause) -> str:
    return '"' + " ".join(clause.words).replace('"', '""') + '"'


def match_expression(clauses: list[Clause]) -> str:
    """The FTS5 query: positive phrases AND-ed, negated ones cut with NOT."""
    positive = " AND ".join(_phrase(c) for c in clauses if not c.negated)
    expression = f"({positive})"
    for clause in clauses:
        if clause.negated:
            expression += f" NOT {_phrase(clause)}"
    return expression


def scores(clauses: list[Clause]) -> tuple[np.ndarray, np.ndarray]:
    """Every matching language version: ``(resource_ids, scores)``, ``-bm25`` (higher is
    better), in no particular order; no filter (the caller keeps the allowed ones)."""
    weights = ", ".join(str(w) for w in WEIGHTS)
    sql = f"SELECT rowid, bm25({TABLE}, {weights}) FROM {TABLE} WHERE {TABLE} MATCH %s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [match_expression(clauses)])
        rows = cursor.fetchall()
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    rowids, ranks = zip(*rows, strict=True)
    return np.array(rowids, dtype=np.int64) >> 3, -np.array(ranks, dtype=np.float64)
