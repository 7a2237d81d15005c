"""The semantic search's vector arithmetic: the first pass on the rows' principal components
with exact rescoring (approximate above ``rescore`` rows, exact below), the row mask, the
query-vector cache."""

import numpy as np
import pytest

from lmec.knowledge.search import embeddings
from lmec.knowledge.search.embeddings import DIM, Matrix, nearest, principal_projection


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


def test_it_projects_on_the_leading_principal_components():
    rng = np.random.default_rng(1)
    # 3,000 rows in a 40-dimension subspace of the 384 (plus an offset): 128 components keep
    # all of it, so the projected product ranks exactly as the full one, up to a constant.
    subspace = np.linalg.qr(rng.standard_normal((DIM, 40)))[0]
    rows = (rng.standard_normal((3000, 40)) @ subspace.T + 0.3).astype(np.float32)
    q = rng.standard_normal(DIM).astype(np.float32)
    basis, projected = principal_projection(rows)
    assert basis.shape == (DIM, 128) and projected.shape == (3000, 128)
    np.testing.assert_allclose(basis.T @ basis, np.eye(128), atol=1e-4)
    rough, full = projected @ (basis.T @ q), rows @ q
    np.testing.assert_allclose(rough - rough.mean(), full - full.mean(), atol=1e-3)


def test_it_loses_nothing_when_the_rows_span_fewer_dimensions_than_it_keeps():
    rng = np.random.default_rng(2)
    subspace = np.linalg.qr(rng.standard_normal((DIM, 60)))[0]
    m = Matrix(
        token=1,
        resource_ids=np.arange(1, 4001, dtype=np.int64),
        vectors=unit(rng.standard_normal((4000, 60)) @ subspace.T),
    )
    q = unit(rng.standard_normal(DIM))
    exact = nearest(q, 20, m=m, rescore=0)
    approximate = nearest(q, 20, m=m, rescore=150)
    assert [r for r, _s in approximate] == [r for r, _s in exact]
    np.testing.assert_allclose([s for _r, s in approximate], [s for _r, s in exact], atol=1e-6)


def test_it_finds_the_exact_top_k_through_the_projected_pass(clustered):
    m, q = clustered
    exact = nearest(q, 10, m=m, rescore=0)
    approximate = nearest(q, 10, m=m, rescore=200)
    assert [rid for rid, _s in exact] == list(range(101, 111))
    assert [r for r, _s in approximate] == [r for r, _s in exact]
    # the rescored cosines are exact (float32 products, summed in another order)
    np.testing.assert_allclose([s for _r, s in approximate], [s for _r, s in exact], atol=1e-6)


def test_it_searches_exactly_when_there_are_no_more_rows_than_it_rescores(clustered):
    m, q = clustered
    assert nearest(q, 50, m=m, rescore=5000) == nearest(q, 50, m=m, rescore=0)


def test_it_keeps_masked_rows_out_of_the_projected_pass(clustered):
    m, q = clustered
    rows = np.ones(len(m.resource_ids), dtype=bool)
    rows[100:110] = False  # the nearest cluster may not be found
    result = nearest(q, 10, rows=rows, m=m, rescore=200)
    exact = nearest(q, 10, rows=rows, m=m, rescore=0)
    assert [r for r, _s in result] == [r for r, _s in exact]
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


def test_it_reuses_a_lexical_ranking_until_the_index_changes(db):
    from lmec.knowledge.search import query

    from .search_fixtures import make_resource

    make_resource(identifier="a", language="en", title={"en": "Mekong sediment survey"})
    query.clear_caches()
    first = query.search("sediment", mode="lexical")
    assert [i["identifier"] for i in first.items] == ["a"]
    assert len(query._lexical_cache) == 1
    # a facet filter and the next page reuse the unfiltered ranking of the match
    assert query.search("sediment", mode="lexical", filters={"language": ["th"]}).count == 0
    assert query.search("sediment", mode="lexical", offset=1).items == []
    assert len(query._lexical_cache) == 1
    make_resource(identifier="b", language="en", title={"en": "Sediment and fisheries"})
    again = query.search("sediment", mode="lexical")  # a new index state: matched again
    assert sorted(i["identifier"] for i in again.items) == ["a", "b"]
    assert len(query._lexical_cache) == 2
