from django.core.management.base import BaseCommand, CommandError

from lmec.cooperation import services
from lmec.cooperation.registry import PRIORITY_AREAS_FILE, STRATEGY_FILE, StrategyDataError


class Command(BaseCommand):
    help = (
        "Load the Lancang-Mekong Environmental Cooperation Strategy and Action Framework "
        "2023-2027 (directions, actions, activities, priority areas, objectives, funding "
        "sources, themes, countries) from its data files. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--strategy-file", default=str(STRATEGY_FILE))
        parser.add_argument("--priority-areas-file", default=str(PRIORITY_AREAS_FILE))

    def handle(self, *args, strategy_file: str, priority_areas_file: str, **options):
        from pathlib import Path

        try:
            counts = services.load_strategy(
                strategy_file=Path(strategy_file), priority_areas_file=Path(priority_areas_file)
            )
        except StrategyDataError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            "strategy: {created} created, {updated} updated, {unchanged} unchanged".format(
                created=counts["created"], updated=counts["updated"], unchanged=counts["unchanged"]
            )
        )
