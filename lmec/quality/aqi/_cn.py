"""China: HJ 633-2012 and HJ 633-2026, Technical Regulation on Ambient Air Quality Index.

References
----------
.. [1] Ministry of Environmental Protection of the People's Republic of China, HJ 633-2012
   环境空气质量指数（AQI）技术规定（试行） (Technical Regulation on Ambient Air Quality
   Index, on trial), 2012. Table 1 (IAQI and pollutant concentration limits), its notes
   (1)-(3), section 4 (calculation; results rounded up to whole numbers, 进位取整), Table 2 (AQI
   categories, health effects and advice), Appendix A (colours).
   https://www.mee.gov.cn/ywgz/fgbz/bz/bzwb/jcffbz/201203/W020120410332725219541.pdf
.. [2] Ministry of Ecology and Environment and State Administration for Market Regulation,
   HJ 633-2026 环境空气质量指数（AQI）技术规定, issued February 2026 with GB 3095-2026, in
   force 2026-03-01. It changes the PM2.5 and PM10 IAQI concentration limits and the
   rules for 1-hour SO2 and 8-hour O3 above 800 µg/m³.
.. [3] HJ 663-2013 环境空气质量评价技术规范（试行）, daily maximum 8-hour ozone.
"""

from __future__ import annotations

from ._core import Category, Pollutant, Source, Standard

_IAQI = (0, 50, 100, 150, 200, 300, 400, 500)


def _table(pid, name, unit, averaging, limits, note=""):
    """HJ 633 lists the concentration limit at each IAQI level 0, 50, 100, ..."""
    bands = tuple(
        (limits[k], limits[k + 1], _IAQI[k], _IAQI[k + 1]) for k in range(len(limits) - 1)
    )
    return Pollutant(pid, name, unit, averaging, bands, note=note)


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

# [2]: HJ 633-2026 lowers the PM2.5 limit at IAQI 100 from 75 to 60 µg/m³ and the PM10
# limit at IAQI 100 from 150 to 120 µg/m³; every other limit is unchanged. Its real-time
# report applies these 24-hour columns to the current 1-hour PM concentration.
_PM25_2026 = (0, 35, 60, 115, 150, 250, 350, 500)
_PM10_2026 = (0, 50, 120, 250, 350, 420, 500, 600)
# [2] also changes the two "above 800" rules: instead of switching to another averaging
# period, a 1-hour SO2 above 800 µg/m³ counts as IAQI 200 and an 8-hour O3 above 800 µg/m³
# as IAQI 300 ("IAQI按照200计", "IAQI按照300计"), so the real-time report needs no 24-hour
# value. Source: the draft of December 2025 as quoted verbatim by an implementation, and
# implementations of the final text; not checked against the published standard.
_SO2_1H_2026 = Pollutant(
    "so2_1h",
    "SO2",
    "µg/m³",
    "1h",
    _table("so2_1h", "SO2", "µg/m³", "1h", (0, 150, 500, 650, 800)).bands,
    above="cap",
    note="above 800 µg/m³ counts as IAQI 200 ([2])",
)
_O3_8H_2026 = Pollutant(
    "o3_8h",
    "O3",
    "µg/m³",
    "8h",
    _table("o3_8h", "O3", "µg/m³", "8h", (0, 100, 160, 215, 265, 800)).bands,
    above="cap",
    note="above 800 µg/m³ counts as IAQI 300 ([2])",
)
_TABLES_2026 = tuple(
    t for t in _TABLES_2012 if not t.id.startswith("pm") and t.id not in ("so2_1h", "o3_8h")
) + (
    _SO2_1H_2026,
    _O3_8H_2026,
    _table("pm10_24h", "PM10", "µg/m³", "24h", _PM10_2026),
    _table(
        "pm10_1h",
        "PM10",
        "µg/m³",
        "1h",
        _PM10_2026,
        note="real-time report: 1-hour PM10 read on the 24-hour limits ([2])",
    ),
    _table("pm25_24h", "PM2.5", "µg/m³", "24h", _PM25_2026),
    _table(
        "pm25_1h",
        "PM2.5",
        "µg/m³",
        "1h",
        _PM25_2026,
        note="real-time report: 1-hour PM2.5 read on the 24-hour limits ([2])",
    ),
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
        "IAQI and AQI are rounded up to whole numbers ([1], section 4; HJ 633-2026 4.2.6).",
        "A primary pollutant is named only when AQI > 50 ([1], section 3, 首要污染物).",
    ),
)

CN_HJ633_2026 = Standard(
    id="cn-hj633-2026",
    name="China HJ 633-2026 Ambient Air Quality Index",
    country="CN",
    languages=("zh-hans", "en"),
    source=Source(
        "HJ 633-2026 Technical Regulation on Ambient Air Quality Index (with GB 3095-2026)",
        "Table 3 (IAQI concentration limits)",
        2026,
        "",
        "PM2.5 limits 0/35/60/115/150/250/350/500 and PM10 limits "
        "0/50/120/250/350/420/500/600 µg/m³: from the Ministry's release of 2026-02-24 "
        "(PM limits of the AQI changed), GB 3095-2026 Table 1 (transitional 24-hour limits "
        "grade I/II: PM2.5 35/60, PM10 50/120 µg/m³, which IAQI 50/100 follow) and seven "
        "independent implementations agreeing on every number (one implementation of the December 2025 draft has 30, not 35, at "
        "IAQI 50); the official text itself was not available to us. The SO2 1-h > 800 -> "
        "200 and O3 8-h > 800 -> 300 rules from the draft's text as quoted by an "
        "implementation. Other limits, categories and advice carried over from HJ 633-2012, "
        "unverified against the 2026 text (its refined sensitive-group wording is not "
        "reproduced).",
    ),
    references=(
        "HJ 633-2026 环境空气质量指数（AQI）技术规定, Ministry of Ecology and Environment, "
        "2026, in force 2026-03-01 (PM2.5 and PM10 IAQI limits revised)",
        *_REFS_2012,
    ),
    pollutants={t.id: t for t in _TABLES_2026},
    categories=CATEGORIES,
    rounding="ceil",
    primary_above=50,
    notes=(
        "PM2.5 and PM10 limits differ from HJ 633-2012; 1-hour SO2 above 800 µg/m³ counts "
        "as IAQI 200 and 8-hour O3 above 800 µg/m³ as IAQI 300.",
        "Real-time PM (pm25_1h, pm10_1h) uses the 24-hour limits with 1-hour values.",
    ),
)
