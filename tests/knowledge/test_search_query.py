"""Lexical search: phrases, Vietnamese syllables, facets, filters, sorting, paging, snippets,
what the public may find."""

import pytest
from django.utils import translation

from lmec.knowledge.models import Resource
from lmec.knowledge.search import query
from lmec.knowledge.search.backends import Clause

from .search_fixtures import corpus_fixture, make_resource  # noqa: F401  (fixture)


@pytest.fixture(autouse=True)
def lexical_only(settings):
    settings.KNOWLEDGE_SEMANTIC_SEARCH = False


def ids(result):
    return [item["identifier"] for item in result.items]


def test_it_parses_unspaced_runs_vietnamese_syllables_quotes_and_exclusions():
    assert query.parse("เศรษฐกิจหมุนเวียน PM2.5") == [
        Clause(("เศรษฐกิจ", "หมุนเวียน")),
        Clause(("pm2.5",)),
    ]
    assert query.parse("kinh tế tuần hoàn") == [Clause(("kinh", "tế", "tuần", "hoàn"))]
    assert query.parse('"fish passages" dams -salmon') == [
        Clause(("fish", "passages")),
        Clause(("dams",)),
        Clause(("salmon",), negated=True),
    ]
    assert query.parse("Mekong 循环经济") == [Clause(("mekong",)), Clause(("循环", "经济"))]
    assert query.parse("  ,;  ") == []


def test_it_matches_vietnamese_multi_syllable_words_as_phrases(corpus):
    assert ids(query.search("biến đổi khí hậu", mode="lexical")) == ["vi-climate"]
    # Each syllable alone occurs in both records.
    assert sorted(ids(query.search("khí", mode="lexical"))) == ["vi-climate", "vi-scattered"]
    assert ids(query.search('"thay đổi"', mode="lexical")) == ["vi-scattered"]


def test_it_matches_an_unspaced_query_as_a_phrase(corpus):
    assert ids(query.search("ເສດຖະກິດໝູນວຽນ", mode="lexical")) == ["lo-circular"]
    assert ids(query.search("绿色金融", mode="lexical")) == ["zh-finance"]
    assert ids(query.search("低碳金融", mode="lexical")) == []  # 金融 never follows 低碳 there
    assert ids(query.search("低碳 金融", mode="lexical")) == ["zh-finance"]


def test_it_excludes_words(corpus):
    assert ids(query.search("fish", mode="lexical")) == ["en-fish"]
    assert ids(query.search("fish -dams", mode="lexical")) == []
    assert query.search("-dams", mode="lexical").count == 0


def test_it_never_finds_unpublished_records_unless_allowed(corpus):
    assert ids(query.search("มลพิษ", mode="lexical")) == ["th-air"]
    everything = Resource.objects.all()
    assert sorted(ids(query.search("มลพิษ", mode="lexical", resources=everything))) == [
        "th-air",
        "th-draft",
    ]
    assert "th-draft" not in ids(query.search("", limit=100))


def test_it_counts_facets_over_the_whole_match_set(corpus):
    result = query.search("green", mode="lexical")
    assert ids(result) == ["en-th-parks"]
    result = query.search("", filters={"theme": ["energy-climate"]}, limit=1)
    assert result.count == 4
    assert len(result.items) == 1
    assert result.facets["type"] == [
        {"key": "publication", "label": "Publication or report", "count": 2},
        {"key": "dataset", "label": "Dataset", "count": 1},
        {"key": "training", "label": "Training material", "count": 1},
    ]
    assert result.facets["theme"] == [
        {"key": "energy-climate", "label": "Energy and climate", "count": 4},
        {"key": "transport-ecosystems", "label": "Transport and ecosystems", "count": 1},
    ]
    assert result.facets["country"] == [
        {"key": "KH", "label": "Cambodia", "count": 1},
        {"key": "LA", "label": "Lao PDR", "count": 1},
        {"key": "MM", "label": "Myanmar", "count": 1},
        {"key": "TH", "label": "Thailand", "count": 1},
        {"key": "VN", "label": "Viet Nam", "count": 1},
    ]
    assert [(e["key"], e["count"]) for e in result.facets["year"]] == [
        ("2022", 2),
        ("2021", 1),
        ("2024", 1),
    ]
    assert [(e["key"], e["count"]) for e in result.facets["language"]] == [
        ("en", 1),
        ("my", 1),
        ("th", 1),
        ("vi", 1),
    ]
    assert [(e["key"], e["count"]) for e in result.facets["licence"]] == [
        ("cc-by-4.0", 2),
        ("cc-by-sa-4.0", 1),
        ("odc-by", 1),
    ]


def test_it_labels_facets_in_the_readers_language(corpus):
    result = query.search("", lang="th", filters={"country": ["LA"]})
    assert {e["key"]: e["label"] for e in result.facets["country"]}["LA"] == "ลาว"
    with translation.override("zh-hans"):
        result = query.search("", filters={"country": ["LA"]})
    assert {e["key"]: e["label"] for e in result.facets["country"]}["KH"] == "柬埔寨"


