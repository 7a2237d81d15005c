"""``/api/v1/knowledge/resources``: read the catalogue; propose, edit and review records.

Reading is public (the published records; signed-in people also see what their role lets
them: their own drafts, their country's submissions, everything for editors). Writes use
the browser session (sign-in cookie plus the CSRF token in ``X-CSRFToken``) and the same
services and permission rules as the pages: 401 without a session, 403 without the right,
404 for a record one may not see, 409 for a workflow step the record's state does not allow,
422 for a record that does not validate (``errors`` names every bad field).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from django.db import transaction
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import ConfigDict

from lmec.core.api import (
    READ_ERRORS,
    Lang,
    language_of,
    refusals,
    write_docs,
    write_errors,
)

from .. import selectors, services
from ..models import Access, Resource, ResourceType
from ..models import Status as ResourceStatus

router = Router(tags=["knowledge: resources"])

CountryCode = Literal["CN", "KH", "LA", "MM", "TH", "VN"]
#: The five knowledge themes of strategy 4.5 (1) (``lmec/cooperation/data/strategy.yaml``).
ThemeCode = Literal[
    "transport-ecosystems",
    "energy-climate",
    "green-industrial-parks",
    "natural-capital-finance",
    "nature-based-solutions",
]
TypeCode = Literal[tuple(ResourceType.values)]  # type: ignore[valid-type]
StatusCode = Literal[tuple(ResourceStatus.values)]  # type: ignore[valid-type]
AccessCode = Literal[tuple(Access.values)]  # type: ignore[valid-type]
IDENTIFIER_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$"
Identifier = Annotated[
    str, Path(..., pattern=IDENTIFIER_PATTERN, description="The resource's identifier")
]
Texts = str | dict[str, str]


WRITE_ERRORS = write_errors(conflict=True)
WRITE_DOCS = write_docs(
    conflict="The record's state does not allow this step now",
    invalid="The record does not validate (each bad field named)",
)


class LicenceOut(Schema):
    id: str
    title: str
    url: str


class DistributionOut(Schema):
    id: int
    kind: str
    title: str
    format: str
    media_type: str
    size: int | None
    language: str | None
    url: str | None = Field(None, description="The link (kind link)")
    download: str | None = Field(None, description="Where to download the file (kind file)")
    preview: str | None = Field(None, description="PNG of a PDF's first page")
    has_text: bool


class LinksOut(Schema):
    self: str | None
    page: str | None


class FigureOut(Schema):
    label: str = Field(
        ..., description="In the language asked for, else the original, else English"
    )
    value: float | None
    unit: str
    language: str = Field(..., description="Language of the label shown")
    unit_language: str | None = Field(
        ..., description="Language of the unit shown; null for a unit given as one string"
    )


class ResourceOut(Schema):
    identifier: str
    type: str
    title: str
    abstract: str
    language: str = Field(..., description="Language of the title and abstract shown")
    original_language: str
    status: str
    access: str
    authors: list[dict[str, str]]
    publisher: str | None
    organisations: list[str]
    country: str | None = Field(..., description="Owning country (reviews, access requests)")
    countries: list[str]
    spatial: str
    latitude: float | None
    longitude: float | None
    themes: list[str]
    keywords: list[str]
    activities: list[str]
    licence: LicenceOut
    date: str | None
    doi: str
    url: str
    sdgs: list[int]
    figures: list[FigureOut]
    distributions: list[DistributionOut]
    published_at: str | None
    updated_at: str
    links: LinksOut
    case: dict[str, str] | None = Field(None, description="Good-practice case template (type case)")


class ResourceListOut(Schema):
    count: int
    items: list[ResourceOut]
    language: str


class AuthorIn(Schema):
    model_config = ConfigDict(extra="forbid")
    name: str
    affiliation: str | None = None
    orcid: str | None = None


class FigureIn(Schema):
    """A result in figures; the label (and a unit that is a word) as a string in the
    original language or ``{language: text}``."""

    model_config = ConfigDict(extra="forbid")
    label: Texts = Field(..., examples=[{"th": "ซังข้าวโพดที่รับซื้อ", "en": "Maize residue bought"}])
    value: float
    unit: Texts = ""


class ResourcePatch(Schema):
    """The fields of a record (docs/knowledge-import.md); texts as a string in the original
    language or ``{language: text}``. Files are uploaded on the resource page."""

    model_config = ConfigDict(extra="forbid")
    type: TypeCode | None = None
    language: str | None = Field(None, examples=["th"])
    title: Texts | None = None
    abstract: Texts | None = None
    context: Texts | None = None
    challenge: Texts | None = None
    solution: Texts | None = None
    results: Texts | None = None
    costs: Texts | None = None
    lessons: Texts | None = None
    partners: Texts | None = None
    access: AccessCode | None = None
    authors: list[str | AuthorIn] | None = None
    publisher: str | None = None
    organisations: list[str] | None = None
    country: str | None = None
    countries: list[str] | None = None
    spatial: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    themes: list[str] | None = None
    keywords: list[str] | None = None
    activities: list[str] | None = None
    licence: str | None = None
    date: dt.date | None = None
    doi: str | None = None
    url: str | None = None
    sdgs: list[int] | None = None
    figures: list[FigureIn] | None = None


class ResourceIn(ResourcePatch):
    identifier: str | None = Field(
        None, pattern=IDENTIFIER_PATTERN, description="Made from the title when not given"
    )
    type: TypeCode
    language: str = Field(..., examples=["en"])
    title: Texts


class StepIn(Schema):
    model_config = ConfigDict(extra="forbid")
    comment: str = Field("", description="Required to return a record to its author")


def _record(body: Schema) -> dict:
    data = body.model_dump(exclude_unset=True, mode="json")
    if isinstance(data.get("authors"), list):
        data["authors"] = [
            {k: v for k, v in a.items() if v is not None} if isinstance(a, dict) else a
            for a in data["authors"]
        ]
    return data


def _visible(request, identifier: str) -> Resource | None:
    try:
        return selectors.resource_for(request.user, identifier)
    except Resource.DoesNotExist:
        return None


def _not_found(identifier: str):
    return Status(404, {"detail": f"No resource {identifier!r} (or you may not see it)."})


def _answer(request, resource: Resource, code: str, status: int = 200):
    resource = selectors.with_related(Resource.objects.filter(pk=resource.pk)).get()
    return Status(status, selectors.resource_summary(resource, code))


@router.get(
    "/resources",
    response={200: ResourceListOut, **READ_ERRORS},
    summary="List resources (published ones; more for signed-in reviewers)",
)
def list_resources(
    request,
    type: TypeCode | None = None,
    theme: ThemeCode | None = None,
    country: Annotated[CountryCode | None, Query(description="Owning or covered country")] = None,
    status: Annotated[StatusCode | None, Query(description="Only what you may see")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    lang: Lang = None,
):
    with language_of(request, lang) as code:
        resources = selectors.visible_resources(request.user)
        if type:
            resources = resources.filter(type=type)
        if theme:
            resources = resources.filter(themes__code=theme)
        if country:
            resources = resources.filter(
                pk__in=Resource.objects.filter(country_id=country)
                .values("pk")
                .union(
                    Resource.countries.through.objects.filter(country_id=country).values(
                        "resource_id"
                    )
                )
            )
        if status:
            resources = resources.filter(status=status)
        resources = resources.distinct().order_by("-published_at", "-updated_at", "-id")
        count = resources.count()
        page = selectors.with_related(resources[offset : offset + limit])
        return {
            "count": count,
            "items": [selectors.resource_summary(r, code) for r in page],
            "language": code,
        }


@router.get(
    "/resources/{identifier}",
    response={200: ResourceOut, **READ_ERRORS},
    url_name="knowledge_resource",
    summary="One resource",
)
def get_resource(request, identifier: Identifier, lang: Lang = None):
    with language_of(request, lang) as code:
        resource = _visible(request, identifier)
        if resource is None:
            return _not_found(identifier)
        return _answer(request, resource, code)


@router.post(
    "/resources",
    auth=django_auth,
    response={201: ResourceOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Propose a resource (signed in; it starts as a draft)",
)
def create_resource(request, body: ResourceIn, lang: Lang = None):
    with language_of(request, lang) as code:
        answer = refusals(lambda: services.create_resource(user=request.auth, data=_record(body)))
        if isinstance(answer, Resource):
            return _answer(request, answer, code, 201)
        return answer


@router.patch(
    "/resources/{identifier}",
    auth=django_auth,
    response={200: ResourceOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Change some fields of a resource",
)
def update_resource(request, identifier: Identifier, body: ResourcePatch, lang: Lang = None):
    with language_of(request, lang) as code:
        resource = _visible(request, identifier)
        if resource is None:
            return _not_found(identifier)
        answer = refusals(
            lambda: services.update_resource(
                user=request.auth, resource=resource, data=_record(body)
            )
        )
        if isinstance(answer, Resource):
            return _answer(request, answer, code)
        return answer


STEPS = {
    "submit": (services.submit, "Submit for review (the author)"),
    "review": (services.start_review, "Start the review (a reviewer)"),
    "publish": (services.publish, "Publish (a reviewer)"),
    "return": (services.return_to_author, "Return to the author with comments (a reviewer)"),
    "unpublish": (services.unpublish, "Unpublish, back to the author with the reason"),
}


def _step_view(step: str):
    service, summary = STEPS[step]

    def view(request, identifier: Identifier, body: StepIn, lang: Lang = None):
        with language_of(request, lang) as code:
            resource = _visible(request, identifier)
            if resource is None:
                return _not_found(identifier)
            kwargs = {} if step == "review" else {"comment": body.comment}
            answer = refusals(
                lambda: transaction.atomic()(service)(
                    user=request.auth, resource=resource, **kwargs
                )
            )
            if isinstance(answer, Resource):
                return _answer(request, answer, code)
            return answer

    view.__name__ = f"{step}_resource"
    router.post(
        f"/resources/{{identifier}}/{step}",
        auth=django_auth,
        response={200: ResourceOut, **WRITE_ERRORS},
        openapi_extra=WRITE_DOCS,
        summary=summary,
        operation_id=f"knowledge_{step}_resource",
    )(view)


for _step in STEPS:
    _step_view(_step)
