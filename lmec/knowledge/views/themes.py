"""A theme's page (``knowledge:theme``): what the strategy says, counts, latest, cases on a map.

The five themes are those of the strategy's knowledge platform (4.5 (1)); the page quotes the
strategy's own text of 4.5 where the registry is loaded. Only published records count.
"""

from __future__ import annotations

from django.db.models import Count
from django.http import Http404
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from lmec.cooperation import selectors as cooperation
from lmec.cooperation.models import PriorityArea
from lmec.core.models import Theme

from ..models import Resource, ResourceType, Status
from . import display

#: The strategy's priority area of the knowledge platform, and its item naming the themes.
KNOWLEDGE_AREA = "4.5"
THEMES_ITEM = "4.5-1"
LATEST = 10


def strategy_text() -> dict:
    """The strategy's 4.5 introduction and its item 4.5-1 (which names the five themes)."""
    strategy = cooperation.current_strategy()
    if strategy is None:
        return {}
    area = PriorityArea.objects.filter(strategy=strategy, code=KNOWLEDGE_AREA).first()
    if area is None:
        return {}
    item = area.items.filter(code=THEMES_ITEM).first()
    return {"area": area, "item": item}


def theme(request, code: str):
    try:
        found = Theme.objects.get(code=code)
    except Theme.DoesNotExist:
        raise Http404(_("No theme %(code)s.") % {"code": code}) from None
    lang = request.LANGUAGE_CODE
    published = Resource.objects.filter(status=Status.PUBLISHED, themes=found)
    counts = dict(
        published.order_by().values_list("type").annotate(n=Count("id")).values_list("type", "n")
    )
    browse = reverse("knowledge:browse")
    per_type = [
        {
            "code": value,
            "label": label,
            "count": counts.get(value, 0),
            "url": display.query_url(browse, {"theme": [found.code], "type": [value]}),
        }
        for value, label in ResourceType.choices
    ]
    latest = [
        {
            "resource": item,
            "title": display.text(item, "title", lang),
            "type_label": display.type_label(item.type),
        }
        for item in published.order_by("-published_at", "-id")[:LATEST]
    ]
    points = []
    for case in published.filter(type=ResourceType.CASE, latitude__isnull=False).order_by("id"):
        point = display.case_map_point(case, display.text(case, "title", lang)["text"])
        point["url"] = reverse("knowledge:resource", args=[case.identifier])
        points.append(point)
    context = {
        "theme": found,
        "themes": Theme.objects.all(),
        "strategy": strategy_text(),
        "per_type": per_type,
        "total": sum(counts.values()),
        "latest": latest,
        "map_points": points,
        "region_url": static("lmec/monitoring/region.geojson"),
        "browse_url": display.query_url(browse, {"theme": [found.code]}),
    }
    return render(request, "knowledge/theme.html", context)
