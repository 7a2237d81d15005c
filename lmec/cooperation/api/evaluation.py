"""``/api/v1/cooperation/assessments`` and ``/api/v1/cooperation/feedback``: the countries'
self-assessments (strategy 5.4) and the public assessment.

Reading is public for what is submitted (a focal point also reads their own country's
draft; editors read all). Writes use the browser session (sign-in cookie plus the CSRF token
in ``X-CSRFToken``) and the same services and rules as the pages: 401 without a session,
403 without the right, 404 for what one may not see, 409 when the assessment's state does
not allow the write (it names the state: a submitted assessment is locked until an editor
reopens it), 422 for values that do not validate (``errors`` names each field).

Public feedback needs no account; it is limited per IP address (setting ``FEEDBACK_RATE``,
e.g. ``5/h``): the next one answers 429 with ``Retry-After`` in seconds.
"""

from __future__ import annotations

from typing import Annotated, Literal

from django.http import HttpResponse
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth
from pydantic import ConfigDict

from lmec.core import exports
from lmec.core.api import (
    READ_ERRORS,
    ErrorOut,
    Lang,
    RecordErrorOut,
    ValidationErrorOut,
    language_of,
    refusals,
    write_docs,
    write_errors,
)

from ..models import (
    AssessmentStatus,
    FeedbackStatus,
    ProgressStatus,
    SelfAssessment,
    StakeholderType,
)
from ..selectors import evaluation as selectors
from ..services import evaluation as services

assessments_router = Router(tags=["cooperation: self-assessments"])
feedback_router = Router(tags=["cooperation: public feedback"])

CountryCode = Literal["CN", "KH", "LA", "MM", "TH", "VN"]
LanguageCode = Literal["zh-hans", "en", "th", "vi", "lo", "km", "my"]
StatusCode = Literal[tuple(AssessmentStatus.values)]  # type: ignore[valid-type]
ProgressCode = Literal[tuple(ProgressStatus.values)]  # type: ignore[valid-type]
StakeholderCode = Literal[tuple(StakeholderType.values)]  # type: ignore[valid-type]
KindCode = Literal["activity", "event", "project"]
ExportFormat = Literal["csv", "xlsx"]
Year = Annotated[int, Path(ge=2000, le=2100, description="A year of the strategy (2023-2027)")]
#: an activity code (D4-A3-1) or a direction code (D4)
ENTRY_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9-]{0,19}$"
CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$"


WRITE_ERRORS = write_errors(conflict=True)
WRITE_DOCS = write_docs(
    conflict="The assessment is submitted and locked (or, to reopen, a draft)",
    invalid="A value does not validate (each bad field named)",
)


class EntryOut(Schema):
    direction: str
    activity: str | None = Field(..., description="Activity code; null: the direction's answer")
    name: str = Field(..., description="The direction's or activity's name, in the language asked")
    status: ProgressCode
    rating: int | None = Field(..., ge=1, le=5)
    achievements: str
    challenges: str
    next_steps: str


class AssessmentOut(Schema):
    country: CountryCode
    year: int
    status: StatusCode
    language: str = Field(..., description="Language the answers are written in")
    summary: str
    submitted_at: str | None
    reopened_at: str | None
    mean_rating: float | None
    answers: int
    rated: int


class AssessmentDetailOut(AssessmentOut):
    entries: list[EntryOut]


class AssessmentListOut(Schema):
    language: str
    count: int
    items: list[AssessmentOut]


class EntryIn(Schema):
    model_config = ConfigDict(extra="forbid")
    status: ProgressCode | None = None
    rating: Annotated[int, Field(ge=1, le=5)] | None = Field(
        None, description="1 (poor) to 5 (excellent); null clears it"
    )
    achievements: Annotated[str, Field(max_length=10_000)] | None = None
    challenges: Annotated[str, Field(max_length=10_000)] | None = None
    next_steps: Annotated[str, Field(max_length=10_000)] | None = None


class StartIn(Schema):
    model_config = ConfigDict(extra="forbid")
    language: LanguageCode | None = Field(None, description="Language the answers are written in")


class FeedbackIn(Schema):
    model_config = ConfigDict(extra="forbid")
    kind: KindCode
    code: str = Field(..., pattern=CODE_PATTERN, examples=["D4-A3-1"])
    rating: int = Field(..., ge=1, le=5)
    comment: str = Field("", max_length=4000)
    language: LanguageCode = "en"
    country: CountryCode | None = None
    stakeholder_type: StakeholderCode | None = None


