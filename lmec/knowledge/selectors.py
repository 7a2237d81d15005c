"""Reads of the knowledge catalogue: what a person may see, texts in the reader's language,
the review queue and access requests (pages, the API and the CKAN/DCAT views use these)."""

from __future__ import annotations

from django.db.models import Case, Q, QuerySet, When
from django.urls import reverse

from lmec.core.i18n import LANGUAGE_CODES, normalise_language
from lmec.core.models import Role
from lmec.core.permissions import is_secretariat

from . import licences
from .models import CASE_FIELDS, AccessRequest, Distribution, Resource, Status
from .services.validation import TRANSLATED, column


def visible_resources(user) -> QuerySet[Resource]:
    """What ``user`` may see: the published records; the secretariat sees all; a focal point
    also their country's; a signed-in person also their own."""
    resources = Resource.objects.all()
    if user is not None and is_secretariat(user):
        return resources
    condition = Q(status=Status.PUBLISHED)
    if user is not None and user.is_authenticated and user.is_active:
        condition |= Q(created_by=user)
        if user.role == Role.FOCAL_POINT and user.country_id:
            condition |= Q(country_id=user.country_id)
    return resources.filter(condition)


def resource_for(user, identifier: str) -> Resource:
    """The resource ``identifier`` if ``user`` may see it; else ``Resource.DoesNotExist``
    (a record one may not see answers like one that does not exist)."""
    return visible_resources(user).select_related("publisher", "country").get(identifier=identifier)


def resource_text(resource: Resource, field: str, lang: str | None) -> tuple[str, str]:
    """``(text, language of the text)``: in ``lang`` if that column is filled, else in the
    original language, else in the first language that has it (``("", original)`` if none)."""
    if field not in TRANSLATED:
        raise ValueError(f"{field!r} is not translated; one of: {', '.join(TRANSLATED)}")
    code = normalise_language(lang) if lang else None
    order = [c for c in (code, resource.language) if c] + list(LANGUAGE_CODES)
    for candidate in order:
        text = getattr(resource, column(field, candidate), "") or ""
        if text:
            return text, candidate
    return "", resource.language


def figure_text(value, lang: str | None, original: str) -> tuple[str, str]:
    """A figure's label or unit as shown: ``(text, language of the text)``.

    A string is in the record's ``original`` language (a unit symbol such as "t/yr" is
    shown as it is); ``{lang: text}`` answers in ``lang``, else the original language, else
    English, else the first language that has it."""
    if isinstance(value, str):
        return value, original
    if not isinstance(value, dict):
        return "", original
    code = normalise_language(lang) if lang else None
    for candidate in [c for c in (code, original, "en") if c] + list(LANGUAGE_CODES):
        if value.get(candidate):
            return value[candidate], candidate
    return "", original


def resource_figures(resource: Resource, lang: str | None) -> list[dict]:
    """The results in figures with their label and unit in ``lang`` (:func:`figure_text`):
    ``[{label, value, unit, language, unit_language}]``, ``language`` the label's;
    ``unit_language`` only for a unit given per language (a plain unit is mostly a symbol)."""
    figures = []
    for figure in resource.figures or []:
        if not isinstance(figure, dict):
            continue
        label, label_lang = figure_text(figure.get("label"), lang, resource.language)
        unit, unit_lang = figure_text(figure.get("unit") or "", lang, resource.language)
        figures.append(
            {
                "label": label,
                "value": figure.get("value"),
                "unit": unit,
                "language": label_lang,
                "unit_language": unit_lang if isinstance(figure.get("unit"), dict) else None,
            }
        )
    return figures


def _reverse(name: str, *args) -> str:
    return reverse(name, args=args)


