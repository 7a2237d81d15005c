"""A station's page: index now, parameters, charts, calendar, exceedances, completeness,
trend and downloads, in every language; bad queries named, never a 500."""

import datetime as dt
import json
import re

import pytest
from django.utils import translation

from lmec.quality import aqi, limits
from tests.helpers import LANGUAGES, page_html
from tests.monitoring import page_fixtures as fx

pytestmark = pytest.mark.django_db

URL = "/{lang}/monitoring/stations/{code}/"


@pytest.fixture
def network():
    return fx.make_network()


def translated(text: str, lang: str) -> str:
    with translation.override(lang):
        return translation.gettext(text)


def embedded(html: str, element_id: str):
    match = re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>', html)
    return json.loads(match.group(1)) if match else None


def section(html: str, name: str) -> str:
    return re.search(rf'<section id="{name}".*?</section>', html, flags=re.S).group(0)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_shows_every_part_of_the_page_in_the_readers_language(client, network, lang):
    html = page_html(client, URL.format(lang=lang, code="TH-CM1"), lang)
    name = {"th": "ศาลากลางจังหวัดเชียงใหม่", "zh-hans": "清迈市政厅"}.get(lang, "Chiang Mai City Hall")
    assert f"<h1>{name} " in html
    for heading in (
        "Parameters and latest values",
        "Time series",
        "Trend over the years",
        "Download",
    ):
        assert f">{translated(heading, lang)}</h2>" in html
    for code in ("pm25", "pm10", "o3", "no2"):
        assert embedded(html, f"series-{code}")["parameter"] == code
    assert embedded(html, "chart-labels")["flagged"] == translated("Flagged by QA/QC", lang)
    assert embedded(html, "calendar-data")["year"] == 2025
    # ECharts is served by the site (closed networks), not a CDN
    assert '<script src="/static/vendor/echarts/echarts.min.js" defer></script>' in html


def test_it_shows_the_current_index_under_the_national_standard(client, network):
    html = client.get(URL.format(lang="en", code="TH-CM1")).content.decode()
    now = re.search(r'<section class="aqi-now".*?</section>', html, flags=re.S).group(0)
    # PCD 2023, PM2.5 24-hour 40 µg/m³: 101 + 99/37.4 x 2.4 = 107.4 -> 107
    assert 'data-aqi="107">107</span>' in now
    assert "<strong>Starting to affect health</strong>" in now
    assert "<dd>PM2.5 · 24-hour</dd>" in now
    assert "<dd>2025-03-10 23:00 UTC+7</dd>" in now
    assert "<dd>PCD AQI 2566 (2023)</dd>" in now


def test_it_shows_the_index_under_a_chosen_standard(client, network):
    html = client.get(URL.format(lang="en", code="TH-CM1") + "?standard=us-epa-2024").content
    html = html.decode()
    # EPA-454/B-24-002 Table 6: NowCast 40.0 -> 101 + 49/19.9 x 4.5 = 112.1 -> 112
    assert 'data-aqi="112">112</span>' in html
    calendar = embedded(html, "calendar-data")
    assert calendar["standard"] == "us-epa-2024"
    assert [c["colour"] for c in calendar["categories"]] == [
        c.colour for c in aqi.STANDARDS["us-epa-2024"].categories
    ]


def test_it_lists_the_parameters_with_units_methods_and_latest_values(client, network):
    html = client.get(URL.format(lang="en", code="TH-CM1")).content.decode()
    row = re.search(r'<tr data-parameter="o3">.*?</tr>', html, flags=re.S).group(0)
    assert '<th scope="row">O₃</th>' in row and "<td>µg/m³</td>" in row
    assert "<td>UV photometry</td>" in row
    assert '<td class="nowrap">2025-02-01</td>' in row
    assert "<strong>20</strong> µg/m³" in row  # the last day's constant 20 µg/m³


