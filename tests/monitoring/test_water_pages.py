"""The water pages: the sites with their latest class, one site with its samples."""

import re

import pytest

from tests.helpers import LANGUAGES, page_html
from tests.monitoring.water_data import make_sites

pytestmark = pytest.mark.django_db

SITES = ["KH-M-01", "CN-L-01", "CN-R-01", "LA-M-01", "TH-M-01", "VN-L-01", "VN-R-01"]


@pytest.fixture
def sites(db):
    return make_sites()


def row(html, attribute, value):
    match = re.search(rf'<tr {attribute}="{re.escape(value)}">(.*?)</tr>', html, flags=re.S)
    assert match, value
    return match.group(1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_lists_every_site_in_every_language(client, sites, lang):
    html = page_html(client, f"/{lang}/monitoring/water/", lang)
    assert re.findall(r'<tr data-site="([^"]+)">', html) == SITES
    # the legend: 6 + 5 + 4 classes of the three standards
    assert (
        len(
            re.findall(
                r'<li style="background: #[0-9a-f]{6}; color: #[0-9a-f]{6}" data-class=', html
            )
        )
        == 15
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_shows_a_site_in_every_language(client, sites, lang):
    html = page_html(client, f"/{lang}/monitoring/water/CN-R-01/", lang)
    assert "GB 3838-2002" in html
    assert re.findall(r'<tr data-date="([^"]+)">', html) == [
        "2024-06-05",
        "2024-06-04",
        "2024-03-05",
    ]


def test_it_colours_each_sites_latest_class(client, sites):
    html = client.get("/en/monitoring/water/").content.decode()
    lake = row(html, "data-site", "CN-L-01")
    assert 'style="background: #3aa655; color: #000000" data-class="III">Class III</span>' in lake
    assert "Total phosphorus" in lake and "2024-05-10" in lake
    # the Thai site's class 5 is set by a cadmium value below the detection limit
    assert "(undetermined)" in row(html, "data-site", "TH-M-01")
    assert "no national standard in the platform" in row(html, "data-site", "KH-M-01")
    assert "no sample yet" in row(html, "data-site", "LA-M-01")


def test_it_shows_values_below_the_detection_limit(client, sites):
    html = client.get("/en/monitoring/water/TH-M-01/").content.decode()
    cadmium = row(html, "data-parameter", "cd")
    assert '<td class="number">&lt; 0.01</td>' in cadmium
    assert "below the detection limit; the class may be better" in cadmium
    assert "(limiting)" in cadmium
    history = client.get("/en/monitoring/water/CN-R-01/").content.decode()
    assert re.search(r'title="Class I">&lt; 0\.0001\*</td>', history)


def test_it_cites_the_standard_and_the_mrc_status(client, sites):
    html = client.get("/en/monitoring/water/TH-M-01/").content.decode()
    assert (
        "Classified under NEB Notification No. 8 (B.E. 2537), surface water quality standard table."
        in html
    )
    assert "The Mekong River Commission&#x27;s water quality indices are not shown" in html
    lake = client.get("/en/monitoring/water/CN-L-01/").content.decode()
    assert "Lake and reservoir limits apply." in lake


def test_it_marks_flagged_and_uncounted_values(client, sites):
    html = client.get(
        "/en/monitoring/water/CN-R-01/?start=2024-03-05&end=2024-06-04"
    ).content.decode()
    assert re.findall(r'<tr data-date="([^"]+)">', html) == ["2024-06-04", "2024-03-05"]
    assert '<s title="flagged, not classified">20</s>' in html


@pytest.mark.parametrize("lang", ["en", "th", "zh-hans"])
def test_it_keeps_the_chosen_period_in_the_date_fields(client, sites, lang):
    # <input type=date> reads only ISO dates; a localised "1 มกราคม 2024" left it empty
    html = client.get(
        f"/{lang}/monitoring/water/CN-R-01/?start=2024-03-05&end=2024-06-04"
    ).content.decode()
    assert 'name="start" value="2024-03-05"' in html
    assert 'name="end" value="2024-06-04"' in html
    assert (
        'name="start" value=""' in client.get(f"/{lang}/monitoring/water/CN-R-01/").content.decode()
    )


def test_it_explains_a_bad_date_and_shows_the_whole_history(client, sites):
    response = client.get("/en/monitoring/water/CN-R-01/?start=June")
    assert response.status_code == 200
    html = response.content.decode()
    assert "From: June is not a date (YYYY-MM-DD)." in html
    assert len(re.findall(r"<tr data-date=", html)) == 3


@pytest.mark.parametrize("code", ["NO-SUCH", "TH-AIR-01"])
def test_it_answers_404_for_anything_but_a_water_site(client, sites, code):
    assert client.get(f"/en/monitoring/water/{code}/").status_code == 404


def test_it_renders_with_no_sites(client, db):
    html = page_html(client, "/en/monitoring/water/", "en")
    assert "No water sampling sites yet." in html


def test_its_urls_have_the_agreed_names():
    from django.urls import reverse
    from django.utils import translation

    with translation.override("th"):
        assert reverse("monitoring:water") == "/th/monitoring/water/"
        assert reverse("monitoring:water_site", args=["TH-M-01"]) == "/th/monitoring/water/TH-M-01/"
