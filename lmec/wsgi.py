"""WSGI entry point: ``gunicorn lmec.wsgi``."""

import os

# Before NumPy loads: one BLAS thread per web worker. The hourly index's ozone NowCast is many
# small least-squares fits; with a BLAS thread pool per worker on a busy machine the threads
# fight over the cores (measured: 36 s instead of 1.8 s for a month of EPA ozone hours,
# benchmarks/README.md). Web processes scale by workers, not threads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lmec.settings")
application = get_wsgi_application()
