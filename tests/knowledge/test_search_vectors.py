"""The semantic search's vector arithmetic: the sign-bit first pass with exact rescoring
(approximate above ``rescore`` rows, exact below), the row mask, the query-vector cache."""

import numpy as np
import pytest

from lmec.knowledge.search import embeddings
from lmec.knowledge.search.embeddings import DIM, Matrix, hamming, nearest, sign_bits


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=-1, keepdims=True)).astype(np.float32)


@pytest.fixture
def clustered():
    """5,000 random rows (ids 1..5,000) and a query with a planted cluster of ten near
    neighbours (ids 101..110) and a second one (ids 201..210)."""
    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((5000, DIM)).astype(np.float32)
    q = unit(rng.standard_normal(DIM))
    for j in range(10):  # noise of norm ~0.2-0.38 and ~0.6-0.78 around the unit query
        vectors[100 + j] = q + (0.2 + 0.02 * j) * unit(rng.standard_normal(DIM))
        vectors[200 + j] = q + (0.6 + 0.02 * j) * unit(rng.standard_normal(DIM))
    m = Matrix(token=1, resource_ids=np.arange(1, 5001, dtype=np.int64), vectors=unit(vectors))
    return m, q


def test_it_counts_the_differing_sign_bits_of_each_row():
    rng = np.random.default_rng(1)
    rows = rng.standard_normal((37, DIM)).astype(np.float32)
    q = rng.standard_normal(DIM).astype(np.float32)
    signs = sign_bits(rows)
    assert signs.shape == (6, 37) and signs.dtype == np.uint64
    expected = ((rows > 0) != (q > 0)).sum(axis=1)
    np.testing.assert_array_equal(hamming(signs, sign_bits(q)), expected)


def test_it_finds_the_exact_top_k_through_the_sign_bit_pass(clustered):
    m, q = clustered
    exact = nearest(q, 10, m=m, rescore=0)
    approximate = nearest(q, 10, m=m, rescore=200)
    assert [rid for rid, _s in exact] == list(range(101, 111))
    assert approximate == exact  # same ids, same (exact float32) cosines


def test_it_searches_exactly_when_there_are_no_more_rows_than_it_rescores(clustered):
    m, q = clustered
    assert nearest(q, 50, m=m, rescore=5000) == nearest(q, 50, m=m, rescore=0)


def test_it_keeps_masked_rows_out_of_the_sign_bit_pass(clustered):
    m, q = clustered
    rows = np.ones(len(m.resource_ids), dtype=bool)
    rows[100:110] = False  # the nearest cluster may not be found
    result = nearest(q, 10, rows=rows, m=m, rescore=200)
    assert result == nearest(q, 10, rows=rows, m=m, rescore=0)
    assert {rid for rid, _s in result} == set(range(201, 211))
    allowed = np.arange(300, 5001)  # and by id: neither cluster
    result = nearest(q, 5, allowed=allowed, m=m, rescore=200)
    assert len(result) == 5 and all(rid >= 300 for rid, _s in result)


def test_it_scores_a_resource_by_its_best_language_version():
    rng = np.random.default_rng(3)
    q = unit(rng.standard_normal(DIM))
    near, far = unit(q + 0.3 * unit(rng.standard_normal(DIM))), unit(rng.standard_normal(DIM))
    noise = unit(rng.standard_normal((3000, DIM)))
    # resource 1 has a far and a near version; 3,000 other resources one version each
    vectors = np.vstack([far, near, noise])
    ids = np.concatenate([[1, 1], np.arange(2, 3002)]).astype(np.int64)
    m = Matrix(token=1, resource_ids=ids, vectors=vectors)
    result = nearest(q, 3, m=m, rescore=100)
    assert result[0][0] == 1
    assert result[0][1] == pytest.approx(float(near @ q), abs=1e-6)
    assert len({rid for rid, _s in result}) == 3


def test_it_caches_query_vectors_by_text_and_language():
    embeddings._query_cache.clear()
    first = embeddings.query_vector("mangrove forest", "en")
    assert embeddings.query_vector("mangrove forest", "en") is first
    assert not first.flags.writeable  # shared between searches: nobody may change it
    other = embeddings.query_vector("mangrove forest", "th")  # centred on another mean
    assert other is not first and not np.array_equal(other, first)
    embeddings._query_cache.clear()
    np.testing.assert_array_equal(embeddings.query_vector("mangrove forest", "en"), first)
