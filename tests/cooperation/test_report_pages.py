"""The report on the website: the years, a year's page in every language, its PDF."""

import io
import re
from datetime import UTC, datetime

import pytest
from django.utils import translation
from django.utils.html import escape
from pypdf import PdfReader

from lmec.cooperation.report.html import SECTIONS
from tests.helpers import LANGUAGES, page_html

from .report_fixture import YEAR, report_records

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(db):
    return report_records()


def headings(lang: str) -> list[str]:
    with translation.override(lang):
        return [translation.gettext(english) for _anchor, english in SECTIONS]


def test_it_lists_the_years_with_their_page_pdf_and_json(client, records):
    html = page_html(client, "/en/reports/", "en")
    for year in (2023, 2024):
        assert f'href="/en/reports/{year}/"' in html
        assert f'href="/en/reports/{year}.pdf"' in html
        assert f'href="/api/v1/cooperation/report/{year}?lang=en"' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_shows_the_report_in_each_language(client, records, lang):
    html = page_html(client, f"/{lang}/reports/{YEAR}/", lang)
    for anchor, heading in zip([a for a, _h in SECTIONS], headings(lang), strict=True):
        assert f'href="#{anchor}"' in html and f'id="{anchor}"' in html
        assert escape(heading) in html
    with translation.override(lang):
        from lmec.core.models import Country

        for country in Country.objects.all():
            assert country.name in html  # the cover's and tables' names in this language
    assert html.count('<figure class="chart bar-chart">') == 7  # drawn on the server
    assert "<script" not in html.split("<main", 1)[-1]  # no JavaScript in the report
    assert "mekong-air-pilot" in html and "tonle-sap-water" in html
    assert "regional-research" not in html.split('id="projects"')[1].split('id="funding"')[0]


def test_it_answers_404_for_a_year_without_report(client, records):
    response = client.get("/en/reports/2019/")
    assert response.status_code == 404


def test_it_serves_the_pdf_of_a_year(client, records):
    response = client.get(f"/vi/reports/{YEAR}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="lmec-evaluation-report-2024-vi.pdf"'
    )
    reader = PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Campuchia" in text and "Thái Lan" in text
    assert re.search(r"Cooperation|Hợp tác", text)


def test_it_keeps_the_pdf_until_the_records_change(client, records):
    from django.core.cache import cache

    from lmec.cooperation.models import Feedback
    from lmec.cooperation.report import report_data
    from lmec.cooperation.report.pdf import pdf_cache_key

    cache.clear()
    first = client.get(f"/en/reports/{YEAR}.pdf").content
    key = pdf_cache_key(report_data(YEAR, "en"))
    assert cache.get(key) == first
    # a newly approved rating changes the public assessment: another key, a new PDF
    late = Feedback.objects.create(
        rating=2, status="approved", language="en", project=records["air"]
    )
    Feedback.objects.filter(pk=late.pk).update(created_at=datetime(2024, 12, 1, tzinfo=UTC))
    second = client.get(f"/en/reports/{YEAR}.pdf").content
    new_key = pdf_cache_key(report_data(YEAR, "en"))
    assert new_key != key and cache.get(new_key) == second
