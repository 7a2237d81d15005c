"""Who may change what: one module of rules per app, checked on the server."""

import pytest

pytestmark = pytest.mark.django_db

REGISTRY_CHANGE = "cooperation.change_activity"


def test_it_lets_the_secretariat_change_the_registry(users):
    assert users.editor.has_perm(REGISTRY_CHANGE)
    assert users.admin.has_perm(REGISTRY_CHANGE)


@pytest.mark.parametrize("who", ["member", "provider", "anonymous"])
def test_it_refuses_registry_changes_to_others(users, who):
    assert not getattr(users, who).has_perm(REGISTRY_CHANGE)


def test_it_refuses_registry_changes_to_focal_points(users):
    assert not any(user.has_perm(REGISTRY_CHANGE) for user in users.focal.values())


def test_it_lets_anyone_read_the_registry(users):
    assert users.anonymous.has_perm("cooperation.view_activity")


def test_it_binds_each_focal_point_to_one_country(users):
    from lmec.core.models import Country
    from lmec.core.permissions import is_focal_point_of

    thailand = Country.objects.get(code="TH")
    assert is_focal_point_of(users.focal["TH"], thailand)
    assert not is_focal_point_of(users.focal["VN"], thailand)
    assert not is_focal_point_of(users.editor, thailand)


def test_it_refuses_a_focal_point_without_a_country(db):
    from django.core.exceptions import ValidationError

    from lmec.core.models import Role
    from lmec.core.services import create_user

    with pytest.raises(ValidationError, match="bound to a country"):
        create_user(username="nowhere", password="x" * 12, role=Role.FOCAL_POINT)


def test_it_keeps_the_constraint_in_the_database_too(db):
    from django.db import IntegrityError

    from lmec.core.models import Role, User

    with pytest.raises(IntegrityError):
        User.objects.create(username="raw", role=Role.FOCAL_POINT, country=None)


def test_it_lets_only_administrators_manage_users(users):
    assert users.admin.has_perm("core.change_user")
    assert not users.editor.has_perm("core.change_user")
    assert not users.focal["KH"].has_perm("core.change_user")


def test_it_gives_staff_access_by_role(users):
    assert users.editor.is_staff and users.focal["LA"].is_staff
    assert not users.member.is_staff and not users.provider.is_staff


def test_it_changes_a_role_and_its_staff_access(users):
    from lmec.core.models import Role
    from lmec.core.services import set_role

    set_role(user=users.member, role=Role.EDITOR)
    users.member.refresh_from_db()
    assert users.member.is_staff and users.member.has_perm(REGISTRY_CHANGE)
