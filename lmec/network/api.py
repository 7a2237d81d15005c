"""``/api/v1/network``: the directory of organisations, experts, focal points and the
monitoring-capacity network.

Reading is public: experts only when they agreed to be listed (signed-in people also see
what their role lets them: their own profile, their country's for a focal point, all for the
secretariat). Writes use the browser session (sign-in cookie plus the CSRF token in
``X-CSRFToken``) and the same services and rules as the pages and the admin: 401 without a
session, 403 without the right, 404 for a record one may not see, 422 for a record that does
not validate (``errors`` names every bad field). Each list is downloadable as CSV and XLSX at
``…/export.{format}`` (public rows only; no personal e-mail addresses).
"""

from __future__ import annotations

from typing import Annotated, Literal

from django.http import HttpResponse
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import ConfigDict

from lmec.core import exports
from lmec.core.api import (
    READ_ERRORS,
    ErrorOut,
    Lang,
    language_of,
    refusals,
    write_docs,
    write_errors,
)

from . import selectors, services, tables
from .models import CapacityMember, Expert, FocalPoint, Organisation

router = Router(tags=["network"])

CountryCode = Literal["CN", "KH", "LA", "MM", "TH", "VN"]
OrganisationCountry = Literal["CN", "KH", "LA", "MM", "TH", "VN", "regional"]
ThemeCode = Literal[
    "transport-ecosystems",
    "energy-climate",
    "green-industrial-parks",
    "natural-capital-finance",
    "nature-based-solutions",
]
OrganisationKind = Literal[tuple(Organisation.Kind.values)]  # type: ignore[valid-type]
CapacityKind = Literal[tuple(CapacityMember.Kind.values)]  # type: ignore[valid-type]
CapacityMedia = Literal[tuple(CapacityMember.Media.values)]  # type: ignore[valid-type]
FocalPointKind = Literal[tuple(FocalPoint.Kind.values)]  # type: ignore[valid-type]
ExportFormat = Annotated[Literal[tables.FORMATS], Path(description="File format: csv or xlsx")]
Slug = Annotated[
    str,
    Path(..., pattern=services.SLUG_PATTERN, max_length=100, description="Organisation code"),
]
ExpertId = Annotated[int, Path(..., ge=1, le=2_147_483_647, description="Profile number")]
Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Text = Annotated[str | None, Query(max_length=100, description="Part of a name")]
Texts = str | dict[str, str]


WRITE_ERRORS = write_errors()
WRITE_DOCS = write_docs(invalid="The record does not validate (each bad field named)")
EXPORT_DOCS = {
    "responses": {
        200: {
            "description": "The file.",
            "content": {
                exports.FORMATS[name].media_type.split(";")[0]: {
                    "schema": {"type": "string", "format": "binary"}
                }
                for name in tables.FORMATS
            },
        }
    }
}


# --- schemas -------------------------------------------------------------------------------


class OrganisationOut(Schema):
    slug: str
    name: str
    acronym: str
    kind: str
    country: str | None = Field(..., description="Empty for regional and international bodies")
    website: str
    iati_ref: str
    description: str


class OrganisationListOut(Schema):
    language: str
    count: int
    items: list[OrganisationOut]


class ExpertOut(Schema):
    id: int
    name: str
    title: str
    organisation: str | None
    organisation_name: str | None
    country: str | None
    fields: list[str]
    languages: list[str]
    themes: list[str]
    bio: str
    email: str | None = Field(..., description="Only of a publicly listed profile")
    public: bool = Field(..., description="The person agreed to be listed publicly")


class ExpertListOut(Schema):
    language: str
    count: int
    items: list[ExpertOut]


class FocalPointOut(Schema):
    kind: str
    country: str | None
    organisation: str
    organisation_name: str
    contact_name: str
    contact_title: str
    email: str
    phone: str
    since: str | None


class FocalPointListOut(Schema):
    language: str
    count: int
    items: list[FocalPointOut]


class CapacityStationOut(Schema):
    code: str
    name: str
    kind: str
    country: str
    latitude: float
    longitude: float


class CapacityOut(Schema):
    organisation: str
    name: str
    acronym: str
    country: str | None
    kind: str
    media: str
    accreditation: str
    parameters: list[str] = Field(
        ..., description="Parameter codes: declared, then those its stations measure"
    )
    station_count: int
    stations: list[CapacityStationOut]
    notes: str


class CapacityListOut(Schema):
    language: str
    count: int
    items: list[CapacityOut]


class RelatedOut(Schema):
    code: str
    title: str


