"""``/api/v1/cooperation/projects``: projects, their funding, downloads and IATI XML.

Reading is public (published projects; the secretariat sees all, a focal point also their
country's unpublished ones). Writes use the browser session (sign-in cookie plus the CSRF
token in ``X-CSRFToken``) and the services' permission rules: 401 without a session, 403
without the right, 404 for a project one may not see, 422 for data that does not validate
(``errors`` names every bad field, e.g. ``sites[0].latitude``, or a missing exchange rate).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from django.db import transaction
from django.http import HttpResponse
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import ConfigDict

from lmec.core import exports
from lmec.core.api import (
    READ_ERRORS,
    Lang,
    language_of,
    refusals,
    write_docs,
    write_errors,
)

from .. import iati
from ..models import Funding, FundingKind, Project, ProjectKind, ProjectStatus
from ..selectors import projects as selectors
from ..services import projects as services

router = Router(tags=["cooperation: projects"])

CountryCode = Literal["CN", "KH", "LA", "MM", "TH", "VN"]
SourceCode = Literal["F1", "F2", "F3", "F4", "F5", "F6"]
KindCode = Literal[tuple(ProjectKind.values)]  # type: ignore[valid-type]
StatusCode = Literal[tuple(ProjectStatus.values)]  # type: ignore[valid-type]
FundingKindCode = Literal[tuple(FundingKind.values)]  # type: ignore[valid-type]
CODE_PATTERN = r"^[-a-zA-Z0-9_]{1,80}$"
Code = Annotated[str, Path(..., pattern=CODE_PATTERN, description="The project's code")]
ActivityCode = Annotated[
    str | None, Query(None, pattern=r"^D\d+-A\d+-\d+$", description="e.g. D4-A3-1")
]
DirectionCode = Annotated[str | None, Query(None, pattern=r"^D\d+$", description="e.g. D4")]
Year = Annotated[int | None, Query(None, ge=2000, le=2100)]
Texts = str | dict[str, str]
EXPORT_FORMATS = ("csv", "xlsx")


WRITE_ERRORS = write_errors()
WRITE_DOCS = write_docs(invalid="The data do not validate (each bad field named)")


class PartnerOut(Schema):
    organisation: str
    name: str
    role: str = Field(..., description="IATI OrganisationRole: 1 funding … 4 implementing")


class SiteOut(Schema):
    name: str
    country: str
    latitude: float
    longitude: float
    station: str | None = Field(None, description="code of the monitoring station at the site")


class MilestoneOut(Schema):
    title: str
    due: str
    done_on: str | None
    status: str


class FundingOut(Schema):
    id: int
    source_type: str
    source_name: str
    funder: str | None
    funder_name: str
    kind: str
    date: str
    amount: str = Field(..., description="In ``currency``, two decimals")
    currency: str
    usd_rate: str = Field(..., description="USD per unit, the stored rate used")
    rate_date: str
    amount_usd: str
    note: str


class FundingTotalOut(Schema):
    source_type: str
    budget: str
    commitment: str
    disbursement: str


class ProjectOut(Schema):
    code: str
    kind: str
    status: str
    published: bool
    title: str
    summary: str
    outputs: str
    original_language: str
    country: str | None = Field(..., description="Lead country; null for a regional project")
    countries: list[str]
    lead_organisation: str | None
    activities: list[str]
    planned_start: str | None
    planned_end: str | None
    actual_start: str | None
    actual_end: str | None
    partners: list[PartnerOut]
    sites: list[SiteOut]
    milestones: list[MilestoneOut]
    documents: list[str]
    funding: list[FundingOut]
    funding_totals: list[FundingTotalOut]


class ProjectListOut(Schema):
    language: str
    count: int
    items: list[ProjectOut]


class TotalOut(Schema):
    source_type: str
    country: str | None
    kind: str
    amount_usd: str
    rows: int


class TotalsOut(Schema):
    count: int
    items: list[TotalOut]


class PartnerIn(Schema):
    model_config = ConfigDict(extra="forbid")
    organisation: str
    role: str = Field(..., examples=["4"], description="1-4 or funding/accountable/…")


class SiteIn(Schema):
    model_config = ConfigDict(extra="forbid")
    name: Texts
    country: CountryCode
    latitude: float
    longitude: float
    station: str | None = Field(
        None,
        description="code of the monitoring station at the site; null for none. Left out, a "
        "site at the same place (country, latitude, longitude) keeps the station it had.",
    )


class MilestoneIn(Schema):
    model_config = ConfigDict(extra="forbid")
    title: Texts
    due: dt.date
    done_on: dt.date | None = None
    status: str = "planned"


class ProjectPatch(Schema):
    """Fields of a project; texts as a string (original language) or ``{language: text}``;
    the lists given replace what is stored."""

    model_config = ConfigDict(extra="forbid")
    kind: KindCode | None = None
    status: StatusCode | None = None
    published: bool | None = None
    language: str | None = None
    title: Texts | None = None
    summary: Texts | None = None
    outputs: Texts | None = None
    country: CountryCode | None = None
    lead_organisation: str | None = None
    planned_start: dt.date | None = None
    planned_end: dt.date | None = None
    actual_start: dt.date | None = None
    actual_end: dt.date | None = None
    activities: list[str] | None = None
    countries: list[CountryCode] | None = None
    partners: list[PartnerIn] | None = None
    sites: list[SiteIn] | None = None
    milestones: list[MilestoneIn] | None = None
    documents: list[str] | None = None


class ProjectIn(ProjectPatch):
    code: str = Field(..., pattern=CODE_PATTERN)
    kind: KindCode
    title: Texts


class FundingPatch(Schema):
    model_config = ConfigDict(extra="forbid")
    source_type: SourceCode | None = None
    funder: str | None = None
    kind: FundingKindCode | None = None
    date: dt.date | None = None
    amount: str | None = Field(None, examples=["125000.00"])
    currency: str | None = Field(None, examples=["THB"])
    note: str | None = None


class FundingIn(FundingPatch):
    source_type: SourceCode
    date: dt.date
    amount: str = Field(..., examples=["125000.00"])
    currency: str = Field(..., examples=["THB"])


def _data(body: Schema) -> dict[str, Any]:
    return body.model_dump(exclude_unset=True, mode="json")


def _visible(request, code: str) -> Project | None:
    try:
        return selectors.project_for(request.user, code)
    except Project.DoesNotExist:
        return None


def _not_found(code: str):
    return Status(404, {"detail": f"No project {code!r} (or you may not see it)."})


def _answer(project: Project, lang: str, status: int = 200):
    project = selectors.with_detail(Project.objects.filter(pk=project.pk)).get()
    return Status(status, selectors.project_summary(project, lang))


def _filtered(request, **filters):
    return selectors.project_list(request.user, **{k: v for k, v in filters.items() if v})


@router.get(
    "",
    response={200: ProjectListOut, **READ_ERRORS},
    summary="List projects (published ones; more for signed-in managers)",
)
def list_projects(
    request,
    status: StatusCode | None = None,
    kind: KindCode | None = None,
    country: Annotated[CountryCode | None, Query(description="Lead or working in")] = None,
    activity: ActivityCode = None,
    direction: DirectionCode = None,
    source_type: SourceCode | None = None,
    year: Year = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    lang: Lang = None,
):
    with language_of(request, lang) as code:
        projects = _filtered(
            request,
            status=status,
            kind=kind,
            country=country,
            activity=activity,
            direction=direction,
            source_type=source_type,
            year=year,
        )
        count = projects.count()
        page = selectors.with_detail(projects[offset : offset + limit])
        return {
            "language": code,
            "count": count,
            "items": [selectors.project_summary(p, code) for p in page],
        }


def _formats_doc() -> dict:
    content = {
        exports.FORMATS[name].media_type.split(";")[0]: {
            "schema": {"type": "string", "format": "binary"}
        }
        for name in EXPORT_FORMATS
    }
    return {"responses": {200: {"description": "The file.", "content": content}}}


@router.get(
    "/export.{format}",
    response=READ_ERRORS,
    summary="Download the project list (CSV or XLSX), with the same filters",
    openapi_extra=_formats_doc(),
)
def export_projects(
    request,
    format: Annotated[Literal["csv", "xlsx"], Path(description="File format")],
    status: StatusCode | None = None,
    kind: KindCode | None = None,
    country: CountryCode | None = None,
    source_type: SourceCode | None = None,
    year: Year = None,
    lang: Lang = None,
):
    with language_of(request, lang) as code:
        projects = _filtered(
            request, status=status, kind=kind, country=country, source_type=source_type, year=year
        ).prefetch_related("funding")
        return exports.download(selectors.export_table(projects, code), format, stem="projects")


@router.get(
    "/iati.xml",
    response=READ_ERRORS,
    summary="Published projects as IATI Activity Standard 2.03 XML",
    openapi_extra={
        "responses": {
            200: {
                "description": "An iati-activities document (version 2.03).",
                "content": {"application/xml": {"schema": {"type": "string"}}},
            }
        }
    },
)
def iati_xml(request):
    base = request.build_absolute_uri("/").rstrip("/")
    return HttpResponse(
        iati.published_xml(base_url=base), content_type="application/xml; charset=utf-8"
    )


@router.get(
    "/funding-totals",
    response={200: TotalsOut, **READ_ERRORS},
    summary="USD totals of funding per source type (F1…F6), lead country and kind",
)
def funding_totals(
    request,
    year: Year = None,
    country: CountryCode | None = None,
    kind: FundingKindCode | None = None,
):
    items = selectors.funding_totals(request.user, year=year, country=country, kind=kind)
    return {"count": len(items), "items": items}


@router.get(
    "/{code}",
    response={200: ProjectOut, **READ_ERRORS},
    url_name="cooperation_project",
    summary="One project with its partners, sites, milestones and funding",
)
def get_project(request, code: Code, lang: Lang = None):
    with language_of(request, lang) as language:
        project = _visible(request, code)
        if project is None:
            return _not_found(code)
        return _answer(project, language)


@router.post(
    "",
    auth=django_auth,
    response={201: ProjectOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Create a project (the secretariat; a focal point for their country)",
)
def create_project(request, body: ProjectIn, lang: Lang = None):
    with language_of(request, lang) as language:
        answer = refusals(lambda: services.create_project(user=request.auth, data=_data(body)))
        return _answer(answer, language, 201) if isinstance(answer, Project) else answer


@router.patch(
    "/{code}",
    auth=django_auth,
    response={200: ProjectOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Change some fields of a project",
)
def update_project(request, code: Code, body: ProjectPatch, lang: Lang = None):
    with language_of(request, lang) as language:
        project = _visible(request, code)
        if project is None:
            return _not_found(code)
        data = _data(body)
        status = data.pop("status", None)

        def write():
            changed = services.update_project(user=request.auth, project=project, data=data)
            if status:
                changed = services.set_status(user=request.auth, project=changed, status=status)
            return changed

        answer = refusals(transaction.atomic(write))
        return _answer(answer, language) if isinstance(answer, Project) else answer


@router.post(
    "/{code}/funding",
    auth=django_auth,
    response={201: FundingOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Add a funding row (converted to USD at the stored rate on or before its date)",
)
def add_funding(request, code: Code, body: FundingIn, lang: Lang = None):
    with language_of(request, lang) as language:
        project = _visible(request, code)
        if project is None:
            return _not_found(code)
        answer = refusals(
            lambda: services.add_funding(user=request.auth, project=project, data=_data(body))
        )
        if isinstance(answer, Funding):
            return Status(201, _funding_out(answer, language))
        return answer


def _funding_out(funding: Funding, lang: str) -> dict:
    project = selectors.with_detail(Project.objects.filter(pk=funding.project_id)).get()
    return next(r for r in selectors.funding_rows(project, lang) if r["id"] == funding.pk)


def _funding_of(request, code: str, funding_id: int) -> Funding | None:
    project = _visible(request, code)
    if project is None:
        return None
    return project.funding.filter(pk=funding_id).select_related("project").first()


FundingId = Annotated[int, Path(..., ge=1, le=2_147_483_647)]


@router.patch(
    "/{code}/funding/{funding_id}",
    auth=django_auth,
    response={200: FundingOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Change a funding row (converted again at the rate for its date)",
)
def update_funding(
    request, code: Code, funding_id: FundingId, body: FundingPatch, lang: Lang = None
):
    with language_of(request, lang) as language:
        funding = _funding_of(request, code, funding_id)
        if funding is None:
            return Status(404, {"detail": f"No funding row {funding_id} of project {code!r}."})
        answer = refusals(
            lambda: services.update_funding(user=request.auth, funding=funding, data=_data(body))
        )
        return _funding_out(answer, language) if isinstance(answer, Funding) else answer


@router.delete(
    "/{code}/funding/{funding_id}",
    auth=django_auth,
    response={204: None, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Delete a funding row",
)
def delete_funding(request, code: Code, funding_id: FundingId):
    funding = _funding_of(request, code, funding_id)
    if funding is None:
        return Status(404, {"detail": f"No funding row {funding_id} of project {code!r}."})
    answer = refusals(lambda: services.delete_funding(user=request.auth, funding=funding))
    return answer if answer is not None else Status(204, None)
