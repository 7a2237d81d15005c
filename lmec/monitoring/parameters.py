"""What the hub measures: the parameter registry, with stable storage ids and QA/QC limits.

Parameters are part of the software, not user content: each is tied to the tables of
:mod:`lmec.quality` (air pollutants to the AQI standards, water parameters to the water
classes), so they are defined here in code. A measurement row stores the small integer
``id`` (2 bytes instead of a text code on 260 M rows); ``id`` values never change and are
never reused. Names are UI strings (gettext), translated in the catalogues.

Canonical units are those the quality standards use most: µg/m³ for every gas but CO, which
is mg/m³ (the unit of China's, Thailand's and Viet Nam's tables); water parameters in the
units of :mod:`lmec.quality.water` (mg/L unless stated).

QA/QC limits (``valid_min``/``valid_max`` physical range in the canonical unit, ``spike``
the jump from both neighbours that marks a one-hour spike, ``flat_hours`` the run of
identical hourly values that marks a stuck sensor) follow the screening rules of
[1]_ (range and rate-of-change checks) and [2]_ (AirNow's "sticking" and spike checks), set
for the concentrations seen in the region; the reasoning for each number is in the comment
beside it.

References
----------
.. [1] HJ 818-2018 环境空气气态污染物（SO2、NO2、O3、CO）连续自动监测系统运行和质控技术规范, and
   HJ 817-2018 (PM10/PM2.5): data validity and screening of abnormal values.
.. [2] U.S. EPA, AirNow DMC data-screening checks (range, rate of change, sticking).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

AIR = "air"
WATER = "water"


@dataclass(frozen=True)
class ParameterDef:
    """One measured quantity.

    Attributes
    ----------
    id : int
        Storage id (stable, never reused).
    code : str
        Public id, the one files and the API use (``pm25``, ``do``, ``nh3_n``).
    kind : {"air", "water"}
    unit : str
        Canonical unit; values are stored in it.
    name : str
        Translated display name.
    valid_min, valid_max : float
        Physical range in ``unit``; a value outside is flagged ``RANGE``.
    spike : float or None
        A value that exceeds both hourly neighbours by more than this [unit] is flagged
        ``SPIKE``; None: no spike check (grab samples).
    flat_hours : int or None
        This many or more identical consecutive hourly values are flagged ``FLAT``.
    decimals : int
        Decimals shown on pages and in exports.
    """

    id: int
    code: str
    kind: str
    unit: str
    name: str
    valid_min: float
    valid_max: float
    spike: float | None = None
    flat_hours: int | None = None
    decimals: int = 1


def _air(id, code, unit, name, vmax, spike, flat, decimals=0):
    return ParameterDef(id, code, AIR, unit, name, 0.0, vmax, spike, flat, decimals)


def _water(id, code, unit, name, vmin, vmax, decimals=2):
    return ParameterDef(id, code, WATER, unit, name, vmin, vmax, None, None, decimals)


PARAMETERS: tuple[ParameterDef, ...] = (
    # Upper limits: the measuring ranges of the certified analysers (HJ 653 PM 0-1000 µg/m³
    # is exceeded in dust storms and fires, so twice that); spikes: a one-hour jump well
    # above what the region's worst burning-season hours show between neighbours.
    _air(1, "pm25", "µg/m³", _("PM2.5"), 2000, 300, 8),
    _air(2, "pm10", "µg/m³", _("PM10"), 5000, 500, 8),
    _air(3, "so2", "µg/m³", _("SO₂"), 5000, 500, 8),
    _air(4, "no2", "µg/m³", _("NO₂"), 3000, 300, 8),
    _air(5, "co", "mg/m³", _("CO"), 150, 15, 8, decimals=2),
    _air(6, "o3", "µg/m³", _("O₃"), 2000, 200, 8),
    # Water: physical ranges only (grab samples have no hourly neighbours).
    _water(20, "ph", "1", _("pH"), 0, 14),
    _water(21, "do", "mg/L", _("Dissolved oxygen"), 0, 25),
    _water(22, "cod_mn", "mg/L", _("Permanganate index (CODMn)"), 0, 200),
    _water(23, "cod", "mg/L", _("Chemical oxygen demand (CODCr)"), 0, 2000),
    _water(24, "bod5", "mg/L", _("BOD₅"), 0, 1000),
    _water(25, "nh3_n", "mg/L", _("Ammonia nitrogen"), 0, 200, 3),
    _water(26, "tp", "mg/L", _("Total phosphorus"), 0, 100, 3),
    _water(27, "tn", "mg/L", _("Total nitrogen"), 0, 200, 3),
    _water(28, "no3_n", "mg/L", _("Nitrate nitrogen"), 0, 200, 3),
    _water(29, "tss", "mg/L", _("Total suspended solids"), 0, 20000, 1),
    _water(30, "toc", "mg/L", _("Total organic carbon"), 0, 500),
    _water(31, "cu", "mg/L", _("Copper"), 0, 100, 4),
    _water(32, "zn", "mg/L", _("Zinc"), 0, 100, 4),
    _water(33, "ni", "mg/L", _("Nickel"), 0, 100, 4),
    _water(34, "mn", "mg/L", _("Manganese"), 0, 100, 4),
    _water(35, "se", "mg/L", _("Selenium"), 0, 10, 5),
    _water(36, "as", "mg/L", _("Arsenic"), 0, 10, 5),
    _water(37, "hg", "mg/L", _("Mercury"), 0, 1, 6),
    _water(38, "cd", "mg/L", _("Cadmium"), 0, 10, 5),
    _water(39, "pb", "mg/L", _("Lead"), 0, 10, 5),
    _water(40, "cr6", "mg/L", _("Hexavalent chromium"), 0, 10, 4),
    _water(41, "f", "mg/L", _("Fluoride"), 0, 100, 3),
    _water(42, "cn", "mg/L", _("Cyanide"), 0, 10, 4),
    _water(43, "phenol", "mg/L", _("Volatile phenol"), 0, 100, 4),
    _water(44, "petroleum", "mg/L", _("Petroleum"), 0, 1000, 3),
    _water(45, "las", "mg/L", _("Anionic surfactant"), 0, 100, 3),
    _water(46, "s2", "mg/L", _("Sulfide"), 0, 100, 3),
    _water(47, "total_coliform", "MPN/100 mL", _("Total coliform"), 0, 1e9, 0),
    _water(48, "fecal_coliform", "MPN/100 mL", _("Fecal coliform"), 0, 1e9, 0),
    _water(49, "hardness", "mg/L", _("Hardness (as CaCO₃)"), 0, 5000, 1),
    # Field parameters of the Mekong River Commission's monitoring network.
    _water(60, "temp", "°C", _("Water temperature"), -2, 45, 1),
    _water(61, "ec", "mS/m", _("Electrical conductivity"), 0, 10000, 1),
    _water(62, "turbidity", "NTU", _("Turbidity"), 0, 100000, 1),
    _water(63, "no2_3_n", "mg/L", _("Nitrite and nitrate nitrogen"), 0, 200, 3),
)

BY_CODE: dict[str, ParameterDef] = {p.code: p for p in PARAMETERS}
BY_ID: dict[int, ParameterDef] = {p.id: p for p in PARAMETERS}
AIR_CODES = tuple(p.code for p in PARAMETERS if p.kind == AIR)
WATER_CODES = tuple(p.code for p in PARAMETERS if p.kind == WATER)

#: Averaging periods [hours] a measurement may carry; 0 is a grab (instantaneous) sample.
AVERAGING_HOURS = {"1h": 1, "8h": 8, "24h": 24, "grab": 0}
AVERAGING_CODES = {hours: code for code, hours in AVERAGING_HOURS.items()}


def get(code: str) -> ParameterDef:
    """The parameter ``code``; ``ValueError`` lists the valid codes."""
    try:
        return BY_CODE[code]
    except KeyError:
        raise ValueError(
            f"unknown parameter {code!r}; choose one of: {', '.join(BY_CODE)}"
        ) from None


class Flag:
    """QA/QC flags, a bit mask on each measurement; 0 means valid.

    A flagged value is stored and shown (marked), never dropped, and left out of daily
    means and indices.
    """

    RANGE = 1  # outside the parameter's physical range
    NEGATIVE = 2  # below zero (instruments report small negatives near zero)
    SPIKE = 4  # exceeds both hourly neighbours by more than the parameter's spike
    FLAT = 8  # part of a run of identical hourly values (stuck sensor)
    PROVIDER = 16  # marked invalid by the data provider in the file
    MANUAL = 32  # marked invalid by a focal point or editor after review

    LABELS = {
        RANGE: _("outside the physical range"),
        NEGATIVE: _("negative"),
        SPIKE: _("spike"),
        FLAT: _("flat-lined sensor"),
        PROVIDER: _("invalid according to the provider"),
        MANUAL: _("invalidated on review"),
    }
    CODES = {
        RANGE: "range",
        NEGATIVE: "negative",
        SPIKE: "spike",
        FLAT: "flat",
        PROVIDER: "provider",
        MANUAL: "manual",
    }

    @classmethod
    def codes(cls, mask: int) -> list[str]:
        """The flag codes set in ``mask`` (``["spike", "flat"]``)."""
        return [code for bit, code in cls.CODES.items() if mask & bit]
