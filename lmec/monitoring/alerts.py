"""AQI alerts: one e-mail per episode, not one per row.

After each ingest (:data:`lmec.monitoring.ingest.AFTER_INGEST`) the hourly AQI of the air
stations that received data is computed for the hours that arrived, under each subscription's
standard (or the station's own), and walked in time order. An *episode* opens when the AQI
first exceeds the threshold — that is when the e-mail goes — and closes at the first hour
back at or below it. Hours at or before the end of the last episode are not looked at again,
so re-loading the same data, or a late correction of old hours, never mails twice.

Alerts are about the present: hours older than ``ALERT_LOOKBACK_HOURS`` (default 24) are
ignored, so back-filling a past year does not send a flood of stale warnings.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from . import labels
from .models import AlertEpisode, AlertSubscription, Station

log = logging.getLogger(__name__)


def after_ingest(touched: dict[int, tuple[dt.datetime, dt.datetime]]) -> int:
    """Check the subscriptions of the stations in ``touched``; returns e-mails sent."""
    if not touched:
        return 0
    stations = {
        s.id: s
        for s in Station.objects.filter(id__in=touched, kind=Station.Kind.AIR).select_related(
            "country"
        )
    }
    if not stations:
        return 0
    subscriptions = list(
        AlertSubscription.objects.filter(active=True, user__is_active=True)
        .filter(
            Q(station_id__in=stations) | Q(country_id__in={s.country_id for s in stations.values()})
        )
        .select_related("user")
    )
    if not subscriptions:
        return 0
    horizon = timezone.now() - dt.timedelta(hours=settings.ALERT_LOOKBACK_HOURS)
    sent = 0
    for station_id, (first, last) in touched.items():
        station = stations.get(station_id)
        if station is None or last < horizon:
            continue
        relevant = [
            s
            for s in subscriptions
            if s.station_id == station_id or s.country_id == station.country_id
        ]
        # one index series per standard and language (category names are in the reader's)
        groups = defaultdict(list)
        for subscription in relevant:
            groups[subscription.standard, subscription.language].append(subscription)
        for (standard, language), group in groups.items():
            with translation.override(language):
                series = _hourly_aqi(station, standard, max(first, horizon), last)
            for subscription in group:
                sent += evaluate(subscription, station, series)
    return sent


def _hourly_aqi(station: Station, standard: str, start, end) -> list[dict]:
    from . import selectors

    return selectors.hourly_aqi(station.code, standard=standard or None, start=start, end=end)


def _as_datetime(value) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))


@transaction.atomic
def evaluate(subscription: AlertSubscription, station: Station, series: list[dict]) -> int:
    """Walk the hourly ``series`` ({time, aqi, category…}, any order) for one subscription
    and station: open, extend or close episodes; returns 1 if an e-mail went out, else 0."""
    last = (
        AlertEpisode.objects.select_for_update()
        .filter(subscription=subscription, station=station)
        .order_by("-started")
        .first()
    )
    open_episode = last if last is not None and last.ended is None else None
    # Hours already judged: up to the end of the last closed episode, or the start of the
    # open one (its later hours may still raise its peak or close it).
    seen_until = None if last is None else (last.ended or last.started)
    mailed = 0
    for item in sorted(series, key=lambda i: _as_datetime(i["time"])):
        hour, value = _as_datetime(item["time"]), item.get("aqi")
        if value is None or (seen_until is not None and hour <= seen_until):
            continue
        if value > subscription.threshold:
            if open_episode is None:
                open_episode = AlertEpisode.objects.create(
                    subscription=subscription, station=station, started=hour, peak=value
                )
                if _notify(subscription, station, item, hour):
                    open_episode.notified = timezone.now()
                    open_episode.save(update_fields=["notified"])
                    mailed = 1
            elif value > open_episode.peak:
                open_episode.peak = value
                open_episode.save(update_fields=["peak"])
        elif open_episode is not None:
            open_episode.ended = hour
            open_episode.save(update_fields=["ended"])
            open_episode = None
    return mailed


def _notify(subscription: AlertSubscription, station: Station, item: dict, hour) -> bool:
    """Send the episode's one e-mail in the subscriber's language; False if sending failed."""
    standard = item.get("standard") or subscription.standard
    with translation.override(subscription.language):
        path = reverse("monitoring:station", kwargs={"code": station.code})
        context = {
            "station": station,
            "aqi": item["aqi"],
            "category": (item.get("category") or {}).get("name", ""),
            "dominant": labels.pollutant_label(standard, item.get("dominant")) or "",
            "standard": labels.DOCUMENTS.get(standard, standard),
            "threshold": subscription.threshold,
            "time": timezone.localtime(hour, station.zone),
            "url": settings.SITE_URL.rstrip("/") + path,
        }
        # a header must be one line, whatever the translation's wrapping
        subject = " ".join(render_to_string("monitoring/email/alert_subject.txt", context).split())
        body = render_to_string("monitoring/email/alert_body.txt", context)
    try:
        send_mail(subject, body, None, [subscription.user.email])
    except Exception:  # an unreachable mail server must not undo the ingest
        log.exception("alert e-mail to %s failed", subscription.user.email)
        return False
    return True
