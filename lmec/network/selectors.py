"""Reads of the network directory: lists with filters, the detail of an organisation, the
experts a person may see, the focal points, and the monitoring-capacity network joined with
the stations it runs.

Public reads never include an expert who has not agreed to be listed (``public``); the
secretariat sees every profile, a focal point also their own country's, a member their own.
"""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from modeltranslation.utils import build_localized_fieldname

from lmec.core.i18n import LANGUAGE_CODES
from lmec.core.permissions import is_focal_point, is_secretariat

from .models import CapacityMember, Expert, FocalPoint, Organisation


def _name_matches(field: str, text: str) -> Q:
    query = Q()
    for lang in LANGUAGE_CODES:
        query |= Q(**{f"{build_localized_fieldname(field, lang)}__icontains": text})
    return query


def organisation_list(
    *, country: str | None = None, kind: str | None = None, q: str | None = None
) -> QuerySet[Organisation]:
    """Organisations, filtered by country (``"regional"``: those without one), type and a
    text in any language of the name, the acronym or the code."""
    organisations = Organisation.objects.select_related("country")
    if country == "regional":
        organisations = organisations.filter(country__isnull=True)
    elif country:
        organisations = organisations.filter(country_id=country)
    if kind:
        organisations = organisations.filter(kind=kind)
    if q and q.strip():
        text = q.strip()
        organisations = organisations.filter(
            _name_matches("name", text) | Q(acronym__icontains=text) | Q(slug__icontains=text)
        )
    return organisations.order_by("slug")


def organisation(slug: str) -> Organisation:
    """One organisation by code (``Organisation.DoesNotExist`` otherwise)."""
    return Organisation.objects.select_related("country").get(slug=slug)


def organisation_relations(organisation: Organisation) -> dict:
    """What the directory shows with an organisation: its public experts, its focal-point
    role, its place in the capacity network, and — through the other apps' relations — its
    published knowledge resources, events and projects."""
    from lmec.cooperation.models import Event, EventStatus, Project
    from lmec.knowledge.models import Status

    capacity = CapacityMember.objects.filter(organisation=organisation).first()
    return {
        "experts": list(organisation.experts.filter(public=True).order_by("name")),
        "focal_point_roles": list(organisation.focal_point_roles.select_related("country")),
        "capacity": capacity,
        "stations": list(capacity.stations.order_by("code")) if capacity else [],
        "resources": list(
            organisation.resources.filter(status=Status.PUBLISHED).order_by("-published_at")[:20]
        ),
        "events": list(
            Event.objects.filter(
                Q(organisers=organisation) | Q(partners=organisation),
                status=EventStatus.PUBLISHED,
            )
            .distinct()
            .order_by("-start")[:20]
        ),
        "projects": list(
            Project.objects.filter(
                Q(lead_organisation=organisation) | Q(partners__organisation=organisation),
                published=True,
            )
            .distinct()
            .order_by("code")[:20]
        ),
    }


# --- experts --------------------------------------------------------------------------------


def visible_experts(user) -> QuerySet[Expert]:
    """The profiles ``user`` may see: listed ones; the secretariat all; a focal point also
    their country's; a member also their own."""
    experts = Expert.objects.all()
    if is_secretariat(user):
        return experts
    allowed = Q(public=True)
    if is_focal_point(user) and user.country_id:
        allowed |= Q(country_id=user.country_id)
    if user is not None and user.is_authenticated:
        allowed |= Q(user=user)
    return experts.filter(allowed)


def expert_list(
    experts: QuerySet[Expert] | None = None,
    *,
    country: str | None = None,
    theme: str | None = None,
    language: str | None = None,
    field: str | None = None,
    q: str | None = None,
) -> QuerySet[Expert]:
    """Experts (default: the publicly listed ones) filtered by country, theme, a language
    they work in, a field of expertise (part of a phrase) and a text in their name.

    The languages and fields are JSON lists, matched in Python (``contains`` on JSON is not
    available on SQLite); the directory holds hundreds of profiles, not millions.
    """
    experts = Expert.objects.filter(public=True) if experts is None else experts
    if country:
        experts = experts.filter(country_id=country)
    if theme:
        experts = experts.filter(themes__code=theme)
    if q and q.strip():
        experts = experts.filter(name__icontains=q.strip())
    if language or field:
        wanted_lang = (language or "").lower()
        wanted_field = (field or "").strip().lower()
        ids = [
            pk
            for pk, languages, fields in experts.values_list("pk", "languages", "fields")
            if (not wanted_lang or wanted_lang in [str(x).lower() for x in languages or []])
            and (not wanted_field or any(wanted_field in str(f).lower() for f in fields or []))
        ]
        experts = experts.filter(pk__in=ids)
    return (
        experts.distinct()
        .select_related("organisation", "country")
        .prefetch_related("themes")
        .order_by("name", "pk")
    )


