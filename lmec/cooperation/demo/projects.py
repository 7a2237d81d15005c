"""Demonstration projects 2023-2026: demonstration, pilot, joint research and capacity
building in all six countries, at real places, with partners from the knowledge demo's
organisations (by slug), milestones, and funding from the six source types of strategy 5.3
in several currencies, converted at the sourced annual-average rates of
``data/exchange_rates.yaml``.

The projects and their partners are invented for the demonstration; the places, the
organisations and the rates are real. Reproducible and idempotent: each run writes the same
rows again (projects by code; their relations and funding replaced).
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from .. import currency
from ..models import Project
from ..services import projects as services


class _Loader:
    """The demo writes as the secretariat would (every rule allows it)."""

    is_authenticated = False
    is_active = True

    def has_perm(self, perm, obj=None) -> bool:
        return True


def _f(source, kind, date, amount, cur, funder=None, note=""):
    return {
        "source_type": source,
        "kind": kind,
        "date": date,
        "amount": amount,
        "currency": cur,
        "funder": funder,
        "note": note,
    }


PROJECTS = [
    {
        "code": "th-nan-haze-free-farming",
        "kind": "pilot",
        "status": "ongoing",
        "country": "TH",
        "countries": ["TH"],
        "activities": ["D4-A3-1", "D4-A2-2"],
        "title": {
            "en": "Haze-free farming pilot in Nan province",
            "th": "โครงการนำร่องเกษตรปลอดการเผาในจังหวัดน่าน",
            "zh-hans": "难府无霾农业试点项目",
        },
        "summary": {
            "en": "Alternatives to open burning of maize residue with low-cost PM2.5 sensors in villages of Nan."
        },
        "planned_start": "2024-01-15",
        "planned_end": "2026-06-30",
        "actual_start": "2024-02-01",
        "partners": [("mnre-th", "2"), ("pcd-th", "4"), ("chula", "4"), ("sei-asia", "1")],
        "sites": [("Nan", "TH", 18.7756, 100.7730), ("Tha Wang Pha", "TH", 19.1160, 100.8110)],
        "milestones": [
            ("Baseline survey of burning practices", "2024-05-31", "done"),
            ("Sensor network in 20 villages", "2024-12-31", "done"),
            ("Residue buy-back scheme evaluated", "2026-03-31", "planned"),
        ],
        "funding": [
            _f(
                "F1",
                "commitment",
                "2024-01-20",
                "1200000",
                "CNY",
                "mee-cn",
                "LMC Special Fund grant",
            ),
            _f("F1", "disbursement", "2024-03-01", "600000", "CNY", "mee-cn"),
            _f("F3", "commitment", "2024-02-10", "150000", "USD", "sei-asia"),
            _f(
                "F6",
                "disbursement",
                "2024-06-30",
                "2500000",
                "THB",
                "mnre-th",
                "staff time and vehicles (in kind)",
            ),
            _f(
                "F5",
                "commitment",
                "2025-01-15",
                "900000",
                "THB",
                None,
                "feed mill residue buy-back",
            ),
        ],
    },
    {
        "code": "vn-hanoi-air-monitoring",
        "kind": "demonstration",
        "status": "ongoing",
        "country": "VN",
        "countries": ["VN"],
        "activities": ["D4-A3-1", "D4-A1-1"],
        "title": {
            "en": "Urban air monitoring demonstration in Hanoi",
            "vi": "Trình diễn quan trắc không khí đô thị tại Hà Nội",
            "zh-hans": "河内城市空气监测示范",
        },
        "summary": {
            "en": "Reference and sensor stations with shared data analysis for the capital region."
        },
        "planned_start": "2023-09-01",
        "planned_end": "2026-08-31",
        "actual_start": "2023-10-01",
        "partners": [("monre-vn", "2"), ("vea-vn", "4"), ("vnu-hn", "4"), ("craes", "4")],
        "sites": [
            ("Hoan Kiem, Hanoi", "VN", 21.0285, 105.8542),
            ("Bac Ninh", "VN", 21.1861, 106.0763),
        ],
        "milestones": [
            ("Stations commissioned", "2024-03-31", "done"),
            ("First joint assessment report", "2025-06-30", "delayed"),
        ],
        "funding": [
            _f("F2", "commitment", "2023-09-15", "2000000", "CNY", "mee-cn"),
            _f("F2", "disbursement", "2024-02-01", "1000000", "CNY", "mee-cn"),
            _f(
                "F6",
                "commitment",
                "2023-10-01",
                "3500000000",
                "VND",
                "monre-vn",
                "counterpart funding",
            ),
        ],
    },
    {
        "code": "la-vientiane-wastewater",
        "kind": "demonstration",
        "status": "ongoing",
        "country": "LA",
        "countries": ["LA"],
        "activities": ["D4-A3-2", "D4-A1-2"],
        "title": {
            "en": "Decentralised wastewater treatment demonstration in Vientiane",
            "lo": "ການສາທິດການບຳບັດນ້ຳເສຍແບບກະຈາຍຢູ່ນະຄອນຫຼວງວຽງຈັນ",
            "zh-hans": "万象分散式污水处理示范",
        },
        "summary": {
            "en": "Constructed wetlands treating domestic wastewater before it reaches That Luang marsh."
        },
        "planned_start": "2024-04-01",
        "planned_end": "2026-12-31",
        "actual_start": "2024-05-15",
        "partners": [("monre-la", "2"), ("nuol", "4"), ("ynu", "4")],
        "sites": [("That Luang marsh, Vientiane", "LA", 17.9420, 102.6410)],
        "milestones": [
            ("Design approved", "2024-09-30", "done"),
            ("Wetland cells built", "2025-10-31", "done"),
            ("One year of effluent monitoring", "2026-10-31", "planned"),
        ],
        "funding": [
            _f(
                "F1",
                "commitment",
                "2024-04-10",
                "3000000",
                "CNY",
                "mee-cn",
                "LMC Special Fund grant",
            ),
            _f(
                "F6",
                "commitment",
                "2024-05-01",
                "2000000000",
                "LAK",
                "monre-la",
                "land and staff (in kind)",
            ),
        ],
    },
    {
        "code": "kh-tonle-sap-livelihoods",
        "kind": "demonstration",
        "status": "ongoing",
        "country": "KH",
        "countries": ["KH"],
        "activities": ["D2-A3-1"],
        "title": {
            "en": "Flooded forest restoration and livelihoods at Tonle Sap",
            "km": "ការស្ដារព្រៃលិចទឹក និងជីវភាពនៅបឹងទន្លេសាប",
            "zh-hans": "洞里萨湖淹没林恢复与生计示范",
        },
        "summary": {
            "en": "Community fisheries replant flooded forest and test fish-friendly livelihoods."
        },
        "planned_start": "2023-06-01",
        "planned_end": "2025-12-31",
        "actual_start": "2023-07-01",
        "partners": [
            ("moe-kh", "2"),
            ("rupp", "4"),
            ("iucn-asia", "4"),
            ("wwf-greater-mekong", "1"),
        ],
        "sites": [
            ("Kampong Phluk, Siem Reap", "KH", 13.2150, 103.9800),
            ("Prek Toal, Battambang", "KH", 13.1760, 103.6520),
        ],
        "milestones": [
            ("50 ha replanted", "2024-08-31", "done"),
            ("Livelihood groups trained", "2025-06-30", "done"),
        ],
        "funding": [
            _f("F3", "commitment", "2023-06-15", "250000", "USD", "wwf-greater-mekong"),
            _f("F3", "disbursement", "2024-01-20", "120000", "EUR", "iucn-asia"),
            _f("F6", "disbursement", "2023-12-31", "400000000", "KHR", "moe-kh"),
        ],
    },
    {
        "code": "mm-inle-lake-water-quality",
        "kind": "joint_research",
        "status": "finalisation",
        "country": "MM",
        "countries": ["MM"],
        "activities": ["D4-A2-1", "D4-A3-2"],
        "title": {
            "en": "Joint research on water quality and plastic pollution of Inle Lake",
            "my": "အင်းလေးကန် ရေအရည်အသွေးနှင့် ပလတ်စတစ်ညစ်ညမ်းမှု ပူးတွဲသုတေသန",
            "zh-hans": "茵莱湖水质与塑料污染联合研究",
        },
        "summary": {
            "en": "Seasonal sampling of nutrients and microplastics with the floating-garden communities."
        },
        "planned_start": "2023-03-01",
        "planned_end": "2025-09-30",
        "actual_start": "2023-04-01",
        "partners": [("monrec-mm", "2"), ("ecd-mm", "4"), ("yu-mm", "4"), ("ynu", "4")],
        "sites": [("Nyaungshwe, Inle Lake", "MM", 20.6600, 96.9350)],
        "milestones": [
            ("Dry and wet season sampling", "2024-10-31", "done"),
            ("Joint paper submitted", "2025-09-30", "delayed"),
        ],
        "funding": [
            _f("F1", "commitment", "2023-03-15", "800000", "CNY", "mee-cn"),
            _f(
                "F6",
                "disbursement",
                "2023-12-01",
                "60000000",
                "MMK",
                "monrec-mm",
                "laboratory and boats",
            ),
        ],
    },
    {
        "code": "cn-xishuangbanna-green-park",
        "kind": "demonstration",
        "status": "ongoing",
        "country": "CN",
        "countries": ["CN", "LA"],
        "activities": ["D3-A3-1"],
        "title": {
            "en": "Low-carbon industrial park demonstration in Xishuangbanna",
            "zh-hans": "西双版纳低碳产业园区示范",
        },
        "summary": {
            "en": "Energy audits, rooftop solar and shared waste heat in a cross-border logistics park."
        },
        "planned_start": "2024-03-01",
        "planned_end": "2027-02-28",
        "actual_start": "2024-03-20",
        "partners": [("mee-cn", "2"), ("fecomee", "3"), ("craes", "4"), ("monre-la", "4")],
        "sites": [
            ("Jinghong, Xishuangbanna", "CN", 22.0094, 100.7970),
            ("Mohan border zone", "CN", 21.1830, 101.6880),
        ],
        "milestones": [
            ("Energy audit of 30 firms", "2024-12-31", "done"),
            ("2 MW rooftop solar", "2026-06-30", "planned"),
        ],
        "funding": [
            _f("F2", "commitment", "2024-03-01", "5000000", "CNY", "mee-cn"),
            _f("F5", "commitment", "2024-06-01", "3000000", "CNY", None, "park enterprises"),
            _f("F2", "disbursement", "2025-02-01", "2000000", "CNY", "mee-cn"),
        ],
    },
    {
        "code": "lmec-air-quality-capacity",
        "kind": "capacity_building",
        "status": "completed",
        "country": None,
        "countries": ["CN", "KH", "LA", "MM", "TH", "VN"],
        "activities": ["D4-A1-1"],
        "title": {
            "en": "Regional training in air quality monitoring and data analysis",
            "zh-hans": "区域空气质量监测与数据分析培训",
        },
        "summary": {
            "en": "Three cohorts of environment agency staff from the six countries trained in Kunming and Bangkok."
        },
        "planned_start": "2023-05-01",
        "planned_end": "2024-12-31",
        "actual_start": "2023-05-15",
        "actual_end": "2024-12-20",
        "partners": [("lmec-centre", "2"), ("ait", "4"), ("craes", "4")],
        "sites": [
            ("Kunming", "CN", 25.0389, 102.7183),
            ("AIT, Pathum Thani", "TH", 14.0790, 100.6140),
        ],
        "milestones": [
            ("Cohort 1", "2023-09-30", "done"),
            ("Cohort 2", "2024-04-30", "done"),
            ("Cohort 3", "2024-11-30", "done"),
        ],
        "funding": [
            _f("F1", "commitment", "2023-05-01", "1500000", "CNY", "mee-cn"),
            _f("F1", "disbursement", "2023-09-01", "1500000", "CNY", "mee-cn"),
            _f(
                "F4",
                "disbursement",
                "2024-04-01",
                "40000",
                "USD",
                "mrcs",
                "trainers from the MRC Secretariat",
            ),
        ],
    },
    {
        "code": "mekong-plastic-research",
        "kind": "joint_research",
        "status": "ongoing",
        "country": None,
        "countries": ["KH", "LA", "TH", "VN"],
        "activities": ["D4-A2-1"],
        "title": {
            "en": "Joint research on plastic leakage into the Mekong",
            "zh-hans": "湄公河塑料泄漏联合研究",
            "vi": "Nghiên cứu chung về rò rỉ nhựa vào sông Mê Công",
        },
        "summary": {
            "en": "Harmonised river sampling of macro- and microplastics from Luang Prabang to the delta."
        },
        "planned_start": "2024-06-01",
        "planned_end": "2026-12-31",
        "actual_start": "2024-07-01",
        "partners": [
            ("lmec-centre", "2"),
            ("mrcs", "4"),
            ("chula", "4"),
            ("vnu-hn", "4"),
            ("itc-kh", "4"),
            ("nuol", "4"),
        ],
        "sites": [
            ("Luang Prabang", "LA", 19.8856, 102.1347),
            ("Nong Khai", "TH", 17.8783, 102.7420),
            ("Phnom Penh", "KH", 11.5564, 104.9282),
            ("Can Tho", "VN", 10.0452, 105.7469),
        ],
        "milestones": [
            ("Sampling protocol agreed", "2024-10-31", "done"),
            ("Two years of sampling", "2026-08-31", "planned"),
        ],
        "funding": [
            _f(
                "F3",
                "commitment",
                "2024-06-15",
                "30000000",
                "JPY",
                None,
                "Japanese foundation grant",
            ),
            _f("F4", "commitment", "2024-06-20", "80000", "USD", "mrcs"),
            _f("F1", "commitment", "2025-01-10", "900000", "CNY", "mee-cn"),
        ],
    },
    {
        "code": "th-bangkok-canal-water",
        "kind": "pilot",
        "status": "completed",
        "country": "TH",
        "countries": ["TH"],
        "activities": ["D4-A3-2"],
        "title": {
            "en": "Canal water quality sensors pilot in Bangkok",
            "th": "โครงการนำร่องเซนเซอร์คุณภาพน้ำในคลองกรุงเทพฯ",
            "zh-hans": "曼谷运河水质传感器试点",
        },
        "summary": {
            "en": "Dissolved-oxygen and turbidity sensors on Saen Saep canal with public dashboards."
        },
        "planned_start": "2023-02-01",
        "planned_end": "2024-07-31",
        "actual_start": "2023-02-15",
        "actual_end": "2024-07-31",
        "partners": [("pcd-th", "2"), ("tei", "4")],
        "sites": [("Khlong Saen Saep, Bangkok", "TH", 13.7466, 100.5690)],
        "milestones": [
            ("Sensors installed", "2023-06-30", "done"),
            ("Final report", "2024-07-31", "done"),
        ],
        "funding": [
            _f("F6", "disbursement", "2023-03-01", "4000000", "THB", "pcd-th"),
            _f("F5", "disbursement", "2023-06-01", "1500000", "THB", None, "sensor maker in kind"),
        ],
    },
    {
        "code": "vn-mekong-delta-adaptation",
        "kind": "joint_research",
        "status": "ongoing",
        "country": "VN",
        "countries": ["VN", "KH"],
        "activities": ["D3-A2-1"],
        "title": {
            "en": "Climate adaptation toolbox for the Mekong Delta",
            "vi": "Bộ công cụ thích ứng với biến đổi khí hậu cho Đồng bằng sông Cửu Long",
            "zh-hans": "湄公河三角洲气候适应工具箱",
        },
        "summary": {
            "en": "Salinity intrusion scenarios and farm-level adaptation options, shared across the border."
        },
        "planned_start": "2025-01-01",
        "planned_end": "2026-12-31",
        "actual_start": "2025-02-01",
        "partners": [("monre-vn", "2"), ("greenid", "4"), ("sei-asia", "4")],
        "sites": [("Ben Tre", "VN", 10.2433, 106.3756), ("Soc Trang", "VN", 9.6025, 105.9739)],
        "milestones": [
            ("Scenario workshop", "2025-06-30", "done"),
            ("Toolbox published", "2026-10-31", "planned"),
        ],
        "funding": [
            _f("F3", "commitment", "2025-01-15", "200000", "USD", "sei-asia"),
            _f("F6", "commitment", "2025-02-01", "1200000000", "VND", "monre-vn"),
        ],
    },
    {
        "code": "la-nam-ngum-biodiversity",
        "kind": "capacity_building",
        "status": "pipeline",
        "country": "LA",
        "countries": ["LA"],
        "activities": ["D2-A1-1", "D2-A3-1"],
        "title": {
            "en": "Biodiversity monitoring training for Nam Ngum reservoir",
            "lo": "ການຝຶກອົບຮົມການຕິດຕາມຊີວະນາໆພັນອ່າງເກັບນ້ຳນ້ຳງື່ມ",
            "zh-hans": "南俄水库生物多样性监测培训",
        },
        "summary": {"en": "Rangers and district staff learn standard fish and bird surveys."},
        "planned_start": "2026-03-01",
        "planned_end": "2027-02-28",
        "partners": [("monre-la", "2"), ("iucn-asia", "4")],
        "sites": [("Nam Ngum reservoir", "LA", 18.5300, 102.5400)],
        "milestones": [("Curriculum agreed", "2026-05-31", "planned")],
        "funding": [_f("F3", "budget", "2026-01-15", "90000", "USD", "iucn-asia")],
    },
    {
        "code": "kh-phnom-penh-waste",
        "kind": "pilot",
        "status": "ongoing",
        "country": "KH",
        "countries": ["KH"],
        "activities": ["D4-A2-1"],
        "title": {
            "en": "Household waste separation pilot in Phnom Penh",
            "km": "គម្រោងសាកល្បងការញែកសំណល់រឹងតាមផ្ទះនៅភ្នំពេញ",
            "zh-hans": "金边家庭垃圾分类试点",
        },
        "summary": {"en": "Separation at source in two sangkats with a plastics buy-back point."},
        "planned_start": "2025-03-01",
        "planned_end": "2026-09-30",
        "actual_start": "2025-04-01",
        "partners": [("moe-kh", "2"), ("itc-kh", "4"), ("fecomee", "4")],
        "sites": [("Chamkar Mon, Phnom Penh", "KH", 11.5449, 104.9214)],
        "milestones": [
            ("Households enrolled", "2025-07-31", "done"),
            ("Buy-back point open", "2025-12-31", "done"),
        ],
        "funding": [
            _f("F1", "commitment", "2025-03-01", "700000", "CNY", "mee-cn"),
            _f("F6", "disbursement", "2025-05-01", "200000000", "KHR", "moe-kh"),
        ],
    },
    {
        "code": "mm-yangon-air-capacity",
        "kind": "capacity_building",
        "status": "suspended",
        "country": "MM",
        "countries": ["MM"],
        "activities": ["D4-A1-1"],
        "title": {
            "en": "Air quality data analysis training in Yangon",
            "my": "ရန်ကုန်တွင် လေအရည်အသွေး ဒေတာခွဲခြမ်းစိတ်ဖြာမှု သင်တန်း",
            "zh-hans": "仰光空气质量数据分析培训",
        },
        "summary": {
            "en": "Training of the environmental conservation department's laboratory staff."
        },
        "planned_start": "2024-09-01",
        "planned_end": "2025-08-31",
        "actual_start": "2024-10-01",
        "partners": [("ecd-mm", "2"), ("ait", "4")],
        "sites": [("Yangon", "MM", 16.8409, 96.1735)],
        "milestones": [
            ("First module", "2024-12-15", "done"),
            ("Second module", "2025-04-30", "dropped"),
        ],
        "funding": [
            _f("F4", "commitment", "2024-09-01", "35000", "USD", "mrcs"),
            _f("F6", "disbursement", "2024-10-01", "20000000", "MMK", "ecd-mm"),
        ],
    },
    {
        "code": "cn-yunnan-leadership",
        "kind": "capacity_building",
        "status": "completed",
        "country": "CN",
        "countries": ["CN", "KH", "LA", "MM", "TH", "VN"],
        "activities": ["D1-A2-1"],
        "title": {
            "en": "Environmental governance leadership programme, Kunming",
            "zh-hans": "澜湄环境治理领导力研修班（昆明）",
        },
        "summary": {
            "en": "Two-week programme for senior officials of the six environment ministries."
        },
        "planned_start": "2023-10-01",
        "planned_end": "2023-12-31",
        "actual_start": "2023-11-06",
        "actual_end": "2023-11-17",
        "partners": [("fecomee", "2"), ("ynu", "4")],
        "sites": [("Yunnan University, Kunming", "CN", 25.0560, 102.7000)],
        "milestones": [("Programme held", "2023-11-17", "done")],
        "funding": [_f("F2", "disbursement", "2023-11-01", "1800000", "CNY", "mee-cn")],
    },
    {
        "code": "lmec-knowledge-platform",
        "kind": "capacity_building",
        "status": "ongoing",
        "country": None,
        "countries": ["CN", "KH", "LA", "MM", "TH", "VN"],
        "activities": ["D5-A1-1", "D5-A2-1"],
        "title": {
            "en": "Lancang-Mekong knowledge-sharing platform on sustainable infrastructure",
            "zh-hans": "澜湄可持续基础设施知识共享平台",
        },
        "summary": {
            "en": "The open catalogue, monitoring data and cooperation tracker of the centre."
        },
        "planned_start": "2023-01-01",
        "planned_end": "2027-12-31",
        "actual_start": "2023-03-01",
        "partners": [("lmec-centre", "2"), ("craes", "4"), ("sei-asia", "4")],
        "sites": [("Beijing", "CN", 39.9042, 116.4074)],
        "milestones": [
            ("Catalogue online", "2024-06-30", "done"),
            ("Monitoring data online", "2025-06-30", "done"),
            ("Evaluation report 2026", "2026-12-31", "planned"),
        ],
        "funding": [
            _f("F1", "commitment", "2023-02-01", "2500000", "CNY", "mee-cn"),
            _f("F2", "disbursement", "2024-02-01", "1000000", "CNY", "mee-cn"),
            _f("F3", "disbursement", "2025-03-01", "50000", "EUR", "iucn-asia"),
        ],
    },
]


def _data(spec: dict) -> dict:
    data = {
        k: v for k, v in spec.items() if k not in ("partners", "sites", "milestones", "funding")
    }
    data["language"] = "en"
    data["published"] = spec.get("status") != "pipeline"
    data["partners"] = [{"organisation": slug, "role": role} for slug, role in spec["partners"]]
    data["sites"] = [
        {"name": name, "country": c, "latitude": lat, "longitude": lon}
        for name, c, lat, lon in spec["sites"]
    ]
    data["milestones"] = [{"title": t, "due": due, "status": s} for t, due, s in spec["milestones"]]
    if spec.get("country"):
        lead = next(slug for slug, role in spec["partners"] if role == "2")
        data["lead_organisation"] = lead
    return data


def _budgets(spec: dict) -> list[dict]:
    """A budget row per committed source, for projects whose spec gives none: the
    commitments (else the disbursements) plus 15 % (a planned contingency), dated at the
    planned start, so the
    report's budget columns are not empty. Generated, like the rest of the demo."""
    if any(row["kind"] == "budget" for row in spec["funding"]):
        return []
    committed: dict[tuple[str, str, str | None], Decimal] = {}
    # what was committed; for a project with disbursements only, what was paid out
    basis = (
        "commitment" if any(r["kind"] == "commitment" for r in spec["funding"]) else "disbursement"
    )
    for row in spec["funding"]:
        if row["kind"] == basis:
            key = (row["source_type"], row["currency"], row["funder"])
            committed[key] = committed.get(key, Decimal(0)) + Decimal(row["amount"])
    day = spec.get("planned_start") or min(row["date"] for row in spec["funding"])
    return [
        _f(source, "budget", day, str((amount * Decimal("1.15")).quantize(Decimal(1))), cur, funder)
        for (source, cur, funder), amount in committed.items()
    ]


def load() -> Counter:
    """Create or refresh the demo projects and their funding; counts of what is stored."""
    loader = _Loader()
    counts: Counter = Counter()
    counts["rates"] = currency.load_demo_rates()
    for spec in PROJECTS:
        data = _data(spec)
        project = Project.objects.filter(code=spec["code"]).first()
        if project is None:
            project = services.create_project(user=loader, data=data)
            counts["created"] += 1
        else:
            data.pop("code")
            services.update_project(user=loader, project=project, data=data)
            counts["updated"] += 1
        project.funding.all().delete()
        for row in [*spec["funding"], *_budgets(spec)]:
            services.add_funding(user=loader, project=project, data=row)
            counts["funding"] += 1
    counts["projects"] = Project.objects.filter(code__in=[p["code"] for p in PROJECTS]).count()
    return counts


def describe(counts: Counter) -> str:
    return (
        f"demo projects: {counts['projects']} ({counts['created']} created, "
        f"{counts['updated']} refreshed), {counts['funding']} funding rows, "
        f"{counts['rates']} exchange rates added or changed"
    )
