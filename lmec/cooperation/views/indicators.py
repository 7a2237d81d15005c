"""Progress dashboards: the framework's progress overall (``/progress/``), per strategic
direction (``/progress/D4/``) and per country (``/progress/country/TH/``), and the CSV/XLSX
of each table under the charts (``/progress/tables/<table>.<format>``).

Every figure comes from :mod:`lmec.cooperation.indicators`; each chart (Apache ECharts,
drawn by ``lmec/cooperation/progress.js``) has the same numbers in a table below it, so the
page reads without scripts and with a screen reader.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from lmec.core import exports
from lmec.core.models import Country

from .. import indicators as computed
from ..models import (
    AgeGroup,
    Direction,
    FundingKind,
    Gender,
    ProjectStatus,
    StakeholderType,
)
from ..selectors import indicators as selectors
from ..selectors.framework import current_strategy

EXPORT_FORMATS = ("csv", "xlsx")


def _state_labels() -> dict[str, str]:
    return {
        computed.HELD: _("held"),
        computed.GAP: _("gap"),
        computed.NOT_YET: _("not yet"),
        computed.NOT_EXPECTED: _("not expected"),
    }


def _chart(chart_id, title, kind, categories, series, *, table, unit="", extra=None) -> dict:
    """One chart and its table: ``categories`` (x axis labels), ``series``
    ``[{"name", "values"}]``; the table has a row per category and a column per series."""
    data = {"kind": kind, "categories": categories, "series": series, "unit": unit}
    data.update(extra or {})
    rows = [[c, *[s["values"][i] for s in series]] for i, c in enumerate(categories)]
    return {
        "id": chart_id,
        "title": title,
        "data": data,
        "headers": [_("Category"), *[s["name"] for s in series]],
        "rows": rows,
        "table": table,
    }


def _dimension_chart(chart_id, title, counts: dict, labels: dict, table: str) -> dict:
    return _chart(
        chart_id,
        title,
        "bar",
        [labels.get(key, key) for key in counts],
        [{"name": _("Participants"), "values": list(counts.values())}],
        table=table,
    )


def _dashboard(*, country: str | None = None, direction: str | None = None) -> dict:
    """Everything a progress page shows, for one country or direction or the whole region."""
    country_names = {c.code: c.name for c in Country.objects.all()}
    country_names["unknown"] = _("not given")
    summary = computed.direction_summary(country=country)
    if direction:
        summary = [d for d in summary if d["code"] == direction]
    activities = computed.activity_progress(country=country, direction=direction)
    years = list(range(computed.YEAR_FROM, computed.YEAR_TO + 1))
    labels = _state_labels()
    grid = [
        {
            **row,
            "cells": [
                {**row["years"][str(y)], "year": y, "label": labels[row["years"][str(y)]["state"]]}
                for y in years
            ],
        }
        for row in activities
    ]
    people = computed.participants(country=country, direction=direction)
    projects = computed.projects_by_status(country=country, direction=direction)
    funding = computed.funding_by_source(country=country, direction=direction)
    charts = [
        _chart(
            "chart-directions",
            _("Progress per strategic direction"),
            "bar",
            [d["code"] for d in summary],
            [
                {"name": _("Events"), "values": [d["events"] for d in summary]},
                {"name": _("Projects"), "values": [d["projects"] for d in summary]},
                {"name": _("Participants"), "values": [d["participants"] for d in summary]},
                {"name": _("Gaps"), "values": [d["gaps"] for d in summary]},
            ],
            table="directions",
        ),
        _dimension_chart(
            "chart-participants-country",
            _("Participants by country"),
            people["by_country"],
            country_names,
            "participants",
        ),
        _dimension_chart(
            "chart-participants-gender",
            _("Participants by gender"),
            people["by_gender"],
            dict(Gender.choices),
            "participants",
        ),
        _dimension_chart(
            "chart-participants-age",
            _("Participants by age group"),
            people["by_age_group"],
            dict(AgeGroup.choices),
            "participants",
        ),
        _dimension_chart(
            "chart-participants-stakeholder",
            _("Participants by stakeholder type"),
            people["by_stakeholder"],
            dict(StakeholderType.choices),
            "participants",
        ),
    ]
    sources = sorted({(r["source_type"], r["source_name"]) for r in funding})
    kinds = dict(FundingKind.choices)
    charts.append(
        _chart(
            "chart-funding",
            _("Funding by source type [USD]"),
            "bar",
            [f"{code} {name}" for code, name in sources],
            [
                {
                    "name": str(kinds[kind]),
                    "values": [
                        round(sum(r[f"{kind}_usd"] for r in funding if r["source_type"] == code), 2)
                        for code, _name in sources
                    ],
                }
                for kind in FundingKind.values
            ],
            table="funding",
            unit="USD",
        )
    )
    statuses = dict(ProjectStatus.choices)
    charts.append(
        _chart(
            "chart-projects",
            _("Projects by status"),
            "bar",
            [str(statuses[s]) for s in projects["by_status"]],
            [{"name": _("Projects"), "values": list(projects["by_status"].values())}],
            table="projects",
        )
    )
    if not country and not direction:
        themes = computed.knowledge_by_theme()
        charts.append(
            _chart(
                "chart-knowledge",
                _("Knowledge products per theme"),
                "bar",
                [t["name"] for t in themes],
                [{"name": _("Published resources"), "values": [t["resources"] for t in themes]}],
                table="knowledge",
            )
        )
    indicator_charts = []
    for indicator in selectors.indicator_list(direction=direction):
        series = computed.custom_indicator_series(indicator, country=country)
        if not series["values"] and series["baseline"] is None:
            continue
        first = min(
            [int(y) for y in series["values"]] + [series["baseline_year"] or computed.YEAR_FROM]
        )
        last = max([int(y) for y in series["values"]] + [series["target_year"] or computed.YEAR_TO])
        span = [str(y) for y in range(first, last + 1)]
        chart = _chart(
            f"chart-indicator-{indicator.code}",
            indicator.name,
            "line",
            span,
            [{"name": _("Value"), "values": [series["values"].get(y) for y in span]}],
            table="indicators",
            unit=series["unit"] or "",
            extra={
                "baseline": series["baseline"],
                "target": series["target"],
                "baseline_label": _("Baseline"),
                "target_label": _("Target"),
            },
        )
        chart["series"] = series
        indicator_charts.append(chart)
    return {
        "summary": summary,
        "years": years,
        "grid": grid,
        "state_labels": labels,
        "charts": charts,
        "indicator_charts": indicator_charts,
        "participants": people,
        "export_formats": EXPORT_FORMATS,
        "countries": Country.objects.order_by("position"),
        "directions": Direction.objects.filter(strategy=current_strategy()).order_by("number"),
    }


def progress(request):
    context = _dashboard()
    context.update(scope="region", query="")
    return render(request, "cooperation/progress/dashboard.html", context)


def progress_direction(request, direction: str):
    code = direction.upper()
    found = Direction.objects.filter(strategy=current_strategy(), code=code).first()
    if found is None:
        raise Http404(_("No strategic direction %(code)s.") % {"code": direction})
    context = _dashboard(direction=code)
    context.update(scope="direction", direction=found, query=f"?direction={code}")
    return render(request, "cooperation/progress/dashboard.html", context)


def progress_country(request, country: str):
    found = Country.objects.filter(code=country.upper()).first()
    if found is None:
        raise Http404(_("No country %(code)s.") % {"code": country})
    context = _dashboard(country=found.code)
    context.update(scope="country", country=found, query=f"?country={found.code}")
    return render(request, "cooperation/progress/dashboard.html", context)


def progress_export(request, table: str, fmt: str):
    """A dashboard table as CSV or XLSX; ``?country=``, ``?direction=``, ``?year=`` narrow it."""
    if table not in selectors.TABLES or fmt not in EXPORT_FORMATS:
        raise Http404(
            _("No table %(table)s.%(fmt)s; tables: %(tables)s; formats: csv, xlsx.")
            % {"table": table, "fmt": fmt, "tables": ", ".join(selectors.TABLES)}
        )
    country = (request.GET.get("country") or "").upper() or None
    if country and not Country.objects.filter(code=country).exists():
        raise Http404(_("No country %(code)s.") % {"code": country})
    direction = (request.GET.get("direction") or "").upper() or None
    year = request.GET.get("year")
    if year is not None and not (year.isdigit() and 2000 <= int(year) <= 2100):
        raise Http404(_("Give the year as four digits, 2000 to 2100."))
    data = selectors.progress_table(
        table, year=int(year) if year else None, country=country, direction=direction
    )
    return exports.download(data, fmt)


def _writable_places(user) -> list[tuple[str, str]]:
    """The places whose values ``user`` may enter: ``("", region)`` and country codes."""
    places = [("", _("Region"))] + [(c.code, c.name) for c in Country.objects.order_by("position")]
    return [(code, name) for code, name in places if user.has_perm(VALUE_PERM, code or None)]


VALUE_PERM = "cooperation.change_indicatorvalue"


def indicator_page(request, code: str):
    """A custom indicator: its series for the region and each country, and (for those who
    may) the form to enter or correct a yearly value. POST answers 303 back here when
    stored, 403 without the right, 422 with the form and its errors."""
    from django.core.exceptions import PermissionDenied
    from django.shortcuts import redirect

    from ..services import indicators as services

    indicator = selectors.indicator_by_code(code)
    if indicator is None:
        raise Http404(_("No indicator %(code)s.") % {"code": code})
    places = _writable_places(request.user)
    errors: dict[str, list[str]] = {}
    entered = {}
    status = 200
    if request.method == "POST":
        entered = {k: request.POST.get(k, "").strip() for k in ("year", "country", "value", "note")}
        year = int(entered["year"]) if entered["year"].isdigit() else None
        try:
            value = float(entered["value"].replace(",", "."))
        except ValueError:
            value = None
            errors["value"] = [_("Give a number, e.g. 42.5.")]
        if year is None:
            errors["year"] = [_("Give the year as four digits.")]
        if not errors:
            try:
                services.set_indicator_value(
                    user=request.user,
                    indicator=indicator,
                    year=year,
                    value=value,
                    country=entered["country"] or None,
                    note=entered["note"],
                )
            except PermissionDenied:
                return render(
                    request,
                    "cooperation/progress/indicator.html",
                    {"indicator": indicator, "forbidden": True},
                    status=403,
                )
            except services.IndicatorInvalid as exc:
                errors = exc.errors
            else:
                return redirect(f"{request.path}?saved=1", permanent=False)
        status = 422
    series = [
        {
            "place": name,
            "data": computed.custom_indicator_series(indicator, country=place or None),
        }
        for place, name in [("", _("Region"))]
        + [(c.code, c.name) for c in Country.objects.order_by("position")]
    ]
    years = sorted({int(y) for s in series for y in s["data"]["values"]})
    for s in series:
        s["cells"] = [s["data"]["values"].get(str(y)) for y in years]
    return render(
        request,
        "cooperation/progress/indicator.html",
        {
            "indicator": indicator,
            "series": series,
            "years": years,
            "places": places,
            "errors": errors,
            "entered": entered,
            "year_choices": list(range(2022, 2028)),
            "saved": request.GET.get("saved") == "1",
        },
        status=status,
    )
