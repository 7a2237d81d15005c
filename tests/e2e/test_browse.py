"""A visitor browses the site in each of the seven languages, in a real browser."""

import re

import pytest
from django.utils import translation

pytestmark = pytest.mark.e2e

LANGUAGES = ["zh-hans", "en", "th", "vi", "lo", "km", "my"]


def expected(text: str, lang: str) -> str:
    with translation.override(lang):
        return translation.gettext(text)


def test_it_switches_through_every_language_and_lists_all_activities(
    live_server, strategy_loaded, page, artefacts
):
    page.goto(f"{live_server.url}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    for lang in LANGUAGES:
        # the switcher keeps the reader on the same page, in the other language
        expected_url = re.sub(r"^(https?://[^/]+)/[^/]+/", rf"\1/{lang}/", page.url)
        page.locator(f'.lang-switcher a[data-lang="{lang}"]').click()
        page.wait_for_url(expected_url)
        assert page.locator("html").get_attribute("lang") == lang
        page.get_by_role("link", name=expected("Home", lang), exact=True).click()
        page.wait_for_url(f"{live_server.url}/{lang}/")
        nav = page.locator(".main-nav").inner_text()
        framework_label = expected("Strategy framework", lang)
        assert framework_label in nav
        if lang != "en":
            assert framework_label != "Strategy framework", f"no {lang} translation"
        page.screenshot(path=str(artefacts / f"home-{lang}.png"), full_page=True)

        page.get_by_role("link", name=framework_label, exact=True).click()
        page.wait_for_url(f"{live_server.url}/{lang}/framework/")
        assert page.locator("tr.activity").count() == 31
        assert page.locator("section.direction").count() == 5
        page.screenshot(path=str(artefacts / f"framework-{lang}.png"), full_page=False)


def test_it_reaches_the_content_by_keyboard(live_server, strategy_loaded, page):
    page.goto(f"{live_server.url}/th/framework/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "skip-link" in focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
