"""The resource page and the good-practice case page: texts in the reader's language or the
original (and which), the content-language switch, metadata, files, history, JSON-LD."""

import json
import re
from html import unescape

import pytest

from tests.helpers import LANGUAGES, login, page_html
from tests.knowledge.page_fixtures import PDF_TITLE, make_catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return make_catalogue(users)


def h1(html: str) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_answers_in_every_language(client, catalogue, lang):
    for key in ("report", "case", "dataset"):
        page_html(client, f"/{lang}/knowledge/r/{catalogue[key].identifier}/", lang)


def test_it_shows_the_readers_language_when_translated(client, catalogue):
    html = page_html(client, "/en/knowledge/r/th-solar-2024/", "en")
    assert h1(html) == "Solar power overview"
    assert "Shown in English, a translation; the original is in Thai." in html
    assert "This report sums up solar power generation in Thailand." in html


def test_it_shows_the_original_where_there_is_no_translation(client, catalogue):
    html = page_html(client, "/vi/knowledge/r/th-solar-2024/", "vi")
    assert h1(html) == PDF_TITLE
    assert '<h1 lang="th">' in html


def test_it_switches_the_content_language_and_lists_the_records_languages(client, catalogue):
    html = page_html(client, "/en/knowledge/r/th-solar-2024/?content=th", "en")
    assert h1(html) == PDF_TITLE
    assert "Shown in the original language, Thai." in html
    # the switch lists exactly the two languages the record has, the original first
    assert re.findall(r'data-content="([^"]+)"', html) == ["th", "en"]
    assert 'data-content="th" aria-current="true"' in html
    # the interface stays English
    assert '<html lang="en">' in html


def test_it_names_the_languages_available_when_asked_for_another(client, catalogue):
    html = page_html(client, "/en/knowledge/r/th-solar-2024/?content=km", "en")
    assert h1(html) == "Solar power overview"
    assert "This record is not available in “km”. It has: Thai (th), English (en)." in html


def test_it_keeps_the_page_in_the_language_switcher(client, catalogue):
    html = page_html(client, "/en/knowledge/r/th-solar-2024/", "en")
    assert 'href="/th/knowledge/r/th-solar-2024/" lang="th"' in html


def test_it_shows_the_metadata(client, catalogue):
    html = page_html(client, "/en/knowledge/r/th-solar-2024/", "en")
    assert "Somchai P." in html and "(AIT)" in html and "Lan N." in html
    assert '<a href="https://www.mekonginstitute.org/">Mekong Institute</a>' in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in html
    assert 'href="https://doi.org/10.1234/lmec.2024.1"' in html
    assert '<time datetime="2024-03-15">' in html
    assert 'href="/en/framework/#D5-A1-2"' in html
    assert 'href="/en/knowledge/themes/energy-climate/"' in html
    assert "<li>solar</li>" in html and "<li>พลังงาน</li>" in html


def test_it_lists_files_and_links_with_format_and_size(client, catalogue):
    html = page_html(client, "/en/knowledge/r/th-solar-2024/", "en")
    pdf = catalogue["report"].distributions.get(kind="file")
    assert f'href="/en/knowledge/r/th-solar-2024/files/{pdf.pk}/"' in html
    assert f"PDF · {pdf.size}\xa0bytes" in html
    assert "Data portal" in html and "external link" in html


def test_it_links_the_citations(client, catalogue):
    html = page_html(client, "/en/knowledge/r/th-solar-2024/", "en")
    links = re.findall(r'<a href="([^"]+)" data-citation="[^"]+">', html)
    assert [unescape(link) for link in links] == [
        f"/api/v1/knowledge/resources/th-solar-2024/citation?format={fmt}"
        for fmt in ("bibtex", "ris", "csl-json")
    ]
    # the links answer (kopen's citation API)
    bibtex = client.get(unescape(links[0]))
    assert bibtex.status_code == 200 and "10.1234/lmec.2024.1" in bibtex.content.decode()


def test_it_embeds_schema_org_json_ld(client, catalogue):
    html = page_html(client, "/en/knowledge/r/th-solar-2024/", "en")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block.group(1))
    assert data["@context"].rstrip("/").endswith("schema.org")
    assert data["@type"] == "ScholarlyArticle"
    assert data["url"] == "http://testserver/en/knowledge/r/th-solar-2024/"
    assert "Solar power overview" in json.dumps(data, ensure_ascii=False)


def test_it_embeds_no_json_ld_for_unpublished_records(client, catalogue, users):
    login(client, users.member)
    html = page_html(client, "/en/knowledge/r/member-draft/", "en")
    assert "application/ld+json" not in html


def test_it_hides_drafts_from_visitors_and_others(client, catalogue, users):
    assert client.get("/en/knowledge/r/member-draft/").status_code == 404
    login(client, users.focal["VN"])
    assert client.get("/en/knowledge/r/member-draft/").status_code == 404


def test_it_shows_a_draft_and_its_history_to_its_author(client, catalogue, users):
    login(client, users.member)
    html = page_html(client, "/en/knowledge/r/member-draft/", "en")
    assert 'id="history-heading"' in html
    assert 'data-step="submit"' in html


def test_it_shows_the_history_to_reviewers_only(client, catalogue, users):
    catalogue["report"].events.create(action="published", user=users.editor, comment="Fine.")
    html = page_html(client, "/en/knowledge/r/th-solar-2024/", "en")
    assert 'id="history-heading"' not in html
    login(client, users.focal["TH"])
    html = page_html(client, "/en/knowledge/r/th-solar-2024/", "en")
    assert 'id="history-heading"' in html and "Fine." in html and "t-editor" in html


def test_it_lays_out_a_good_practice_case(client, catalogue):
    html = page_html(client, "/en/knowledge/r/la-green-park/", "en")
    for heading in (
        "Context",
        "Challenge",
        "Solution",
        "Results",
        "Costs",
        "Lessons learnt",
        "Partners",
    ):
        assert f">{heading}</h2>" in html
    assert "The park lies on the Mekong." in html
    assert (
        '<th scope="row" lang="en">COD removed</th><td class="number">85.5</td><td>%</td>' in html
    )
    assert 'href="https://sdgs.un.org/goals/goal6"' in html
    points = json.loads(
        re.search(r'id="map-points" type="application/json">(.*?)</script>', html).group(1)
    )
    assert points == [
        {
            "identifier": "la-green-park",
            "title": "A green industrial park",
            "lat": 17.97,
            "lon": 102.6,
            "place": "Vientiane",
        }
    ]
    assert "vendor/leaflet/leaflet.js" in html and "monitoring/region.geojson" in html


def test_it_shows_a_case_in_the_original_when_asked(client, catalogue):
    html = page_html(client, "/en/knowledge/r/la-green-park/?content=lo", "en")
    assert h1(html) == "ນິຄົມອຸດສາຫະກຳສີຂຽວ"
    assert '<div lang="lo"><p>ສະພາບການ</p></div>' in html
