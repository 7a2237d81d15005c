"""Reads of the custom indicators (the computed ones are in :mod:`lmec.cooperation.indicators`)."""

from __future__ import annotations

from django.db.models import F, Prefetch, QuerySet

from ..models import Indicator, IndicatorValue


def indicator_list(
    *, direction: str | None = None, activity: str | None = None
) -> QuerySet[Indicator]:
    """Indicators by code with their direction, activity and values (three queries)."""
    indicators = Indicator.objects.select_related("direction", "activity").prefetch_related(
        Prefetch(
            "values",
            # the regional value (no country) first in each year, on both databases
            queryset=IndicatorValue.objects.order_by("year", F("country_id").asc(nulls_first=True)),
        )
    )
    if direction:
        indicators = indicators.filter(direction__code=direction.upper())
    if activity:
        indicators = indicators.filter(activity__code=activity.upper())
    return indicators.order_by("code")


def indicator_by_code(code: str) -> Indicator | None:
    return indicator_list().filter(code=code).first()


def indicator_countries(indicator: Indicator) -> list[str]:
    """Countries with values of ``indicator`` (from its prefetched values when there)."""
    return sorted({v.country_id for v in indicator.values.all() if v.country_id})


# --- the dashboards' tables, for CSV and XLSX ------------------------------------------------

#: The tables under the progress charts, each downloadable (``progress_table(name, …)``).
TABLES = (
    "directions",
    "activities",
    "gaps",
    "participants",
    "projects",
    "funding",
    "knowledge",
    "indicators",
)


def progress_table(
    name: str, *, year: int | None = None, country: str | None = None, direction: str | None = None
):
    """One dashboard table as an export :class:`~lmec.core.exports.Table` (aggregates only:
    no personal data). ``year`` narrows it to one year where the table has years."""
    import polars as pl

    from lmec.core import exports

    from .. import indicators as computed

    if name not in TABLES:
        raise ValueError(f"Unknown table {name!r}; choose one of: {', '.join(TABLES)}.")
    window = {"year_from": year, "year_to": year} if year else {}
    suffix = "-".join(str(p) for p in ("progress", name, country, direction, year) if p)
    if name == "directions":
        rows = computed.direction_summary(country=country, **window)
        if direction:
            rows = [r for r in rows if r["code"] == direction.upper()]
    elif name == "activities":
        rows = []
        for row in computed.activity_progress(country=country, direction=direction, **window):
            flat = {k: row[k] for k in ("code", "direction", "action", "timing", "name")}
            for y, cell in row["years"].items():
                flat[f"{y} events"] = cell["events"]
                flat[f"{y} projects"] = cell["projects"]
                flat[f"{y} state"] = cell["state"]
            rows.append(flat)
    elif name == "gaps":
        rows = [
            {"year": y, **{k: row[k] for k in ("code", "direction", "action", "timing", "name")}}
            for row in computed.activity_progress(country=country, direction=direction, **window)
            for y in row["gap_years"]
        ]
    elif name == "participants":
        result = computed.participants(year=year, country=country, direction=direction)
        rows = [
            {"dimension": dimension[3:], "category": category, "participants": n}
            for dimension in ("by_country", "by_gender", "by_age_group", "by_stakeholder")
            for category, n in result[dimension].items()
        ]
    elif name == "projects":
        result = computed.projects_by_status(year=year, country=country, direction=direction)
        rows = [
            {"dimension": dimension[3:], "category": category, "projects": n}
            for dimension in ("by_status", "by_kind")
            for category, n in result[dimension].items()
        ]
    elif name == "funding":
        rows = computed.funding_by_source(year=year, country=country, direction=direction)
    elif name == "knowledge":
        rows = computed.knowledge_by_theme(year=year)
    else:  # indicators: one row per value, with the indicator's baseline and target
        rows = [
            {
                "code": i.code,
                "name": i.name,
                "unit": i.unit or "",
                "baseline": i.baseline,
                "baseline_year": i.baseline_year,
                "target": i.target,
                "target_year": i.target_year,
                "year": v.year,
                "country": v.country_id,
                "value": v.value,
            }
            for i in indicator_list(direction=direction)
            for v in i.values.all()
            if (not country or v.country_id == country.upper()) and (not year or v.year == year)
        ]
    frame = pl.DataFrame(rows, infer_schema_length=None) if rows else pl.DataFrame()
    return exports.Table(name=suffix, kind=f"progress-{name}", frame=frame)
