"""The progress dashboards: overall, per direction and per country, in every language; the
activity × year grid, the tables under the charts, and their CSV/XLSX downloads."""

import io
import re

import openpyxl
import pytest

from lmec.cooperation import indicators
from tests.helpers import LANGUAGES, page_html

from . import indicator_fixtures

records = indicator_fixtures.records  # the fixture, used by name

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_shows_the_dashboards_in_every_language(client, records, lang):
    for url in (f"/{lang}/progress/", f"/{lang}/progress/D1/", f"/{lang}/progress/country/TH/"):
        html = page_html(client, url, lang)
        assert 'data-chart="chart-directions"' in html
        assert "vendor/echarts/echarts.min.js" in html


def test_it_colours_the_grid_by_the_indicator_states(client, records):
    html = page_html(client, "/en/progress/", "en")
    row = re.search(r'<tr data-activity="D1-A1-1">(.*?)</tr>', html, re.S).group(1)
    states = re.findall(r'data-year="(\d{4})" data-state="(\w+)"', row)
    expected = indicators.activity_progress()
    d11 = next(r for r in expected if r["code"] == "D1-A1-1")
    assert states == [(y, c["state"]) for y, c in d11["years"].items()]
    # 2025 had only a cancelled and a draft event: a gap, written out, not only coloured
    assert ("2025", "gap") in states
    assert '<span class="state-label">gap</span>' in row


def test_it_puts_the_numbers_of_each_chart_in_a_table(client, records):
    html = page_html(client, "/en/progress/", "en")
    start = html.index('id="chart-participants-gender-block"')
    table = html[start : html.index('id="chart-participants-age-block"')]
    counts = indicators.participants()["by_gender"]
    assert f'<th scope="row">Female</th><td class="number">{counts["female"]}</td>' in table
    assert 'href="/en/progress/tables/participants.csv"' in table
    assert 'data-chart="chart-indicator-stations-sharing"' in html
    assert "Air monitoring stations sharing data" in html


def test_it_builds_a_dashboard_in_a_fixed_number_of_queries(
    client, records, django_assert_max_num_queries
):
    from lmec.cooperation.models import Indicator

    client.get("/en/progress/")  # sessions, caches and the like warmed up
    with django_assert_max_num_queries(40) as first:
        client.get("/en/progress/")
    for n in range(5):  # five more indicators with values: not one more query
        extra = Indicator.objects.create(code=f"extra-{n}", name=f"Extra {n}", baseline=1)
        extra.values.create(year=2024, value=n)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get("/en/progress/")


def test_it_narrows_the_country_and_direction_pages(client, records):
    th = page_html(client, "/en/progress/country/TH/", "en")
    assert "Progress in Thailand" in th
    assert 'href="/en/progress/tables/funding.csv?country=TH"' in th
    d4 = page_html(client, "/en/progress/D4/", "en")
    assert 'data-activity="D4-A3-1"' in d4 and 'data-activity="D1-A1-1"' not in d4


@pytest.mark.parametrize(
    "url", ["/en/progress/D9/", "/en/progress/country/FR/", "/en/progress/tables/nope.csv",
            "/en/progress/tables/funding.pdf", "/en/progress/tables/funding.csv?year=20x5"]
)  # fmt: skip
def test_it_answers_404_for_what_does_not_exist(client, records, url):
    assert client.get(url).status_code == 404


def test_it_downloads_a_table_as_csv_and_xlsx(client, records):
    response = client.get("/en/progress/tables/funding.csv?country=CN")
    assert response.status_code == 200
    assert response.content.decode().splitlines() == [
        "source_type,source_name,country,projects,budget_usd,commitment_usd,disbursement_usd",
        "F2,Funding from the Government of China,CN,1,100000.0,98000.0,0.0",
    ]
    response = client.get("/en/progress/tables/directions.xlsx")
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[0] == ("code", "name", "activities", "events", "projects", "participants", "gaps")
    assert [r[0] for r in rows[1:]] == ["D1", "D2", "D3", "D4", "D5"]
