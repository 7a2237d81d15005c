"""Concentration units: µg/m³ ↔ mg/m³ ↔ ppb ↔ ppm for gaseous pollutants.

Mass and mixing-ratio units are linked by the molar volume of an ideal gas,
``V_m = R·T / p`` [L/mol], so that ``µg/m³ = ppb × M / V_m`` with ``M`` the molar mass
[g/mol]. Which ``V_m`` applies depends on the reference conditions of the standard the
numbers belong to:

============  ==================================  =========================================
standard      reference conditions                source
============  ==================================  =========================================
US EPA        25 °C, 760 mm Hg -> 24.45 L/mol     40 CFR 50.3 [1]_
China         298.15 K, 1013.25 hPa (gases)       GB 3095-2026, 4.3; GB 3095-2012 am. [2]_
Thailand      25 °C, 1 atm                        PCD ambient standards [3]_
Viet Nam      25 °C, 1 atm (assumed)              QCVN 05:2023/BTNMT [4]_, not verified
============  ==================================  =========================================

Before its 2018 amendment GB 3095-2012 used the standard state 273.15 K, 101.325 kPa
(22.41 L/mol); data of that period need ``conditions="0C"``. Particulate matter is a mass
concentration already and needs no conversion.

Water-quality and field parameters are converted within their own quantity, each a linear
(affine) map to a base unit (:data:`LINEAR_UNITS`): mass concentration in water (mg/L;
µg/L = 10⁻³ mg/L), electrical conductivity (mS/m; 1 µS/cm = 0.1 mS/m [5]_), temperature
(°C; K, °F), bacteria counts (MPN/100 mL), turbidity (NTU) and dimensionless values such as
pH (``"1"``). :func:`parse_unit` reads units as people write them (``ug/m3``, ``μg/m³``,
``mg/l``, ``uS/cm``, ``deg C``) into these canonical spellings.

References
----------
.. [1] 40 CFR 50.3, Reference conditions: "corrected to a reference temperature of 25 °C
   and a reference pressure of 760 millimeters of mercury".
.. [2] Ministry of Ecology and Environment, GB 3095-2026 环境空气质量标准, clause 4.3
   (as in the 2018 amendment of GB 3095-2012): SO2, NO2, CO, O3, NOx at the reference
   state (参比状态, 298.15 K, 1013.25 hPa); PM at the actual temperature and pressure.
.. [3] Pollution Control Department, Thai ambient air quality standards: gases reported at
   25 °C and 1 atmosphere.
.. [4] Bộ Tài nguyên và Môi trường, QCVN 05:2023/BTNMT, national technical regulation on
   ambient air quality.
.. [5] BIPM, The International System of Units (SI), 9th edition (2019): siemens per metre;
   1 µS/cm = 10⁻⁶ S / 10⁻² m = 10⁻⁴ S/m = 0.1 mS/m.
"""

from __future__ import annotations

import numpy as np

#: Molar masses [g/mol] (IUPAC standard atomic weights).
MOLAR_MASS = {"o3": 47.998, "no2": 46.006, "so2": 64.066, "co": 28.010}

#: Molar volume [L/mol] at named reference conditions (25 °C is EPA's conventional 24.45).
MOLAR_VOLUME = {"25C": 24.45, "20C": 24.04, "0C": 22.41}

#: Reference conditions of each AQI standard's gas concentrations.
STANDARD_CONDITIONS = {
    "us-epa-2024": "25C",
    "cn-hj633-2012": "25C",  # since the 2018 amendment of GB 3095-2012
    "cn-hj633-2026": "25C",
    "th-pcd-2023": "25C",
    "vn-1459-2019": "25C",  # assumed, see module docstring
}

_R = 8.314462618  # J/(mol K)

_MASS = {
    "µg/m³": 1.0,  # U+00B5 micro sign
    "μg/m³": 1.0,  # U+03BC Greek mu, as often typed
    "ug/m3": 1.0,
    "µg/m3": 1.0,
    "mg/m³": 1000.0,
    "mg/m3": 1000.0,
}
_RATIO = {"ppb": 1.0, "ppm": 1000.0}

