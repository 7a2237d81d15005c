"""Pages of the air- and water-quality hub."""

from django.shortcuts import render
from django.utils import translation

from .. import selectors
from ..forms import EXAMPLE_READINGS, CompareForm


def standards(request):
    """The AQI and water standards side by side, with a calculator that reads one set of
    concentrations under every index. Answers htmx requests with the comparison alone."""
    language = translation.get_language()
    if request.GET:
        form = CompareForm(request.GET)
        readings = form.readings() if form.is_valid() else None
    else:
        form = CompareForm(initial=EXAMPLE_READINGS)
        readings = EXAMPLE_READINGS
    context = {
        "form": form,
        "readings": readings,
        "comparison": selectors.comparison(readings, language) if readings else [],
    }
    if request.headers.get("HX-Request"):
        return render(request, "monitoring/_comparison.html", context)
    context |= {
        "standards": selectors.aqi_standard_list(language),
        "breakpoint_tables": selectors.breakpoint_tables(),
        "water": selectors.water_reference(),
    }
    return render(request, "monitoring/standards.html", context)
