"""The ``lmec`` console command.

``lmec setup``, ``lmec serve``, ``lmec demo`` and every Django management command
(``lmec migrate``, ``lmec createsuperuser`` …) run through Django; ``lmec aqi`` runs the
pure :mod:`lmec.quality` calculator without loading Django at all.
"""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "aqi":
        from lmec.quality.cli import main as aqi_main

        return aqi_main(argv[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lmec.settings")
    if len(argv) > 1 and argv[1] in ("serve", "demo", "runserver"):
        # the web server: one BLAS thread per process, as in lmec.wsgi (set before NumPy loads)
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        os.environ.setdefault("OMP_NUM_THREADS", "1")
    from django.core.management import execute_from_command_line

    argv[0] = "lmec"
    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