def distribution_summary(d: Distribution) -> dict:
    return {
        "id": d.pk,
        "kind": d.kind,
        "title": d.title,
        "format": d.format,
        "media_type": d.media_type,
        "size": d.size,
        "language": d.language or None,
        "url": d.url if d.kind == Distribution.Kind.LINK else None,
        "download": (
            _reverse("knowledge:download", d.resource.identifier, d.pk)
            if d.kind == Distribution.Kind.FILE
            else None
        ),
        "preview": d.preview.url if d.preview else None,
        "has_text": bool(d.text),
    }


def resource_summary(resource: Resource, lang: str | None) -> dict:
    """One record as the API and the pages show it, its texts in ``lang`` where written."""
    title, title_lang = resource_text(resource, "title", lang)
    abstract, _ = resource_text(resource, "abstract", title_lang)
    licence = licences.BY_ID.get(resource.licence)
    summary = {
        "identifier": resource.identifier,
        "type": resource.type,
        "title": title,
        "abstract": abstract,
        "language": title_lang,
        "original_language": resource.language,
        "status": resource.status,
        "access": resource.access,
        "authors": resource.authors,
        "publisher": resource.publisher.slug if resource.publisher_id else None,
        "organisations": sorted(o.slug for o in resource.organisations.all()),
        "country": resource.country_id,
        "countries": sorted(c.code for c in resource.countries.all()),
        "spatial": resource.spatial,
        "latitude": resource.latitude,
        "longitude": resource.longitude,
        "themes": sorted(t.code for t in resource.themes.all()),
        "keywords": sorted(k.name for k in resource.keywords.all()),
        "activities": sorted(a.code for a in resource.activities.all()),
        "licence": {
            "id": resource.licence,
            "title": licence.title if licence else resource.licence,
            "url": licence.url if licence else "",
        },
        "date": resource.published_on.isoformat() if resource.published_on else None,
        "doi": resource.doi,
        "url": resource.url,
        "sdgs": resource.sdgs,
        "figures": resource_figures(resource, lang),
        "distributions": [distribution_summary(d) for d in resource.distributions.all()],
        "published_at": resource.published_at.isoformat() if resource.published_at else None,
        "updated_at": resource.updated_at.isoformat(),
        "links": {
            "self": _reverse("api-v1:knowledge_resource", resource.identifier),
            "page": _reverse("knowledge:resource", resource.identifier),
        },
    }
    if resource.type == "case":
        summary["case"] = {
            name: resource_text(resource, name, title_lang)[0] for name in CASE_FIELDS
        }
    return summary


def with_related(resources: QuerySet[Resource]) -> QuerySet[Resource]:
    """Prefetch what :func:`resource_summary` reads (a list of N records in a few queries)."""
    return resources.select_related("publisher").prefetch_related(
        "organisations", "countries", "themes", "keywords", "activities", "distributions"
    )


def review_queue(user) -> QuerySet[Resource]:
    """Submitted and in-review records ``user`` reviews, oldest first."""
    waiting = Resource.objects.filter(status__in=[Status.SUBMITTED, Status.IN_REVIEW])
    if is_secretariat(user):
        pass
    elif user.is_authenticated and user.role == Role.FOCAL_POINT and user.country_id:
        waiting = waiting.filter(country_id=user.country_id)
    else:
        return Resource.objects.none()
    return waiting.order_by("updated_at", "id")


def access_requests_for(user) -> QuerySet[AccessRequest]:
    """The requests ``user`` decides (the secretariat: all; a focal point: their country's),
    pending first; for anyone else, their own requests."""
    requests = AccessRequest.objects.select_related("resource", "user", "decided_by")
    if is_secretariat(user):
        pass
    elif user.is_authenticated and user.role == Role.FOCAL_POINT and user.country_id:
        requests = requests.filter(resource__country_id=user.country_id)
    elif user.is_authenticated:
        requests = requests.filter(user=user)
    else:
        return AccessRequest.objects.none()
    pending_first = Case(When(status=AccessRequest.Decision.PENDING, then=0), default=1)
    return requests.order_by(pending_first, "-created_at")


def can_download(user, distribution: Distribution) -> bool:
    return user.has_perm("knowledge.download_distribution", distribution)