def test_it_filters_by_every_facet(corpus):
    cases = {
        "type": (["case", "policy"], ["km-mangrove", "zh-finance"]),
        "theme": (["green-industrial-parks"], ["en-th-parks", "lo-circular"]),
        "country": (["VN"], ["en-th-parks", "vi-climate", "vi-scattered"]),
        "language": (["vi"], ["vi-climate", "vi-scattered"]),
        "year": ([2023], ["km-mangrove", "lo-circular"]),
        "licence": (["notspecified"], ["vi-scattered"]),
    }
    for name, (values, expected) in cases.items():
        result = query.search("", filters={name: values}, limit=100)
        assert sorted(ids(result)) == expected, name
        assert result.count == len(expected)
    both = query.search("", filters={"country": ["VN"], "type": ["tool"]})
    assert ids(both) == ["en-th-parks"]


def test_it_refuses_unknown_filters_naming_the_choices(corpus):
    with pytest.raises(query.SearchError, match="choose from: case, dataset"):
        query.search("", filters={"type": ["book"]})
    with pytest.raises(query.SearchError, match="choose from: type, theme"):
        query.search("", filters={"colour": ["red"]})
    with pytest.raises(query.SearchError, match="hybrid, lexical, semantic"):
        query.search("x", mode="fuzzy")
    with pytest.raises(query.SearchError, match="relevance, newest, title"):
        query.search("x", sort="oldest")


def test_it_browses_newest_first_and_pages(corpus):
    all_ids = ids(query.search("", limit=100))
    assert all_ids == [
        "zh-finance",
        "en-th-parks",
        "th-air",
        "km-mangrove",
        "lo-circular",
        "my-solar",
        "en-fish",
        "vi-climate",
        "vi-scattered",
    ]
    pages = [ids(query.search("", limit=4, offset=o)) for o in (0, 4, 8)]
    assert pages == [all_ids[0:4], all_ids[4:8], all_ids[8:]]
    assert query.search("", limit=4, offset=8).count == 9


def test_it_sorts_matches_by_relevance_newest_or_title(db):
    make_resource(
        identifier="a",
        language="en",
        title={"en": "Wetland birds"},
        abstract={"en": "Counting birds."},
        published_on="2020-01-01",
    )
    make_resource(
        identifier="b", language="en", title={"en": "Birds birds birds"}, published_on="2019-01-01"
    )
    make_resource(
        identifier="c",
        language="en",
        title={"en": "A survey of rivers"},
        abstract={"en": "Fish and birds of the rivers."},
        published_on="2024-01-01",
    )
    assert ids(query.search("birds", mode="lexical")) == ["b", "a", "c"]
    assert ids(query.search("birds", mode="lexical", sort="newest")) == ["c", "a", "b"]
    assert ids(query.search("birds", mode="lexical", sort="title")) == ["c", "b", "a"]
    assert ids(query.search("birds", mode="lexical", sort="title", limit=1, offset=1)) == ["b"]


def test_it_marks_the_match_in_the_original_unsegmented_text(corpus):
    item = query.search("การเผา", mode="lexical").items[0]
    assert item["snippet"] == (
        "ฝุ่นละออง PM2.5 จาก<mark>การ</mark><mark>เผา</mark>เศษวัสดุทางการเกษตรส่งผลต่อสุขภาพของประชาชน"
    )
    assert item["title"] == "มลพิษทางอากาศจากการเผาในที่โล่งในภาคเหนือของประเทศไทย"
    assert item["language"] == "th"
    item = query.search("fish", mode="lexical").items[0]
    assert item["snippet"] == (
        "How dams block the migration of <mark>fish</mark> species, and what "
        "<mark>fish</mark> passages can do for the river&#x27;s fisheries."
    )


def test_it_cuts_long_texts_at_word_boundaries(db):
    words = "ป่าชายเลนช่วยป้องกันชายฝั่ง" * 30 + "การกัดเซาะ" + "ป่าชายเลนช่วยป้องกันชายฝั่ง" * 30
    make_resource(identifier="long", language="th", title={"th": "ป่า"}, abstract={"th": words})
    snippet = query.search("การกัดเซาะ", mode="lexical").items[0]["snippet"]
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>การ</mark><mark>กัด</mark><mark>เซาะ</mark>" in snippet
    plain = snippet.replace("<mark>", "").replace("</mark>", "").strip("…")
    assert plain in words
    assert len(plain) <= 240
    # Cut between words, never inside one: the text starts and ends on ICU boundaries.
    from lmec.knowledge.search.text import word_spans

    boundaries = {a for _w, a, _b in word_spans(words, "th")} | {len(words)}
    start = words.find(plain)
    assert start in boundaries and start + len(plain) in boundaries


def test_it_shows_the_version_in_the_readers_language_when_it_matches(corpus):
    item = query.search("industrial", mode="lexical", lang="th").items[0]
    # The Thai version has no "industrial": the English one, where the word is, is shown.
    assert (item["identifier"], item["language"]) == ("en-th-parks", "en")
    item = query.search("นิคม", mode="lexical", lang="en").items[0]
    assert item["language"] == "th"
    assert item["title"] == "นิคมอุตสาหกรรมสีเขียว: คู่มือสำหรับผู้บริหาร"
    browse = query.search("", lang="th", filters={"type": ["tool"]}).items[0]
    assert (browse["language"], browse["score"]) == ("th", None)
    assert browse["snippet"].startswith("การตรวจสอบพลังงาน")
