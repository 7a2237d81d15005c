"""Generated demo measurements: reproducible, realistic enough to exercise every page.

Nothing here is a measurement. The generator stands in for the stations whose data we could
not ship (see ``data/real/README.md`` for the one real slice) and gives the pages, indices,
trends and QA/QC something to show:

* hourly PM2.5, PM10, O₃, NO₂, SO₂ and CO at the air stations, 2023-01-01 to 2026-11-30
  local time, built as ``base × season(day of year) × diurnal(hour) × trend(year) × noise``
  with log-normal AR(1) noise (hourly and day-to-day weather), per regime:
  ``north_burning`` (northern Thailand, Lao PDR, Yunnan's Xishuangbanna: the dry-season
  biomass-burning peak February-April), ``hanoi_winter`` (northern Viet Nam: winter
  inversions, December-January), ``south_dry`` (Bangkok, Phnom Penh, Ho Chi Minh City: the
  dry season, December-March), ``myanmar`` (dry season January-April) and ``kunming``
  (a mild spring peak at 1,900 m); wet-season lows everywhere;
* diurnal shapes: morning and evening traffic peaks for NO₂/CO/PM, the afternoon
  photochemical peak of O₃, night-time O₃ titration;
* slow trends at a few stations (so the seasonal Mann-Kendall test on the station page has
  something to find), analyser outages (gaps), and deliberate QA/QC cases
  (:func:`qa_cases`: one-hour spikes, a flat-lined sensor, a negative and an out-of-range
  value) that the ingest's checks must flag;
* values in each station's reported unit (``stations.yaml``: ppb/ppm at the Thai and EANET
  stations, µg/m³ for CO in Viet Nam, mg/m³ in China), converted from the canonical unit
  with :func:`lmec.quality.units.convert`;
* monthly water samples 2019-01 to 2026-11 at the sampling sites with Mekong-like values
  (MRC's regional reports give the ranges: DO 6-8 mg/L, pH 7-8, EC 10-40 mS/m rising with
  saline intrusion in the delta's dry season, TSS high in the flood season, nutrients
  low), values below the detection limit written ``<0.01``.

Row budget (keep ``make demo`` quick; :func:`air_plan` and :data:`LONG_STATIONS` decide):
full years of hourly PM2.5 only at the trend stations; all parameters for the last twelve
months at five showcase stations; PM2.5 for the last twelve months elsewhere. Each chunk is
generated from its own seed, so any chunk can be (re)made alone and gives the same rows.
"""

from __future__ import annotations

import datetime
import zlib
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import numpy as np

from lmec.quality import units

from . import parameters
from .stations_file import STATIONS_FILE, StationRow, read_stations

SEED = 20230101
#: The generated period, local time: [START, END).
START = datetime.datetime(2023, 1, 1)
END = datetime.datetime(2026, 12, 1)
#: Start of the recent window in which all showcase parameters are generated.
RECENT_START = datetime.datetime(2025, 12, 1)
WATER_START = datetime.date(2019, 1, 1)

#: Stations with hourly PM2.5 over the whole period (the trend on the station page).
LONG_STATIONS = ("TH-05T", "TH-35T", "VNA001", "CN-KM-DFDL")
#: Stations with every parameter they measure over the recent window.
SHOWCASE_STATIONS = ("TH-05T", "TH-35T", "TH-40T", "VN-HN-NVC", "CN-KM-DFDL")
#: Stations that get no generated data: real data only, or no data at all.
NOT_GENERATED = ("VN-HN-USEMB", "LA-VTE-USEMB")

