"""Fill a throw-away database for scripts/schemathesis.sh: a few stations with ten days of
hourly data (:func:`tests.monitoring.readings.contract_stations`). Refuses a database that
already has stations."""

import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lmec.settings")
django.setup()

from lmec.monitoring.models import Measurement, Station  # noqa: E402
from tests.monitoring.readings import contract_stations  # noqa: E402


def main() -> int:
    if Station.objects.exists():
        print("refusing: the database already has stations", file=sys.stderr)
        return 1
    contract_stations(days=10)
    print(f"stations: {Station.objects.count()}, measurements: {Measurement.objects.count()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
