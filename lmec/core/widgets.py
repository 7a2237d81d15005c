"""Form widgets shared by the apps' pages."""

from __future__ import annotations

from django import forms


class IsoDateInput(forms.DateInput):
    """``<input type="date">``, its value written as an ISO date (YYYY-MM-DD) whatever the
    page's language: the browser reads only that form, and shows the field empty when Django
    writes the active language's date format (Thai "03/11/2026", English "Jan. 1, 2024")."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")
