"""Reads of the cooperation registry."""

from django.db.models import Prefetch, QuerySet

from ..models import Action, Activity, Direction, PriorityArea, Strategy


def current_strategy() -> Strategy | None:
    """The strategy in force: the one with the latest period."""
    return Strategy.objects.order_by("-start_year").first()


def direction_list(*, strategy: Strategy | None = None) -> QuerySet[Direction]:
    """Directions with their actions and activities, prefetched in three queries."""
    strategy = strategy or current_strategy()
    return (
        Direction.objects.filter(strategy=strategy)
        .order_by("number")
        .prefetch_related(
            Prefetch(
                "actions",
                queryset=Action.objects.order_by("number").prefetch_related(
                    Prefetch("activities", queryset=Activity.objects.order_by("position"))
                ),
            )
        )
    )


def activity_list(
    *, strategy: Strategy | None = None, direction: str | None = None, timing: str | None = None
) -> QuerySet[Activity]:
    """Activities in table order, optionally of one direction (``D4``) or one timing."""
    strategy = strategy or current_strategy()
    activities = (
        Activity.objects.filter(action__direction__strategy=strategy)
        .select_related("action__direction")
        .order_by("action__direction__number", "action__number", "position")
    )
    if direction:
        activities = activities.filter(action__direction__code=direction.upper())
    if timing:
        activities = activities.filter(timing=timing)
    return activities


def priority_area_list(*, strategy: Strategy | None = None) -> QuerySet[PriorityArea]:
    """Top-level priority areas with their sections and items."""
    strategy = strategy or current_strategy()
    return (
        PriorityArea.objects.filter(strategy=strategy, parent__isnull=True)
        .order_by("position")
        .prefetch_related("items", "sections__items", "directions")
    )


def direction_codes(*, strategy: Strategy | None = None) -> list[str]:
    strategy = strategy or current_strategy()
    return list(
        Direction.objects.filter(strategy=strategy)
        .order_by("number")
        .values_list("code", flat=True)
    )


def theme_list():
    from lmec.core.models import Theme

    return Theme.objects.all()


def country_list():
    from lmec.core.selectors import country_list as countries

    return countries()
