"""Demo content of the monitoring hub: the stations registry, one real slice, generated data.

``load_monitoring_demo()`` is called by ``lmec load_demo`` (and so by ``lmec setup`` and
``make demo``). Everything goes through the same services as real data: the registry through
:func:`lmec.monitoring.services.load_stations`, measurements through the ingest service
(:mod:`lmec.monitoring.ingest`), so the demo exercises unit conversion, QA/QC flags and
daily aggregates. A second run skips what is loaded (ingest is transactional per call, so a
chunk is either wholly stored or absent) and is fast.
"""

from __future__ import annotations

import datetime
import gzip
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from . import demo_data, parameters, services
from .ingest import ingest_file, ingest_records
from .models import Measurement, Station
from .stations_file import DATA_DIR, STATIONS_FILE

REAL_SLICES = (
    # (file, station, parameter, averaging hours, first and last local day it covers)
    (
        DATA_DIR / "real" / "us-embassy-hanoi-pm25-2018.csv.gz",
        "VN-HN-USEMB",
        "pm25",
        1,
        datetime.date(2018, 1, 1),
        datetime.date(2018, 12, 31),
    ),
)
#: The demo data-provider account and the stations it may push measurements for.
PROVIDER = "provider"
PROVIDER_STATIONS = ("TH-35T", "TH-36T", "THA005")


class DemoLoadError(RuntimeError):
    """The ingest refused demo data: a bug in the generator or the shipped files."""


def load_monitoring_demo(*, only: Iterable[str] | None = None) -> Counter:
    """Load the stations, the real slice and the generated measurements; skip what is loaded.

    ``only``: restrict measurements to these station codes (tests load a few stations; the
    demo loads all); default: the setting ``MONITORING_DEMO_ONLY`` (the test settings keep
    the suite's ``lmec setup`` small), else every station. Returns counts: ``stations_created`` … (see
    :func:`~lmec.monitoring.services.load_stations`), ``providers_added``, and per source
    (``real``, ``air``, ``water``) the rows stored and the chunks skipped, plus ``seconds``.
    """
    started = time.perf_counter()
    counts = services.load_stations(STATIONS_FILE)
    counts["providers_added"] = _assign_provider()
    if only is None:
        only = getattr(settings, "MONITORING_DEMO_ONLY", None)
    wanted = set(only) if only is not None else None
    zones = dict(Station.objects.values_list("code", "time_zone"))
    ids = dict(Station.objects.values_list("code", "id"))

    for path, code, parameter, averaging, first, last in REAL_SLICES:
        if wanted is not None and code not in wanted:
            continue
        window = _utc_window(zones[code], first, last + datetime.timedelta(days=1))
        if _loaded(ids[code], parameter, averaging, window):
            counts["real_skipped"] += 1
            continue
        with tempfile.TemporaryDirectory() as folder:
            plain = Path(folder) / path.name.removesuffix(".gz")
            with gzip.open(path, "rb") as source, plain.open("wb") as target:
                shutil.copyfileobj(source, target)
            result = ingest_file(plain)
        counts["real_rows"] += _stored(result, plain.name)

    for chunk in demo_data.air_plan():
        if wanted is not None and chunk.station not in wanted:
            continue
        window = _utc_window(zones[chunk.station], chunk.start, chunk.end)
        if _loaded(ids[chunk.station], chunk.parameter, 1, window):
            counts["air_skipped"] += 1
            continue
        result = ingest_records(demo_data.air_records(chunk))
        counts["air_rows"] += _stored(result, f"{chunk.station}/{chunk.parameter}")

    for code in demo_data.water_sites():
        if wanted is not None and code not in wanted:
            continue
        window = _utc_window(zones[code], demo_data.WATER_START, demo_data.END)
        first_parameter = demo_data.stations()[code].parameters[0].parameter.code
        if _loaded(ids[code], first_parameter, 0, window):
            counts["water_skipped"] += 1
            continue
        result = ingest_records(demo_data.water_records(code))
        counts["water_rows"] += _stored(result, code)
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts


def describe(counts: Counter) -> str:
    """The lines ``lmec load_demo`` prints about the monitoring demo."""
    lines = [
        "monitoring stations: {c} created, {u} updated, {n} unchanged; "
        "data provider '{p}': {a} stations added".format(
            c=counts["stations_created"],
            u=counts["stations_updated"],
            n=counts["stations_unchanged"],
            p=PROVIDER,
            a=counts["providers_added"],
        )
    ]
    lines.append(
        "monitoring measurements: {real} real, {air} generated air, {water} generated "
        "water rows stored; {skipped} chunks already loaded ({seconds} s)".format(
            real=counts["real_rows"],
            air=counts["air_rows"],
            water=counts["water_rows"],
            skipped=counts["real_skipped"] + counts["air_skipped"] + counts["water_skipped"],
            seconds=counts["seconds"],
        )
    )
    return "\n".join(lines)


@transaction.atomic
def _assign_provider() -> int:
    user = get_user_model().objects.filter(username=PROVIDER).first()
    if user is None:
        return 0
    added = 0
    for station in Station.objects.filter(code__in=PROVIDER_STATIONS):
        if not station.data_providers.filter(pk=user.pk).exists():
            station.data_providers.add(user)
            added += 1
    return added


def _utc_window(zone: str, start, end) -> tuple[datetime.datetime, datetime.datetime]:
    """[start, end) local dates or datetimes of a station -> aware datetimes."""
    tz = demo_data._zone(zone)

    def aware(value):
        if not isinstance(value, datetime.datetime):
            value = datetime.datetime.combine(value, datetime.time())
        return value.replace(tzinfo=tz)

    return aware(start), aware(end)


def _loaded(station_id: int, parameter: str, averaging: int, window) -> bool:
    return Measurement.objects.filter(
        station_id=station_id,
        parameter=parameters.BY_CODE[parameter].id,
        averaging=averaging,
        time__gte=window[0],
        time__lt=window[1],
    ).exists()


def _stored(result, what: str) -> int:
    if result.status != "done":
        shown = "; ".join(
            f"row {e.row} {e.column}={e.value!r}: {e.reason}" for e in result.errors[:5]
        )
        raise DemoLoadError(f"demo data {what} refused by the ingest: {shown}")
    return result.stored + result.replaced
