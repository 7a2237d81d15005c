"""China: HJ 633-2012 and HJ 633-2026, Technical Regulation on Ambient Air Quality Index.

References
----------
.. [1] Ministry of Environmental Protection of the People's Republic of China, HJ 633-2012
   环境空气质量指数（AQI）技术规定（试行） (Technical Regulation on Ambient Air Quality
   Index, on trial), 2012. Table 1 (IAQI and pollutant concentration limits), its notes
   (1)-(3), section 4 (calculation), 6.2 (results rounded up to whole numbers, 进位取整),
   Table 2 (AQI categories, health effects and advice), Appendix A (colours).
   https://www.mee.gov.cn/ywgz/fgbz/bz/bzwb/jcffbz/201203/W020120410332725219541.pdf
.. [2] Ministry of Ecology and Environment, HJ 633-2026 环境空气质量指数（AQI）技术规定
   (Technical specifications on ambient air quality index), issued 2026-02-14, in force
   2026-03-01, replacing HJ 633-2012. Table 1 (levels, colours, health effects and measures),
   Table 2 (sensitive groups), 4.2.2-4.2.3 (indicators of the daily and real-time reports;
   concentrations rounded by GB/T 8170), formula (1) (1-hour PM read on the daily columns),
   4.2.6 (进位取整), Table 3 (IAQI concentration limits) and its notes a-c, 4.3.1, 5.3.1,
   Appendix A. Read whole in the official electronic edition (typeset by the MEE's
   environmental standards institute, an image PDF read at 250-300 dpi) kept as
   ``docs/HJ_633-2026_环境空气质量指数（AQI）技术规定（试行）.pdf`` in
   github.com/caiyunapp/aqi-hub (commit c3ce58e, 26 Feb 2026).
.. [3] HJ 663-2013 环境空气质量评价技术规范（试行）, daily maximum 8-hour ozone.
"""

from __future__ import annotations

from ._core import Category, Pollutant, Source, Standard

_IAQI = (0, 50, 100, 150, 200, 300, 400, 500)


def _table(pid, name, unit, averaging, limits, note="", **options):
    """HJ 633 lists the concentration limit at each IAQI level 0, 50, 100, ..."""
    bands = tuple(
        (limits[k], limits[k + 1], _IAQI[k], _IAQI[k + 1]) for k in range(len(limits) - 1)
    )
    return Pollutant(pid, name, unit, averaging, bands, note=note, **options)


# [1], Table 1. Units µg/m³ except CO (mg/m³). 1-hour SO2, NO2 and CO limits serve the
# real-time report only; the daily report uses the 24-hour limits ([1], Table 1 note 1).
_TABLES_2012 = (
    _table("so2_24h", "SO2", "µg/m³", "24h", (0, 50, 150, 475, 800, 1600, 2100, 2620)),
    # [1], Table 1 note 2: above 800 the 1-h SO2 IAQI is not computed; the 24-h one is used
    _table(
        "so2_1h",
        "SO2",
        "µg/m³",
        "1h",
        (0, 150, 500, 650, 800),
        note="above 800 µg/m³ not computed; report the 24-hour SO2 IAQI ([1], Table 1 note 2)",
    ),
    _table("no2_24h", "NO2", "µg/m³", "24h", (0, 40, 80, 180, 280, 565, 750, 940)),
    _table("no2_1h", "NO2", "µg/m³", "1h", (0, 100, 200, 700, 1200, 2340, 3090, 3840)),
    _table("co_24h", "CO", "mg/m³", "24h", (0, 2, 4, 14, 24, 36, 48, 60)),
    _table("co_1h", "CO", "mg/m³", "1h", (0, 5, 10, 35, 60, 90, 120, 150)),
    _table("o3_1h", "O3", "µg/m³", "1h", (0, 160, 200, 300, 400, 800, 1000, 1200)),
    # [1], Table 1 note 3: above 800 the 8-h O3 IAQI is not computed; the 1-h one is used
    _table(
        "o3_8h",
        "O3",
        "µg/m³",
        "8h",
        (0, 100, 160, 215, 265, 800),
        note="above 800 µg/m³ not computed; report the 1-hour O3 IAQI ([1], Table 1 note 3)",
    ),
    _table("pm10_24h", "PM10", "µg/m³", "24h", (0, 50, 150, 250, 350, 420, 500, 600)),
    _table("pm25_24h", "PM2.5", "µg/m³", "24h", (0, 35, 75, 115, 150, 250, 350, 500)),
)