#: Units of the other quantities: unit -> (quantity, scale, offset), so that a value ``x`` is
#: ``x * scale + offset`` in the quantity's base unit (the first of each group).
LINEAR_UNITS: dict[str, tuple[str, float, float]] = {
    # mass concentration in water, base mg/L
    "mg/L": ("mass concentration in water", 1.0, 0.0),
    "g/L": ("mass concentration in water", 1000.0, 0.0),
    "µg/L": ("mass concentration in water", 1e-3, 0.0),
    "ng/L": ("mass concentration in water", 1e-6, 0.0),
    # electrical conductivity, base mS/m ([5]: 1 µS/cm = 0.1 mS/m, 1 mS/cm = 100 mS/m)
    "mS/m": ("electrical conductivity", 1.0, 0.0),
    "S/m": ("electrical conductivity", 1000.0, 0.0),
    "mS/cm": ("electrical conductivity", 100.0, 0.0),
    "µS/cm": ("electrical conductivity", 0.1, 0.0),
    # temperature, base °C (T[°C] = T[K] - 273.15 = (T[°F] - 32) × 5/9)
    "°C": ("temperature", 1.0, 0.0),
    "K": ("temperature", 1.0, -273.15),
    "°F": ("temperature", 5.0 / 9.0, -32.0 * 5.0 / 9.0),
    # most probable number of bacteria, base per 100 mL
    "MPN/100 mL": ("bacteria count", 1.0, 0.0),
    "MPN/L": ("bacteria count", 0.1, 0.0),
    "MPN/mL": ("bacteria count", 100.0, 0.0),
    # turbidity: NTU only (FNU and NTU come from different optics and are not converted)
    "NTU": ("turbidity", 1.0, 0.0),
    # dimensionless (pH)
    "1": ("dimensionless", 1.0, 0.0),
}

# Spellings seen in data files, keyed by their folded form (see _fold): lower case, no
# spaces, the micro sign for "u", "μ" (Greek mu) and "µ" (micro sign), "3" for "³".
_SPELLINGS = {
    "µg/m3": "µg/m³",
    "mg/m3": "mg/m³",
    "ppb": "ppb",
    "ppbv": "ppb",
    "ppm": "ppm",
    "ppmv": "ppm",
    "mg/l": "mg/L",
    "g/l": "g/L",
    "µg/l": "µg/L",
    "ng/l": "ng/L",
    "ms/m": "mS/m",
    "s/m": "S/m",
    "ms/cm": "mS/cm",
    "µs/cm": "µS/cm",
    "°c": "°C",
    "ºc": "°C",
    "℃": "°C",
    "degc": "°C",
    "celsius": "°C",
    "k": "K",
    "°f": "°F",
    "degf": "°F",
    "mpn/100ml": "MPN/100 mL",
    "mpn/l": "MPN/L",
    "mpn/ml": "MPN/mL",
    "ntu": "NTU",
    "1": "1",
    "": "1",
    "-": "1",
    "ph": "1",
    "phunit": "1",
    "phunits": "1",
    "unitless": "1",
    "dimensionless": "1",
}


def _fold(text: str) -> str:
    key = "".join(text.split()).lower()
    key = key.replace("μ", "µ").replace("³", "3").replace("^3", "3")
    if key.startswith(("ug/", "us/")):
        key = "µ" + key[1:]
    return key


def parse_unit(text: str) -> str:
    """The canonical spelling of a unit as people write it.

    ``ug/m3``, ``μg/m³`` (Greek mu), ``µg/m3`` -> ``µg/m³``; ``mg/l`` -> ``mg/L``;
    ``uS/cm`` -> ``µS/cm``; ``deg C`` -> ``°C``; ``MPN/100ml`` -> ``MPN/100 mL``; an empty
    unit, ``-`` or ``pH`` -> ``"1"`` (dimensionless). Raises ``ValueError`` for a unit it
    does not know.

    Examples
    --------
    >>> parse_unit("ug/m3"), parse_unit("mg/l"), parse_unit(" μS/cm ")
    ('µg/m³', 'mg/L', 'µS/cm')
    """
    canonical = _SPELLINGS.get(_fold(text))
    if canonical is None:
        raise ValueError(f"unknown unit {text!r}")
    return canonical


def quantity(unit: str) -> str:
    """What a canonical unit measures: ``"gas"`` for µg/m³, mg/m³, ppb and ppm (mass or
    mixing ratio in air), else the quantity of :data:`LINEAR_UNITS`."""
    if unit in _MASS or unit in _RATIO:
        return "gas"
    if unit in LINEAR_UNITS:
        return LINEAR_UNITS[unit][0]
    raise ValueError(f"unknown unit {unit!r}")


