"""The lexical index: words survive the database's tokenizer, every word of a sentence finds
it, Zawgyi converted at index and query time, language versions, file text, reindex/remove."""

import sqlite3

import pytest
from django.db import connection

from lmec.knowledge.models import Resource
from lmec.knowledge.search import index, query, text

from .search_fixtures import BURMESE_TITLE, ZAWGYI, make_resource
from .test_search_text import SENTENCES


@pytest.fixture(autouse=True)
def lexical_only(settings):
    settings.KNOWLEDGE_SEMANTIC_SEARCH = False


def _fts5_tokens(tokenizer: str, s: str) -> list[str]:
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize = {tokenizer!r})")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    db.execute("INSERT INTO t (x) VALUES (?)", [s])
    return [row[0] for row in db.execute("SELECT term FROM v ORDER BY offset")]


@pytest.mark.parametrize("lang", ["th", "lo", "km", "my", "zh-hans", "vi"])
def test_it_keeps_icu_words_whole_in_fts5_where_unicode61_cuts_them(lang):
    sentence, words = SENTENCES[lang]
    joined = " ".join(text.segment(sentence, lang))
    assert _fts5_tokens("ascii", joined) == words
    if lang in ("th", "lo", "km", "my"):
        # The default tokenizer treats vowel signs and tone marks as separators.
        assert _fts5_tokens("unicode61 remove_diacritics 0", joined) != words


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_it_finds_a_sentence_by_any_of_its_words(db, lang):
    sentence, words = SENTENCES[lang]
    make_resource(identifier="s", language=lang, title={lang: sentence})
    make_resource(identifier="other", language="en", title={"en": "Unrelated record"})
    for word in words:
        result = query.search(word, mode="lexical")
        assert [i["identifier"] for i in result.items] == ["s"], word


def test_it_finds_a_thai_word_from_the_middle_of_a_sentence_in_the_abstract(db):
    make_resource(
        identifier="th",
        language="th",
        title={"th": "รายงานประจำปี"},
        abstract={"th": "การจัดการขยะพลาสติกในชุมชนริมแม่น้ำโขงอย่างยั่งยืน"},
    )
    for word in ["ขยะ", "พลาสติก", "ชุมชน", "แม่น้ำโขง", "ยั่งยืน"]:
        assert query.search(word, mode="lexical").count == 1, word
    # A word that is only a piece of another word (น้ำ in แม่น้ำโขง) is not a match.
    assert query.search("ยั่ง", mode="lexical").count == 0


def test_it_converts_zawgyi_at_index_and_query_time(db):
    make_resource(identifier="my", language="my", title={"my": ZAWGYI.transliterate(BURMESE_TITLE)})
    unicode_word = "နေရောင်ခြည်"
    zawgyi_word = ZAWGYI.transliterate(unicode_word)
    assert zawgyi_word != unicode_word
    for q in (unicode_word, zawgyi_word):
        result = query.search(q, mode="lexical")
        assert [i["identifier"] for i in result.items] == ["my"]
        # The title shown is the Unicode text, the match marked in it.
        assert result.items[0]["title"] == BURMESE_TITLE
        assert f"<mark>{unicode_word}</mark>" in result.items[0]["snippet"]


def test_it_indexes_each_language_version_and_the_keywords(db):
    r = make_resource(
        identifier="two",
        language="en",
        title={"en": "Green industrial parks", "th": "นิคมอุตสาหกรรมสีเขียว"},
        keywords=["symbiosis"],
    )
    assert query.search("นิคม", mode="lexical").items[0]["identifier"] == "two"
    assert query.search("parks", mode="lexical").items[0]["identifier"] == "two"
    assert query.search("symbiosis", mode="lexical").count == 1
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT rowid FROM knowledge_search_fts WHERE rowid >> 3 = %s ORDER BY rowid",
                [r.id],
            )
            assert [row[0] - r.id * 8 for row in cursor.fetchall()] == [1, 2]  # en, th
        else:
            cursor.execute(
                "SELECT language FROM knowledge_search_document WHERE resource_id = %s"
                " ORDER BY language",
                [r.id],
            )
            assert [row[0] for row in cursor.fetchall()] == ["en", "th"]


def test_it_indexes_file_text_and_case_fields(db):
    make_resource(
        identifier="case",
        language="km",
        type="case",
        title={"km": "ករណីសិក្សា"},
        context_km="សហគមន៍នេសាទតាមឆ្នេរ",
        files=[("Annex: mangrove restoration costs per hectare", "en")],
    )
    assert query.search("នេសាទ", mode="lexical").count == 1
    result = query.search("hectare", mode="lexical")
    assert result.count == 1
    assert "<mark>hectare</mark>" in result.items[0]["snippet"]


def test_it_reindexes_a_changed_resource_and_removes_a_deleted_one(db):
    r = make_resource(identifier="r", language="en", title={"en": "Hydropower"})
    assert query.search("hydropower", mode="lexical").count == 1
    Resource.objects.filter(id=r.id).update(title_en="Solar power")
    index.reindex_resource(r.id)
    assert query.search("hydropower", mode="lexical").count == 0
    assert query.search("solar", mode="lexical").count == 1
    index.remove_resource(r.id)
    assert query.search("solar", mode="lexical").count == 0
    index.reindex_resource(r.id)
    rid = r.id
    r.delete()
    index.reindex_resource(rid)  # a deleted id: its entries go
    assert query.search("solar", mode="lexical").count == 0


def test_it_rebuilds_everything_with_progress(db):
    for i in range(5):
        make_resource(
            identifier=f"r{i}", language="en", title={"en": f"Wetland {i}"}, reindex=False
        )
    assert query.search("wetland", mode="lexical").count == 0
    seen = []
    assert index.reindex_all(batch=2, progress=lambda done, total: seen.append((done, total))) == 5
    assert seen == [(2, 5), (4, 5), (5, 5)]
    assert query.search("wetland", mode="lexical").count == 5
