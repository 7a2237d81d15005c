"""Snippets of long texts: only windows around the query's words are segmented, and what is
shown is what segmenting the whole text would show (the first word match, cut on ICU word
boundaries)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lmec.knowledge.search import snippets

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
    first_window = next(snippets._windows(text, text.casefold(), {"flood"}))
    assert first_window[0].endswith(" flood")  # the cut the test is about
    snippet = snippets.highlight(text, {"flood"}, "en")
    assert "when the <mark>flood</mark> comes" in snippet
    assert snippet.count("<mark>") == 1
    assert snippet == whole(text, {"flood"}, "en")


WORDS = ["river", "rivers", "fish", "other", "the", "there", "flood", "delta", "mekong"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=400),
    st.sampled_from(["the", "fish", "delta", "river"]),
)
def test_windows_show_the_first_match_as_the_whole_text_does(words, term):
    text = " ".join(words) + "."
    windowed, reference = snippets.highlight(text, {term}, "en"), whole(text, {term}, "en")
    assert (windowed is None) == (reference is None)
    if reference is None:
        return
    assert first_mark_offset(windowed, text) == first_mark_offset(reference, text)
    plain = windowed.replace("<mark>", "").replace("</mark>", "").strip("…")
    assert plain in text and len(plain) <= snippets.LENGTH + len(term)
    # every marked word is the term, as a whole word
    assert set(MARK.findall(windowed)) == {term}
