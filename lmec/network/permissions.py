"""Who may change what in the network directory (django-rules).

- Visitors read the directory: organisations, focal points, the monitoring-capacity network,
  and the experts who agreed to be listed.
- Members keep their own expert profile (create, edit, withdraw consent, delete).
- A national focal point manages the organisations, expert profiles and capacity members of
  their own country — never another country's, nor regional ones (no country).
- Editors and administrators (the secretariat) manage everything, and alone designate the
  focal points of strategy 5.1.

The services ask these rules for every write and raise ``PermissionDenied``; pages, the API
and the admin ask the same ``user.has_perm(...)``.
"""

from __future__ import annotations

import rules

from lmec.core.permissions import is_focal_point, is_member, is_secretariat

from .models import CapacityMember, Expert


def country_of(obj) -> str | None:
    """The country code an object of the directory belongs to (a capacity member: its
    organisation's), or None (regional, or no object)."""
    if obj is None:
        return None
    if isinstance(obj, CapacityMember):
        return obj.organisation.country_id if obj.organisation_id else None
    return getattr(obj, "country_id", None)


@rules.predicate
def without_object(user, obj) -> bool:
    """Asked without an object ("may they add *some* organisations?")."""
    return obj is None


@rules.predicate
def focal_point_of_country(user, obj) -> bool:
    code = country_of(obj)
    return bool(
        code is not None and is_focal_point(user) and user.country_id and user.country_id == code
    )


@rules.predicate
def owns_profile(user, obj) -> bool:
    return (
        isinstance(obj, Expert)
        and bool(user and user.is_authenticated)
        and obj.user_id is not None
        and obj.user_id == user.pk
    )


@rules.predicate
def is_listed(user, obj) -> bool:
    return isinstance(obj, Expert) and obj.public


#: Manages one record of a country: the secretariat, or that country's focal point.
manages = is_secretariat | focal_point_of_country
#: Manages *some* records (the admin's lists, "add" buttons): the secretariat or a focal point.
manages_some = is_secretariat | (is_focal_point & without_object)

rules.add_perm("network", is_secretariat | is_focal_point)

rules.add_perm("network.view_organisation", rules.always_allow)
rules.add_perm("network.add_organisation", manages | manages_some)
rules.add_perm("network.change_organisation", manages | manages_some)
rules.add_perm("network.delete_organisation", is_secretariat)

rules.add_perm("network.view_expert", without_object | is_listed | manages | owns_profile)
rules.add_perm("network.add_expert", manages | manages_some)
rules.add_perm("network.change_expert", manages | manages_some | owns_profile)
rules.add_perm("network.delete_expert", manages | owns_profile)
#: A member may keep one profile of their own (the "my expert profile" page).
rules.add_perm("network.keep_own_expert_profile", is_member)

rules.add_perm("network.view_focalpoint", rules.always_allow)
for _verb in ("add", "change", "delete"):
    rules.add_perm(f"network.{_verb}_focalpoint", is_secretariat)

rules.add_perm("network.view_capacitymember", rules.always_allow)
rules.add_perm("network.add_capacitymember", manages | manages_some)
rules.add_perm("network.change_capacitymember", manages | manages_some)
rules.add_perm("network.delete_capacitymember", manages)
