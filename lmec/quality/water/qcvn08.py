"""Viet Nam QCVN 08:2023/BTNMT National technical regulation on surface water quality.

The 2023 regulation [1]_ replaced the A1/A2/B1/B2 columns of QCVN 08-MT:2015 by two kinds of
table:

- Table 1 -- maximum values of parameters that affect human health (one limit each, no
  classes): kept here as :data:`HEALTH_LIMITS` for exceedance checks, not used for classes;
- Table 2 -- classification of rivers, streams, canals and ditches into levels A (good), B
  (medium), C (bad) and D (very bad) on pH, BOD5, COD, TOC, TSS, DO, total phosphorus,
  total nitrogen, total coliform and thermotolerant ("heat-resistant") coliform -- this is
  what :func:`lmec.quality.water.classify` implements, level by level as classes 1-4;
- Table 3 -- the same for lakes, ponds and lagoons, with chlorophyll-a. Not implemented
  (``waterbody="lake"`` is refused): its levels C and D could not be read in any source, see
  "Verification" below.

How the levels map: each parameter gets the best level whose limit it meets; a value beyond
the level C limit is level D (the D column of Table 2 is the complement of C: "> 10", "< 6.0
or > 8.5", ...). The overall level is the worst parameter's level, as for the other
standards. Two entries need more than a number:

- TSS: level C is "> 100 and no floating trash", D "> 100 and floating trash". Give
  ``floating_trash`` (1 present, 0 absent) with the sample; without it TSS > 100 is level C.
- DO: levels A/B/C are ≥ 6.0/5.0/4.0 mg/L, so anything below 4.0 is level D. (The
  translation we read prints "≥ 2.0" in the D cell; whatever the D cell's lower bound, a
  value below 4.0 meets no better level and there is no level after D.)

Verification (cell by cell, Table 2 = 4 levels x 10 parameters = 40 cells):

- The Vietnamese original could not be read. The copies of the regulation we found stop
  before Table 2 (thuvienphapluat.vn and ungphosuco.vn: Table 1 only; greenstarvn.com,
  aquaco.vn, hoabinhxanh.vn, hethongphapluat.com: introduction only) or leave Tables 2 and 3
  out (a Markdown conversion of the regulation in a public code repository, which has Tables
  1 and 4). Provincial software found on GitHub shows the column headers of Tables 2 and 3,
  no limits.
- Every cell therefore comes from the English translation [2]_, re-read for this check: 36
  of the 40 cells are printed there and agree with :data:`_TABLE`; four are hidden: A DO, B
  TSS, C TOC and D COD. Three were completed from the table's own structure and are marked
  in the parameter notes (A DO ≥ 6.0, as printed for level A of Table 3; B TSS ≤ 100 and C
  TOC ≤ 8, from the neighbouring "> 100" and "> 8" cells); D COD is not needed (level D is
  everything beyond C ≤ 20). Treat this standard as provisional until the Vietnamese text is
  read; see ``lmec/quality/README.md``.

References
----------
.. [1] Ministry of Natural Resources and Environment, QCVN 08:2023/BTNMT Quy chuẩn kỹ thuật
   quốc gia về chất lượng nước mặt (National technical regulation on surface water quality),
   issued with Circular 01/2023/TT-BTNMT of 13 March 2023, in force 12 September 2023.
.. [2] English translation of [1], "National technical regulation QCVN 08:2023/BTNMT for
   surface water quality", Tables 2 and 3, as published by dulieuphapluat.vn
   (dulieuphapluat.vn/van-ban/tai-nguyen-moi-truong-van-ban/national-technical-regulation-
   qcvn-082023btnmt-for-surface-water-quality-1162161.html); some cells hidden.
"""

from __future__ import annotations

import numpy as np

from ._core import ANY, LOWER, RANGE, UPPER, Parameter, WaterClass, WaterStandard

_NAMES = {
    "ph": ("pH", "pH"),
    "bod5": ("BOD5 (20 °C)", "Nhu cầu oxy sinh hóa (BOD5)"),
    "cod": ("COD", "Nhu cầu oxy hóa học (COD)"),
    "toc": ("Total organic carbon", "Tổng cacbon hữu cơ (TOC)"),
    "tss": ("Total suspended solids", "Tổng chất rắn lơ lửng (TSS)"),
    "do": ("Dissolved oxygen", "Oxy hòa tan (DO)"),
    "tp": ("Total phosphorus", "Tổng Phosphor (TP)"),
    "tn": ("Total nitrogen", "Tổng Nitơ (TN)"),
    "total_coliform": ("Total coliform", "Tổng Coliform"),
    "fecal_coliform": ("Thermotolerant coliform", "Coliform chịu nhiệt"),
}

