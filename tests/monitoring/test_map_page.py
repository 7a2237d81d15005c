"""The regional map page: stations coloured by their latest AQI, the chooser, the table."""

import json
import re

import pytest
from django.utils import translation

from lmec.quality import aqi
from tests.helpers import LANGUAGES, page_html
from tests.monitoring.page_fixtures import make_network

pytestmark = pytest.mark.django_db

#: Station names as the fixture gives them per language (others fall back to English).
NAMES = {
    "th": {"TH-CM1": "ศาลากลางจังหวัดเชียงใหม่"},
    "zh-hans": {"TH-CM1": "清迈市政厅", "CN-JH1": "景洪"},
    "vi": {"VN-HN1": "Hà Nội - Nguyễn Văn Cừ"},
    "lo": {"LA-VT1": "ວຽງຈັນ"},
}
ENGLISH = {
    "TH-CM1": "Chiang Mai City Hall",
    "VN-HN1": "Hanoi Nguyen Van Cu",
    "CN-JH1": "Jinghong",
    "LA-VT1": "Vientiane",
}


@pytest.fixture
def network():
    return make_network()


def markers(html: str) -> dict[str, dict]:
    match = re.search(r'<script id="map-stations" type="application/json">(.*?)</script>', html)
    return {m["code"]: m for m in json.loads(match.group(1))}


def rows(html: str) -> dict[str, str]:
    return dict(re.findall(r'<tr data-station="([^"]+)">(.*?)</tr>', html, flags=re.S))


def colour(standard: str, key: str) -> str:
    return next(c.colour for c in aqi.STANDARDS[standard].categories if c.key == key)


def translated(text: str, lang: str) -> str:
    with translation.override(lang):
        return translation.gettext(text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_lists_every_air_station_in_the_readers_language(client, network, lang):
    html = page_html(client, f"/{lang}/monitoring/", lang)
    names = {**ENGLISH, **NAMES.get(lang, {})}
    found = markers(html)
    assert sorted(found) == sorted(ENGLISH)
    for code, name in names.items():
        assert found[code]["name"] == name
        assert f'<a href="/{lang}/monitoring/stations/{code}/">{name}</a>' in rows(html)[code]
        assert found[code]["url"] == f"/{lang}/monitoring/stations/{code}/"
    assert f"<h1>{translated('Air quality in the Lancang-Mekong region', lang)}</h1>" in html
    labels = json.loads(
        re.search(r'<script id="map-labels" type="application/json">(.*?)</script>', html).group(1)
    )
    assert labels["station_page"] == translated("Open the station page", lang)
    # the map's libraries and outlines are served by the site itself (closed networks)
    assert '<script src="/static/vendor/leaflet/leaflet.js" defer></script>' in html
    assert 'data-region="/static/lmec/monitoring/region.geojson"' in html


def test_it_gives_each_station_its_national_index_by_default(client, network):
    found = markers(client.get("/en/monitoring/").content.decode())
    # the last day is a constant PM2.5 of 40 µg/m³ everywhere (24-h mean and NowCast 40):
    # PCD 2023, 37.6-75.0 -> 101-200: 101 + 99/37.4 x 2.4 = 107.4 -> 107
    assert found["TH-CM1"]["aqi"] == 107
    assert found["TH-CM1"]["category"]["colour"] == colour(
        "th-pcd-2023", "starting_to_affect_health"
    )
    assert found["TH-CM1"]["standard"] == "PCD AQI 2566 (2023)"
    assert found["TH-CM1"]["dominant"] == "PM2.5 · 24-hour"
    # HJ 633-2012 (in force on 2025-03-10), 35-75 -> 50-100: 50 + 50/40 x 5 = 56.25, rounded up
    assert found["CN-JH1"]["aqi"] == 57
    assert found["CN-JH1"]["standard"] == "HJ 633-2012"
    # QĐ 1459 Bảng 2, NowCast 25-50 -> 50-100: 50 + 50/25 x 15 = 80
    assert found["VN-HN1"]["aqi"] == 80
    assert found["VN-HN1"]["category"]["colour"] == colour("vn-1459-2019", "moderate")
    # Vientiane has no data: no index, drawn grey
    assert found["LA-VT1"]["aqi"] is None and found["LA-VT1"]["category"] is None
    # the time of the last hour on the station's own clock
    assert found["TH-CM1"]["time"] == "2025-03-10 23:00 UTC+7"
    assert found["CN-JH1"]["time"] == "2025-03-10 23:00 UTC+8"


def test_it_shows_every_station_under_one_chosen_standard(client, network):
    html = client.get("/en/monitoring/?standard=us-epa-2024").content.decode()
    found = markers(html)
    # EPA-454/B-24-002 Table 6, PM2.5 NowCast 40.0 in 35.5-55.4 -> 101-150:
    # 101 + 49/19.9 x 4.5 = 112.1 -> 112; the other pollutants stay lower
    for code in ("TH-CM1", "VN-HN1", "CN-JH1"):
        assert found[code]["aqi"] == 112, code
        assert found[code]["category"]["colour"] == colour("us-epa-2024", "unhealthy_sensitive")
        assert found[code]["standard"] == "EPA-454/B-24-002"
    assert 'data-standard="us-epa-2024"' in html
    assert 'data-standard="th-pcd-2023"' not in html  # one legend: the chosen standard's
    assert '<option value="us-epa-2024" selected>' in html


def test_it_answers_htmx_with_the_table_legend_and_markers_alone(client, network):
    response = client.get("/th/monitoring/?standard=vn-1459-2019", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<div id="latest"') and "<html" not in html
    assert markers(html)["TH-CM1"]["aqi"] == 80  # the VN table read at Chiang Mai
    assert 'data-standard="vn-1459-2019"' in html


def test_it_names_a_bad_standard_and_shows_the_national_indices(client, network):
    response = client.get("/en/monitoring/?standard=who-2005")
    html = response.content.decode()
    assert response.status_code == 400
    assert "“who-2005” is not one of the choices: " in html
    assert "cn-hj633-2012, cn-hj633-2026, us-epa-2024, th-pcd-2023, vn-1459-2019" in html
    assert markers(html)["TH-CM1"]["aqi"] == 107


def test_it_says_so_when_no_station_is_registered(client):
    html = client.get("/vi/monitoring/").content.decode()
    assert translated("No air-quality station has been registered yet.", "vi") in html
    assert markers(html) == {}


def test_it_draws_a_tile_layer_only_when_one_is_configured(client, network, settings):
    assert "data-tiles=" not in client.get("/en/monitoring/").content.decode()
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "© Example"
    html = client.get("/en/monitoring/").content.decode()
    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert 'data-tiles-attribution="© Example"' in html


def test_it_is_reached_from_the_menu_and_the_home_page(client):
    html = client.get("/km/").content.decode()
    label = translated("Monitoring", "km")
    assert f'<li><a href="/km/monitoring/">{label}</a></li>' in html
    assert '<p><a href="/km/monitoring/">' in html
    page = client.get("/km/monitoring/").content.decode()
    assert f'<a href="/km/monitoring/" aria-current="page">{label}</a>' in page
