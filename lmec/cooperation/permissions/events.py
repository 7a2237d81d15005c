"""Who may do what with events and their registrations (django-rules).

- Everyone reads published events and their public aggregates of participants.
- Editors and administrators (the secretariat) create, edit, publish and cancel any event
  and manage its registrations, attendance and certificates.
- A national focal point does the same for the events hosted in their country
  (``event.country``), never another country's; an event without a host country (online
  or regional, run by the centre) is the secretariat's.
- Anyone, signed in or not, registers for an open event (the service checks the event's
  state and the rate limit is on the page and API); a signed-in person may cancel their own
  registration and download their own certificate.

The services ask these rules for every write (``PermissionDenied``); pages and the API ask
the same ``user.has_perm(...)``.
"""

from __future__ import annotations

import rules

from lmec.core.permissions import is_focal_point, is_focal_point_of, is_secretariat

from ..models import Event, EventStatus, Registration


def _event(obj) -> Event | None:
    if isinstance(obj, Event):
        return obj
    if isinstance(obj, Registration):
        return obj.event
    return None


@rules.predicate
def focal_point_of_event(user, obj) -> bool:
    event = _event(obj)
    return event is not None and is_focal_point_of(user, event)


@rules.predicate
def without_object(user, obj) -> bool:
    return obj is None


@rules.predicate
def is_published_event(user, obj) -> bool:
    event = _event(obj)
    return event is not None and event.status != EventStatus.DRAFT


@rules.predicate
def is_own_registration(user, obj) -> bool:
    return (
        isinstance(obj, Registration)
        and bool(user and user.is_authenticated)
        and obj.user_id == user.pk
    )


#: Organisers of an event: the secretariat, and the focal point of its host country.
may_organise = is_secretariat | focal_point_of_event

rules.add_perm("cooperation.view_event", is_published_event | may_organise | without_object)
# "add some event" (no object) for a focal point: the service then checks the country asked
rules.add_perm("cooperation.add_event", is_secretariat | (is_focal_point & without_object))
rules.add_perm("cooperation.change_event", may_organise)
rules.add_perm("cooperation.delete_event", is_secretariat)
rules.add_perm("cooperation.publish_event", may_organise)
rules.add_perm("cooperation.cancel_event", may_organise)
rules.add_perm("cooperation.manage_registrations", may_organise)
# without an object ("some registrations", the admin's list): the list is then scoped to
# the events the focal point organises (selectors.events.managed_events)
rules.add_perm(
    "cooperation.view_registration",
    may_organise | is_own_registration | (is_focal_point & without_object),
)
rules.add_perm("cooperation.add_registration", rules.always_allow)
rules.add_perm("cooperation.change_registration", may_organise)
rules.add_perm("cooperation.cancel_registration", may_organise | is_own_registration)
rules.add_perm("cooperation.delete_registration", is_secretariat)
rules.add_perm("cooperation.download_certificate", may_organise | is_own_registration)
