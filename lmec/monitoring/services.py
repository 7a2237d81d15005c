"""Writes of the monitoring hub other than measurements: the stations registry, API keys,
alert subscriptions and uploads from the website.

One function per use case, keyword-only arguments, permission checked here (the page, the
API and the admin call the same function). Measurements are written by :mod:`.ingest`.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lmec.core.models import Country
from lmec.core.services import translated_values, upsert_row
from lmec.quality import aqi

from .models import AlertSubscription, ApiKey, Station, StationParameter, Upload
from .permissions import writable_station_ids
from .stations_file import STATIONS_FILE, read_stations


@transaction.atomic
def load_stations(path: Path | str = STATIONS_FILE) -> Counter:
    """Create or update the stations of a registry file and the parameters they measure.

    The whole file is checked first (:func:`~lmec.monitoring.stations_file.read_stations`);
    a file with problems raises :class:`~lmec.monitoring.stations_file.StationsFileError`
    and nothing is written. Running it again changes nothing. Stations that are not in the
    file are left alone; a parameter removed from a station's entry is removed from the
    station (its measurements stay). Returns counts such as ``{"stations_created": 41,
    "parameters_created": 180, ...}`` with the keys ``stations_{created,updated,unchanged}``
    and ``parameters_{created,updated,unchanged,removed}``.
    """
    countries = {country.code: country for country in Country.objects.all()}
    rows = read_stations(Path(path), countries=set(countries))
    counts: Counter = Counter()
    for row in rows:
        station, outcome = upsert_row(
            Station,
            lookup={"code": row.code},
            values={
                "kind": row.kind,
                "site_type": row.site_type,
                "country": countries[row.country],
                "operator": row.operator,
                "latitude": row.latitude,
                "longitude": row.longitude,
                "elevation": row.elevation,
                "time_zone": row.time_zone,
                "active_from": row.active_from,
                "active_to": row.active_to,
                "river": row.river,
                "mekong_mainstream": row.mekong_mainstream,
                "source": row.source,
                "licence": row.licence,
                **translated_values("name", row.names),
            },
        )
        counts[f"stations_{outcome}"] += 1
        kept = set()
        for measured in row.parameters:
            _obj, outcome = upsert_row(
                StationParameter,
                lookup={"station": station, "parameter": measured.parameter.id},
                values={"unit": measured.unit, "method": measured.method},
            )
            counts[f"parameters_{outcome}"] += 1
            kept.add(measured.parameter.id)
        removed, _ = station.parameters.exclude(parameter__in=kept).delete()
        counts["parameters_removed"] += removed
    return counts


#: Every key starts with this, so a leaked key is recognisable (secret scanners, logs).
KEY_PREFIX = "lmec_"


def _digest(raw_key: str) -> str:
    return hashlib.sha256(raw_key.encode()).hexdigest()


@transaction.atomic
def create_api_key(*, user, name: str, stations: Iterable[Station]) -> tuple[ApiKey, str]:
    """A new key for ``user`` limited to ``stations``; returns the key and its secret text.

    The secret is shown once: only its SHA-256 digest is stored.
    """
    if not user.has_perm("monitoring.add_apikey"):
        raise PermissionDenied(_("Only data providers may create API keys."))
    stations = list(stations)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the key a name, e.g. the logger that uses it.")})
    if not stations:
        raise ValidationError({"stations": _("Choose at least one station for the key.")})
    allowed = writable_station_ids(user)
    refused = sorted(s.code for s in stations if allowed is not None and s.id not in allowed)
    if refused:
        raise ValidationError(
            {"stations": _("You may not push data for: %(codes)s.") % {"codes": ", ".join(refused)}}
        )
    prefix = secrets.token_hex(4)
    raw = f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    key = ApiKey.objects.create(user=user, name=name[:120], prefix=prefix, digest=_digest(raw))
    key.stations.set(stations)
    return key, raw


def revoke_api_key(*, user, key: ApiKey) -> None:
    if not user.has_perm("monitoring.delete_apikey", key):
        raise PermissionDenied(_("You may not revoke this key."))
    if key.revoked is None:
        key.revoked = timezone.now()
        key.save(update_fields=["revoked"])


def authenticate_api_key(raw_key: str | None) -> ApiKey | None:
    """The live key whose secret is ``raw_key``, or None (unknown, revoked, inactive owner)."""
    if not raw_key or not raw_key.startswith(KEY_PREFIX):
        return None
    key = (
        ApiKey.objects.select_related("user")
        .filter(digest=_digest(raw_key.strip()), revoked__isnull=True)
        .first()
    )
    if key is None or not key.user.is_active:
        return None
    ApiKey.objects.filter(pk=key.pk).update(last_used=timezone.now())
    return key


def api_key_station_ids(key: ApiKey) -> set[int]:
    """The stations a key may write now: its own, as far as its owner still may."""
    own = set(key.stations.values_list("id", flat=True))
    allowed = writable_station_ids(key.user)
    return own if allowed is None else own & allowed


def subscribe(
    *,
    user,
    threshold: int,
    station: Station | None = None,
    country: Country | None = None,
    standard: str = "",
    language: str = "en",
) -> AlertSubscription:
    """Ask for an e-mail when the AQI at ``station`` (or any air station of ``country``)
    passes ``threshold`` under ``standard`` (empty: each station's own national index)."""
    if not user.has_perm("monitoring.add_alertsubscription"):
        raise PermissionDenied(_("Sign in to subscribe to alerts."))
    if (station is None) == (country is None):
        raise ValidationError(_("Subscribe to a station or to a country."))
    if station is not None and station.kind != Station.Kind.AIR:
        raise ValidationError({"station": _("Alerts are about the air quality index.")})
    if standard and standard not in aqi.STANDARDS:
        raise ValidationError(
            {
                "standard": _("Unknown standard %(id)s; choose one of: %(ids)s.")
                % {"id": standard, "ids": ", ".join(aqi.STANDARDS)}
            }
        )
    if not 1 <= int(threshold) <= 500:
        raise ValidationError({"threshold": _("The threshold is an AQI value from 1 to 500.")})
    if not user.email:
        raise ValidationError(_("Add an e-mail address to your account to receive alerts."))
    codes = {code for code, _name in settings.LANGUAGES}
    subscription, _created = AlertSubscription.objects.update_or_create(
        user=user,
        station=station,
        country=country,
        standard=standard,
        defaults={
            "threshold": int(threshold),
            "language": language if language in codes else "en",
            "active": True,
        },
    )
    return subscription


def unsubscribe(*, user, subscription: AlertSubscription) -> None:
    if not user.has_perm("monitoring.delete_alertsubscription", subscription):
        raise PermissionDenied(_("You may not change this subscription."))
    subscription.delete()


def start_upload(
    *,
    user,
    uploaded_file,
    mapping_text: str = "",
    skip_invalid: bool = False,
    format: str = "",
    station: Station | None = None,
) -> Upload:
    """Store an uploaded file and ingest it: at once when small, else in the background.

    Files up to ``UPLOAD_SYNC_MAX_BYTES`` are ingested in the request, so the person sees the
    result straight away; bigger ones are queued for the worker and the upload page follows
    them. Both go through the same task, with the stations the person may write now.
    """
    from . import tasks

    if not user.has_perm("monitoring.add_upload"):
        raise PermissionDenied(_("You may not upload measurements."))
    if not format:
        if uploaded_file.name.lower().endswith(".json"):
            format = Upload.Format.OPENAQ
        elif mapping_text.strip():
            format = Upload.Format.WIDE
        else:
            format = Upload.Format.LONG
    upload = Upload.objects.create(
        user=user,
        filename=uploaded_file.name[:255],
        format=format,
        mapping=mapping_text,
        skip_invalid=skip_invalid,
    )
    upload.file.save(uploaded_file.name, uploaded_file, save=True)
    allowed = writable_station_ids(user)
    arguments = {
        "station": station.code if station else None,
        "allowed_stations_ids": None if allowed is None else sorted(allowed),
    }
    if uploaded_file.size <= settings.UPLOAD_SYNC_MAX_BYTES:
        tasks.ingest_upload.call(upload.id, **arguments)
        upload.refresh_from_db()
    else:
        tasks.ingest_upload.enqueue(upload.id, **arguments)
    return upload
