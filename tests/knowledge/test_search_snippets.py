"""Snippets of long texts: only windows around the query's words are segmented, and what is
shown is what segmenting the whole text would show (the first word match, cut on ICU word
boundaries)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lmec.knowledge.search import snippets
from lmec.knowledge.search.text import word_spans

MARK = re.compile(r"<mark>(.*?)</mark>")


def whole(text, terms, lang=None):
    """The snippet as segmenting the whole text gives it (the window threshold lifted)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(snippets, "LONG_TEXT", 10**9)
        return snippets.highlight(text, terms, lang)


def first_mark_offset(snippet: str, text: str) -> int:
    """Where in ``text`` the first marked word of ``snippet`` is."""
    plain_before = MARK.split(snippet)[0].lstrip("…")
    shown = snippet.lstrip("…").replace("<mark>", "").replace("</mark>", "").rstrip("…")
    return text.find(shown) + len(plain_before)


def test_a_word_far_into_a_long_text_is_found_past_its_occurrences_inside_other_words():
    # "the" occurs inside "other" and "there" hundreds of times before the word itself.
    filler = "other birds nest there " * 120
    text = filler + "and the river floods " + filler
    assert len(text) > 4 * snippets.LONG_TEXT
    snippet = snippets.highlight(text, {"the"}, "en")
    assert snippet.count("<mark>") == 1
    assert "and <mark>the</mark> river floods" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert snippet == whole(text, {"the"}, "en")


def test_no_snippet_when_the_term_occurs_only_inside_other_words():
    text = "other birds nest there " * 200
    assert snippets.highlight(text, {"the"}, "en") is None
    assert whole(text, {"the"}, "en") is None


def test_a_word_cut_by_a_windows_edge_is_not_taken_for_the_term():
    # The first window, around the first "flood" (inside "floodplain"), ends just after the
    # "flood" of a second "floodplain": that piece is not the word "flood". The real word
    # comes much later.
    head = "the river " * 20
    text = head + "floodplain "
    p = len(head)
    text += "wide delta " * ((p + 2 * snippets.LENGTH - len("flood") - len(text)) // 11)
    text += " " * (p + 2 * snippets.LENGTH - len("flood") - len(text)) + "floodplain "
    assert text[p + 2 * snippets.LENGTH - 5 : p + 2 * snippets.LENGTH] == "flood"
    text += "wide delta " * 80 + "when the flood comes " + "wide delta " * 40
    first_window = text[p - 2 * snippets.BEFORE : p - 2 * snippets.BEFORE + snippets.LONG_TEXT]
    assert first_window.endswith(" flood")  # the cut the test is about
    snippet = snippets.highlight(text, {"flood"}, "en")
    assert "when the <mark>flood</mark> comes" in snippet
    assert snippet.count("<mark>") == 1
    assert snippet == whole(text, {"flood"}, "en")


def reference(text: str, term: str) -> tuple[int, int, list[int]] | None:
    """What a snippet shows of ``text``, from segmenting all of it: ``(start, end, marks)``,
    from the first word starting at most BEFORE characters before the first match (the
    text's start if that is its first word) to the last word ending within LENGTH characters
    of there (the text's end if that is its last word); ``marks``: where the marked words
    start."""
    words = [(a, b, w == term) for w, a, b in word_spans(text, "en")]
    hits = [(a, b) for a, b, hit in words if hit]
    if not hits:
        return None
    first_a, first_b = hits[0]
    start = next(a for a, _b, _h in words if a >= first_a - snippets.BEFORE)
    if start == words[0][0]:
        start = 0
    end = max([b for _a, b, _h in words if b <= start + snippets.LENGTH] + [first_b])
    if end == words[-1][1]:
        end = len(text)
    return start, end, [a for a, b in hits if start <= a and b <= end]


WORDS = ["river", "rivers", "fish", "other", "the", "there", "flood", "delta", "mekong"]


#: What stands between words: spaces, punctuation, a long run of either (no words in it).
SEPARATORS = [" ", " ", " ", ", ", ". ", " — ", " " * 30, "-" * 120 + " "]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=300
    ),
    st.sampled_from(["the", "fish", "delta", "river"]),
)
def test_a_snippet_is_what_segmenting_the_whole_text_shows(words, term):
    text = "".join(word + sep for word, sep in words).strip() + "."
    expected = reference(text, term)
    snippet = snippets.highlight(text, {term}, "en")
    if expected is None:
        assert snippet is None
        return
    start, end, marks = expected
    lead = "…" if start > 0 else ""
    plain = snippet.replace("<mark>", "").replace("</mark>", "")
    assert plain == lead + text[start:end] + ("…" if end < len(text) else "")
    # each mark's place in the snippet, less what comes before it, is its place in the text
    offsets = [
        start + m.start() - len(lead) - k * len("<mark></mark>")
        for k, m in enumerate(MARK.finditer(snippet))
    ]
    assert offsets == marks
