"""``/api/v1/cooperation/progress…`` and ``/api/v1/cooperation/indicators…``: the progress
of the framework computed from the records (:mod:`lmec.cooperation.indicators`) and the
custom indicators with their yearly values.

Reads are public. Writes use the browser session (sign-in cookie plus the CSRF token in
``X-CSRFToken``) and the services' permission rules: 401 without a session, 403 without the
right (editors define indicators; a focal point enters their own country's values), 404 for
an unknown indicator, 422 for data that does not validate (``errors`` names each bad field).
"""

from __future__ import annotations

from typing import Annotated, Literal

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

from .. import indicators as computed
from ..models import Indicator
from ..selectors import indicators as selectors
from ..services import indicators as services

router = Router(tags=["cooperation: indicators"])
progress_router = Router(tags=["cooperation: progress"])

CountryCode = Literal["CN", "KH", "LA", "MM", "TH", "VN"]
DirectionCode = Literal["D1", "D2", "D3", "D4", "D5"]


def _year(default: int, description: str):
    # a Query object of its own per parameter: django-ninja keeps the default on it
    return Annotated[int, Query(default, ge=2000, le=2100, description=description)]


YearFrom = _year(2023, "First year of the window")
YearTo = _year(2027, "Last year of the window")
CODE_PATTERN = r"^[a-z0-9][a-z0-9-]{0,59}$"
Code = Annotated[str, Path(..., pattern=CODE_PATTERN, description="The indicator's code")]
Texts = str | dict[str, str]


WRITE_ERRORS = write_errors()
WRITE_DOCS = write_docs(
    not_found="No such indicator", invalid="The data do not validate (each bad field named)"
)


# --- progress ------------------------------------------------------------------------------


class ProgressYearOut(Schema):
    events: int
    projects: int
    expected: bool
    gap: bool
    state: Literal["held", "gap", "not_yet", "not_expected"]


class ActivityProgressOut(Schema):
    code: str
    label: str
    name: str
    direction: str
    action: str
    timing: Literal["annual", "period"]
    start_year: int
    end_year: int
    years: dict[str, ProgressYearOut]
    events: int
    projects: int
    gap_years: list[int]


class ActivityProgressList(Schema):
    language: str
    count: int
    items: list[ActivityProgressOut]


class ProgressGapOut(Schema):
    code: str
    name: str
    direction: str
    action: str
    timing: Literal["annual", "period"]
    year: int


class ProgressGapList(Schema):
    language: str
    count: int
    items: list[ProgressGapOut]


class ProgressDirectionOut(Schema):
    code: str
    name: str
    activities: int
    events: int
    projects: int
    participants: int
    gaps: int


class ProgressParticipantsOut(Schema):
    total: int
    events: int
    by_country: dict[str, int]
    by_gender: dict[str, int]
    by_age_group: dict[str, int]
    by_stakeholder: dict[str, int]


class ProgressProjectsOut(Schema):
    total: int
    by_status: dict[str, int]
    by_kind: dict[str, int]


class ProgressFundingOut(Schema):
    source_type: str
    source_name: str
    country: str | None
    projects: int
    budget_usd: float
    commitment_usd: float
    disbursement_usd: float


class ProgressKnowledgeOut(Schema):
    theme: str
    name: str
    resources: int


class ProgressOut(Schema):
    language: str
    year_from: int
    year_to: int
    country: str | None
    directions: list[ProgressDirectionOut]
    participants: ProgressParticipantsOut
    projects: ProgressProjectsOut
    funding: list[ProgressFundingOut] = Field(
        ..., description="USD sums by source type and country"
    )
    knowledge: list[ProgressKnowledgeOut]


def _window(year_from: int, year_to: int) -> tuple[int, int]:
    """The window's years in order: a request may name them either way round (both are
    valid years, so the schema allows it and the answer is the same window)."""
    return (year_from, year_to) if year_from <= year_to else (year_to, year_from)


@progress_router.get(
    "",
    response={200: ProgressOut, **READ_ERRORS},
    summary="Progress of the framework: per direction, participants, projects, funding",
)
def progress(
    request,
    year_from: YearFrom = 2023,
    year_to: YearTo = 2027,
    country: CountryCode | None = None,
    lang: Lang = None,
):
    """Per direction (activities, events, projects, participants, gaps) over the years
    ``year_from``…``year_to``; participants, projects by status, funding [USD] and knowledge
    products of the same years (a one-year window gives that year's figures)."""
    year_from, year_to = _window(year_from, year_to)
    window = {"year_from": year_from, "year_to": year_to, "country": country}
    with language_of(request, lang) as code:
        return {
            "language": code,
            **window,
            "directions": computed.direction_summary(**window),
            "participants": computed.participants(**window),
            "projects": computed.projects_by_status(**window),
            "funding": computed.funding_by_source(**window),
            "knowledge": computed.knowledge_by_theme(year_from=year_from, year_to=year_to),
        }


