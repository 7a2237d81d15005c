"""The directory's pages in every language: overview, lists with filters and downloads,
details, "my expert profile" and the capacity map."""

import json

import pytest
from django.test import Client

from tests.helpers import LANGUAGES, PASSWORD, page_html


def signed_in(user):
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_shows_every_page_in_every_language(client, directory, lang):
    for path in [
        "network/",
        "network/organisations/",
        "network/organisations/pcd-th/",
        "network/experts/",
        f"network/experts/{directory['listed'].pk}/",
        "network/capacity/",
    ]:
        html = page_html(client, f"/{lang}/{path}", lang)
        assert f'href="/{lang}/network/"' in html  # the nav item


def test_it_shows_the_arrangements_and_focal_points(client, directory):
    html = page_html(client, "/th/network/", "th")
    assert 'data-code="IA2"' in html
    assert "หน่วยประสานงานหลักอย่างเป็นทางการ" in html  # IA2 in Thai, from the registry
    assert 'data-country="TH"' in html and "กรมควบคุมมลพิษ" in html


def test_it_filters_organisations_and_downloads_the_same_rows(client, directory):
    html = page_html(client, "/en/network/organisations/?country=regional", "en")
    assert 'data-slug="mrcs"' in html and 'data-slug="pcd-th"' not in html
    csv = client.get("/en/network/organisations/?country=TH&format=csv")
    assert csv.content.decode() == (
        "slug,name,acronym,kind,country,website,iati_ref\n"
        "pcd-th,Pollution Control Department,PCD,government,TH,,\n"
    )
    bad = client.get("/en/network/organisations/?format=pdf")
    assert (bad.status_code, bad.content.decode()) == (
        400,
        "Unknown format pdf; choose one of: csv, xlsx.",
    )
    assert client.get("/en/network/organisations/?kind=army").status_code == 400


def test_it_never_shows_a_profile_without_consent(client, users, directory):
    html = page_html(client, "/en/network/experts/", "en")
    assert "Somchai Wongsa" in html
    assert "Nguyen Thi Lan" not in html and "Aranya Chaiyo" not in html
    assert client.get(f"/en/network/experts/{directory['unlisted'].pk}/").status_code == 404
    # not even to the secretariat on the public pages
    editor = signed_in(users.editor)
    assert "Nguyen Thi Lan" not in editor.get("/en/network/experts/").content.decode()
    assert "lan@example.org" not in client.get("/en/network/organisations/vea-vn/").content.decode()


def test_it_keeps_my_profile_with_explicit_consent(client, users, db):
    assert client.get("/en/network/experts/me/").status_code == 302  # sign in first
    me = signed_in(users.member)
    form = {
        "name": "Thida Aung",
        "languages": "my, en",
        "fields_of_expertise": "River ecology\nFish",
        "email": "thida@example.org",
    }
    assert me.post("/en/network/experts/me/", form).status_code == 302
    assert "Thida Aung" not in client.get("/en/network/experts/").content.decode()
    me.post("/en/network/experts/me/", {**form, "consent": "on"})
    page = client.get("/en/network/experts/").content.decode()
    assert "Thida Aung" in page
    status = me.get("/en/network/experts/me/").content.decode()
    assert 'data-public="true"' in status
    me.post("/en/network/experts/me/", form)  # consent box unticked: hidden at once
    assert "Thida Aung" not in client.get("/en/network/experts/").content.decode()


def test_it_names_the_bad_field_of_my_profile(users, db):
    me = signed_in(users.member)
    answer = me.post("/en/network/experts/me/", {"name": "Lin", "languages": "burmese!"})
    assert answer.status_code == 400
    assert "is not a language code such as th, en or zh-hans" in answer.content.decode()


def test_it_puts_the_linked_stations_on_the_capacity_map(client, directory):
    html = page_html(client, "/en/network/capacity/", "en")
    start = html.index('<script id="capacity-stations" type="application/json">') + len(
        '<script id="capacity-stations" type="application/json">'
    )
    stations = json.loads(html[start : html.index("</script>", start)])
    assert [(s["code"], s["members"]) for s in stations] == [("TH-05T", ["PCD"])]
    assert "lmec/network/capacity_map.js" in html and "vendor/leaflet/leaflet.js" in html
    xlsx = client.get("/en/network/capacity/?format=xlsx")
    assert xlsx["Content-Disposition"] == 'attachment; filename="monitoring-capacity.xlsx"'
