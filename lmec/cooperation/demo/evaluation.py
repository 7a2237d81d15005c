"""Demo content of the evaluation (strategy 5.4): the six countries' self-assessments and
about 150 items of public feedback.

- 2023, 2024 and 2025: every country's self-assessment, submitted (in February of the next
  year) by its focal point, each answer written in the country's language followed by its
  English version; Cambodia's 2024 one was reopened by the secretariat and submitted again.
- 2026: drafts, partly filled, for Cambodia, Lao PDR and Thailand.
- 150 feedback items on activities, and on the published events and projects the events and
  projects demos create (looked up, whatever their slugs; only activities if there are none):
  mostly approved, some pending, some rejected, in the seven languages.

``load()`` is reproducible (fixed seed) and idempotent: an existing self-assessment is left
as it is, and feedback items carry a ``demo:<n>`` marker so a second run adds nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from lmec.core.models import Country

from ..models import (
    AssessmentStatus,
    Direction,
    Event,
    EventStatus,
    Feedback,
    FeedbackStatus,
    ProgressStatus,
    Project,
    SelfAssessment,
    SelfAssessmentEntry,
    StakeholderType,
)
from ..selectors.framework import current_strategy
from ..services.evaluation import expected_activities

SEED = 510
SUBMITTED_YEARS = (2023, 2024, 2025)
DRAFT_YEAR = 2026
DRAFT_COUNTRIES = ("KH", "LA", "TH")
FEEDBACK_ITEMS = 150

#: country -> (language, country name in it, two cities in it)
COUNTRIES = {
    "KH": ("km", "កម្ពុជា", ("ភ្នំពេញ", "សៀមរាប")),
    "CN": ("zh-hans", "中国", ("昆明", "北京")),
    "LA": ("lo", "ສປປ ລາວ", ("ນະຄອນຫຼວງວຽງຈັນ", "ຫຼວງພະບາງ")),
    "MM": ("my", "မြန်မာ", ("နေပြည်တော်", "ရန်ကုန်")),
    "TH": ("th", "ประเทศไทย", ("กรุงเทพมหานคร", "เชียงใหม่")),
    "VN": ("vi", "Việt Nam", ("Hà Nội", "Cần Thơ")),
}
CITIES_EN = {
    "KH": ("Phnom Penh", "Siem Reap"),
    "CN": ("Kunming", "Beijing"),
    "LA": ("Vientiane", "Luang Prabang"),
    "MM": ("Nay Pyi Taw", "Yangon"),
    "TH": ("Bangkok", "Chiang Mai"),
    "VN": ("Hanoi", "Can Tho"),
}
COUNTRY_EN = {
    "KH": "Cambodia",
    "CN": "China",
    "LA": "Lao PDR",
    "MM": "Myanmar",
    "TH": "Thailand",
    "VN": "Viet Nam",
}

#: (local text, English) by language; ``{city}`` is filled in.
ACHIEVEMENTS = {
    "th": [
        ("จัดการประชุมเชิงปฏิบัติการระดับชาติที่{city} มีผู้เข้าร่วมจากหน่วยงานรัฐและภาคประชาสังคม",
         "Held a national workshop in {city} with government agencies and civil society."),
        ("ขยายเครือข่ายสถานีตรวจวัดคุณภาพอากาศและเผยแพร่ข้อมูลต่อสาธารณะ",
         "Extended the air-quality monitoring network and published the data."),
        ("แลกเปลี่ยนแนวปฏิบัติที่ดีกับประเทศสมาชิกแม่โขง-ล้านช้าง",
         "Exchanged good practices with the Lancang-Mekong partner countries."),
    ],
    "vi": [
        ("Tổ chức hội thảo quốc gia tại {city} với sự tham gia của các cơ quan nhà nước và "
         "tổ chức xã hội.",
         "Held a national workshop in {city} with government agencies and civil society."),
        ("Mở rộng mạng lưới trạm quan trắc chất lượng không khí và công bố dữ liệu.",
         "Extended the air-quality monitoring network and published the data."),
        ("Chia sẻ kinh nghiệm tốt với các nước Mê Công – Lan Thương.",
         "Exchanged good practices with the Lancang-Mekong partner countries."),
    ],
    "zh-hans": [
        ("在{city}举办全国研讨会，政府部门和社会组织参加。",
         "Held a national workshop in {city} with government agencies and civil society."),
        ("扩大空气质量监测站网络并公开发布数据。",
         "Extended the air-quality monitoring network and published the data."),
        ("与澜湄国家交流良好实践。",
         "Exchanged good practices with the Lancang-Mekong partner countries."),
    ],
    "lo": [
        ("ຈັດກອງປະຊຸມລະດັບຊາດທີ່{city} ໂດຍມີພາກລັດ ແລະ ອົງການຈັດຕັ້ງສັງຄົມເຂົ້າຮ່ວມ.",
         "Held a national workshop in {city} with government agencies and civil society."),
        ("ຂະຫຍາຍເຄືອຂ່າຍສະຖານີຕິດຕາມຄຸນນະພາບອາກາດ ແລະ ເຜີຍແຜ່ຂໍ້ມູນ.",
         "Extended the air-quality monitoring network and published the data."),
        ("ແລກປ່ຽນບົດຮຽນທີ່ດີກັບບັນດາປະເທດລ້ານຊ້າງ-ແມ່ຂອງ.",
         "Exchanged good practices with the Lancang-Mekong partner countries."),
    ],
    "km": [
        ("បានរៀបចំសិក្ខាសាលាថ្នាក់ជាតិនៅ{city} ដោយមានការចូលរួមពីស្ថាប័នរដ្ឋ និងសង្គមស៊ីវិល។",
         "Held a national workshop in {city} with government agencies and civil society."),
        ("បានពង្រីកបណ្តាញស្ថានីយតាមដានគុណភាពខ្យល់ និងផ្សព្វផ្សាយទិន្នន័យ។",
         "Extended the air-quality monitoring network and published the data."),
        ("បានចែករំលែកបទពិសោធន៍ល្អៗជាមួយប្រទេសមេគង្គ-ឡានឆាង។",
         "Exchanged good practices with the Lancang-Mekong partner countries."),
    ],
    "my": [
        ("{city}တွင် အမျိုးသားအဆင့် အလုပ်ရုံဆွေးနွေးပွဲကို အစိုးရဌာနများနှင့် "
         "အရပ်ဘက်အဖွဲ့အစည်းများ ပါဝင်၍ ကျင်းပခဲ့သည်။",
         "Held a national workshop in {city} with government agencies and civil society."),
        ("လေထုအရည်အသွေး စောင့်ကြည့်စခန်းကွန်ရက်ကို တိုးချဲ့ပြီး အချက်အလက်များကို ထုတ်ပြန်ခဲ့သည်။",
         "Extended the air-quality monitoring network and published the data."),
        ("လန်ချန်း-မဲခေါင် နိုင်ငံများနှင့် ကောင်းမွန်သော အလေ့အကျင့်များကို ဖလှယ်ခဲ့သည်။",
         "Exchanged good practices with the Lancang-Mekong partner countries."),
    ],
}  # fmt: skip
CHALLENGES = {
    "th": [("งบประมาณจำกัดและการประสานงานระหว่างหน่วยงาน",
            "Limited budget and coordination between agencies."),
           ("ขาดบุคลากรที่มีความเชี่ยวชาญด้านเทคนิค", "Shortage of technically skilled staff.")],
    "vi": [("Ngân sách hạn chế và phối hợp giữa các cơ quan còn khó khăn.",
            "Limited budget and coordination between agencies."),
           ("Thiếu cán bộ có chuyên môn kỹ thuật.", "Shortage of technically skilled staff.")],
    "zh-hans": [("预算有限，部门间协调有待加强。", "Limited budget and coordination between agencies."),
                ("缺乏专业技术人员。", "Shortage of technically skilled staff.")],
    "lo": [("ງົບປະມານຈຳກັດ ແລະ ການປະສານງານລະຫວ່າງຂະແໜງການ.",
            "Limited budget and coordination between agencies."),
           ("ຂາດພະນັກງານວິຊາການ.", "Shortage of technically skilled staff.")],
    "km": [("ថវិកាមានកម្រិត និងការសម្របសម្រួលរវាងស្ថាប័ន។",
            "Limited budget and coordination between agencies."),
           ("ខ្វះបុគ្គលិកជំនាញបច្ចេកទេស។", "Shortage of technically skilled staff.")],
    "my": [("ဘတ်ဂျက် အကန့်အသတ်ရှိခြင်းနှင့် ဌာနများအကြား ညှိနှိုင်းရေး။",
            "Limited budget and coordination between agencies."),
           ("နည်းပညာကျွမ်းကျင်သော ဝန်ထမ်း မလုံလောက်ခြင်း။", "Shortage of technically skilled staff.")],
}  # fmt: skip
NEXT_STEPS = {
    "th": [("ขยายการฝึกอบรมไปยังจังหวัดอื่นในปีหน้า", "Extend the training to more provinces next year."),
           ("จัดทำแผนความร่วมมือร่วมกับศูนย์ความร่วมมือด้านสิ่งแวดล้อมล้านช้าง-แม่โขง",
            "Prepare a joint plan with the Lancang-Mekong Environmental Cooperation Center.")],
    "vi": [("Mở rộng đào tạo sang các tỉnh khác trong năm tới.",
            "Extend the training to more provinces next year."),
           ("Xây dựng kế hoạch hợp tác chung với Trung tâm Hợp tác Môi trường Mê Công – Lan Thương.",
            "Prepare a joint plan with the Lancang-Mekong Environmental Cooperation Center.")],
    "zh-hans": [("明年将培训扩展到更多省份。", "Extend the training to more provinces next year."),
                ("与澜湄环境合作中心共同制定合作计划。",
                 "Prepare a joint plan with the Lancang-Mekong Environmental Cooperation Center.")],
    "lo": [("ຂະຫຍາຍການຝຶກອົບຮົມໄປສູ່ແຂວງອື່ນໃນປີໜ້າ.",
            "Extend the training to more provinces next year."),
           ("ສ້າງແຜນການຮ່ວມມືກັບສູນຮ່ວມມືດ້ານສິ່ງແວດລ້ອມລ້ານຊ້າງ-ແມ່ຂອງ.",
            "Prepare a joint plan with the Lancang-Mekong Environmental Cooperation Center.")],
    "km": [("ពង្រីកការបណ្តុះបណ្តាលទៅខេត្តផ្សេងទៀតនៅឆ្នាំក្រោយ។",
            "Extend the training to more provinces next year."),
           ("រៀបចំផែនការសហប្រតិបត្តិការរួមជាមួយមជ្ឈមណ្ឌលសហប្រតិបត្តិការបរិស្ថានមេគង្គ-ឡានឆាង។",
            "Prepare a joint plan with the Lancang-Mekong Environmental Cooperation Center.")],
    "my": [("နောက်နှစ်တွင် အခြားပြည်နယ်နှင့်တိုင်းများသို့ သင်တန်းများ တိုးချဲ့ရန်။",
            "Extend the training to more states and regions next year."),
           ("လန်ချန်း-မဲခေါင် ပတ်ဝန်းကျင်ပူးပေါင်းဆောင်ရွက်ရေးစင်တာနှင့် ပူးတွဲအစီအစဉ် ရေးဆွဲရန်။",
            "Prepare a joint plan with the Lancang-Mekong Environmental Cooperation Center.")],
}  # fmt: skip
SUMMARY = {
    "th": ("ในปี {year} {country}ดำเนินกิจกรรมตามกรอบความร่วมมืออย่างต่อเนื่อง",
           "In {year} {country_en} carried the framework's activities forward steadily."),
    "vi": ("Năm {year}, {country} tiếp tục triển khai các hoạt động của khuôn khổ hợp tác.",
           "In {year} {country_en} carried the framework's activities forward steadily."),
    "zh-hans": ("{year}年，{country}持续推进框架各项活动。",
                "In {year} {country_en} carried the framework's activities forward steadily."),
    "lo": ("ໃນປີ {year} {country} ໄດ້ສືບຕໍ່ຈັດຕັ້ງປະຕິບັດກິດຈະກຳຕາມກອບການຮ່ວມມື.",
           "In {year} {country_en} carried the framework's activities forward steadily."),
    "km": ("នៅឆ្នាំ {year} {country} បានបន្តអនុវត្តសកម្មភាពនៃក្របខណ្ឌសហប្រតិបត្តិការ។",
           "In {year} {country_en} carried the framework's activities forward steadily."),
    "my": ("{year} ခုနှစ်တွင် {country} သည် မူဘောင်ပါ လုပ်ငန်းများကို ဆက်လက်ဆောင်ရွက်ခဲ့သည်။",
           "In {year} {country_en} carried the framework's activities forward steadily."),
}  # fmt: skip
#: Public comments by language: (rating, text).
COMMENTS = {
    "en": [(5, "Very useful workshop, clear presentations and good discussion."),
           (4, "Good initiative; please share the data sets afterwards."),
           (3, "Interesting, but more time for questions would help."),
           (2, "The invitation came too late for us to take part.")],
    "th": [(5, "มีประโยชน์มาก ได้ความรู้ใหม่และเครือข่าย"), (4, "ดีมาก อยากให้จัดต่อเนื่องทุกปี"),
           (3, "เนื้อหาดี แต่เวลาน้อยเกินไป")],
    "vi": [(5, "Rất hữu ích, trình bày rõ ràng."), (4, "Sáng kiến tốt, mong được chia sẻ dữ liệu."),
           (3, "Nội dung hay nhưng thời gian thảo luận còn ít.")],
    "zh-hans": [(5, "非常有用，交流很充分。"), (4, "很好的合作项目，希望公开更多数据。"),
                (3, "内容不错，但讨论时间较短。")],
    "lo": [(5, "ມີປະໂຫຍດຫຼາຍ."), (4, "ດີຫຼາຍ ຢາກໃຫ້ຈັດທຸກປີ.")],
    "km": [(5, "មានប្រយោជន៍ណាស់។"), (4, "ល្អណាស់ សូមរៀបចំជារៀងរាល់ឆ្នាំ។")],
    "my": [(5, "အလွန်အသုံးဝင်ပါသည်။"), (4, "ကောင်းမွန်ပါသည်၊ နှစ်စဉ် ကျင်းပစေလိုပါသည်။")],
}  # fmt: skip
SPAM = "Buy cheap followers now!!! http://spam.invalid"


def _user(username: str):
    return get_user_model().objects.filter(username=username).first()


def _text(rng: random.Random, table: dict, language: str, code: str, city_local="", city_en=""):
    local, english = rng.choice(table[language])
    return f"{local.format(city=city_local)}\n{english.format(city=city_en)}"


def _fill(rng, assessment: SelfAssessment, code: str, *, share: float = 1.0) -> None:
    language, _name, cities = COUNTRIES[code]
    entries = list(assessment.entries.all())
    for entry in entries:
        if rng.random() > share:
            continue
        which = rng.randrange(2)
        entry.status = rng.choices(
            [ProgressStatus.COMPLETED, ProgressStatus.ONGOING, ProgressStatus.NOT_STARTED],
            weights=[4, 5, 1],
        )[0]
        entry.rating = rng.choices([2, 3, 4, 5], weights=[1, 3, 5, 3])[0]
        entry.achievements = _text(
            rng, ACHIEVEMENTS, language, code, cities[which], CITIES_EN[code][which]
        )
        entry.challenges = _text(rng, CHALLENGES, language, code)
        entry.next_steps = _text(rng, NEXT_STEPS, language, code)
    SelfAssessmentEntry.objects.bulk_update(
        entries, ["status", "rating", "achievements", "challenges", "next_steps"]
    )
    local, english = SUMMARY[language]
    values = {"year": assessment.year, "country": _name, "country_en": COUNTRY_EN[code]}
    assessment.summary = f"{local.format(**values)}\n{english.format(**values)}"


def _new_assessment(code: str, year: int) -> SelfAssessment:
    assessment = SelfAssessment.objects.create(
        country_id=code, year=year, language=COUNTRIES[code][0]
    )
    directions = Direction.objects.filter(strategy=current_strategy()).order_by("number")
    SelfAssessmentEntry.objects.bulk_create(
        [SelfAssessmentEntry(assessment=assessment, direction=d) for d in directions]
        + [
            SelfAssessmentEntry(assessment=assessment, activity=a)
            for a in expected_activities(year)
        ]
    )
    return assessment


def _moment(year: int, month: int, day: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, 10, 30))


def load_assessments(rng: random.Random) -> Counter:
    counts: Counter = Counter()
    editor = _user("editor")
    known = set(Country.objects.values_list("code", flat=True))
    for year in (*SUBMITTED_YEARS, DRAFT_YEAR):
        for code in COUNTRIES:
            if code not in known:
                continue
            if year == DRAFT_YEAR and code not in DRAFT_COUNTRIES:
                continue
            if SelfAssessment.objects.filter(country_id=code, year=year).exists():
                counts["assessments unchanged"] += 1
                continue
            assessment = _new_assessment(code, year)
            focal = _user(f"focal-{code.lower()}")
            if year == DRAFT_YEAR:
                _fill(rng, assessment, code, share=0.4)
                counts["drafts"] += 1
            else:
                _fill(rng, assessment, code)
                assessment.status = AssessmentStatus.SUBMITTED
                assessment.submitted_at = _moment(year + 1, 2, 10 + rng.randrange(15))
                assessment.submitted_by = focal
                if (code, year) == ("KH", 2024):
                    # reopened by the secretariat for a correction, then submitted again
                    assessment.reopened_at = _moment(2025, 3, 3)
                    assessment.reopened_by = editor
                    assessment.submitted_at = _moment(2025, 3, 12)
                counts["submitted"] += 1
            assessment.save()
    return counts


def _feedback_targets() -> list[tuple[str, object]]:
    from ..models import Activity

    targets: list[tuple[str, object]] = [
        ("activity", a)
        for a in Activity.objects.filter(action__direction__strategy=current_strategy()).order_by(
            "action__direction__number", "action__number", "position"
        )
    ]
    targets += [
        ("event", e) for e in Event.objects.filter(status=EventStatus.PUBLISHED).order_by("slug")
    ]
    targets += [("project", p) for p in Project.objects.filter(published=True).order_by("code")]
    return targets


def load_feedback(rng: random.Random) -> Counter:
    counts: Counter = Counter()
    existing = set(
        Feedback.objects.filter(client_hash__startswith="demo:").values_list(
            "client_hash", flat=True
        )
    )
    targets = _feedback_targets()
    editor = _user("editor")
    countries = list(Country.objects.values_list("code", flat=True))
    stakeholders = list(StakeholderType.values)
    languages = list(COMMENTS)
    for n in range(FEEDBACK_ITEMS):
        # draw every item's values even when it exists, so later items stay the same
        kind, target = rng.choice(targets)
        language = rng.choices(languages, weights=[4, 2, 2, 2, 1, 1, 1])[0]
        rating, comment = rng.choice(COMMENTS[language])
        status = rng.choices(
            [FeedbackStatus.APPROVED, FeedbackStatus.PENDING, FeedbackStatus.REJECTED],
            weights=[80, 12, 8],
        )[0]
        if status == FeedbackStatus.REJECTED and rng.random() < 0.5:
            comment, rating, language = SPAM, 1, "en"
        elif rng.random() < 0.25:
            comment = ""  # a rating alone
        country = rng.choice(countries) if countries and rng.random() < 0.8 else None
        stakeholder = rng.choice(stakeholders) if rng.random() < 0.7 else ""
        when = _moment(rng.choice((2024, 2025, 2026)), rng.randint(1, 11), rng.randint(1, 28))
        marker = f"demo:{n:03d}"
        if marker in existing:
            counts["feedback unchanged"] += 1
            continue
        feedback = Feedback.objects.create(
            **{kind: target},
            rating=rating,
            comment=comment,
            language=language,
            country_id=country,
            stakeholder_type=stakeholder,
            status=status,
            client_hash=marker,
            moderated_by=editor if status != FeedbackStatus.PENDING else None,
            moderated_at=when + dt.timedelta(days=2) if status != FeedbackStatus.PENDING else None,
        )
        # created_at is set on insert (auto_now_add): give it the story's date
        Feedback.objects.filter(pk=feedback.pk).update(created_at=when)
        counts[f"feedback {status}"] += 1
        counts[f"feedback on {kind}s"] += 1
    return counts


@transaction.atomic
def load() -> dict:
    """Load the evaluation demo; returns counts (what was created, what was there)."""
    if current_strategy() is None:
        return {}
    rng = random.Random(SEED)
    counts = load_assessments(rng)
    counts.update(load_feedback(random.Random(SEED + 1)))
    return dict(counts)


def describe(counts: dict) -> str:
    if not counts:
        return "evaluation demo: no strategy loaded, nothing done"
    created = counts.get("submitted", 0) + counts.get("drafts", 0)
    feedback = sum(v for k, v in counts.items() if k.startswith("feedback ") and "on " not in k)
    feedback -= counts.get("feedback unchanged", 0)
    return (
        f"evaluation demo: {created} self-assessments created "
        f"({counts.get('submitted', 0)} submitted, {counts.get('drafts', 0)} drafts; "
        f"{counts.get('assessments unchanged', 0)} already there), "
        f"{feedback} feedback items created ({counts.get('feedback approved', 0)} approved, "
        f"{counts.get('feedback pending', 0)} pending, {counts.get('feedback rejected', 0)} "
        f"rejected; {counts.get('feedback unchanged', 0)} already there)"
    )