@progress_router.get(
    "/activities",
    response={200: ActivityProgressList, **READ_ERRORS},
    summary="Each activity's events and projects per year against the strategy's timing",
)
def progress_activities(
    request,
    year_from: YearFrom = 2023,
    year_to: YearTo = 2027,
    country: CountryCode | None = None,
    direction: DirectionCode | None = None,
    lang: Lang = None,
):
    """One row per activity; per year: events, active projects, whether one was expected,
    whether it is a gap, and the grid state (held, gap, not_yet, not_expected)."""
    year_from, year_to = _window(year_from, year_to)
    with language_of(request, lang) as code:
        rows = computed.activity_progress(
            year_from=year_from, year_to=year_to, country=country, direction=direction
        )
        return {"language": code, "count": len(rows), "items": rows}


@progress_router.get(
    "/gaps",
    response={200: ProgressGapList, **READ_ERRORS},
    summary="The activities with a gap in a year",
)
def progress_gaps(
    request,
    year: Annotated[int, Query(ge=2000, le=2100, description="The year, e.g. 2025")],
    country: CountryCode | None = None,
    lang: Lang = None,
):
    with language_of(request, lang) as code:
        rows = computed.gaps(year=year, country=country)
        return {"language": code, "count": len(rows), "items": rows}


TableName = Literal[tuple(selectors.TABLES)]  # type: ignore[valid-type]
TableFormat = Literal["csv", "xlsx"]


