from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Set up the database with the strategy and demo data, then serve the site (with the "
        "background worker beside it)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on.")

    def handle(self, *args, host: str, port: int, **options):
        call_command("setup", verbosity=options["verbosity"], stdout=self.stdout)
        call_command("serve", host=host, port=port, stdout=self.stdout)
