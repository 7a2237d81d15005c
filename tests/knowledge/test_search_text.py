"""Text for search: segmentation of real sentences, language detection, Zawgyi, case folding."""

import icu
import pytest

from lmec.knowledge.search import text

# Sentences written for these tests ("a report on the circular economy in green industrial
# parks" and close variants), with the words ICU's dictionaries give.
SENTENCES = {
    "th": (
        "รายงานการพัฒนาเศรษฐกิจหมุนเวียนในนิคมอุตสาหกรรมสีเขียว",
        ["รายงาน", "การ", "พัฒนา", "เศรษฐกิจ", "หมุนเวียน", "ใน", "นิคม", "อุตสาหกรรม", "สี", "เขียว"],
    ),
    "lo": (
        "ບົດລາຍງານກ່ຽວກັບເສດຖະກິດໝູນວຽນໃນເຂດອຸດສາຫະກຳສີຂຽວ",
        ["ບົດ", "ລາຍງານ", "ກ່ຽວກັບ", "ເສດຖະກິດ", "ໝູນວຽນ", "ໃນ", "ເຂດ", "ອຸດສາຫະກຳ", "ສີຂຽວ"],
    ),
    "km": (
        "របាយការណ៍ស្តីពីសេដ្ឋកិច្ចចរន្តនៅក្នុងតំបន់ឧស្សាហកម្មបៃតង",
        ["របាយការណ៍", "ស្តី", "ពី", "សេដ្ឋកិច្ច", "ចរន្ត", "នៅក្នុង", "តំបន់ឧស្សាហកម្ម", "បៃតង"],
    ),
    "my": (
        "စက်မှုဇုန်စိမ်းများတွင် စက်ဝိုင်းပုံစီးပွားရေးဆိုင်ရာ အစီရင်ခံစာ",
        ["စက်မှု", "ဇုန်", "စိမ်း", "များ", "တွင်", "စက်ဝိုင်း", "ပုံ", "စီးပွားရေး", "ဆိုင်ရာ", "အစီရင်ခံစာ"],
    ),
    "zh-hans": (
        "绿色工业园区循环经济发展报告",
        ["绿色", "工业", "园区", "循环", "经济", "发展", "报告"],
    ),
    "vi": (
        "Báo cáo về Kinh tế tuần hoàn trong các khu công nghiệp xanh.",
        [
            "báo",
            "cáo",
            "về",
            "kinh",
            "tế",
            "tuần",
            "hoàn",
            "trong",
            "các",
            "khu",
            "công",
            "nghiệp",
            "xanh",
        ],
    ),
    "en": (
        "Report on the Circular Economy in green industrial parks, 2024.",
        [
            "report",
            "on",
            "the",
            "circular",
            "economy",
            "in",
            "green",
            "industrial",
            "parks",
            "2024",
        ],
    ),
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_it_segments_real_sentences_into_words(lang):
    sentence, words = SENTENCES[lang]
    assert text.segment(sentence, lang) == words


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_it_detects_the_language_by_script(lang):
    assert text.detect_language(SENTENCES[lang][0]) == lang


def test_it_detects_vietnamese_only_by_its_letters():
    assert text.detect_language("Kinh te tuan hoan") == "en"
    assert text.detect_language("Đà Nẵng") == "vi"
    assert text.detect_language("") == "en"
    assert text.detect_language("12 345", default="th") == "th"


def test_it_keeps_tone_marks_and_combining_signs_in_words():
    # Thai and Lao tone marks and vowel signs, Khmer coeng (subscript consonants), Burmese
    # asat and medials, Vietnamese tones: each word comes back whole, alone or in a sentence.
    for lang, word in [
        ("th", "เศรษฐกิจ"),
        ("th", "น้ำ"),
        ("lo", "ສິ່ງແວດລ້ອມ"),
        ("lo", "ນ້ຳ"),
        ("km", "សេដ្ឋកិច្ច"),
        ("my", "ပတ်ဝန်းကျင်"),
        ("vi", "môi"),
    ]:
        assert text.segment(word, lang) == [word]
        assert word in text.segment(SENTENCES[lang][0] + " " + word, lang)


def test_it_never_starts_a_word_with_a_combining_mark():
    import unicodedata

    for sentence, _words in SENTENCES.values():
        for word in text.segment(sentence):
            assert unicodedata.category(word[0]) not in ("Mn", "Mc"), word


def test_it_case_folds_and_drops_punctuation():
    assert text.segment("«Green» FINANCE—Natural Capital!") == [
        "green",
        "finance",
        "natural",
        "capital",
    ]
    assert text.segment("Straße") == ["strasse"]


def test_it_composes_decomposed_vietnamese():
    decomposed = "Kinh te\u0302\u0301"  # e + circumflex + acute, as some keyboards type it
    assert text.segment(decomposed) == ["kinh", "tế"]


def test_it_gives_offsets_into_the_original_text():
    s = "ในนิคมอุตสาหกรรม 𠀀 PM2.5"
    spans = list(text.word_spans(s, "th"))
    assert [(w, s[a:b]) for w, a, b in spans] == [
        ("ใน", "ใน"),
        ("นิคม", "นิคม"),
        ("อุตสาหกรรม", "อุตสาหกรรม"),
        ("𠀀", "𠀀"),
        ("pm2.5", "PM2.5"),
    ]


UNICODE_BURMESE = "စက်မှုဇုန်စိမ်းများတွင် စီးပွားရေးဆိုင်ရာ အစီရင်ခံစာ"


def test_it_detects_zawgyi_and_converts_it():
    zawgyi = icu.Transliterator.createInstance("my-Zawgyi").transliterate(UNICODE_BURMESE)
    assert zawgyi != UNICODE_BURMESE
    assert text.is_zawgyi(zawgyi)
    assert not text.is_zawgyi(UNICODE_BURMESE)
    assert not text.is_zawgyi("no Burmese at all")
    assert text.normalize(zawgyi) == UNICODE_BURMESE
    assert text.segment(zawgyi) == text.segment(UNICODE_BURMESE)


def test_it_converts_only_the_zawgyi_lines_of_a_mixed_text():
    zawgyi = icu.Transliterator.createInstance("my-Zawgyi").transliterate(UNICODE_BURMESE)
    mixed = f"{UNICODE_BURMESE}\nEnglish line\n{zawgyi}"
    assert text.normalize(mixed) == f"{UNICODE_BURMESE}\nEnglish line\n{UNICODE_BURMESE}"


def test_it_leaves_unicode_burmese_unchanged():
    assert text.normalize(UNICODE_BURMESE) == UNICODE_BURMESE
    assert text.normalize(None) == ""
