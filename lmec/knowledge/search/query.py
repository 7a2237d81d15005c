"""Search the catalogue: lexical, semantic or hybrid, with filters, facets, sorting, snippets.

- **Lexical**: the query is normalised (NFC, Zawgyi → Unicode) and cut into ICU words like
  the index. Each run of text the user wrote without a space (``เศรษฐกิจหมุนเวียน``,
  ``循环经济``) must match as a phrase of its words; in Vietnamese, whose spaces separate
  syllables, not words, a run of unquoted syllables is one phrase (``kinh tế tuần hoàn``);
  ``"…"`` quotes a phrase in any language; ``-word`` excludes. Everything else must occur
  (AND). Ranked by bm25 (SQLite) or ts_rank_cd (PostgreSQL) with the title weighted highest.
- **Semantic**: the query's multilingual-E5 embedding against every language version's
  (:mod:`.embeddings`); the :data:`SEMANTIC_TOP_K` nearest allowed resources match. This
  finds a Lao report from an English query.
- **Hybrid** (default): reciprocal-rank fusion [1]_ of the two rankings, ``k = 60``.

``q=""`` browses the filtered records, newest first. Facets count the whole match set.

References
----------
.. [1] Cormack, G. V., Clarke, C. L. A. and Büttcher, S. (2009). Reciprocal rank fusion
   outperforms Condorcet and individual rank learning methods. SIGIR '09, 758-759.
   https://doi.org/10.1145/1571941.1572114
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.db import connection
from django.db.models import Case, CharField, Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, ExtractYear, Lower, NullIf, Substr
from django.utils import translation

from lmec.core.models import Country, Theme
from lmec.knowledge import licences
from lmec.knowledge.models import (
    CASE_FIELDS,
    TRANSLATED_FIELDS,
    Distribution,
    Resource,
    ResourceType,
    Status,
)

from . import catalogue, embeddings, snippets, text
from .backends import LANGUAGES, Clause, backend

MODES = ("hybrid", "lexical", "semantic")
SORTS = ("relevance", "newest", "title")
FACETS = ("type", "theme", "country", "language", "year", "licence")
#: How many nearest resources a semantic search returns (its whole match set; in hybrid mode
#: added to the lexical matches). Cosine similarities of this model are too compressed for a
#: cut-off, so the match set is a fixed number of neighbours, as a k-NN retriever's ``k``;
#: 20 keeps a small catalogue's result count meaningful (with 100, any query "matched" every
#: record of the 59-record demo) and is twice the nDCG@10 window the benchmark scores.
SEMANTIC_TOP_K = 20
#: Reciprocal-rank fusion constant [1]_.
RRF_K = 60
_NO_SPACE_LANGUAGES = {"th", "lo", "km", "my", "zh-hans"}
_QUOTED = re.compile(r'"([^"]*)"?|“([^”]*)”?')


class SearchError(ValueError):
    """A search parameter that cannot be used; the message names the valid choices."""

    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name


@dataclass
class SearchResult:
    count: int
    facets: dict[str, list[dict]]
    items: list[dict]
    mode: str
    clauses: list[Clause] = field(default_factory=list)


# -- query parsing -------------------------------------------------------------------------


def parse(q: str) -> list[Clause]:
    """The clauses of a query (see the module docstring). Zawgyi is converted first."""
    q = text.normalize(q)
    clauses: list[Clause] = []
    for m in _QUOTED.finditer(q):
        words = tuple(text.segment(m.group(1) or m.group(2) or ""))
        if words:
            negated = m.start() > 0 and q[m.start() - 1] == "-"
            clauses.append(Clause(words, negated))
    rest = _QUOTED.sub(" ", q)
    # In a Vietnamese query, spaces separate syllables: consecutive Latin-script chunks form
    # one phrase (a word of several syllables, or several words: then the phrase is stricter
    # than needed, and the semantic half of a hybrid search finds the looser matches).
    vietnamese = text.detect_language(rest) == "vi"
    run: list[str] = []

    def flush():
        if run:
            clauses.append(Clause(tuple(run)))
            run.clear()

    for chunk in rest.split():
        negated = chunk.startswith("-") and len(chunk) > 1
        words = tuple(text.segment(chunk[1:] if negated else chunk))
        if not words:
            continue
        if vietnamese and not negated and text.detect_language(chunk) in ("vi", "en"):
            run.extend(words)
            continue
        flush()
        clauses.append(Clause(words, negated))
    flush()
    unique: list[Clause] = []
    for clause in clauses:
        if clause not in unique:
            unique.append(clause)
    return unique


def query_terms(clauses: list[Clause]) -> set[str]:
    """The words to mark in snippets."""
    return {w for c in clauses if not c.negated for w in c.words}


# -- the set a search may find -------------------------------------------------------------


def check_filters(filters: dict | None) -> dict[str, list]:
    """Filters checked against their valid values; :class:`SearchError` names them."""
    checked: dict[str, list] = {}
    for name, values in (filters or {}).items():
        if name not in FACETS:
            raise SearchError(name, f"Unknown filter {name!r}; choose from: {', '.join(FACETS)}.")
        values = [v for v in (values or []) if v not in ("", None)]
        if not values:
            continue
        if name == "year":
            try:
                values = [int(v) for v in values]
            except (TypeError, ValueError):
                raise SearchError(name, "A year is a number such as 2024.") from None
        else:
            valid = _choices(name)
            bad = [v for v in values if v not in valid]
            if bad:
                raise SearchError(
                    name,
                    f"Unknown {name} {bad[0]!r}; choose from: {', '.join(sorted(valid))}.",
                )
        checked[name] = values
    return checked


def _choices(name: str) -> set[str]:
    if name == "type":
        return set(ResourceType.values)
    if name == "theme":
        return set(Theme.objects.values_list("code", flat=True))
    if name == "country":
        return set(Country.objects.values_list("code", flat=True))
    if name == "language":
        return set(LANGUAGES)
    return set(licences.BY_ID)


def _filtered(resources: QuerySet, filters: dict[str, list]) -> QuerySet:
    qs = resources
    for name, values in filters.items():
        if name == "type":
            qs = qs.filter(type__in=values)
        elif name == "language":
            qs = qs.filter(language__in=values)
        elif name == "licence":
            qs = qs.filter(licence__in=values)
        elif name == "year":
            # Date ranges, not ``__year__in`` (a Python function called per row on SQLite):
            # the same records, and the browse index can read them.
            years = Q()
            for y in values:
                if not 1 <= y <= 9999:  # no date has it
                    continue
                years |= Q(published_on__gte=dt.date(y, 1, 1)) & (
                    Q(published_on__lt=dt.date(y + 1, 1, 1)) if y < 9999 else Q()
                )
            if not years:
                qs = qs.none()
                continue
            qs = qs.filter(years)
        elif name == "theme":
            through = Resource.themes.through.objects.filter(theme_id__in=values)
            qs = qs.filter(id__in=through.values("resource_id"))
        elif name == "country":
            through = Resource.countries.through.objects.filter(country_id__in=values)
            qs = qs.filter(id__in=through.values("resource_id"))
    return qs


def ids_expression(ids: list[int]) -> RawSQL:
    """A subquery of these ids, passed as one parameter (no limit on how many)."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [list(ids)])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(list(ids))])


