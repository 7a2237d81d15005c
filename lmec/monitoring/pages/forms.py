"""The query strings of the hub's pages, validated like forms.

A page's address keeps what the reader chose (standard, period, year, stations), so a view
can be shared; a bad value gets a message naming the field and the valid choices, never a
500. Choices that come from the database (stations, countries) are passed in by the view.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lmec.core.widgets import IsoDateInput

#: Periods of the station page's charts: (days, resolution). Up to a month the charts show
#: hourly values; beyond, daily means (the page never reads a year of hourly rows).
PERIODS = {
    "7d": (7, "hourly"),
    "30d": (30, "hourly"),
    "1y": (365, "daily"),
    "5y": (5 * 365 + 1, "daily"),
}
PERIOD_LABELS = {
    "7d": pgettext_lazy("period", "7 days (hourly)"),
    "30d": pgettext_lazy("period", "30 days (hourly)"),
    "1y": pgettext_lazy("period", "1 year (daily means)"),
    "5y": pgettext_lazy("period", "5 years (daily means)"),
}
#: A week of hours: what people look at first, and the cheapest page to serve.
DEFAULT_PERIOD = "7d"
#: The comparison reads one daily AQI per station and day: at most this many days.
MAX_COMPARE_DAYS = 366
MAX_COMPARE_STATIONS = 12

CHOICE_ERROR = _("“%(value)s” is not one of the choices: %(choices)s.")


def standard_choices(standards: list[dict], *, default_label) -> list[tuple[str, str]]:
    """Choices of an AQI standard, from :func:`selectors.aqi_standard_list` rows."""
    choices = [("", default_label)] if default_label else []
    return choices + [(s["id"], f"{s['country_name']} · {s['document']}") for s in standards]


class _ChoicesNamed:
    """Say which values are valid when a choice is not one of them."""

    def add_error_choices(self):
        for field in self.fields.values():
            if isinstance(field, forms.ChoiceField):
                valid = ", ".join(str(key) for key, _label in field.choices if key)
                field.error_messages["invalid_choice"] = CHOICE_ERROR % {
                    "value": "%(value)s",
                    "choices": valid,
                }


class MapQuery(_ChoicesNamed, forms.Form):
    standard = forms.ChoiceField(label=_("Index"), required=False)

    def __init__(self, data, *, standards: list[dict]):
        super().__init__(data)
        self.fields["standard"].choices = standard_choices(
            standards, default_label=_("Each station's national index")
        )
        self.add_error_choices()


class StationQuery(_ChoicesNamed, forms.Form):
    period = forms.ChoiceField(
        label=_("Period"), required=False, choices=list(PERIOD_LABELS.items())
    )
    standard = forms.ChoiceField(label=_("Index"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1970, max_value=2100)

    def __init__(self, data, *, standards: list[dict]):
        super().__init__(data)
        self.fields["standard"].choices = standard_choices(
            standards, default_label=_("The station's national index")
        )
        self.add_error_choices()


class CompareQuery(_ChoicesNamed, forms.Form):
    stations = forms.MultipleChoiceField(label=_("Stations"), required=False)
    countries = forms.MultipleChoiceField(label=_("Countries"), required=False)
    standard = forms.ChoiceField(label=_("Index"))
    start = forms.DateField(
        label=pgettext_lazy("start of a date range", "From"),
        widget=IsoDateInput(),
    )
    end = forms.DateField(label=_("To"), widget=IsoDateInput())

    def __init__(self, data, *, standards, stations, countries):
        super().__init__(data)
        self.fields["standard"].choices = standard_choices(standards, default_label=None)
        self.fields["stations"].choices = stations
        self.fields["countries"].choices = countries
        self.add_error_choices()

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end comes before the start."))
            elif (end - start).days + 1 > MAX_COMPARE_DAYS:
                self.add_error(
                    "end",
                    _("Compare at most %(days)d days at a time.") % {"days": MAX_COMPARE_DAYS},
                )
        if not data.get("stations") and not data.get("countries") and not self.errors:
            raise forms.ValidationError(_("Choose at least one station or country."))
        if len(data.get("stations") or ()) > MAX_COMPARE_STATIONS:
            self.add_error(
                "stations",
                _("Compare at most %(n)d stations at a time.") % {"n": MAX_COMPARE_STATIONS},
            )
        return data


def days_before(last: dt.date, days: int) -> dt.date:
    """The first day of a period of ``days`` days ending on ``last`` (included)."""
    return last - dt.timedelta(days=days - 1)
