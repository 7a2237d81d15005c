"""The standards page: the AQI calculator, categories, breakpoints and water classes."""

import re

import pytest

from lmec.quality import aqi, water
from tests.helpers import LANGUAGES, page_html

pytestmark = pytest.mark.django_db


def rows(html: str) -> dict[str, str]:
    """Comparison table rows by standard id."""
    found = re.findall(r'<tr data-standard="([^"]+)">(.*?)</tr>', html, flags=re.S)
    return dict(found)


def aqi_of(row_html: str) -> str:
    match = re.search(r'class="number aqi-value">(?:<strong>(\d+)</strong>|<span)', row_html)
    return match.group(1) if match else ""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_shows_every_standard_in_the_language(client, lang):
    html = page_html(client, f"/{lang}/standards/", lang)
    assert list(rows(html)) == list(aqi.STANDARDS)
    for std in aqi.STANDARDS.values():
        assert f'id="cat-{std.id}"' in html
    assert html.count('<table class="data breakpoints">') == 6


def test_it_computes_the_example_day_before_anything_is_typed(client):
    html = client.get("/en/standards/").content.decode()
    # example PM2.5 85 µg/m³: HJ 633-2012 75-115 band: 100 + 50/40 x 10 = 112.5 -> 113,
    # O3 1-h 150 and the others lower
    assert aqi_of(rows(html)["cn-hj633-2012"]) == "113"
    assert 'value="85.0"' in html


def test_it_reads_the_vn_worked_example_under_every_index(client):
    # QĐ 1459/QĐ-TCMT 2.3 c: PM2.5 24-h 55.7 µg/m³ -> 110 (class "Kém")
    html = client.get("/vi/standards/?pm25_24h=55.7&o3_8h=89.3").content.decode()
    table = rows(html)
    assert aqi_of(table["vn-1459-2019"]) == "110"
    assert "Kém" in table["vn-1459-2019"]
    assert aqi_of(table["cn-hj633-2012"]) == "76"
    assert aqi_of(table["us-epa-2024"]) == "151"
    # the US category in Vietnamese, the official English name beside it
    assert "Có hại cho sức khỏe" in table["us-epa-2024"]


def test_it_answers_htmx_with_the_comparison_alone(client):
    response = client.get("/th/standards/?pm25_24h=40", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<div id="comparison"') and "<html" not in html
    # PCD: 40 -> 37.6-75.0 band: 101 + 99/37.4 x 2.4 = 107.4 -> 107
    assert aqi_of(rows(html)["th-pcd-2023"]) == "107"
    assert "เริ่มมีผลกระทบต่อสุขภาพ" in rows(html)["th-pcd-2023"]


def test_it_names_the_bad_field_and_computes_nothing(client):
    html = client.get("/en/standards/?pm25_24h=-3&o3_8h=abc&no2_1h=40").content.decode()
    assert 'id="id_pm25_24h-error">A concentration cannot be negative.' in html
    assert 'id="id_o3_8h-error">Enter a number, such as 35.5.' in html
    assert rows(html) == {}
    assert "correct the fields marked below" in html


def test_it_asks_for_a_value_when_the_form_is_sent_empty(client):
    html = client.get("/en/standards/?pm25_24h=").content.decode()
    assert rows(html) == {}
    assert "Enter at least one concentration" in html


def test_it_lists_the_readings_a_standard_has_no_table_for(client):
    html = client.get("/en/standards/?pm25_24h=20&o3_1h=100").content.decode()
    assert "No table for</span>" not in html  # the label is followed by the ids
    assert re.search(r"No table for o3_1h", rows(html)["th-pcd-2023"])


def test_it_shows_the_water_classes_side_by_side(client):
    html = client.get("/zh-hans/standards/").content.decode()
    for std in water.STANDARDS.values():
        assert std.short_name in html
    # GB 3838-2002 Table 1, ammonia nitrogen: I 0.15, II 0.5, III 1.0, IV 1.5, V 2.0 mg/L
    nh3 = re.search(r"氨氮.*?</tr>", html, flags=re.S).group(0)
    assert "I ≤ 0.15 · II ≤ 0.5 · III ≤ 1 · IV ≤ 1.5 · V ≤ 2" in nh3


def test_it_links_the_page_from_every_page(client):
    html = client.get("/lo/framework/").content.decode()
    assert 'href="/lo/standards/"' in html


def test_it_names_the_bad_field_in_the_htmx_answer_too(client):
    # htmx swaps only the comparison, so the message there must say which field and why
    response = client.get("/en/standards/?so2_1h=-1", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<li>SO2 · 1-hour [µg/m³]: A concentration cannot be negative.</li>" in html


def test_it_gives_the_health_advice_in_the_readers_language_where_the_standard_has_it(client):
    html = client.get("/vi/standards/?pm25_24h=55.7").content.decode()
    row = rows(html)["vn-1459-2019"]
    # QĐ 1459/QĐ-TCMT Bảng 4, "Kém" (101-150): advice for sensitive groups, in Vietnamese
    assert '<p class="small" lang="vi">Những người nhạy cảm gặp phải các vấn đề' in row
    # the US advice exists in English only, and says so with its lang attribute
    assert '<p class="small" lang="en">' in rows(html)["us-epa-2024"]


def test_it_is_reached_from_the_home_page(client):
    html = client.get("/km/").content.decode()
    assert '<a href="/km/standards/">ប្រៀបធៀបសន្ទស្សន៍គុណភាពខ្យល់ដែលប្រើក្នុងតំបន់' in html
