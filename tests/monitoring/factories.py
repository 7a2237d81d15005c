"""Stations for tests, made with the ORM: one per country of the region, each in its own
time zone, and a Mekong water sampling site. Reuse ``make_station`` for one-offs.

    from tests.monitoring.factories import make_network, make_station
    net = make_network()          # {"TH-BKK": Station, "MM-YGN": Station, ...}
"""

from __future__ import annotations

AIR = ("pm25", "pm10", "so2", "no2", "co", "o3")
WATER = ("ph", "do", "cod_mn", "nh3_n", "tp", "temp", "ec", "turbidity", "total_coliform")

#: code -> (country, time zone, kind, site type, latitude, longitude)
NETWORK = {
    "TH-BKK": ("TH", "Asia/Bangkok", "air", "urban", 13.73, 100.52),
    "MM-YGN": ("MM", "Asia/Yangon", "air", "urban", 16.80, 96.15),
    "CN-KMG": ("CN", "Asia/Shanghai", "air", "urban", 25.04, 102.71),
    "VN-HAN": ("VN", "Asia/Ho_Chi_Minh", "air", "traffic", 21.03, 105.85),
    "KH-PNH": ("KH", "Asia/Phnom_Penh", "air", "background", 11.56, 104.92),
    "LA-VTE": ("LA", "Asia/Vientiane", "air", "urban", 17.97, 102.63),
    "LA-MK-VTE": ("LA", "Asia/Vientiane", "water", "river", 17.93, 102.62),
}

_UNITS = {
    "pm25": "µg/m³",
    "pm10": "µg/m³",
    "so2": "µg/m³",
    "no2": "µg/m³",
    "co": "mg/m³",
    "o3": "µg/m³",
}


def make_station(
    code: str,
    *,
    country: str = "TH",
    time_zone: str = "Asia/Bangkok",
    kind: str = "air",
    site_type: str | None = None,
    parameters=None,
    latitude: float = 13.7,
    longitude: float = 100.5,
    **fields,
):
    """A station with a StationParameter row for each of ``parameters`` (codes; default:
    the six air pollutants, or the water set for a water site)."""
    from lmec.core.models import Country
    from lmec.monitoring import parameters as registry
    from lmec.monitoring.models import Station, StationParameter

    country_obj, _ = Country.objects.get_or_create(code=country, defaults={"name": country})
    station = Station.objects.create(
        code=code,
        name=fields.pop("name", f"Station {code}"),
        kind=kind,
        site_type=site_type or ("river" if kind == "water" else "urban"),
        country=country_obj,
        time_zone=time_zone,
        latitude=latitude,
        longitude=longitude,
        mekong_mainstream=kind == "water",
        **fields,
    )
    codes = parameters if parameters is not None else (WATER if kind == "water" else AIR)
    StationParameter.objects.bulk_create(
        [
            StationParameter(
                station=station,
                parameter=registry.BY_CODE[c].id,
                unit=_UNITS.get(c, registry.BY_CODE[c].unit),
            )
            for c in codes
        ]
    )
    return station


def make_network() -> dict:
    """The stations of :data:`NETWORK`, by code."""
    return {
        code: make_station(
            code,
            country=country,
            time_zone=zone,
            kind=kind,
            site_type=site_type,
            latitude=lat,
            longitude=lon,
        )
        for code, (country, zone, kind, site_type, lat, lon) in NETWORK.items()
    }
