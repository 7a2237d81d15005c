"""Project pages: the list with filters and downloads, one project's page in each language."""

import pytest

from lmec.cooperation.services import projects as services
from tests.cooperation.project_fixtures import *  # noqa: F403
from tests.helpers import LANGUAGES, page_html


@pytest.fixture
def project(users, orgs, rates):
    project = services.create_project(user=users.editor, data=PROJECT_DATA)  # noqa: F405
    services.add_funding(
        user=users.editor,
        project=project,
        data={
            "source_type": "F6",
            "kind": "commitment",
            "date": "2024-03-01",
            "amount": "1000000",
            "currency": "THB",
            "funder": "mnre-th",
        },
    )
    services.create_project(
        user=users.editor,
        data={"code": "hidden", "kind": "pilot", "title": "Hidden draft", "country": "VN"},
    )
    return project


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_shows_the_list_and_the_project_in_every_language(client, project, lang):
    html = page_html(client, f"/{lang}/projects/", lang)
    assert 'data-code="th-haze-pilot"' in html and "Hidden draft" not in html
    assert 'id="projects-map"' in html and '"lat": 18.78' in html
    html = page_html(client, f"/{lang}/projects/th-haze-pilot/", lang)
    expected = "โครงการนำร่องเกษตรปลอดหมอกควัน" if lang == "th" else "Haze-free farming pilot"
    assert f"<h1>{expected}</h1>" in html
    assert "XI-IATI-LMEC-th-haze-pilot" in html
    assert '<td class="num">28300.00</td>' in html  # the row's USD
    assert '<td class="num">0.0283</td>' in html  # the rate used
    assert "Baseline survey" in html and "Ministry of Natural Resources and Environment" in html


def test_it_filters_and_names_ignored_filters(client, project):
    html = page_html(client, "/en/projects/?status=completed&year=1900", "en")
    assert 'data-code="th-haze-pilot"' not in html
    assert "Ignored filters with an unknown value: year" in html
    html = page_html(client, "/en/projects/?source_type=F6&country=LA", "en")
    assert 'data-code="th-haze-pilot"' in html


def test_it_downloads_the_filtered_list(client, project):
    response = client.get("/en/projects/?format=csv&kind=pilot")
    assert response["Content-Disposition"] == 'attachment; filename="projects.csv"'
    assert (
        response.content.decode()
        .splitlines()[1]
        .startswith("th-haze-pilot,Haze-free farming pilot,pilot,ongoing,TH")
    )
    assert client.get("/en/projects/?format=xlsx").status_code == 200
    assert client.get("/en/projects/?format=pdf").status_code == 400


def test_a_draft_page_is_404_for_visitors_and_shown_to_its_focal_point(client, users, project):
    assert client.get("/en/projects/hidden/").status_code == 404
    client.force_login(users.focal["VN"])
    assert client.get("/en/projects/hidden/").status_code == 200
