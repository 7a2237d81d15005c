"""Reads of the evaluation (strategy 5.4): the self-assessments a person may see, one
assessment's answers by direction, the public feedback summary of a target (approved
feedback only) and the moderation queue."""

from __future__ import annotations

from collections import defaultdict

import polars as pl
from django.db.models import Avg, Count, Q, QuerySet

from lmec.core.exports import Table
from lmec.core.models import Country
from lmec.core.permissions import is_focal_point, is_secretariat

from ..models import (
    AssessmentStatus,
    Direction,
    Feedback,
    FeedbackStatus,
    SelfAssessment,
    SelfAssessmentEntry,
)
from ..services.evaluation import FEEDBACK_KINDS, assessment_years, feedback_target
from .framework import current_strategy


def visible_assessments(user) -> QuerySet[SelfAssessment]:
    """Editors and administrators: all; a focal point: their country's in any state and the
    others' once submitted; everyone else: the submitted ones."""
    assessments = SelfAssessment.objects.select_related("country")
    if is_secretariat(user):
        return assessments
    submitted = Q(status=AssessmentStatus.SUBMITTED)
    if is_focal_point(user) and user.country_id:
        return assessments.filter(submitted | Q(country_id=user.country_id))
    return assessments.filter(submitted)


def assessment_for(user, country: str, year: int) -> SelfAssessment:
    """One visible assessment; ``SelfAssessment.DoesNotExist`` if none (or not visible)."""
    return visible_assessments(user).get(country_id=str(country).upper(), year=year)


def assessment_table(user) -> dict:
    """The years × countries table of the index page: each cell the visible assessment (or
    None) and whether the user may start one there."""
    years = list(assessment_years())
    countries = list(Country.objects.order_by("code"))
    seen = {(a.country_id, a.year): a for a in visible_assessments(user).filter(year__in=years)}
    existing = set(SelfAssessment.objects.filter(year__in=years).values_list("country_id", "year"))
    rows = []
    for year in years:
        cells = []
        for country in countries:
            assessment = seen.get((country.code, year))
            cells.append(
                {
                    "country": country,
                    "year": year,
                    "assessment": assessment,
                    "may_start": assessment is None
                    and (country.code, year) not in existing
                    and user.has_perm("cooperation.start_selfassessment", country),
                }
            )
        rows.append({"year": year, "cells": cells})
    return {"years": years, "countries": countries, "rows": rows}


def assessment_sections(assessment: SelfAssessment) -> list[dict]:
    """The answers grouped as the form shows them: per direction its own answer, then its
    activities' answers in the action table's order."""
    entries = list(
        assessment.entries.select_related("direction", "activity__action__direction").order_by(
            "activity__action__direction__number", "activity__action__number", "activity__position"
        )
    )
    by_direction: dict[int, list[SelfAssessmentEntry]] = defaultdict(list)
    own: dict[int, SelfAssessmentEntry] = {}
    for entry in entries:
        if entry.direction_id:
            own[entry.direction_id] = entry
        else:
            by_direction[entry.activity.action.direction_id].append(entry)
    directions = Direction.objects.filter(strategy=current_strategy()).order_by("number")
    return [
        {"direction": d, "entry": own.get(d.pk), "activities": by_direction.get(d.pk, [])}
        for d in directions
        if d.pk in own or d.pk in by_direction
    ]


def assessment_mean_rating(assessment: SelfAssessment) -> float | None:
    mean = assessment.entries.aggregate(mean=Avg("rating"))["mean"]
    return round(mean, 2) if mean is not None else None


def assessments_table(user, *, year: int | None = None, country: str | None = None) -> Table:
    """Every answer of the assessments the user may see, one row each (CSV/XLSX export)."""
    entries = SelfAssessmentEntry.objects.filter(
        assessment__in=visible_assessments(user)
    ).select_related("assessment", "direction", "activity__action__direction")
    if year:
        entries = entries.filter(assessment__year=year)
    if country:
        entries = entries.filter(assessment__country_id=country.upper())

    def order(e: SelfAssessmentEntry) -> tuple:
        # direction answer first, then its activities in the table's order (NULLs sort
        # differently on SQLite and PostgreSQL, so the order is made here)
        if e.direction_id:
            return (e.assessment.year, e.assessment.country_id, e.direction.number, 0, 0, 0)
        action = e.activity.action
        return (
            e.assessment.year,
            e.assessment.country_id,
            action.direction.number,
            1,
            action.number,
            e.activity.position,
        )

    rows = [
        {
            "country": e.assessment.country_id,
            "year": e.assessment.year,
            "state": e.assessment.status,
            "direction": e.direction.code if e.direction_id else e.activity.action.direction.code,
            "activity": e.activity.code if e.activity_id else "",
            "status": e.status,
            "rating": e.rating,
            "achievements": e.achievements,
            "challenges": e.challenges,
            "next_steps": e.next_steps,
        }
        for e in sorted(entries, key=order)
    ]
    schema = {
        "country": pl.String,
        "year": pl.Int64,
        "state": pl.String,
        "direction": pl.String,
        "activity": pl.String,
        "status": pl.String,
        "rating": pl.Int64,
        "achievements": pl.String,
        "challenges": pl.String,
        "next_steps": pl.String,
    }
    return Table("self-assessments", "self-assessments", pl.DataFrame(rows, schema=schema))


