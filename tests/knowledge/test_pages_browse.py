"""The browse and search page: search box and mode, facets with counts whose links add and
remove filters, highlighted snippets, sorting, paging, bad parameters named."""

import re
from html import unescape

import pytest

from tests.helpers import LANGUAGES, page_html
from tests.knowledge.page_fixtures import make_catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(users):
    return make_catalogue(users)


def results(html: str) -> list[str]:
    return re.findall(r'<li class="result" data-identifier="([^"]+)"', html)


def facet_links(html: str, facet: str) -> dict[str, tuple[str, str]]:
    """{value: (href, count)} of one facet of the sidebar."""
    section = re.search(rf'data-facet="{facet}".*?</section>', html, re.S).group(0)
    return {
        value: (unescape(href), count)
        for href, value, count in re.findall(
            r'<a href="([^"]+)" data-value="([^"]+)"[^>]*>.*?</a> <span class="count">(\d+)</span>',
            section,
            re.S,
        )
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_answers_in_every_language(client, catalogue, lang):
    html = page_html(client, f"/{lang}/knowledge/", lang)
    assert sorted(results(html)) == ["la-green-park", "th-solar-2024", "vn-air-2024"]


def test_it_browses_the_published_records_newest_first(client, catalogue):
    html = page_html(client, "/en/knowledge/", "en")
    assert results(html) == ["th-solar-2024", "vn-air-2024", "la-green-park"]
    assert ">3 resources</h2>" in html
    assert 'value="hybrid" checked' in html


def test_it_counts_and_links_each_facet(client, catalogue):
    html = page_html(client, "/en/knowledge/", "en")
    types = facet_links(html, "type")
    assert {k: v[1] for k, v in types.items()} == {"publication": "1", "case": "1", "dataset": "1"}
    assert types["case"][0] == "/en/knowledge/?mode=hybrid&type=case"
    years = facet_links(html, "year")
    assert {k: v[1] for k, v in years.items()} == {"2024": "2", "2023": "1"}


def test_it_adds_and_removes_filters_with_the_facet_links(client, catalogue):
    html = page_html(client, "/en/knowledge/?theme=energy-climate", "en")
    assert sorted(results(html)) == ["th-solar-2024", "vn-air-2024"]
    types = facet_links(html, "type")
    html = page_html(client, types["dataset"][0], "en")
    assert results(html) == ["vn-air-2024"]
    # the chosen value is marked and its link removes it, keeping the theme
    chosen = facet_links(html, "type")["dataset"][0]
    assert "type=" not in chosen and "theme=energy-climate" in chosen
    assert 'data-remove="' in html and "Remove all filters" in html
    html = page_html(client, chosen, "en")
    assert sorted(results(html)) == ["th-solar-2024", "vn-air-2024"]


def test_it_highlights_the_match_in_the_snippet(client, catalogue):
    html = page_html(client, "/en/knowledge/?q=solar&mode=lexical", "en")
    assert results(html) == ["th-solar-2024"]
    snippet = re.search(r'<p class="snippet"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert "<mark>solar</mark>" in snippet.lower()


def test_it_finds_thai_words_inside_a_sentence(client, catalogue):
    html = page_html(client, "/th/knowledge/?q=แสงอาทิตย์&mode=lexical", "th")
    assert results(html) == ["th-solar-2024"]


def test_it_sorts_a_search_by_title(client, catalogue):
    # a semantic search matches its nearest records, here all three
    html = page_html(client, "/en/knowledge/?q=energy&mode=semantic&sort=title", "en")
    assert results(html) == ["la-green-park", "vn-air-2024", "th-solar-2024"]
    assert '<strong aria-current="true">Title</strong>' in html
    # the search box keeps the sort
    assert '<input type="hidden" name="sort" value="title">' in html


def test_it_pages_the_results(client, catalogue, monkeypatch):
    from lmec.knowledge.views import browse

    monkeypatch.setattr(browse, "PAGE_SIZE", 2)
    html = page_html(client, "/en/knowledge/", "en")
    assert results(html) == ["th-solar-2024", "vn-air-2024"]
    assert 'rel="next"' in html
    html = page_html(client, "/en/knowledge/?page=2", "en")
    assert results(html) == ["la-green-park"]
    assert '<ol class="result-list" start="3">' in html
    assert 'rel="prev"' in html and 'rel="next"' not in html


def test_it_names_a_bad_filter_value_and_shows_the_catalogue(client, catalogue):
    html = page_html(client, "/en/knowledge/?type=novel", "en")
    assert "Unknown type &#x27;novel&#x27;; choose from:" in html
    assert len(results(html)) == 3


def test_it_ignores_a_bad_mode_and_page(client, catalogue):
    html = page_html(client, "/en/knowledge/?mode=magic&page=-4", "en")
    assert len(results(html)) == 3
    assert 'class="notice notice-error"' in html


def test_it_shows_nothing_found(client, catalogue):
    html = page_html(client, "/en/knowledge/?q=zzzyyyxxx&mode=lexical", "en")
    assert results(html) == [] and "Nothing found." in html
