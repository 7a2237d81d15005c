"""Text for search: Unicode normalisation, Zawgyi, script-based language detection, ICU words.

Thai, Lao, Khmer, Burmese and Chinese write no spaces between words, so words come from ICU's
dictionary-based word break iterator [1]_, at index and at query time alike. Words keep every
tone mark and combining sign (``เศรษฐกิจ`` is one word, not ``เศรษฐก`` + ``จ`` as SQLite FTS5's
default ``unicode61`` tokenizer makes it, because it treats combining marks (Mn, Mc) as
separators; see ``docs/knowledge-search.md``). Vietnamese separates syllables, not words, with
spaces: the query builder (:mod:`.query`) matches a run of syllables as a phrase.

Burmese is still often typed in the legacy Zawgyi encoding, which reuses the Myanmar block's
code points for different glyphs. :func:`normalize` detects it with Google's
``myanmartools`` detector [2]_ and converts it with ICU's ``Zawgyi-my`` transliterator [3]_.

References
----------
.. [1] Unicode Standard Annex #29, Unicode Text Segmentation; ICU User Guide, "Boundary
   Analysis" (dictionary-based break iteration for Thai, Lao, Khmer, Burmese, CJK).
.. [2] https://github.com/google/myanmar-tools (Apache-2.0).
.. [3] ICU transform rules ``Zawgyi-my`` (CLDR ``my-t-my-s0-zawgyi``).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import icu

#: A text (or a line of it) whose Zawgyi probability exceeds this is converted to Unicode.
#: The detector's scores are bimodal: Unicode Burmese scores < 1e-6, Zawgyi > 0.999 on
#: ordinary sentences; myanmar-tools' own guidance is to treat > 0.95 as Zawgyi (it errs
#: towards leaving text alone, which is the safe side: a wrong conversion garbles Unicode).
ZAWGYI_THRESHOLD = 0.95

#: ICU rule status ranges (``UWordBreak``): 0–99 is "not a word" (spaces, punctuation);
#: numbers 100–199, letters 200–299, kana 300–399, ideographs 400–499.
_WORD_STATUS_MIN = 100

#: ICU locale per platform language (the word break dictionaries apply to their script
#: whatever the locale; the locale only tunes the rules).
_ICU_LOCALES = {
    "zh-hans": "zh_Hans",
    "en": "en",
    "th": "th",
    "vi": "vi",
    "lo": "lo",
    "km": "km",
    "my": "my",
}

_MYANMAR = re.compile(r"[\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff]")
# Letters only Vietnamese uses among Latin-script languages of the platform: ă â đ ê ô ơ ư and
# the vowels with a tone mark (dot below, hook above, tilde, acute/grave on the hatted ones).
_VIETNAMESE = re.compile(
    "[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
    "ĂÂĐÊÔƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]"
)

_local = threading.local()


@lru_cache(maxsize=1)
def _zawgyi_detector():
    from myanmartools import ZawgyiDetector

    return ZawgyiDetector()


def _thread_cache() -> dict:
    # ICU BreakIterators and Transliterators keep state and are not thread-safe: one per
    # thread (and per language), built once (building one loads its rules: ~1 ms).
    cache = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = {}
    return cache


def _zawgyi_to_unicode(s: str) -> str:
    cache = _thread_cache()
    tr = cache.get("zawgyi")
    if tr is None:
        tr = cache["zawgyi"] = icu.Transliterator.createInstance("Zawgyi-my")
    return tr.transliterate(s)


def zawgyi_probability(s: str) -> float:
    """Probability that the Burmese in ``s`` is Zawgyi-encoded (0 if there is none)."""
    if not s or not _MYANMAR.search(s):
        return 0.0
    return float(_zawgyi_detector().get_zawgyi_probability(s))


def is_zawgyi(s: str) -> bool:
    """True if ``s`` holds Burmese in the Zawgyi encoding (probability > :data:`ZAWGYI_THRESHOLD`)."""
    return zawgyi_probability(s) > ZAWGYI_THRESHOLD


#: Texts up to this many characters keep their normalised form in an LRU cache: Zawgyi
#: detection is pure Python per character (~3 ms for a Burmese abstract; measured, a
#: quarter of the cost of a result page with Burmese records); file texts are not kept.
NORMALIZE_CACHE_CHARS = 4000


def normalize(s: str | None) -> str:
    """NFC, with Burmese in Zawgyi converted to Unicode, line by line.

    Line by line because one record may mix a Unicode title with a pasted Zawgyi paragraph;
    lines without Myanmar letters are never touched.
    """
    if not s:
        return ""
    s = unicodedata.normalize("NFC", s)
    if not _MYANMAR.search(s):
        return s
    if len(s) <= NORMALIZE_CACHE_CHARS:
        return _normalize_myanmar_cached(s)
    return _normalize_myanmar(s)


@lru_cache(maxsize=4096)
def _normalize_myanmar_cached(s: str) -> str:
    return _normalize_myanmar(s)


def _normalize_myanmar(s: str) -> str:
    lines = s.split("\n")
    changed = False
    for i, line in enumerate(lines):
        if is_zawgyi(line):
            lines[i] = _zawgyi_to_unicode(line)
            changed = True
    if not changed:
        return s
    return unicodedata.normalize("NFC", "\n".join(lines))


def detect_language(s: str | None, default: str = "en") -> str:
    """The platform language of ``s`` from its script.

    The script with the most letters wins: Han → ``zh-hans``, Thai, Lao, Khmer, Myanmar →
    ``th``, ``lo``, ``km``, ``my``; Latin → ``vi`` if it has letters only Vietnamese uses,
    else ``en``. ``default`` when there is no letter at all.
    """
    counts = {"zh-hans": 0, "th": 0, "lo": 0, "km": 0, "my": 0, "latin": 0}
    for ch in s or "":
        o = ord(ch)
        if o < 0x80:
            if ch.isalpha():
                counts["latin"] += 1
        elif 0x0E00 <= o <= 0x0E7F:
            counts["th"] += 1
        elif 0x0E80 <= o <= 0x0EFF:
            counts["lo"] += 1
        elif 0x1780 <= o <= 0x17FF or 0x19E0 <= o <= 0x19FF:
            counts["km"] += 1
        elif 0x1000 <= o <= 0x109F or 0xAA60 <= o <= 0xAA7F or 0xA9E0 <= o <= 0xA9FF:
            counts["my"] += 1
        elif (
            0x4E00 <= o <= 0x9FFF
            or 0x3400 <= o <= 0x4DBF
            or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x3134F
        ):
            counts["zh-hans"] += 1
        elif ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"):
            counts["latin"] += 1
    best = max(counts, key=counts.get)
    if counts[best] == 0:
        return default
    if best == "latin":
        return "vi" if _VIETNAMESE.search(s) else "en"
    return best


def _break_iterator(lang: str):
    cache = _thread_cache()
    key = ("words", lang)
    bi = cache.get(key)
    if bi is None:
        bi = cache[key] = icu.BreakIterator.createWordInstance(
            icu.Locale(_ICU_LOCALES.get(lang, "en"))
        )
    return bi


def _utf16_to_index(s: str):
    """A map from ICU's UTF-16 offsets to Python string indices (identity for BMP-only text)."""
    # ``max`` compares in C: a per-character generator was a fifth of a result page's
    # snippet time (profiled, benchmarks/search.py queries).
    if s.isascii() or max(s) < "\U00010000":
        return None
    table = []
    for i, c in enumerate(s):
        table.append(i)
        if ord(c) >= 0x10000:
            table.append(i)
    table.append(len(s))
    return table


def word_spans(s: str, lang: str | None = None) -> Iterator[tuple[str, int, int]]:
    """ICU words of ``s`` as ``(case-folded word, start, end)`` with ``s[start:end]`` the word.

    ``s`` is taken as it is (call :func:`normalize` first): the offsets point into it, which
    is how snippets mark a match in the original, unsegmented text.
    """
    if not s:
        return
    bi = _break_iterator(lang or detect_language(s))
    bi.setText(s)
    table = _utf16_to_index(s)
    start = bi.first()
    for end in bi:
        if bi.getRuleStatus() >= _WORD_STATUS_MIN:
            a, b = (start, end) if table is None else (table[start], table[end])
            yield s[a:b].casefold(), a, b
        start = end


def segment(s: str | None, lang: str | None = None) -> list[str]:
    """The words of ``s``, case-folded, tone marks and combining signs kept.

    ``s`` is normalised first (:func:`normalize`); ``lang`` defaults to
    :func:`detect_language`. Punctuation and spaces are dropped.
    """
    s = normalize(s)
    return [word for word, _a, _b in word_spans(s, lang)]