# [2], Table 3 (空气质量分指数及对应的污染物项目浓度限值), read cell by cell: every limit is
# that of HJ 633-2012 except PM10 120 (was 150) and PM2.5 60 (was 75) at IAQI 100.
_PM25_2026 = (0, 35, 60, 115, 150, 250, 350, 500)
_PM10_2026 = (0, 50, 120, 250, 350, 420, 500, 600)
# [2], 4.2.2-4.2.3: concentrations are rounded "按照 GB/T 8170 要求" before the look-up,
# µg/m³ to whole numbers and CO (mg/m³) to one decimal; GB/T 8170 sends an exact half to the
# even neighbour. HJ 633-2012 states no such rounding.
_UG = {"decimals": 0, "reduce": "half_even"}
_MG = {"decimals": 1, "reduce": "half_even"}
_NOTE_1H = "1-hour limits serve the real-time report only ([2], Table 3 note a)"
# Formula (1): "当 C_P 为 PM10 或 PM2.5 1 小时平均时，取表 3 中日平均的高位值/低位值".
_NOTE_PM_1H = "real-time report: 1-hour {} read on the daily-mean limits ([2], formula (1))"
_TABLES_2026 = (
    _table("so2_24h", "SO2", "µg/m³", "24h", (0, 50, 150, 475, 800, 1600, 2100, 2620), **_UG),
    # note b: "SO2 1 小时平均浓度值高于 800 µg/m³ 的，IAQI 按照 200 计"
    _table(
        "so2_1h",
        "SO2",
        "µg/m³",
        "1h",
        (0, 150, 500, 650, 800),
        note="above 800 µg/m³ counts as IAQI 200 ([2], Table 3 note b)",
        above="cap",
        **_UG,
    ),
    _table("no2_24h", "NO2", "µg/m³", "24h", (0, 40, 80, 180, 280, 565, 750, 940), **_UG),
    _table(
        "no2_1h",
        "NO2",
        "µg/m³",
        "1h",
        (0, 100, 200, 700, 1200, 2340, 3090, 3840),
        note=_NOTE_1H,
        **_UG,
    ),
    _table("co_24h", "CO", "mg/m³", "24h", (0, 2, 4, 14, 24, 36, 48, 60), **_MG),
    _table("co_1h", "CO", "mg/m³", "1h", (0, 5, 10, 35, 60, 90, 120, 150), note=_NOTE_1H, **_MG),
    # note c: "O3 8 小时平均浓度值高于 800 µg/m³ 的，IAQI 按照 300 计"
    _table(
        "o3_8h",
        "O3",
        "µg/m³",
        "8h",
        (0, 100, 160, 215, 265, 800),
        note="above 800 µg/m³ counts as IAQI 300 ([2], Table 3 note c)",
        above="cap",
        **_UG,
    ),
    _table(
        "o3_1h",
        "O3",
        "µg/m³",
        "1h",
        (0, 160, 200, 300, 400, 800, 1000, 1200),
        note=_NOTE_1H,
        **_UG,
    ),
    _table("pm10_24h", "PM10", "µg/m³", "24h", _PM10_2026, **_UG),
    _table("pm10_1h", "PM10", "µg/m³", "1h", _PM10_2026, note=_NOTE_PM_1H.format("PM10"), **_UG),
    _table("pm25_24h", "PM2.5", "µg/m³", "24h", _PM25_2026, **_UG),
    _table("pm25_1h", "PM2.5", "µg/m³", "1h", _PM25_2026, note=_NOTE_PM_1H.format("PM2.5"), **_UG),
)

_SENSITIVE = "儿童、老年人及心脏病、呼吸系统疾病患者"
_SENSITIVE_EN = "Children, the elderly and people with heart or respiratory disease"

