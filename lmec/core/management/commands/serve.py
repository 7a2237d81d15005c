import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Serve the site with Django's development server (fine for the demo), with a "
        "background worker for queued tasks (big uploads) beside it. In production run "
        "gunicorn: `gunicorn lmec.wsgi --bind 0.0.0.0:8000 --workers 4`, and `lmec db_worker`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on.")
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not start the background worker (`lmec db_worker`) beside the server.",
        )

    def handle(self, *args, host: str, port: int, no_worker: bool = False, **options):
        address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        worker = None
        if not no_worker and getattr(settings, "TASKS_BACKEND", "") == "database":
            # queued tasks (ingest of big uploads) need a worker process; it stops with us
            worker = subprocess.Popen([sys.executable, "-m", "lmec.cli", "db_worker"])
            self.stdout.write(f"Background worker started (pid {worker.pid})")
        self.stdout.write(f"Serving on http://{address}/  (Ctrl-C to stop)")
        try:
            call_command("runserver", address, use_reloader=False, use_ipv6=":" in host)
        finally:
            if worker is not None:
                worker.terminate()
                try:
                    worker.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    worker.kill()
