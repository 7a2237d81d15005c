"""JSON of the evaluation report: ``/api/v1/cooperation/report`` (the years there is a
report for) and ``/api/v1/cooperation/report/{year}`` (the whole report's data, the same
dict the page and the PDF are drawn from; texts in ``?lang=``)."""

from typing import Literal

from django.urls import reverse
from django.utils import translation
from ninja import Router, Schema
from ninja.errors import HttpError

from lmec.cooperation.api.indicators import ProgressParticipantsOut
from lmec.core.api import ERROR_RESPONSES, Lang, requested_language

from ..report import ReportError, available_years, report_data

router = Router(tags=["report"])


class ReportLink(Schema):
    year: int
    html: str
    pdf: str
    json_url: str


class ReportList(Schema):
    language: str
    count: int
    items: list[ReportLink]


class StrategyOut(Schema):
    title: str
    start_year: int
    end_year: int


class CountryOut(Schema):
    code: str
    name: str


class DirectionRow(Schema):
    code: str
    name: str
    activities: int
    events: int
    projects: int
    participants: int
    gaps: int


class YearCell(Schema):
    events: int
    projects: int
    expected: bool
    gap: bool
    state: Literal["held", "gap", "not_yet", "not_expected"]


class ActivityRow(Schema):
    code: str
    label: str
    name: str
    direction: str
    action: str
    timing: Literal["annual", "period"]
    start_year: int
    end_year: int
    years: dict[str, YearCell]
    events: int
    projects: int
    gap_years: list[int]


class GapRow(Schema):
    code: str
    name: str
    direction: str
    action: str
    timing: Literal["annual", "period"]
    year: int


class Amounts(Schema):
    budget_usd: float
    commitment_usd: float
    disbursement_usd: float


class ProjectRow(Amounts):
    code: str
    title: str
    kind: str
    kind_label: str
    status: str
    status_label: str
    country: str | None
    country_name: str
    countries: list[str]
    start: str | None
    end: str | None


class ProjectsByStatus(Schema):
    total: int
    by_status: dict[str, int]
    by_kind: dict[str, int]


class SourceRow(Amounts):
    code: str
    name: str


class CountryFundingRow(Amounts):
    country: str | None
    name: str


class RateRow(Schema):
    currency: str
    usd_per_unit: str
    rate_date: str
    rows: int


class ReportFundingOut(Schema):
    by_source: list[SourceRow]
    by_country: list[CountryFundingRow]
    totals: Amounts
    rates: list[RateRow]


class ReportEntryOut(Schema):
    direction: str
    activity: str | None
    name: str
    status: str
    status_label: str
    rating: int | None
    achievements: str
    challenges: str
    next_steps: str


class ReportAssessmentOut(Schema):
    country: str
    name: str
    language: str
    submitted_on: str | None
    summary: str
    mean_rating: float | None
    entries: list[ReportEntryOut]


class MissingOut(Schema):
    country: str
    name: str


class SelfAssessmentsOut(Schema):
    items: list[ReportAssessmentOut]
    missing: list[MissingOut]


class RatingsOut(Schema):
    kind: Literal["activity", "event", "project", "all"]
    count: int
    mean: float | None
    distribution: dict[str, int]


class PublicAssessmentOut(Schema):
    items: list[RatingsOut]
    total: RatingsOut


class KnowledgeRow(Schema):
    theme: str
    name: str
    resources: int


class ReportOut(Schema):
    language: str
    year: int
    strategy: StrategyOut
    countries: list[CountryOut]
    directions: list[DirectionRow]
    activities: list[ActivityRow]
    gaps: list[GapRow]
    participants: ProgressParticipantsOut
    projects: list[ProjectRow]
    projects_by_status: ProjectsByStatus
    funding: ReportFundingOut
    self_assessments: SelfAssessmentsOut
    public_assessment: PublicAssessmentOut
    knowledge: list[KnowledgeRow]


@router.get("", response={200: ReportList, **ERROR_RESPONSES}, summary="Evaluation reports")
def list_reports(request, lang: Lang = None):
    """The years there is an evaluation report for (the strategy's period up to this
    year), with the addresses of the page, the PDF and the JSON in the language asked."""
    code = requested_language(request, lang)
    with translation.override(code):
        items = [
            {
                "year": year,
                "html": reverse("cooperation:report", kwargs={"year": year}),
                "pdf": reverse("cooperation:report-pdf", kwargs={"year": year}),
                "json_url": f"/api/v1/cooperation/report/{year}?lang={code}",
            }
            for year in available_years()
        ]
    return {"language": code, "count": len(items), "items": items}


@router.get(
    "/{year}", response={200: ReportOut, **ERROR_RESPONSES}, summary="Evaluation report of a year"
)
def get_report(request, year: int, lang: Lang = None):
    """The evaluation report of ``year``: indicators per direction, activities against the
    framework's timing and the year's gaps, participants, projects and funding [USD],
    submitted self-assessments and approved public feedback as aggregates. A year outside
    the strategy's period (or still to come) answers 404 naming the years available."""
    code = requested_language(request, lang)
    try:
        return report_data(year, code)
    except ReportError as error:
        raise HttpError(404, str(error)) from None
