"""Alerts end to end: data ingested -> hourly AQI -> one e-mail per episode."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from lmec.monitoring import services
from lmec.monitoring.ingest import ingest_records
from lmec.monitoring.models import AlertEpisode
from tests.monitoring.factories import make_station

pytestmark = pytest.mark.django_db


@pytest.fixture
def station(db):
    return make_station("TH-ALERT", country="TH", name="Chiang Mai", parameters=["pm25"])


@pytest.fixture
def subscriber(users):
    users.member.email = "member@example.org"
    users.member.save()
    return users.member


def records(station, start, values):
    return [
        {
            "station": station.code,
            "parameter": "pm25",
            "unit": "µg/m³",
            "time": (start + dt.timedelta(hours=i)).isoformat(),
            "value": v,
        }
        for i, v in enumerate(values)
    ]


def this_hour():
    return timezone.now().replace(minute=0, second=0, microsecond=0)


def ingest(station, start, values, capture):
    with capture(execute=True):
        result = ingest_records(records(station, start, values))
    assert result.status == "done", result.errors
    return result


def test_it_mails_once_per_episode_across_batches(
    station, subscriber, django_capture_on_commit_callbacks
):
    services.subscribe(
        user=subscriber, station=station, threshold=150, standard="us-epa-2024", language="en"
    )
    now = this_hour()
    # 12 clean hours, then smoke: the EPA NowCast climbs above 150 within the batch
    ingest(
        station,
        now - dt.timedelta(hours=20),
        [12] * 12 + [180] * 6,
        django_capture_on_commit_callbacks,
    )
    assert len(mail.outbox) == 1
    assert "Chiang Mai" in mail.outbox[0].subject
    # more smoke: the same episode, no second message
    ingest(station, now - dt.timedelta(hours=2), [200, 210], django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    episode = AlertEpisode.objects.get()
    assert episode.ended is None and episode.peak > 150


def test_it_stays_quiet_for_back_filled_old_data(
    station, subscriber, django_capture_on_commit_callbacks
):
    services.subscribe(user=subscriber, station=station, threshold=50, standard="us-epa-2024")
    old = this_hour() - dt.timedelta(days=30)
    ingest(station, old, [300] * 24, django_capture_on_commit_callbacks)
    assert mail.outbox == [] and not AlertEpisode.objects.exists()


def test_it_alerts_a_country_subscription_for_each_station(
    station, subscriber, django_capture_on_commit_callbacks
):
    other = make_station("TH-ALERT2", country="TH", parameters=["pm25"])
    services.subscribe(
        user=subscriber, country=station.country, threshold=150, standard="us-epa-2024"
    )
    now = this_hour()
    for s in (station, other):
        ingest(s, now - dt.timedelta(hours=8), [250] * 6, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    assert AlertEpisode.objects.count() == 2
