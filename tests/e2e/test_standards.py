"""A visitor compares the AQI standards in a real browser: typing updates the table."""

import pytest

pytestmark = pytest.mark.e2e


def aqi_cell(page, standard: str):
    return page.locator(f'tr[data-standard="{standard}"] td.aqi-value')


def test_it_recomputes_the_comparison_as_the_reader_types(
    live_server, strategy_loaded, page, artefacts
):
    page.goto(f"{live_server.url}/th/standards/")
    # the example day is computed on arrival: HJ 633-2012 PM2.5 85 -> 113
    assert aqi_cell(page, "cn-hj633-2012").inner_text() == "113"
    for field in ("pm10_24h", "o3_8h", "o3_1h", "no2_1h", "so2_1h", "co_8h"):
        page.fill(f"#id_{field}", "")
    page.fill("#id_pm25_24h", "40")
    # htmx swaps in the new comparison: PCD 40 µg/m³ -> 107, "เริ่มมีผลกระทบต่อสุขภาพ"
    page.wait_for_function(
        "document.querySelector('tr[data-standard=\"th-pcd-2023\"] td.aqi-value')"
        ".innerText.trim() === '107'"
    )
    row = page.locator('tr[data-standard="th-pcd-2023"]').inner_text()
    assert "เริ่มมีผลกระทบต่อสุขภาพ" in row
    # the address follows the form, so the comparison can be shared
    assert "pm25_24h=40" in page.url
    page.screenshot(path=str(artefacts / "standards-th.png"), full_page=False)


def test_it_shows_an_error_beside_a_bad_value(live_server, strategy_loaded, page):
    page.goto(f"{live_server.url}/en/standards/?pm25_24h=-5#compare")
    assert "cannot be negative" in page.locator("#id_pm25_24h-error").inner_text()
    assert page.locator("tr[data-standard]").count() == 0
