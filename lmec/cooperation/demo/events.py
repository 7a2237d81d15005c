"""Demo events 2023–2026 in the six countries, with registrations and attendance.

About forty events of twelve recurring series (roundtables, seminars, working-group
meetings, trainings, forums, field visits, volunteer days), each serving framework
activities. The three annual activities of direction 1 skip a year on purpose (no seminar
D1-A1-2 in 2024, no working-group meeting D1-A1-3 in 2025) so that the progress pages show
gaps. Participants come from a fixed seed: reproducible, and safe to load again (events by
slug, registrations by e-mail). The organisations are the knowledge demo's
(``lmec/knowledge/data/demo/organisations.yaml``), loaded before this.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

SEED = 20231
LANGS = ("zh-hans", "en", "th", "vi", "lo", "km", "my")

#: (code, kind, activities, hours per day, titles in the seven languages)
SERIES = {
    "rt": (
        "roundtable",
        ["D1-A1-1", "D5-A1-2"],
        {
            "en": "Roundtable on environmental knowledge sharing",
            "zh-hans": "环境知识共享圆桌对话",
            "th": "การสนทนาโต๊ะกลมว่าด้วยการแบ่งปันความรู้ด้านสิ่งแวดล้อม",
            "vi": "Đối thoại bàn tròn về chia sẻ tri thức môi trường",
            "lo": "ການສົນທະນາໂຕະມົນກ່ຽວກັບການແບ່ງປັນຄວາມຮູ້ດ້ານສິ່ງແວດລ້ອມ",
            "km": "កិច្ចសន្ទនាតុមូលស្តីពីការចែករំលែកចំណេះដឹងបរិស្ថាន",
            "my": "ပတ်ဝန်းကျင်ဆိုင်ရာ အသိပညာမျှဝေခြင်း စားပွဲဝိုင်းဆွေးနွေးပွဲ",
        },
    ),
    "sem": (
        "workshop",
        ["D1-A1-2"],
        {
            "en": "Seminar on the region's core environmental issues",
            "zh-hans": "区域核心环境问题研讨会",
            "th": "การสัมมนาประเด็นสิ่งแวดล้อมหลักของภูมิภาค",
            "vi": "Hội thảo về các vấn đề môi trường cốt lõi của khu vực",
            "lo": "ກອງສຳມະນາກ່ຽວກັບບັນຫາສິ່ງແວດລ້ອມຫຼັກຂອງພາກພື້ນ",
            "km": "សិក្ខាសាលាស្តីពីបញ្ហាបរិស្ថានស្នូលនៃតំបន់",
            "my": "ဒေသ၏ အဓိကပတ်ဝန်းကျင်ပြဿနာများဆိုင်ရာ ဆွေးနွေးပွဲ",
        },
    ),
    "wg": (
        "working_group",
        ["D1-A1-3"],
        {
            "en": "Meeting of the environmental cooperation working group",
            "zh-hans": "澜湄环境合作工作组会议",
            "th": "การประชุมคณะทำงานความร่วมมือด้านสิ่งแวดล้อม",
            "vi": "Cuộc họp nhóm công tác hợp tác môi trường",
            "lo": "ກອງປະຊຸມຄະນະເຮັດວຽກການຮ່ວມມືດ້ານສິ່ງແວດລ້ອມ",
            "km": "កិច្ចប្រជុំក្រុមការងារកិច្ចសហប្រតិបត្តិការបរិស្ថាន",
            "my": "ပတ်ဝန်းကျင်ပူးပေါင်းဆောင်ရွက်ရေး လုပ်ငန်းအဖွဲ့အစည်းအဝေး",
        },
    ),
    "air": (
        "training",
        ["D1-A2-2", "D4-A1-1"],
        {
            "en": "Training on air quality monitoring",
            "zh-hans": "空气质量监测培训",
            "th": "การฝึกอบรมการตรวจวัดคุณภาพอากาศ",
            "vi": "Tập huấn quan trắc chất lượng không khí",
            "lo": "ການຝຶກອົບຮົມການຕິດຕາມຄຸນນະພາບອາກາດ",
            "km": "វគ្គបណ្តុះបណ្តាលស្តីពីការតាមដានគុណភាពខ្យល់",
            "my": "လေထုအရည်အသွေး စောင့်ကြည့်ခြင်းသင်တန်း",
        },
    ),
    "youth": (
        "youth_forum",
        ["D3-A1-3", "D5-A2-2"],
        {
            "en": "Green Lancang-Mekong youth forum",
            "zh-hans": "绿色澜湄青年论坛",
            "th": "เวทีเยาวชนล้านช้าง-แม่โขงสีเขียว",
            "vi": "Diễn đàn thanh niên Lan Thương - Mê Công xanh",
            "lo": "ເວທີຊາວໜຸ່ມລ້ານຊ້າງ-ແມ່ຂອງສີຂຽວ",
            "km": "វេទិកាយុវជនឡានឆាង-មេគង្គបៃតង",
            "my": "စိမ်းလန်းသော လန်ချန်း-မဲခေါင် လူငယ်ဖိုရမ်",
        },
    ),
    "comm": (
        "community_forum",
        ["D3-A3-2"],
        {
            "en": "Community forum on climate adaptation",
            "zh-hans": "气候适应社区论坛",
            "th": "เวทีชุมชนว่าด้วยการปรับตัวต่อการเปลี่ยนแปลงสภาพภูมิอากาศ",
            "vi": "Diễn đàn cộng đồng về thích ứng với biến đổi khí hậu",
            "lo": "ເວທີຊຸມຊົນກ່ຽວກັບການປັບຕົວຕໍ່ການປ່ຽນແປງດິນຟ້າອາກາດ",
            "km": "វេទិកាសហគមន៍ស្តីពីការបន្សាំនឹងការប្រែប្រួលអាកាសធាតុ",
            "my": "ရာသီဥတုလိုက်လျောညီထွေရေး ရပ်ရွာဖိုရမ်",
        },
    ),
    "water": (
        "field_visit",
        ["D4-A3-2"],
        {
            "en": "Field visit on water environment management",
            "zh-hans": "水环境管理实地考察",
            "th": "การศึกษาดูงานการจัดการสิ่งแวดล้อมทางน้ำ",
            "vi": "Khảo sát thực địa về quản lý môi trường nước",
            "lo": "ການທັດສະນະສຶກສາການຄຸ້ມຄອງສິ່ງແວດລ້ອມນ້ຳ",
            "km": "ទស្សនកិច្ចសិក្សាស្តីពីការគ្រប់គ្រងបរិស្ថានទឹក",
            "my": "ရေပတ်ဝန်းကျင်စီမံခန့်ခွဲမှု ကွင်းဆင်းလေ့လာရေးခရီး",
        },
    ),
    "plastic": (
        "training",
        ["D4-A1-3", "D4-A2-1"],
        {
            "en": "Training on plastic waste management",
            "zh-hans": "塑料废弃物管理培训",
            "th": "การฝึกอบรมการจัดการขยะพลาสติก",
            "vi": "Tập huấn quản lý chất thải nhựa",
            "lo": "ການຝຶກອົບຮົມການຄຸ້ມຄອງຂີ້ເຫຍື້ອພລາສຕິກ",
            "km": "វគ្គបណ្តុះបណ្តាលស្តីពីការគ្រប់គ្រងកាកសំណល់ប្លាស្ទិក",
            "my": "ပလတ်စတစ်စွန့်ပစ်ပစ္စည်း စီမံခန့်ခွဲမှုသင်တန်း",
        },
    ),
    "eco": (
        "roundtable",
        ["D2-A1-1"],
        {
            "en": "Dialogue on ecosystem management and biodiversity",
            "zh-hans": "生态系统管理与生物多样性对话",
            "th": "การสนทนาว่าด้วยการจัดการระบบนิเวศและความหลากหลายทางชีวภาพ",
            "vi": "Đối thoại về quản lý hệ sinh thái và đa dạng sinh học",
            "lo": "ການສົນທະນາກ່ຽວກັບການຄຸ້ມຄອງລະບົບນິເວດ ແລະ ຊີວະນາໆພັນ",
            "km": "កិច្ចសន្ទនាស្តីពីការគ្រប់គ្រងប្រព័ន្ធអេកូឡូស៊ី និងជីវចម្រុះ",
            "my": "ဂေဟစနစ်စီမံခန့်ခွဲမှုနှင့် ဇီဝမျိုးစုံမျိုးကွဲ ဆွေးနွေးပွဲ",
        },
    ),
    "clean": (
        "volunteer",
        ["D5-A2-2"],
        {
            "en": "Mekong river clean-up volunteer day",
            "zh-hans": "湄公河清洁志愿者日",
            "th": "วันอาสาสมัครทำความสะอาดแม่น้ำโขง",
            "vi": "Ngày tình nguyện làm sạch sông Mê Công",
            "lo": "ວັນອາສາສະໝັກອະນາໄມແມ່ນ້ຳຂອງ",
            "km": "ទិវាស្ម័គ្រចិត្តសម្អាតទន្លេមេគង្គ",
            "my": "မဲခေါင်မြစ် သန့်ရှင်းရေး စေတနာ့ဝန်ထမ်းနေ့",
        },
    ),
    "finance": (
        "workshop",
        ["D3-A1-2"],
        {
            "en": "Dialogue on climate investment and finance",
            "zh-hans": "气候投融资对话",
            "th": "การสนทนาว่าด้วยการลงทุนและการเงินด้านสภาพภูมิอากาศ",
            "vi": "Đối thoại về đầu tư và tài chính khí hậu",
            "lo": "ການສົນທະນາກ່ຽວກັບການລົງທຶນ ແລະ ການເງິນດ້ານດິນຟ້າອາກາດ",
            "km": "កិច្ចសន្ទនាស្តីពីការវិនិយោគ និងហិរញ្ញវត្ថុអាកាសធាតុ",
            "my": "ရာသီဥတုဆိုင်ရာ ရင်းနှီးမြှုပ်နှံမှုနှင့် ဘဏ္ဍာရေး ဆွေးနွေးပွဲ",
        },
    ),
    "kp": (
        "training",
        ["D5-A1-1", "D5-A2-1"],
        {
            "en": "Knowledge platform training for national focal points",
            "zh-hans": "知识平台国家联络点培训",
            "th": "การฝึกอบรมการใช้แพลตฟอร์มความรู้สำหรับหน่วยประสานงานระดับชาติ",
            "vi": "Tập huấn nền tảng tri thức cho đầu mối quốc gia",
            "lo": "ການຝຶກອົບຮົມເວທີຄວາມຮູ້ສຳລັບຜູ້ປະສານງານແຫ່ງຊາດ",
            "km": "វគ្គបណ្តុះបណ្តាលវេទិកាចំណេះដឹងសម្រាប់ចំណុចទំនាក់ទំនងជាតិ",
            "my": "အမျိုးသားဆက်သွယ်ရေးဌာနများအတွက် အသိပညာပလက်ဖောင်း သင်တန်း",
        },
    ),
}

#: Host cities: (code, country, zone, {language: name}, venue in English)
CITIES = {
    "kunming": ("CN", "Asia/Shanghai", {"en": "Kunming", "zh-hans": "昆明"}, "Dianchi Hotel"),
    "jinghong": (
        "CN",
        "Asia/Shanghai",
        {"en": "Jinghong", "zh-hans": "景洪"},
        "Xishuangbanna conference centre",
    ),
    "phnom-penh": (
        "KH",
        "Asia/Phnom_Penh",
        {"en": "Phnom Penh", "km": "ភ្នំពេញ", "zh-hans": "金边"},
        "Ministry of Environment",
    ),
    "siem-reap": (
        "KH",
        "Asia/Phnom_Penh",
        {"en": "Siem Reap", "km": "សៀមរាប", "zh-hans": "暹粒"},
        "Tonle Sap field station",
    ),
    "vientiane": (
        "LA",
        "Asia/Vientiane",
        {"en": "Vientiane", "lo": "ວຽງຈັນ", "zh-hans": "万象"},
        "Lao Plaza Hotel",
    ),
    "luang-prabang": (
        "LA",
        "Asia/Vientiane",
        {"en": "Luang Prabang", "lo": "ຫຼວງພະບາງ", "zh-hans": "琅勃拉邦"},
        "Provincial environment office",
    ),
    "yangon": (
        "MM",
        "Asia/Yangon",
        {"en": "Yangon", "my": "ရန်ကုန်", "zh-hans": "仰光"},
        "University of Yangon",
    ),
    "nay-pyi-taw": (
        "MM",
        "Asia/Yangon",
        {"en": "Nay Pyi Taw", "my": "နေပြည်တော်", "zh-hans": "内比都"},
        "MONREC conference hall",
    ),
    "bangkok": (
        "TH",
        "Asia/Bangkok",
        {"en": "Bangkok", "th": "กรุงเทพมหานคร", "zh-hans": "曼谷"},
        "UN Conference Centre",
    ),
    "chiang-mai": (
        "TH",
        "Asia/Bangkok",
        {"en": "Chiang Mai", "th": "เชียงใหม่", "zh-hans": "清迈"},
        "Chiang Mai University",
    ),
    "hanoi": (
        "VN",
        "Asia/Ho_Chi_Minh",
        {"en": "Hanoi", "vi": "Hà Nội", "zh-hans": "河内"},
        "Viet Nam Environment Administration",
    ),
    "can-tho": (
        "VN",
        "Asia/Ho_Chi_Minh",
        {"en": "Can Tho", "vi": "Cần Thơ", "zh-hans": "芹苴"},
        "Can Tho University",
    ),
}
HOST_LANGUAGE = {"CN": "zh-hans", "KH": "km", "LA": "lo", "MM": "my", "TH": "th", "VN": "vi"}
ORGANISERS = {
    "CN": ["mee-cn", "lmec-centre"],
    "KH": ["moe-kh"],
    "LA": ["monre-la"],
    "MM": ["monrec-mm"],
    "TH": ["mnre-th", "pcd-th"],
    "VN": ["monre-vn", "vea-vn"],
}
PARTNERS = ["mrcs", "iucn-asia", "sei-asia", "ait", "chula", "nuol", "rupp"]

#: (series, year, month, day, days, city). No "sem" in 2024 and no "wg" in 2025: gaps.
SCHEDULE = [
    ("rt", 2023, 6, 13, 1, "kunming"),
    ("sem", 2023, 9, 5, 2, "bangkok"),
    ("wg", 2023, 11, 21, 1, "vientiane"),
    ("air", 2023, 3, 14, 3, "hanoi"),
    ("youth", 2023, 8, 12, 2, "phnom-penh"),
    ("eco", 2023, 10, 17, 1, "yangon"),
    ("plastic", 2023, 5, 23, 2, "chiang-mai"),
    ("clean", 2023, 12, 2, 1, "luang-prabang"),
    ("finance", 2023, 7, 4, 1, "jinghong"),
    ("rt", 2024, 6, 18, 1, "hanoi"),
    ("wg", 2024, 11, 26, 1, "kunming"),
    ("air", 2024, 2, 27, 3, "vientiane"),
    ("youth", 2024, 8, 10, 2, "bangkok"),
    ("comm", 2024, 4, 9, 1, "siem-reap"),
    ("water", 2024, 9, 24, 2, "can-tho"),
    ("kp", 2024, 5, 14, 2, "kunming"),
    ("plastic", 2024, 10, 8, 2, "yangon"),
    ("clean", 2024, 12, 7, 1, "phnom-penh"),
    ("eco", 2024, 3, 19, 1, "luang-prabang"),
    ("rt", 2025, 6, 17, 1, "bangkok"),
    ("sem", 2025, 9, 9, 2, "phnom-penh"),
    ("air", 2025, 3, 11, 3, "nay-pyi-taw"),
    ("youth", 2025, 8, 9, 2, "hanoi"),
    ("comm", 2025, 4, 22, 1, "chiang-mai"),
    ("water", 2025, 10, 14, 2, "jinghong"),
    ("kp", 2025, 5, 20, 2, "vientiane"),
    ("finance", 2025, 7, 15, 1, "bangkok"),
    ("clean", 2025, 12, 6, 1, "can-tho"),
    ("plastic", 2025, 11, 4, 2, "phnom-penh"),
    ("rt", 2026, 6, 16, 1, "vientiane"),
    ("sem", 2026, 9, 8, 2, "yangon"),
    ("wg", 2026, 11, 24, 1, "hanoi"),
    ("air", 2026, 3, 10, 3, "phnom-penh"),
    ("youth", 2026, 8, 8, 2, "kunming"),
    ("eco", 2026, 4, 21, 1, "bangkok"),
    ("kp", 2026, 5, 19, 2, "hanoi"),
    ("water", 2026, 10, 13, 2, "luang-prabang"),
    ("comm", 2026, 12, 15, 1, "nay-pyi-taw"),
    ("clean", 2026, 12, 19, 1, "chiang-mai"),
    ("finance", 2026, 12, 22, 1, "kunming"),
]

#: Given and family names by country, for participants.
NAMES = {
    "CN": (["Wei", "Li", "Min", "Jing", "Hao", "Yan"], ["Zhang", "Wang", "Liu", "Chen", "Yang"]),
    "KH": (["Dara", "Sokha", "Vanna", "Sophea", "Rith"], ["Sok", "Chan", "Kim", "Heng", "Meas"]),
    "LA": (["Bounmy", "Khamla", "Souk", "Noy", "Phet"], ["Phommachanh", "Sayavong", "Keomany"]),
    "MM": (["Aung", "Thiri", "Kyaw", "Hnin", "Zaw"], ["Htun", "Win", "Myint", "Oo", "Naing"]),
    "TH": (["Somchai", "Nattaya", "Kittipong", "Ploy", "Anan"], ["Wongsawat", "Srisuk", "Chaiyo"]),
    "VN": (["Lan", "Minh", "Huong", "Tuan", "Thao"], ["Nguyen", "Tran", "Le", "Pham", "Hoang"]),
}
STAKEHOLDERS = (
    ["government"] * 5
    + ["academia"] * 3
    + ["ngo"] * 2
    + [
        "private",
        "community",
        "media",
        "international",
        "youth",
    ]
)


def slug_for(series: str, year: int, city: str) -> str:
    return f"{year}-{series}-{city}"


def _event_fields(series, year, month, day, days, city) -> dict:
    kind, _activities, titles = SERIES[series]
    country, zone, city_names, venue = CITIES[city]
    local_start = dt.datetime(year, month, day, 9, 0, tzinfo=ZoneInfo(zone))
    local_end = dt.datetime(year, month, day, 17, 0, tzinfo=ZoneInfo(zone)) + dt.timedelta(
        days=days - 1
    )
    host = HOST_LANGUAGE[country]
    fields = {
        "kind": kind,
        "language": host,
        "start": local_start.astimezone(dt.UTC),
        "end": local_end.astimezone(dt.UTC),
        "timezone": zone,
        "country_id": country,
        "status": "published",
    }
    for lang in LANGS:
        fields[build_localized_fieldname("title", lang)] = f"{titles[lang]} {year}"
        fields[build_localized_fieldname("city", lang)] = city_names.get(lang, "")
    fields[build_localized_fieldname("venue", "en")] = venue
    fields[build_localized_fieldname("summary", "en")] = (
        f"{titles['en']} hosted in {city_names['en']}, with the focal points of the six "
        "Lancang-Mekong countries, experts and partners."
    )
    fields[build_localized_fieldname("agenda", "en")] = (
        "09:00 Opening\n09:30 Country presentations\n13:30 Working sessions\n16:30 Conclusions"
    )
    return fields


@transaction.atomic
def load(*, now: dt.datetime | None = None) -> dict:
    """Create or update the demo events and their participants; returns counts."""
    from lmec.cooperation.models import Activity, Event, Registration
    from lmec.network.models import Organisation

    now = now or timezone.now()
    rng = random.Random(SEED)
    counts = Counter(events_created=0, events_updated=0, registrations_created=0)
    activities = {a.code: a for a in Activity.objects.all()}
    organisations = {o.slug: o for o in Organisation.objects.all()}
    for series, year, month, day, days, city in SCHEDULE:
        slug = slug_for(series, year, city)
        fields = _event_fields(series, year, month, day, days, city)
        upcoming = fields["end"] > now
        fields["registration_open"] = upcoming
        fields["capacity"] = 40 if SERIES[series][0] == "training" else None
        if not upcoming:
            fields[build_localized_fieldname("outcomes", "en")] = (
                "Participants agreed on follow-up actions and shared their countries' "
                "experience; the presentations are in the knowledge platform."
            )
        event, created = Event.objects.update_or_create(slug=slug, defaults=fields)
        counts["events_created" if created else "events_updated"] += 1
        event.activities.set([activities[c] for c in SERIES[series][1] if c in activities])
        country = fields["country_id"]
        event.organisers.set([organisations[s] for s in ORGANISERS[country] if s in organisations])
        partner = PARTNERS[(year + month) % len(PARTNERS)]
        event.partners.set([organisations[partner]] if partner in organisations else [])
        counts.update(_participants(event, rng, now=now, upcoming=upcoming))
        if SERIES[series][0] == "training" and not upcoming:
            for registration in Registration.objects.filter(
                event=event, attended=True, certificate_number=""
            ):
                registration.certificate_number = (
                    f"LMEC-{event.start.year}-{event.pk:04d}-{registration.pk:05d}"
                )
                registration.save(update_fields=["certificate_number"])
    counts["events"] = Event.objects.filter(
        slug__in=[slug_for(s[0], s[1], s[5]) for s in SCHEDULE]
    ).count()
    counts["registrations"] = Registration.objects.filter(
        event__slug__in=[slug_for(s[0], s[1], s[5]) for s in SCHEDULE]
    ).count()
    return dict(counts)


def _participants(event, rng: random.Random, *, now, upcoming: bool) -> Counter:
    from lmec.cooperation.models import Registration

    counts = Counter()
    host = event.country_id
    size = rng.randint(3, 6) if upcoming else rng.randint(6, 14)
    for n in range(size):
        # half from the host country, the rest from the other five
        country = host if rng.random() < 0.5 else rng.choice(sorted(NAMES))
        given, family = NAMES[country]
        name = f"{rng.choice(given)} {rng.choice(family)}"
        email = f"{event.slug}-{n}@participants.lmec.invalid"
        attended = None if upcoming else rng.random() < 0.85
        defaults = {
            "name": name,
            "country_id": country,
            "stakeholder_type": "youth"
            if event.kind == "youth_forum" and rng.random() < 0.6
            else rng.choice(STAKEHOLDERS),
            "gender": rng.choice(["female", "male", "female", "male", "undisclosed"]),
            "age_group": rng.choice(
                ["under_25", "25_34", "25_34", "35_44", "35_44", "45_54", "55_64", "undisclosed"]
            )
            if event.kind != "youth_forum"
            else rng.choice(["under_25", "under_25", "25_34"]),
            "attended": attended,
            "consent_at": min(now, event.start - dt.timedelta(days=rng.randint(3, 30))),
        }
        _registration, created = Registration.objects.get_or_create(
            event=event, email=email, defaults=defaults
        )
        counts["registrations_created"] += created
    return counts


def describe(counts: dict) -> str:
    """The line ``lmec load_demo`` prints about the events demo."""
    return (
        "cooperation events: {events} ({c} created, {u} updated), {r} registrations "
        "({rc} new)".format(
            events=counts["events"],
            c=counts["events_created"],
            u=counts["events_updated"],
            r=counts["registrations"],
            rc=counts["registrations_created"],
        )
    )
