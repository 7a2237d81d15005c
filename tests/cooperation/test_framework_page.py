"""The framework page: directions → actions → activities with timing, in every language."""

import re

import pytest

from lmec.cooperation.models import Activity
from tests.helpers import LANGUAGES, page_html

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_lists_all_31_activities_in_the_language(client, lang):
    html = page_html(client, f"/{lang}/framework/", lang)
    codes = re.findall(r'<tr class="activity" id="([^"]+)"', html)
    assert len(codes) == 31 and len(set(codes)) == 31
    field = f"name_{lang.replace('-', '_')}"
    for activity in Activity.objects.all():
        assert getattr(activity, field) in html.replace("&#x27;", "'").replace("&quot;", '"'), (
            activity.code
        )


def test_it_shows_the_timing_of_each_activity(client):
    html = client.get("/zh-hans/framework/").content.decode()
    assert html.count("每年一次") == 3
    assert "2021" in html


def test_it_shows_the_priority_areas(client):
    html = client.get("/en/framework/").content.decode()
    for code in ("4.1", "4.1.1", "4.4.3", "4.5"):
        assert f'<span class="code">{code}</span>' in html


def test_it_redirects_the_root_to_a_language_prefix(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="th")
    assert response.status_code == 302
    assert response["Location"] == "/th/"