# -- rankings ------------------------------------------------------------------------------
#
# A ranking is two arrays, best first: resource ids (int64) and their scores. Matching runs
# once without any filter in the database (FTS5 / GIN), every match scored there in C; which
# matches may be found, the facet counts and the ordering are then array operations over the
# in-memory catalogue (:mod:`.catalogue`), not a lookup of every matching row.

Ranking = tuple[np.ndarray, np.ndarray]
_EMPTY: Ranking = (np.zeros(0, dtype=np.int64), np.zeros(0))


def _best_first(rids: np.ndarray, scores: np.ndarray) -> Ranking:
    """One entry per resource (its best score), ordered by score, then id."""
    if not len(rids):
        return _EMPTY
    order = np.lexsort((rids, -scores))
    rids, scores = rids[order], scores[order]
    _unique, first = np.unique(rids, return_index=True)
    first.sort()
    return rids[first], scores[first]


def _keep(rids: np.ndarray, cat, checked: dict, resources: QuerySet | None) -> np.ndarray:
    """Boolean mask of ``rids`` that the search may find."""
    if resources is None:  # published records passing the filters: from the catalogue
        pos, known = cat.positions(rids)
        return known & cat.allowed(checked)[pos]
    if not len(rids):
        return np.zeros(0, dtype=bool)
    ok = _filtered(resources, checked).filter(id__in=ids_expression(rids.tolist()))
    allowed = np.fromiter(ok.order_by().values_list("id", flat=True), dtype=np.int64)
    return np.isin(rids, allowed)


