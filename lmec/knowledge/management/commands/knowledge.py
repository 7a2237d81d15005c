"""``lmec knowledge import|reindex|embed``: the catalogue's records and its search index.

- ``import FILE.jsonl``: records from a JSON Lines file, with a report (docs/knowledge-import.md);
- ``reindex``: rebuild the lexical index and queue the embeddings that are missing or stale;
- ``embed [--limit N]``: compute the queued embeddings here, with progress (what the
  background task does).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lmec.core.progress import StageProgress
from lmec.knowledge.importer import import_jsonl

EXIT_REFUSED = 1
EXIT_UNREADABLE = 2


class Command(BaseCommand):
    help = (
        "Knowledge catalogue. `import FILE.jsonl`: one resource per line, upserted by "
        "identifier (docs/knowledge-import.md). A file with a bad line is refused whole (exit "
        "status 1) unless --skip-invalid; a file that cannot be read exits with 2. "
        "`reindex`: rebuild the search index (lexical at once, embeddings queued). "
        "`embed [--limit N]`: compute the queued embeddings now, with progress."
    )

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True, metavar="{import,reindex,embed}")
        importing = verbs.add_parser("import", help="Import resources from a JSONL file.")
        importing.add_argument("file", help="The JSON Lines file (UTF-8), one resource a line.")
        importing.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Store the valid lines and report the invalid ones.",
        )
        importing.add_argument(
            "--errors", type=int, default=50, help="Line errors to print (default 50)."
        )

        verbs.add_parser(
            "reindex",
            help="Rebuild the lexical search index of every record and queue the embeddings "
            "that are missing or stale (unchanged texts keep theirs).",
        )
        embedding = verbs.add_parser(
            "embed",
            help="Compute the queued embeddings of semantic search now (what the background "
            "task does), with progress.",
        )
        embedding.add_argument(
            "--limit", type=int, default=None, help="Embed at most N language versions."
        )

    def handle(self, *args, **options):
        if options["verb"] == "import":
            self._import(Path(options["file"]), options["skip_invalid"], options["errors"])
        elif options["verb"] == "reindex":
            self._reindex()
        elif options["verb"] == "embed":
            self._embed(options["limit"])

    def _reindex(self) -> None:
        from lmec.knowledge.search import embeddings, index

        bar = _Bar("indexing", " records")
        started = time.perf_counter()
        try:
            count = index.reindex_all(progress=bar)
        finally:
            bar.close()
        self.stdout.write(f"{count:,} records indexed in {time.perf_counter() - started:.1f} s")
        self._waiting(index, embeddings)

    def _embed(self, limit: int | None) -> None:
        from lmec.knowledge.search import embeddings, index

        if limit is not None and limit < 1:
            raise CommandError("--limit: give a number of language versions, 1 or more")
        if not embeddings.enabled():
            self.stdout.write(
                "semantic search is off (KNOWLEDGE_SEMANTIC_SEARCH): nothing to embed"
            )
            return
        bar = _Bar("embedding", " versions")
        started = time.perf_counter()
        try:
            count = index.embed_pending(limit=limit, progress=bar)
        finally:
            bar.close()
        seconds = time.perf_counter() - started
        rate = f" ({count / seconds:,.1f} versions/s)" if count and seconds > 0 else ""
        self.stdout.write(f"{count:,} language versions embedded in {seconds:.1f} s{rate}")
        self._waiting(index, embeddings)

    def _waiting(self, index, embeddings) -> None:
        if not embeddings.enabled():
            return
        left = index.pending_count()
        self.stdout.write(
            f"{left:,} language versions wait for their embedding"
            + (
                " (the background worker, `lmec db_worker`, computes them; or run "
                "`lmec knowledge embed`)"
                if left
                else ""
            )
        )

    def _import(self, path: Path, skip_invalid: bool, shown: int) -> None:
        if not path.is_file():
            raise CommandError(f"no such file: {path}", returncode=EXIT_UNREADABLE)
        progress = StageProgress(PROGRESS_LABELS, " lines") if sys.stderr.isatty() else None
        started = time.perf_counter()
        try:
            result = import_jsonl(path, skip_invalid=skip_invalid, progress=progress)
        except UnicodeDecodeError as exc:
            raise CommandError(
                f"{path.name}: not UTF-8 text (byte {exc.start})", returncode=EXIT_UNREADABLE
            ) from None
        finally:
            if progress:
                progress.close()
        seconds = time.perf_counter() - started
        rate = f" ({result.read / seconds:,.0f} lines/s)" if seconds > 0 else ""
        self.stdout.write(
            "\n".join(
                [
                    f"{path.name}: {result.read:,} lines read",
                    f"  created    {result.created:>10,}",
                    f"  updated    {result.updated:>10,}",
                    f"  unchanged  {result.unchanged:>10,}",
                    f"  refused    {result.refused:>10,}",
                    f"{result.status} in {seconds:.1f} s{rate}",
                ]
            )
        )
        if result.errors:
            self.stdout.write(f"line errors ({len(result.errors):,}):")
            for error in result.errors[:shown]:
                self.stdout.write(f"  line {error.line}, {error.field}: {error.reason}")
            if len(result.errors) > shown:
                self.stdout.write(f"  ... and {len(result.errors) - shown:,} more (--errors N)")
        if result.status != "refused":
            from lmec.knowledge.search import embeddings, index

            self._waiting(index, embeddings)
        if result.status == "refused":
            raise CommandError(
                f"{path.name} refused: {result.refused:,} lines have errors; nothing was stored "
                "(fix them, or store the valid lines with --skip-invalid)",
                returncode=EXIT_REFUSED,
            )


#: What each stage of the progress callback is called on screen.
PROGRESS_LABELS = {"check": "checking", "store": "storing", "index": "indexing"}


class _Bar:
    """A tqdm bar on the terminal (stderr) for ``progress(done, total)``; silent otherwise."""

    def __init__(self, label: str, unit: str):
        self.label, self.unit, self.bar = label, unit, None
        self.on = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.on:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(
                total=total, desc=self.label, unit=self.unit, file=sys.stderr, leave=False
            )
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
