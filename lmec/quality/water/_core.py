"""The class-table engine shared by every surface-water standard (NumPy only).

A standard is a table: for each parameter, one limit per class from the best class to the
last class that has a limit; a value that meets no class's limit falls into the standard's
last class (GB 3838's 劣Ⅴ类, NEB No. 8's class 5, QCVN 08's level D). The single-factor
rule (a sample is as bad as its worst parameter) then gives the overall class.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

#: A class with no requirement for this parameter (a "–" in the table): any value meets it.
ANY = "any"
#: A class that only natural conditions satisfy (NEB No. 8 class 1, "n"): no measured value
#: can place a sample there.
NATURAL = "natural"

UPPER = "upper-limit"  # the value must not exceed the limit (most pollutants)
LOWER = "lower-limit"  # the value must be at least the limit (dissolved oxygen)
RANGE = "range"  # the value must lie within [low, high] (pH)

WATERBODIES = ("river", "lake")


@dataclass(frozen=True)
class WaterClass:
    """One class of a standard. ``rank`` 1 is the best class."""

    key: str
    rank: int
    names: dict[str, str]


@dataclass(frozen=True)
class Parameter:
    """A classified parameter: its unit, direction and one limit per class.

    ``limits`` maps a water-body type to the tuple of limits of the classes that have one, best
    first; the standard's last class needs none. A limit is a number, a ``(low, high)`` pair
    for ``RANGE``, :data:`ANY` or :data:`NATURAL`. A water-body type missing from ``limits``
    means the standard sets no limit for that water body (GB 3838 total nitrogen in rivers).
    """

    id: str
    unit: str
    direction: str
    limits: dict[str, tuple]
    names: dict[str, str]
    source: str
    note: str = ""


@dataclass(frozen=True)
class WaterStandard:
    """A surface-water classification standard.

    ``auxiliary`` lists inputs that are not classified themselves but change how another
    parameter is classified (NEB No. 8 hardness for cadmium); ``adjust`` applies them.
    """

    id: str
    name: str
    short_name: str
    country: str
    source: str
    year: int
    classes: tuple[WaterClass, ...]
    parameters: dict[str, Parameter]
    waterbodies: tuple[str, ...]
    references: tuple[str, ...]
    auxiliary: dict[str, str] = field(default_factory=dict)
    adjust: Callable | None = None
    notes: tuple[str, ...] = ()

    @property
    def class_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.classes)


def _bounds(direction: str, limit) -> tuple[float, float]:
    """Closed interval ``[low, high]`` of values that meet ``limit``."""
    if limit == ANY:
        return -np.inf, np.inf
    if limit == NATURAL:
        return np.inf, -np.inf  # empty: nothing meets it
    if direction == UPPER:
        return -np.inf, float(limit)
    if direction == LOWER:
        return float(limit), np.inf
    low, high = limit
    return float(low), float(high)


def class_ranks(parameter: Parameter, values, waterbody: str, n_classes: int) -> np.ndarray:
    """Rank (1 = best) of the best class whose limit each value meets; 0 where unclassified.

    Values that are NaN or negative are not classified (0). A value that meets none of the
    listed limits takes the last class, ``n_classes``.
    """
    v = np.asarray(values, dtype=float)
    limits = parameter.limits.get(waterbody)
    ranks = np.zeros(v.shape, dtype=np.int8)
    if limits is None:
        return ranks
    with np.errstate(invalid="ignore"):
        valid = np.isfinite(v) & (v >= 0)
    ranks[valid] = n_classes
    # walk from the worst listed class to the best so the best class met wins
    for position in range(len(limits) - 1, -1, -1):
        low, high = _bounds(parameter.direction, limits[position])
        with np.errstate(invalid="ignore"):
            meets = valid & (v >= low) & (v <= high)
        ranks[meets] = position + 1
    return ranks


class WaterClassResult:
    """Per-parameter classes, the overall class and the parameter that sets it.

    Attributes
    ----------
    per_parameter : dict of str to numpy.ndarray
        Class key per parameter (``""`` where the value could not be classified).
    ranks : dict of str to numpy.ndarray
        The same as integer ranks, 1 = best class, 0 = not classified.
    overall : numpy.ndarray
        Class key of the worst classified parameter (``""`` where nothing was classified).
    overall_rank : numpy.ndarray
        Its rank (0 where nothing was classified).
    limiting : numpy.ndarray
        Id of the parameter that sets the overall class; when several share the worst class,
        the first in the standard's table order. ``""`` where nothing was classified.
    """

    def __init__(self, standard: WaterStandard, ranks: dict, overall_from: tuple[str, ...]):
        self.standard = standard
        self.ranks = ranks
        keys = np.array(["", *standard.class_keys], dtype=object)
        self.per_parameter = {name: _take(keys, rank) for name, rank in ranks.items()}
        order = [p for p in standard.parameters if p in ranks and p in overall_from]
        shape = next(iter(ranks.values())).shape if ranks else ()
        overall = np.zeros(shape, dtype=np.int8)
        code = np.full(shape, -1, dtype=np.intp)
        for position, name in enumerate(order):
            worse = ranks[name] > overall  # strict: the first in table order keeps a tie
            overall = np.where(worse, ranks[name], overall)
            code = np.where(worse, position, code)
        self.overall_rank = overall
        self.overall = _take(keys, overall)
        self.limiting = _take(np.array([*order, ""], dtype=object), code)

    def __repr__(self) -> str:
        return (
            f"WaterClassResult(standard={self.standard.id!r}, overall={self.overall!r}, "
            f"limiting={self.limiting!r})"
        )


def _take(labels: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """``labels[codes]`` that stays an array for 0-d ``codes`` (scalar in, 0-d array out)."""
    return labels[codes.reshape(-1)].reshape(codes.shape)


def classify(
    standard: WaterStandard,
    values: Mapping,
    *,
    waterbody: str = "river",
    overall_from: Iterable[str] | None = None,
) -> WaterClassResult:
    """Classify each parameter, then take the worst class as the overall class."""
    if waterbody not in standard.waterbodies:
        raise ValueError(
            f"{standard.id} has no limits for waterbody {waterbody!r}; choose one of: "
            f"{', '.join(standard.waterbodies)}"
        )
    if not values:
        raise ValueError("give at least one parameter value")
    known = {**standard.parameters, **standard.auxiliary}
    unknown = [name for name in values if name not in known]
    if unknown:
        raise ValueError(
            f"{standard.id} has no parameter {unknown[0]!r}; choose from: {', '.join(known)}"
        )
    if overall_from is None:
        overall_from = tuple(standard.parameters)
    else:
        overall_from = tuple(overall_from)
        bad = [name for name in overall_from if name not in standard.parameters]
        if bad:
            raise ValueError(
                f"{standard.id} has no parameter {bad[0]!r}; choose from: "
                f"{', '.join(standard.parameters)}"
            )
    arrays = {name: np.asarray(value, dtype=float) for name, value in values.items()}
    shape = np.broadcast_shapes(*(a.shape for a in arrays.values()))
    arrays = {name: np.broadcast_to(a, shape) for name, a in arrays.items()}
    n_classes = len(standard.classes)
    ranks = {
        name: class_ranks(standard.parameters[name], arrays[name], waterbody, n_classes)
        for name in arrays
        if name in standard.parameters
    }
    if standard.adjust is not None:
        standard.adjust(ranks, arrays, waterbody)
    return WaterClassResult(standard, ranks, overall_from)


def format_limit(parameter: Parameter, limit) -> str:
    """A limit as the standards print it: ``≤ 0.5``, ``≥ 6``, ``6–9``, ``–`` or ``n``."""
    if limit == ANY:
        return "–"
    if limit == NATURAL:
        return "n"
    if parameter.direction == UPPER:
        return f"≤ {_number(limit)}"
    if parameter.direction == LOWER:
        return f"≥ {_number(limit)}"
    low, high = limit
    return f"{_number(low)}–{_number(high)}"


def _number(value) -> str:
    """Plain decimals as the tables print them: ``0.00005``, ``7.5``, ``20,000``."""
    text = np.format_float_positional(float(value), trim="-")
    if value >= 1000 and float(value).is_integer():
        text = f"{int(value):,}"
    return text