#: Unfiltered lexical rankings of recent queries, by database, index state token and clauses:
#: the next page, a facet click (filters apply after the match) or a popular query reuses
#: the database's scoring of every match (bm25 / ts_rank_cd of 54,000 matches of "the":
#: hundreds of ms). Exact: any index write changes the token. Bounded by the ids it holds.
_lexical_cache: OrderedDict[tuple, Ranking] = OrderedDict()
_lexical_lock = threading.Lock()
LEXICAL_CACHE_IDS = 2_000_000


def _unfiltered_lexical(clauses: list[Clause], token: int) -> Ranking:
    key = (connection.alias, connection.settings_dict.get("NAME"), token, tuple(clauses))
    with _lexical_lock:
        cached = _lexical_cache.get(key)
        if cached is not None:
            _lexical_cache.move_to_end(key)
            return cached
    ranking = _best_first(*backend().scores(clauses))
    for array in ranking:
        array.flags.writeable = False
    with _lexical_lock:
        _lexical_cache[key] = ranking
        while sum(len(r[0]) for r in _lexical_cache.values()) > LEXICAL_CACHE_IDS:
            _lexical_cache.popitem(last=False)
    return ranking


def clear_caches() -> None:
    """Forget cached query vectors and lexical rankings (a benchmark's cold searches)."""
    with _lexical_lock:
        _lexical_cache.clear()
    embeddings.clear_query_cache()


def lexical_ranking(clauses: list[Clause], cat, checked: dict, resources) -> Ranking:
    if not any(not c.negated for c in clauses):
        return _EMPTY
    rids, scores = _unfiltered_lexical(clauses, cat.token)
    keep = _keep(rids, cat, checked, resources)
    return rids[keep], scores[keep]


#: The matrix rows' positions in the catalogue, kept while neither changes.
_row_positions: dict = {}


def _query_vector(q: str) -> np.ndarray:
    q = text.normalize(q)
    return embeddings.query_vector(q, text.detect_language(q))


def semantic_ranking(
    q: str,
    cat,
    checked: dict,
    resources,
    k: int | None = None,
    *,
    vector: np.ndarray | None = None,
) -> Ranking:
    """The ``k`` (default :data:`SEMANTIC_TOP_K`) allowed resources nearest to ``q`` (cosine
    of the best language version). ``vector``: ``q``'s, if already computed."""
    k = k or SEMANTIC_TOP_K
    if vector is None:
        vector = _query_vector(q)
    m = embeddings.matrix(cat.token)
    if not len(m.resource_ids):
        return _EMPTY
    if resources is None:
        key = (m.token, id(m), cat.token, id(cat))
        if _row_positions.get("key") != key:
            _row_positions.clear()
            _row_positions.update(key=key, value=cat.positions(m.resource_ids))
        pos, known = _row_positions["value"]
        ranked = embeddings.nearest(vector, k, rows=known & cat.allowed(checked)[pos], m=m)
    else:
        # A caller's own set (a queryset): the nearest over the whole index first, then one
        # small query keeps the allowed ones; only if filters leave too few, every allowed id.
        candidates = embeddings.nearest(vector, 4 * k, m=m)
        ids = np.array([rid for rid, _s in candidates], dtype=np.int64)
        keep = _keep(ids, cat, checked, resources)
        ranked = [c for c, ok in zip(candidates, keep, strict=True) if ok][:k]
        if len(ranked) < k and len(candidates) == 4 * k:
            allowed = _filtered(resources, checked).order_by().values_list("id", flat=True)
            ranked = embeddings.nearest(
                vector, k, allowed=np.fromiter(allowed, dtype=np.int64), m=m
            )
    if not ranked:
        return _EMPTY
    return (
        np.array([rid for rid, _s in ranked], dtype=np.int64),
        np.array([s for _rid, s in ranked], dtype=np.float64),
    )


