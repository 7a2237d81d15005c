"""Every write on events × every role: the services refuse (PermissionDenied) or allow.

The event is hosted in Thailand: its focal point organises it, Laos's does not."""

import pytest
from django.core.exceptions import PermissionDenied

from lmec.cooperation.models import Registration
from lmec.cooperation.services import events as services

from .event_fixtures import make_event

pytestmark = pytest.mark.django_db

ROLES = ["admin", "editor", "focal_th", "focal_la", "member", "provider", "anonymous"]
ORGANISERS = {"admin", "editor", "focal_th"}


def who(users, role):
    return {"focal_th": users.focal["TH"], "focal_la": users.focal["LA"]}.get(role) or getattr(
        users, role
    )


def past_registration():
    event = make_event("e-past", days_from_now=-2, kind="training")
    registration = Registration.objects.create(
        event=event,
        name="A",
        email="a@x.org",
        stakeholder_type="ngo",
        attended=True,
        consent_at=event.start,
    )
    return event, registration


def create(user):
    return services.create_event(
        user=user,
        data={
            "slug": "new-1",
            "kind": "roundtable",
            "title": "Roundtable",
            "start": "2026-03-01T09:00",
            "end": "2026-03-01T12:00",
            "country": "TH",
        },
    )


WRITES = {
    "create": lambda user: create(user),
    "update": lambda user: services.update_event(
        user=user, event=make_event("e-1"), data={"title": "Changed"}
    ),
    "publish": lambda user: services.publish_event(
        user=user, event=make_event("e-1", status="draft")
    ),
    "cancel": lambda user: services.cancel_event(user=user, event=make_event("e-1")),
    "cancel_registration": lambda user: services.cancel_registration(
        user=user, registration=past_registration()[1]
    ),
    "mark_attendance": lambda user: services.mark_attendance(
        user=user, event=(p := past_registration())[0], registrations=[p[1].pk]
    ),
    "import_attendance": lambda user: services.import_attendance(
        user=user,
        event=past_registration()[0],
        filename="a.csv",
        content=b"name,email,stakeholder_type,attended\nB,b@x.org,ngo,yes\n",
    ),
    "issue_certificates": lambda user: services.issue_certificates(
        user=user, event=past_registration()[0]
    ),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("write", list(WRITES))
def test_it_allows_each_write_to_the_organisers_only(users, write, role):
    user = who(users, role)
    if role in ORGANISERS:
        WRITES[write](user)
    else:
        with pytest.raises(PermissionDenied):
            WRITES[write](user)


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_everyone_register(users, role):
    from .event_fixtures import person

    registration = services.register(event=make_event("e-1"), user=who(users, role), **person())
    assert registration.status == "registered"
    assert registration.user == (None if role == "anonymous" else who(users, role))


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_it_lets_a_participant_cancel_their_own_registration(users, role):
    from .event_fixtures import person

    user = who(users, role)
    registration = services.register(event=make_event("e-1"), user=user, **person())
    services.cancel_registration(user=user, registration=registration)
    assert Registration.objects.get().status == "cancelled"
