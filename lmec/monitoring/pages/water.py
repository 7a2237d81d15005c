"""Pages of the water sampling sites: the list with the latest classes, and one site."""

import datetime as dt

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .. import selectors
from ..models import Station
from ..parameters import Flag


def water_sites(request):
    """Every sampling site with its latest class, and a legend of each standard's classes."""
    sites = selectors.water_site_list()
    context = {
        "sites": sites,
        "legend": selectors.water_legend(),
        "classified": sum(1 for s in sites if s["latest"] and s["latest"]["class"]),
    }
    return render(request, "monitoring/water_sites.html", context)


def _date(request, name: str, label: str, errors: list[str]) -> dt.date | None:
    text = request.GET.get(name, "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        # named by the form's label, in the reader's language (the parameter name is English)
        errors.append(
            _("%(name)s: %(value)s is not a date (YYYY-MM-DD).") % {"name": label, "value": text}
        )
        return None


def water_site(request, code: str):
    """One site: its latest sample value by value, and the class history (``?start=&end=``)."""
    try:
        site = selectors.water_site_detail(code)
    except Station.DoesNotExist:
        raise Http404(_("No water sampling site %(code)s.") % {"code": code}) from None
    errors: list[str] = []
    start = _date(request, "start", pgettext("start of a date range", "From"), errors)
    end = _date(request, "end", _("to"), errors)
    history = selectors.water_classes(code, start=start, end=end)
    table = selectors.water_history_table(history)
    context = {
        "site": _with_flag_labels(site),
        "history": history,
        "columns": table["columns"],
        "rows": table["rows"],
        "start": start,
        "end": end,
        "errors": errors,
    }
    return render(request, "monitoring/water_site.html", context)


def _with_flag_labels(site: dict) -> dict:
    """``site`` with each latest value's flags as one text in the reader's language
    (``flag_text``); the selector gives codes (``spike``), which the API keeps."""
    latest = site.get("latest")
    if not latest:
        return site
    separator = pgettext("separator between the items of a list", ", ")
    labels = {code: str(Flag.LABELS[bit]) for bit, code in Flag.CODES.items()}
    values = [
        dict(p, flag_text=separator.join(labels.get(c, c) for c in p["flags"]))
        for p in latest["parameters"]
    ]
    return dict(site, latest=dict(latest, parameters=values))
