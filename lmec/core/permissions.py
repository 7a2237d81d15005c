"""Role predicates shared by every app's ``permissions`` module.

The checks live here and in each app's ``permissions.py`` (django-rules), never in templates
alone; views, the API and the admin all ask ``user.has_perm(...)``.
"""

import rules

from .models import Role


@rules.predicate
def is_administrator(user) -> bool:
    return bool(user and user.is_active and (user.is_superuser or user.role == Role.ADMINISTRATOR))


@rules.predicate
def is_editor(user) -> bool:
    return bool(user and user.is_active and user.role == Role.EDITOR)


@rules.predicate
def is_focal_point(user) -> bool:
    return bool(user and user.is_active and user.role == Role.FOCAL_POINT)


@rules.predicate
def is_member(user) -> bool:
    return bool(user and user.is_active and user.is_authenticated)


@rules.predicate
def is_data_provider(user) -> bool:
    return bool(user and user.is_active and user.role == Role.DATA_PROVIDER)


@rules.predicate
def is_focal_point_of(user, obj) -> bool:
    """The user is the focal point of the country the object belongs to.

    Objects expose their country as ``country_id`` (a country code) or are a Country.
    """
    if not (user and user.is_active and user.role == Role.FOCAL_POINT) or obj is None:
        return False
    country_code = getattr(obj, "country_id", None) or getattr(obj, "code", None)
    return country_code is not None and country_code == user.country_id


is_secretariat = is_administrator | is_editor

# Core objects: countries and users are managed by administrators only.
rules.add_perm("core", is_administrator)
rules.add_perm("core.view_country", rules.always_allow)
rules.add_perm("core.add_country", is_administrator)
rules.add_perm("core.change_country", is_administrator)
rules.add_perm("core.delete_country", is_administrator)
rules.add_perm("core.view_user", is_administrator)
rules.add_perm("core.add_user", is_administrator)
rules.add_perm("core.change_user", is_administrator)
rules.add_perm("core.delete_user", is_administrator)
