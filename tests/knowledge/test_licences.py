"""Licence titles: in the reader's language on our pages and API, the register's English
name where CKAN and DCAT clients match on it."""

from django.utils import translation

from lmec.knowledge import licences
from tests.knowledge.open_fixtures import *  # noqa: F403  (the catalogue fixtures)


def test_it_translates_every_licence_title_and_keeps_the_register_name():
    for lang in ("zh-hans", "th", "vi", "lo", "km", "my"):
        with translation.override(lang):
            untranslated = [x.id for x in licences.LICENCES if x.title == x.title_en]
            assert untranslated == [], lang
            assert licences.BY_ID["other-closed"].title_en == "Other (Not Open)"
    assert licences.BY_ID["cc-by-4.0"].title == "Creative Commons Attribution 4.0"


def test_it_answers_our_api_in_the_readers_language_and_ckan_in_english(client, open_catalogue):
    with translation.override("th"):
        thai = licences.BY_ID["cc-by-4.0"].title
    ours = client.get("/api/v1/knowledge/resources/air-report-2024", {"lang": "th"}).json()
    assert ours["licence"] == {
        "id": "cc-by-4.0",
        "title": thai,
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    ckan = client.get(
        "/api/3/action/package_show", {"id": "air-report-2024"}, HTTP_ACCEPT_LANGUAGE="th"
    ).json()["result"]
    assert ckan["license_title"] == "Creative Commons Attribution 4.0"
