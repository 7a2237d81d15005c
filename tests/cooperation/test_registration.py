"""Registration for an event: consent, one registration per e-mail, the waiting list,
closed/cancelled/past events refused, cancellation promoting the waiting list."""

import pytest

from lmec.cooperation.models import Registration
from lmec.cooperation.services import events as services

from .event_fixtures import make_event, person

pytestmark = pytest.mark.django_db


def test_it_registers_a_consenting_person(users):
    event = make_event()
    registration = services.register(event=event, user=users.member, **person())
    registration.refresh_from_db()
    assert registration.status == "registered"
    assert registration.user == users.member
    assert registration.consent_at is not None
    assert (registration.country_id, registration.gender, registration.age_group) == (
        "TH",
        "male",
        "35_44",
    )


def test_it_refuses_without_consent():
    event = make_event()
    with pytest.raises(services.EventInvalid) as info:
        services.register(event=event, **person(consent=False))
    assert list(info.value.errors) == ["consent"]
    assert Registration.objects.count() == 0


def test_it_names_the_bad_fields_of_a_registration():
    event = make_event()
    with pytest.raises(services.EventInvalid) as info:
        services.register(
            event=event,
            **person(name=" ", email="not-an-email", stakeholder_type="alien", country="XX"),
        )
    assert set(info.value.errors) == {"name", "email", "stakeholder_type", "country"}
    assert "government" in info.value.errors["stakeholder_type"][0]


def test_it_refuses_a_second_registration_of_an_email_in_any_case():
    event = make_event()
    services.register(event=event, **person())
    with pytest.raises(services.EventStateError) as info:
        services.register(event=event, **person(email="Somchai@Example.org"))
    assert "somchai@example.org is already registered" in str(info.value)
    # the same e-mail may register for another event
    services.register(event=make_event("e-2"), **person())
    assert Registration.objects.count() == 2


def test_it_puts_people_on_the_waiting_list_when_the_places_are_taken(users):
    event = make_event(capacity=2)
    first = services.register(event=event, **person(email="a@x.org"))
    services.register(event=event, **person(email="b@x.org"))
    third = services.register(event=event, **person(email="c@x.org"))
    fourth = services.register(event=event, **person(email="d@x.org"))
    assert (third.status, fourth.status) == ("waitlisted", "waitlisted")
    services.cancel_registration(user=users.focal["TH"], registration=first)
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "a@x.org": "cancelled",
        "b@x.org": "registered",
        "c@x.org": "registered",
        "d@x.org": "waitlisted",
    }


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"registration_open": False}, "Registration for this event is closed."),
        ({"status": "cancelled"}, "This event is cancelled."),
        ({"status": "draft"}, "This event is not published."),
        ({"days_from_now": -3}, "This event is over."),
    ],
)
def test_it_refuses_registration_when_the_event_does_not_take_any(fields, reason):
    event = make_event(**fields)
    with pytest.raises(services.EventStateError) as info:
        services.register(event=event, **person())
    assert str(info.value) == reason


def test_it_renews_a_cancelled_registration(users):
    event = make_event()
    registration = services.register(event=event, user=users.member, **person())
    services.cancel_registration(user=users.member, registration=registration)
    again = services.register(event=event, **person(age_group="45_54"))
    assert again.pk == registration.pk
    assert (again.status, again.age_group) == ("registered", "45_54")


def test_it_lets_only_the_owner_or_an_organiser_cancel(users):
    from django.core.exceptions import PermissionDenied

    event = make_event()
    registration = services.register(event=event, user=users.member, **person())
    for outsider in (users.provider, users.anonymous, users.focal["LA"]):
        with pytest.raises(PermissionDenied):
            services.cancel_registration(user=outsider, registration=registration)
    services.cancel_registration(user=users.member, registration=registration)
    with pytest.raises(services.EventStateError):
        services.cancel_registration(user=users.member, registration=registration)
