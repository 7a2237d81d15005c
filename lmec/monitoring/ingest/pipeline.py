"""The two ways in: :func:`ingest_file` and :func:`ingest_records`.

One transaction around: read a block -> validate it -> QA/QC -> compare with what is
stored (earlier blocks included), write, update daily values -> next block; after the
commit, call :data:`AFTER_INGEST`.

A bad row (unless ``skip_invalid``) stops the writes, the rest is read for the report and
the transaction is rolled back: an input is stored whole or not at all, and a refused input
leaves what was stored before as it was. Memory holds one block at a time.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from ..models import Upload
from . import merge, qaqc, readers, store
from .errors import IngestError, Report, RowError, RowProblem
from .mapping import load_mapping
from .validate import CENSOR_TEXT, LONG_COLUMNS, Lookups, validate

logger = logging.getLogger(__name__)

#: Called after each ingest commits, with ``touched`` = {station_id: (first, last)} (aware
#: UTC datetimes) of the values stored, replaced or re-flagged. Alerts register here.
AFTER_INGEST: list[Callable[[dict], None]] = []

#: ``progress(stage, done, total)``: stage "read" (rows read, checked and stored so far,
#: block by block; total unknown), then "done".
Progress = Callable[[str, int, int | None], None]


@dataclass
class IngestResult:
    """What became of an input. ``errors`` holds the first row errors (see ``error_count``
    for all); ``refused`` counts values refused, ``flagged`` values stored with a flag."""

    upload: Upload
    status: str
    rows_read: int = 0
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    flagged: int = 0
    refused: int = 0
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    reflagged: int = 0
    daily: int = 0
    touched: dict = field(default_factory=dict)

    def counts(self) -> dict:
        """Status and row counts, as the API and the background task report them."""
        return {
            "status": self.status,
            "rows_read": self.rows_read,
            "stored": self.stored,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "flagged": self.flagged,
            "refused": self.refused,
        }


@contextmanager
def _failure_recorded(upload: Upload):
    """Mark ``upload`` failed, with the reason, when the ingest inside raises; re-raise."""
    try:
        yield
    except IngestError as exc:
        _fail(upload, exc)
        raise
    except Exception as exc:
        _fail(upload, IngestError("internal_error", error=type(exc).__name__))
        raise


def ingest_file(
    path,
    *,
    user=None,
    mapping=None,
    skip_invalid: bool = False,
    format: str | None = None,
    station: str | None = None,
    allowed_stations=None,
    upload: Upload | None = None,
    progress: Progress | None = None,
    block_rows: int | None = None,
) -> IngestResult:
    """Ingest a long CSV/XLSX, a wide CSV/XLSX with its ``mapping``, or OpenAQ v3 JSON.

    ``mapping``: a dict, YAML text or the path of a YAML file (docs/ingest-mapping.md).
    ``format``: ``long``, ``wide`` or ``openaq``; by default JSON is OpenAQ and a file with
    a mapping is wide. ``station``: the station code of OpenAQ results (or of a wide table
    whose mapping names none). ``allowed_stations``: None for any station, else the ids of
    the stations the caller may write; rows of others are refused. ``upload``: an existing
    :class:`Upload` to fill in (the background task); else one is created.
    ``block_rows``: store in blocks of at most that many rows (default: as the reader
    gives them, 32 MB of CSV text a block); the result is the same for any block size.

    Raises :class:`IngestError` when the input as a whole cannot be read (the upload is
    then marked failed with the message).
    """
    path = Path(path)
    mapping_text = ""
    if upload is None:
        upload = Upload(filename=path.name, format=format or "", skip_invalid=skip_invalid)
        upload.user = user
    upload.status = Upload.Status.RUNNING
    upload.save()
    with _failure_recorded(upload):
        if not path.is_file():
            raise IngestError("file_missing", path=str(path))
        if mapping is not None:
            checked = load_mapping(mapping)
            mapping_text, mapping = checked.text, checked
        chosen = format or readers.detect_format(path, mapping)
        if chosen not in readers.READERS:
            raise IngestError("format_unknown", format=chosen, formats=list(readers.READERS))
        upload.format, upload.mapping = chosen, mapping_text or upload.mapping
        source = readers.READERS[chosen](path, mapping=mapping, station=station)
        return _ingest(
            source,
            upload,
            skip_invalid=skip_invalid,
            allowed_stations=allowed_stations,
            progress=progress,
            empty_is_error=True,
            block_rows=block_rows,
        )


def ingest_records(
    records: Iterable[dict],
    *,
    user=None,
    api_key=None,
    skip_invalid: bool = False,
    allowed_stations=None,
    block_rows: int | None = None,
) -> IngestResult:
    """Ingest a batch of records ``{"station", "parameter", "unit", "time", "value"[,
    "averaging", "flag"]}`` (values as in a file: strings or numbers; row 1 is the first
    record). The same validation as files; idempotent."""
    upload = Upload.objects.create(
        format=Upload.Format.API,
        user=user,
        api_key=api_key,
        skip_invalid=skip_invalid,
        status=Upload.Status.RUNNING,
    )
    with _failure_recorded(upload):
        frame = records_frame(records)
        source = readers.Source("api", iter([frame]))
        return _ingest(
            source,
            upload,
            skip_invalid=skip_invalid,
            allowed_stations=allowed_stations,
            progress=None,
            empty_is_error=False,
            block_rows=block_rows,
        )


def records_frame(records: Iterable[dict]) -> pl.DataFrame:
    """Records as the text frame a reader gives (numbers and datetimes as text)."""
    columns: dict[str, list] = {c: [] for c in ("row", *LONG_COLUMNS)}
    for row, record in enumerate(records, 1):
        if not isinstance(record, dict):
            raise IngestError("record_not_object", row=row)
        columns["row"].append(row)
        for name in LONG_COLUMNS:
            value = record.get(name)
            if isinstance(value, dt.datetime | dt.date):
                value = value.isoformat()
            columns[name].append(None if value is None else str(value))
    return pl.DataFrame(columns, schema={c: pl.Int64 if c == "row" else pl.String for c in columns})


def _fail(upload: Upload, error: IngestError) -> None:
    """Mark ``upload`` failed with the English sentence and, for the pages to translate it,
    its code and parameters."""
    upload.status = Upload.Status.FAILED
    upload.message = str(error)
    upload.message_code, upload.message_params = error.code, error.params
    upload.finished = timezone.now()
    upload.save(
        update_fields=[
            "status",
            "message",
            "message_code",
            "message_params",
            "finished",
            "format",
            "mapping",
        ]
    )


_AVERAGING_CODE = {0: 0, 1: 1, 8: 2, 24: 3}


def sort_by_key(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` sorted by (station, parameter, averaging, time).

    The four columns are packed into one 63-bit integer (station 20 bits, parameter 8,
    averaging 2, seconds since the first time 33) when they fit, because sorting one
    integer column is several times faster than sorting four; else a plain sort.
    """
    if frame.height == 0:
        return frame
    seconds = frame["time"].dt.epoch("s")
    start = seconds.min()
    if frame["station"].max() >= 1 << 20 or seconds.max() - start >= 1 << 33:
        return frame.sort(store.KEY)
    code = frame["averaging"].replace_strict(_AVERAGING_CODE, return_dtype=pl.Int64)
    key = (
        (frame["station"].cast(pl.Int64) * 256 + frame["parameter"].cast(pl.Int64)) * 4 + code
    ) * (1 << 33) + (seconds - start)
    return frame.with_columns(_key=key).sort("_key").drop("_key")


