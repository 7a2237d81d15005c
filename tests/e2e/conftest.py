"""Browser tests: Playwright driving Debian's chromium (found on PATH), never a download."""

import os
import shutil
from pathlib import Path

import pytest

ARTEFACTS = Path(__file__).resolve().parents[2] / "test-artefacts"


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not on PATH; scripts/install_system_deps.sh installs it")
        pytest.skip("chromium is not on PATH (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by
    # the test itself (fixtures) are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def artefacts() -> Path:
    ARTEFACTS.mkdir(exist_ok=True)
    return ARTEFACTS


@pytest.fixture
def strategy_loaded(transactional_db):
    """Transactional tests start from empty tables: load the registry for the live server."""
    from lmec.cooperation.services import load_strategy

    load_strategy()


@pytest.fixture
def network(strategy_loaded):
    """The monitoring page fixtures (four stations with their data) for the live server."""
    from tests.monitoring.page_fixtures import make_network

    return make_network()


@pytest.fixture
def watched(page, live_server):
    """The page, with every console error and every request that leaves the site recorded."""
    errors, outside = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "request",
        lambda r: None if r.url.startswith(live_server.url) else outside.append(r.url),
    )
    page.errors, page.outside = errors, outside
    return page
