"""``lmec harvest ckan URL [--organization O] [--since DATE] [--prefix P]`` and ``lmec harvest status``."""

from django.core.management.base import BaseCommand, CommandError

from lmec.knowledge.harvest.ckan import HarvestError
from lmec.knowledge.harvest.models import HarvestRun, HarvestSource
from lmec.knowledge.harvest.services import harvest_ckan


class Command(BaseCommand):
    help = "Harvest datasets from an open-data portal (CKAN), or show the harvests' status."

    def add_arguments(self, parser):
        kinds = parser.add_subparsers(dest="kind", required=True, metavar="{ckan,status}")
        ckan = kinds.add_parser("ckan", help="Harvest a CKAN portal (its Action API).")
        ckan.add_argument("url", help="The portal's address, e.g. https://data.example.org")
        ckan.add_argument("--organization", default="", help="Only this CKAN organization.")
        ckan.add_argument(
            "--since",
            default="",
            help="Only packages changed since this date (default: since the last harvest).",
        )
        ckan.add_argument(
            "--prefix",
            default="",
            help="Identifier prefix of the harvested records (default: from the host name).",
        )
        ckan.add_argument("--timeout", type=float, default=30, help="Seconds per request.")
        kinds.add_parser("status", help="The sources and their latest runs.")

    def handle(self, *args, kind, **options):
        if kind == "status":
            return self.status()
        try:
            run = harvest_ckan(
                url=options["url"],
                organization=options["organization"],
                since=options["since"],
                prefix=options["prefix"],
                timeout=options["timeout"],
                progress=self.stdout.write,
            )
        except HarvestError as error:
            raise CommandError(str(error)) from None
        for problem in run.problems:
            reasons = "; ".join(f"{k}: {' '.join(v)}" for k, v in problem["errors"].items())
            self.stderr.write(f"skipped {problem['name']}: {reasons}")
        summary = (
            f"{run.source.url}: {run.status}, {run.pages} pages, {run.created} created, "
            f"{run.updated} updated, {run.unchanged} unchanged, {run.skipped} skipped; "
            f"harvested up to {run.source.cursor or '-'}"
        )
        if run.status == HarvestRun.Status.FAILED:
            raise CommandError(f"{summary}\n{run.error}")
        self.stdout.write(summary)

    def status(self):
        sources = HarvestSource.objects.all()
        if not sources:
            self.stdout.write("No harvest sources yet (lmec harvest ckan URL).")
        for source in sources:
            run = source.runs.first()
            where = f"{source.url}" + (
                f" organization={source.organization}" if source.organization else ""
            )
            self.stdout.write(
                f"{where} prefix={source.prefix} up to {source.cursor or '-'} "
                f"({source.records.count()} records)"
            )
            if run is not None:
                ended = f"{run.finished_at:%Y-%m-%d %H:%M}" if run.finished_at else "-"
                self.stdout.write(
                    f"  last run {run.started_at:%Y-%m-%d %H:%M} → {ended}: {run.status}, "
                    f"{run.created} created, {run.updated} updated, {run.unchanged} unchanged, "
                    f"{run.skipped} skipped" + (f"; {run.error}" if run.error else "")
                )
