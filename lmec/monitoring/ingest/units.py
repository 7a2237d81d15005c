"""Units as people write them, converted to each parameter's canonical unit.

The arithmetic is :func:`lmec.quality.units.convert` (gases at 25 °C and 1 atm, the
reference conditions of the region's AQI standards); here we only decide, per parameter
and written unit, the linear map ``canonical = raw * scale + offset`` and say in plain words
(with a code for translation, :mod:`.reasons`) why a unit does not fit a parameter.
"""

from __future__ import annotations

from functools import cache

from lmec.quality import units

from .. import parameters
from .errors import RowProblem

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

    Raises :class:`~.errors.RowProblem` (a ``ValueError`` whose text is a sentence for
    people) when ``written`` is not a unit of the parameter.
    """
    parameter = parameters.BY_ID[parameter_id]
    code = parameter.code
    choices = list(offered(parameter))
    # a dimensionless parameter (pH) offers no unit to write: say so rather than list one
    dimensionless = parameter.unit == "1"
    if not written.strip() and not dimensionless:
        raise RowProblem("unit_missing", parameter=code, units=choices)
    try:
        unit = units.parse_unit(written)
    except ValueError:
        if dimensionless:
            raise RowProblem("unit_unknown_dimensionless", unit=written, parameter=code) from None
        raise RowProblem("unit_unknown", unit=written, parameter=code, units=choices) from None
    if code in ("pm25", "pm10") and unit in ("ppb", "ppm"):
        raise RowProblem("unit_particles_molar", unit=unit, parameter=code, units=choices)
    try:
        zero = float(units.convert(0.0, unit, parameter.unit, pollutant=code))
        one = float(units.convert(1.0, unit, parameter.unit, pollutant=code))
    except ValueError:
        if dimensionless:
            raise RowProblem("unit_mismatch_dimensionless", unit=written, parameter=code) from None
        raise RowProblem("unit_mismatch", unit=written, parameter=code, units=choices) from None
    return one - zero, zero
