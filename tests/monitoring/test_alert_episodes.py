"""One e-mail per episode: the AQI going over a threshold, staying over, coming back."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from lmec.monitoring import alerts, services
from lmec.monitoring.models import AlertEpisode, Station

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 11, 30, 0, tzinfo=dt.UTC)


@pytest.fixture
def station(db):
    return Station.objects.create(
        code="TH-05T",
        name="Din Daeng",
        name_th="ดินแดง",
        country_id="TH",
        site_type="traffic",
        latitude=13.77,
        longitude=100.55,
    )


@pytest.fixture
def subscription(users, station):
    users.member.email = "member@example.org"
    users.member.save()
    return services.subscribe(
        user=users.member, station=station, threshold=100, standard="th-pcd-2023", language="th"
    )


def hours(values, start=T0):
    return [
        {
            "time": start + dt.timedelta(hours=i),
            "aqi": v,
            "category": {"name": "x"},
            "dominant": "pm25_24h",
        }
        for i, v in enumerate(values)
    ]


def test_it_mails_once_when_the_index_stays_above(subscription, station):
    sent = alerts.evaluate(subscription, station, hours([80, 120, 150, 180, 130]))
    assert sent == 1 and len(mail.outbox) == 1
    episode = AlertEpisode.objects.get()
    assert episode.started == T0 + dt.timedelta(hours=1)
    assert episode.peak == 180 and episode.ended is None and episode.notified is not None


def test_it_mails_again_only_after_the_index_came_back(subscription, station):
    alerts.evaluate(subscription, station, hours([120, 90, 95, 130, 140]))
    assert len(mail.outbox) == 2
    first, second = AlertEpisode.objects.order_by("started")
    assert first.ended == T0 + dt.timedelta(hours=1)
    assert second.started == T0 + dt.timedelta(hours=3) and second.ended is None


def test_it_counts_a_value_at_the_threshold_as_not_above(subscription, station):
    alerts.evaluate(subscription, station, hours([100, 100, 99]))
    assert mail.outbox == [] and not AlertEpisode.objects.exists()


def test_it_does_not_mail_twice_for_the_same_hours_loaded_again(subscription, station):
    series = hours([120, 160, 90])
    alerts.evaluate(subscription, station, series)
    alerts.evaluate(subscription, station, series)
    alerts.evaluate(subscription, station, list(reversed(series)))
    assert len(mail.outbox) == 1
    assert AlertEpisode.objects.count() == 1


def test_it_continues_an_open_episode_across_batches(subscription, station):
    alerts.evaluate(subscription, station, hours([150]))
    alerts.evaluate(subscription, station, hours([170], start=T0 + dt.timedelta(hours=1)))
    alerts.evaluate(subscription, station, hours([60], start=T0 + dt.timedelta(hours=2)))
    assert len(mail.outbox) == 1
    episode = AlertEpisode.objects.get()
    assert episode.peak == 170 and episode.ended == T0 + dt.timedelta(hours=2)


def test_it_skips_hours_without_an_index(subscription, station):
    alerts.evaluate(subscription, station, hours([None, None, 101]))
    assert len(mail.outbox) == 1


def test_it_writes_the_mail_in_the_subscriber_language(subscription, station):
    alerts.evaluate(subscription, station, hours([140]))
    message = mail.outbox[0]
    assert message.to == ["member@example.org"]
    assert "ดินแดง" in message.subject and "140" in message.subject
    assert "/th/monitoring/stations/TH-05T/" in message.body


def test_it_refuses_a_subscription_without_an_email_address(users, station):
    users.editor.email = ""
    users.editor.save()
    with pytest.raises(ValidationError, match="e-mail"):
        services.subscribe(user=users.editor, station=station, threshold=100)


@pytest.mark.parametrize("threshold", [0, 501])
def test_it_refuses_a_threshold_off_the_scale(users, station, threshold):
    users.member.email = "m@example.org"
    with pytest.raises(ValidationError, match="1 to 500"):
        services.subscribe(user=users.member, station=station, threshold=threshold)


def test_it_refuses_an_unknown_standard(users, station):
    users.member.email = "m@example.org"
    with pytest.raises(ValidationError, match="us-epa-2024"):
        services.subscribe(user=users.member, station=station, threshold=100, standard="xx")


def test_it_refuses_anonymous_subscriptions(users, station):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.subscribe(user=users.anonymous, station=station, threshold=100)
