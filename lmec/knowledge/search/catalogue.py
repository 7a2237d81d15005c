"""The catalogue's facet values in memory: one NumPy array per facet over every resource.

A search that matches 50,000 records must count their types, languages, licences, years,
themes and countries, and keep only the published ones that pass the filters. Done in SQL,
that is one lookup of a wide resource row (seven languages of text) and of two membership
tables per match: measured on 100,000 generated records, 0.5–1.5 s on the shared machine for
a query matching half of them. Here it is a few vectorised operations over arrays indexed by
the position of the resource id in a sorted id array (:func:`positions`).

The arrays are read from the resource table and the theme and country memberships, and kept
per process like the embedding matrix (:mod:`.embeddings`): reloaded when the index state
token (``knowledge_search_state``, changed by every index write) differs from the one they
were read at. So they are exact after every write that goes through the services (which
reindex the changed records on commit) or through :mod:`.index`; a write that bypasses both
(``QuerySet.update``, raw SQL, a shell) must call :func:`lmec.knowledge.search.index.reindex_many`
(or ``reindex_all``) for searches to see it — its status included, since the default search
(published records) takes the status from here.

Facet semantics are those of the model: ``type``, ``language`` (the original's), ``licence``,
``year`` (of ``published_on``; none when it is empty), ``theme`` (any of the record's themes),
``country`` (the countries it covers, ``Resource.countries``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np
from django.db import connection

from . import embeddings

ROW_FACETS = ("type", "language", "licence")
SET_FACETS = ("theme", "country")

_lock = threading.Lock()
_current: Catalogue | None = None


@dataclass
class Catalogue:
    token: int
    ids: np.ndarray  # (n,) int64, sorted
    published: np.ndarray  # (n,) bool
    codes: dict[str, np.ndarray]  # type/language/licence: (n,) int32 index into keys
    keys: dict[str, list]  # the value of each code, per facet (theme, country: columns)
    year: np.ndarray  # (n,) int32, 0 = no date
    members: dict[str, np.ndarray]  # theme/country: (n, len(keys)) bool
    #: ``{"theme": {code: Theme}, "country": {code: Country}}`` for the facet labels (their
    #: translated names are read in the active language when a label is made).
    named: dict[str, dict] = field(default_factory=dict)
    _filter_cache: dict = field(default_factory=dict)

    def positions(self, resource_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(positions, known)``: each id's index in :attr:`ids`, and whether it is there
        (an id deleted since the last load is not)."""
        resource_ids = np.asarray(resource_ids, dtype=np.int64)
        if not len(self.ids):
            return np.zeros(len(resource_ids), dtype=np.int64), np.zeros(len(resource_ids), bool)
        pos = np.searchsorted(self.ids, resource_ids)
        pos = np.minimum(pos, len(self.ids) - 1)
        return pos, self.ids[pos] == resource_ids

    def allowed(self, filters: dict[str, list]) -> np.ndarray:
        """(n,) bool: published and passing every filter (checked values, see
        :func:`lmec.knowledge.search.query.check_filters`)."""
        key = tuple(sorted((name, tuple(map(str, values))) for name, values in filters.items()))
        cached = self._filter_cache.get(key)
        if cached is not None:
            return cached
        mask = self.published.copy()
        for name, values in filters.items():
            if name in ROW_FACETS:
                wanted = [i for i, k in enumerate(self.keys[name]) if k in set(values)]
                mask &= np.isin(self.codes[name], wanted)
            elif name == "year":
                mask &= np.isin(self.year, [int(v) for v in values if int(v)])  # 0: no date
            else:
                columns = [i for i, k in enumerate(self.keys[name]) if k in set(values)]
                mask &= self.members[name][:, columns].any(axis=1)
        if len(self._filter_cache) > 256:
            self._filter_cache.clear()
        self._filter_cache[key] = mask
        return mask

    def counts(self, positions: np.ndarray) -> dict[str, list[tuple]]:
        """``{facet: [(key, count)]}`` over the resources at ``positions`` (non-zero counts)."""
        out: dict[str, list[tuple]] = {}
        for name in ROW_FACETS:
            codes = self.codes[name][positions]
            n = np.bincount(codes[codes >= 0], minlength=len(self.keys[name]))  # -1: empty
            out[name] = [(self.keys[name][i], int(c)) for i, c in enumerate(n) if c]
        years, n = np.unique(self.year[positions], return_counts=True)
        out["year"] = [(int(y), int(c)) for y, c in zip(years, n, strict=True) if y]
        for name in SET_FACETS:
            n = self.members[name][positions].sum(axis=0)
            out[name] = [(self.keys[name][i], int(c)) for i, c in enumerate(n) if c]
        return out


def _codes(values: list) -> tuple[np.ndarray, list]:
    keys = sorted({v for v in values if v is not None}, key=str)
    index = {k: i for i, k in enumerate(keys)}
    return np.fromiter((index.get(v, -1) for v in values), dtype=np.int32, count=len(values)), keys


def _members(ids: np.ndarray, table: str, column: str) -> tuple[np.ndarray, list]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT resource_id, {column} FROM {table}")
        rows = cursor.fetchall()
    keys = sorted({key for _rid, key in rows})
    index = {k: i for i, k in enumerate(keys)}
    matrix = np.zeros((len(ids), len(keys)), dtype=bool)
    if rows and len(ids):
        rids = np.fromiter((r for r, _k in rows), dtype=np.int64, count=len(rows))
        cols = np.fromiter((index[k] for _r, k in rows), dtype=np.int64, count=len(rows))
        pos = np.minimum(np.searchsorted(ids, rids), len(ids) - 1)
        known = ids[pos] == rids
        matrix[pos[known], cols[known]] = True
    return matrix, keys


def load(token: int) -> Catalogue:
    """Read the arrays from the database (every resource, whatever its status)."""
    if connection.vendor == "postgresql":
        year = "COALESCE(EXTRACT(YEAR FROM published_on)::int, 0)"
    else:
        year = "COALESCE(CAST(substr(published_on, 1, 4) AS INTEGER), 0)"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, status, type, language, licence, {year} FROM knowledge_resource"
            " ORDER BY id"
        )
        rows = cursor.fetchall()
    n = len(rows)
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in range(6)]
    ids = np.fromiter(columns[0], dtype=np.int64, count=n)
    codes, keys = {}, {}
    for name, values in zip(ROW_FACETS, columns[2:5], strict=True):
        codes[name], keys[name] = _codes(list(values))
    members = {}
    members["theme"], keys["theme"] = _members(ids, "knowledge_resource_themes", "theme_id")
    members["country"], keys["country"] = _members(
        ids, "knowledge_resource_countries", "country_id"
    )
    from lmec.core.models import Country, Theme

    named = {"theme": Theme.objects.in_bulk(), "country": Country.objects.in_bulk()}
    return Catalogue(
        named=named,
        token=token,
        ids=ids,
        published=np.fromiter((s == "published" for s in columns[1]), dtype=bool, count=n),
        codes=codes,
        keys=keys,
        year=np.fromiter(columns[5], dtype=np.int32, count=n),
        members=members,
    )


def current() -> Catalogue:
    """The arrays as of the last index write (reloaded when the state token has changed)."""
    global _current
    token = embeddings.state_token()
    cat = _current
    if cat is not None and cat.token == token:
        return cat
    with _lock:
        cat = _current
        if cat is None or cat.token != token:
            cat = _current = load(token)
        return cat