def test_it_draws_hourly_values_for_a_month_and_marks_the_flagged_spike(client, network):
    html = client.get(URL.format(lang="en", code="TH-CM1") + "?period=30d").content.decode()
    series = embedded(html, "series-pm25")
    assert series["resolution"] == "hourly"
    times = [t for t, _v in series["points"]]
    first = fx.LAST_DAY - dt.timedelta(days=29)
    assert times[0] == f"{first}T00:00" and times[-1] == f"{fx.LAST_DAY}T23:00"
    # the spike is drawn as flagged, with its reason, and left out of the line
    assert series["flagged"] == [["2025-02-20T14:00", fx.SPIKE_VALUE, "spike"]]
    assert ["2025-02-20T14:00", None] in series["points"]
    # the analyser's 6 missing hours are missing, not zero
    start, hours = fx.GAP
    missing = {(start + dt.timedelta(hours=k)).strftime("%Y-%m-%dT%H:%M") for k in range(hours)}
    assert not missing & set(times)
    assert len(times) == 30 * 24 - hours


def test_it_draws_daily_means_over_a_year_with_the_limit_lines(client, network):
    html = client.get(URL.format(lang="en", code="TH-CM1") + "?period=1y").content.decode()
    series = embedded(html, "series-pm25")
    assert series["resolution"] == "daily"
    assert len(series["points"]) == 365
    assert series["points"][0] == [
        str(fx.LAST_DAY - dt.timedelta(days=364)),
        fx.history_mean(fx.LAST_DAY - dt.timedelta(days=364)),
    ]
    # the day of the spike carries its flagged hour
    assert series["flagged"][0][0] == "2025-02-20" and series["flagged"][0][2] == "1 flagged hour"
    lines = {line["kind"]: line["value"] for line in series["limits"]}
    assert lines == {
        "who": limits.limit("who-2021-aqg", "pm25_24h").value,
        "national": limits.limit("th-ambient-2023", "pm25_24h").value,
    }
    # ozone: the daily maximum 8-hour mean, against the 8-hour limits
    ozone = embedded(html, "series-o3")
    assert {line["value"] for line in ozone["limits"]} == {
        limits.limit("who-2021-aqg", "o3_8h").value,
        limits.limit("th-ambient-2023", "o3_8h").value,
    }
    assert "daily maximum 8-hour mean" in html


def test_it_counts_the_days_above_the_who_and_thai_limits(client, network):
    html = client.get(URL.format(lang="en", code="TH-CM1") + "?year=2024").content.decode()
    days = [dt.date(2024, 1, 1) + dt.timedelta(days=k) for k in range(366)]
    means = [fx.history_mean(d) for d in days]
    for limit_set, value in (("who-2021-aqg", 15.0), ("th-ambient-2023", 37.5)):
        assert limits.limit(limit_set, "pm25_24h").value == value
        row = re.search(
            rf'<tr data-limit-set="{limit_set}" data-pollutant="pm25_24h">.*?</tr>',
            html,
            flags=re.S,
        ).group(0)
        above = sum(1 for m in means if m > value)
        assert f"<strong>{above}</strong>" in row
        assert '<td class="number">366</td>' in row


def test_it_says_how_complete_the_year_is(client, network):
    html = client.get(URL.format(lang="en", code="TH-CM1") + "?year=2025").content.decode()
    row = re.search(r'<tr data-parameter="pm25">.*?</tr>', section(html, "completeness"), re.S)
    cells = re.findall(r'<td class="number">(.*?)</td>', row.group(0))
    # 31 days of January as daily means, then hourly to 10 March; the gap day keeps 18 hours
    with_data = (fx.LAST_DAY - dt.date(2025, 1, 1)).days + 1
    assert cells[:4] == ["365", str(with_data), str(with_data), f"{round(100 * with_data / 365)} %"]
    assert cells[-1] == "1"  # the flagged spike


def test_it_finds_the_decline_of_the_daily_means(client, network):
    html = client.get(URL.format(lang="en", code="TH-CM1")).content.decode()
    row = re.search(r'<tr data-parameter="pm25">.*?</tr>', section(html, "trend"), re.S).group(0)
    assert '<td class="trend-decreasing">decreasing <strong>(significant)</strong></td>' in row
    slope = float(re.search(r'<td class="number">(-?[\d.]+) µg/m³ / year</td>', row).group(1))
    assert slope == pytest.approx(-fx.PM25_DECLINE, abs=0.3)
    # two months of ozone are too short for the test, and the page says why
    ozone = re.search(r'<tr data-parameter="o3">.*?</tr>', section(html, "trend"), re.S).group(0)
    assert "needs monthly means of at least 3 years" in ozone


