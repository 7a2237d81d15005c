"""Writes of the monitoring hub that are not measurements: the stations registry.

(Measurements are written by :mod:`lmec.monitoring.ingest`.)
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from django.db import transaction

from lmec.core.models import Country
from lmec.core.services import translated_values, upsert_row

from .models import Station, StationParameter
from .stations_file import STATIONS_FILE, read_stations


@transaction.atomic
def load_stations(path: Path | str = STATIONS_FILE) -> Counter:
    """Create or update the stations of a registry file and the parameters they measure.

    The whole file is checked first (:func:`~lmec.monitoring.stations_file.read_stations`);
    a file with problems raises :class:`~lmec.monitoring.stations_file.StationsFileError`
    and nothing is written. Running it again changes nothing. Stations that are not in the
    file are left alone; a parameter removed from a station's entry is removed from the
    station (its measurements stay). Returns counts such as ``{"stations_created": 41,
    "parameters_created": 180, ...}`` with the keys ``stations_{created,updated,unchanged}``
    and ``parameters_{created,updated,unchanged,removed}``.
    """
    countries = {country.code: country for country in Country.objects.all()}
    rows = read_stations(Path(path), countries=set(countries))
    counts: Counter = Counter()
    for row in rows:
        station, outcome = upsert_row(
            Station,
            lookup={"code": row.code},
            values={
                "kind": row.kind,
                "site_type": row.site_type,
                "country": countries[row.country],
                "operator": row.operator,
                "latitude": row.latitude,
                "longitude": row.longitude,
                "elevation": row.elevation,
                "time_zone": row.time_zone,
                "active_from": row.active_from,
                "active_to": row.active_to,
                "river": row.river,
                "mekong_mainstream": row.mekong_mainstream,
                "source": row.source,
                "licence": row.licence,
                **translated_values("name", row.names),
            },
        )
        counts[f"stations_{outcome}"] += 1
        kept = set()
        for measured in row.parameters:
            _obj, outcome = upsert_row(
                StationParameter,
                lookup={"station": station, "parameter": measured.parameter.id},
                values={"unit": measured.unit, "method": measured.method},
            )
            counts[f"parameters_{outcome}"] += 1
            kept.add(measured.parameter.id)
        removed, _ = station.parameters.exclude(parameter__in=kept).delete()
        counts["parameters_removed"] += removed
    return counts
