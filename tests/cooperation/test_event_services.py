"""Writes of events: create (local times → UTC, links by code), validation naming the
field, publish and cancel, attendance marking and certificates."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from lmec.cooperation.models import Event, Registration
from lmec.cooperation.services import events as services

from .event_fixtures import make_event, organisations, person

pytestmark = pytest.mark.django_db


def record(**fields):
    return {
        "slug": "2025-th-air",
        "kind": "training",
        "language": "th",
        "title": {"th": "การฝึกอบรมการตรวจวัดคุณภาพอากาศ", "en": "Air monitoring training"},
        "start": "2025-05-14T09:00",
        "end": "2025-05-15T16:30",
        "country": "TH",
        "city": {"en": "Chiang Mai", "th": "เชียงใหม่"},
        "activities": ["D4-A3-1", "D1-A1-1"],
        "organisers": ["mnre-th"],
        "partners": ["lmec-centre"],
        "capacity": 30,
        "registration_open": True,
        **fields,
    }


def test_it_creates_an_event_with_local_times_stored_in_utc(users):
    organisations()
    event = services.create_event(user=users.focal["TH"], data=record())
    event.refresh_from_db()
    # 09:00 in Bangkok (UTC+7) is 02:00 UTC
    assert event.start == dt.datetime(2025, 5, 14, 2, 0, tzinfo=dt.UTC)
    assert event.end == dt.datetime(2025, 5, 15, 9, 30, tzinfo=dt.UTC)
    assert event.timezone == "Asia/Bangkok"
    assert event.title_th == "การฝึกอบรมการตรวจวัดคุณภาพอากาศ"
    assert event.title_en == "Air monitoring training"
    assert sorted(a.code for a in event.activities.all()) == ["D1-A1-1", "D4-A3-1"]
    assert [o.slug for o in event.organisers.all()] == ["mnre-th"]
    assert [o.slug for o in event.partners.all()] == ["lmec-centre"]
    assert event.status == "draft"
    assert event.created_by == users.focal["TH"]


def test_it_reads_local_times_in_the_zone_given():
    event_data = record(timezone="Asia/Yangon", country="MM", organisers=[], partners=[])
    fields, _texts, _links = services._clean_event(event_data, None)
    # Yangon is UTC+6:30
    assert fields["start"] == dt.datetime(2025, 5, 14, 2, 30, tzinfo=dt.UTC)


def test_it_names_every_bad_field(users):
    organisations()
    with pytest.raises(services.EventInvalid) as info:
        services.create_event(
            user=users.editor,
            data=record(
                slug="Bad Slug",
                kind="party",
                start="next tuesday",
                timezone="Mars/Olympus",
                activities=["D9-A9-9"],
                organisers=["nobody"],
                capacity=0,
                url="ftp:/x",
            ),
        )
    assert set(info.value.errors) == {
        "slug",
        "kind",
        "start",
        "timezone",
        "activities",
        "organisers",
        "capacity",
        "url",
    }
    assert "D9-A9-9" in info.value.errors["activities"][0]
    assert Event.objects.count() == 0


def test_it_refuses_an_end_before_the_start(users):
    organisations()
    with pytest.raises(services.EventInvalid) as info:
        services.create_event(
            user=users.editor, data=record(start="2025-05-14T09:00", end="2025-05-13T09:00")
        )
    assert list(info.value.errors) == ["end"]


def test_it_refuses_a_duplicate_code(users):
    make_event("2025-th-air")
    with pytest.raises(services.EventInvalid) as info:
        services.create_event(user=users.editor, data=record(organisers=[], partners=[]))
    assert info.value.errors["slug"] == ["An event with this code exists already."]


def test_it_keeps_a_focal_point_in_their_country(users):
    organisations()
    with pytest.raises(PermissionDenied):
        services.create_event(user=users.focal["LA"], data=record())
    event = services.create_event(user=users.focal["TH"], data=record())
    with pytest.raises(PermissionDenied):
        services.update_event(user=users.focal["TH"], event=event, data={"country": "LA"})
    services.update_event(user=users.editor, event=event, data={"country": "LA"})
    assert Event.objects.get().country_id == "LA"


def test_it_updates_only_the_fields_given(users):
    event = make_event("e-upd", title_th="เดิม")
    services.update_event(user=users.editor, event=event, data={"title": {"en": "New"}})
    event.refresh_from_db()
    assert (event.title_en, event.title_th, event.city_en) == ("New", "เดิม", "Bangkok")


def test_it_publishes_and_cancels(users):
    event = make_event("e-pub", status="draft")
    services.publish_event(user=users.focal["TH"], event=event)
    assert Event.objects.get().status == "published"
    services.cancel_event(user=users.focal["TH"], event=event)
    event.refresh_from_db()
    assert (event.status, event.registration_open) == ("cancelled", False)
    with pytest.raises(services.EventStateError):
        services.publish_event(user=users.editor, event=event)
    with pytest.raises(services.EventStateError):
        services.cancel_event(user=users.editor, event=event)


def test_it_marks_attendance_of_one_or_many(users):
    event = make_event("e-att", days_from_now=-3)
    a = Registration.objects.create(event=event, consent_at=event.start, **_p("a@x.org"))
    b = Registration.objects.create(event=event, consent_at=event.start, **_p("b@x.org"))
    assert services.mark_attendance(user=users.editor, event=event, registrations=[a.pk]) == 1
    assert (
        services.mark_attendance(
            user=users.editor, event=event, registrations=[a.pk, b.pk], attended=False
        )
        == 2
    )
    assert list(Registration.objects.values_list("attended", flat=True)) == [False, False]
    other = make_event("e-other", days_from_now=-3)
    c = Registration.objects.create(event=other, consent_at=event.start, **_p("c@x.org"))
    with pytest.raises(services.EventInvalid) as info:
        services.mark_attendance(user=users.editor, event=event, registrations=[c.pk])
    assert str(c.pk) in info.value.errors["registrations"][0]


def test_it_refuses_attendance_before_the_event(users):
    event = make_event("e-future", days_from_now=5)
    with pytest.raises(services.EventStateError):
        services.mark_attendance(user=users.editor, event=event, registrations=[])


def _p(email):
    data = person(email=email)
    data.pop("consent")
    data["country_id"] = data.pop("country")
    return data


def test_it_issues_stable_certificate_numbers_to_attended_trainees_only(users):
    event = make_event("e-train", kind="training", days_from_now=-2)
    came = Registration.objects.create(
        event=event, consent_at=event.start, attended=True, **_p("came@x.org")
    )
    Registration.objects.create(
        event=event, consent_at=event.start, attended=False, **_p("absent@x.org")
    )
    issued = services.issue_certificates(user=users.focal["TH"], event=event)
    number = f"LMEC-{event.start.year}-{event.pk:04d}-{came.pk:05d}"
    assert [r.certificate_number for r in issued] == [number]
    # a second run keeps the number
    services.issue_certificates(user=users.editor, event=event)
    assert Registration.objects.get(pk=came.pk).certificate_number == number
    assert Registration.objects.get(email="absent@x.org").certificate_number == ""


def test_it_issues_certificates_for_trainings_only(users):
    event = make_event("e-ws", kind="workshop", days_from_now=-2)
    with pytest.raises(services.EventStateError):
        services.issue_certificates(user=users.editor, event=event)
