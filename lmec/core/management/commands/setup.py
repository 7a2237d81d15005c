from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create or migrate the database, collect static files, load the strategy and the demo "
        "data. Safe to run again: a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-demo", action="store_true", help="Load the strategy but no demo content."
        )
        parser.add_argument(
            "--no-static", action="store_true", help="Skip collecting static files."
        )

    def handle(self, *args, no_demo: bool = False, no_static: bool = False, **options):
        verbosity = options["verbosity"]
        call_command("migrate", interactive=False, verbosity=max(verbosity - 1, 0))
        self.stdout.write("database: migrated")
        if not no_static:
            call_command("collectstatic", interactive=False, verbosity=0)
            self.stdout.write("static files: collected")
        call_command("load_strategy", verbosity=verbosity, stdout=self.stdout)
        if not no_demo:
            call_command("load_demo", verbosity=verbosity, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("setup: done"))
