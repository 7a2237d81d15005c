"""Indicators computed from the cooperation records (issue 10, strategy 5.4), never typed twice.

Pure reads over the database returning plain, JSON-ready dicts and lists; the dashboards,
the API, the evaluation and the annual report all call these functions. Every function
aggregates in the database in a fixed number of queries, whatever the number of activities,
events or projects (tests measure it).

What counts (the public picture; drafts and personal data never do):

- an **event** counts for its activities in the year it starts, once it is ``published``
  (not draft, not cancelled) and has started;
- a **project** counts for its activities in each year it is *active*: published, status
  ongoing, finalising, completed or suspended (not planned, not cancelled), from the year of
  its actual (else planned) start to the year of its actual (else planned) end, open-ended
  when no end is known, and never beyond today;
- a **participant** is a registration that is not cancelled, of a published event: after
  the event only those marked as attended, before it (or while it runs) those registered
  (not waitlisted);
- ``country`` filters *activities* by place: events hosted in the country, projects led by
  it or working in it (``Project.countries``), funding of projects led by it; and
  *participants* by the participant's own country.

Timing (the action table of Chapter 6, :class:`~lmec.cooperation.models.Timing`):

- ``annual`` ("once a year"): each year from ``max(start_year, launched_year or
  start_year)`` to ``end_year`` expects ≥ 1 event or active project. A past year without one
  is a **gap**; the current year is expected only once it has one (it is not over yet);
  future years are **not yet**.
- ``period`` ("throughout 2023–2027"): one event or project anywhere in the period meets it.
  The gap is shown in the period's last year, and only once the period is over; until then
  an activity with nothing yet is **not yet**.

Each year cell also has a ``state`` for the dashboards' grid: ``held`` (records that year),
``gap``, ``not_yet`` (expected later, or the period still runs) or ``not_expected``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone

from lmec.core.models import Country, Theme

from .models import (
    Activity,
    Direction,
    Event,
    EventStatus,
    Funding,
    FundingKind,
    FundingSourceType,
    Indicator,
    IndicatorValue,
    Project,
    ProjectKind,
    ProjectStatus,
    Registration,
    RegistrationStatus,
    Strategy,
    Timing,
)

#: The framework's period; the dashboards' default window.
YEAR_FROM, YEAR_TO = 2023, 2027

#: Project statuses in which a project is (or was) under way; planned and cancelled are not.
ACTIVE_PROJECT_STATUSES = (
    ProjectStatus.ONGOING,
    ProjectStatus.FINALISATION,
    ProjectStatus.COMPLETED,
    ProjectStatus.SUSPENDED,
)

HELD, GAP, NOT_YET, NOT_EXPECTED = "held", "gap", "not_yet", "not_expected"
STATES = (HELD, GAP, NOT_YET, NOT_EXPECTED)


# --- the record sets that count ------------------------------------------------------------


def _now(today: dt.date | None) -> dt.datetime:
    """The moment "now": the real one, or the end of ``today`` (tests and reports pin it)."""
    if today is None:
        return timezone.now()
    return timezone.make_aware(dt.datetime.combine(today, dt.time.max))


def _current_year(today: dt.date | None) -> int:
    return (today or timezone.localdate()).year


def _strategy() -> Strategy | None:
    return Strategy.objects.order_by("-start_year").first()


def _span(year: int | None, year_from: int | None, year_to: int | None) -> tuple | None:
    """The years a figure covers: one ``year``, a window, or ``None`` (all years)."""
    if year is not None:
        return (year, year)
    if year_from is None and year_to is None:
        return None
    return (year_from or 1, year_to or 9999)


def _country(country: str | None) -> str | None:
    return country.upper() if country else None


def counted_events(*, country: str | None = None, now: dt.datetime | None = None):
    """Published events that have started (by ``now``), hosted in ``country`` if given."""
    events = Event.objects.filter(status=EventStatus.PUBLISHED, start__lte=now or timezone.now())
    if country:
        events = events.filter(country_id=country)
    return events


def counted_projects(*, country: str | None = None, today: dt.date | None = None):
    """Published projects that are or were under way by ``today``, with ``first``/``last``
    dates (actual, else planned), in ``country`` (lead or one of its countries) if given."""
    today = today or timezone.localdate()
    projects = (
        Project.objects.filter(published=True, status__in=ACTIVE_PROJECT_STATUSES)
        .annotate(
            first=Coalesce("actual_start", "planned_start"),
            last=Coalesce("actual_end", "planned_end"),
        )
        .filter(first__isnull=False, first__lte=today)
    )
    if country:
        projects = projects.filter(
            Q(country_id=country)
            | Q(
                pk__in=Project.countries.through.objects.filter(country_id=country).values(
                    "project_id"
                )
            )
        )
    return projects


def _active_in(year: int, prefix: str = "") -> Q:
    """Q: a project (annotated ``first``/``last``) is active in ``year``."""
    return Q(**{f"{prefix}first__year__lte": year}) & (
        Q(**{f"{prefix}last__isnull": True}) | Q(**{f"{prefix}last__year__gte": year})
    )


def _of_direction(direction: str) -> dict:
    """Subqueries of the events and projects serving an activity of ``direction`` (each
    once, however many of its activities they serve)."""
    code = direction.upper()
    return {
        "events": Event.objects.filter(activities__action__direction__code=code).values("pk"),
        "projects": Project.objects.filter(activities__action__direction__code=code).values("pk"),
    }


def counted_registrations(*, now: dt.datetime | None = None):
    """Registrations that count as participants (see the module's docstring)."""
    now = now or timezone.now()
    return (
        Registration.objects.filter(event__status=EventStatus.PUBLISHED)
        .exclude(status=RegistrationStatus.CANCELLED)
        .filter(
            Q(event__end__lt=now, attended=True)
            | Q(event__end__gte=now, status=RegistrationStatus.REGISTERED)
        )
    )


# --- activities against the strategy's timing -----------------------------------------------


def _cell_states(activity: Activity, counts: dict[int, int], years: range, current: int) -> dict:
    """Expected / gap / state of each year of ``years`` for one activity (see module doc)."""
    first = max(activity.start_year, activity.launched_year or activity.start_year)
    last = activity.end_year
    cells = {}
    if activity.timing == Timing.ANNUAL:
        for year in years:
            n = counts.get(year, 0)
            in_period = first <= year <= last
            expected = in_period and (year < current or (year == current and n > 0))
            gap = expected and n == 0
            if n:
                state = HELD
            elif gap:
                state = GAP
            elif in_period and year >= current:
                state = NOT_YET
            else:
                state = NOT_EXPECTED
            cells[year] = (expected, gap, state)
        return cells
    # A period activity: one record anywhere in its period meets it.
    met = any(n for year, n in counts.items() if first <= year <= last)
    over = last < current
    for year in years:
        n = counts.get(year, 0)
        in_period = first <= year <= last
        expected = year == last and over
        gap = expected and not met
        if n:
            state = HELD
        elif gap:
            state = GAP
        elif in_period and not met and not over:
            state = NOT_YET
        else:
            state = NOT_EXPECTED
        cells[year] = (expected, gap, state)
    return cells


def activity_progress(
    *,
    year_from: int = YEAR_FROM,
    year_to: int = YEAR_TO,
    country: str | None = None,
    direction: str | None = None,
    today: dt.date | None = None,
) -> list[dict]:
    """One row per activity of the strategy, in table order, with its events and active
    projects per year of ``year_from``…``year_to`` and whether the year was expected to have
    one, is a gap, and its grid ``state``. Three queries.

    Row: ``{"code", "name", "direction", "action", "timing", "start_year", "end_year",
    "years": {"2023": {"events", "projects", "expected", "gap", "state"}, …},
    "events", "projects" (totals over the window), "gap_years": [int, …]}``.
    """
    country = _country(country)
    now = _now(today)
    today = today or timezone.localdate()
    current = today.year
    strategy = _strategy()
    activities = list(
        Activity.objects.filter(action__direction__strategy=strategy)
        .select_related("action__direction")
        .order_by("action__direction__number", "action__number", "position")
    )
    if direction:
        activities = [a for a in activities if a.action.direction.code == direction.upper()]
    if not activities:
        return []
    # The counts cover the activities' whole periods too: a period activity is met by a
    # record in any year of its period, even outside the window shown.
    lo = min(year_from, *(a.start_year for a in activities))
    hi = max(year_to, *(a.end_year for a in activities))
    count_years = range(lo, min(hi, current) + 1)

    events: dict[int, dict[int, int]] = defaultdict(dict)
    rows = (
        counted_events(country=country, now=now)
        .filter(activities__isnull=False)
        .annotate(year=ExtractYear("start"))
        .values("activities", "year")
        .annotate(n=Count("id", distinct=True))
        .order_by()
    )
    for row in rows:
        events[row["activities"]][row["year"]] = row["n"]

    projects: dict[int, dict[int, int]] = defaultdict(dict)
    if count_years:
        links = (
            Project.activities.through.objects.filter(
                project__in=counted_projects(country=country, today=today).values("pk")
            )
            .annotate(
                first=Coalesce("project__actual_start", "project__planned_start"),
                last=Coalesce("project__actual_end", "project__planned_end"),
            )
            .values("activity_id")
            .order_by()
            .annotate(
                **{f"y{year}": Count("project_id", filter=_active_in(year)) for year in count_years}
            )
        )
        for row in links:
            projects[row["activity_id"]] = {
                year: row[f"y{year}"] for year in count_years if row[f"y{year}"]
            }

    window = range(year_from, year_to + 1)
    result = []
    for activity in activities:
        ev, pr = events.get(activity.pk, {}), projects.get(activity.pk, {})
        both = {year: ev.get(year, 0) + pr.get(year, 0) for year in set(ev) | set(pr)}
        cells = _cell_states(activity, both, window, current)
        years = {}
        for year in window:
            expected, gap, state = cells[year]
            years[str(year)] = {
                "events": ev.get(year, 0),
                "projects": pr.get(year, 0),
                "expected": expected,
                "gap": gap,
                "state": state,
            }
        result.append(
            {
                "code": activity.code,
                "label": activity.label,
                "name": activity.name,
                "direction": activity.action.direction.code,
                "action": activity.action.code,
                "timing": activity.timing,
                "start_year": activity.start_year,
                "end_year": activity.end_year,
                "years": years,
                "events": sum(c["events"] for c in years.values()),
                "projects": sum(c["projects"] for c in years.values()),
                "gap_years": [int(y) for y, c in years.items() if c["gap"]],
            }
        )
    return result


def gaps(*, year: int, country: str | None = None, today: dt.date | None = None) -> list[dict]:
    """The activities with a gap in ``year`` (see the module's docstring for the timing):
    ``[{"code", "name", "direction", "action", "timing", "year"}, …]`` in table order."""
    rows = activity_progress(year_from=year, year_to=year, country=country, today=today)
    return [
        {
            "code": row["code"],
            "name": row["name"],
            "direction": row["direction"],
            "action": row["action"],
            "timing": row["timing"],
            "year": year,
        }
        for row in rows
        if row["years"][str(year)]["gap"]
    ]


# --- participants ---------------------------------------------------------------------------


def participants(
    *,
    year: int | None = None,
    country: str | None = None,
    event: Event | str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    direction: str | None = None,
    today: dt.date | None = None,
) -> dict:
    """Participants (see the module's docstring) by country, gender, age group and
    stakeholder type, every category present (zeros included), in one query.

    ``{"total": n, "events": n (events with any), "by_country": {"CN": n, …, "unknown": n},
    "by_gender": {…}, "by_age_group": {…}, "by_stakeholder": {…}}``. ``country`` is the
    participants' own country; ``event`` an :class:`Event` or its slug; ``direction`` keeps
    the events serving one of its activities.
    """
    from .models import AgeGroup, Gender, StakeholderType

    registrations = counted_registrations(now=_now(today))
    if span := _span(year, year_from, year_to):
        registrations = registrations.filter(
            event__start__year__gte=span[0], event__start__year__lte=span[1]
        )
    if country:
        registrations = registrations.filter(country_id=_country(country))
    if direction:
        registrations = registrations.filter(event__in=_of_direction(direction)["events"])
    if event is not None:
        key = "event" if isinstance(event, Event) else "event__slug"
        registrations = registrations.filter(**{key: event})
    by_country = {
        code: 0 for code in Country.objects.order_by("code").values_list("code", flat=True)
    }
    by_country["unknown"] = 0
    by_gender = {c: 0 for c in Gender.values}
    by_age = {c: 0 for c in AgeGroup.values}
    by_stakeholder = {c: 0 for c in StakeholderType.values}
    total = 0
    event_ids = set()
    rows = (
        registrations.values("event_id", "country_id", "gender", "age_group", "stakeholder_type")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        n = row["n"]
        total += n
        event_ids.add(row["event_id"])
        key = row["country_id"] or "unknown"
        by_country[key] = by_country.get(key, 0) + n
        by_gender[row["gender"]] = by_gender.get(row["gender"], 0) + n
        by_age[row["age_group"]] = by_age.get(row["age_group"], 0) + n
        by_stakeholder[row["stakeholder_type"]] = by_stakeholder.get(row["stakeholder_type"], 0) + n
    return {
        "total": total,
        "events": len(event_ids),
        "by_country": by_country,
        "by_gender": by_gender,
        "by_age_group": by_age,
        "by_stakeholder": by_stakeholder,
    }


# --- projects, funding, knowledge -----------------------------------------------------------


def projects_by_status(
    *,
    year: int | None = None,
    country: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    direction: str | None = None,
    today: dt.date | None = None,
) -> dict:
    """Published projects by status and kind (every category present), in one query.

    Without ``year``: all published projects (planned and cancelled included, so the
    pipeline shows). With ``year``: the projects active that year (see the module's doc).
    ``{"total": n, "by_status": {"pipeline": n, …}, "by_kind": {"demonstration": n, …}}``.
    """
    country = _country(country)
    span = _span(year, year_from, year_to)
    if span is None:
        projects = Project.objects.filter(published=True)
        if country:
            projects = projects.filter(
                Q(country_id=country)
                | Q(
                    pk__in=Project.countries.through.objects.filter(country_id=country).values(
                        "project_id"
                    )
                )
            )
    else:
        active = Q()
        for y in range(max(span[0], 1990), min(span[1], 2100) + 1):
            active |= _active_in(y)
        projects = counted_projects(country=country, today=today).filter(active)
    if direction:
        projects = projects.filter(pk__in=_of_direction(direction)["projects"])
    by_status = {c: 0 for c in ProjectStatus.values}
    by_kind = {c: 0 for c in ProjectKind.values}
    total = 0
    for row in projects.values("status", "kind").annotate(n=Count("id")).order_by():
        total += row["n"]
        by_status[row["status"]] += row["n"]
        by_kind[row["kind"]] += row["n"]
    return {"total": total, "by_status": by_status, "by_kind": by_kind}


def _usd(value) -> float:
    return float(round(value or 0, 2))


def funding_by_source(
    *,
    year: int | None = None,
    country: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    direction: str | None = None,
) -> list[dict]:
    """Funding of published projects per source type (F1…F6 of strategy 5.3) and lead
    country, in USD (sums of the stored ``amount_usd``) [USD], budgets, commitments and
    disbursements apart; ``year`` is the year of the funding row's date. One query.

    ``[{"source_type": "F1", "source_name", "country": "TH" | None, "projects": n,
    "budget_usd", "commitment_usd", "disbursement_usd"}, …]`` ordered by source and country;
    only pairs with funding appear.
    """
    funding = Funding.objects.filter(project__published=True)
    if span := _span(year, year_from, year_to):
        funding = funding.filter(date__year__gte=span[0], date__year__lte=span[1])
    if country:
        funding = funding.filter(project__country_id=_country(country))
    if direction:
        funding = funding.filter(project__in=_of_direction(direction)["projects"])
    names = {t.code: t.name for t in FundingSourceType.objects.filter(strategy=_strategy())}
    rows = (
        funding.values("source_type__code", "project__country_id")
        .annotate(
            projects=Count("project_id", distinct=True),
            **{
                f"{kind}_usd": Sum("amount_usd", filter=Q(kind=kind)) for kind in FundingKind.values
            },
        )
        .order_by("source_type__number", "project__country_id")
    )
    return [
        {
            "source_type": row["source_type__code"],
            "source_name": names.get(row["source_type__code"], row["source_type__code"]),
            "country": row["project__country_id"],
            "projects": row["projects"],
            **{f"{kind}_usd": _usd(row[f"{kind}_usd"]) for kind in FundingKind.values},
        }
        for row in rows
    ]


def knowledge_by_theme(
    *, year: int | None = None, year_from: int | None = None, year_to: int | None = None
) -> list[dict]:
    """Published knowledge resources per theme (a resource counts under each of its
    themes), every theme present; ``year`` is the publication year (``published_on``, else
    the date it was published here). One query.
    ``[{"theme": code, "name": …, "resources": n}, …]``."""
    published = Q(resources__status="published")
    if span := _span(year, year_from, year_to):
        lo, hi = span
        published &= Q(
            resources__published_on__year__gte=lo, resources__published_on__year__lte=hi
        ) | Q(
            resources__published_on__isnull=True,
            resources__published_at__year__gte=lo,
            resources__published_at__year__lte=hi,
        )
    themes = Theme.objects.annotate(n=Count("resources", filter=published, distinct=True))
    return [{"theme": t.code, "name": t.name, "resources": t.n} for t in themes]


# --- per direction -------------------------------------------------------------------------


def direction_summary(
    *,
    year: int | None = None,
    country: str | None = None,
    year_from: int = YEAR_FROM,
    year_to: int = YEAR_TO,
    today: dt.date | None = None,
) -> list[dict]:
    """Per strategic direction: activities, events, active projects, participants and gaps,
    in ``year`` or the window ``year_from``…``year_to`` (default: the framework period). An event or project serving two
    activities of one direction counts once. Seven queries.

    ``[{"code", "name", "activities", "events", "projects", "participants", "gaps"}, …]``.
    """
    country = _country(country)
    now = _now(today)
    today = today or timezone.localdate()
    if year is not None:
        year_from = year_to = year
    progress = activity_progress(year_from=year_from, year_to=year_to, country=country, today=today)
    activities = defaultdict(int)
    gap_count = defaultdict(int)
    for row in progress:
        activities[row["direction"]] += 1
        gap_count[row["direction"]] += len(row["gap_years"])

    events = counted_events(country=country, now=now).filter(
        start__year__gte=year_from, start__year__lte=year_to
    )
    event_counts = dict(
        events.values("activities__action__direction__code")
        .annotate(n=Count("id", distinct=True))
        .order_by()
        .values_list("activities__action__direction__code", "n")
    )
    active = Q()
    for y in range(year_from, year_to + 1):
        active |= _active_in(y)
    projects = counted_projects(country=country, today=today).filter(active)
    project_counts = dict(
        projects.values("activities__action__direction__code")
        .annotate(n=Count("id", distinct=True))
        .order_by()
        .values_list("activities__action__direction__code", "n")
    )
    registrations = counted_registrations(now=now).filter(
        event__start__year__gte=year_from, event__start__year__lte=year_to
    )
    if country:
        registrations = registrations.filter(country_id=country)
    participant_counts = dict(
        registrations.values("event__activities__action__direction__code")
        .annotate(n=Count("id", distinct=True))
        .order_by()
        .values_list("event__activities__action__direction__code", "n")
    )
    return [
        {
            "code": d.code,
            "name": d.name,
            "activities": activities[d.code],
            "events": event_counts.get(d.code, 0),
            "projects": project_counts.get(d.code, 0),
            "participants": participant_counts.get(d.code, 0),
            "gaps": gap_count[d.code],
        }
        for d in Direction.objects.filter(strategy=_strategy()).order_by("number")
    ]


# --- custom indicators ---------------------------------------------------------------------


def custom_indicator_series(indicator: Indicator | str, *, country: str | None = None) -> dict:
    """A custom indicator's baseline, target and yearly values, regional (``country``
    empty) or of one country; ``progress`` is the share of the way from baseline to target
    made by the latest value (1.0 = target met; ``None`` when it cannot be said). Two
    queries (one when given the indicator).

    ``{"code", "name", "unit", "direction", "activity", "baseline", "baseline_year",
    "target", "target_year", "higher_is_better", "country", "values": {"2023": v, …},
    "latest_year", "latest", "progress"}``.
    """
    if not isinstance(indicator, Indicator):
        indicator = Indicator.objects.select_related("direction", "activity").get(code=indicator)
    country = _country(country)
    if "values" in getattr(indicator, "_prefetched_objects_cache", {}):
        # prefetched by the caller (a dashboard of many indicators): no query
        pairs = sorted((v.year, v.value) for v in indicator.values.all() if v.country_id == country)
    else:
        values = IndicatorValue.objects.filter(indicator=indicator)
        values = (
            values.filter(country_id=country) if country else values.filter(country__isnull=True)
        )
        pairs = values.order_by("year").values_list("year", "value")
    series = {str(y): v for y, v in pairs}
    latest_year = max((int(y) for y in series), default=None)
    latest = series[str(latest_year)] if latest_year is not None else None
    progress = None
    if (
        latest is not None
        and indicator.baseline is not None
        and indicator.target is not None
        and indicator.target != indicator.baseline
    ):
        progress = round((latest - indicator.baseline) / (indicator.target - indicator.baseline), 4)
    return {
        "code": indicator.code,
        "name": indicator.name,
        "unit": indicator.unit,
        "direction": indicator.direction.code if indicator.direction_id else None,
        "activity": indicator.activity.code if indicator.activity_id else None,
        "baseline": indicator.baseline,
        "baseline_year": indicator.baseline_year,
        "target": indicator.target,
        "target_year": indicator.target_year,
        "higher_is_better": indicator.higher_is_better,
        "country": country,
        "values": series,
        "latest_year": latest_year,
        "latest": latest,
        "progress": progress,
    }
