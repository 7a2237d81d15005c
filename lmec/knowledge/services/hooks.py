"""What runs after the catalogue changes: the search index, and text normalisation.

Two small registries keep the services free of the search package (``lmec.knowledge.search``):

- :data:`AFTER_CHANGE`: callables given the list of resource ids that changed, called once
  the transaction has committed (a failing hook is logged and does not undo the change).
  Inside :func:`deferred_reindex` the ids are collected and the hooks are called once at the
  end with all of them, so an import of 100,000 lines computes embeddings in batches.
- :data:`TEXT_NORMALIZERS`: callables ``str -> str`` applied to every text a record brings
  (titles, abstracts, case fields, keywords) after Unicode NFC; the search package adds its
  Zawgyi → Unicode conversion for Burmese here.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction

logger = logging.getLogger(__name__)

AFTER_CHANGE: list[Callable[[Sequence[int]], None]] = []
TEXT_NORMALIZERS: list[Callable[[str], str]] = []

_deferred: ContextVar[set[int] | None] = ContextVar("knowledge_deferred_reindex", default=None)


def normalize_text(value: str) -> str:
    """NFC, then every registered normaliser (Zawgyi → Unicode once search is installed)."""
    value = unicodedata.normalize("NFC", value)
    for normalizer in TEXT_NORMALIZERS:
        value = normalizer(value)
    return value


def run_after_change(resource_ids: Sequence[int]) -> None:
    """Call every :data:`AFTER_CHANGE` hook with the ids; one failing hook does not stop the
    others (the data is committed by then; ``lmec`` can rebuild the index)."""
    ids = sorted(set(resource_ids))
    if not ids:
        return
    for hook in list(AFTER_CHANGE):
        try:
            hook(ids)
        except Exception:
            logger.exception("knowledge after-change hook %r failed", hook)


def changed(resource_id: int) -> None:
    """Note that a resource changed: run the hooks after commit, or collect the id when
    inside :func:`deferred_reindex`."""
    collected = _deferred.get()
    if collected is not None:
        collected.add(resource_id)
        return
    transaction.on_commit(lambda: run_after_change([resource_id]))


@contextmanager
def deferred_reindex() -> Iterator[set[int]]:
    """Collect the ids of the resources changed in the block; call the hooks once at its end
    (after the commit of the enclosing transaction, if any). Nothing is called when the block
    raises: what it wrote was rolled back."""
    outer = _deferred.get()
    if outer is not None:  # nested: the outermost block calls the hooks
        yield outer
        return
    collected: set[int] = set()
    token = _deferred.set(collected)
    try:
        yield collected
    finally:
        _deferred.reset(token)
    if collected:
        ids = sorted(collected)
        transaction.on_commit(lambda: run_after_change(ids))


def connect_search() -> None:
    """Register the search package's index and text normaliser (called from ``apps.ready``).

    Uses the names the search branch promises (K_CONTRACTS.md): ``index.reindex_resource(id)``
    (or a batch ``index.reindex_resources(ids)`` where it exists) and ``text.normalize(s)``.
    """
    # TEMPORARY (until the ksearch branch is merged; the lead removes this guard at merge):
    # lmec.knowledge.search does not exist on this branch yet.
    try:
        from lmec.knowledge.search import index, text
    except ImportError:
        return
    batch = getattr(index, "reindex_resources", None)
    if batch is None:

        def batch(ids: Sequence[int]) -> None:
            for resource_id in ids:
                index.reindex_resource(resource_id)

    if batch not in AFTER_CHANGE:
        AFTER_CHANGE.append(batch)
    if text.normalize not in TEXT_NORMALIZERS:
        TEXT_NORMALIZERS.append(text.normalize)
