"""Reading and checking a stations registry file (no database access).

A registry (``data/stations.yaml`` ships with the app) lists air-quality stations and
water-quality sampling sites with their names in the seven UI languages, coordinates, time
zone, active period and measured parameters. A file with problems is rejected as a whole,
every problem listed by its path, e.g.
``stations[3].time_zone: 'Asia/Rangon' is not an IANA time zone``, so that a loader never
writes half a file.

File shape (``version: 1``)::

    stations:
      - code: TH-35T                      # the operator's code where public; a slug
        kind: air                         # air | water
        country: TH                       # ISO 3166-1 alpha-2, one of the six countries
        site_type: urban                  # air: urban|background|industrial|traffic
                                          # water: river|lake|reservoir
        name: {th: ..., en: ..., zh-hans: ..., vi: ..., lo: ..., km: ..., my: ...}
        operator: Pollution Control Department (PCD), Thailand
        latitude: 18.840633               # WGS84 [°], as published
        longitude: 98.969661
        elevation: 329                    # [m] above sea level, optional
        time_zone: Asia/Bangkok           # IANA; must be the country's zone
        active_from: 2009-01-01           # optional
        active_to: null                   # optional
        river: ""                         # water sites: river or water body
        mekong_mainstream: false          # water sites on the Mekong mainstream
        source: "..."                     # where the code and coordinates come from
        licence: "..."                    # licence of the station's published data
        parameters:
          - {parameter: pm25, unit: µg/m³, method: β-ray attenuation}
"""

from __future__ import annotations

import datetime
import re
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lmec.quality import units

from . import parameters

DATA_DIR = Path(__file__).resolve().parent / "data"
STATIONS_FILE = DATA_DIR / "stations.yaml"
LANGUAGES = ("zh-hans", "en", "th", "vi", "lo", "km", "my")

#: The one IANA zone of each country of the region (Myanmar is UTC+06:30).
COUNTRY_TIME_ZONES = {
    "CN": "Asia/Shanghai",
    "KH": "Asia/Phnom_Penh",
    "LA": "Asia/Vientiane",
    "MM": "Asia/Yangon",
    "TH": "Asia/Bangkok",
    "VN": "Asia/Ho_Chi_Minh",
}

#: Site types allowed for each kind (``Station.SiteType``).
SITE_TYPES = {
    "air": ("urban", "background", "industrial", "traffic"),
    "water": ("river", "lake", "reservoir"),
}

#: A name in a language with its own script must use that script: an English name copied
#: into the Thai column is a mistake, not a translation.
SCRIPTS = {
    "zh-hans": re.compile(r"[\u4e00-\u9fff]"),
    "th": re.compile(r"[\u0e00-\u0e7f]"),
    "lo": re.compile(r"[\u0e80-\u0eff]"),
    "km": re.compile(r"[\u1780-\u17ff]"),
    "my": re.compile(r"[\u1000-\u109f]"),
}

#: The region's bounding box [°]: a point outside (swapped latitude and longitude, a sign
#: lost) cannot be a station of the six countries.
LATITUDE_RANGE = (5.0, 35.0)
LONGITUDE_RANGE = (90.0, 112.0)

STATION_KEYS = {
    "code",
    "kind",
    "country",
    "site_type",
    "name",
    "operator",
    "latitude",
    "longitude",
    "elevation",
    "time_zone",
    "active_from",
    "active_to",
    "river",
    "mekong_mainstream",
    "source",
    "licence",
    "parameters",
}
REQUIRED_KEYS = ("code", "kind", "country", "site_type", "name", "latitude", "longitude")
PARAMETER_KEYS = {"parameter", "unit", "method"}
CODE = re.compile(r"^[-a-zA-Z0-9_]{1,40}$")
TEXT_LIMITS = {"operator": 200, "river": 120, "source": 300, "licence": 120}


class StationsFileError(ValueError):
    """A stations file cannot be loaded; ``problems`` lists each one by its path."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        shown = "\n  ".join(problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{source}: {len(problems)} problem(s):\n  {shown}{more}")


@dataclass
class StationParameterRow:
    parameter: parameters.ParameterDef
    unit: str
    method: str


@dataclass
class StationRow:
    """One checked station of the file, ready to be written."""

    code: str
    kind: str
    country: str
    site_type: str
    names: dict[str, str]
    operator: str
    latitude: float
    longitude: float
    elevation: float | None
    time_zone: str
    active_from: datetime.date | None
    active_to: datetime.date | None
    river: str
    mekong_mainstream: bool
    source: str
    licence: str
    parameters: list[StationParameterRow] = field(default_factory=list)


def read_stations(path: Path, *, countries: set[str] | None = None) -> list[StationRow]:
    """Parse and check a stations file; every problem at once in :class:`StationsFileError`.

    ``countries``: the country codes that exist (default: the six of the region).
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except FileNotFoundError:
        raise StationsFileError(str(path), ["file not found"]) from None
    except yaml.YAMLError as error:
        raise StationsFileError(str(path), [f"not valid YAML: {error}"]) from None
    rows, problems = check_stations(data, countries=countries)
    if problems:
        raise StationsFileError(str(path), problems)
    return rows