# [2], Table 2 (rivers, streams, canals): id, unit, direction, limits of levels A, B, C.
# Level D is everything beyond C.
_TABLE = (
    ("ph", "1", RANGE, ((6.5, 8.5), (6.0, 8.5), (6.0, 8.5))),
    ("bod5", "mg/L", UPPER, (4, 6, 10)),
    ("cod", "mg/L", UPPER, (10, 15, 20)),
    ("toc", "mg/L", UPPER, (4, 6, 8)),
    ("tss", "mg/L", UPPER, (25, 100, ANY)),  # C/D: > 100 without/with floating trash
    ("do", "mg/L", LOWER, (6.0, 5.0, 4.0)),
    ("tp", "mg/L", UPPER, (0.1, 0.3, 0.5)),
    ("tn", "mg/L", UPPER, (0.6, 1.5, 2.0)),
    ("total_coliform", "CFU or MPN/100 mL", UPPER, (1000, 5000, 7500)),
    ("fecal_coliform", "CFU or MPN/100 mL", UPPER, (200, 1000, 1500)),
)

_NOTES = {
    "do": "level A cell hidden in [2]; 6.0 as printed for level A of Table 3. Below 4.0: D",
    "tss": "level B cell hidden in [2]; 100 from the C/D cells '> 100'. D needs floating trash",
    "toc": "level C cell hidden in [2]; 8 from the D cell '> 8'",
    "fecal_coliform": "'Coliform chịu nhiệt' (heat-resistant, i.e. thermotolerant coliform)",
}

#: [1], Table 1: maximum values of parameters that affect human health [mg/L]; one limit per
#: parameter, not a class (items 1-19 of the table).
HEALTH_LIMITS = {
    "no2_n": 0.05,
    "nh4_n": 0.3,
    "cl": 250.0,
    "f": 1.0,
    "cn": 0.01,
    "as": 0.01,
    "cd": 0.005,
    "pb": 0.02,
    "cr6": 0.01,
    "cr": 0.05,
    "cu": 0.1,
    "zn": 0.5,
    "ni": 0.1,
    "mn": 0.1,
    "hg": 0.001,
    "fe": 0.5,
    "sb": 0.02,
    "las": 0.1,
    "phenol": 0.005,
}


def _parameter(pid, unit, direction, limits):
    en, vi = _NAMES[pid]
    return Parameter(
        pid,
        unit,
        direction,
        {"river": tuple(limits)},
        {"en": en, "vi": vi},
        "[2], Table 2",
        _NOTES.get(pid, ""),
    )


def _floating_trash_adjust(ranks, arrays, waterbody):
    """TSS above 100 mg/L is level D where floating trash was seen, level C otherwise."""
    if "tss" not in ranks or "floating_trash" not in arrays:
        return
    with np.errstate(invalid="ignore"):
        trash = (arrays["floating_trash"] > 0) & (arrays["tss"] > 100)
    ranks["tss"] = np.where(trash & (ranks["tss"] > 0), 4, ranks["tss"]).astype(np.int8)


def _level(key, rank, quality_en, quality_vi):
    return WaterClass(
        key,
        rank,
        {
            "en": f"Level {key}",
            "vi": f"Mức {key}",
            "quality-en": quality_en,
            "quality-vi": quality_vi,
        },
    )


VN_QCVN08_2023 = WaterStandard(
    id="vn-qcvn08-2023",
    name="Viet Nam QCVN 08:2023/BTNMT National technical regulation on surface water quality",
    short_name="QCVN 08:2023 (VN)",
    country="VN",
    source="QCVN 08:2023/BTNMT, Table 2 (MONRE, Circular 01/2023/TT-BTNMT)",
    year=2023,
    classes=(
        _level("A", 1, "Good", "Chất lượng nước tốt"),
        _level("B", 2, "Medium", "Chất lượng nước trung bình"),
        _level("C", 3, "Bad", "Chất lượng nước xấu"),
        _level("D", 4, "Very bad", "Chất lượng nước rất xấu"),
    ),
    parameters={p.id: p for p in (_parameter(*row) for row in _TABLE)},
    waterbodies=("river",),
    references=(
        "QCVN 08:2023/BTNMT, Table 2 (rivers, streams, canals, ditches)",
        "English translation of QCVN 08:2023/BTNMT (dulieuphapluat.vn)",
    ),
    auxiliary={"floating_trash": "1 if floating trash is present, 0 if not"},
    adjust=_floating_trash_adjust,
    notes=(
        "Provisional: read in one English translation, not in the Vietnamese original; three "
        "hidden cells were completed from the table's structure (see parameter notes).",
        "Lakes, ponds and lagoons (Table 3) are not implemented: levels C and D could not be "
        "read in any source.",
    ),
)