def _gas(pollutant: str | None) -> str:
    if pollutant is None:
        raise ValueError("converting between mass and mixing ratio needs pollutant=")
    gas = pollutant.split("_")[0].lower()
    if gas not in MOLAR_MASS:
        raise ValueError(
            f"no molar mass for {pollutant!r}; choose one of: {', '.join(sorted(MOLAR_MASS))}"
        )
    return gas


def molar_volume(conditions="25C") -> float:
    """Molar volume [L/mol] of an ideal gas at ``conditions``.

    Parameters
    ----------
    conditions : str, float or (float, float)
        A key of :data:`MOLAR_VOLUME` (``"25C"``, ``"20C"``, ``"0C"``), a standard id of
        :data:`STANDARD_CONDITIONS`, a molar volume [L/mol], or a pair
        ``(temperature [K], pressure [Pa])``.
    """
    if isinstance(conditions, str):
        key = STANDARD_CONDITIONS.get(conditions, conditions)
        if key not in MOLAR_VOLUME:
            choices = ", ".join([*MOLAR_VOLUME, *sorted(STANDARD_CONDITIONS)])
            raise ValueError(f"unknown conditions {conditions!r}; choose one of: {choices}")
        return MOLAR_VOLUME[key]
    if isinstance(conditions, tuple):
        temperature, pressure = conditions
        return _R * float(temperature) / float(pressure) * 1000.0
    value = float(conditions)
    if not value > 0:
        raise ValueError(f"molar volume must be positive, got {conditions!r}")
    return value


def convert(values, from_unit: str, to_unit: str, pollutant: str | None = None, conditions="25C"):
    """Convert concentrations between µg/m³, mg/m³, ppb and ppm, and the units of
    :data:`LINEAR_UNITS` within their quantity (mg/L ↔ µg/L, mS/m ↔ µS/cm, °C ↔ K ...).

    Parameters
    ----------
    values : float or array_like
        Values in ``from_unit``.
    from_unit, to_unit : str
        ``µg/m³`` (also ``ug/m3``), ``mg/m³`` (``mg/m3``), ``ppb`` or ``ppm``; or a key of
        :data:`LINEAR_UNITS`. Units of different quantities raise ``ValueError``.
    pollutant : str, optional
        Pollutant id (``o3_8h``, ``no2``, ``so2_1h``, ``co``...); needed between mass and
        mixing-ratio units.
    conditions : str, float or (float, float)
        Reference conditions, see :func:`molar_volume`: ``"25C"`` (default: US EPA, China
        since 2018, Thailand), ``"20C"``, ``"0C"``, a standard id, a molar volume [L/mol]
        or ``(T [K], p [Pa])``.

    Returns
    -------
    numpy.ndarray
        Same shape as ``values``; NaN stays NaN.

    Examples
    --------
    >>> round(float(convert(1.0, "ppb", "µg/m³", pollutant="so2")), 3)
    2.62
    >>> float(convert(1500, "µg/m³", "mg/m³"))
    1.5
    """
    v = np.asarray(values, dtype=float)
    known = sorted({*_MASS, *_RATIO, *LINEAR_UNITS})
    for unit in (from_unit, to_unit):
        if unit not in _MASS and unit not in _RATIO and unit not in LINEAR_UNITS:
            raise ValueError(f"unknown unit {unit!r}; choose one of: {', '.join(known)}")
    if from_unit in LINEAR_UNITS or to_unit in LINEAR_UNITS:
        return _convert_linear(v, from_unit, to_unit)
    volume = molar_volume(conditions)
    if from_unit in _MASS:
        ugm3 = v * _MASS[from_unit]
    else:
        ugm3 = v * _RATIO[from_unit] * MOLAR_MASS[_gas(pollutant)] / volume
    if to_unit in _MASS:
        return ugm3 / _MASS[to_unit]
    return ugm3 * volume / MOLAR_MASS[_gas(pollutant)] / _RATIO[to_unit]


def _convert_linear(v: np.ndarray, from_unit: str, to_unit: str) -> np.ndarray:
    source = LINEAR_UNITS.get(from_unit)
    target = LINEAR_UNITS.get(to_unit)
    if source is None or target is None or source[0] != target[0]:
        what = [
            quantity(u) if u in LINEAR_UNITS else "gas concentration" for u in (from_unit, to_unit)
        ]
        raise ValueError(f"cannot convert {from_unit} ({what[0]}) to {to_unit} ({what[1]})")
    base = v * source[1] + source[2]
    return (base - target[2]) / target[1]