class OrganisationDetailOut(OrganisationOut):
    experts: list[ExpertOut]
    focal_point: list[FocalPointOut]
    capacity: CapacityOut | None
    resources: list[RelatedOut] = Field(..., description="Published knowledge it publishes")
    events: list[RelatedOut] = Field(..., description="Published events it organises or joins")
    projects: list[RelatedOut] = Field(..., description="Published projects it leads or joins")


class OrganisationPatch(Schema):
    """Texts as a string in the request's language or ``{language: text}``."""

    model_config = ConfigDict(extra="forbid")
    name: Texts | None = None
    acronym: str | None = None
    kind: OrganisationKind | None = None
    country: CountryCode | None = None
    website: str | None = None
    iati_ref: str | None = None
    description: Texts | None = None


class OrganisationIn(OrganisationPatch):
    slug: str | None = Field(
        None, description="Made from the acronym and country or the name when not given"
    )
    name: Texts


class ExpertPatch(Schema):
    model_config = ConfigDict(extra="forbid")
    name: str | None = None
    title: Texts | None = None
    organisation: str | None = Field(None, description="Organisation code")
    country: CountryCode | None = None
    fields: list[str] | None = None
    languages: list[str] | None = Field(None, examples=[["th", "en"]])
    themes: list[ThemeCode] | None = None
    bio: Texts | None = None
    email: str | None = None
    consent: bool | None = Field(
        None, description="true: listed publicly (the time is recorded); false: hidden at once"
    )


class ExpertIn(ExpertPatch):
    name: str


class FocalPointIn(Schema):
    model_config = ConfigDict(extra="forbid")
    kind: FocalPointKind = "national"
    country: CountryCode | None = None
    organisation: str
    contact_name: str = ""
    contact_title: str = ""
    email: str = ""
    phone: str = ""
    since: str | None = Field(None, description="YYYY-MM-DD")


class CapacityPatch(Schema):
    model_config = ConfigDict(extra="forbid")
    kind: CapacityKind | None = None
    media: CapacityMedia | None = None
    parameters: list[str] | None = Field(None, examples=[["pm25", "do", "bod5"]])
    accreditation: str | None = None
    stations: list[str] | None = Field(None, description="Monitoring station codes")
    notes: Texts | None = None


class CapacityIn(CapacityPatch):
    organisation: str
    kind: CapacityKind
    media: CapacityMedia


# --- helpers -------------------------------------------------------------------------------


def _data(body: Schema) -> dict:
    return {k: v for k, v in body.model_dump(exclude_unset=True, mode="json").items()}


def _download(table: exports.Table, name: str) -> HttpResponse:
    return exports.download(table, name)


def _not_found(what: str, key) -> Status:
    return Status(404, {"detail": f"No {what} {key!r} (or you may not see it)."})


def _organisation_detail(organisation: Organisation) -> dict:
    related = selectors.organisation_relations(organisation)
    capacity = related["capacity"]
    if capacity is not None:
        capacity = selectors.capacity_members_by_pk([capacity.pk])[0]
    return {
        **selectors.organisation_summary(organisation),
        "experts": [selectors.expert_summary(e) for e in related["experts"]],
        "focal_point": [selectors.focal_point_summary(p) for p in related["focal_point_roles"]],
        "capacity": selectors.capacity_summary(capacity) if capacity else None,
        "resources": [{"code": r.identifier, "title": r.title} for r in related["resources"]],
        "events": [{"code": e.slug, "title": e.title} for e in related["events"]],
        "projects": [{"code": p.code, "title": p.title} for p in related["projects"]],
    }


# --- organisations ---------------------------------------------------------------------------


@router.get(
    "/organisations",
    response={200: OrganisationListOut, **READ_ERRORS},
    summary="List organisations",
)
def list_organisations(
    request,
    country: Annotated[
        OrganisationCountry | None, Query(description="A country, or regional (none)")
    ] = None,
    kind: OrganisationKind | None = None,
    q: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
    lang: Lang = None,
):
    with language_of(request, lang) as code:
        organisations = selectors.organisation_list(country=country, kind=kind, q=q)
        return {
            "language": code,
            "count": organisations.count(),
            "items": [
                selectors.organisation_summary(o) for o in organisations[offset : offset + limit]
            ],
        }


@router.get(
    "/organisations/export.{format}",
    response=READ_ERRORS,
    openapi_extra=EXPORT_DOCS,
    summary="Download the organisations",
)
def export_organisations(
    request,
    format: ExportFormat,
    country: OrganisationCountry | None = None,
    kind: OrganisationKind | None = None,
    q: Text = None,
    lang: Lang = None,
):
    with language_of(request, lang):
        organisations = selectors.organisation_list(country=country, kind=kind, q=q)
        return _download(tables.organisations_table(organisations), format)


