"""The events admin: editors see every event, a focal point only their country's, and
registrations likewise."""

import pytest
from django.test import Client

from lmec.cooperation.models import Registration

from .event_fixtures import make_event

pytestmark = pytest.mark.django_db


def test_it_scopes_events_and_registrations_by_country(users):
    th = make_event("adm-th")
    la = make_event("adm-la", country_id="LA")
    for event in (th, la):
        Registration.objects.create(
            event=event,
            name=f"P {event.slug}",
            email=f"{event.slug}@x.org",
            stakeholder_type="ngo",
            consent_at=event.start,
        )
    editor = Client()
    editor.force_login(users.editor)
    listing = editor.get("/en/admin/cooperation/event/").content.decode()
    assert "adm-th" in listing and "adm-la" in listing
    assert editor.get(f"/en/admin/cooperation/event/{th.pk}/change/").status_code == 200
    focal = Client()
    focal.force_login(users.focal["TH"])
    listing = focal.get("/en/admin/cooperation/event/").content.decode()
    assert "adm-th" in listing and "adm-la" not in listing
    people = focal.get("/en/admin/cooperation/registration/").content.decode()
    assert "adm-th@x.org" in people and "adm-la@x.org" not in people
