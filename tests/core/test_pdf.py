"""PDF rendering: the text of every script reads back from the PDF (pypdf)."""

import io

import pytest
from pypdf import PdfReader

from lmec.core.pdf import render_pdf

SAMPLES = {
    "zh-hans": "澜沧江-湄公河环境合作",
    "en": "Lancang-Mekong Environmental Cooperation",
    "th": "ความร่วมมือด้านสิ่งแวดล้อม",
    "vi": "Hợp tác Môi trường Mê Công",
    "lo": "ການຮ່ວມມືດ້ານສິ່ງແວດລ້ອມ",
    "km": "កិច្ចសហប្រតិបត្តិការបរិស្ថាន",
    "my": "ပတ်ဝန်းကျင်",
}


def fonts_of(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


@pytest.mark.parametrize("lang", SAMPLES)
def test_it_renders_each_script_with_a_font_that_has_its_glyphs(lang):
    text = SAMPLES[lang]
    pdf = render_pdf(f'<html lang="{lang}"><body><h1>{text}</h1></body></html>')
    assert pdf.startswith(b"%PDF-")
    extracted = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    # Khmer and Burmese glyph clusters (subscript consonants, medials) read back from the
    # font's ToUnicode map in glyph order, not always in the text's order: compare characters
    if lang in ("km", "my"):
        assert set(text) <= set(extracted)
    else:
        assert text.replace(" ", "") in extracted.replace(" ", "")
    # every font embedded is a Noto family: no fallback font drew boxes for missing glyphs
    assert fonts_of(pdf)
    assert all("Noto" in name for name in fonts_of(pdf)), fonts_of(pdf)


def test_it_draws_chinese_punctuation_with_the_cjk_font():
    # “”… exist in the Latin Noto Sans too; in Chinese text they must be the full-width
    # CJK glyphs, so the page uses the CJK font alone
    pdf = render_pdf('<html lang="zh-hans"><body><p>“澜湄合作”，环境……</p></body></html>')
    assert fonts_of(pdf) and all("CJK" in name for name in fonts_of(pdf)), fonts_of(pdf)


def test_it_gives_a_nested_language_its_own_fonts_inside_a_chinese_page():
    pdf = render_pdf(
        '<html lang="zh-hans"><body><p>中文</p><p lang="th">ภาษาไทย Thai</p></body></html>'
    )
    fonts = {name.split("+")[-1] for name in fonts_of(pdf)}
    # the Thai paragraph's Latin word is in the Latin Noto Sans, not the CJK font's Latin
    assert fonts == {"Noto-Sans-CJK-SC", "Noto-Sans-Thai", "Noto-Sans"}, fonts
