"""Reads of projects and funding: what a person may see, filtered lists, one project's
detail in a language, funding totals in USD, the points of the map, export tables.

Totals are sums of the stored ``amount_usd`` (each row converted once, at the rate it keeps),
never re-conversions.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

import polars as pl
from django.db.models import Q, QuerySet, Sum

from lmec.core import exports
from lmec.core.i18n import LANGUAGE_CODES, normalise_language
from lmec.core.services import field_suffix

from ..models import (
    Funding,
    FundingKind,
    Project,
    ProjectStatus,
)

LIST_FILTERS = ("status", "kind", "country", "activity", "direction", "source_type", "year")


def visible_projects(user) -> QuerySet[Project]:
    """Published projects; plus, for the secretariat, all, and for a focal point, their
    country's (drafts included)."""
    from lmec.core.permissions import is_focal_point, is_secretariat

    projects = Project.objects.all()
    if user is not None and is_secretariat(user):
        return projects
    if user is not None and is_focal_point(user) and user.country_id:
        return projects.filter(Q(published=True) | Q(country_id=user.country_id))
    return projects.filter(published=True)


def project_for(user, code: str) -> Project:
    """The project ``code`` if ``user`` may see it; else ``Project.DoesNotExist``."""
    return visible_projects(user).get(code=code)


def text(obj, field: str, lang: str | None, original: str | None = None) -> str:
    """``field`` of ``obj`` in ``lang`` if filled, else in the original language, else in
    English, else the first language that has it."""
    code = normalise_language(lang) if lang else None
    original = original or getattr(obj, "language", None)
    for candidate in [c for c in (code, original, "en") if c] + list(LANGUAGE_CODES):
        value = getattr(obj, f"{field}_{field_suffix(candidate)}", None)
        if value:
            return value
    return ""


def languages_of(obj, field: str) -> list[str]:
    """The languages ``field`` of ``obj`` is written in."""
    return [c for c in LANGUAGE_CODES if getattr(obj, f"{field}_{field_suffix(c)}", None)]


def filter_projects(projects: QuerySet[Project], **filters) -> QuerySet[Project]:
    """Narrow ``projects`` by ``status``, ``kind``, ``country`` (lead or working in),
    ``activity`` (code), ``direction`` (code), ``source_type`` (F1…F6, has funding of
    it) and ``year`` (runs in that year: planned or actual dates overlap it)."""
    if filters.get("status"):
        projects = projects.filter(status=filters["status"])
    if filters.get("kind"):
        projects = projects.filter(kind=filters["kind"])
    if filters.get("country"):
        code = filters["country"]
        projects = projects.filter(Q(country_id=code) | Q(countries__code=code))
    if filters.get("activity"):
        projects = projects.filter(activities__code=filters["activity"])
    if filters.get("direction"):
        projects = projects.filter(activities__action__direction__code=filters["direction"])
    if filters.get("source_type"):
        projects = projects.filter(funding__source_type__code=filters["source_type"])
    if filters.get("year"):
        year = int(filters["year"])
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        starts = Q(actual_start__lte=last) | Q(actual_start__isnull=True, planned_start__lte=last)
        ends = (
            Q(actual_end__gte=first)
            | Q(actual_end__isnull=True, planned_end__gte=first)
            | Q(actual_end__isnull=True, planned_end__isnull=True)
        )
        projects = projects.filter(starts & ends)
    return projects.distinct()


def project_list(user, **filters) -> QuerySet[Project]:
    return (
        filter_projects(visible_projects(user), **filters)
        .select_related("country", "lead_organisation")
        .prefetch_related("countries", "activities")
        .order_by("-planned_start", "code")
    )


def with_detail(projects: QuerySet[Project]) -> QuerySet[Project]:
    return projects.select_related("country", "lead_organisation").prefetch_related(
        "countries",
        "activities__action__direction",
        "partners__organisation",
        "sites__country",
        "sites__station",
        "milestones",
        "documents",
        "funding__source_type",
        "funding__funder",
    )


def _money(value) -> str:
    return f"{Decimal(value or 0):.2f}"


def funding_rows(project: Project, lang: str | None) -> list[dict]:
    return [
        {
            "id": f.pk,
            "source_type": f.source_type.code,
            "source_name": text(f.source_type, "name", lang, "en"),
            "funder": f.funder.slug if f.funder_id else None,
            "funder_name": f.funder.name if f.funder_id else "",
            "kind": f.kind,
            "date": f.date.isoformat(),
            "amount": _money(f.amount),
            "currency": f.currency,
            "usd_rate": f"{f.usd_rate.normalize():f}",
            "rate_date": f.rate_date.isoformat(),
            "amount_usd": _money(f.amount_usd),
            "note": f.note,
        }
        for f in project.funding.all()
    ]


def funding_by_source(project: Project) -> list[dict]:
    """USD totals of one project per source type and kind (budget, commitment, disbursement)."""
    totals: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for f in project.funding.all():
        totals[f.source_type.code][f.kind] += f.amount_usd
    return [
        {
            "source_type": code,
            **{kind: _money(totals[code][kind]) for kind in FundingKind.values},
        }
        for code in sorted(totals)
    ]


