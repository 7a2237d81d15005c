"""A visitor opens the progress dashboard in a real browser: the charts draw (a canvas in
each chart) and the activity × year grid shows its states."""

import pytest

pytestmark = pytest.mark.e2e


@pytest.fixture
def progress_records(strategy_loaded):
    from tests.cooperation.indicator_fixtures import make_records

    return make_records()


def test_it_draws_the_charts_and_the_gap_grid(live_server, progress_records, watched, artefacts):
    from lmec.cooperation.models import Activity

    page = watched
    page.goto(f"{live_server.url}/en/progress/")
    charts = page.locator(".progress-chart[data-chart]")
    assert charts.count() >= 8
    page.wait_for_function(
        "[...document.querySelectorAll('.progress-chart[data-chart]')]"
        ".every(node => node.querySelector('canvas'))"
    )
    assert page.locator('[data-chart="chart-indicator-stations-sharing"] canvas').count() == 1
    # the 2025 cell of D1-A1-1 is a gap (only a cancelled and a draft event that year)
    cell = page.locator('tr[data-activity="D1-A1-1"] td[data-year="2025"]')
    assert cell.get_attribute("data-state") == "gap"
    assert cell.inner_text().strip() == "gap"
    assert page.locator("table.progress-grid tbody tr").count() == Activity.objects.count()
    page.screenshot(path=str(artefacts / "progress-en.png"), full_page=False)
    assert page.errors == [] and page.outside == []
