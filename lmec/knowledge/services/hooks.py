"""What runs after the catalogue changes: the search index, and text normalisation.

Two small registries keep the services free of the search package (``lmec.knowledge.search``):

- :data:`AFTER_CHANGE`: callables given the list of resource ids that changed, called once
  the transaction has committed (a failing hook is logged and does not undo the change).
  Inside :func:`deferred_reindex` the ids are collected and the hooks are called once at the
  end with all of them, so an import of 100,000 lines is indexed in batches (the search
  package writes the lexical index then and queues the embeddings for a background task).
- :data:`TEXT_NORMALIZERS`: callables ``str -> str`` applied to every text a record brings
  (titles, abstracts, case fields, keywords) after Unicode NFC; the search package adds its
  Zawgyi → Unicode conversion for Burmese here.
"""

from __future__ import annotations

import inspect
import logging
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction

logger = logging.getLogger(__name__)

#: progress(done, total) of a hook's work
Progress = Callable[[int, int], None]
#: hooks called as ``hook(ids)``; ``hook(ids, progress=…)`` for a deferred block given one,
#: when the hook takes ``progress``
AFTER_CHANGE: list[Callable[..., None]] = []
TEXT_NORMALIZERS: list[Callable[[str], str]] = []

_deferred: ContextVar[set[int] | None] = ContextVar("knowledge_deferred_reindex", default=None)


def normalize_text(value: str) -> str:
    """NFC, then every registered normaliser (Zawgyi → Unicode once search is installed)."""
    value = unicodedata.normalize("NFC", value)
    for normalizer in TEXT_NORMALIZERS:
        value = normalizer(value)
    return value


def run_after_change(resource_ids: Sequence[int], progress: Progress | None = None) -> None:
    """Call every :data:`AFTER_CHANGE` hook with the ids (and ``progress=`` when given: an
    import shows the indexing); one failing hook does not stop the others (the data is
    committed by then; ``lmec knowledge reindex`` rebuilds the index)."""
    ids = sorted(set(resource_ids))
    if not ids:
        return
    for hook in list(AFTER_CHANGE):
        try:
            hook(ids, progress=progress) if progress and _takes_progress(hook) else hook(ids)
        except Exception:
            logger.exception("knowledge after-change hook %r failed", hook)


def _takes_progress(hook) -> bool:
    try:
        return "progress" in inspect.signature(hook).parameters
    except (TypeError, ValueError):  # a builtin without a signature
        return False


def changed(resource_id: int) -> None:
    """Note that a resource changed: run the hooks after commit, or collect the id when
    inside :func:`deferred_reindex`."""
    collected = _deferred.get()
    if collected is not None:
        collected.add(resource_id)
        return
    transaction.on_commit(lambda: run_after_change([resource_id]))


@contextmanager
def deferred_reindex(progress: Progress | None = None) -> Iterator[set[int]]:
    """Collect the ids of the resources changed in the block; call the hooks once at its end
    (after the commit of the enclosing transaction, if any), with ``progress(done, total)``
    when given. Nothing is called when the block raises: what it wrote was rolled back."""
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
        transaction.on_commit(lambda: run_after_change(ids, progress))


def connect_search() -> None:
    """Register the search package's index and text normaliser (called from ``apps.ready``):
    ``index.reindex_resources(ids)`` after every change (lexical index at once, embeddings
    queued for the background task) and ``text.normalize(s)`` for every text."""
    from lmec.knowledge.search import index, text

    if index.reindex_resources not in AFTER_CHANGE:
        AFTER_CHANGE.append(index.reindex_resources)
    if text.normalize not in TEXT_NORMALIZERS:
        TEXT_NORMALIZERS.append(text.normalize)
