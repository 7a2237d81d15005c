"""The report as PDF in every language: its text read back (pypdf) has the translated
headings and the country names in that language, drawn with Noto fonts only."""

import io
import unicodedata

import pytest
from django.utils import translation
from pypdf import PdfReader

from lmec.cooperation.report import render_report_pdf, report_data
from lmec.cooperation.report.html import SECTIONS
from tests.core.test_pdf import fonts_of
from tests.helpers import LANGUAGES

from .report_fixture import TODAY, YEAR, report_records

pytestmark = pytest.mark.django_db


def letters(text: str) -> str:
    """The letters and digits of ``text`` in order: marks, spaces and punctuation dropped.

    A PDF's text comes back through each glyph's ToUnicode entry, which holds one text per
    glyph: a mark glyph shared by several clusters (Khmer vowel signs, the Burmese medial
    ra) reads back as only one of them, and Thai and Lao SARA AM, drawn as NIKHAHIT + SARA
    AA, reads back as SARA AA. The letters themselves always come back.
    """
    text = unicodedata.normalize("NFC", text).translate({0x0E33: 0x0E32, 0x0EB3: 0x0EB2})
    return "".join(c for c in text if unicodedata.category(c) in ("Lo", "Lu", "Ll", "Nd"))


def found(text: str, extracted: str, lang: str) -> bool:
    want, got = letters(text), letters(extracted)
    assert want, text
    if lang in ("km", "my"):
        # their clusters read back in glyph order, not the text's (tests/core/test_pdf.py)
        return set(want) <= set(got)
    return want in got


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_writes_the_pdf_in_each_language(db, lang):
    report_records()
    data = report_data(YEAR, lang, today=TODAY)
    pdf = render_report_pdf(data)
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    pages = [page.extract_text() for page in reader.pages]
    text = "\n".join(pages)
    with translation.override(lang):
        headings = [translation.gettext(english) for _anchor, english in SECTIONS]
        title = translation.gettext("Evaluation report %(year)s") % {"year": YEAR}
    for heading in headings:
        assert found(heading, text, lang), (lang, heading)
    # the cover: the title, the strategy's title and the six countries in this language
    assert found(title, pages[0], lang), (lang, title)
    assert found(data["strategy"]["title"], pages[0], lang)
    for country in data["countries"]:
        assert found(country["name"], pages[0], lang), (lang, country["name"])
    # page numbers from the @page counters ("3 / 12"), none on the cover
    assert pages[2].rstrip().endswith(f"3 / {len(pages)}")
    assert f"/ {len(pages)}" not in pages[0]
    assert all("Noto" in name for name in fonts_of(pdf)), fonts_of(pdf)
