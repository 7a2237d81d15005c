"""``lmec ingest FILE``: measurements from a file into the hub, with a summary."""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lmec.core.progress import StageProgress
from lmec.monitoring.ingest import IngestError, ingest_file
from lmec.monitoring.ingest.readers import READERS

EXIT_REFUSED = 1
EXIT_UNREADABLE = 2


class Command(BaseCommand):
    help = (
        "Ingest measurements from FILE: a long CSV/XLSX (station, parameter, unit, time, "
        "value[, averaging, flag]), a wide CSV/XLSX with --mapping, or OpenAQ v3 JSON. A file "
        "with bad rows is refused whole (exit status 1) unless --skip-invalid; a file that "
        "cannot be read exits with 2. See docs/ingest.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV, XLSX or JSON file.")
        parser.add_argument(
            "--mapping", help="YAML mapping of a wide table (docs/ingest-mapping.md)."
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Store the valid rows and skip the invalid ones (they stay in the report).",
        )
        parser.add_argument("--station", help="Station code of OpenAQ results.")
        parser.add_argument("--format", choices=list(READERS), help="Default: from the file.")
        parser.add_argument(
            "--errors", type=int, default=20, help="Row errors to print (default 20)."
        )
        parser.add_argument(
            "--report", help="Write the row errors kept (the first 1,000) to this CSV file."
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"no such file: {path}", returncode=EXIT_UNREADABLE)
        mapping = options["mapping"]
        if mapping is not None and not Path(mapping).is_file():
            raise CommandError(f"no such mapping file: {mapping}", returncode=EXIT_UNREADABLE)
        progress = StageProgress(PROGRESS_LABELS, " rows") if sys.stderr.isatty() else None
        started = time.perf_counter()
        try:
            result = ingest_file(
                path,
                mapping=Path(mapping) if mapping else None,
                skip_invalid=options["skip_invalid"],
                format=options["format"],
                station=options["station"],
                progress=progress,
            )
        except IngestError as exc:
            raise CommandError(f"{path.name}: {exc}", returncode=EXIT_UNREADABLE) from None
        finally:
            if progress:
                progress.close()
        seconds = time.perf_counter() - started
        self._summary(path, result, seconds)
        if result.errors:
            self._errors(result, options["errors"], options["report"])
        if result.status == "refused":
            raise CommandError(
                f"{path.name} refused: {result.refused:,} rows have errors; nothing was stored "
                "(fix them, or store the valid rows with --skip-invalid)",
                returncode=EXIT_REFUSED,
            )

    def _summary(self, path, result, seconds):
        rate = f" ({result.rows_read / seconds:,.0f} rows/s)" if seconds > 0 else ""
        lines = [
            f"{path.name}: {result.rows_read:,} rows read",
            f"  stored     {result.stored:>12,}",
            f"  replaced   {result.replaced:>12,}",
            f"  unchanged  {result.unchanged:>12,}",
            f"  flagged    {result.flagged:>12,}",
            f"  refused    {result.refused:>12,}",
            f"upload #{result.upload.pk} {result.status} in {seconds:.1f} s{rate}",
        ]
        self.stdout.write("\n".join(lines))

    def _errors(self, result, shown, report):
        errors = result.errors
        self.stdout.write(
            f"row errors ({result.error_count:,}; rows are counted from the first row under the header):"
        )
        for error in errors[:shown]:
            self.stdout.write(f"  row {error.row}, {error.column} {error.value!r}: {error.reason}")
        rest = result.error_count - min(shown, len(errors))
        if rest > 0:
            self.stdout.write(
                f"  ... and {rest:,} more; the first {len(errors):,} are kept on upload "
                f"#{result.upload.pk} (admin: Uploads) and by --report FILE"
            )
        if report:
            with open(report, "w", newline="", encoding="utf-8") as fh:
                writer = csv.writer(fh)
                writer.writerow(["row", "column", "value", "reason"])
                writer.writerows((e.row, e.column, e.value, e.reason) for e in errors)
            self.stdout.write(f"  report written to {report}")


#: What each stage of the progress callback is called on screen.
PROGRESS_LABELS = {
    "read": "ingesting",
    "compare": "comparing",
    "store": "storing",
    "daily": "daily values",
}
