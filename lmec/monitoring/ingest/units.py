"""Units as people write them, converted to each parameter's canonical unit.

The arithmetic is :func:`lmec.quality.units.convert` (gases at 25 °C and 1 atm, the
reference conditions of the region's AQI standards); here we only decide, per parameter
and written unit, the linear map ``canonical = raw * scale + offset`` and say in plain words
why a unit does not fit a parameter.
"""

from __future__ import annotations

from functools import cache

from lmec.quality import units

from .. import parameters

# Units offered in messages, per quantity of the canonical unit.
_OFFERED = {
    "gas": ("µg/m³", "mg/m³", "ppb", "ppm"),
    "mass concentration in water": ("mg/L", "µg/L"),
    "electrical conductivity": ("mS/m", "µS/cm"),
    "temperature": ("°C",),
    "bacteria count": ("MPN/100 mL",),
    "turbidity": ("NTU",),
    "dimensionless": ("no unit",),
}


def offered(parameter: parameters.ParameterDef) -> tuple[str, ...]:
    """Units a parameter accepts, as listed in messages."""
    found = _OFFERED[units.quantity(parameter.unit)]
    if parameter.code in ("pm25", "pm10"):
        return ("µg/m³", "mg/m³")
    return found


@cache
def conversion(parameter_id: int, written: str) -> tuple[float, float]:
    """``(scale, offset)`` so that ``canonical = raw * scale + offset``.

    Raises ``ValueError`` with a sentence for people when ``written`` is not a unit of the
    parameter.
    """
    parameter = parameters.BY_ID[parameter_id]
    choices = " or ".join(offered(parameter))
    if not written.strip() and parameter.unit != "1":
        raise ValueError(f"the unit is empty; {parameter.code} is given in {choices}")
    try:
        unit = units.parse_unit(written)
    except ValueError:
        raise ValueError(
            f"unknown unit {written!r}; {parameter.code} is given in {choices}"
        ) from None
    if parameter.code in ("pm25", "pm10") and unit in ("ppb", "ppm"):
        raise ValueError(
            f"{unit} cannot be used for {parameter.code}: particles have no molar mass; "
            f"use {choices}"
        )
    try:
        zero = float(units.convert(0.0, unit, parameter.unit, pollutant=parameter.code))
        one = float(units.convert(1.0, unit, parameter.unit, pollutant=parameter.code))
    except ValueError:
        raise ValueError(f"{written} is not a unit of {parameter.code}; use {choices}") from None
    return one - zero, zero
