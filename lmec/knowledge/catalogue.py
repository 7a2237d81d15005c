"""The published catalogue as the open-data interfaces see it (CKAN API, DCAT, OAI-PMH, feed).

One place for what those interfaces share: which records are public, the text of a field in
a reader's language (else the original's), stable URLs of a record and of its files, and
timestamps in the forms the protocols want.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from modeltranslation.utils import build_localized_fieldname

from .models import Distribution, Resource, Status

#: Names the record ids CKAN clients see for files (``uuid5`` of identifier and file number):
#: stable across runs and databases, unlike a bare primary key that means nothing outside.
DISTRIBUTION_NAMESPACE = uuid.UUID("6f1c2d4e-3a5b-5c7d-8e9f-0a1b2c3d4e5f")

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def published() -> QuerySet[Resource]:
    """Published records with what every interface reads, fetched in a few queries."""
    return (
        Resource.objects.filter(status=Status.PUBLISHED)
        .select_related("publisher", "country")
        .prefetch_related(
            "themes",
            "keywords",
            "countries",
            "activities",
            Prefetch("distributions", queryset=Distribution.objects.order_by("position", "id")),
        )
    )


def text(resource: Resource, field: str, lang: str | None) -> tuple[str, str]:
    """``(text, language)`` of ``field`` in ``lang`` if that column is filled, else the original's."""
    for code in (lang, resource.language):
        if code and code in LANGUAGE_CODES:
            value = getattr(resource, build_localized_fieldname(field, code), "") or ""
            if value:
                return value, code
    return "", resource.language


def translations(resource: Resource, field: str) -> dict[str, str]:
    """Every filled language column of ``field``: ``{"en": "…", "th": "…"}``, original first."""
    order = [resource.language] + [c for c in LANGUAGE_CODES if c != resource.language]
    values = {}
    for code in order:
        value = getattr(resource, build_localized_fieldname(field, code), "") or ""
        if value:
            values[code] = value
    return values


def bcp47(code: str) -> str:
    """The platform's language code as a BCP 47 tag (``zh-hans`` → ``zh-Hans``)."""
    return "zh-Hans" if code == "zh-hans" else code


def site_url(request) -> str:
    """``https://host`` of this request, without a trailing slash."""
    return request.build_absolute_uri("/").rstrip("/")


def landing_path(resource: Resource, lang: str | None = None) -> str:
    """Path of the resource page; without a language, the prefix-less URL (Django's locale
    middleware redirects it to the reader's language), which suits a stable URI."""
    path = reverse("knowledge:resource", kwargs={"identifier": resource.identifier})
    prefix = "/" + path.lstrip("/").split("/", 1)[0] + "/"
    if prefix.strip("/") in LANGUAGE_CODES:
        path = "/" + path[len(prefix) :]
        if lang:
            path = f"/{lang}{path}"
    return path


def distribution_path(distribution: Distribution) -> str:
    """Where a file is downloaded (the download page logs it and checks access)."""
    identifier = distribution.resource.identifier
    return reverse("knowledge:download", kwargs={"identifier": identifier, "pk": distribution.pk})


def distribution_url(request, distribution: Distribution) -> str:
    """The file's download URL on this site, or the link's own URL."""
    if distribution.kind == Distribution.Kind.LINK:
        return distribution.url
    return site_url(request) + distribution_path(distribution)


def distribution_id(distribution: Distribution) -> str:
    return str(
        uuid.uuid5(DISTRIBUTION_NAMESPACE, f"{distribution.resource.identifier}#{distribution.pk}")
    )


def modified(resource: Resource) -> datetime:
    """When the public record last changed (any edit, workflow step or harvest)."""
    return resource.updated_at


def utc(moment: datetime | None) -> datetime | None:
    return moment.astimezone(UTC) if moment is not None else None


def ckan_time(moment: datetime | None) -> str | None:
    """CKAN's timestamp form: naive UTC ISO 8601 with microseconds (``2017-08-05T03:16:52.857800``)."""
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")


def zulu(moment: datetime) -> str:
    """UTC to the second with ``Z`` (OAI-PMH and Atom)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
