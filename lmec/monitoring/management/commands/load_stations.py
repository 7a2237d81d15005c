from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lmec.monitoring import services
from lmec.monitoring.stations_file import STATIONS_FILE, StationsFileError


class Command(BaseCommand):
    help = (
        "Load a stations registry (YAML): create or update the air-quality stations and "
        "water-quality sampling sites it lists and the parameters they measure. The whole "
        "file is checked first; nothing is written if it has problems. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            nargs="?",
            default=str(STATIONS_FILE),
            help="The registry file (default: the shipped lmec/monitoring/data/stations.yaml).",
        )

    def handle(self, *args, file: str, **options):
        try:
            counts = services.load_stations(Path(file))
        except StationsFileError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(format_summary(counts))


def format_summary(counts) -> str:
    return (
        "stations: {sc} created, {su} updated, {sn} unchanged; "
        "parameters: {pc} created, {pu} updated, {pn} unchanged, {pr} removed"
    ).format(
        sc=counts["stations_created"],
        su=counts["stations_updated"],
        sn=counts["stations_unchanged"],
        pc=counts["parameters_created"],
        pu=counts["parameters_updated"],
        pn=counts["parameters_unchanged"],
        pr=counts["parameters_removed"],
    )