class FeedbackOut(Schema):
    id: int
    kind: KindCode
    code: str
    status: Literal[tuple(FeedbackStatus.values)]  # type: ignore[valid-type]
    detail: str


class CommentOut(Schema):
    rating: int
    comment: str
    language: str
    country: str | None
    stakeholder_type: str
    date: str


class SummaryOut(Schema):
    kind: KindCode
    code: str
    count: int = Field(..., description="Approved feedback")
    mean: float | None = Field(..., description="Mean approved rating, 2 decimals")
    histogram: dict[str, int] = Field(..., description='Approved ratings: {"1": n, … "5": n}')
    comments: list[CommentOut]


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _assessment(assessment: SelfAssessment, *, entries: bool = False) -> dict:
    answers = list(assessment.entries.all())
    rated = [e.rating for e in answers if e.rating is not None]
    out = {
        "country": assessment.country_id,
        "year": assessment.year,
        "status": assessment.status,
        "language": assessment.language,
        "summary": assessment.summary,
        "submitted_at": _iso(assessment.submitted_at),
        "reopened_at": _iso(assessment.reopened_at),
        "mean_rating": round(sum(rated) / len(rated), 2) if rated else None,
        "answers": len(answers),
        "rated": len(rated),
    }
    if entries:
        out["entries"] = [
            {
                "direction": section["direction"].code,
                "activity": entry.activity.code if entry.activity_id else None,
                "name": entry.activity.name if entry.activity_id else section["direction"].name,
                "status": entry.status,
                "rating": entry.rating,
                "achievements": entry.achievements,
                "challenges": entry.challenges,
                "next_steps": entry.next_steps,
            }
            for section in selectors.assessment_sections(assessment)
            for entry in ([section["entry"]] if section["entry"] else []) + section["activities"]
        ]
    return out


def _visible(request, country: str, year: int) -> SelfAssessment:
    try:
        return selectors.assessment_for(request.user, country, year)
    except SelfAssessment.DoesNotExist:
        raise HttpError(
            404, f"No self-assessment of {country} for {year} (or you may not see it)."
        ) from None


@assessments_router.get(
    "",
    response={200: AssessmentListOut, **READ_ERRORS},
    summary="Self-assessments you may see (the submitted ones; more for focal points, editors)",
)
def list_assessments(
    request,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    country: CountryCode | None = None,
    status: StatusCode | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    lang: Lang = None,
):
    with language_of(request, lang) as code:
        found = selectors.visible_assessments(request.user).order_by("-year", "country_id")
        if year:
            found = found.filter(year=year)
        if country:
            found = found.filter(country_id=country)
        if status:
            found = found.filter(status=status)
        page = found.prefetch_related("entries")[offset : offset + limit]
        return {"language": code, "count": found.count(), "items": [_assessment(a) for a in page]}


@assessments_router.get(
    "/export.{format}",
    response=READ_ERRORS,
    summary="Download the answers you may see (CSV or XLSX)",
    openapi_extra={
        "responses": {
            200: {
                "description": "The file: one row per answer.",
                "content": {
                    exports.FORMATS[name].media_type.split(";")[0]: {
                        "schema": {"type": "string", "format": "binary"}
                    }
                    for name in ("csv", "xlsx")
                },
            }
        }
    },
)
def export_assessments(
    request,
    format: Annotated[ExportFormat, Path(description="File format")],
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    country: CountryCode | None = None,
):
    table = selectors.assessments_table(request.user, year=year, country=country)
    return exports.download(table, format, stem="self-assessments")


@assessments_router.get(
    "/{country}/{year}",
    response={200: AssessmentDetailOut, **READ_ERRORS},
    summary="One self-assessment with its answers by direction and activity",
)
def get_assessment(request, country: CountryCode, year: Year, lang: Lang = None):
    with language_of(request, lang):
        return _assessment(_visible(request, country, year), entries=True)


