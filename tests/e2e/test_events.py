"""Events in a real browser: from the list to an event, register with consent, see the
confirmation; the registration is stored with the consent time."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def open_event(strategy_loaded, settings):
    from django.core.cache import cache

    from tests.cooperation.event_fixtures import make_event

    settings.EVENT_REGISTRATION_RATE = "100/m"
    cache.clear()
    return make_event(
        "2026-th-air", kind="training", title_en="Air quality monitoring training", capacity=20
    )


def test_it_opens_an_event_registers_and_sees_the_confirmation(
    live_server, open_event, watched, artefacts
):
    from lmec.cooperation.models import Registration

    page, base = watched, live_server.url
    page.goto(f"{base}/en/")
    page.get_by_role("link", name="Events", exact=True).click()
    page.wait_for_url(f"{base}/en/events/")
    page.get_by_role("link", name="Air quality monitoring training").click()
    page.wait_for_url(f"{base}/en/events/2026-th-air/")
    assert page.locator("h1").inner_text() == "Air quality monitoring training"
    assert page.get_by_role("link", name="Add to calendar").get_attribute("href") == (
        "/en/events/2026-th-air.ics"
    )
    page.get_by_role("link", name="Register", exact=True).click()
    page.wait_for_url(f"{base}/en/events/2026-th-air/register/")
    page.get_by_label("Full name").first.fill("Thiri Htun")
    page.get_by_role("textbox", name="E-mail").fill("thiri@example.mm")
    page.get_by_label("Country", exact=True).select_option("MM")
    page.get_by_label("You take part on behalf of").select_option("academia")
    page.get_by_label("Gender", exact=True).select_option("female")
    page.get_by_label("Age group", exact=True).select_option("25_34")
    # without consent the form refuses and says why
    page.get_by_role("button", name="Register").click()
    assert "Registration needs your consent" in page.locator("form").inner_text()
    page.get_by_label("I agree that the organisers").check()
    page.get_by_role("button", name="Register").click()
    confirmation = page.locator(".confirmation")
    confirmation.wait_for()
    assert confirmation.inner_text() == "Thank you, Thiri Htun. You are registered."
    page.screenshot(path=str(artefacts / "events-registered-en.png"), full_page=True)
    registration = Registration.objects.get()
    assert (registration.email, registration.country_id, registration.status) == (
        "thiri@example.mm",
        "MM",
        "registered",
    )
    assert registration.consent_at is not None
    # the refused form answers 422, which the browser logs; nothing else went wrong
    assert [e for e in page.errors if "status of 422" not in e] == []
    assert page.outside == []