def fuse(*rankings: list[tuple[int, float]], k: int = RRF_K) -> list[tuple[int, float]]:
    """Reciprocal-rank fusion [1]_: ``score(d) = Σ 1 / (k + rank(d))``, ranks from 1."""
    arrays = [
        (np.array([r for r, _s in ranking], dtype=np.int64), np.zeros(len(ranking)))
        for ranking in rankings
    ]
    ids, scores = fuse_arrays(*arrays, k=k)
    return list(zip(ids.tolist(), scores.tolist(), strict=True))


def fuse_arrays(*rankings: Ranking, k: int = RRF_K) -> Ranking:
    """:func:`fuse` over rankings as arrays (best first); the same sums in the same order."""
    rankings = [r for r in rankings if len(r[0])]
    if not rankings:
        return _EMPTY
    ids = np.concatenate([r[0] for r in rankings])
    contributions = np.concatenate([1.0 / (k + np.arange(1, len(r[0]) + 1)) for r in rankings])
    unique, inverse = np.unique(ids, return_inverse=True)
    fused = np.bincount(inverse, weights=contributions, minlength=len(unique))
    order = np.lexsort((unique, -fused))
    return unique[order], fused[order]


# -- facets --------------------------------------------------------------------------------


def facets(ids_subquery, base: QuerySet | None = None) -> dict[str, list[dict]]:
    """``{facet: [{"key", "label", "count"}]}`` over the resources of ``ids_subquery``
    (three grouped queries), labels in the active language, largest count first."""
    # ``base``: the match set as a queryset (browsing): scanned directly, which lets the
    # database read the narrow facet index (migration 0002) instead of looking up each row.
    base = (base if base is not None else Resource.objects.filter(id__in=ids_subquery)).order_by()
    # The four facets stored on the resource row come from one grouped scan (groups are few:
    # types × languages × licences × years), not four; SQLite reads the year as text because
    # Django's ExtractYear there is a Python function called once per row.
    if connection.vendor == "sqlite":
        year = Cast(Substr(Cast("published_on", CharField()), 1, 4), IntegerField())
    else:
        year = ExtractYear("published_on")
    row_counts: dict[str, dict] = {"type": {}, "language": {}, "licence": {}, "year": {}}
    grouped = (
        base.annotate(y=year)
        .values_list("type", "language", "licence", "y")
        .annotate(n=Count("id"))
    )
    for type_, language, licence, y, n in grouped:
        for name, key in (
            ("type", type_),
            ("language", language),
            ("licence", licence),
            ("year", y),
        ):
            row_counts[name][key] = row_counts[name].get(key, 0) + n
    counts = {
        **{name: list(keys.items()) for name, keys in row_counts.items()},
        "theme": Resource.themes.through.objects.filter(resource_id__in=ids_subquery)
        .order_by()
        .values_list("theme_id")
        .annotate(n=Count("id")),
        "country": Resource.countries.through.objects.filter(resource_id__in=ids_subquery)
        .order_by()
        .values_list("country_id")
        .annotate(n=Count("id")),
    }
    return _facet_entries(counts)


def _browse_facets(allowed: QuerySet, count: int, own, checked: dict) -> dict[str, list[dict]]:
    """Facets of a browse: from the catalogue when it holds exactly as many allowed records
    as the database (the default set; every write went through the index), else counted in
    SQL — e.g. records just written without the index (a test, a shell) are counted at once."""
    if own is None:
        cat = catalogue.current()
        mask = cat.allowed(checked)
        if int(np.count_nonzero(mask)) == count:
            return _facet_entries(cat.counts(np.flatnonzero(mask)), cat.named)
    return facets(allowed.values("id"), base=allowed)


def _facet_entries(counts: dict, named: dict | None = None) -> dict[str, list[dict]]:
    """``{facet: [(key, count)]}`` → labelled entries, largest count first. ``named``:
    ``{"theme": {code: Theme}, "country": {code: Country}}`` already loaded."""
    result = {}
    for name in FACETS:
        rows = [(key, n) for key, n in counts[name] if key is not None]
        labels = _labels(name, [key for key, _n in rows], (named or {}).get(name))
        entries = [{"key": str(key), "label": labels[key], "count": n} for key, n in rows]
        entries.sort(key=lambda e: (-e["count"], e["key"]))
        result[name] = entries
    return result