# Monthly multipliers (January..December) of the particle concentration per regime.
SEASONS = {
    "north_burning": (1.3, 1.9, 2.8, 2.0, 0.8, 0.45, 0.4, 0.4, 0.45, 0.6, 0.85, 1.1),
    "hanoi_winter": (1.6, 1.3, 1.2, 1.0, 0.75, 0.55, 0.5, 0.5, 0.65, 1.0, 1.3, 1.65),
    "south_dry": (1.7, 1.5, 1.2, 0.9, 0.7, 0.6, 0.6, 0.6, 0.65, 0.8, 1.2, 1.5),
    "myanmar": (1.5, 1.6, 1.8, 1.3, 0.7, 0.45, 0.4, 0.4, 0.5, 0.8, 1.2, 1.45),
    "kunming": (1.1, 1.25, 1.45, 1.4, 1.0, 0.7, 0.65, 0.65, 0.7, 0.8, 1.0, 1.1),
}


@dataclass(frozen=True)
class Profile:
    """How a station's air behaves: annual-mean levels [canonical units] and shape."""

    regime: str
    pm25: float  # µg/m³
    o3: float = 60.0  # µg/m³, mean of the afternoon peak's shape
    no2: float = 25.0  # µg/m³
    so2: float = 6.0  # µg/m³
    co: float = 0.7  # mg/m³
    trend: float = 0.0  # relative change per year (-0.04: 4 % a year down)
    traffic: float = 1.0  # weight of the traffic peaks
    plumes: bool = False  # SO₂ plume fumigation (a power plant upwind)


PROFILES = {
    "TH-05T": Profile("south_dry", 24, o3=70, no2=28, trend=-0.05),
    "TH-50T": Profile("south_dry", 30, no2=55, co=1.1, traffic=1.6),
    "TH-59T": Profile("south_dry", 25, no2=35),
    "TH-35T": Profile("north_burning", 24, o3=65, no2=20, trend=-0.04),
    "TH-36T": Profile("north_burning", 24, no2=22),
    "THA005": Profile("north_burning", 20, o3=70, no2=8, traffic=0.4),
    "TH-57T": Profile("north_burning", 28),
    "TH-73T": Profile("north_burning", 32),
    "TH-58T": Profile("north_burning", 26, traffic=0.5),
    "TH-67T": Profile("north_burning", 24, traffic=0.6),
    "TH-40T": Profile("north_burning", 22, so2=14, no2=12, plumes=True),
    "VN-HN-NVC": Profile("hanoi_winter", 42, no2=40, co=1.2, so2=12, traffic=1.4, trend=-0.02),
    "VNA001": Profile("hanoi_winter", 38, no2=30, trend=-0.06),
    "VN-HCM-USCON": Profile("south_dry", 24),
    "VNA006": Profile("south_dry", 25, no2=30),
    "VNA005": Profile("south_dry", 20, no2=10, traffic=0.5),
    "LAA001": Profile("north_burning", 22),
    "MMA001": Profile("myanmar", 30),
    "MMA002": Profile("myanmar", 38),
    "KHA001": Profile("south_dry", 27),
    "CN-KM-DFDL": Profile("kunming", 24, o3=85, no2=32, so2=8, co=0.8, trend=-0.04),
    "CN-KM-LQZ": Profile("kunming", 22, o3=90, no2=20),
    "CN-KM-CGXQ": Profile("kunming", 22, o3=90, no2=22),
    "CN-XSBN-JH": Profile("north_burning", 24, o3=70, no2=15),
}


@dataclass(frozen=True)
class AirChunk:
    """One station-parameter-period to generate and ingest as a unit."""

    station: str
    parameter: str
    start: datetime.datetime  # local, inclusive
    end: datetime.datetime  # local, exclusive


@dataclass(frozen=True)
class QACase:
    """A deliberate anomaly the ingest's QA/QC must flag (canonical value)."""

    station: str
    parameter: str
    time: datetime.datetime  # local, start of the hour
    kind: str  # "spike" | "flat" | "negative" | "range"
    value: float


