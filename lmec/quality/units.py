"""Concentration units: µg/m³ ↔ mg/m³ ↔ ppb ↔ ppm for gaseous pollutants.

Mass and mixing-ratio units are linked by the molar volume of an ideal gas,
V_m = R·T/p [L/mol]: 24.45 L/mol at 25 °C and 101.325 kPa, the reference conditions of
US EPA [1]_ and of China's GB 3095-2012 since its 2018 amendment [2]_; 22.41 L/mol at 0 °C.
µg/m³ = ppb × M / V_m, with M the molar mass [g/mol].

References
----------
.. [1] U.S. EPA, 40 CFR Part 50, 50.3: reference conditions 25 °C and 760 mm Hg.
.. [2] Ministry of Ecology and Environment, GB 3095-2012 Amendment No. 1 (2018): gaseous
   pollutants at the reference state of 298.15 K and 1013.25 hPa.
"""

import numpy as np

#: Molar masses [g/mol] (IUPAC standard atomic weights).
MOLAR_MASS = {"o3": 47.998, "no2": 46.006, "so2": 64.066, "co": 28.010}

#: Molar volume [L/mol] at named reference conditions.
MOLAR_VOLUME = {"25C": 24.45, "0C": 22.41, "20C": 24.04}

_MASS = {"µg/m³": 1.0, "ug/m3": 1.0, "mg/m³": 1000.0, "mg/m3": 1000.0}
_RATIO = {"ppb": 1.0, "ppm": 1000.0}


def _gas(pollutant: str | None) -> str:
    if pollutant is None:
        raise ValueError("converting between mass and mixing ratio needs pollutant=")
    gas = pollutant.split("_")[0].lower()
    if gas not in MOLAR_MASS:
        raise ValueError(
            f"no molar mass for {pollutant!r}; choose one of: {', '.join(sorted(MOLAR_MASS))}"
        )
    return gas


def convert(values, from_unit: str, to_unit: str, pollutant: str | None = None, conditions="25C"):
    """Convert concentrations between µg/m³, mg/m³, ppb and ppm.

    Parameters
    ----------
    values : float or array_like
        Concentrations in ``from_unit``.
    from_unit, to_unit : str
        One of ``µg/m³`` (or ``ug/m3``), ``mg/m³`` (``mg/m3``), ``ppb``, ``ppm``.
    pollutant : str, optional
        Pollutant id (``o3_8h``, ``no2``, …); needed between mass and mixing-ratio units.
    conditions : str
        Reference conditions: ``25C`` (default), ``20C`` or ``0C``.

    Returns
    -------
    numpy.ndarray
        Same shape as ``values``.
    """
    v = np.asarray(values, dtype=float)
    known = sorted({*_MASS, *_RATIO})
    for unit in (from_unit, to_unit):
        if unit not in _MASS and unit not in _RATIO:
            raise ValueError(f"unknown unit {unit!r}; choose one of: {', '.join(known)}")
    if conditions not in MOLAR_VOLUME:
        raise ValueError(f"unknown conditions {conditions!r}; choose one of: 25C, 20C, 0C")
    if from_unit in _MASS:
        ugm3 = v * _MASS[from_unit]
    else:
        gas = _gas(pollutant)
        ugm3 = v * _RATIO[from_unit] * MOLAR_MASS[gas] / MOLAR_VOLUME[conditions]
    if to_unit in _MASS:
        return ugm3 / _MASS[to_unit]
    gas = _gas(pollutant)
    return ugm3 * MOLAR_VOLUME[conditions] / MOLAR_MASS[gas] / _RATIO[to_unit]