def expert(user, pk: int) -> Expert:
    """One profile ``user`` may see (``Expert.DoesNotExist`` otherwise)."""
    return (
        visible_experts(user)
        .select_related("organisation", "country")
        .prefetch_related("themes")
        .get(pk=pk)
    )


def own_expert_profile(user) -> Expert | None:
    if user is None or not user.is_authenticated:
        return None
    return Expert.objects.filter(user=user).prefetch_related("themes").first()


# --- focal points and the capacity network -------------------------------------------------


def focal_points() -> list[FocalPoint]:
    """The centre first, then the national focal points by country code."""
    points = FocalPoint.objects.select_related("organisation", "country")
    return sorted(points, key=lambda p: (p.kind != FocalPoint.Kind.CENTRE, p.country_id or ""))


def capacity_members(
    *,
    country: str | None = None,
    kind: str | None = None,
    media: str | None = None,
    pks: list[int] | None = None,
) -> list[CapacityMember]:
    """Members of the monitoring-capacity network with their stations (and the parameters
    those stations measure) prefetched; ``station_count`` annotated."""
    from lmec.monitoring.models import Station

    members = CapacityMember.objects.select_related("organisation", "organisation__country")
    if country:
        members = members.filter(organisation__country_id=country)
    if kind:
        members = members.filter(kind=kind)
    if media:
        members = members.filter(media=media)
    if pks is not None:
        members = members.filter(pk__in=pks)
    return list(
        members.annotate(station_count=Count("stations", distinct=True))
        .prefetch_related(
            Prefetch(
                "stations",
                queryset=Station.objects.order_by("code").prefetch_related("parameters"),
            )
        )
        .order_by("organisation__slug")
    )


def capacity_members_by_pk(pks: list[int]) -> list[CapacityMember]:
    return capacity_members(pks=pks)


def capacity_parameters(member: CapacityMember) -> list[str]:
    """Parameter codes of a member: those it declares, then those its linked stations
    measure (in the registry's order)."""
    from lmec.monitoring import parameters as registry

    measured = {
        registry.BY_ID[row.parameter].code
        for station in member.stations.all()
        for row in station.parameters.all()
    }
    declared = list(member.parameters or [])
    order = {p.code: n for n, p in enumerate(registry.PARAMETERS)}
    extra = sorted(measured - set(declared), key=lambda code: order.get(code, 999))
    return declared + extra


def capacity_summary(member: CapacityMember) -> dict:
    """A member as the page, the API and the exports show it (JSON-ready)."""
    organisation = member.organisation
    return {
        "organisation": organisation.slug,
        "name": organisation.name,
        "acronym": organisation.acronym,
        "country": organisation.country_id,
        "kind": member.kind,
        "media": member.media,
        "accreditation": member.accreditation,
        "parameters": capacity_parameters(member),
        "station_count": len(member.stations.all()),
        "stations": [
            {
                "code": s.code,
                "name": s.name,
                "kind": s.kind,
                "country": s.country_id,
                "latitude": s.latitude,
                "longitude": s.longitude,
            }
            for s in member.stations.all()
        ],
        "notes": member.notes or "",
    }


def organisation_summary(organisation: Organisation) -> dict:
    return {
        "slug": organisation.slug,
        "name": organisation.name or "",
        "acronym": organisation.acronym,
        "kind": organisation.kind,
        "country": organisation.country_id,
        "website": organisation.website,
        "iati_ref": organisation.iati_ref,
        "description": organisation.description or "",
    }


def expert_summary(expert: Expert, *, with_email: bool = True) -> dict:
    """A profile for the page and the API; the e-mail only of a listed (consenting) profile
    and only where asked (never in the public exports)."""
    return {
        "id": expert.pk,
        "name": expert.name,
        "title": expert.title or "",
        "organisation": expert.organisation.slug if expert.organisation_id else None,
        "organisation_name": expert.organisation.name if expert.organisation_id else None,
        "country": expert.country_id,
        "fields": list(expert.fields or []),
        "languages": list(expert.languages or []),
        "themes": sorted(t.code for t in expert.themes.all()),
        "bio": expert.bio or "",
        "email": expert.email if with_email and expert.public and expert.email else None,
        "public": expert.public,
    }


def focal_point_summary(point: FocalPoint) -> dict:
    return {
        "kind": point.kind,
        "country": point.country_id,
        "organisation": point.organisation.slug,
        "organisation_name": point.organisation.name or "",
        "contact_name": point.contact_name,
        "contact_title": point.contact_title,
        "email": point.email,
        "phone": point.phone,
        "since": point.since.isoformat() if point.since else None,
    }
