"""The evaluation report's data (strategy 5.4): one JSON-ready dict per year and language.

The report gathers what the platform already knows and types nothing twice: the computed
indicators (:mod:`lmec.cooperation.indicators`: progress per direction, activities against
the framework's timing, participants, knowledge products), the projects and their funding
(from the records, in USD at the stored rate of each row), each country's *submitted*
self-assessment and the *approved* public feedback as aggregates. Drafts, pending or
rejected feedback and personal data never enter it.

:func:`report_data` is the one entry point: the page, the PDF, ``lmec report`` and
``/api/v1/cooperation/report/{year}`` all render its answer.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.utils import translation

from lmec.core.i18n import LANGUAGE_CODES, normalise_language
from lmec.core.models import Country

from ..models import (
    AssessmentStatus,
    Feedback,
    FeedbackStatus,
    Funding,
    FundingKind,
    FundingSourceType,
    Project,
    SelfAssessment,
    Strategy,
)
from ..selectors import current_strategy

#: The kinds of target public feedback is given on, in the report's order.
FEEDBACK_TARGETS = ("activity", "event", "project")
FUNDING_KINDS = (FundingKind.BUDGET, FundingKind.COMMITMENT, FundingKind.DISBURSEMENT)
ZERO = Decimal("0.00")


class ReportError(ValueError):
    """A year or language the report cannot be made for; the message names the choices."""


def available_years(*, today: date | None = None) -> list[int]:
    """The years a report can be made for: the strategy's period up to the current year
    (the current year's report is a progress report)."""
    strategy = current_strategy()
    if strategy is None:
        return []
    last = min(strategy.end_year, (today or date.today()).year)
    return list(range(strategy.start_year, last + 1))


def check_request(year: object, lang: object, *, today: date | None = None) -> tuple[int, str]:
    """``(year, language code)`` or :class:`ReportError` saying what is wrong."""
    code = normalise_language(str(lang)) if lang else None
    if code is None:
        raise ReportError(f"Unknown language {lang!r}; choose one of: {', '.join(LANGUAGE_CODES)}.")
    years = available_years(today=today)
    try:
        number = int(str(year))
    except ValueError:
        number = None
    if number not in years:
        if not years:
            raise ReportError("No strategy is loaded: run `lmec load_strategy` first.")
        raise ReportError(
            f"No report for the year {year!r}; choose a year from {years[0]} to {years[-1]}."
        )
    return number, code


def report_data(year: int, lang: str = "en", *, today: date | None = None) -> dict:
    """The evaluation report of ``year`` with its texts in ``lang`` (a dict of plain
    values, ready for JSON). Amounts are in USD [USD], rounded to cents; ratings 1–5.
    ``today`` pins "now" for the indicators (what has happened yet); default: today."""
    year, code = check_request(year, lang, today=today)
    strategy = current_strategy()
    with translation.override(code):
        from .. import indicators

        return {
            "language": code,
            "year": year,
            "strategy": {
                "title": strategy.title,
                "start_year": strategy.start_year,
                "end_year": strategy.end_year,
            },
            "countries": [{"code": c.code, "name": c.name} for c in Country.objects.all()],
            "directions": indicators.direction_summary(year=year, today=today),
            "activities": indicators.activity_progress(
                year_from=strategy.start_year, year_to=year, today=today
            ),
            "gaps": indicators.gaps(year=year, today=today),
            "participants": indicators.participants(year=year, today=today),
            "projects": project_rows(year=year),
            "projects_by_status": indicators.projects_by_status(year=year, today=today),
            "funding": funding_summary(year=year, strategy=strategy),
            "self_assessments": self_assessments(year=year),
            "public_assessment": public_assessment(year=year),
            "knowledge": indicators.knowledge_by_theme(year=year),
        }


def _usd(value: Decimal | None) -> float:
    """Cents as a JSON number (sums of ``amount_usd`` are exact decimals)."""
    return float((value or ZERO).quantize(Decimal("0.01")))


def _project_period(project: Project) -> tuple[date | None, date | None]:
    return (
        project.actual_start or project.planned_start,
        project.actual_end or project.planned_end,
    )


def _runs_in(project: Project, year: int) -> bool:
    """Whether the project's period (actual dates, else planned) overlaps ``year``; a
    project without dates counts in every year."""
    start, end = _project_period(project)
    return (start is None or start.year <= year) and (end is None or end.year >= year)


def project_rows(*, year: int) -> list[dict]:
    """Published projects running in ``year`` with status and their funding up to the
    end of that year [USD], by kind (budget, commitment, disbursement)."""
    projects = (
        Project.objects.filter(published=True)
        .select_related("country")
        .prefetch_related("countries")
        .order_by("code")
    )
    rows = []
    for project in projects:
        if not _runs_in(project, year):
            continue
        sums = defaultdict(Decimal)
        for kind, amount in Funding.objects.filter(
            project=project, date__year__lte=year
        ).values_list("kind", "amount_usd"):
            sums[kind] += amount
        start, end = _project_period(project)
        rows.append(
            {
                "code": project.code,
                "title": project.title,
                "kind": project.kind,
                "kind_label": str(project.get_kind_display()),
                "status": project.status,
                "status_label": str(project.get_status_display()),
                "country": project.country_id,
                "country_name": project.country.name if project.country else "",
                "countries": sorted(c.code for c in project.countries.all()),
                "start": start.isoformat() if start else None,
                "end": end.isoformat() if end else None,
                **{f"{kind}_usd": _usd(sums[kind]) for kind in FUNDING_KINDS},
            }
        )
    return rows


def funding_summary(*, year: int, strategy: Strategy) -> dict:
    """Funding dated in ``year`` of published projects [USD]: per source type (all six,
    zeros included), per lead country (``None``: regional projects led by the centre),
    totals, and the exchange rates the amounts were converted at (with their dates)."""
    rows = list(
        Funding.objects.filter(project__published=True, date__year=year)
        .select_related("source_type", "project__country")
        .order_by("date", "id")
    )
    by_source = defaultdict(lambda: defaultdict(Decimal))
    by_country = defaultdict(lambda: defaultdict(Decimal))
    totals = defaultdict(Decimal)
    rates = defaultdict(int)
    for row in rows:
        by_source[row.source_type.code][row.kind] += row.amount_usd
        by_country[row.project.country_id][row.kind] += row.amount_usd
        totals[row.kind] += row.amount_usd
        if row.currency != "USD":
            rates[(row.currency, row.usd_rate.normalize(), row.rate_date)] += 1

    def amounts(sums) -> dict:
        return {f"{kind}_usd": _usd(sums[kind]) for kind in FUNDING_KINDS}

    countries = {c.code: c.name for c in Country.objects.all()}
    country_order = list(countries) + [None]
    return {
        "by_source": [
            {"code": source.code, "name": source.name, **amounts(by_source[source.code])}
            for source in FundingSourceType.objects.filter(strategy=strategy).order_by("number")
        ],
        "by_country": [
            {"country": code, "name": countries.get(code, ""), **amounts(by_country[code])}
            for code in country_order
            if code in by_country
        ],
        "totals": amounts(totals),
        "rates": [
            {
                "currency": currency,
                "usd_per_unit": format(rate, "f"),
                "rate_date": rate_date.isoformat(),
                "rows": count,
            }
            for (currency, rate, rate_date), count in sorted(rates.items())
        ],
    }


def self_assessments(*, year: int) -> dict:
    """Each country's submitted self-assessment of ``year`` with its answers (direction
    answers first, then activities in the table's order); ``missing`` names the
    countries that have not submitted one (a draft is not shown)."""
    submitted = {
        assessment.country_id: assessment
        for assessment in SelfAssessment.objects.filter(
            year=year, status=AssessmentStatus.SUBMITTED
        ).prefetch_related("entries__direction", "entries__activity__action__direction")
    }
    items, missing = [], []
    for country in Country.objects.all():
        assessment = submitted.get(country.code)
        if assessment is None:
            missing.append({"country": country.code, "name": country.name})
            continue
        entries = sorted(assessment.entries.all(), key=_entry_order)
        ratings = [entry.rating for entry in entries if entry.rating]
        items.append(
            {
                "country": country.code,
                "name": country.name,
                "language": assessment.language,
                "submitted_on": assessment.submitted_at.date().isoformat()
                if assessment.submitted_at
                else None,
                "summary": assessment.summary,
                "mean_rating": round(sum(ratings) / len(ratings), 2) if ratings else None,
                "entries": [_entry(entry) for entry in entries],
            }
        )
    return {"items": items, "missing": missing}


def _entry_order(entry) -> tuple:
    if entry.activity_id:
        action = entry.activity.action
        return (action.direction.number, 1, action.number, entry.activity.position)
    return (entry.direction.number, 0, 0, 0)


def _entry(entry) -> dict:
    target = entry.activity or entry.direction
    return {
        "direction": (
            entry.activity.action.direction.code if entry.activity_id else entry.direction.code
        ),
        "activity": entry.activity.code if entry.activity_id else None,
        "name": target.name,
        "status": entry.status,
        "status_label": str(entry.get_status_display()),
        "rating": entry.rating,
        "achievements": entry.achievements,
        "challenges": entry.challenges,
        "next_steps": entry.next_steps,
    }


def public_assessment(*, year: int) -> dict:
    """Approved public feedback received in ``year``, as aggregates per kind of target
    (activity, event, project): count, mean rating (1–5, two decimals; ``None`` without
    feedback) and the distribution of ratings. Comments and senders stay out."""
    counts = {kind: dict.fromkeys(range(1, 6), 0) for kind in FEEDBACK_TARGETS}
    rows = Feedback.objects.filter(status=FeedbackStatus.APPROVED, created_at__year=year)
    for activity_id, event_id, rating in rows.values_list("activity_id", "event_id", "rating"):
        kind = "activity" if activity_id else "event" if event_id else "project"
        counts[kind][rating] += 1
    items = [_ratings(kind, counts[kind]) for kind in FEEDBACK_TARGETS]
    overall = {
        rating: sum(counts[kind][rating] for kind in FEEDBACK_TARGETS) for rating in range(1, 6)
    }
    return {"items": items, "total": _ratings("all", overall)}


def _ratings(kind: str, distribution: dict[int, int]) -> dict:
    count = sum(distribution.values())
    total = sum(rating * n for rating, n in distribution.items())
    return {
        "kind": kind,
        "count": count,
        "mean": round(total / count, 2) if count else None,
        "distribution": {str(rating): n for rating, n in distribution.items()},
    }


__all__ = ["ReportError", "available_years", "check_request", "report_data"]