# --- public feedback -----------------------------------------------------------------


def _target_filter(kind: str, target) -> Q:
    return Q(**{kind: target})


def feedback_summary(kind: str, code: str, *, comments: int = 20) -> dict | None:
    """The public summary of a target's *approved* feedback: ``count``, ``mean`` rating
    (2 decimals, None without any), ``histogram`` {"1": n … "5": n}, and the latest
    ``comments`` approved comments. ``None`` if the target does not exist or is not public."""
    target = feedback_target(kind, code)
    if target is None:
        return None
    approved = Feedback.objects.filter(_target_filter(kind, target), status=FeedbackStatus.APPROVED)
    stats = approved.aggregate(count=Count("id"), mean=Avg("rating"))
    histogram = {str(r): 0 for r in range(1, 6)}
    for row in approved.values("rating").annotate(n=Count("id")):
        histogram[str(row["rating"])] = row["n"]
    latest = approved.exclude(comment="").select_related("country").order_by("-created_at", "-id")
    return {
        "kind": kind,
        "code": code,
        "target": target,
        "count": stats["count"],
        "mean": round(stats["mean"], 2) if stats["mean"] is not None else None,
        "histogram": histogram,
        "comments": [
            {
                "rating": f.rating,
                "comment": f.comment,
                "language": f.language,
                "country": f.country_id,
                "stakeholder_type": f.stakeholder_type,
                "date": f.created_at.date().isoformat(),
            }
            for f in latest[:comments]
        ],
    }


def public_assessment_summary(*, year: int | None = None) -> dict:
    """The public assessment of a year (or of all years) for the evaluation report, from
    approved feedback only: ``count``, ``mean``, ``histogram``, and ``by_kind`` (activity,
    event, project) each with its count, mean and its targets ``[{code, count, mean}]``,
    most rated first. JSON-ready."""
    approved = Feedback.objects.filter(status=FeedbackStatus.APPROVED)
    if year:
        approved = approved.filter(created_at__year=year)

    def stats(rows) -> dict:
        agg = rows.aggregate(count=Count("id"), mean=Avg("rating"))
        return {
            "count": agg["count"],
            "mean": round(agg["mean"], 2) if agg["mean"] is not None else None,
        }

    histogram = {str(r): 0 for r in range(1, 6)}
    for row in approved.values("rating").annotate(n=Count("id")):
        histogram[str(row["rating"])] = row["n"]
    key_of = {"activity": "activity__code", "event": "event__slug", "project": "project__code"}
    by_kind = {}
    for kind, key in key_of.items():
        rows = approved.filter(**{f"{kind}__isnull": False})
        targets = [
            {"code": row[key], "count": row["n"], "mean": round(row["mean"], 2)}
            for row in rows.values(key).annotate(n=Count("id"), mean=Avg("rating"))
        ]
        targets.sort(key=lambda t: (-t["count"], t["code"]))
        by_kind[kind] = {**stats(rows), "targets": targets}
    return {**stats(approved), "histogram": histogram, "by_kind": by_kind}


def feedback_kind_and_code(feedback: Feedback) -> tuple[str, str]:
    if feedback.activity_id:
        return "activity", feedback.activity.code
    if feedback.event_id:
        return "event", feedback.event.slug
    return "project", feedback.project.code


def feedback_queue(*, status: str | None = FeedbackStatus.PENDING) -> QuerySet[Feedback]:
    """Feedback for the moderators, oldest pending first (or of one status)."""
    items = Feedback.objects.select_related(
        "activity", "event", "project", "country", "moderated_by"
    )
    if status:
        items = items.filter(status=status)
    return items.order_by("created_at", "id")


def feedback_table(*, status: str | None = None) -> Table:
    """Feedback as the moderators see it (CSV/XLSX), without who sent it: no account, no
    address hash — personal data stay out of exports."""
    rows = []
    for f in feedback_queue(status=status):
        kind, code = feedback_kind_and_code(f)
        rows.append(
            {
                "id": f.pk,
                "kind": kind,
                "code": code,
                "rating": f.rating,
                "comment": f.comment,
                "language": f.language,
                "country": f.country_id or "",
                "stakeholder_type": f.stakeholder_type,
                "status": f.status,
                "created_at": f.created_at.replace(tzinfo=None),
                "moderated_at": f.moderated_at.replace(tzinfo=None) if f.moderated_at else None,
            }
        )
    schema = {
        "id": pl.Int64,
        "kind": pl.String,
        "code": pl.String,
        "rating": pl.Int64,
        "comment": pl.String,
        "language": pl.String,
        "country": pl.String,
        "stakeholder_type": pl.String,
        "status": pl.String,
        "created_at": pl.Datetime("us"),
        "moderated_at": pl.Datetime("us"),
    }
    return Table("feedback", "feedback", pl.DataFrame(rows, schema=schema))


__all__ = [
    "FEEDBACK_KINDS",
    "assessment_for",
    "assessment_mean_rating",
    "assessment_sections",
    "assessment_table",
    "assessments_table",
    "feedback_kind_and_code",
    "feedback_queue",
    "feedback_summary",
    "feedback_table",
    "public_assessment_summary",
    "visible_assessments",
]
