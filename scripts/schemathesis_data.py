"""A few stations with ten days of hourly data, for scripts/schemathesis.sh.

Writes to the database of the environment (a throw-away one: the script refuses to run on a
database that already has stations). One air station per country, all six gases, daily
values made from the same hours (local days), a few flagged values; one water site.
"""

import datetime as dt
import math
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lmec.settings")
django.setup()

import numpy as np  # noqa: E402

from lmec.monitoring import hours, parameters  # noqa: E402
from lmec.monitoring.models import (  # noqa: E402
    DailyValue,
    Measurement,
    Station,
    StationParameter,
)

STATIONS = [
    ("CN-KM-01", "CN", "Asia/Shanghai", 25.04, 102.71),
    ("KH-PP-01", "KH", "Asia/Phnom_Penh", 11.56, 104.92),
    ("LA-VT-01", "LA", "Asia/Vientiane", 17.97, 102.61),
    ("MM-YG-01", "MM", "Asia/Yangon", 16.84, 96.17),
    ("TH-BK-01", "TH", "Asia/Bangkok", 13.75, 100.50),
    ("VN-HN-01", "VN", "Asia/Ho_Chi_Minh", 21.03, 105.85),
]
LEVEL = {"pm25": 35.0, "pm10": 60.0, "o3": 80.0, "no2": 40.0, "so2": 10.0, "co": 0.8}
FIRST_DAY, DAYS = dt.date(2024, 3, 1), 10


def main() -> int:
    if Station.objects.exists():
        print("refusing: the database already has stations", file=sys.stderr)
        return 1
    for k, (code, country, zone, lat, lon) in enumerate(STATIONS):
        station = Station.objects.create(
            code=code,
            name=f"Test station {code}",
            site_type="urban",
            country_id=country,
            latitude=lat,
            longitude=lon,
            time_zone=zone,
            source="generated for the API contract check",
        )
        measurements, daily = [], []
        for gas, level in LEVEL.items():
            definition = parameters.BY_CODE[gas]
            StationParameter.objects.create(
                station=station, parameter=definition.id, unit=definition.unit
            )
            for d in range(DAYS):
                day = FIRST_DAY + dt.timedelta(days=d)
                midnight = dt.datetime.combine(day, dt.time(), tzinfo=station.zone)
                values = np.array(
                    [level * (1 + 0.4 * math.sin((d * 24 + h + k) / 5)) for h in range(24)]
                )
                valid = values.copy()
                for h, value in enumerate(values):
                    flagged = (d * 24 + h) % 97 == 0
                    if flagged:
                        valid[h] = np.nan
                    measurements.append(
                        Measurement(
                            station=station,
                            parameter=definition.id,
                            averaging=1,
                            time=midnight + dt.timedelta(hours=h),
                            value=float(value),
                            raw_value=float(value),
                            raw_unit=definition.unit,
                            flags=parameters.Flag.SPIKE if flagged else 0,
                        )
                    )
                ok = valid[np.isfinite(valid)]
                daily.append(
                    DailyValue(
                        station=station,
                        parameter=definition.id,
                        date=day,
                        mean=float(ok.mean()),
                        count=len(ok),
                        flagged=24 - len(ok),
                        max_1h=float(ok.max()),
                        hours=hours.pack(valid),
                    )
                )
        Measurement.objects.bulk_create(measurements)
        DailyValue.objects.bulk_create(daily)
    Station.objects.create(
        code="TH-MK-W1",
        name="Mekong at Nong Khai",
        kind="water",
        site_type="river",
        country_id="TH",
        latitude=17.88,
        longitude=102.74,
        river="Mekong",
        mekong_mainstream=True,
    )
    print(f"stations: {Station.objects.count()}, measurements: {Measurement.objects.count()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
