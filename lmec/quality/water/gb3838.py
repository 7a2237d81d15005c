"""China GB 3838-2002 Environmental quality standards for surface water, Table 1.

Classes Ⅰ–Ⅴ and 劣Ⅴ类 (worse than Ⅴ) for the basic items of Table 1 [1]_, evaluated item by
item and combined by the single-factor rule of the national evaluation method [2]_: a sample
takes the class of its worst item.

What is implemented, item by item (Table 1 numbering):

1. water temperature -- not classified: the standard gives no concentration but a limit on
   the man-made change (weekly mean rise ≤ 1 °C, fall ≤ 2 °C), which needs a reference
   temperature this function does not have.
2. pH 6–9 in every class; outside it a sample is worse than Ⅴ.
3. DO: higher is better; class Ⅰ is "saturation 90 % (or 7.5 mg/L)" and the 7.5 mg/L form
   is used.
4.–24. permanganate index ... fecal coliform, upper limits. Total phosphorus has its own,
   lower, limits for lakes and reservoirs (``waterbody="lake"``); total nitrogen is set for
   lakes and reservoirs only, so it is not classified with ``waterbody="river"``.

Where two classes share a limit (COD 15 for Ⅰ and Ⅱ) a value meeting it takes the better
class. The evaluation method [2]_ leaves water temperature, total nitrogen and fecal coliform
out of the class of a monitoring section ("21 items"; they are reported separately); pass
``overall_from=CN_2011_ITEMS`` to follow it.

A value below the detection limit ("<DL", ``censored``) is classified as DL/2, the rule of
China's statistics provisions for surface-water data [3]_ (the 2011 method has none).

References
----------
.. [1] State Environmental Protection Administration and AQSIQ, GB 3838-2002 地表水环境质量
   标准 (Environmental quality standards for surface water), 2002, Table 1.
.. [2] Ministry of Environmental Protection, 地表水环境质量评价办法（试行） (Evaluation
   method for surface water environmental quality, on trial), 环办〔2011〕22号, 2011.
.. [3] Ministry of Ecology and Environment, 地表水环境质量监测数据统计技术规定（试行）
   (Technical provisions on the statistics of surface water quality monitoring data, on
   trial), 环办监测函〔2020〕82号, 2020, item 7: values below the detection limit count as
   half the detection limit.
"""

from __future__ import annotations

from ._core import LOWER, RANGE, UPPER, Parameter, WaterClass, WaterStandard

_T1 = "[1], Table 1"


#: Item names in English and Chinese as Table 1 prints them.
_NAMES = {
    "ph": ("pH", "pH值"),
    "do": ("Dissolved oxygen", "溶解氧"),
    "cod_mn": ("Permanganate index", "高锰酸盐指数"),
    "cod": ("Chemical oxygen demand", "化学需氧量"),
    "bod5": ("Five-day biochemical oxygen demand", "五日生化需氧量"),
    "nh3_n": ("Ammonia nitrogen", "氨氮"),
    "tp": ("Total phosphorus", "总磷"),
    "tn": ("Total nitrogen", "总氮"),
    "cu": ("Copper", "铜"),
    "zn": ("Zinc", "锌"),
    "f": ("Fluoride", "氟化物"),
    "se": ("Selenium", "硒"),
    "as": ("Arsenic", "砷"),
    "hg": ("Mercury", "汞"),
    "cd": ("Cadmium", "镉"),
    "cr6": ("Chromium (VI)", "铬（六价）"),
    "pb": ("Lead", "铅"),
    "cn": ("Cyanide", "氰化物"),
    "phenol": ("Volatile phenol", "挥发酚"),
    "petroleum": ("Petroleum", "石油类"),
    "las": ("Anionic surfactant", "阴离子表面活性剂"),
    "s2": ("Sulfide", "硫化物"),
    "fecal_coliform": ("Fecal coliform", "粪大肠菌群"),
}