# [1], Table 2 (categories, health effects, advice) and Appendix A (RGB colours).
CATEGORIES = (
    Category(
        "excellent",
        0,
        50,
        "#00E400",
        {"en": "Excellent", "zh-hans": "优"},
        {
            "en": "Air quality is satisfactory, with basically no air pollution. "
            "Everyone can carry on normal activities.",
            "zh-hans": "空气质量令人满意，基本无空气污染。各类人群可正常活动。",
        },
    ),
    Category(
        "good",
        51,
        100,
        "#FFFF00",
        {"en": "Good", "zh-hans": "良"},
        {
            "en": "Air quality is acceptable, but some pollutants may weakly affect a very "
            "small number of unusually sensitive people, who should reduce outdoor activity.",
            "zh-hans": "空气质量可接受，但某些污染物可能对极少数异常敏感人群健康有较弱影响。"
            "极少数异常敏感人群应减少户外活动。",
        },
    ),
    Category(
        "lightly_polluted",
        101,
        150,
        "#FF7E00",
        {"en": "Lightly polluted", "zh-hans": "轻度污染"},
        {
            "en": "Symptoms of susceptible people are slightly aggravated; healthy people "
            f"show irritation. {_SENSITIVE_EN} should reduce prolonged, intense outdoor "
            "exercise.",
            "zh-hans": "易感人群症状有轻度加剧，健康人群出现刺激症状。"
            f"{_SENSITIVE}应减少长时间、高强度的户外锻炼。",
        },
    ),
    Category(
        "moderately_polluted",
        151,
        200,
        "#FF0000",
        {"en": "Moderately polluted", "zh-hans": "中度污染"},
        {
            "en": "Symptoms of susceptible people are further aggravated; the heart and "
            f"respiratory system of healthy people may be affected. {_SENSITIVE_EN} should "
            "avoid prolonged, intense outdoor exercise; others should reduce outdoor sport.",
            "zh-hans": "进一步加剧易感人群症状，可能对健康人群心脏、呼吸系统有影响。"
            f"{_SENSITIVE}避免长时间、高强度的户外锻炼，一般人群适量减少户外运动。",
        },
    ),
    Category(
        "heavily_polluted",
        201,
        300,
        "#99004C",
        {"en": "Heavily polluted", "zh-hans": "重度污染"},
        {
            "en": "Symptoms of people with heart or lung disease are markedly aggravated and "
            "exercise tolerance falls; healthy people commonly show symptoms. Children, the "
            "elderly and people with heart or lung disease should stay indoors and stop "
            "outdoor exercise; others should reduce outdoor activity.",
            "zh-hans": "心脏病和肺病患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状。"
            "儿童、老年人和心脏病、肺病患者应停留在室内，停止户外运动，一般人群减少户外运动。",
        },
    ),
    Category(
        "severely_polluted",
        301,
        500,
        "#7E0023",
        {"en": "Severely polluted", "zh-hans": "严重污染"},
        {
            "en": "Healthy people's exercise tolerance falls, with marked strong symptoms; "
            "some diseases appear early. Children, the elderly and the sick should stay "
            "indoors and avoid exertion; others should avoid outdoor activity.",
            "zh-hans": "健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病。"
            "儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动。",
        },
    ),
)

