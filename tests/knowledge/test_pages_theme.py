"""Theme pages: the strategy's words, counts per type, the latest records, cases on a map."""

import json
import re

import pytest

from tests.helpers import LANGUAGES, page_html
from tests.knowledge.page_fixtures import make_catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(users):
    return make_catalogue(users)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_answers_in_every_language(client, catalogue, lang):
    for code in ("energy-climate", "green-industrial-parks", "nature-based-solutions"):
        page_html(client, f"/{lang}/knowledge/themes/{code}/", lang)


def test_it_names_the_theme_in_the_readers_language(client, catalogue):
    html = page_html(client, "/th/knowledge/themes/energy-climate/", "th")
    assert "<h1>พลังงานและสภาพภูมิอากาศ</h1>" in html


def test_it_quotes_the_strategy(client, catalogue):
    html = page_html(client, "/en/knowledge/themes/energy-climate/", "en")
    assert "4.5-1" in html and "Knowledge sharing and awareness raising" in html


def test_it_counts_the_published_records_per_type(client, catalogue):
    html = page_html(client, "/en/knowledge/themes/energy-climate/", "en")
    counts = dict(re.findall(r'<tr data-type="(\w+)">.*?<td class="number">(\d+)</td>', html))
    assert counts == {
        "publication": "1",
        "dataset": "1",
        "case": "0",
        "policy": "0",
        "tool": "0",
        "training": "0",
        "multimedia": "0",
    }
    assert '<a href="/en/knowledge/?theme=energy-climate&amp;type=publication">' in html
    assert 'data-identifier="th-solar-2024"' in html and 'data-identifier="vn-air-2024"' in html


def test_it_puts_the_cases_on_a_map(client, catalogue):
    html = page_html(client, "/en/knowledge/themes/green-industrial-parks/", "en")
    points = json.loads(
        re.search(r'id="map-points" type="application/json">(.*?)</script>', html).group(1)
    )
    assert [(p["identifier"], p["lat"], p["lon"]) for p in points] == [
        ("la-green-park", 17.97, 102.6)
    ]
    assert points[0]["url"] == "/en/knowledge/r/la-green-park/"


def test_it_answers_404_for_an_unknown_theme(client, catalogue):
    assert client.get("/en/knowledge/themes/no-such-theme/").status_code == 404