def deduplicate(incoming: pl.DataFrame, report: Report) -> tuple[pl.DataFrame, int, int]:
    """One row per key (``incoming`` sorted by key). The same key twice with the same value
    is kept once (counted unchanged); with different values every row of that key is
    refused.

    Returns ``(rows, refused, repeated)``.
    """
    if incoming.height == 0:
        return incoming, 0, 0
    again = incoming.select(
        pl.all_horizontal([pl.col(c) == pl.col(c).shift(1) for c in store.KEY]).fill_null(False)
    ).to_series()
    if not again.any():
        return incoming, 0, 0
    involved = again | again.shift(-1).fill_null(False)
    repeated = incoming.filter(involved).with_columns(pl.col("raw_unit").cast(pl.String))
    groups = repeated.group_by(store.KEY).agg(
        distinct=pl.struct("value", "raw_value", "raw_unit", "censor", "flags").n_unique(),
        rows=pl.col("row").sort(),
    )
    conflicts = groups.filter(pl.col("distinct") > 1)
    keep = incoming.filter(~again)
    refused = 0
    if conflicts.height:
        bad = repeated.join(conflicts.select(*store.KEY, "rows"), on=store.KEY).sort("row")
        refused = bad.height
        errors = []
        for record in bad.head(report.room).iter_rows(named=True):
            others = [r for r in record["rows"] if r != record["row"]]
            shown = ", ".join(str(r) for r in others[:5]) + (" ..." if len(others) > 5 else "")
            value = CENSOR_TEXT[record["censor"]] + f"{record['raw_value']:g}"
            problem = RowProblem("key_repeated", rows=shown)
            errors.append(RowError.of(record["row"], "value", value, problem))
        report.extend(errors, refused)
        keep = keep.join(
            conflicts.select(store.KEY), on=store.KEY, how="anti", maintain_order="left"
        )
    # the later copies of a key, less those refused with their key
    return keep, refused, int(again.sum()) - (refused - conflicts.height)


def _blocks(batches: Iterable[pl.DataFrame], block_rows: int | None) -> Iterable[pl.DataFrame]:
    """The reader's batches, cut into blocks of at most ``block_rows`` rows (default:
    ``settings.INGEST_BLOCK_ROWS``; None keeps the reader's blocks -- a 32 MB CSV block
    holds about 650,000 rows; smaller blocks lower the memory of the compare and write
    steps, see benchmarks/README.md)."""
    block_rows = block_rows or getattr(settings, "INGEST_BLOCK_ROWS", None)
    for batch in batches:
        if block_rows is None or batch.height <= block_rows:
            yield batch
        else:
            yield from batch.iter_slices(block_rows)


