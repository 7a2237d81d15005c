"""Who may write what in the monitoring hub: every role, every country."""

import pytest

from lmec.monitoring.models import Station
from lmec.monitoring.permissions import writable_station_ids

pytestmark = pytest.mark.django_db

COUNTRIES = ["KH", "CN", "LA", "MM", "TH", "VN"]


@pytest.fixture
def stations(users):
    made = {
        code: Station.objects.create(
            code=f"{code}-1",
            name=f"Station {code}",
            country_id=code,
            site_type="urban",
            latitude=15,
            longitude=100,
        )
        for code in COUNTRIES
    }
    made["TH"].data_providers.add(users.provider)
    return made


def test_it_lets_the_secretariat_upload_to_every_station(users, stations):
    for user in (users.admin, users.editor):
        assert all(user.has_perm("monitoring.upload_measurements", s) for s in stations.values())
        assert writable_station_ids(user) is None


@pytest.mark.parametrize("country", COUNTRIES)
def test_it_lets_a_focal_point_upload_to_their_country_only(users, stations, country):
    focal = users.focal[country]
    for code, station in stations.items():
        assert focal.has_perm("monitoring.upload_measurements", station) == (code == country)
    assert writable_station_ids(focal) == {stations[country].id}


def test_it_lets_a_provider_upload_to_the_stations_named_for_it(users, stations):
    for code, station in stations.items():
        allowed = users.provider.has_perm("monitoring.upload_measurements", station)
        assert allowed == (code == "TH")
    assert writable_station_ids(users.provider) == {stations["TH"].id}


@pytest.mark.parametrize("who", ["member", "anonymous"])
def test_it_refuses_uploads_to_members_and_visitors(users, stations, who):
    user = getattr(users, who)
    assert not user.has_perm("monitoring.add_upload")
    assert not any(user.has_perm("monitoring.upload_measurements", s) for s in stations.values())


@pytest.mark.parametrize("country", COUNTRIES)
def test_it_lets_a_focal_point_change_their_country_stations_only(users, stations, country):
    focal = users.focal[country]
    assert focal.has_perm("monitoring.change_station")  # the admin list
    for code, station in stations.items():
        assert focal.has_perm("monitoring.change_station", station) == (code == country)
        assert not focal.has_perm("monitoring.delete_station", station)


@pytest.mark.parametrize("who", ["member", "provider", "anonymous"])
def test_it_refuses_station_changes_to_others(users, stations, who):
    user = getattr(users, who)
    assert not user.has_perm("monitoring.add_station")
    assert not user.has_perm("monitoring.change_station", stations["TH"])


def test_it_keeps_api_keys_for_providers_and_administrators(users):
    assert users.provider.has_perm("monitoring.add_apikey")
    assert users.admin.has_perm("monitoring.add_apikey")
    others = [users.editor, users.member, users.anonymous, *users.focal.values()]
    assert not any(user.has_perm("monitoring.add_apikey") for user in others)


def test_it_lets_any_signed_in_person_subscribe_to_alerts(users):
    signed_in = [users.admin, users.editor, users.member, users.provider, *users.focal.values()]
    assert all(user.has_perm("monitoring.add_alertsubscription") for user in signed_in)
    assert not users.anonymous.has_perm("monitoring.add_alertsubscription")