def project_summary(project: Project, lang: str | None) -> dict:
    """A project as JSON-ready data in ``lang`` (prefetch with :func:`with_detail`)."""
    return {
        "code": project.code,
        "kind": project.kind,
        "status": project.status,
        "published": project.published,
        "title": text(project, "title", lang),
        "summary": text(project, "summary", lang),
        "outputs": text(project, "outputs", lang),
        "original_language": project.language,
        "country": project.country_id,
        "countries": [c.code for c in project.countries.all()],
        "lead_organisation": project.lead_organisation.slug
        if project.lead_organisation_id
        else None,
        "activities": [a.code for a in project.activities.all()],
        "planned_start": project.planned_start.isoformat() if project.planned_start else None,
        "planned_end": project.planned_end.isoformat() if project.planned_end else None,
        "actual_start": project.actual_start.isoformat() if project.actual_start else None,
        "actual_end": project.actual_end.isoformat() if project.actual_end else None,
        "partners": [
            {"organisation": p.organisation.slug, "name": p.organisation.name, "role": p.role}
            for p in project.partners.all()
        ],
        "sites": [
            {
                "name": text(s, "name", lang, project.language),
                "country": s.country_id,
                "latitude": s.latitude,
                "longitude": s.longitude,
                "station": s.station.code if s.station_id else None,
            }
            for s in project.sites.all()
        ],
        "milestones": [
            {
                "title": text(m, "title", lang, project.language),
                "due": m.due.isoformat(),
                "done_on": m.done_on.isoformat() if m.done_on else None,
                "status": m.status,
            }
            for m in project.milestones.all()
        ],
        "documents": [d.identifier for d in project.documents.all()],
        "funding": funding_rows(project, lang),
        "funding_totals": funding_by_source(project),
    }


def funding_totals(
    user=None, *, year: int | None = None, country: str | None = None, kind: str | None = None
) -> list[dict]:
    """USD sums of visible projects' funding per source type and lead country
    (``country`` None for regional projects), optionally for one year (funding dated in it),
    one lead country, one kind: ``[{source_type, country, kind, amount_usd, rows}]``."""
    rows = Funding.objects.filter(project__in=visible_projects(user))
    if year:
        rows = rows.filter(date__year=year)
    if country:
        rows = rows.filter(project__country_id=country)
    if kind:
        rows = rows.filter(kind=kind)
    grouped = (
        rows.values("source_type__code", "project__country_id", "kind")
        .annotate(total=Sum("amount_usd"))
        .order_by("source_type__code", "project__country_id", "kind")
    )
    from django.db.models import Count

    counts = {
        (g["source_type__code"], g["project__country_id"], g["kind"]): g["n"]
        for g in rows.values("source_type__code", "project__country_id", "kind").annotate(
            n=Count("id")
        )
    }
    return [
        {
            "source_type": g["source_type__code"],
            "country": g["project__country_id"],
            "kind": g["kind"],
            "amount_usd": _money(g["total"]),
            "rows": counts[(g["source_type__code"], g["project__country_id"], g["kind"])],
        }
        for g in grouped
    ]


def map_points(projects, lang: str | None) -> list[dict]:
    """One point per site of ``projects``: ``{project, title, site, country, lat, lon, url}``."""
    from django.urls import reverse

    points = []
    for project in projects:
        for site in project.sites.all():
            points.append(
                {
                    "project": project.code,
                    "title": text(project, "title", lang),
                    "site": text(site, "name", lang, project.language),
                    "country": site.country_id,
                    "lat": site.latitude,
                    "lon": site.longitude,
                    "url": reverse("cooperation:project", args=[project.code]),
                }
            )
    return points


def export_table(projects, lang: str | None) -> exports.Table:
    """The list as a download table (no personal data: codes, texts, dates, USD totals)."""
    records = []
    for p in projects:
        totals: dict[str, Decimal] = defaultdict(Decimal)
        for f in p.funding.all():
            totals[f.kind] += f.amount_usd
        records.append(
            {
                "code": p.code,
                "title": text(p, "title", lang),
                "kind": p.kind,
                "status": p.status,
                "lead_country": p.country_id or "",
                "countries": " ".join(c.code for c in p.countries.all()),
                "activities": " ".join(a.code for a in p.activities.all()),
                "planned_start": p.planned_start,
                "planned_end": p.planned_end,
                "budget_usd": float(totals[FundingKind.BUDGET]),
                "committed_usd": float(totals[FundingKind.COMMITMENT]),
                "disbursed_usd": float(totals[FundingKind.DISBURSEMENT]),
            }
        )
    schema = {
        "code": pl.String,
        "title": pl.String,
        "kind": pl.String,
        "status": pl.String,
        "lead_country": pl.String,
        "countries": pl.String,
        "activities": pl.String,
        "planned_start": pl.Date,
        "planned_end": pl.Date,
        "budget_usd": pl.Float64,
        "committed_usd": pl.Float64,
        "disbursed_usd": pl.Float64,
    }
    return exports.Table("projects", "projects", pl.DataFrame(records, schema=schema, orient="row"))


ACTIVE_STATUSES = (ProjectStatus.ONGOING, ProjectStatus.FINALISATION)
