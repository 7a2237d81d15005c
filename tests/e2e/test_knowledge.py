"""The knowledge platform in a real browser: search → resource → download; a member's
submission published by an editor; the case map drawn; the language switch keeps the page."""

import pytest

from tests.helpers import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalogue(strategy_loaded, settings, tmp_path):
    """The page tests' records (a Thai report with a PDF, a Lao case, a Vietnamese dataset
    on request, a member's drafts) and the users, for the live server."""
    from tests.helpers import make_users
    from tests.knowledge.page_fixtures import make_catalogue

    settings.MEDIA_ROOT = tmp_path
    users = make_users()
    return users, make_catalogue(users)


def sign_in(page, base, user):
    page.goto(f"{base}/en/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/en/")


def test_it_searches_opens_the_resource_and_downloads_its_file(
    live_server, catalogue, watched, artefacts
):
    from lmec.knowledge.models import Download
    from tests.knowledge.page_fixtures import pdf_bytes

    page, base = watched, live_server.url
    page.goto(f"{base}/en/")
    page.get_by_role("link", name="Knowledge", exact=True).click()
    page.wait_for_url(f"{base}/en/knowledge/")
    page.get_by_label("Search the catalogue").fill("solar")
    page.get_by_label("Words (lexical)").check()
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url("**q=solar**")
    results = page.locator("li.result")
    assert results.count() == 1
    assert "solar" in results.first.locator("mark").first.inner_text().lower()
    page.screenshot(path=str(artefacts / "knowledge-search-en.png"), full_page=True)

    results.first.get_by_role("link", name="Solar power overview").click()
    page.wait_for_url(f"{base}/en/knowledge/r/th-solar-2024/")
    assert page.locator("h1").inner_text() == "Solar power overview"
    with page.expect_download() as info:
        page.get_by_role("link", name="Full report").click()
    download = info.value
    assert download.suggested_filename == "solar-report.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read() == pdf_bytes()
    assert Download.objects.filter(distribution__resource__identifier="th-solar-2024").count() == 1

    # the content switch shows the Thai original; the language switcher keeps the page
    page.locator('a[data-content="th"]').click()
    page.wait_for_url("**content=th")
    assert page.locator("h1").get_attribute("lang") == "th"
    page.locator('.lang-switcher a[data-lang="km"]').click()
    page.wait_for_url(f"{base}/km/knowledge/r/th-solar-2024/?content=th")
    assert page.locator("html").get_attribute("lang") == "km"
    assert page.errors == [] and page.outside == []


def test_it_narrows_the_catalogue_with_a_facet_and_draws_the_case_map(
    live_server, catalogue, watched, artefacts
):
    page, base = watched, live_server.url
    page.goto(f"{base}/en/knowledge/")
    assert page.locator("li.result").count() == 3
    page.locator('[data-facet="type"] a[data-value="case"]').click()
    page.wait_for_url("**type=case**")
    assert page.locator("li.result").count() == 1
    page.locator("li.result h3 a").click()
    page.wait_for_url(f"{base}/en/knowledge/r/la-green-park/")
    page.wait_for_selector('#knowledge-map[data-markers="1"]')
    page.wait_for_selector('#knowledge-map[data-boundaries="loaded"]')
    assert page.locator("#knowledge-map path.case-marker").count() == 1
    page.screenshot(path=str(artefacts / "knowledge-case-en.png"), full_page=True)
    assert page.errors == [] and page.outside == []


def test_a_member_submits_and_an_editor_publishes(live_server, catalogue, watched, artefacts):
    from lmec.knowledge.models import Resource

    users, _records = catalogue
    page, base = watched, live_server.url
    sign_in(page, base, users.member)
    page.goto(f"{base}/en/knowledge/submit/")
    page.select_option("#id_type", "policy")
    page.select_option("#id_language", "en")
    page.fill("#id_title_en", "Plastic waste rules for river towns")
    page.fill("#id_abstract_en", "How towns on the Mekong keep plastic out of the river.")
    page.locator('input[name="themes"][value="green-industrial-parks"]').check()
    page.screenshot(path=str(artefacts / "knowledge-submit-en.png"), full_page=True)
    page.get_by_role("button", name="Save and submit for review").click()
    page.wait_for_selector("text=Saved and submitted for review.")
    created = Resource.objects.get(title_en="Plastic waste rules for river towns")
    assert created.status == "submitted"
    page.get_by_role("button", name="Sign out").click()

    # not public yet
    response = page.goto(f"{base}/en/knowledge/r/{created.identifier}/")
    assert response.status == 404
    # the browser reports that 404 on the console, and then the favicon's that the plain 404
    # page (no site template) makes it ask for
    page.wait_for_load_state("networkidle")
    page.errors.clear()

    sign_in(page, base, users.editor)
    page.goto(f"{base}/en/knowledge/review/")
    item = page.locator(f'li.queue-item[data-identifier="{created.identifier}"]')
    item.get_by_role("button", name="Publish").click()
    page.wait_for_selector("text=Published: the record is now public.")
    assert Resource.objects.get(pk=created.pk).status == "published"
    page.get_by_role("button", name="Sign out").click()

    response = page.goto(f"{base}/en/knowledge/r/{created.identifier}/")
    assert response.status == 200
    assert page.locator("h1").inner_text() == "Plastic waste rules for river towns"
    assert page.errors == [] and page.outside == []