def check_stations(
    data: object, *, countries: set[str] | None = None
) -> tuple[list[StationRow], list[str]]:
    """Check parsed YAML; returns the rows and the problems (empty when valid)."""
    countries = set(COUNTRY_TIME_ZONES) if countries is None else countries
    problems: list[str] = []
    if not isinstance(data, dict):
        return [], ["top level must be a mapping with 'version' and 'stations'"]
    if data.get("version") != 1:
        problems.append(f"version: {data.get('version')!r} is not a supported version (1)")
    stations = data.get("stations")
    if not isinstance(stations, list) or not stations:
        return [], [*problems, "stations: must be a non-empty list"]
    rows = []
    seen: dict[str, int] = {}
    for index, item in enumerate(stations):
        checker = _StationChecker(f"stations[{index}]", countries)
        row = checker.check(item)
        problems.extend(checker.problems)
        if row is None:
            continue
        if row.code in seen:
            problems.append(
                f"stations[{index}].code: {row.code!r} is already used by stations[{seen[row.code]}]"
            )
            continue
        seen[row.code] = index
        rows.append(row)
    return rows, problems


class _StationChecker:
    def __init__(self, path: str, countries: set[str]):
        self.path = path
        self.countries = countries
        self.problems: list[str] = []

    def fail(self, key: str, message: str) -> None:
        self.problems.append(f"{self.path}.{key}: {message}")

    def check(self, item: object) -> StationRow | None:
        if not isinstance(item, dict):
            self.problems.append(f"{self.path}: must be a mapping")
            return None
        for key in sorted(set(item) - STATION_KEYS):
            self.fail(key, f"unknown key; the keys are: {', '.join(sorted(STATION_KEYS))}")
        for key in REQUIRED_KEYS:
            if item.get(key) in (None, ""):
                self.fail(key, "missing")
        if any(item.get(key) in (None, "") for key in REQUIRED_KEYS):
            return None

        code = str(item["code"])
        if not CODE.match(code):
            self.fail("code", f"{code!r} must be 1-40 letters, digits, '-' or '_'")
        kind = item["kind"]
        if kind not in SITE_TYPES:
            self.fail("kind", f"{kind!r} is not one of: air, water")
        elif item["site_type"] not in SITE_TYPES[kind]:
            self.fail(
                "site_type",
                f"{item['site_type']!r} is not a type of {kind} site; "
                f"choose one of: {', '.join(SITE_TYPES[kind])}",
            )
        country = item["country"]
        if country not in self.countries:
            self.fail("country", f"{country!r} is not one of: {', '.join(sorted(self.countries))}")
        names = self.names(item["name"])
        latitude = self.number(item, "latitude", *LATITUDE_RANGE)
        longitude = self.number(item, "longitude", *LONGITUDE_RANGE)
        elevation = self.number(item, "elevation", -100.0, 6000.0, required=False)
        time_zone = self.time_zone(item.get("time_zone"), country)
        active_from = self.date(item, "active_from")
        active_to = self.date(item, "active_to")
        if active_from and active_to and active_to < active_from:
            self.fail("active_to", f"{active_to} is before active_from {active_from}")
        texts = {}
        for key, limit in TEXT_LIMITS.items():
            value = item.get(key) or ""
            if not isinstance(value, str):
                self.fail(key, "must be text")
                value = ""
            elif len(value) > limit:
                self.fail(key, f"is {len(value)} characters long; at most {limit}")
            texts[key] = value
        mainstream = item.get("mekong_mainstream", False)
        if not isinstance(mainstream, bool):
            self.fail("mekong_mainstream", "must be true or false")
        elif kind == "air" and (mainstream or texts["river"]):
            self.fail("mekong_mainstream", "river and mekong_mainstream are for water sites only")
        measured = self.parameters(item.get("parameters"), kind)
        if self.problems:
            return None
        return StationRow(
            code=code,
            kind=kind,
            country=country,
            site_type=item["site_type"],
            names=names,
            operator=texts["operator"],
            latitude=latitude,
            longitude=longitude,
            elevation=elevation,
            time_zone=time_zone,
            active_from=active_from,
            active_to=active_to,
            river=texts["river"],
            mekong_mainstream=mainstream,
            source=texts["source"],
            licence=texts["licence"],
            parameters=measured,
        )

    def names(self, value: object) -> dict[str, str]:
        if not isinstance(value, dict):
            self.fail("name", "must be a mapping of language -> name")
            return {}
        names = {lang: str(value.get(lang) or "").strip() for lang in LANGUAGES}
        missing = [lang for lang, text in names.items() if not text]
        if missing:
            self.fail("name", f"missing languages: {', '.join(missing)}")
        unknown = sorted(set(value) - set(LANGUAGES))
        if unknown:
            self.fail("name", f"unknown languages: {', '.join(map(str, unknown))}")
        for lang, pattern in SCRIPTS.items():
            if names[lang] and not pattern.search(names[lang]):
                self.fail(f"name.{lang}", f"{names[lang]!r} is not written in the {lang} script")
        if names["vi"] and names["vi"] == names["en"]:
            self.fail("name.vi", "is a copy of the English name")
        too_long = [lang for lang, text in names.items() if len(text) > 200]
        if too_long:
            self.fail("name", f"longer than 200 characters in: {', '.join(too_long)}")
        return names

    def number(self, item, key, low, high, *, required=True) -> float | None:
        value = item.get(key)
        if value is None:
            if required:
                self.fail(key, "missing")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(key, f"{value!r} is not a number")
            return None
        if not low <= value <= high:
            self.fail(key, f"{value} is outside {low}..{high}")
        return float(value)

    def time_zone(self, value: object, country: str) -> str:
        if not isinstance(value, str) or not value:
            self.fail("time_zone", "missing")
            return ""
        if value not in zoneinfo.available_timezones():
            self.fail("time_zone", f"{value!r} is not an IANA time zone")
            return value
        expected = COUNTRY_TIME_ZONES.get(country)
        if expected and value != expected:
            self.fail("time_zone", f"{value!r} is not the time zone of {country} ({expected})")
        return value

    def date(self, item, key) -> datetime.date | None:
        value = item.get(key)
        if value is None:
            return None
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            self.fail(key, f"{value!r} is not a date (YYYY-MM-DD)")
            return None
        return value

    def parameters(self, value: object, kind: str) -> list[StationParameterRow]:
        if not isinstance(value, list) or not value:
            self.fail("parameters", "must be a non-empty list")
            return []
        rows = []
        seen = set()
        for index, item in enumerate(value):
            where = f"parameters[{index}]"
            if not isinstance(item, dict):
                self.fail(where, "must be a mapping with parameter, unit, method")
                continue
            for key in sorted(set(item) - PARAMETER_KEYS):
                self.fail(f"{where}.{key}", "unknown key; the keys are: method, parameter, unit")
            code = item.get("parameter")
            definition = parameters.BY_CODE.get(code)
            if definition is None:
                valid = parameters.AIR_CODES if kind == "air" else parameters.WATER_CODES
                self.fail(f"{where}.parameter", f"{code!r} is not one of: {', '.join(valid)}")
                continue
            if definition.kind != kind:
                self.fail(f"{where}.parameter", f"{code!r} is not measured at {kind} sites")
                continue
            if code in seen:
                self.fail(f"{where}.parameter", f"{code!r} is listed twice")
                continue
            seen.add(code)
            unit = str(item.get("unit") or "")
            problem = unit_problem(definition, unit)
            if problem:
                self.fail(f"{where}.unit", problem)
                continue
            method = str(item.get("method") or "")
            if len(method) > 200:
                self.fail(f"{where}.method", "longer than 200 characters")
            rows.append(StationParameterRow(definition, unit, method))
        return rows


def unit_problem(definition: parameters.ParameterDef, unit: str) -> str | None:
    """Why ``unit`` cannot be the reported unit of ``definition`` (None if it can)."""
    if not unit:
        return "missing"
    if definition.kind == parameters.AIR:
        try:
            units.convert(1.0, unit, definition.unit, pollutant=definition.code)
        except ValueError as error:
            return f"{unit!r} cannot be converted to {definition.unit}: {error}"
        return None
    # Water values are stored as reported: the unit must be the canonical one.
    if unit.lower() != definition.unit.lower():
        return f"{unit!r} is not the unit of {definition.code} ({definition.unit})"
    return None
