"""Thailand surface water quality standard, NEB Notification No. 8 (B.E. 2537, 1994).

Five classes of surface water source [1]_: class 1 "natural" water, classes 2-4 with the
numerical limits of the notification's table, and class 5 for water that meets none of
them (used for navigation). The table is implemented for its numerical items 3-20 [2]_:

- class 1 is written "n" (natural conditions) for every item, so no measurement can place a
  sample there: the best class a number can reach is class 2;
- a "–" (no limit) for class 4 (total and fecal coliform) means those items cannot push a
  sample below class 4;
- cadmium is 0.005 mg/L where water hardness is at most 100 mg/L as CaCO3 and 0.05 mg/L above
  it; give ``hardness`` [mg/L as CaCO3] with the sample, otherwise the stricter 0.005 applies;
- DO is judged on the 20th percentile, BOD and the coliforms on the 80th percentile of the
  samples (the table's "Statistics" column). The function takes the value it is given as
  that statistic: pass the percentile of a station's samples (:func:`statistic` computes
  it), not a single sample, when the result is to mean compliance with the notification.

Not implemented: colour, odour, taste and temperature ("n'", natural change only), and items
21-28 (radioactivity alpha and beta, total organochlorine pesticides, DDT, alpha-BHC,
dieldrin, aldrin, heptachlor and heptachlor epoxide, endrin). No readable copy of their rows
was found: the PCD table as published by WEPA [2]_ ends at "21. Radioactivity - Alpha", the
stored copy of the Thai notification (hydrolaw.thaiwater.net) holds its preamble but not its
table, and the only numbers seen for these items are chart thresholds in the JavaScript of
a public monitoring dashboard (EnGRIDS, engrids.soc.cmu.ac.th, Eastern Economic Corridor:
one "radioactivity" value, no alpha/beta split, no class columns), which are not a
transcription of the notification and are not used. The text of the cadmium footnotes
(``*``, ``**``) was not found either; see ``lmec/quality/README.md``.

References
----------
.. [1] National Environment Board, Notification No. 8, B.E. 2537 (1994), issued under the
   Enhancement and Conservation of National Environmental Quality Act B.E. 2535, on surface
   water quality standards (ประกาศคณะกรรมการสิ่งแวดล้อมแห่งชาติ ฉบับที่ ๘ (พ.ศ. ๒๕๓๗) เรื่อง
   กำหนดมาตรฐานคุณภาพน้ำในแหล่งน้ำผิวดิน).
.. [2] Pollution Control Department, Surface Water Quality Standard table (English), as
   published by the WEPA database (wepa-db.net, Thailand, std_surface_water).
"""

from __future__ import annotations

import warnings

import numpy as np

from ._core import ANY, LOWER, NATURAL, RANGE, UPPER, Parameter, WaterClass, WaterStandard

#: Item names in English and Thai.
_NAMES = {
    "ph": ("pH", "ความเป็นกรดและด่าง"),
    "do": ("Dissolved oxygen", "ออกซิเจนละลาย"),
    "bod5": ("BOD (5 days, 20 °C)", "บีโอดี"),
    "total_coliform": ("Total coliform bacteria", "แบคทีเรียกลุ่มโคลิฟอร์มทั้งหมด"),
    "fecal_coliform": ("Fecal coliform bacteria", "แบคทีเรียกลุ่มฟีคอลโคลิฟอร์ม"),
    "no3_n": ("Nitrate nitrogen", "ไนเตรตในหน่วยไนโตรเจน"),
    "nh3_n": ("Ammonia nitrogen", "แอมโมเนียในหน่วยไนโตรเจน"),
    "phenol": ("Phenols", "ฟีนอล"),
    "cu": ("Copper", "ทองแดง"),
    "ni": ("Nickel", "นิคเกิล"),
    "mn": ("Manganese", "แมงกานีส"),
    "zn": ("Zinc", "สังกะสี"),
    "cd": ("Cadmium", "แคดเมียม"),
    "cr6": ("Chromium (VI)", "โครเมียมชนิดเฮ็กซาวาเลนท์"),
    "pb": ("Lead", "ตะกั่ว"),
    "hg": ("Total mercury", "ปรอททั้งหมด"),
    "as": ("Arsenic", "สารหนู"),
    "cn": ("Cyanide", "ไซยาไนด์"),
}

# [2]: item number, id, unit, direction, statistic, limits of classes 2, 3, 4. Class 1 is "n"
# for every item; one value spanning classes 2-4 in the table is repeated here.
_TABLE = (
    (3, "ph", "1", RANGE, "", [(5, 9)] * 3),
    (4, "do", "mg/L", LOWER, "P20", (6.0, 4.0, 2.0)),
    (5, "bod5", "mg/L", UPPER, "P80", (1.5, 2.0, 4.0)),
    (6, "total_coliform", "MPN/100 mL", UPPER, "P80", (5000, 20000, ANY)),
    (7, "fecal_coliform", "MPN/100 mL", UPPER, "P80", (1000, 4000, ANY)),
    (8, "no3_n", "mg/L", UPPER, "", (5.0,) * 3),
    (9, "nh3_n", "mg/L", UPPER, "", (0.5,) * 3),
    (10, "phenol", "mg/L", UPPER, "", (0.005,) * 3),
    (11, "cu", "mg/L", UPPER, "", (0.1,) * 3),
    (12, "ni", "mg/L", UPPER, "", (0.1,) * 3),
    (13, "mn", "mg/L", UPPER, "", (1.0,) * 3),
    (14, "zn", "mg/L", UPPER, "", (1.0,) * 3),
    (15, "cd", "mg/L", UPPER, "", (0.005,) * 3),
    (16, "cr6", "mg/L", UPPER, "", (0.05,) * 3),
    (17, "pb", "mg/L", UPPER, "", (0.05,) * 3),
    (18, "hg", "mg/L", UPPER, "", (0.002,) * 3),
    (19, "as", "mg/L", UPPER, "", (0.01,) * 3),
    (20, "cn", "mg/L", UPPER, "", (0.005,) * 3),
)

