"""Events for the tests of the events part: ``make_event(...)`` stores one directly (the
services are tested on their own), with a few organisations."""

from __future__ import annotations

import datetime as dt

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def organisations():
    from lmec.network.models import Organisation

    for slug, name, country in (
        ("mnre-th", "Ministry of Natural Resources and Environment", "TH"),
        ("monre-la", "Ministry of Natural Resources and Environment (Lao PDR)", "LA"),
        ("lmec-centre", "Lancang-Mekong Environmental Cooperation Center", "CN"),
    ):
        Organisation.objects.get_or_create(
            slug=slug, defaults={"name": name, "country_id": country}
        )


def make_event(slug="e-1", *, days_from_now=10, activities=("D1-A1-1",), **fields):
    """A published event hosted in Thailand, ``days_from_now`` days away (negative: past)."""
    from django.utils import timezone

    from lmec.cooperation.models import Activity, Event

    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=days_from_now)
    values = {
        "slug": slug,
        "kind": "workshop",
        "status": "published",
        "title_en": f"Workshop {slug}",
        "start": start,
        "end": start + dt.timedelta(hours=7),
        "timezone": "Asia/Bangkok",
        "country_id": "TH",
        "city_en": "Bangkok",
        "registration_open": True,
        **fields,
    }
    event = Event.objects.create(**values)
    event.activities.set(Activity.objects.filter(code__in=activities))
    return event


def person(**fields):
    """Arguments of ``services.events.register`` for one consenting person."""
    return {
        "name": "Somchai Wongsawat",
        "email": "somchai@example.org",
        "consent": True,
        "stakeholder_type": "government",
        "country": "TH",
        "gender": "male",
        "age_group": "35_44",
        **fields,
    }
