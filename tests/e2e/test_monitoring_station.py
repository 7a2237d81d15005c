"""A visitor opens a station's page in a real browser: charts and calendar are drawn."""

import pytest

pytestmark = pytest.mark.e2e


def test_it_draws_a_chart_per_parameter_and_the_calendar(live_server, network, watched, artefacts):
    page = watched
    # a month of hours: the flagged spike of 20 February is in it
    page.goto(f"{live_server.url}/th/monitoring/stations/TH-CM1/?period=30d")
    for code in ("pm25", "pm10", "o3", "no2"):
        chart = page.locator(f'.ts-chart[data-series="series-{code}"]')
        chart.wait_for()
        page.wait_for_selector(f'.ts-chart[data-series="series-{code}"][data-rendered="true"]')
        box = chart.locator("canvas").first.bounding_box()
        assert box["width"] > 300 and box["height"] > 200
    page.wait_for_selector('.aqi-calendar[data-rendered="true"] canvas')
    assert page.locator("h1").inner_text().startswith("ศาลากลางจังหวัดเชียงใหม่")
    page.evaluate("document.querySelector('#charts').scrollIntoView()")
    page.screenshot(path=str(artefacts / "station-TH-CM1-charts.png"))
    assert page.errors == []
    assert page.outside == []


def test_it_draws_a_whole_year_in_the_calendar(live_server, network, watched, artefacts):
    page = watched
    page.goto(f"{live_server.url}/th/monitoring/stations/TH-CM1/?year=2024")
    page.wait_for_selector('.aqi-calendar[data-rendered="true"] canvas')
    # 2024 is a leap year of daily means: every day has an index
    assert (
        page.locator("#calendar-data").evaluate("n => JSON.parse(n.textContent).days.length") == 366
    )
    page.evaluate("document.querySelector('#calendar').scrollIntoView()")
    page.screenshot(path=str(artefacts / "station-TH-CM1-calendar-2024.png"))
    assert page.errors == []


def test_it_changes_the_period_to_daily_means_over_a_year(live_server, network, watched):
    page = watched
    page.goto(f"{live_server.url}/en/monitoring/stations/TH-CM1/")
    page.select_option("#id_period", "1y")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**period=1y**")
    page.wait_for_selector('.ts-chart[data-series="series-pm25"][data-rendered="true"] canvas')
    assert "daily means" in page.locator('[data-parameter="pm25"] h3').inner_text()
    # the tooltip of the chart answers the pointer: ECharts is live, not a picture
    box = page.locator('.ts-chart[data-series="series-pm25"]').bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.5)
    page.wait_for_function(
        "[...document.querySelectorAll('[data-parameter=\"pm25\"] .ts-chart div')]"
        ".some(d => d.innerText && d.innerText.includes('µg/m³'))"
    )
    assert page.errors == []


def test_it_compares_the_station_with_its_country_from_its_page(
    live_server, network, watched, artefacts
):
    page = watched
    page.goto(f"{live_server.url}/vi/monitoring/stations/VN-HN1/")
    page.locator("#downloads a[href*='/monitoring/compare/']").click()
    page.wait_for_selector("table.compare-table")
    assert page.locator('tr[data-entry="station-VN-HN1"]').count() == 1
    assert page.locator('tr[data-entry="country-VN"]').count() == 1
    bars = page.locator('tr[data-entry="station-VN-HN1"] .category-bar span[data-days]')
    assert bars.count() >= 1
    page.screenshot(path=str(artefacts / "compare-vi.png"), full_page=True)
    assert page.errors == []
