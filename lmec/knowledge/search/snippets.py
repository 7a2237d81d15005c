"""Snippets: a piece of the original (unsegmented) text around the first match, the matched
words marked with ``<mark>``, everything else HTML-escaped.

The index holds ICU words joined by spaces, which readers must never see (a Thai sentence
with spaces between its words reads wrongly). So snippets are cut here, from the text as
written: :func:`lmec.knowledge.search.text.word_spans` gives each word with its offsets in
that text, and a word is marked when its case-folded form is one of the query's words.
Only the page of results shown is given snippets.
"""

from __future__ import annotations

from django.utils.html import escape

from .text import word_spans

#: Characters shown before the first match and in all.
BEFORE = 60
LENGTH = 240
#: Where a long text is searched for the first match by substring before segmenting only
#: the region around it (segmenting a 200,000-character file text for every result is slow).
LONG_TEXT = 4000


def _region(text: str, terms: set[str]) -> tuple[str, int] | None:
    """The part of ``text`` around the first occurrence of a term, and its offset."""
    if len(text) <= LONG_TEXT:
        return text, 0
    lowered = text.lower()
    if len(lowered) != len(text):  # rare letters whose lower case is longer: no shortcut
        return text, 0
    found = [p for p in (lowered.find(t) for t in terms) if p >= 0]
    if not found:
        return None
    p = min(found)
    start = max(0, p - 2 * BEFORE)
    return text[start : p + 2 * LENGTH], start


def highlight(text: str, terms: set[str], lang: str | None = None) -> str | None:
    """HTML: the window of ``text`` around its first matching word, matches in ``<mark>``;
    None if no word of ``text`` is in ``terms``."""
    if not text or not terms:
        return None
    # A word of the text, case-folded, is a substring of the case-folded text (case folding
    # maps each character on its own): no term in it, nothing to segment.
    folded = text.casefold()
    if not any(term in folded for term in terms):
        return None
    region = _region(text, terms)
    if region is None:
        return None
    part, offset = region
    words = [(a, b, word in terms) for word, a, b in word_spans(part, lang)]
    hits = [(a, b) for a, b, hit in words if hit]
    if not hits:
        return None
    first_a, first_b = hits[0]
    # Cut at word boundaries (ICU's, so Thai or Khmer is never cut inside a word): from the
    # first word that starts at most BEFORE characters before the match, to the last word
    # that ends within LENGTH characters from there.
    start = next(a for a, _b, _h in words if a >= first_a - BEFORE)
    if start == words[0][0]:
        start = 0
    end = max([b for _a, b, _h in words if b <= start + LENGTH] + [first_b])
    if end == words[-1][1]:
        end = len(part)
    spans = hits
    out = ["…"] if start > 0 or offset > 0 else []
    pos = start
    for a, b in spans:
        if a < start or b > end:
            continue
        out.append(escape(part[pos:a]))
        out.append(f"<mark>{escape(part[a:b])}</mark>")
        pos = b
    out.append(escape(part[pos:end]))
    if end < len(part) or offset + len(part) < len(text):
        out.append("…")
    return "".join(out).replace("\n", " ")


def lead(text: str) -> str:
    """HTML: the beginning of ``text`` (no match to show: a semantic hit, or browsing)."""
    text = (text or "").replace("\n", " ")
    if len(text) <= LENGTH:
        return escape(text)
    cut = text.rfind(" ", LENGTH - 40, LENGTH)
    return escape(text[: cut if cut > 0 else LENGTH]) + "…"
