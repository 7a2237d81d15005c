"""Every write of the network directory × every role: the secretariat everything, a focal
point their own country's records (TH here), a member their own expert profile."""

import pytest
from django.core.exceptions import PermissionDenied

from lmec.network import services

ROLES = ["admin", "editor", "member", "provider", "anonymous", "focal_own", "focal_other"]


def _user(users, role):
    if role == "focal_own":
        return users.focal["TH"]
    if role == "focal_other":
        return users.focal["VN"]
    return getattr(users, role)


def create_org(user, d):
    services.create_organisation(user=user, data={"name": "Thai Green Lab", "country": "TH"})


def update_org(user, d):
    services.update_organisation(user=user, organisation=d["pcd"], data={"acronym": "PCD-TH"})


def create_expert(user, d):
    services.create_expert(user=user, data={"name": "Kanya Srisuk", "country": "TH"})


def update_expert(user, d):
    services.update_expert(user=user, expert=d["hidden_th"], data={"fields": ["Peatlands"]})


def withdraw(user, d):
    services.withdraw_consent(user=user, expert=d["listed"])


def delete_expert(user, d):
    services.delete_expert(user=user, expert=d["hidden_th"])


def own_profile(user, d):
    services.save_own_expert_profile(user=user, data={"name": "Me Myself", "consent": True})


def save_focal(user, d):
    services.save_focal_point(user=user, data={"country": "VN", "organisation": "vea-vn"})


def remove_focal(user, d):
    services.remove_focal_point(user=user, focal_point=d["focal"])


def create_capacity(user, d):
    from lmec.network.models import Organisation

    lab = Organisation.objects.create(slug="th-lab", name_en="Thai Lab", country_id="TH")
    services.create_capacity_member(
        user=user, data={"organisation": lab.slug, "kind": "laboratory", "media": "water"}
    )


def update_capacity(user, d):
    services.update_capacity_member(user=user, member=d["member"], data={"stations": ["TH-05T"]})


def remove_capacity(user, d):
    services.remove_capacity_member(user=user, member=d["member"])


SECRETARIAT_AND_OWN_FOCAL = {"admin", "editor", "focal_own"}
CASES = [
    (create_org, SECRETARIAT_AND_OWN_FOCAL),
    (update_org, SECRETARIAT_AND_OWN_FOCAL),
    (create_expert, SECRETARIAT_AND_OWN_FOCAL),
    (update_expert, SECRETARIAT_AND_OWN_FOCAL),
    (withdraw, SECRETARIAT_AND_OWN_FOCAL),
    (delete_expert, SECRETARIAT_AND_OWN_FOCAL),
    (own_profile, set(ROLES) - {"anonymous"}),
    (save_focal, {"admin", "editor"}),
    (remove_focal, {"admin", "editor"}),
    (create_capacity, SECRETARIAT_AND_OWN_FOCAL),
    (update_capacity, SECRETARIAT_AND_OWN_FOCAL),
    (remove_capacity, SECRETARIAT_AND_OWN_FOCAL),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("write", "allowed"), CASES, ids=[c[0].__name__ for c in CASES])
def test_it_allows_each_write_to_exactly_its_roles(users, directory, write, allowed, role):
    user = _user(users, role)
    if role in allowed:
        write(user, directory)
    else:
        with pytest.raises(PermissionDenied):
            write(user, directory)


def test_it_keeps_a_focal_point_to_their_own_country(users, directory):
    focal = users.focal["TH"]
    with pytest.raises(PermissionDenied):
        services.create_organisation(user=focal, data={"name": "Regional body"})
    with pytest.raises(PermissionDenied):
        services.update_organisation(
            user=focal, organisation=directory["pcd"], data={"country": "VN"}
        )
    with pytest.raises(PermissionDenied):
        services.update_capacity_member(
            user=focal, member=directory["member"], data={"stations": ["VN-HN-NVC"]}
        )
    directory["pcd"].refresh_from_db()
    assert directory["pcd"].country_id == "TH"
    assert [s.code for s in directory["member"].stations.all()] == ["TH-05T"]


def test_it_lets_a_member_edit_only_their_own_profile(users, directory):
    mine = services.save_own_expert_profile(user=users.member, data={"name": "Mali Boun"})
    services.update_expert(user=users.member, expert=mine, data={"fields": ["Forest carbon"]})
    assert list(mine.fields) == ["Forest carbon"]
    with pytest.raises(PermissionDenied):
        services.update_expert(user=users.member, expert=directory["listed"], data={"name": "X"})


def test_it_answers_the_same_rules_to_has_perm(users, directory):
    assert users.focal["TH"].has_perm("network.change_organisation", directory["pcd"])
    assert not users.focal["VN"].has_perm("network.change_organisation", directory["pcd"])
    assert not users.focal["TH"].has_perm("network.change_organisation", directory["mrc"])
    assert users.focal["TH"].has_perm("network.change_capacitymember", directory["member"])
    assert not users.member.has_perm("network.view_expert", directory["hidden_th"])
    assert users.focal["TH"].has_perm("network.view_expert", directory["hidden_th"])
    assert users.anonymous.has_perm("network.view_expert", directory["listed"])
