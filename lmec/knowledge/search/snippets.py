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
#: A text longer than this is not segmented whole, only a window of this many characters
#: around each place where a term occurs as a substring, until one holds it as a word
#: (segmenting a 200,000-character file text for every result was slow; so, profiled, was
#: segmenting every abstract of a result page whole: the window is all a snippet shows).
LONG_TEXT = 2 * BEFORE + 2 * LENGTH


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
    if len(text) <= LONG_TEXT or len(folded) != len(text):
        # (a letter whose case folding is longer would shift the offsets: segment it all)
        return _mark(text, text, 0, terms, lang)
    pos = 0
    while True:  # a window around each next occurrence of a term, until one is a word
        found = [p for p in (folded.find(t, pos) for t in terms) if p >= 0]
        if not found:
            return None
        start = max(0, min(found) - 2 * BEFORE)
        end = min(len(text), start + LONG_TEXT)
        marked = _mark(text, text[start:end], start, terms, lang)
        if isinstance(marked, str):
            return marked
        if marked is not None:  # a match too near the window's end: a window around it
            pos = marked
        elif end == len(text):
            return None
        else:  # a word cut by the window's end is not taken: the next window sees it whole
            pos = end - 2 * BEFORE


def _mark(text: str, part: str, offset: int, terms: set[str], lang: str | None) -> str | int | None:
    """The snippet from ``part`` (``text[offset:offset + len(part)]``); None if no whole word
    of it is a term (a word cut by the part's edges is not whole); or, when its first match
    is too near the part's cut end to show what follows, that match's offset in ``text``."""
    cut_before, cut_after = offset > 0, offset + len(part) < len(text)
    # Words are read up to where the snippet must end (LENGTH past the first match at most):
    # no more of the text is segmented than is shown.
    words: list[tuple[int, int, bool]] = []
    first = None
    read_all = True
    for word, a, b in word_spans(part, lang):
        if (cut_before and a == 0) or (cut_after and b == len(part)):
            continue
        hit = word in terms
        if first is None and hit:
            first = (a, b)
        elif first is not None and a > first[0] + LENGTH:
            read_all = False
            break
        words.append((a, b, hit))
    if first is None:
        return None
    first_a, first_b = first
    if cut_after and first_a + LENGTH > len(part):
        return offset + first_a
    # Cut at word boundaries (ICU's, so Thai or Khmer is never cut inside a word): from the
    # first word that starts at most BEFORE characters before the match, to the last word
    # that ends within LENGTH characters from there.
    start = next(a for a, _b, _h in words if a >= first_a - BEFORE)
    if start == words[0][0] and not cut_before:
        start = 0
    end = max([b for _a, b, _h in words if b <= start + LENGTH] + [first_b])
    if end == words[-1][1] and read_all and not cut_after:
        end = len(part)
    out = ["…"] if start > 0 or cut_before else []
    pos = start
    for a, b, hit in words:
        if not hit or a < start or b > end:
            continue
        out.append(escape(part[pos:a]))
        out.append(f"<mark>{escape(part[a:b])}</mark>")
        pos = b
    out.append(escape(part[pos:end]))
    if end < len(part) or cut_after:
        out.append("…")
    return "".join(out).replace("\n", " ")


def lead(text: str) -> str:
    """HTML: the beginning of ``text`` (no match to show: a semantic hit, or browsing)."""
    text = (text or "").replace("\n", " ")
    if len(text) <= LENGTH:
        return escape(text)
    cut = text.rfind(" ", LENGTH - 40, LENGTH)
    return escape(text[: cut if cut > 0 else LENGTH]) + "…"
