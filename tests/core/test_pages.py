"""Home and about pages, the language switcher and the fonts for each script."""

import pytest

from tests.helpers import LANGUAGES, page_html

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_serves_the_home_page_in_each_language(client, lang):
    html = page_html(client, f"/{lang}/", lang)
    assert f'class="lang-{lang}"' in html


def test_it_offers_every_language_in_the_switcher_with_its_own_name(client):
    html = client.get("/en/framework/").content.decode()
    for code, name in [
        ("zh-hans", "简体中文"),
        ("th", "ไทย"),
        ("vi", "Tiếng Việt"),
        ("lo", "ລາວ"),
        ("km", "ខ្មែរ"),
        ("my", "မြန်မာ"),
    ]:
        assert f'href="/{code}/framework/" lang="{code}"' in html
        assert name in html


def test_it_links_the_fonts_for_thai_lao_khmer_and_burmese(client):
    html = client.get("/my/").content.decode()
    assert "vendor/fonts/fonts.css" in html
    from django.contrib.staticfiles import finders

    css = open(finders.find("vendor/fonts/fonts.css"), encoding="utf-8").read()
    for family in ("Noto Sans Thai", "Noto Sans Lao", "Noto Sans Khmer", "Noto Sans Myanmar"):
        assert f"font-family: '{family}'" in css
    for name in (
        "noto-sans-thai-thai-400-normal.woff2",
        "noto-sans-lao-lao-400-normal.woff2",
        "noto-sans-khmer-khmer-400-normal.woff2",
        "noto-sans-myanmar-myanmar-400-normal.woff2",
    ):
        assert finders.find(f"vendor/fonts/{name}"), name


def test_it_shows_the_strategy_on_the_home_page(client):
    html = client.get("/zh-hans/").content.decode()
    assert "澜沧江-湄公河环境合作战略与行动框架" in html
    assert html.count('class="card"') == 5


def test_it_shows_the_implementing_arrangements_on_the_about_page(client):
    html = client.get("/en/about/").content.decode()
    assert html.count("<li><strong>") == 6  # the six countries
    assert "focal point" in html.lower()


def test_it_answers_the_health_check(client):
    assert client.get("/healthz").json() == {"status": "ok"}
