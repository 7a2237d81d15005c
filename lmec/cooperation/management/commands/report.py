import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lmec.core.i18n import LANGUAGE_CODES
from lmec.core.pdf import PdfUnavailable

FORMATS = ("html", "pdf", "json")


class Command(BaseCommand):
    help = (
        "Write the evaluation report of a year (strategy 5.4) in one language as HTML, PDF "
        "or JSON: indicators and charts, the gaps against the framework's timing, projects "
        "and funding, each country's submitted self-assessment and the public assessment."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True, help="a year of the strategy's period")
        parser.add_argument(
            "--lang", default="en", help=f"language of the texts: {', '.join(LANGUAGE_CODES)}"
        )
        parser.add_argument(
            "--format", dest="fmt", default="html", help=f"one of {', '.join(FORMATS)}"
        )
        parser.add_argument(
            "--output",
            help="file to write (default: lmec-evaluation-report-YEAR-LANG.FORMAT here)",
        )

    def handle(self, *args, year: str, lang: str, fmt: str, output: str | None, **options):
        from lmec.cooperation.report import (
            ReportError,
            render_report_html,
            render_report_pdf,
            report_data,
        )

        if fmt.lower() not in FORMATS:
            raise CommandError(f"Unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}.")
        fmt = fmt.lower()
        try:
            data = report_data(year, lang)
        except ReportError as error:
            raise CommandError(str(error)) from None
        path = Path(output or f"lmec-evaluation-report-{data['year']}-{data['language']}.{fmt}")
        if path.is_dir():
            raise CommandError(f"--output {str(path)!r} is a directory; give a file name.")
        if not path.parent.exists():
            raise CommandError(
                f"Cannot write {str(path)!r}: the folder {str(path.parent)!r} does not exist."
            )
        if fmt == "json":
            content = json.dumps(data, ensure_ascii=False, indent=2).encode() + b"\n"
        elif fmt == "html":
            content = render_report_html(data).encode()
        else:
            try:
                content = render_report_pdf(data)
            except PdfUnavailable as error:
                raise CommandError(str(error)) from None
        path.write_bytes(content)
        self.stdout.write(
            f"report {data['year']} ({data['language']}, {fmt}): wrote {path} "
            f"({len(content):,} bytes)"
        )
