"""The page of a custom indicator: its values by place and year, and the form to enter a
value — every role, the focal point for their own country only."""

import pytest

from lmec.cooperation.models import IndicatorValue
from tests.helpers import LANGUAGES, page_html

from . import indicator_fixtures

records = indicator_fixtures.records  # the fixture, used by name

pytestmark = pytest.mark.django_db
URL = "/en/progress/indicators/stations-sharing/"


def login(client, users, role):
    if role == "anonymous":
        return
    user = users.focal[role[-2:].upper()] if role.startswith("focal_") else getattr(users, role)
    client.force_login(user)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_shows_the_values_by_place_in_every_language(client, records, lang):
    html = page_html(client, f"/{lang}/progress/indicators/stations-sharing/", lang)
    assert '<tr data-country="TH">' in html
    assert 'name="value"' not in html  # visitors see no form


def test_it_lists_the_series_with_the_progress_to_target(client, records):
    html = page_html(client, URL, "en")
    region = html.split('<tr data-country="">')[1].split("</tr>")[0]
    assert [c.split("<")[0] for c in region.split('<td class="number">')[1:]] == [
        "12.0", "15.0", "20.0", "50 %",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "role, places",
    [
        ("editor", ["", "KH", "CN", "LA", "MM", "TH", "VN"]),
        ("focal_th", ["TH"]),
        ("member", []),
    ],
)
def test_it_offers_each_person_the_places_they_may_enter(client, users, records, role, places):
    login(client, users, role)
    html = page_html(client, URL, "en")
    form = html.split('id="id_country">')[1].split("</select>")[0] if places else ""
    assert [o.split('"')[1] for o in form.split("<option value=")[1:]] == places


@pytest.mark.parametrize(
    "role, country, status",
    [
        ("admin", "", 302),
        ("editor", "TH", 302),
        ("member", "TH", 403),
        ("provider", "TH", 403),
        ("anonymous", "TH", 403),
        ("focal_th", "TH", 302),
        ("focal_th", "", 403),  # the regional value
        ("focal_vn", "TH", 403),
    ],
)
def test_it_stores_a_posted_value_only_for_the_right_people(
    client, users, records, role, country, status
):
    login(client, users, role)
    response = client.post(URL, {"year": "2026", "country": country, "value": "21,5"})
    assert response.status_code == status
    stored = IndicatorValue.objects.filter(year=2026, country_id=country or None).first()
    if status == 302:
        assert response["Location"] == URL + "?saved=1"
        assert stored.value == 21.5
    else:
        assert stored is None


def test_it_names_what_is_wrong_in_the_form(client, users, records):
    client.force_login(users.editor)
    response = client.post(URL, {"year": "2026", "country": "", "value": "many"})
    assert response.status_code == 422
    assert "Give a number" in response.content.decode()
    response = client.post(URL, {"year": "1999", "country": "FR", "value": "1"})
    assert response.status_code == 422
    assert "Unknown country" in response.content.decode()
    assert not IndicatorValue.objects.filter(value=1).exists()


def test_it_answers_404_for_an_unknown_indicator(client, records):
    assert client.get("/en/progress/indicators/nothing/").status_code == 404