@router.get(
    "/organisations/{slug}",
    response={200: OrganisationDetailOut, **READ_ERRORS},
    summary="One organisation, with its experts, roles, knowledge, events and projects",
)
def get_organisation(request, slug: Slug, lang: Lang = None):
    with language_of(request, lang):
        try:
            organisation = selectors.organisation(slug)
        except Organisation.DoesNotExist:
            return _not_found("organisation", slug)
        return _organisation_detail(organisation)


@router.post(
    "/organisations",
    auth=django_auth,
    response={201: OrganisationOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Add an organisation (editors; a focal point for their country)",
)
def create_organisation(request, body: OrganisationIn, lang: Lang = None):
    with language_of(request, lang):
        answer = refusals(lambda: services.create_organisation(user=request.auth, data=_data(body)))
        if isinstance(answer, Organisation):
            return Status(201, selectors.organisation_summary(answer))
        return answer


@router.patch(
    "/organisations/{slug}",
    auth=django_auth,
    response={200: OrganisationOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Change some fields of an organisation",
)
def update_organisation(request, slug: Slug, body: OrganisationPatch, lang: Lang = None):
    with language_of(request, lang):
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            return _not_found("organisation", slug)
        answer = refusals(
            lambda: services.update_organisation(
                user=request.auth, organisation=organisation, data=_data(body)
            )
        )
        if isinstance(answer, Organisation):
            return selectors.organisation_summary(answer)
        return answer


# --- experts ---------------------------------------------------------------------------------


def _experts(request, **filters):
    return selectors.expert_list(selectors.visible_experts(request.user), **filters)


@router.get(
    "/experts",
    response={200: ExpertListOut, **READ_ERRORS},
    summary="List experts (those listed publicly; more for the secretariat and focal points)",
)
def list_experts(
    request,
    country: CountryCode | None = None,
    theme: ThemeCode | None = None,
    language: Annotated[
        str | None, Query(max_length=12, description="A language they work in, e.g. th")
    ] = None,
    field: Annotated[
        str | None, Query(max_length=100, description="Part of a field of expertise")
    ] = None,
    q: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
    lang: Lang = None,
):
    with language_of(request, lang) as code:
        experts = _experts(
            request, country=country, theme=theme, language=language, field=field, q=q
        )
        return {
            "language": code,
            "count": experts.count(),
            "items": [selectors.expert_summary(e) for e in experts[offset : offset + limit]],
        }


@router.get(
    "/experts/export.{format}",
    response=READ_ERRORS,
    openapi_extra=EXPORT_DOCS,
    summary="Download the publicly listed experts (no e-mail addresses)",
)
def export_experts(
    request,
    format: ExportFormat,
    country: CountryCode | None = None,
    theme: ThemeCode | None = None,
    language: Annotated[str | None, Query(max_length=12)] = None,
    field: Annotated[str | None, Query(max_length=100)] = None,
    q: Text = None,
    lang: Lang = None,
):
    with language_of(request, lang):
        experts = selectors.expert_list(
            country=country, theme=theme, language=language, field=field, q=q
        )
        return _download(tables.experts_table(experts), format)


@router.get(
    "/experts/me",
    auth=django_auth,
    response={200: ExpertOut, 401: ErrorOut, 404: ErrorOut, **READ_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Your own expert profile",
)
def my_profile(request, lang: Lang = None):
    with language_of(request, lang):
        profile = selectors.own_expert_profile(request.auth)
        if profile is None:
            return Status(404, {"detail": "You have no expert profile yet."})
        return selectors.expert_summary(profile)


@router.put(
    "/experts/me",
    auth=django_auth,
    response={200: ExpertOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Create or change your own expert profile (consent: true lists it publicly)",
)
def save_my_profile(request, body: ExpertPatch, lang: Lang = None):
    with language_of(request, lang):
        answer = refusals(
            lambda: services.save_own_expert_profile(user=request.auth, data=_data(body))
        )
        if isinstance(answer, Expert):
            return selectors.expert_summary(answer)
        return answer


@router.get(
    "/experts/{id}",
    response={200: ExpertOut, **READ_ERRORS},
    summary="One expert",
)
def get_expert(request, id: ExpertId, lang: Lang = None):
    with language_of(request, lang):
        try:
            return selectors.expert_summary(selectors.expert(request.user, id))
        except Expert.DoesNotExist:
            return _not_found("expert", id)


@router.post(
    "/experts",
    auth=django_auth,
    response={201: ExpertOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Add a profile for someone (editors; a focal point for their country)",
)
def create_expert(request, body: ExpertIn, lang: Lang = None):
    with language_of(request, lang):
        answer = refusals(lambda: services.create_expert(user=request.auth, data=_data(body)))
        if isinstance(answer, Expert):
            return Status(201, selectors.expert_summary(answer))
        return answer


@router.patch(
    "/experts/{id}",
    auth=django_auth,
    response={200: ExpertOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Change some fields of a profile (its owner, its country's focal point, editors)",
)
def update_expert(request, id: ExpertId, body: ExpertPatch, lang: Lang = None):
    with language_of(request, lang):
        try:
            expert = selectors.expert(request.auth, id)
        except Expert.DoesNotExist:
            return _not_found("expert", id)
        answer = refusals(
            lambda: services.update_expert(user=request.auth, expert=expert, data=_data(body))
        )
        if isinstance(answer, Expert):
            return selectors.expert_summary(answer)
        return answer


# --- focal points ------------------------------------------------------------------------------


@router.get(
    "/focal-points",
    response={200: FocalPointListOut, **READ_ERRORS},
    summary="The centre and the national focal points (strategy 5.1)",
)
def list_focal_points(request, lang: Lang = None):
    with language_of(request, lang) as code:
        points = selectors.focal_points()
        return {
            "language": code,
            "count": len(points),
            "items": [selectors.focal_point_summary(p) for p in points],
        }


@router.get(
    "/focal-points/export.{format}",
    response=READ_ERRORS,
    openapi_extra=EXPORT_DOCS,
    summary="Download the focal points",
)
def export_focal_points(request, format: ExportFormat, lang: Lang = None):
    with language_of(request, lang):
        return _download(tables.focal_points_table(selectors.focal_points()), format)


@router.put(
    "/focal-points",
    auth=django_auth,
    response={200: FocalPointOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Designate a country's focal point or the centre (editors)",
)
def save_focal_point(request, body: FocalPointIn, lang: Lang = None):
    with language_of(request, lang):
        answer = refusals(lambda: services.save_focal_point(user=request.auth, data=_data(body)))
        if isinstance(answer, FocalPoint):
            return selectors.focal_point_summary(answer)
        return answer


# --- the monitoring-capacity network ---------------------------------------------------------


@router.get(
    "/capacity",
    response={200: CapacityListOut, **READ_ERRORS},
    summary="The monitoring-capacity network: operators and laboratories with their stations",
)
def list_capacity(
    request,
    country: CountryCode | None = None,
    kind: CapacityKind | None = None,
    media: CapacityMedia | None = None,
    lang: Lang = None,
):
    with language_of(request, lang) as code:
        members = selectors.capacity_members(country=country, kind=kind, media=media)
        return {
            "language": code,
            "count": len(members),
            "items": [selectors.capacity_summary(m) for m in members],
        }


@router.get(
    "/capacity/export.{format}",
    response=READ_ERRORS,
    openapi_extra=EXPORT_DOCS,
    summary="Download the monitoring-capacity network",
)
def export_capacity(
    request,
    format: ExportFormat,
    country: CountryCode | None = None,
    kind: CapacityKind | None = None,
    media: CapacityMedia | None = None,
    lang: Lang = None,
):
    with language_of(request, lang):
        members = selectors.capacity_members(country=country, kind=kind, media=media)
        return _download(tables.capacity_table(members), format)


@router.post(
    "/capacity",
    auth=django_auth,
    response={201: CapacityOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Add an organisation to the capacity network (editors; a focal point for theirs)",
)
def create_capacity(request, body: CapacityIn, lang: Lang = None):
    with language_of(request, lang):
        answer = refusals(
            lambda: services.create_capacity_member(user=request.auth, data=_data(body))
        )
        if isinstance(answer, CapacityMember):
            member = selectors.capacity_members_by_pk([answer.pk])[0]
            return Status(201, selectors.capacity_summary(member))
        return answer


@router.patch(
    "/capacity/{slug}",
    auth=django_auth,
    response={200: CapacityOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Change a capacity member (by its organisation's code)",
)
def update_capacity(request, slug: Slug, body: CapacityPatch, lang: Lang = None):
    with language_of(request, lang):
        member = CapacityMember.objects.filter(organisation__slug=slug).first()
        if member is None:
            return _not_found("capacity member", slug)
        answer = refusals(
            lambda: services.update_capacity_member(
                user=request.auth, member=member, data=_data(body)
            )
        )
        if isinstance(answer, CapacityMember):
            return selectors.capacity_summary(selectors.capacity_members_by_pk([member.pk])[0])
        return answer