@progress_router.get(
    "/export/{table}.{format}",
    response=READ_ERRORS,
    summary="Download one of the progress tables as CSV or XLSX",
    openapi_extra={
        "responses": {
            200: {
                "description": "The file.",
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
def progress_export(
    request,
    table: Annotated[TableName, Path(description="Which table")],
    format: Annotated[TableFormat, Path(description="File format")],
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    country: CountryCode | None = None,
    lang: Lang = None,
):
    with language_of(request, lang):
        data = selectors.progress_table(table, year=year, country=country)
        return exports.download(data, format)


# --- custom indicators ---------------------------------------------------------------------


class IndicatorValueOut(Schema):
    year: int
    country: str | None = Field(..., description="null: the regional value")
    value: float
    note: str


class IndicatorOut(Schema):
    code: str
    name: str
    description: str
    unit: str
    direction: str | None
    activity: str | None
    baseline: float | None
    baseline_year: int | None
    target: float | None
    target_year: int | None
    higher_is_better: bool
    values: list[IndicatorValueOut]


class IndicatorList(Schema):
    language: str
    count: int
    items: list[IndicatorOut]


class IndicatorSeriesOut(Schema):
    country: str | None
    values: dict[str, float]
    latest_year: int | None
    latest: float | None
    progress: float | None = Field(
        ..., description="Share of the way from baseline to target made (1 = target met)"
    )


class IndicatorDetailOut(IndicatorOut):
    language: str
    series: list[IndicatorSeriesOut] = Field(..., description="The region first, then each country")


class IndicatorIn(Schema):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(..., pattern=CODE_PATTERN, description="Stable public key")
    name: Texts = Field(..., description="Text in the request's language, or {language: text}")
    description: Texts | None = None
    unit: Texts | None = None
    direction: DirectionCode | None = None
    activity: str | None = Field(None, max_length=20, description="e.g. D4-A3-1")
    baseline: float | None = None
    baseline_year: int | None = None
    target: float | None = None
    target_year: int | None = None
    higher_is_better: bool = True


class IndicatorPatch(Schema):
    model_config = ConfigDict(extra="forbid")

    name: Texts | None = None
    description: Texts | None = None
    unit: Texts | None = None
    direction: DirectionCode | None = None
    activity: str | None = Field(None, max_length=20)
    baseline: float | None = None
    baseline_year: int | None = None
    target: float | None = None
    target_year: int | None = None
    higher_is_better: bool | None = None


class IndicatorValueIn(Schema):
    model_config = ConfigDict(extra="forbid")

    value: float
    country: CountryCode | None = Field(None, description="null or absent: the regional value")
    note: str = Field("", max_length=300)


def _indicator_out(indicator: Indicator) -> dict:
    return {
        "code": indicator.code,
        "name": indicator.name,
        "description": indicator.description or "",
        "unit": indicator.unit or "",
        "direction": indicator.direction.code if indicator.direction_id else None,
        "activity": indicator.activity.code if indicator.activity_id else None,
        "baseline": indicator.baseline,
        "baseline_year": indicator.baseline_year,
        "target": indicator.target,
        "target_year": indicator.target_year,
        "higher_is_better": indicator.higher_is_better,
        "values": [
            {"year": v.year, "country": v.country_id, "value": v.value, "note": v.note}
            for v in indicator.values.all()
        ],
    }


def _detail(indicator: Indicator, code: str) -> dict:
    indicator = selectors.indicator_by_code(indicator.code)
    series = [
        computed.custom_indicator_series(indicator, country=country)
        for country in [None, *selectors.indicator_countries(indicator)]
    ]
    return {**_indicator_out(indicator), "language": code, "series": series}


def _not_found(code: str):
    return Status(404, {"detail": f"No indicator {code!r}; see /api/v1/cooperation/indicators."})


@router.get("", response={200: IndicatorList, **READ_ERRORS}, summary="Custom indicators")
def indicator_list(
    request,
    direction: DirectionCode | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    lang: Lang = None,
):
    """Custom indicators with baseline, target and every value (regional and national)."""
    with language_of(request, lang) as code:
        indicators = selectors.indicator_list(direction=direction)
        count = indicators.count()
        items = [_indicator_out(i) for i in indicators[offset : offset + limit]]
        return {"language": code, "count": count, "items": items}


@router.get(
    "/{code}",
    response={200: IndicatorDetailOut, **READ_ERRORS},
    summary="A custom indicator with its series (regional and per country)",
)
def indicator_detail(request, code: Code, lang: Lang = None):
    with language_of(request, lang) as language:
        indicator = selectors.indicator_by_code(code)
        if indicator is None:
            return _not_found(code)
        return _detail(indicator, language)


@router.post(
    "",
    auth=django_auth,
    response={201: IndicatorDetailOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Define a custom indicator (editors)",
)
def indicator_create(request, body: IndicatorIn, lang: Lang = None):
    with language_of(request, lang) as language:
        data = body.model_dump(exclude_unset=True)
        answer = refusals(lambda: services.create_indicator(user=request.auth, data=data))
        if isinstance(answer, Indicator):
            return Status(201, _detail(answer, language))
        return answer


@router.patch(
    "/{code}",
    auth=django_auth,
    response={200: IndicatorDetailOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Change a custom indicator (editors)",
)
def indicator_update(request, code: Code, body: IndicatorPatch, lang: Lang = None):
    with language_of(request, lang) as language:
        indicator = selectors.indicator_by_code(code)
        if indicator is None:
            return _not_found(code)
        data = body.model_dump(exclude_unset=True)
        answer = refusals(
            lambda: services.update_indicator(user=request.auth, indicator=indicator, data=data)
        )
        if isinstance(answer, Indicator):
            return _detail(answer, language)
        return answer


@router.put(
    "/{code}/values/{year}",
    auth=django_auth,
    response={200: IndicatorValueOut, 201: IndicatorValueOut, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Enter or change a yearly value (editors; a focal point for their country)",
)
def value_put(
    request,
    code: Code,
    year: Annotated[int, Path(ge=2000, le=2100)],
    body: IndicatorValueIn,
):
    indicator = selectors.indicator_by_code(code)
    if indicator is None:
        return _not_found(code)
    answer = refusals(
        lambda: services.set_indicator_value(
            user=request.auth,
            indicator=indicator,
            year=year,
            value=body.value,
            country=body.country,
            note=body.note,
        )
    )
    if isinstance(answer, tuple):
        row, created = answer
        out = {"year": row.year, "country": row.country_id, "value": row.value, "note": row.note}
        return Status(201 if created else 200, out)
    return answer


@router.delete(
    "/{code}/values/{year}",
    auth=django_auth,
    response={204: None, **WRITE_ERRORS},
    openapi_extra=WRITE_DOCS,
    summary="Remove a yearly value entered by mistake",
)
def value_delete(
    request,
    code: Code,
    year: Annotated[int, Path(ge=2000, le=2100)],
    country: CountryCode | None = None,
):
    indicator = selectors.indicator_by_code(code)
    if indicator is None:
        return _not_found(code)
    answer = refusals(
        lambda: services.delete_indicator_value(
            user=request.auth, indicator=indicator, year=year, country=country
        )
    )
    if answer is True:
        return Status(204, None)
    if answer is False:
        return Status(404, {"detail": f"No value of {code!r} for {year} there."})
    return answer
