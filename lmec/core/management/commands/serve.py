from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Serve the site with Django's development server (fine for the demo). In production run "
        "gunicorn: `gunicorn lmec.wsgi --bind 0.0.0.0:8000 --workers 4`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on.")

    def handle(self, *args, host: str, port: int, **options):
        address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        self.stdout.write(f"Serving on http://{address}/  (Ctrl-C to stop)")
        call_command("runserver", address, use_reloader=False, use_ipv6=":" in host)