#: [2], "Statistics" column: the percentile of a station's samples each item is judged on.
PERCENTILES = {"do": 20, "bod5": 80, "total_coliform": 80, "fecal_coliform": 80}


def statistic(parameter: str, samples, axis: int = -1) -> np.ndarray:
    """The value NEB No. 8 judges ``parameter`` on: a percentile of the samples, or their max.

    Parameters
    ----------
    parameter : str
        ``do`` (20th percentile), ``bod5``, ``total_coliform``, ``fecal_coliform`` (80th
        percentile); for the other items the table names no statistic and the highest sample
        is returned (every sample must meet the limit).
    samples : array_like
        Sample values along ``axis``, in the table's unit; NaN samples are skipped.
    axis : int, default -1
        The axis that holds one station's samples.

    Returns
    -------
    numpy.ndarray
        The statistic, with ``axis`` removed; NaN where a station has no valid sample.

    Notes
    -----
    The notification does not say how to interpolate a percentile; NumPy's default (linear
    between order statistics) is used.
    """
    if parameter not in TH_NEB8_1994.parameters:
        raise ValueError(
            f"th-neb8-1994 has no parameter {parameter!r}; choose from: "
            f"{', '.join(TH_NEB8_1994.parameters)}"
        )
    v = np.asarray(samples, dtype=float)
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN stations give NaN
        if parameter in PERCENTILES:
            return np.nanpercentile(v, PERCENTILES[parameter], axis=axis)
        return np.nanmax(v, axis=axis)


#: [2], item 15, the value marked ``**``: cadmium where hardness > 100 mg/L as CaCO3 (the
#: footnote text itself was not read; the hardness reading is the commonly cited one).
CD_HARD_WATER_LIMIT = 0.05
#: The hardness above which :data:`CD_HARD_WATER_LIMIT` applies [mg/L as CaCO3].
HARDNESS_THRESHOLD = 100.0


def _parameter(number, pid, unit, direction, statistic, limits):
    en, th = _NAMES[pid]
    note = f"judged on the {statistic[1:]}th percentile of samples" if statistic else ""
    if pid == "cd":
        note = "0.005 where hardness ≤ 100 mg/L as CaCO3, 0.05 above it (needs 'hardness')"
    row = (NATURAL, *limits)
    return Parameter(
        pid,
        unit,
        direction,
        {"river": row, "lake": row},
        {"en": en, "th": th},
        f"[2], item {number}",
        note,
    )


def _hardness_adjust(ranks, arrays, waterbody):
    """Reclassify cadmium against 0.05 mg/L where hardness exceeds 100 mg/L as CaCO3."""
    if "cd" not in ranks or "hardness" not in arrays:
        return
    cd = arrays["cd"]
    with np.errstate(invalid="ignore"):
        hard = arrays["hardness"] > HARDNESS_THRESHOLD
        meets = hard & (ranks["cd"] > 0) & (cd <= CD_HARD_WATER_LIMIT)
    ranks["cd"] = np.where(meets, 2, ranks["cd"]).astype(np.int8)


def _class(number, th_name):
    return WaterClass(str(number), number, {"en": f"Class {number}", "th": th_name})


TH_NEB8_1994 = WaterStandard(
    id="th-neb8-1994",
    name="Thailand surface water quality standard (NEB Notification No. 8, B.E. 2537)",
    short_name="NEB No. 8, 1994 (TH)",
    country="TH",
    source="NEB Notification No. 8 (B.E. 2537, 1994), surface water quality standard table",
    year=1994,
    classes=tuple(_class(n, f"ประเภทที่ {n}") for n in range(1, 6)),
    parameters={p.id: p for p in (_parameter(*row) for row in _TABLE)},
    waterbodies=("river", "lake"),
    references=(
        "NEB Notification No. 8 (B.E. 2537) on surface water quality standards",
        "PCD surface water quality standard table (WEPA database transcription)",
    ),
    auxiliary={"hardness": "mg/L as CaCO3"},
    adjust=_hardness_adjust,
    notes=(
        "Class 1 requires natural conditions ('n'); the best class a measurement can reach is 2.",
        "DO is the 20th and BOD and coliforms the 80th percentile of samples; the value given "
        "is taken as that statistic.",
        "Items 21-28 (radioactivity, organochlorine pesticides) are not implemented: no "
        "readable copy of their rows was found.",
    ),
)