#: The deliberate QA/QC cases (hours are local time, within the generated windows).
QA_CASES = (
    QACase("TH-05T", "pm25", datetime.datetime(2026, 8, 14, 15), "spike", 480.0),
    QACase("CN-KM-DFDL", "no2", datetime.datetime(2026, 5, 20, 3), "spike", 420.0),
    QACase("MMA002", "pm25", datetime.datetime(2026, 4, 2, 13), "range", 9999.0),
    QACase("TH-40T", "so2", datetime.datetime(2026, 10, 5, 4), "negative", -2.6),
    *(
        QACase("TH-57T", "pm25", datetime.datetime(2026, 7, 3, hour), "flat", 17.0)
        for hour in range(12)
    ),
    *(
        QACase("VN-HN-NVC", "co", datetime.datetime(2026, 9, 10, 6 + hour), "flat", 1.5)
        for hour in range(12)
    ),
)


@cache
def stations() -> dict[str, StationRow]:
    """The shipped registry by code (the generator needs zones and reported units)."""
    return {row.code: row for row in read_stations(STATIONS_FILE)}


def air_plan() -> list[AirChunk]:
    """Every air chunk of the demo, in loading order."""
    chunks = []
    for code, row in stations().items():
        if row.kind != "air" or code in NOT_GENERATED:
            continue
        start, end = _active_window(row)
        if start >= end:
            continue
        measured = [p.parameter.code for p in row.parameters]
        if code in LONG_STATIONS:
            chunks.append(AirChunk(code, "pm25", start, end))
        recent = max(start, RECENT_START)
        for code_ in measured:
            if code_ == "pm25" and code in LONG_STATIONS:
                continue
            if code_ == "pm25" or code in SHOWCASE_STATIONS:
                chunk_start = start if row.active_to else recent
                chunks.append(AirChunk(code, code_, chunk_start, end))
    return chunks


def _active_window(row: StationRow) -> tuple[datetime.datetime, datetime.datetime]:
    start, end = START, END
    if row.active_from:
        start = max(start, datetime.datetime.combine(row.active_from, datetime.time()))
    if row.active_to:
        end = min(end, datetime.datetime.combine(row.active_to, datetime.time()))
    return start, end


def _rng(*labels: str) -> np.random.Generator:
    return np.random.default_rng([SEED, *(zlib.crc32(label.encode()) for label in labels)])


def _gauss(hours: np.ndarray, centre: float, width: float) -> np.ndarray:
    distance = np.minimum(np.abs(hours - centre), 24 - np.abs(hours - centre))
    return np.exp(-0.5 * (distance / width) ** 2)


