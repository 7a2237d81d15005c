"""A small multilingual catalogue for the search tests, built with the ORM and indexed.

The texts were written for these tests, one topic per language so that a cross-lingual
query has one right answer: a Lao report on the circular economy in industrial zones, an
English study of fish migration and hydropower dams, Thai air pollution from open burning,
Chinese green finance, Vietnamese climate change and agriculture, Khmer mangroves, Burmese
(typed in Zawgyi) solar energy for villages.
"""

import datetime

import icu
import pytest

from lmec.knowledge.models import Distribution, Keyword, Resource
from lmec.knowledge.search import index

ZAWGYI = icu.Transliterator.createInstance("my-Zawgyi")

BURMESE_TITLE = "ကျေးလက်ဒေသများအတွက် နေရောင်ခြည်စွမ်းအင်"
BURMESE_ABSTRACT = "ကျေးရွာများတွင် ဆိုလာပြားများဖြင့် လျှပ်စစ်မီး ထုတ်လုပ်ခြင်း"

CORPUS = [
    dict(
        identifier="lo-circular",
        language="lo",
        title={"lo": "ບົດລາຍງານກ່ຽວກັບເສດຖະກິດໝູນວຽນໃນເຂດອຸດສາຫະກຳ"},
        abstract={"lo": "ການນຳໃຊ້ຄືນສິ່ງເສດເຫຼືອ ແລະ ການຫຼຸດຜ່ອນຂີ້ເຫຍື້ອໃນໂຮງງານອຸດສາຫະກຳ"},
        type="publication",
        themes=["green-industrial-parks"],
        countries=["LA"],
        licence="cc-by-4.0",
        published_on=datetime.date(2023, 5, 1),
    ),
    dict(
        identifier="en-fish",
        language="en",
        title={"en": "Fish migration and hydropower dams on the Mekong mainstream"},
        abstract={
            "en": "How dams block the migration of fish species, and what fish passages "
            "can do for the river's fisheries."
        },
        type="publication",
        themes=["transport-ecosystems", "energy-climate"],
        countries=["LA", "KH"],
        licence="cc-by-sa-4.0",
        published_on=datetime.date(2022, 3, 15),
    ),
    dict(
        identifier="th-air",
        language="th",
        title={"th": "มลพิษทางอากาศจากการเผาในที่โล่งในภาคเหนือของประเทศไทย"},
        abstract={"th": "ฝุ่นละออง PM2.5 จากการเผาเศษวัสดุทางการเกษตรส่งผลต่อสุขภาพของประชาชน"},
        type="dataset",
        themes=["energy-climate"],
        countries=["TH"],
        licence="odc-by",
        published_on=datetime.date(2024, 1, 20),
    ),
    dict(
        identifier="zh-finance",
        language="zh-hans",
        title={"zh-hans": "绿色金融支持低碳基础设施建设"},
        abstract={
            "zh-hans": "本报告分析绿色债券和绿色信贷如何为澜湄国家的可再生能源项目提供资金。"
        },
        type="policy",
        themes=["natural-capital-finance"],
        countries=["CN"],
        licence="cc-by-4.0",
        published_on=datetime.date(2024, 6, 1),
    ),
    dict(
        identifier="vi-climate",
        language="vi",
        title={"vi": "Tác động của biến đổi khí hậu đến nông nghiệp ở đồng bằng sông Cửu Long"},
        abstract={"vi": "Nước biển dâng và xâm nhập mặn làm giảm năng suất lúa."},
        type="publication",
        themes=["energy-climate"],
        countries=["VN"],
        licence="cc-by-4.0",
        published_on=datetime.date(2021, 9, 9),
    ),
    dict(
        # The syllables of "biến đổi khí hậu" (climate change), none of them next to the
        # others: a Vietnamese phrase query must not find this one.
        identifier="vi-scattered",
        language="vi",
        title={"vi": "Hậu quả của khí thải: thay đổi chất lượng không khí và biến động dân số"},
        type="publication",
        countries=["VN"],
        licence="notspecified",
        published_on=datetime.date(2020, 2, 2),
    ),
    dict(
        identifier="km-mangrove",
        language="km",
        title={"km": "ព្រៃកោងកាងការពារឆ្នេរសមុទ្រពីសំណឹក"},
        abstract={"km": "ដំណោះស្រាយផ្អែកលើធម្មជាតិសម្រាប់សហគមន៍នេសាទតាមឆ្នេរ"},
        type="case",
        themes=["nature-based-solutions"],
        countries=["KH"],
        licence="cc-by-4.0",
        published_on=datetime.date(2023, 11, 30),
    ),
    dict(
        identifier="my-solar",
        language="my",
        # Entered in Zawgyi, as many Burmese keyboards still type it.
        title={"my": ZAWGYI.transliterate(BURMESE_TITLE)},
        abstract={"my": ZAWGYI.transliterate(BURMESE_ABSTRACT)},
        type="training",
        themes=["energy-climate"],
        countries=["MM"],
        licence="cc-by-4.0",
        published_on=datetime.date(2022, 12, 12),
    ),
    dict(
        # Two language versions: English original and a Thai translation.
        identifier="en-th-parks",
        language="en",
        title={
            "en": "Green industrial parks: a guide for managers",
            "th": "นิคมอุตสาหกรรมสีเขียว: คู่มือสำหรับผู้บริหาร",
        },
        abstract={
            "en": "Energy audits, shared wastewater treatment and industrial symbiosis.",
            "th": "การตรวจสอบพลังงาน การบำบัดน้ำเสียร่วมกัน และการใช้ประโยชน์ร่วมกันระหว่างโรงงาน",
        },
        type="tool",
        themes=["green-industrial-parks"],
        countries=["TH", "VN"],
        licence="cc-by-4.0",
        published_on=datetime.date(2024, 2, 29),
        keywords=["Eco-industrial park"],
    ),
    dict(
        # Not published: the public never finds it, though it has the Thai words above.
        identifier="th-draft",
        language="th",
        title={"th": "ร่างรายงานมลพิษทางอากาศ"},
        type="publication",
        status="draft",
        published_on=datetime.date(2025, 1, 1),
    ),
]


def make_resource(
    *,
    identifier,
    language,
    title,
    abstract=None,
    type="publication",
    status="published",
    themes=(),
    countries=(),
    keywords=(),
    licence="cc-by-4.0",
    published_on=None,
    files=(),
    reindex=True,
    **fields,
):
    """A resource with its texts by language ({lang: text}), indexed (lexical and embeddings)
    unless told not to."""
    for name, values in (("title", title), ("abstract", abstract or {})):
        for lang, value in values.items():
            fields[f"{name}_{lang.replace('-', '_')}"] = value
    resource = Resource.objects.create(
        identifier=identifier,
        language=language,
        type=type,
        status=status,
        licence=licence,
        published_on=published_on,
        **fields,
    )
    resource.themes.set(themes)
    resource.countries.set(countries)
    resource.keywords.set([Keyword.objects.get_or_create(name=k)[0] for k in keywords])
    for position, (file_text, file_language) in enumerate(files):
        Distribution.objects.create(
            resource=resource,
            kind="link",
            url=f"https://example.org/{identifier}/{position}",
            text=file_text,
            language=file_language,
            position=position,
        )
    if reindex:
        index.reindex_resource(resource.id)
        index.embed_pending()  # what the background task does after the commit
    return resource


@pytest.fixture(name="corpus")
def corpus_fixture(db):
    """The catalogue above, indexed: {identifier: Resource}."""
    return {data["identifier"]: make_resource(**data) for data in CORPUS}