def _labels(name: str, keys: list, objects: dict | None = None) -> dict:
    if name == "type":
        names = dict(ResourceType.choices)
        return {k: str(names.get(k, k)) for k in keys}
    if name == "language":
        names = dict(settings.LANGUAGES)
        return {k: str(names.get(k, k)) for k in keys}
    if name == "licence":
        return {
            k: str(licences.LABEL_NOT_SPECIFIED)
            if k == "notspecified"
            else (licences.BY_ID[k].title if k in licences.BY_ID else k)
            for k in keys
        }
    if name == "year":
        return {k: str(k) for k in keys}
    if objects is None:
        model = Theme if name == "theme" else Country
        objects = model.objects.in_bulk(keys)
    return {k: (objects[k].name if k in objects else k) for k in keys}


# -- ordering and items --------------------------------------------------------------------


def _newest(qs: QuerySet) -> QuerySet:
    return qs.order_by(
        F("published_on").desc(nulls_last=True), F("published_at").desc(nulls_last=True), "-id"
    )


def _display_title(lang: str):
    original = Case(
        *[When(language=code, then=F(f"title_{code.replace('-', '_')}")) for code in LANGUAGES],
        default=F("title_en"),
        output_field=CharField(),
    )
    own = NullIf(F(f"title_{lang.replace('-', '_')}"), Value(""), output_field=CharField())
    return Lower(Coalesce(own, original, output_field=CharField()))


def _ordered(qs: QuerySet, sort: str, lang: str) -> QuerySet:
    if sort == "title":
        return qs.order_by(_display_title(lang), "id")
    return _newest(qs)


def _field(row: dict, name: str, lang: str) -> str:
    return row.get(f"{name}_{lang.replace('-', '_')}") or ""


#: The columns a result item is made from: its keys, and every language version of the
#: texts a snippet may come from (no other column of the wide resource row, and no model
#: instances: measured, ``in_bulk`` of 20 rows was ~40 % of the page's cost).
_ITEM_COLUMNS = ("id", "identifier", "type", "language", "published_on") + tuple(
    f"{name}_{code.replace('-', '_')}" for name in TRANSLATED_FIELDS for code in LANGUAGES
)