def test_it_offers_downloads_of_the_period_shown(client, network):
    html = client.get(URL.format(lang="en", code="TH-CM1") + "?period=7d").content.decode()
    links = section(html, "downloads")
    span = "start=2025-03-04&amp;end=2025-03-10"
    api = "/api/v1/monitoring/stations/TH-CM1"
    # hours shown: the hourly measurements of those days
    assert f'href="{api}/export.csv?dataset=measurements&amp;{span}"' in links
    assert f'href="{api}/export.parquet?dataset=measurements&amp;{span}"' in links
    assert f'href="{api}/aqi?period=daily&amp;{span}"' in links
    assert (
        '<a href="/en/monitoring/compare/?stations=TH-CM1&amp;countries=TH&amp;'
        'standard=th-pcd-2023&amp;start=2025-03-04&amp;end=2025-03-10">' in links
    )
    # days shown: the daily values
    html = client.get(URL.format(lang="en", code="TH-CM1") + "?period=5y").content.decode()
    links = section(html, "downloads")
    span = "start=2021-01-01&amp;end=2025-03-10"
    assert f'href="{api}/export.csv?dataset=daily&amp;{span}"' in links
    # the comparison covers at most a year
    assert "start=2024-03-10&amp;end=2025-03-10" in links


@pytest.mark.parametrize("period", ["7d", "5y"])
def test_it_links_downloads_that_the_api_answers(client, network, period):
    html = client.get(URL.format(lang="en", code="TH-CM1") + f"?period={period}").content.decode()
    hrefs = re.findall(r'<a href="(/api/v1/[^"]+)"', section(html, "downloads"))
    assert len(hrefs) == 3
    csv, parquet, aqi_json = (client.get(h.replace("&amp;", "&")) for h in hrefs)
    assert csv.status_code == parquet.status_code == aqi_json.status_code == 200
    text = b"".join(csv.streaming_content if csv.streaming else [csv.content]).decode()
    lines = text.strip().splitlines()
    if period == "7d":  # 7 days x 24 hours x 4 parameters, one header line
        assert len(lines) == 1 + 7 * 24 * 4
    else:  # the daily values of 2021-01-01 .. 2025-03-10: PM2.5 every day, the others 38
        days = (fx.LAST_DAY - fx.FIRST_DAILY_DAY).days + 1
        assert len(lines) == 1 + days + 3 * 38
    body = b"".join(parquet.streaming_content if parquet.streaming else [parquet.content])
    assert body[:4] == b"PAR1"
    assert aqi_json.json()["items"][-1]["date"] == str(fx.LAST_DAY)


def test_it_names_each_bad_choice_and_shows_the_defaults(client, network):
    response = client.get(
        URL.format(lang="en", code="TH-CM1") + "?period=10y&standard=who&year=19x"
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "<li>Period: “10y” is not one of the choices: 7d, 30d, 1y, 5y.</li>" in html
    assert "<li>Index: “who” is not one of the choices: " in html
    assert "<li>Year: Enter a whole number.</li>" in html
    # the default: the last 7 days, hourly
    points = embedded(html, "series-pm25")["points"]
    assert (points[0][0], points[-1][0], len(points)) == (
        "2025-03-04T00:00",
        "2025-03-10T23:00",
        168,
    )
    assert 'data-aqi="107"' in html


def test_it_answers_an_unknown_station_with_a_page_that_says_so(client, network):
    response = client.get(URL.format(lang="th", code="XX-NOPE"))
    assert response.status_code == 404
    html = response.content.decode()
    assert "XX-NOPE" in html and 'href="/th/monitoring/"' in html


def test_it_shows_a_station_without_data(client, network):
    html = page_html(client, URL.format(lang="lo", code="LA-VT1"), "lo")
    assert "<h1>ວຽງຈັນ " in html
    assert translated("This station has no measurements yet.", "lo") in html
    assert embedded(html, "calendar-data") is None


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["km", "vi"])
def test_it_writes_coordinates_with_a_decimal_point_in_comma_locales(client, lang):
    """Khmer and Vietnamese write decimals with a comma, which would clash with the comma
    between latitude and longitude."""
    from tests.monitoring.page_fixtures import make_network

    make_network()
    html = client.get(f"/{lang}/monitoring/stations/TH-CM1/").content.decode()
    assert "18.7883° N" in html and "18,7883" not in html
