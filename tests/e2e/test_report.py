"""A visitor opens the evaluation report in a real browser and downloads its PDF."""

import pytest

pytestmark = pytest.mark.e2e


def test_it_opens_the_report_of_a_year_and_its_pdf(live_server, strategy_loaded, page, artefacts):
    from tests.cooperation.report_fixture import report_records

    report_records()
    page.goto(f"{live_server.url}/th/reports/")
    page.locator('a[href="/th/reports/2024/"]').click()
    page.wait_for_url(f"{live_server.url}/th/reports/2024/")
    assert page.locator(".report section.part").count() == 8
    assert page.locator(".report figure.bar-chart").count() == 7
    assert "ไทย" in page.locator("#self-assessments").inner_text()
    page.screenshot(path=str(artefacts / "report-th.png"), full_page=False)
    href = page.locator('a[data-format="pdf"]').get_attribute("href")
    response = page.request.get(f"{live_server.url}{href}")
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")
