"""Reads of the custom indicators (the computed ones are in :mod:`lmec.cooperation.indicators`)."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from ..models import Indicator, IndicatorValue


def indicator_list(
    *, direction: str | None = None, activity: str | None = None
) -> QuerySet[Indicator]:
    """Indicators by code with their direction, activity and values (three queries)."""
    indicators = Indicator.objects.select_related("direction", "activity").prefetch_related(
        Prefetch("values", queryset=IndicatorValue.objects.order_by("year", "country_id"))
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
