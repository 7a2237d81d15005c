"""The catalogue's browse and search page (``knowledge:browse``).

A search box with its mode (lexical, semantic, hybrid), the facet sidebar (type, theme,
country, language, year, licence) whose links add or remove one filter and keep the rest, the
results with their highlighted snippets, sorting and paging. Everything comes from
:func:`lmec.knowledge.search.query.search`; the page only builds links. Works without
JavaScript: it is one GET form and links.
"""

from __future__ import annotations

import math

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import reverse

from lmec.core.models import Theme

from ..forms import FACETS, SORTS, SearchForm
from ..search import query as search_query
from . import display

PAGE_SIZE = 20
#: Pages linked either side of the current one.
PAGE_WINDOW = 3


def _filters(request) -> dict[str, list[str]]:
    return {
        key: [v for v in dict.fromkeys(request.GET.getlist(key)) if v.strip()][:20]
        for key, _label in FACETS
    }


def _params(query: dict, filters: dict[str, list[str]], **changes) -> dict[str, list[str]]:
    """The page's parameters as lists, with ``changes`` applied (``None`` drops a key)."""
    params = {"q": [query["q"]], "mode": [query["mode"]]}
    if query["sort"] != ("relevance" if query["q"] else "newest"):
        params["sort"] = [query["sort"]]
    params.update({key: list(values) for key, values in filters.items() if values})
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return params


def _facets(path: str, query: dict, filters: dict, facets: dict) -> list[dict]:
    """The sidebar: each facet's values with their counts and the link that toggles them."""
    out = []
    for key, label in FACETS:
        values = []
        chosen = filters.get(key, [])
        for entry in facets.get(key, []):
            value = str(entry["key"])
            selected = value in chosen
            toggled = [v for v in chosen if v != value] if selected else [*chosen, value]
            values.append(
                {
                    "key": value,
                    "label": entry.get("label") or value,
                    "count": entry["count"],
                    "selected": selected,
                    "url": display.query_url(
                        path, _params(query, filters, **{key: toggled, "page": None})
                    ),
                }
            )
        # a chosen value without results still shows, so that it can be removed
        for value in chosen:
            if not any(v["key"] == value for v in values):
                rest = [v for v in chosen if v != value]
                values.append(
                    {
                        "key": value,
                        "label": value,
                        "count": 0,
                        "selected": True,
                        "url": display.query_url(
                            path, _params(query, filters, **{key: rest, "page": None})
                        ),
                    }
                )
        out.append({"key": key, "label": label, "values": values})
    return out


def _pages(path: str, query: dict, filters: dict, count: int) -> dict:
    last = max(1, math.ceil(count / PAGE_SIZE))
    page = min(query["page"], last)

    def link(number: int) -> str:
        return display.query_url(path, _params(query, filters, page=[str(number)]))

    numbers = range(max(1, page - PAGE_WINDOW), min(last, page + PAGE_WINDOW) + 1)
    return {
        "current": page,
        "last": last,
        "start": (page - 1) * PAGE_SIZE + 1,
        "previous": link(page - 1) if page > 1 else "",
        "next": link(page + 1) if page < last else "",
        "numbers": [{"number": n, "url": link(n), "current": n == page} for n in numbers],
    }


def browse(request):
    form = SearchForm(request.GET or None)
    query = form.query()
    filters = _filters(request)
    path = request.path
    lang = request.LANGUAGE_CODE
    error = ""
    try:
        result = search_query.search(
            query["q"],
            mode=query["mode"],
            lang=lang,
            filters={key: values for key, values in filters.items() if values},
            sort=query["sort"],
            limit=PAGE_SIZE,
            offset=(query["page"] - 1) * PAGE_SIZE,
        )
    except (ValueError, ValidationError) as problem:
        # a filter value the index does not know: say so, show the catalogue unfiltered
        error = str(problem)
        filters = {key: [] for key, _label in FACETS}
        result = search_query.search(
            query["q"], mode=query["mode"], lang=lang, sort=query["sort"], limit=PAGE_SIZE
        )
    items = [
        {
            **item,
            "type_label": display.type_label(item["type"]),
            "language_info": display.language(item["language"]) if item.get("language") else None,
            "date": display.as_date(item.get("date")),
            "url": reverse("knowledge:resource", args=[item["identifier"]]),
        }
        for item in result.items
    ]
    chosen = [
        {
            "facet": label,
            "value": next(
                (
                    str(e.get("label") or e["key"])
                    for e in result.facets.get(key, [])
                    if str(e["key"]) == value
                ),
                value,
            ),
            "url": display.query_url(
                path,
                _params(
                    query, filters, **{key: [v for v in filters[key] if v != value], "page": None}
                ),
            ),
        }
        for key, label in FACETS
        for value in filters.get(key, [])
    ]
    context = {
        "form": form,
        "query": query,
        "error": error,
        "result": result,
        "items": items,
        "facets": _facets(path, query, filters, result.facets),
        "chosen": chosen,
        "clear_url": display.query_url(path, {"q": [query["q"]], "mode": [query["mode"]]}),
        "pages": _pages(path, query, filters, result.count),
        "filters": filters,
        # the search box keeps a chosen sort only when it is not the default
        "sort_kept": _params(query, filters).get("sort", [""])[0],
        "sorts": [
            {
                "value": value,
                "label": label,
                "current": value == query["sort"],
                "url": display.query_url(path, _params(query, filters, sort=[value], page=None)),
            }
            for value, label in SORTS
        ],
        "themes": Theme.objects.all(),
        "form_errors": form.errors if form.is_bound else {},
    }
    return render(request, "knowledge/browse.html", context)