# [2], Table 1 (空气质量指数及相关信息): 对健康影响情况 and 建议采取的措施, joined as in
# CATEGORIES; Chinese verbatim, English ours. Levels 1-2, names and colours are those of 2012;
# levels 3-6 name 敏感人群 (was 易感人群), 心血管系统 (was 心脏/心脏病), 呼吸系统 (was 肺病)
# and 青少年儿童 (was 儿童). Table 1 prints the first band as 1～50 and the last as ＞300
# (4.1.1: "范围为 1～500"); the bands keep 0 so that an all-zero reading (IAQI 0) is "优".
# Reference copy: tests/quality/data/aqi/cn_hj633_2026_table1.csv.
_GROUPS_2026_EN = (
    "Children and adolescents, the elderly and people with cardiovascular or respiratory disease"
)
CATEGORIES_2026 = (
    CATEGORIES[0],
    CATEGORIES[1],
    Category(
        "lightly_polluted",
        101,
        150,
        "#FF7E00",
        {"en": "Lightly polluted", "zh-hans": "轻度污染"},
        {
            "en": "Symptoms of sensitive people are slightly aggravated; healthy people show "
            f"irritation. {_GROUPS_2026_EN} should reduce prolonged, intense outdoor exercise.",
            "zh-hans": "敏感人群症状有轻度加剧，健康人群出现刺激症状。"
            "青少年儿童、老年人及心血管系统疾病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼。",
        },
    ),
    Category(
        "moderately_polluted",
        151,
        200,
        "#FF0000",
        {"en": "Moderately polluted", "zh-hans": "中度污染"},
        {
            "en": "Symptoms of sensitive people are further aggravated; the cardiovascular and "
            "respiratory systems of healthy people may be affected. "
            f"{_GROUPS_2026_EN} should avoid prolonged, intense outdoor exercise; others should "
            "reduce outdoor sport somewhat.",
            "zh-hans": "进一步加剧敏感人群症状，可能对健康人群心血管系统、呼吸系统有影响。"
            "青少年儿童、老年人及心血管系统疾病、呼吸系统疾病患者避免长时间、高强度的户外锻炼，"
            "一般人群适量减少户外运动。",
        },
    ),
    Category(
        "heavily_polluted",
        201,
        300,
        "#99004C",
        {"en": "Heavily polluted", "zh-hans": "重度污染"},
        {
            "en": "Symptoms of people with cardiovascular or respiratory disease are markedly "
            "aggravated and exercise tolerance falls; healthy people commonly show symptoms. "
            f"{_GROUPS_2026_EN} should stay indoors and stop outdoor exercise; others should "
            "reduce outdoor sport.",
            "zh-hans": "心血管系统和呼吸系统患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状。"
            "青少年儿童、老年人和心血管系统疾病、呼吸系统疾病患者应停留在室内，停止户外运动，"
            "一般人群减少户外运动。",
        },
    ),
    Category(
        "severely_polluted",
        301,
        500,
        "#7E0023",
        {"en": "Severely polluted", "zh-hans": "严重污染"},
        {
            "en": "Healthy people's exercise tolerance falls, with marked strong symptoms; some "
            "diseases appear early. Children and adolescents, the elderly and the sick should "
            "stay indoors and avoid exertion; others should avoid outdoor activity.",
            "zh-hans": "健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病。"
            "青少年儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动。",
        },
    ),
)

#: [2], Table 2 (空气污染物的敏感人群): for a pollutant whose IAQI exceeds 100, the sensitive
#: groups advised to take measures (建议采取措施的敏感人群); Chinese verbatim, English ours.
#: Reference copy: tests/quality/data/aqi/cn_hj633_2026_table2.csv.
SENSITIVE_GROUPS_2026 = {
    "so2": {
        "zh-hans": "患有哮喘的人、青少年儿童以及老年人",
        "en": "People with asthma, children and adolescents, and the elderly",
    },
    "no2": {
        "zh-hans": "患有呼吸系统疾病（如哮喘）的人、青少年儿童以及老年人",
        "en": "People with respiratory disease (such as asthma), children and adolescents, "
        "and the elderly",
    },
    "co": {"zh-hans": "患有心血管系统疾病的人", "en": "People with cardiovascular disease"},
    "o3": {
        "zh-hans": "患有呼吸系统疾病（如哮喘）的人、青少年儿童、户外活动频繁的人以及老年人",
        "en": "People with respiratory disease (such as asthma), children and adolescents, "
        "people often active outdoors, and the elderly",
    },
    "pm": {
        "zh-hans": "患有心血管系统疾病或呼吸系统疾病（如哮喘）的人、青少年儿童、户外活动频繁的人"
        "以及老年人",
        "en": "People with cardiovascular or respiratory disease (such as asthma), children "
        "and adolescents, people often active outdoors, and the elderly",
    },
}
_REFS_2012 = (
    "HJ 633-2012 环境空气质量指数（AQI）技术规定（试行）, Ministry of Environmental "
    "Protection of the P.R. China, 2012, Table 1, Table 2, Appendix A",
    "HJ 663-2013 环境空气质量评价技术规范（试行）, daily maximum 8-hour ozone",
    "GB 3095-2012 环境空气质量标准, Table 4 (data validity) and Amendment No. 1 (2018: "
    "gaseous pollutants at the reference state 298.15 K, 1013.25 hPa)",
)

