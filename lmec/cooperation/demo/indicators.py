"""Demo custom indicators: eight indicators tied to directions and activities of the
2023–2027 action table, with a 2022 baseline, a 2027 target and values for 2023–2026 for the
region and for each of the six countries.

The values are invented but plausible (a fixed seed makes them the same on every run), each
country's moving from its own baseline towards the target with some year-to-year noise.
Running it again changes nothing: indicators and values are upserted by their keys.
"""

from __future__ import annotations

import random
from collections import Counter

from django.db import transaction

from lmec.core.models import Country

from ..models import Activity, Direction, Indicator, IndicatorValue

SEED = 20231
YEARS = (2023, 2024, 2025, 2026)
COUNTRIES = ("CN", "KH", "LA", "MM", "TH", "VN")

#: code, names (en, zh-hans, th, vi, lo, km, my), unit, direction, activity, regional
#: baseline (2022), target (2027), how the regional value adds up from the countries
#: ("sum" or "mean"), and each country's share of the baseline (sum) or its offset (mean).
INDICATORS = [
    {
        "code": "air-stations-sharing-data",
        "name": {
            "en": "Air quality monitoring stations sharing data on the platform",
            "zh-hans": "在平台共享数据的空气质量监测站数量",
            "th": "จำนวนสถานีตรวจวัดคุณภาพอากาศที่แบ่งปันข้อมูลบนแพลตฟอร์ม",
            "vi": "Số trạm quan trắc chất lượng không khí chia sẻ dữ liệu trên nền tảng",
            "lo": "ຈຳນວນສະຖານີກວດແທກຄຸນນະພາບອາກາດທີ່ແບ່ງປັນຂໍ້ມູນໃນເວທີ",
            "km": "ចំនួនស្ថានីយតាមដានគុណភាពខ្យល់ដែលចែករំលែកទិន្នន័យលើវេទិកា",
            "my": "ပလက်ဖောင်းပေါ်တွင် ဒေတာမျှဝေသော လေထုအရည်အသွေး စောင့်ကြည့်စခန်းများ",
        },
        "unit": {"en": "stations", "zh-hans": "个", "th": "สถานี"},
        "direction": "D4",
        "activity": "D4-A3-1",
        "baseline": 24,
        "target": 120,
        "combine": "sum",
        "shares": {"CN": 0.3, "KH": 0.1, "LA": 0.08, "MM": 0.1, "TH": 0.25, "VN": 0.17},
    },
    {
        "code": "cities-meeting-pm25-limit",
        "name": {
            "en": "Share of monitored cities meeting the national annual PM2.5 limit",
            "zh-hans": "达到国家PM2.5年均浓度限值的监测城市比例",
            "th": "สัดส่วนเมืองที่ตรวจวัดซึ่งผ่านค่ามาตรฐาน PM2.5 รายปีของประเทศ",
            "vi": "Tỷ lệ đô thị được quan trắc đạt giới hạn PM2.5 trung bình năm quốc gia",
        },
        "unit": {"en": "%"},
        "direction": "D4",
        "activity": "D4-A2-2",
        "baseline": 41,
        "target": 60,
        "combine": "mean",
        "shares": {"CN": 8, "KH": -4, "LA": 3, "MM": -9, "TH": 2, "VN": -3},
    },
    {
        "code": "knowledge-products-downloaded",
        "name": {
            "en": "Knowledge products downloaded from the platform",
            "zh-hans": "从平台下载的知识产品次数",
            "th": "จำนวนครั้งที่ดาวน์โหลดผลิตภัณฑ์ความรู้จากแพลตฟอร์ม",
            "vi": "Số lượt tải sản phẩm tri thức từ nền tảng",
            "km": "ចំនួនដងនៃការទាញយកផលិតផលចំណេះដឹងពីវេទិកា",
        },
        "unit": {"en": "downloads", "zh-hans": "次"},
        "direction": "D5",
        "activity": "D5-A1-1",
        "baseline": 1800,
        "target": 25000,
        "combine": "sum",
        "shares": {"CN": 0.32, "KH": 0.1, "LA": 0.08, "MM": 0.08, "TH": 0.24, "VN": 0.18},
    },
    {
        "code": "officers-trained",
        "name": {
            "en": "Environmental technical officers trained",
            "zh-hans": "接受培训的环境技术官员人数",
            "th": "จำนวนเจ้าหน้าที่เทคนิคด้านสิ่งแวดล้อมที่ได้รับการฝึกอบรม",
            "lo": "ຈຳນວນພະນັກງານວິຊາການສິ່ງແວດລ້ອມທີ່ໄດ້ຮັບການຝຶກອົບຮົມ",
        },
        "unit": {"en": "people", "zh-hans": "人"},
        "direction": "D1",
        "activity": "D1-A2-2",
        "baseline": 150,
        "target": 900,
        "combine": "sum",
        "shares": {"CN": 0.12, "KH": 0.2, "LA": 0.2, "MM": 0.18, "TH": 0.12, "VN": 0.18},
    },
    {
        "code": "protected-area-restored",
        "name": {
            "en": "Degraded ecosystem area under restoration in demonstration sites",
            "zh-hans": "示范点退化生态系统修复面积",
            "th": "พื้นที่ระบบนิเวศเสื่อมโทรมที่อยู่ระหว่างการฟื้นฟูในพื้นที่สาธิต",
            "my": "သရုပ်ပြဧရိယာများရှိ ပြန်လည်ထူထောင်နေသော ပျက်စီးဂေဟစနစ် ဧရိယာ",
        },
        "unit": {"en": "ha"},
        "direction": "D2",
        "activity": "D2-A3-1",
        "baseline": 1200,
        "target": 6000,
        "combine": "sum",
        "shares": {"CN": 0.25, "KH": 0.2, "LA": 0.15, "MM": 0.15, "TH": 0.1, "VN": 0.15},
    },
    {
        "code": "low-carbon-parks",
        "name": {
            "en": "Industrial parks with a low-carbon demonstration plan",
            "zh-hans": "制定低碳示范方案的工业园区数量",
            "th": "จำนวนนิคมอุตสาหกรรมที่มีแผนสาธิตคาร์บอนต่ำ",
            "vi": "Số khu công nghiệp có kế hoạch trình diễn các-bon thấp",
        },
        "unit": {"en": "parks", "zh-hans": "个"},
        "direction": "D3",
        "activity": "D3-A3-1",
        "baseline": 3,
        "target": 18,
        "combine": "sum",
        "shares": {"CN": 0.34, "KH": 0.0, "LA": 0.0, "MM": 0.0, "TH": 0.33, "VN": 0.33},
    },
    {
        "code": "youth-reached",
        "name": {
            "en": "Young people reached by environmental awareness activities",
            "zh-hans": "环境意识活动覆盖的青年人数",
            "th": "จำนวนเยาวชนที่เข้าถึงด้วยกิจกรรมสร้างความตระหนักด้านสิ่งแวดล้อม",
            "km": "ចំនួនយុវជនដែលទទួលបានសកម្មភាពលើកកម្ពស់ការយល់ដឹងផ្នែកបរិស្ថាន",
        },
        "unit": {"en": "people", "zh-hans": "人"},
        "direction": "D5",
        "activity": "D5-A2-2",
        "baseline": 2500,
        "target": 15000,
        "combine": "sum",
        "shares": {"CN": 0.25, "KH": 0.15, "LA": 0.12, "MM": 0.12, "TH": 0.18, "VN": 0.18},
    },
    {
        "code": "plastic-waste-collection",
        "name": {
            "en": "Share of municipal plastic waste separately collected in pilot cities",
            "zh-hans": "试点城市生活塑料垃圾分类收集比例",
            "th": "สัดส่วนขยะพลาสติกชุมชนที่เก็บแยกในเมืองนำร่อง",
            "vi": "Tỷ lệ rác thải nhựa sinh hoạt được thu gom riêng tại các đô thị thí điểm",
        },
        "unit": {"en": "%"},
        "direction": "D4",
        "activity": "D4-A1-3",
        "baseline": 18,
        "target": 45,
        "combine": "mean",
        "shares": {"CN": 12, "KH": -6, "LA": -5, "MM": -8, "TH": 5, "VN": 2},
    },
]


