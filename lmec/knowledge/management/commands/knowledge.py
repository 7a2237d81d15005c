"""``lmec knowledge import FILE.jsonl``: catalogue records from a JSON Lines file, with a report."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lmec.knowledge.importer import import_jsonl

EXIT_REFUSED = 1
EXIT_UNREADABLE = 2


class Command(BaseCommand):
    help = (
        "Knowledge catalogue. `import FILE.jsonl`: one resource per line, upserted by "
        "identifier (docs/knowledge-import.md). A file with a bad line is refused whole (exit "
        "status 1) unless --skip-invalid; a file that cannot be read exits with 2."
    )

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True, metavar="import")
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

    def handle(self, *args, **options):
        if options["verb"] == "import":
            self._import(Path(options["file"]), options["skip_invalid"], options["errors"])

    def _import(self, path: Path, skip_invalid: bool, shown: int) -> None:
        if not path.is_file():
            raise CommandError(f"no such file: {path}", returncode=EXIT_UNREADABLE)
        progress = _Progress() if sys.stderr.isatty() else None
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
        if result.status == "refused":
            raise CommandError(
                f"{path.name} refused: {result.refused:,} lines have errors; nothing was stored "
                "(fix them, or store the valid lines with --skip-invalid)",
                returncode=EXIT_REFUSED,
            )


class _Progress:
    """tqdm bars on the terminal (stderr): lines checked, then stored."""

    LABELS = {"check": "checking", "store": "storing"}

    def __init__(self):
        from tqdm import tqdm

        self.tqdm = tqdm
        self.bar = None
        self.stage = None

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if stage == "done":
            self.close()
            return
        if stage != self.stage:
            self.close()
            self.stage = stage
            self.bar = self.tqdm(
                total=total,
                desc=self.LABELS.get(stage, stage),
                unit=" lines",
                unit_scale=True,
                file=sys.stderr,
                leave=False,
            )
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        self.stage = None
