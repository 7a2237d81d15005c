"""The comparison page: stations and countries side by side under one standard."""

import re

import pytest
from django.utils import translation

from tests.helpers import LANGUAGES, page_html
from tests.monitoring.page_fixtures import make_network

pytestmark = pytest.mark.django_db

URL = "/{lang}/monitoring/compare/"
LAST_DAY = "start=2025-03-10&end=2025-03-10"


@pytest.fixture
def network():
    return make_network()


def translated(text: str, lang: str) -> str:
    with translation.override(lang):
        return translation.gettext(text)


def rows(html: str) -> dict[str, str]:
    return dict(re.findall(r'<tr data-entry="([^"]+)">(.*?)</tr>', html, flags=re.S))


def numbers(row: str) -> list[str]:
    return re.findall(r'<td class="number">(.*?)</td>', row)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_compares_stations_and_countries_in_the_readers_language(client, network, lang):
    query = f"?stations=TH-CM1&countries=VN&standard=us-epa-2024&{LAST_DAY}"
    html = page_html(client, URL.format(lang=lang, code="") + query, lang)
    assert f"<h1>{translated('Compare air quality', lang)}</h1>" in html
    found = rows(html)
    assert list(found) == ["station-TH-CM1", "country-VN"]
    name = {"th": "ศาลากลางจังหวัดเชียงใหม่", "zh-hans": "清迈市政厅"}.get(lang, "Chiang Mai City Hall")
    assert f'<a href="/{lang}/monitoring/stations/TH-CM1/">{name}</a>' in found["station-TH-CM1"]


def test_it_gives_the_same_index_to_the_same_air_under_one_standard(client, network):
    query = "?stations=TH-CM1&stations=CN-JH1&countries=VN&countries=LA&standard=us-epa-2024"
    html = client.get(URL.format(lang="en") + query + "&" + LAST_DAY).content.decode()
    found = rows(html)
    # 10 March 2025 is a constant 40 µg/m³ of PM2.5 at every station with data: a 24-hour
    # mean of 40.0, EPA Table 6: 101 + 49/19.9 x 4.5 = 112.1 -> 112 ("USG", 1 day of 1)
    for entry in ("station-TH-CM1", "station-CN-JH1", "country-VN"):
        assert numbers(found[entry])[:3] == ["1 / 1", "112.0", "112"], entry
        assert 'data-category="unhealthy_sensitive" data-days="1"' in found[entry]
        assert "PM2.5 · 24-hour" in found[entry]
    # Lao PDR has one station without data
    assert numbers(found["country-LA"])[:3] == ["0 / 1", "–", "–"]
    assert "1 station" in found["country-LA"]
    assert "under EPA-454/B-24-002" in html
    # the same as JSON from the API: the link answers with the same numbers
    href = re.search(r'<a href="(/api/v1/monitoring/compare\?[^"]+)"', html).group(1)
    items = client.get(href.replace("&amp;", "&")).json()["items"]
    assert [(i["code"], i["max_aqi"]) for i in items] == [
        ("TH-CM1", 112),
        ("CN-JH1", 112),
        ("VN", 112),
        ("LA", None),
    ]


def test_it_shows_the_form_with_a_default_period_before_anything_is_chosen(client, network):
    response = client.get(URL.format(lang="vi"))
    html = response.content.decode()
    assert response.status_code == 200
    assert rows(html) == {}
    assert '<option value="us-epa-2024" selected>' in html
    # stations by their name in the reader's language
    assert '<option value="VN-HN1">Hà Nội - Nguyễn Văn Cừ · ' in html


@pytest.mark.parametrize("lang", ["th", "vi", "en"])
def test_it_writes_the_period_as_the_date_fields_read_it_in_every_language(client, network, lang):
    # <input type=date> reads only ISO dates: Thai's "10/03/2025" left the fields empty
    html = client.get(URL.format(lang=lang) + "?stations=TH-CM1&" + LAST_DAY).content.decode()
    assert re.search(r'<input type="date" name="start" value="2025-03-10"', html)
    assert re.search(r'<input type="date" name="end" value="2025-03-10"', html)
    default = client.get(URL.format(lang=lang)).content.decode()
    assert re.search(r'<input type="date" name="start" value="\d{4}-\d{2}-\d{2}"', default)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "?stations=TH-CM1&standard=us-epa-2024&start=2025-03-10&end=2025-03-01",
            "The end comes before the start.",
        ),
        (
            "?stations=TH-CM1&standard=us-epa-2024&start=2024-01-01&end=2025-03-01",
            "Compare at most 366 days at a time.",
        ),
        (
            "?stations=XX-1&standard=us-epa-2024&" + LAST_DAY,
            "“XX-1” is not one of the choices: CN-JH1, LA-VT1, TH-CM1, VN-HN1.",
        ),
        (
            "?countries=TH&standard=who&" + LAST_DAY,
            "“who” is not one of the choices: cn-hj633-2012, cn-hj633-2026, us-epa-2024, "
            "th-pcd-2023, vn-1459-2019.",
        ),
        ("?standard=us-epa-2024&" + LAST_DAY, "Choose at least one station or country."),
        ("?stations=TH-CM1&standard=us-epa-2024&start=10/03/2025&end=x", "Enter a valid date."),
    ],
)
def test_it_names_what_is_wrong_with_the_query(client, network, query, message):
    response = client.get(URL.format(lang="en") + query)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert rows(html) == {}


def test_it_is_linked_from_the_map(client, network):
    html = client.get("/my/monitoring/").content.decode()
    assert 'href="/my/monitoring/compare/"' in html
