"""A visitor opens the regional air-quality map in a real browser, with no network beyond the site."""

import pytest

from lmec.quality import aqi

pytestmark = pytest.mark.e2e

GREY = "#9ca3af"


def colour(standard: str, readings: dict) -> str:
    """The category colour ``lmec.quality`` gives the fixture's last-day readings."""
    result = aqi.index(standard, readings)
    key = str(result.category)
    return next(c.colour for c in aqi.STANDARDS[standard].categories if c.key == key)


def fill(page, code: str) -> str:
    return page.locator(f'path.station-marker[data-station="{code}"]').get_attribute("fill")


def test_it_draws_the_stations_in_their_category_colours(live_server, network, watched, artefacts):
    page = watched
    page.goto(f"{live_server.url}/th/monitoring/")
    page.wait_for_selector('#monitoring-map[data-markers="4"][data-boundaries="loaded"]')
    # the last day's constant 40 µg/m³ PM2.5 under each country's own index
    assert fill(page, "TH-CM1") == colour("th-pcd-2023", {"pm25_24h": 40.0})
    assert fill(page, "VN-HN1") == colour("vn-1459-2019", {"pm25_nowcast": 40.0})
    assert fill(page, "CN-JH1") == colour("cn-hj633-2012", {"pm25_24h": 40.0})
    assert fill(page, "LA-VT1") == GREY  # no data
    # the country outlines are drawn (member countries and the river) from the site's file
    assert page.locator(".leaflet-boundaries-pane path").count() >= 7

    page.locator('path.station-marker[data-station="TH-CM1"]').click()
    popup = page.locator('.station-popup[data-station="TH-CM1"]')
    popup.wait_for()
    text = popup.inner_text()
    assert "ศาลากลางจังหวัดเชียงใหม่" in text and "107" in text
    assert "2025-03-10 23:00 UTC+7" in text
    assert popup.locator("a").get_attribute("href") == "/th/monitoring/stations/TH-CM1/"
    # the popup fades in: wait until it is fully drawn
    page.wait_for_function(
        "getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'"
    )
    page.screenshot(path=str(artefacts / "monitoring-map-th.png"))
    assert page.errors == []
    assert page.outside == []  # no tile server, no CDN: the map works on a closed network


def test_it_recolours_the_markers_when_the_standard_changes(live_server, network, watched):
    page = watched
    page.goto(f"{live_server.url}/en/monitoring/")
    page.wait_for_selector('#monitoring-map[data-markers="4"]')
    before = fill(page, "VN-HN1")
    page.select_option("#id_standard", "us-epa-2024")
    expected = colour("us-epa-2024", {"pm25_nowcast": 40.0})
    assert expected != before
    page.wait_for_function(
        "document.querySelector('path.station-marker[data-station=\"VN-HN1\"]')"
        f".getAttribute('fill') === '{expected}'"
    )
    for code in ("TH-CM1", "CN-JH1"):
        assert fill(page, code) == expected
    assert fill(page, "LA-VT1") == GREY
    # the table and the legend follow, and the address keeps the choice
    assert "standard=us-epa-2024" in page.url
    assert page.locator('.legend-bands[data-standard="us-epa-2024"]').count() == 1
    page.locator('path.station-marker[data-station="VN-HN1"]').click()
    assert "EPA-454/B-24-002" in page.locator('.station-popup[data-station="VN-HN1"]').inner_text()
    # back to the national indices: the map is drawn again, in their colours
    page.go_back()
    page.wait_for_selector('#monitoring-map[data-markers="4"]')
    page.wait_for_function(
        "document.querySelector('path.station-marker[data-station=\"VN-HN1\"]')"
        f".getAttribute('fill') === '{before}'"
    )
    assert page.errors == []
