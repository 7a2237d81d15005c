"""``lmec knowledge import FILE.jsonl``: resources from a JSON Lines file (docs/knowledge-import.md).

Every line is checked before anything is written, with one error per bad field (line number,
field, reason). By default a file with a bad line stores nothing; with ``skip_invalid`` the
good lines are stored and the bad ones reported. Lines are upserted by ``identifier`` (the same
file again changes nothing), in one transaction, in batches of :data:`BATCH` lines whose stored
state is read and compared at once (:func:`lmec.knowledge.services.batch.store_many`): only
new and changed records are written. The search index is updated once, in batches, after
the commit (:func:`lmec.knowledge.services.deferred_reindex`): the lexical index at once, the
embeddings queued for the background task.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ObjectDoesNotExist
from django.db import DatabaseError, transaction

from . import services
from .services.batch import store_many
from .services.records import store_record
from .services.validation import CleanRecord, Lookups, validate_record

#: progress(stage, done, total): stages "check", "store", "index" (the lexical search index,
#: after the commit; the embeddings are queued for the background task), then "done"
Progress = Callable[[str, int, int | None], None]


@dataclass(frozen=True)
class LineError:
    line: int  # from 1
    field: str
    reason: str


@dataclass
class ImportResult:
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: int = 0
    errors: list[LineError] = field(default_factory=list)
    #: "done", "partial" (some lines skipped) or "refused" (nothing stored)
    status: str = "done"

    def counts(self) -> dict[str, int]:
        return {
            "read": self.read,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "refused": self.refused,
        }


def _lines(path: Path):
    with path.open(encoding="utf-8-sig") as fh:
        for number, text in enumerate(fh, start=1):
            if text.strip():
                yield number, text


def import_jsonl(
    path: Path | str,
    *,
    skip_invalid: bool = False,
    action: str = "imported",
    progress: Progress | None = None,
) -> ImportResult:
    """Import ``path``; see the module docstring. ``files[].path`` are read relative to the
    file's folder. Raises ``UnicodeDecodeError`` for a file that is not UTF-8 text."""
    path = Path(path)
    root = path.resolve().parent
    result = ImportResult()
    lookups = Lookups()
    tell = progress or (lambda stage, done, total: None)
    total = sum(1 for _ in _lines(path))
    checked: list[tuple[int, CleanRecord]] = []
    first_line: dict[str, int] = {}
    for number, text in _lines(path):
        result.read += 1
        errors = _check(number, text, lookups, root, first_line, checked)
        if errors:
            result.refused += 1
            result.errors.extend(errors)
        if result.read % 500 == 0:
            tell("check", result.read, total)
    tell("check", result.read, total)
    if result.errors and not skip_invalid:
        result.status = "refused"
        return result
    try:
        indexing = services.deferred_reindex(
            progress=lambda done, total: tell("index", done, total)
        )
        with indexing, transaction.atomic():
            done = 0
            for start in range(0, len(checked), BATCH):
                batch = checked[start : start + BATCH]
                _store_batch(batch, lookups, action, result, skip_invalid)
                done += len(batch)
                tell("store", done, len(checked))
    except _Refused:
        result.status = "refused"
        result.created = result.updated = result.unchanged = 0
        return result
    tell("done", 0, 0)
    result.status = "partial" if result.errors else "done"
    return result


def _check(number, text, lookups, root, first_line, checked) -> list[LineError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return [LineError(number, "line", f"Not JSON: {exc.msg} (column {exc.colno}).")]
    try:
        clean = validate_record(data, lookups=lookups, files_root=root)
    except services.ResourceInvalid as exc:
        return [
            LineError(number, name, message)
            for name, messages in exc.errors.items()
            for message in messages
        ]
    earlier = first_line.setdefault(clean.identifier, number)
    if earlier != number:
        return [
            LineError(number, "identifier", f"{clean.identifier} is on line {earlier} already.")
        ]
    lookups.planned.update(clean.new_organisations)
    checked.append((number, clean))
    return []


class _Refused(Exception):
    pass


#: Lines written per batch: their stored state is read in a few queries and compared in
#: memory; only new and changed records are written.
BATCH = 1000
_STORE_ERRORS = (services.ResourceInvalid, ObjectDoesNotExist, DatabaseError, KeyError, OSError)


def _store_batch(batch, lookups, action, result, skip_invalid) -> None:
    try:
        with transaction.atomic():  # a savepoint: a failing batch is rolled back whole
            outcome = store_many(batch, action=action, lookups=lookups)
    except _STORE_ERRORS:
        # a line the checks could not foresee: store the batch one by one to name it
        from lmec.network.models import Organisation

        lookups.organisations = set(Organisation.objects.values_list("slug", flat=True))
        for number, clean in batch:
            _store(number, clean, lookups, action, result, skip_invalid)
        return
    for state in outcome.values():
        setattr(result, state, getattr(result, state) + 1)


def _store(number, clean, lookups, action, result, skip_invalid) -> None:
    try:
        with transaction.atomic():  # a savepoint: a line that fails leaves the others
            _, created, changed = store_record(clean, action=action, lookups=lookups)
    except _STORE_ERRORS as exc:
        errors = getattr(exc, "errors", None) or {"line": [f"Not stored: {exc}"]}
        result.refused += 1
        result.errors.extend(
            LineError(number, name, message)
            for name, messages in errors.items()
            for message in messages
        )
        if not skip_invalid:
            raise _Refused from exc
        return
    if created:
        result.created += 1
    elif changed:
        result.updated += 1
    else:
        result.unchanged += 1