def _ar1(rng: np.random.Generator, n: int, phi: float, sigma: float) -> np.ndarray:
    """Stationary AR(1) series of length ``n`` with standard deviation ``sigma``.

    Computed in blocks of 64 (a matrix of powers of ``phi`` within a block, the carry
    between blocks): the same numbers as the plain recursion, without a Python loop per hour.
    """
    block = 64
    blocks = -(-n // block)
    shocks = rng.normal(0.0, sigma * np.sqrt(1 - phi**2), blocks * block).reshape(blocks, block)
    lags = np.arange(block)
    powers = np.tril(phi ** (lags[:, None] - lags[None, :]).clip(0))
    within = shocks @ powers.T
    carry_weights = phi ** (lags + 1)
    out = np.empty_like(within)
    carry = rng.normal(0.0, sigma)
    for index in range(blocks):
        out[index] = within[index] + carry * carry_weights
        carry = out[index, -1]
    return out.ravel()[:n]


def station_series(code: str) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Hourly values of every air parameter at ``code`` over [START, END), canonical units.

    Returns the local hour starts (``datetime64[h]``) and ``{parameter: values}`` with NaN
    in outages. The whole period is generated at once so that parameters share their
    weather and any chunk is a slice of the same series.
    """
    profile = PROFILES[code]
    rng = _rng("air", code)
    times = np.arange(np.datetime64(START, "h"), np.datetime64(END, "h"))
    n = times.size
    hour = (times - times.astype("datetime64[D]")).astype(int).astype(float)
    days = times.astype("datetime64[D]")
    month = days.astype("datetime64[M]").astype(int) % 12
    day_of_month = (days - days.astype("datetime64[M]")).astype(int)
    # Season: monthly multipliers, interpolated between mid-months.
    table = np.array(SEASONS[profile.regime])
    position = month + (day_of_month - 14.5) / 30.4
    season = np.interp(position, np.arange(-1, 13), np.r_[table[-1], table, table[0]])
    year_index = times.astype("datetime64[Y]").astype(int) + 1970 - START.year
    # The burning seasons differ from year to year.
    year_factor = np.exp(rng.normal(0, 0.2, year_index.max() + 1))[year_index]
    season = 1 + (season - 1) * np.where(season > 1, year_factor, 1.0)
    years = (times - np.datetime64(START, "h")).astype(float) / (24 * 365.25)
    trend = (1 + profile.trend) ** years
    weekday = ((days.astype(int) + 3) % 7) < 5  # 1970-01-01 was a Thursday
    weekly = np.where(weekday, 1.0, 0.85)
    # Weather: day-to-day (synoptic) and hour-to-hour, shared by the pollutants.
    n_days = n // 24 + 1
    synoptic = np.repeat(_ar1(rng, n_days, 0.7, 0.35), 24)[:n]
    hourly = _ar1(rng, n, 0.85, 0.22)
    weather = np.exp(synoptic + hourly - 0.5 * (0.35**2 + 0.22**2))

    traffic = profile.traffic
    pm_shape = (
        1
        + 0.15 * traffic * _gauss(hour, 8, 1.5)
        + 0.3 * _gauss(hour, 21, 2.5)
        - 0.22 * _gauss(hour, 14, 2.5)
    )
    pm25 = profile.pm25 * season * pm_shape * trend * weather
    coarse = np.where(season > 1, 1.75, 1.4) * np.exp(_ar1(rng, n, 0.8, 0.1))
    pm10 = pm25 * coarse
    no2_shape = (
        1
        + 0.5 * traffic * _gauss(hour, 8, 1.5)
        + 0.6 * traffic * _gauss(hour, 19, 2.5)
        - 0.35 * _gauss(hour, 13, 2.5)
    )
    no2 = profile.no2 * np.sqrt(season) * no2_shape * weekly * trend * weather
    co = profile.co * np.sqrt(season) * no2_shape * weekly * weather**0.8
    sunlight = np.clip(np.sin(np.pi * (hour - 8) / 12), 0, None) ** 1.5
    o3_noise = np.exp(_ar1(rng, n, 0.8, 0.18))
    o3 = profile.o3 * season**0.35 * (0.3 + 1.4 * sunlight) * o3_noise
    so2 = profile.so2 * (1 + 0.3 * _gauss(hour, 10, 2)) * np.exp(_ar1(rng, n, 0.8, 0.25))
    if profile.plumes:
        # Morning fumigation of a power plant's plume: a few hours, some days a month.
        for start in rng.choice(np.flatnonzero(hour == 8), size=n_days // 12, replace=False):
            so2[start : start + 4] += rng.uniform(30, 120) * np.array([0.5, 1.0, 0.8, 0.4])

    values = {"pm25": pm25, "pm10": pm10, "no2": no2, "co": co, "o3": o3, "so2": so2}
    # Analyser outages: a few a year, for all parameters; single lost hours per parameter.
    outage = np.zeros(n, dtype=bool)
    for _ in range(rng.poisson(3 * (n / 8766))):
        begin = rng.integers(0, n)
        outage[begin : begin + rng.integers(4, 96)] = True
    # The QA cases and their neighbours stay measured: a spike needs both neighbours.
    cases = [case for case in QA_CASES if case.station == code]
    protected = np.zeros(n, dtype=bool)
    for case in cases:
        index = int((np.datetime64(case.time, "h") - times[0]).astype(int))
        protected[max(index - 2, 0) : index + 3] = True
    for name in values:
        lost = (outage | (rng.random(n) < 0.004)) & ~protected
        values[name] = np.where(lost, np.nan, values[name])
    for case in cases:
        index = int((np.datetime64(case.time, "h") - times[0]).astype(int))
        values[case.parameter][index] = case.value
    return times, values


#: Decimals written per reported unit.
DECIMALS = {"ppb": 1, "ppm": 2, "mg/m³": 2, "µg/m³": 1}


def offset(zone: str) -> str:
    """The fixed UTC offset of a region's zone (none of them keeps daylight saving time)."""
    delta = datetime.datetime(2026, 1, 1, tzinfo=_zone(zone)).utcoffset()
    minutes = int(delta.total_seconds() // 60)
    return f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@cache
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def air_records(chunk: AirChunk) -> Iterator[dict[str, str]]:
    """The long-table rows of one chunk, in the station's reported unit and local time."""
    row = stations()[chunk.station]
    measured = {p.parameter.code: p for p in row.parameters}[chunk.parameter]
    times, values = _cached_series(chunk.station)
    first = int((np.datetime64(chunk.start, "h") - times[0]).astype(int))
    last = int((np.datetime64(chunk.end, "h") - times[0]).astype(int))
    canonical = values[chunk.parameter][first:last]
    reported = units.convert(
        canonical, measured.parameter.unit, measured.unit, pollutant=chunk.parameter
    )
    # CO in µg/m³ runs to thousands: whole numbers, as Viet Nam's stations report it.
    decimals = (
        0 if chunk.parameter == "co" and measured.unit == "µg/m³" else DECIMALS[measured.unit]
    )
    stamps = np.datetime_as_string(times[first:last], unit="m")
    suffix = offset(row.time_zone)
    for stamp, value in zip(stamps, reported, strict=True):
        if np.isnan(value):
            continue
        yield {
            "station": chunk.station,
            "parameter": chunk.parameter,
            "unit": measured.unit,
            "time": f"{stamp}{suffix}",
            "value": f"{value:.{decimals}f}",
            "averaging": "1h",
        }


@cache
def _cached_series(code: str):
    return station_series(code)


def qa_cases() -> tuple[QACase, ...]:
    """The deliberate QA/QC anomalies of the demo data."""
    return QA_CASES


# ------------------------------------------------------------------------------- water

#: Per-site character: conductivity level ``ec`` [mS/m], pollution ``load`` (1 = a clean
#: mainstream reach), and ``saline`` (dry-season saline intrusion in the delta), ``cool``
#: (upland river), ``lake`` (sediment resuspended at low water).
WATER_SITES = {
    "MRC-CHIANG-SAEN": dict(ec=30, load=1.0),
    "MRC-LUANG-PRABANG": dict(ec=28, load=1.0),
    "MRC-VIENTIANE": dict(ec=26, load=1.3),
    "MRC-NAKHON-PHANOM": dict(ec=22, load=1.1),
    "MRC-PAKSE": dict(ec=18, load=1.1),
    "MRC-STUNG-TRENG": dict(ec=14, load=1.0),
    "MRC-KRATIE": dict(ec=14, load=1.0),
    "MRC-CHROY-CHANGVAR": dict(ec=15, load=1.8),
    "MRC-NEAK-LUONG": dict(ec=15, load=1.5),
    "MRC-TAN-CHAU": dict(ec=16, load=1.4),
    "MRC-MY-THUAN": dict(ec=20, load=1.6, saline=True),
    "MRC-CAN-THO": dict(ec=22, load=2.0, saline=True),
    "CN-LANCANG-JH": dict(ec=30, load=0.8, cool=True),
    "TH-MUN-UBON": dict(ec=12, load=2.2),
    "MRC-KOMPONG-LUONG": dict(ec=10, load=1.6, lake=True),
}

#: Detection limits [mg/L] below which a value is written ``<limit``.
DETECTION_LIMITS = {"nh3_n": 0.01, "tp": 0.01, "no2_3_n": 0.01, "no3_n": 0.01, "bod5": 0.5}


def water_records(code: str) -> Iterator[dict[str, str]]:
    """Monthly samples 2019-01 .. 2026-11 at water site ``code`` (long-table rows)."""
    row = stations()[code]
    site = WATER_SITES[code]
    rng = _rng("water", code)
    suffix = offset(row.time_zone)
    measured = [p.parameter.code for p in row.parameters]
    month = datetime.date(WATER_START.year, WATER_START.month, 1)
    index = 0
    while month < END.date():
        day = month.replace(day=int(rng.integers(8, 22)))
        stamp = (
            f"{day.isoformat()}T{int(rng.integers(8, 12)):02d}:{int(rng.integers(0, 4)) * 15:02d}"
        )
        values = _water_sample(rng, site, month.month, index / 12.0)
        for parameter in measured:
            text = _water_text(parameter, values[parameter])
            yield {
                "station": code,
                "parameter": parameter,
                "unit": parameters.BY_CODE[parameter].unit,
                "time": f"{stamp}{suffix}",
                "value": text,
                "averaging": "grab",
            }
        index += 1
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def _water_sample(rng, site: dict, month: int, years: float) -> dict[str, float]:
    # Flood season July-October: high suspended solids, lower conductivity and oxygen.
    flood = np.exp(-0.5 * ((month - 8.5) / 1.6) ** 2)
    dry = 1 - flood
    load = site["load"] * np.exp(rng.normal(0, 0.25))
    cool = site.get("cool", False)
    temp = (
        (18 if cool else 27.5)
        + (3.5 if cool else 2.0) * np.sin(2 * np.pi * (month - 4) / 12)
        + rng.normal(0, 0.8)
    )
    ec = site["ec"] * (1.15 - 0.4 * flood) * np.exp(rng.normal(0, 0.08))
    if site.get("saline") and month in (2, 3, 4):
        ec *= rng.uniform(1.5, 6.0)  # saline intrusion in the delta's dry season
    tss = (25 + 420 * flood) * np.exp(rng.normal(0, 0.45))
    if site.get("lake"):
        tss = (60 + 90 * dry) * np.exp(rng.normal(0, 0.4))  # wind resuspension at low water
    do = (7.6 - 1.0 * flood - 0.5 * (load - 1)) + rng.normal(0, 0.35)
    values = {
        "temp": temp,
        "ph": 7.6 - 0.15 * (load - 1) - 0.2 * flood + rng.normal(0, 0.15),
        "do": float(np.clip(do, 3.0, 9.5)),
        "ec": ec,
        "tss": tss,
        "nh3_n": 0.03 * load**1.5 * np.exp(rng.normal(0, 0.7)),
        "no2_3_n": (0.15 + 0.2 * flood) * load * np.exp(rng.normal(0, 0.35)),
        "no3_n": (0.12 + 0.2 * flood) * load * np.exp(rng.normal(0, 0.35)),
        "tp": (0.03 + 0.08 * flood) * load * np.exp(rng.normal(0, 0.6)),
        "tn": (0.45 + 0.3 * flood) * load * np.exp(rng.normal(0, 0.25)),
        # A slow rise of organic load over the years at every site (the trend view).
        "cod_mn": (1.8 + 0.6 * flood) * load * (1 + 0.03 * years) * np.exp(rng.normal(0, 0.2)),
        "bod5": 0.9 * load * np.exp(rng.normal(0, 0.4)),
        "fecal_coliform": 150 * load**3 * np.exp(rng.normal(0, 1.0)),
        "total_coliform": 1200 * load**3 * np.exp(rng.normal(0, 0.9)),
    }
    return values


def _water_text(parameter: str, value: float) -> str:
    limit = DETECTION_LIMITS.get(parameter)
    if limit is not None and value < limit:
        return f"<{limit:g}"
    decimals = parameters.BY_CODE[parameter].decimals
    if parameter in ("fecal_coliform", "total_coliform"):
        return str(int(round(value)))
    return f"{value:.{decimals}f}"


def water_sites() -> list[str]:
    return [code for code, row in stations().items() if row.kind == "water"]