CN_HJ633_2012 = Standard(
    id="cn-hj633-2012",
    name="China HJ 633-2012 Ambient Air Quality Index",
    country="CN",
    languages=("zh-hans", "en"),
    source=Source(
        "HJ 633-2012 Technical Regulation on Ambient Air Quality Index (on trial)",
        "Table 1",
        2012,
        "https://www.mee.gov.cn/ywgz/fgbz/bz/bzwb/jcffbz/201203/W020120410332725219541.pdf",
        "every limit of Table 1, the notes on SO2 1-h and O3 8-h above 800, rounding up "
        "(进位取整), colours of Appendix A",
    ),
    references=_REFS_2012,
    pollutants={t.id: t for t in _TABLES_2012},
    categories=CATEGORIES,
    rounding="ceil",
    primary_above=50,
    notes=(
        "IAQI and AQI are rounded up to whole numbers ([1], 6.2; HJ 633-2026 4.2.6).",
        "A primary pollutant is named only when AQI > 50 ([1], section 3, 首要污染物).",
    ),
)

CN_HJ633_2026 = Standard(
    id="cn-hj633-2026",
    name="China HJ 633-2026 Ambient Air Quality Index",
    country="CN",
    languages=("zh-hans", "en"),
    source=Source(
        "HJ 633-2026 Technical specifications on ambient air quality index",
        "Table 3 (IAQI concentration limits), Tables 1-2, Appendix A",
        2026,
        "https://github.com/caiyunapp/aqi-hub/blob/c3ce58e/docs/",
        "read whole in the official electronic edition (image PDF kept in "
        "github.com/caiyunapp/aqi-hub, commit c3ce58e): every limit of Table 3 and notes "
        "a-c (SO2 1-h > 800 -> 200, O3 8-h > 800 -> 300), formula (1) (1-hour PM on the daily "
        "columns), concentrations rounded by GB/T 8170 (4.2.2-4.2.3), 进位取整 (4.2.6), "
        "Table 1 names and health texts, Appendix A colours",
    ),
    references=(
        "HJ 633-2026 环境空气质量指数（AQI）技术规定, Ministry of Ecology and Environment, "
        "issued 2026-02-14, in force 2026-03-01 (replaces HJ 633-2012), Tables 1-3, "
        "Appendix A",
        "GB 3095-2026 环境空气质量标准, Table 4 (data validity: 20 hourly values a day, 6 "
        "per 8-hour mean) and clause 4.3 (gases at 298.15 K, 1013.25 hPa)",
        "HJ 663 环境空气质量评价技术规范, daily maximum 8-hour ozone",
        "GB/T 8170-2008 数值修约规则与极限数值的表示和判定, 3.2 (rounding)",
    ),
    pollutants={t.id: t for t in _TABLES_2026},
    categories=CATEGORIES_2026,
    rounding="ceil",
    primary_above=50,
    notes=(
        "Daily report (日报): SO2, NO2, CO, PM10, PM2.5 daily means and O3 daily maximum "
        "8-hour mean (4.2.2); real-time report (实时报): the six 1-hour means (4.2.3). "
        "PM10/PM2.5 1-hour values (pm10_1h, pm25_1h) are read on the daily-mean limits "
        "(formula (1)).",
        "Concentrations are rounded by GB/T 8170 before the look-up, µg/m³ to whole numbers "
        "and CO to one decimal (4.2.2): an exact half goes to the even neighbour.",
        "IAQI and AQI are rounded up to whole numbers (4.2.6). 1-hour SO2 above 800 µg/m³ "
        "counts as IAQI 200 and 8-hour O3 above 800 µg/m³ as IAQI 300 (Table 3 notes b, c).",
        "A primary pollutant is named when AQI > 50; tied pollutants are all primary (4.3.1; "
        "this library names the first given).",
        "A missing pollutant: the AQI of the others is published only when above 100, "
        "otherwise NA (5.3.1); the caller decides.",
        "Table 1 prints the first level as 1～50 (the index ranges over 1～500, 4.1.1); "
        "Table 2 names each pollutant's sensitive groups (SENSITIVE_GROUPS_2026).",
    ),
)
