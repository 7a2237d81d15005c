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
    #: How a value below the detection limit is classified by default: ``"dl"`` (the worst
    #: class the measurement allows, see :func:`classify`) or ``"half_dl"`` (the value is
    #: taken as half the detection limit, where the country's method says so).
    censored_rule: str = "dl"
    #: Where the standard's country documents that rule (empty: no documented rule found).
    censored_source: str = ""

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


#: Rules for values below the detection limit (see :func:`classify`).
CENSORED_RULES = ("dl", "half_dl")


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
    censored : dict of str to numpy.ndarray
        For the parameters given with a ``censored`` mask: True where the value was below the
        detection limit.
    undetermined : dict of str to numpy.ndarray
        For the same parameters: True where the measurement cannot decide the class -- the
        value is below a detection limit that lies above the limit of a better class, so the
        true class may be better than the one reported (or, under ``"half_dl"``, better or
        worse).
    censored_rule : str
        The rule that was applied (``"dl"`` or ``"half_dl"``).
    """

    def __init__(
        self,
        standard: WaterStandard,
        ranks: dict,
        overall_from: tuple[str, ...],
        *,
        censored: dict | None = None,
        undetermined: dict | None = None,
        censored_rule: str = "dl",
    ):
        self.standard = standard
        self.ranks = ranks
        self.censored = censored or {}
        self.undetermined = undetermined or {}
        self.censored_rule = censored_rule
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
    censored: Mapping | None = None,
    censored_rule: str | None = None,
) -> WaterClassResult:
    """Classify each parameter, then take the worst class as the overall class.

    ``censored`` marks values below the detection limit (the value given is the limit). Such
    a value lies somewhere in ``[0, DL)``; a class is certain where every value of that
    interval meets its limit, undecidable where only some do. ``censored_rule`` ``"dl"``
    reports the worst class the interval allows (an upper limit at or above DL is met; one
    below DL cannot be claimed) and marks the result undetermined where a better class is
    possible; ``"half_dl"`` classifies DL/2, the convention China's statistics rule sets.
    """
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
    rule = standard.censored_rule if censored_rule is None else censored_rule
    if rule not in CENSORED_RULES:
        raise ValueError(
            f"unknown censored_rule {rule!r}; choose one of: {', '.join(CENSORED_RULES)}"
        )
    censored = dict(censored or {})
    stray = [name for name in censored if name not in values]
    if stray:
        raise ValueError(
            f"censored names {stray[0]!r}, which has no value; give censored masks only for "
            f"the parameters given: {', '.join(values)}"
        )
    arrays = {name: np.asarray(value, dtype=float) for name, value in values.items()}
    masks = {name: np.asarray(mask, dtype=bool) for name, mask in censored.items()}
    shape = np.broadcast_shapes(
        *(a.shape for a in arrays.values()), *(m.shape for m in masks.values())
    )
    arrays = {name: np.broadcast_to(a, shape) for name, a in arrays.items()}
    masks = {name: np.broadcast_to(m, shape) for name, m in masks.items()}

    def ranks_of(inputs):
        n_classes = len(standard.classes)
        out = {
            name: class_ranks(standard.parameters[name], inputs[name], waterbody, n_classes)
            for name in inputs
            if name in standard.parameters
        }
        if standard.adjust is not None:
            standard.adjust(out, inputs, waterbody)
        return out

    if not masks:
        return WaterClassResult(standard, ranks_of(arrays), overall_from, censored_rule=rule)

    # the two ends of the interval [0, DL) a censored value lies in; each class's set of
    # accepted values is an interval, so the best and worst class over [0, DL) are at its ends
    at_zero = ranks_of(
        {name: np.where(masks[name], 0.0, a) if name in masks else a for name, a in arrays.items()}
    )
    at_dl = ranks_of(arrays)
    if rule == "half_dl":
        ranks = ranks_of(
            {
                name: np.where(masks[name], a / 2, a) if name in masks else a
                for name, a in arrays.items()
            }
        )
    else:
        ranks = {name: np.maximum(at_zero[name], at_dl[name]) for name in at_dl}
    undetermined = {}
    for name, mask in masks.items():
        if name not in ranks:
            continue  # an auxiliary input (hardness) is not classified itself
        valid = at_dl[name] > 0
        ranks[name] = np.where(mask & ~valid, 0, ranks[name]).astype(np.int8)
        undetermined[name] = mask & valid & (at_zero[name] != at_dl[name])
    return WaterClassResult(
        standard,
        ranks,
        overall_from,
        censored={name: m.copy() for name, m in masks.items() if name in ranks},
        undetermined=undetermined,
        censored_rule=rule,
    )


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