def _validated(source: readers.Source, lookups: Lookups, now, block_rows: int | None):
    """``(rows read, validated batch, its own report)`` of each block of ``source``."""
    for raw in _blocks(source.batches, block_rows):
        found = Report()
        batch = validate(
            raw,
            lookups,
            found,
            names=source.names,
            decimal_comma=source.decimal_comma,
            time_formats=source.time_formats,
            period_ending=source.period_ending,
            now=now,
        )
        yield raw.height, batch, found


def _read_ahead(items: Iterator):
    """``items``, each next one made in a helper thread while the caller works on the
    last: the next block is read and validated (polars, mostly without the GIL) while
    this one is compared and written, so the two cores both work. At most two blocks are
    in memory."""
    with ThreadPoolExecutor(max_workers=1) as reader:
        ahead = reader.submit(next, items, None)
        while (item := ahead.result()) is not None:
            ahead = reader.submit(next, items, None)
            yield item
            del item


def _ingest(
    source: readers.Source,
    upload: Upload,
    *,
    skip_invalid: bool,
    allowed_stations,
    progress: Progress | None,
    empty_is_error: bool,
    block_rows: int | None = None,
) -> IngestResult:
    """Validate and store ``source`` block by block inside one transaction.

    Each block is merged as it is read, so memory holds one block (plus the stored rows
    around it), not the whole input. The first bad row of an input that is not stored
    with ``skip_invalid`` stops the writes; the rest is still read and checked for the
    report, and the transaction is rolled back: nothing of the input is stored.
    """
    tell = progress or (lambda *args: None)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    lookups = Lookups.load(allowed_stations)
    report = Report()
    result = IngestResult(upload=upload, status=Upload.Status.DONE)
    total = merge.Outcome()
    with transaction.atomic():
        writer = store.for_connection(connection)
        checked = _validated(source, lookups, now, block_rows)
        for rows, batch, found in _read_ahead(checked):
            result.rows_read += rows
            report.extend(found.errors, found.total)
            result.refused += batch.refused
            if batch.clean.height and (skip_invalid or not report.total):
                # sorted by key: duplicates are neighbours, and merge.apply relies on it
                incoming, conflicting, repeated = deduplicate(sort_by_key(batch.clean), report)
                result.refused += conflicting
                total.unchanged += repeated
                if skip_invalid or not report.total:
                    outcome = merge.apply(
                        qaqc.point_flags(incoming),
                        writer,
                        upload_id=upload.pk,
                        zones=lookups.zones,
                        now=now,
                        errors=report,
                    )
                    result.refused += outcome.refused
                    total.add(outcome)
                del incoming  # before the next block is taken
            del batch
            tell("read", result.rows_read, None)
        if result.rows_read == 0 and empty_is_error:
            raise IngestError("file_no_rows")
        result.errors, result.error_count = report.sorted(), report.total
        upload.rows_read, upload.rows_refused = result.rows_read, result.refused
        upload.report = [e.as_dict() for e in result.errors]
        if report.total and not skip_invalid:
            transaction.set_rollback(True)  # what earlier blocks wrote goes
        else:
            result.stored, result.replaced = total.stored, total.replaced
            result.unchanged = total.unchanged
            result.flagged, result.reflagged = total.flagged, total.reflagged
            result.daily, result.touched = total.daily, total.touched
            upload.status = Upload.Status.DONE
            upload.rows_stored, upload.rows_replaced = result.stored, result.replaced
            upload.rows_unchanged, upload.rows_flagged = result.unchanged, result.flagged
            upload.message = _summary(result)
            upload.finished = timezone.now()
            upload.save()
            if total.touched:
                touched = dict(total.touched)
                transaction.on_commit(lambda: run_after_ingest(touched))
    if report.total and not skip_invalid:
        result.status = upload.status = Upload.Status.REFUSED
        upload.message = _refusal(report, result.refused)
        upload.finished = timezone.now()
        upload.save()
    tell("done", result.rows_read, result.rows_read)
    return result


def run_after_ingest(touched: dict) -> None:
    """Call every :data:`AFTER_INGEST` hook; one failing hook does not stop the others
    (the data is committed by then)."""
    for hook in list(AFTER_INGEST):
        try:
            hook(touched)
        except Exception:
            logger.exception("after-ingest hook %r failed", hook)


def _refusal(report: Report, refused: int) -> str:
    return (
        f"refused: {refused} of the rows have errors ({report.total} errors); nothing was "
        "stored. Correct them, or store the valid rows only (skip invalid rows)."
    )


def _summary(result: IngestResult) -> str:
    text = (
        f"{result.rows_read} rows read: {result.stored} stored, {result.replaced} replaced, "
        f"{result.unchanged} unchanged, {result.flagged} flagged"
    )
    if result.refused:
        text += f", {result.refused} refused (skipped)"
    return text