def _item_rows(ids: list[int]) -> list[dict]:
    """The :data:`_ITEM_COLUMNS` of these resources, one dict a row. One plain statement:
    building the same query through the ORM (``values()`` of 68 columns, modeltranslation's
    rewriting off) took longer than running it (profiled: ~2 ms of a ~20 ms search)."""
    if not ids:
        return []
    columns = ", ".join(
        connection.ops.quote_name(Resource._meta.get_field(name).column) for name in _ITEM_COLUMNS
    )
    sql = (
        f"SELECT {columns} FROM {connection.ops.quote_name(Resource._meta.db_table)}"
        f" WHERE id IN ({', '.join(['%s'] * len(ids))})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        return [dict(zip(_ITEM_COLUMNS, row, strict=True)) for row in cursor.fetchall()]


def _items(ids: list[int], scores: dict[int, float], terms: set[str], lang: str) -> list[dict]:
    by_id = {row["id"]: row for row in _item_rows(ids)}
    resources = [by_id[i] for i in ids if i in by_id]
    files: dict[int, list[Distribution]] | None = None  # loaded once, when first needed
    items = []
    for resource in resources:
        # The reader's language if the record has it, else its original; but where the
        # query's words occur only in another version, show that one (title and snippet
        # in one language).
        order = [lang, resource["language"]] + [
            c for c in LANGUAGES if c not in (lang, resource["language"])
        ]
        versions = [
            c for c in order if _field(resource, "title", c) or _field(resource, "abstract", c)
        ]
        shown = versions[0] if versions else resource["language"]
        snippet = None
        if terms:
            for code in versions:
                for name in ("abstract", "title", *CASE_FIELDS):
                    snippet = snippets.highlight(
                        text.normalize(_field(resource, name, code)), terms, code
                    )
                    if snippet:
                        break
                if snippet:
                    shown = code
                    break
        if snippet is None and terms:
            if files is None:
                files = {}
                for dist in (
                    Distribution.objects.filter(resource_id__in=ids)
                    .exclude(text="")
                    .only("id", "resource_id", "language", "text")
                ):
                    files.setdefault(dist.resource_id, []).append(dist)
            for dist in files.get(resource["id"], []):
                snippet = snippets.highlight(
                    text.normalize(dist.text), terms, dist.language or None
                )
                if snippet:
                    break
        if snippet is None:
            snippet = snippets.lead(text.normalize(_field(resource, "abstract", shown)))
        title = _field(resource, "title", shown)
        if not title:  # the model's own fallback (modeltranslation, the active language)
            title = Resource.objects.get(id=resource["id"]).title
        items.append(
            {
                "identifier": resource["identifier"],
                "id": resource["id"],
                "type": resource["type"],
                "title": text.normalize(title),
                "language": shown,
                "snippet": snippet,
                "score": scores.get(resource["id"]),
                "date": resource["published_on"],
            }
        )
    return items


# -- the search ----------------------------------------------------------------------------


def search(
    q: str = "",
    *,
    mode: str = "hybrid",
    lang: str | None = None,
    filters: dict | None = None,
    sort: str = "relevance",
    limit: int = 20,
    offset: int = 0,
    resources: QuerySet | None = None,
) -> SearchResult:
    """Search the catalogue (see the module docstring).

    ``resources`` restricts what may be found (default: the published records); ``lang``
    is the reader's language (default: the active one) for titles, snippets, facet labels.
    A semantic or hybrid search falls back to lexical when ``KNOWLEDGE_SEMANTIC_SEARCH`` is
    off. Raises :class:`SearchError` for an unknown mode, sort or filter value.
    """
    if mode not in MODES:
        raise SearchError("mode", f"Unknown mode {mode!r}; choose from: {', '.join(MODES)}.")
    if sort not in SORTS:
        raise SearchError("sort", f"Unknown sort {sort!r}; choose from: {', '.join(SORTS)}.")
    lang = lang or translation.get_language() or "en"
    if lang not in LANGUAGES:
        lang = "en"
    checked = check_filters(filters)
    # The caller's own set is checked in SQL; the default (published) from the catalogue.
    own = resources
    if resources is None:
        resources = Resource.objects.filter(status=Status.PUBLISHED)
    allowed = _filtered(resources, checked)
    q = (q or "").strip()
    if mode != "lexical" and not embeddings.enabled():
        mode = "lexical"
    clauses = parse(q) if q else []

    with translation.override(lang):
        if not q:
            count = allowed.count()
            page = list(
                _ordered(allowed, sort, lang).values_list("id", flat=True)[offset : offset + limit]
            )
            return SearchResult(
                count,
                _browse_facets(allowed, count, own, checked),
                _items(page, {}, set(), lang),
                mode,
            )
        # Nothing to look for ("-dams", ",,,"): no neighbours of an empty meaning.
        semantic = mode != "lexical" and any(not c.negated for c in clauses)
        cat = catalogue.current()
        rankings = []
        if mode in ("lexical", "hybrid"):
            rankings.append(lexical_ranking(clauses, cat, checked, own))
        if semantic:
            rankings.append(semantic_ranking(q, cat, checked, own))
        elif mode == "semantic":
            rankings.append(_EMPTY)
        ids, ranked_scores = rankings[0] if len(rankings) == 1 else fuse_arrays(*rankings)
        if sort == "relevance":
            page = ids[offset : offset + limit].tolist()
            on_page = slice(offset, offset + limit)
        else:
            matched = ids_expression(ids.tolist())
            ordered = _ordered(Resource.objects.filter(id__in=matched), sort, lang)
            page = list(ordered.values_list("id", flat=True)[offset : offset + limit])
            on_page = np.isin(ids, page)
        page_scores = dict(zip(ids[on_page].tolist(), ranked_scores[on_page].tolist(), strict=True))
        pos, known = cat.positions(ids)
        return SearchResult(
            len(ids),
            _facet_entries(cat.counts(pos[known]), cat.named),
            _items(page, page_scores, query_terms(clauses), lang),
            mode,
            clauses,
        )
