"""Background work of the knowledge catalogue (Django's tasks framework).

:func:`embed_pending` computes the embeddings of semantic search for the language versions
the index has queued (``lmec.knowledge.search.index``): the lexical index is written at
once, the embeddings (0.1–0.3 s a version on a small machine) here. With
``TASKS_BACKEND=database`` (the default) the task waits for ``lmec db_worker`` (which ``lmec
serve`` and ``lmec demo`` start); with ``TASKS_BACKEND=immediate`` it runs at once, in the
process that queued it. ``lmec knowledge embed`` does the same work with progress.
"""

from __future__ import annotations

import logging

from django.tasks import task

logger = logging.getLogger(__name__)


@task()
def embed_pending(limit: int | None = None) -> dict:
    """Embed every queued language version (or ``limit`` of them); returns
    ``{"embedded": n, "pending": left}``. Several queued runs are harmless: each takes what
    is still queued, and the next finds nothing."""
    from .search import index

    embedded = index.embed_pending(limit=limit)
    left = index.pending_count()
    logger.info("knowledge embeddings: %d versions embedded, %d waiting", embedded, left)
    return {"embedded": embedded, "pending": left}