@assessments_router.post(
    "/{country}/{year}",
    auth=django_auth,
    response={200: AssessmentDetailOut, 201: AssessmentDetailOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Start the self-assessment (201; 200 if it exists): one answer per direction "
    "and expected activity",
)
def start_assessment(
    request, country: CountryCode, year: Year, body: StartIn | None = None, lang: Lang = None
):
    with language_of(request, lang):
        existed = SelfAssessment.objects.filter(country_id=country, year=year).exists()
        answer = refusals(
            lambda: services.start_assessment(
                user=request.auth,
                country=country,
                year=year,
                language=(body.language if body else None) or "",
            )
        )
        if isinstance(answer, SelfAssessment):
            return Status(200 if existed else 201, _assessment(answer, entries=True))
        return answer


@assessments_router.patch(
    "/{country}/{year}/entries/{entry}",
    auth=django_auth,
    response={200: AssessmentDetailOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Save one answer of a draft (by activity code, or direction code for the "
    "direction's own answer)",
)
def save_entry(
    request,
    country: CountryCode,
    year: Year,
    entry: Annotated[str, Path(pattern=ENTRY_PATTERN, examples=["D4-A3-1"])],
    body: EntryIn,
    lang: Lang = None,
):
    with language_of(request, lang):
        assessment = _visible(request, country, year)
        target = assessment.entries.filter(activity__code=entry).first() or (
            assessment.entries.filter(direction__code=entry).first()
        )
        if target is None:
            raise HttpError(404, f"No answer for {entry!r} in this self-assessment.")
        answer = refusals(
            lambda: services.save_entry(
                user=request.auth, entry=target, data=body.model_dump(exclude_unset=True)
            )
        )
        if isinstance(answer, Status):
            return answer
        assessment.refresh_from_db()
        return _assessment(assessment, entries=True)


def _step(service, summary: str, name: str):
    def view(request, country: CountryCode, year: Year, lang: Lang = None):
        with language_of(request, lang):
            assessment = _visible(request, country, year)
            answer = refusals(lambda: service(user=request.auth, assessment=assessment))
            if isinstance(answer, Status):
                return answer
            return _assessment(answer, entries=True)

    view.__name__ = f"{name}_assessment"
    assessments_router.post(
        f"/{{country}}/{{year}}/{name}",
        auth=django_auth,
        response={200: AssessmentDetailOut, **WRITE_ERRORS},
        openapi_extra=WRITE_DOCS,
        summary=summary,
        operation_id=f"cooperation_{name}_assessment",
    )(view)


_step(
    services.submit_assessment, "Submit and lock (the country's focal point or an editor)", "submit"
)
_step(services.reopen_assessment, "Reopen a submitted self-assessment (editors)", "reopen")


# --- public feedback -----------------------------------------------------------------


@feedback_router.post(
    "",
    response={
        201: FeedbackOut,
        400: ErrorOut,
        404: ErrorOut,
        422: RecordErrorOut | ValidationErrorOut,
        429: ErrorOut,
    },
    openapi_extra={
        "responses": {
            404: {"description": "No public activity, event or project with this code"},
            422: {"description": "A value does not validate (each bad field named)"},
            429: {
                "description": "Too many feedback forms from this address (setting "
                "FEEDBACK_RATE); retry after the seconds in Retry-After",
                "headers": {
                    "Retry-After": {
                        "description": "Seconds until this address may send again",
                        "schema": {"type": "integer"},
                    }
                },
            },
        }
    },
    summary="Send public feedback on an activity, event or project (no account needed; "
    "moderated before it is shown)",
)
def send_feedback(request, body: FeedbackIn, response: HttpResponse):
    try:
        services.check_feedback_rate(request)
    except services.RateLimited as exc:
        response["Retry-After"] = str(exc.retry_after)
        return Status(429, {"detail": str(exc)})
    if services.feedback_target(body.kind, body.code) is None:
        return Status(
            404, {"detail": str(services.NO_PUBLIC_TARGET[body.kind] % {"code": body.code})}
        )
    try:
        feedback = services.send_feedback(
            user=request.user,
            kind=body.kind,
            code=body.code,
            rating=body.rating,
            comment=body.comment,
            language=body.language,
            country=body.country,
            stakeholder_type=body.stakeholder_type or "",
            ip=services.client_ip(request),
        )
    except services.EvaluationInvalid as exc:
        return Status(422, {"detail": exc.describe(), "errors": exc.errors})
    return Status(
        201,
        {
            "id": feedback.pk,
            "kind": body.kind,
            "code": body.code,
            "status": feedback.status,
            "detail": "Thank you: your feedback will be shown once moderated.",
        },
    )


@feedback_router.get(
    "/summary/{kind}/{code}",
    response={200: SummaryOut, **READ_ERRORS},
    summary="Public assessment of one activity, event or project (approved feedback only)",
)
def feedback_summary(
    request,
    kind: KindCode,
    code: Annotated[str, Path(pattern=CODE_PATTERN, examples=["D4-A3-1"])],
    comments: Annotated[int, Query(ge=0, le=100)] = 20,
):
    summary = selectors.feedback_summary(kind, code, comments=comments)
    if summary is None:
        raise HttpError(404, str(services.NO_PUBLIC_TARGET[kind] % {"code": code}))
    summary.pop("target")
    return summary