# [1], Table 1: item number, id, unit, direction, limits of classes Ⅰ..Ⅴ. A value beyond the
# class Ⅴ limit is 劣Ⅴ类. ``None`` for rivers: the item is set for lakes and reservoirs only.
_TABLE = (
    (2, "ph", "1", RANGE, [(6, 9)] * 5),
    (3, "do", "mg/L", LOWER, (7.5, 6, 5, 3, 2)),
    (4, "cod_mn", "mg/L", UPPER, (2, 4, 6, 10, 15)),
    (5, "cod", "mg/L", UPPER, (15, 15, 20, 30, 40)),
    (6, "bod5", "mg/L", UPPER, (3, 3, 4, 6, 10)),
    (7, "nh3_n", "mg/L", UPPER, (0.15, 0.5, 1.0, 1.5, 2.0)),
    (8, "tp", "mg/L", UPPER, (0.02, 0.1, 0.2, 0.3, 0.4)),
    (9, "tn", "mg/L", UPPER, None),
    (10, "cu", "mg/L", UPPER, (0.01, 1.0, 1.0, 1.0, 1.0)),
    (11, "zn", "mg/L", UPPER, (0.05, 1.0, 1.0, 2.0, 2.0)),
    (12, "f", "mg/L", UPPER, (1.0, 1.0, 1.0, 1.5, 1.5)),
    (13, "se", "mg/L", UPPER, (0.01, 0.01, 0.01, 0.02, 0.02)),
    (14, "as", "mg/L", UPPER, (0.05, 0.05, 0.05, 0.1, 0.1)),
    (15, "hg", "mg/L", UPPER, (0.00005, 0.00005, 0.0001, 0.001, 0.001)),
    (16, "cd", "mg/L", UPPER, (0.001, 0.005, 0.005, 0.005, 0.01)),
    (17, "cr6", "mg/L", UPPER, (0.01, 0.05, 0.05, 0.05, 0.1)),
    (18, "pb", "mg/L", UPPER, (0.01, 0.01, 0.05, 0.05, 0.1)),
    (19, "cn", "mg/L", UPPER, (0.005, 0.05, 0.2, 0.2, 0.2)),
    (20, "phenol", "mg/L", UPPER, (0.002, 0.002, 0.005, 0.01, 0.1)),
    (21, "petroleum", "mg/L", UPPER, (0.05, 0.05, 0.05, 0.5, 1.0)),
    (22, "las", "mg/L", UPPER, (0.2, 0.2, 0.2, 0.3, 0.3)),
    (23, "s2", "mg/L", UPPER, (0.05, 0.1, 0.2, 0.5, 1.0)),
    (24, "fecal_coliform", "count/L", UPPER, (200, 2000, 10000, 20000, 40000)),
)

# [1], Table 1, item 8 and 9: the bracketed 湖、库 (lakes and reservoirs) limits
_LAKE = {"tp": (0.01, 0.025, 0.05, 0.1, 0.2), "tn": (0.2, 0.5, 1.0, 1.5, 2.0)}

_NOTES = {
    "do": "class Ⅰ reads 'saturation 90 % (or 7.5)'; the 7.5 mg/L form is used",
    "tp": "lakes and reservoirs have their own, lower, limits",
    "tn": "set for lakes and reservoirs only (湖、库)",
}


def _parameter(number, pid, unit, direction, river):
    lake = _LAKE.get(pid, river)
    limits = (
        {"lake": tuple(lake)} if river is None else {"river": tuple(river), "lake": tuple(lake)}
    )
    en, zh = _NAMES[pid]
    return Parameter(
        pid,
        unit,
        direction,
        limits,
        {"en": en, "zh-hans": zh},
        f"{_T1}, item {number}",
        _NOTES.get(pid, ""),
    )


_PARAMETERS = tuple(_parameter(*row) for row in _TABLE)

#: The items that set the class of a monitoring section under the 2011 evaluation method
#: ([2], 评价指标): Table 1 less water temperature, total nitrogen and fecal coliform.
CN_2011_ITEMS = tuple(p.id for p in _PARAMETERS if p.id not in ("tn", "fecal_coliform"))


def _class(key, rank, en, zh, quality_en, quality_zh):
    return WaterClass(
        key,
        rank,
        {"en": en, "zh-hans": zh, "quality-en": quality_en, "quality-zh-hans": quality_zh},
    )


# [1], 3 (Ⅰ..Ⅴ); [2], Table 1: qualitative grades of a section (优 for Ⅰ–Ⅱ ... 重度污染 for 劣Ⅴ)
CN_GB3838_2002 = WaterStandard(
    id="cn-gb3838-2002",
    name="China GB 3838-2002 Environmental quality standards for surface water",
    short_name="GB 3838-2002 (CN)",
    country="CN",
    source="GB 3838-2002, Table 1 (SEPA and AQSIQ, 2002); single-factor rule of 环办〔2011〕22号",
    year=2002,
    classes=(
        _class("I", 1, "Class I", "Ⅰ类", "Excellent", "优"),
        _class("II", 2, "Class II", "Ⅱ类", "Excellent", "优"),
        _class("III", 3, "Class III", "Ⅲ类", "Good", "良好"),
        _class("IV", 4, "Class IV", "Ⅳ类", "Lightly polluted", "轻度污染"),
        _class("V", 5, "Class V", "Ⅴ类", "Moderately polluted", "中度污染"),
        _class("worse_than_V", 6, "Worse than class V", "劣Ⅴ类", "Heavily polluted", "重度污染"),
    ),
    parameters={p.id: p for p in _PARAMETERS},
    waterbodies=("river", "lake"),
    references=(
        "GB 3838-2002 地表水环境质量标准, Table 1",
        "地表水环境质量评价办法（试行）, 环办〔2011〕22号",
    ),
    notes=(
        "Water temperature (item 1) is a limit on man-made change, not a concentration, and "
        "is not classified.",
        "Total nitrogen (item 9) is set for lakes and reservoirs only.",
        "A value below the detection limit is classified as half the detection limit "
        "(环办监测函〔2020〕82号, item 7).",
    ),
    # [3], item 7: data below the detection limit enter calculation and statistics as DL/2
    censored_rule="half_dl",
    censored_source="地表水环境质量监测数据统计技术规定（试行）, 环办监测函〔2020〕82号, item 7",
)
