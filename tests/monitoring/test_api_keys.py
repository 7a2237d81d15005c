"""API keys of data providers: shown once, stored as a digest, scoped to stations."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lmec.monitoring import services
from lmec.monitoring.models import ApiKey, Station

pytestmark = pytest.mark.django_db


@pytest.fixture
def stations(users):
    made = [
        Station.objects.create(
            code=f"TH-{n}",
            name=f"Bangkok {n}",
            country_id="TH",
            site_type="urban",
            latitude=13.7,
            longitude=100.5,
        )
        for n in (1, 2, 3)
    ]
    users.provider.provided_stations.add(made[0], made[1])
    return made


def test_it_shows_the_key_once_and_stores_only_its_digest(users, stations):
    key, raw = services.create_api_key(user=users.provider, name="logger", stations=stations[:1])
    assert raw.startswith("lmec_" + key.prefix + "_")
    stored = ApiKey.objects.get(pk=key.pk)
    assert raw not in (stored.digest, stored.prefix, stored.name)
    assert services.authenticate_api_key(raw) == key
    assert ApiKey.objects.get(pk=key.pk).last_used is not None


def test_it_refuses_a_key_for_stations_the_provider_does_not_serve(users, stations):
    with pytest.raises(ValidationError, match="TH-3"):
        services.create_api_key(user=users.provider, name="x", stations=[stations[2]])
    assert not ApiKey.objects.exists()


@pytest.mark.parametrize("who", ["member", "editor"])
def test_it_refuses_keys_to_people_who_are_not_providers(users, stations, who):
    with pytest.raises(PermissionDenied):
        services.create_api_key(user=getattr(users, who), name="x", stations=stations[:1])


def test_it_refuses_keys_to_focal_points(users, stations):
    with pytest.raises(PermissionDenied):
        services.create_api_key(user=users.focal["TH"], name="x", stations=stations[:1])


def test_it_needs_a_name_and_a_station(users, stations):
    with pytest.raises(ValidationError, match="name"):
        services.create_api_key(user=users.provider, name=" ", stations=stations[:1])
    with pytest.raises(ValidationError, match="station"):
        services.create_api_key(user=users.provider, name="logger", stations=[])


def test_it_stops_a_revoked_key_and_one_of_an_inactive_owner(users, stations):
    key, raw = services.create_api_key(user=users.provider, name="a", stations=stations[:1])
    services.revoke_api_key(user=users.provider, key=key)
    assert services.authenticate_api_key(raw) is None
    key2, raw2 = services.create_api_key(user=users.provider, name="b", stations=stations[:1])
    users.provider.is_active = False
    users.provider.save()
    assert services.authenticate_api_key(raw2) is None


@pytest.mark.parametrize("raw", [None, "", "lmec_", "lmec_0000_nope", "Bearer x"])
def test_it_rejects_unknown_keys(raw):
    assert services.authenticate_api_key(raw) is None


def test_it_lets_only_the_owner_or_an_administrator_revoke(users, stations):
    key, _raw = services.create_api_key(user=users.provider, name="a", stations=stations[:1])
    for other in (users.member, users.editor, users.focal["TH"]):
        with pytest.raises(PermissionDenied):
            services.revoke_api_key(user=other, key=key)
    services.revoke_api_key(user=users.admin, key=key)
    assert ApiKey.objects.get(pk=key.pk).revoked is not None


def test_it_narrows_a_key_to_what_its_owner_still_serves(users, stations):
    key, _raw = services.create_api_key(user=users.provider, name="a", stations=stations[:2])
    assert services.api_key_station_ids(key) == {stations[0].id, stations[1].id}
    users.provider.provided_stations.remove(stations[1])
    assert services.api_key_station_ids(key) == {stations[0].id}
