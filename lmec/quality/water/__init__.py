"""Surface-water quality classes under each country's standard (vectorised, NumPy only).

Standards (keys of :data:`STANDARDS`), one module each:

- ``cn-gb3838-2002`` -- China GB 3838-2002, classes Ⅰ–Ⅴ and 劣Ⅴ类, Table 1, single-factor
  evaluation (:mod:`.gb3838`) [1]_ [2]_;
- ``th-neb8-1994`` -- Thailand NEB Notification No. 8 (B.E. 2537), classes 1–5
  (:mod:`.neb8`) [3]_;
- ``vn-qcvn08-2023`` -- Viet Nam QCVN 08:2023/BTNMT, levels A–D for rivers, Table 2
  (:mod:`.qcvn08`) [4]_.

Each parameter is classified on its own; the overall class is the worst of them and the
limiting parameter is the one that sets it. Parameter ids are lower_snake and shared between
standards; units are those of each standard's table (mg/L unless stated):

========================  ===============================================================
``ph``                    pH [1]
``do``                    dissolved oxygen (higher is better)
``cod_mn``                permanganate index (COD_Mn)
``cod``                   chemical oxygen demand (dichromate, COD_Cr)
``bod5``                  five-day biochemical oxygen demand
``toc``                   total organic carbon
``tss``                   total suspended solids
``nh3_n``                 ammonia nitrogen (as N)
``no3_n``                 nitrate nitrogen (as N)
``tp``                    total phosphorus (as P)
``tn``                    total nitrogen (as N)
``cu`` ``zn`` ``ni``      copper, zinc, nickel
``mn`` ``se`` ``as``      manganese, selenium, arsenic
``hg`` ``cd`` ``pb``      mercury (total), cadmium, lead
``cr6``                   hexavalent chromium
``f``                     fluoride (as F⁻)
``cn``                    cyanide
``phenol``                volatile phenol (GB 3838) / phenols (NEB No. 8)
``petroleum``             petroleum (oils)
``las``                   anionic surfactant
``s2``                    sulfide
``total_coliform``        total coliform [MPN/100 mL or CFU/100 mL]
``fecal_coliform``        fecal / thermotolerant coliform [GB 3838: count/L; others: per
                          100 mL]
========================  ===============================================================

Auxiliary inputs change how another parameter is read: ``hardness`` [mg/L as CaCO3] for
cadmium under NEB No. 8, ``floating_trash`` (1/0) for TSS under QCVN 08:2023.

References
----------
.. [1] GB 3838-2002 地表水环境质量标准 (Environmental quality standards for surface water),
   SEPA and AQSIQ, 2002, Table 1.
.. [2] 地表水环境质量评价办法（试行）, Ministry of Environmental Protection, 环办〔2011〕22号.
.. [3] NEB Notification No. 8, B.E. 2537 (1994), surface water quality standards, Thailand.
.. [4] QCVN 08:2023/BTNMT, Ministry of Natural Resources and Environment, Viet Nam, Table 2.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from . import _core
from ._core import (
    ANY,
    CENSORED_RULES,
    LOWER,
    NATURAL,
    RANGE,
    UPPER,
    Parameter,
    WaterClass,
    WaterClassResult,
    WaterStandard,
    format_limit,
)
from .gb3838 import CN_2011_ITEMS, CN_GB3838_2002
from .neb8 import TH_NEB8_1994
from .qcvn08 import VN_QCVN08_2023

__all__ = [
    "ANY",
    "CENSORED_RULES",
    "CN_2011_ITEMS",
    "LOWER",
    "NATURAL",
    "RANGE",
    "STANDARDS",
    "UPPER",
    "Parameter",
    "WaterClass",
    "WaterClassResult",
    "WaterStandard",
    "classify",
    "get_standard",
    "reference_markdown",
    "reference_table",
]

#: Standard id -> :class:`WaterStandard`.
STANDARDS: dict[str, WaterStandard] = {
    s.id: s for s in (CN_GB3838_2002, TH_NEB8_1994, VN_QCVN08_2023)
}


def get_standard(standard: str | WaterStandard) -> WaterStandard:
    """The :class:`WaterStandard` named ``standard``; ``ValueError`` lists the valid ids."""
    if isinstance(standard, WaterStandard):
        return standard
    try:
        return STANDARDS[standard]
    except KeyError:
        raise ValueError(
            f"unknown water standard {standard!r}; choose one of: {', '.join(sorted(STANDARDS))}"
        ) from None


def classify(
    standard: str | WaterStandard,
    values: Mapping,
    *,
    waterbody: str = "river",
    overall_from: Iterable[str] | None = None,
    censored: Mapping | None = None,
    censored_rule: str | None = None,
) -> WaterClassResult:
    """Class of each parameter, the overall (worst) class and the limiting parameter.

    Parameters
    ----------
    standard : str
        A key of :data:`STANDARDS`.
    values : dict of str to float or array_like
        Parameter id -> values in the unit of the standard's table (see the module docstring
        and ``STANDARDS[standard].parameters[id].unit``). Arrays of one length (or
        broadcastable) are classified element by element; a scalar gives 0-d arrays.
        Auxiliary inputs (``hardness``, ``floating_trash``) go in the same mapping.
    waterbody : {"river", "lake"}, default "river"
        Which limits apply where a standard distinguishes them (GB 3838 total phosphorus and
        total nitrogen). ``"lake"`` means lakes and reservoirs.
    overall_from : iterable of str, optional
        Parameters that count for the overall class; by default all given. For China's 2011
        evaluation method pass :data:`CN_2011_ITEMS`.
    censored : dict of str to array_like of bool, optional
        Parameter id -> True where the value is below the detection limit ("<DL"); the value
        given for it is then the detection limit itself, in the table's unit. Parameters
        left out are taken as measured values.
    censored_rule : {"dl", "half_dl"}, optional
        How a censored value is classified; by default the standard's own
        (``STANDARDS[id].censored_rule``): ``"half_dl"`` for ``cn-gb3838-2002``, ``"dl"``
        for the others. See Notes.

    Returns
    -------
    WaterClassResult
        ``per_parameter`` (class keys, ``""`` where not classified), ``ranks`` (1 = best,
        0 = not classified), ``overall``, ``overall_rank`` and ``limiting`` (parameter id,
        ``""`` where nothing was classified); with ``censored``, also ``censored`` (the masks)
        and ``undetermined`` (True where the detection limit is too high to decide the class).

    Raises
    ------
    ValueError
        For an unknown standard, parameter or water body; the message lists the valid ones.

    Notes
    -----
    A value that is NaN or negative is not classified and does not count for the overall
    class. A value exactly at a limit meets it ("≤" and "≥" in every table).

    *Values below the detection limit.* Whether "<DL" meets a limit is a fact about the
    measurement, not a reporting choice, so it is decided here rather than by the caller:
    the true value lies in ``[0, DL)``. It meets every upper limit at or above DL (a
    dissolved-oxygen reading below DL fails every DO limit above DL); where DL is above the
    limit of a better class, the measurement cannot tell whether that class is met, and
    ``undetermined`` says so. The two rules then differ only in which class is reported:

    - ``"dl"``: the worst class the interval allows -- the class whose limit is at or above
      DL ("no better than known"). No rule of the standard is assumed. Used for NEB No. 8
      and QCVN 08:2023, for which no documented rule was found (see
      ``lmec/quality/README.md``).
    - ``"half_dl"``: the class of DL/2. China's statistics rule for surface water [1]_,
      item 7: "当监测数据低于检出限时，以1/2检出限值参与计算和统计" (data below the detection
      limit enter calculation and statistics as half the detection limit); the 2011
      evaluation method itself gives no rule.

    .. [1] Ministry of Ecology and Environment, 地表水环境质量监测数据统计技术规定（试行）
       (Technical provisions on the statistics of surface water quality monitoring data, on
       trial), 环办监测函〔2020〕82号, 2020, item 7.

    Examples
    --------
    >>> r = classify("cn-gb3838-2002", {"do": 5.5, "nh3_n": 1.2, "tp": 0.15})
    >>> str(r.overall), str(r.limiting)
    ('IV', 'nh3_n')

    Mercury below a detection limit of 0.0001 mg/L, above the class I limit 0.00005:

    >>> r = classify("th-neb8-1994", {"hg": 0.0001}, censored={"hg": True})
    >>> str(r.per_parameter["hg"]), bool(r.undetermined["hg"])
    ('2', False)
    >>> r = classify("cn-gb3838-2002", {"hg": 0.0001}, censored={"hg": True}, censored_rule="dl")
    >>> str(r.per_parameter["hg"]), bool(r.undetermined["hg"])
    ('III', True)
    >>> str(classify("cn-gb3838-2002", {"hg": 0.0001}, censored={"hg": True}).per_parameter["hg"])
    'I'
    """
    return _core.classify(
        get_standard(standard),
        values,
        waterbody=waterbody,
        overall_from=overall_from,
        censored=censored,
        censored_rule=censored_rule,
    )


#: Parameters compared side by side in :func:`reference_table` (the documentation table).
COMMON_PARAMETERS = (
    "do",
    "bod5",
    "cod",
    "cod_mn",
    "nh3_n",
    "tp",
    "tn",
    "total_coliform",
    "fecal_coliform",
    "ph",
    "cu",
    "zn",
    "cd",
    "cr6",
    "pb",
    "hg",
    "as",
    "cn",
    "phenol",
)

_PARAMETER_NAMES = {
    "do": "Dissolved oxygen",
    "bod5": "BOD5",
    "cod": "COD (dichromate)",
    "cod_mn": "Permanganate index",
    "nh3_n": "Ammonia nitrogen",
    "tp": "Total phosphorus",
    "tn": "Total nitrogen",
    "total_coliform": "Total coliform",
    "fecal_coliform": "Fecal / thermotolerant coliform",
    "ph": "pH",
    "cu": "Copper",
    "zn": "Zinc",
    "cd": "Cadmium",
    "cr6": "Chromium (VI)",
    "pb": "Lead",
    "hg": "Mercury",
    "as": "Arsenic",
    "cn": "Cyanide",
    "phenol": "Phenol(s)",
}


def _limits_text(standard: WaterStandard, parameter: Parameter, waterbody: str) -> str:
    """``I ≤ 0.15 · II ≤ 0.5 ...`` with runs of equal limits joined (``2–4 ≤ 0.5``)."""
    limits = parameter.limits[waterbody]
    keys = standard.class_keys
    parts = []
    start = 0
    for position in range(1, len(limits) + 1):
        if position < len(limits) and limits[position] == limits[start]:
            continue
        label = keys[start] if position - 1 == start else f"{keys[start]}–{keys[position - 1]}"
        parts.append(f"{label} {format_limit(parameter, limits[start])}")
        start = position
    return " · ".join(parts)


def reference_table(parameters: Iterable[str] = COMMON_PARAMETERS) -> list[dict]:
    """Class limits of every standard for each parameter, for tables side by side.

    Returns
    -------
    list of dict
        One row per parameter: ``{"parameter": id, "name": English name, "standards":
        {standard id: {"unit": str, "river": str, "lake": str or None}}}``, where the
        strings list the class limits best class first (``"I ≤ 0.15 · II ≤ 0.5 ..."``) and a
        standard without the parameter is absent from ``standards``.
    """
    rows = []
    for pid in parameters:
        cells = {}
        for standard in STANDARDS.values():
            parameter = standard.parameters.get(pid)
            if parameter is None:
                continue
            cell = {"unit": parameter.unit, "river": None, "lake": None}
            for waterbody in ("river", "lake"):
                if waterbody in parameter.limits and waterbody in standard.waterbodies:
                    cell[waterbody] = _limits_text(standard, parameter, waterbody)
            cells[standard.id] = cell
        rows.append({"parameter": pid, "name": _PARAMETER_NAMES.get(pid, pid), "standards": cells})
    return rows


def reference_markdown(parameters: Iterable[str] = COMMON_PARAMETERS) -> str:
    """:func:`reference_table` as a Markdown table, one column per standard."""
    ids = list(STANDARDS)
    header = ["Parameter", *(STANDARDS[s].short_name for s in ids)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in reference_table(parameters):
        cells = [f"{row['name']} (`{row['parameter']}`)"]
        for sid in ids:
            cell = row["standards"].get(sid)
            if cell is None:
                cells.append("not set")
                continue
            if cell["river"] is not None and cell["lake"] not in (None, cell["river"]):
                text = f"rivers: {cell['river']}; lakes: {cell['lake']}"
            elif cell["river"] is not None:
                text = cell["river"]
            else:
                text = f"lakes only: {cell['lake']}"
            unit = "" if cell["unit"] == "1" else f" [{cell['unit']}]"
            cells.append(text + unit)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