def _texts(field: str, texts: dict[str, str]) -> dict[str, str]:
    from lmec.core.services import translated_values

    return translated_values(field, texts)


def _country_values(spec: dict, rng: random.Random) -> dict[str | None, dict[int, float]]:
    """Values by country (and ``None``, the region) and year, moving towards the target."""
    baseline, target = spec["baseline"], spec["target"]
    span = 2027 - 2022
    values: dict[str | None, dict[int, float]] = {}
    for country in COUNTRIES:
        share = spec["shares"][country]
        if spec["combine"] == "sum":
            start, end = baseline * share, target * share
        else:
            start, end = baseline + share, min(100.0, target + share)
        row = {}
        for year in YEARS:
            trend = start + (end - start) * (year - 2022) / span * rng.uniform(0.6, 1.05)
            row[year] = max(0.0, trend * rng.uniform(0.95, 1.05))
        values[country] = row
    region = {}
    for year in YEARS:
        parts = [values[c][year] for c in COUNTRIES]
        region[year] = sum(parts) if spec["combine"] == "sum" else sum(parts) / len(parts)
    values[None] = region
    decimals = 1 if spec["combine"] == "mean" else 0
    return {
        key: {year: round(value, decimals) for year, value in row.items()}
        for key, row in values.items()
    }


@transaction.atomic
def load() -> Counter:
    """Create or update the demo indicators and their values; counts by kind of record."""
    rng = random.Random(SEED)
    counts: Counter = Counter()
    countries = {c.code: c for c in Country.objects.filter(code__in=COUNTRIES)}
    for spec in INDICATORS:
        direction = Direction.objects.filter(code=spec["direction"]).first()
        activity = Activity.objects.filter(code=spec["activity"]).first()
        indicator, created = Indicator.objects.update_or_create(
            code=spec["code"],
            defaults={
                **_texts("name", spec["name"]),
                **_texts("unit", spec["unit"]),
                "direction": direction,
                "activity": activity,
                "baseline": spec["baseline"],
                "baseline_year": 2022,
                "target": spec["target"],
                "target_year": 2027,
                "higher_is_better": True,
            },
        )
        counts["indicators created" if created else "indicators kept"] += 1
        for country, row in _country_values(spec, rng).items():
            for year, value in row.items():
                _obj, made = IndicatorValue.objects.update_or_create(
                    indicator=indicator,
                    year=year,
                    country=countries.get(country) if country else None,
                    defaults={"value": value, "note": "demo"},
                )
                counts["values created" if made else "values kept"] += 1
    return counts


def describe(counts: Counter) -> str:
    indicators = counts["indicators created"] + counts["indicators kept"]
    values = counts["values created"] + counts["values kept"]
    return (
        f"custom indicators: {indicators} ({counts['indicators created']} new), "
        f"{values} yearly values ({counts['values created']} new)"
    )
