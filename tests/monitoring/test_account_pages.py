"""API key and alert pages: each role, the key shown once, subscriptions of one's own only."""

import pytest

from lmec.monitoring.models import AlertSubscription, ApiKey, Station
from tests.helpers import LANGUAGES, login

pytestmark = pytest.mark.django_db


@pytest.fixture
def station(users):
    made = Station.objects.create(
        code="TH-A",
        name="Bangkok",
        country_id="TH",
        site_type="urban",
        latitude=13.7,
        longitude=100.5,
    )
    made.data_providers.add(users.provider)
    return made


@pytest.mark.parametrize("who", ["member", "editor", "focal"])
def test_it_keeps_the_key_page_for_providers(client, users, who):
    login(client, users.focal["TH"] if who == "focal" else getattr(users, who))
    assert client.get("/en/monitoring/api-keys/").status_code == 403


def test_it_creates_a_key_and_shows_it_once(client, users, station):
    login(client, users.provider)
    response = client.post("/en/monitoring/api-keys/", {"name": "logger", "stations": [station.pk]})
    page = response.content.decode()
    key = ApiKey.objects.get()
    assert f"lmec_{key.prefix}_" in page and 'id="new-key"' in page
    assert 'id="new-key"' not in client.get("/en/monitoring/api-keys/").content.decode()


def test_it_offers_a_provider_only_its_stations(client, users, station):
    other = Station.objects.create(
        code="VN-A",
        name="Ha Noi",
        country_id="VN",
        site_type="urban",
        latitude=21,
        longitude=105.8,
    )
    login(client, users.provider)
    response = client.post("/en/monitoring/api-keys/", {"name": "x", "stations": [other.pk]})
    assert response.status_code == 200 and not ApiKey.objects.exists()
    assert "VN-A" not in client.get("/en/monitoring/api-keys/").content.decode()


def test_it_revokes_only_the_owner_key(client, users, station):
    login(client, users.provider)
    client.post("/en/monitoring/api-keys/", {"name": "logger", "stations": [station.pk]})
    key = ApiKey.objects.get()
    client.logout()
    login(client, users.member)
    assert client.post(f"/en/monitoring/api-keys/{key.pk}/revoke/").status_code == 404
    client.logout()
    login(client, users.provider)
    client.post(f"/en/monitoring/api-keys/{key.pk}/revoke/")
    assert ApiKey.objects.get().revoked is not None


def test_it_sends_visitors_to_sign_in_before_alerts(client):
    assert client.get("/en/monitoring/alerts/").status_code == 302


def test_it_subscribes_a_member_to_a_station(client, users, station):
    users.member.email = "m@example.org"
    users.member.save()
    login(client, users.member)
    response = client.post(
        "/th/monitoring/alerts/", {"station": station.pk, "threshold": 150, "standard": ""}
    )
    assert response.status_code == 302
    subscription = AlertSubscription.objects.get()
    assert (subscription.station, subscription.threshold, subscription.language) == (
        station,
        150,
        "th",
    )


def test_it_asks_for_a_station_or_a_country(client, users, station):
    users.member.email = "m@example.org"
    users.member.save()
    login(client, users.member)
    response = client.post("/en/monitoring/alerts/", {"threshold": 150})
    assert "Choose a station, or a country" in response.content.decode()
    assert not AlertSubscription.objects.exists()


def test_it_lets_only_the_subscriber_unsubscribe(client, users, station):
    users.member.email = "m@example.org"
    users.member.save()
    subscription = AlertSubscription.objects.create(
        user=users.member, station=station, threshold=100
    )
    login(client, users.editor)
    assert client.post(f"/en/monitoring/alerts/{subscription.pk}/delete/").status_code == 404
    client.logout()
    login(client, users.member)
    client.post(f"/en/monitoring/alerts/{subscription.pk}/delete/")
    assert not AlertSubscription.objects.exists()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_renders_the_data_pages_in_every_language(client, users, station, lang):
    login(client, users.provider)
    for path in (
        "monitoring/upload/",
        "monitoring/uploads/",
        "monitoring/api-keys/",
        "monitoring/alerts/",
    ):
        response = client.get(f"/{lang}/{path}")
        assert response.status_code == 200, path
        assert f'<html lang="{lang}">' in response.content.decode()


def test_it_names_the_indices_in_the_reader_language(client, users):
    login(client, users.member)
    page = client.get("/th/monitoring/alerts/").content.decode()
    assert "ไทย · PCD AQI 2566 (2023)" in page
    assert "ดัชนีระดับชาติของแต่ละสถานี" in page  # each station's national index
