"""Forms of the air- and water-quality pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lmec.quality import reference

from . import labels

#: A haze-season day in the lower Mekong, in common units (µg/m³, CO mg/m³): the example the
#: comparison shows before the reader types anything.
EXAMPLE_READINGS = {
    "pm25_24h": 85.0,
    "pm10_24h": 120.0,
    "o3_8h": 110.0,
    "o3_1h": 150.0,
    "no2_1h": 60.0,
    "so2_1h": 10.0,
    "co_8h": 1.2,
}

# Far above any reading ever reported (PM2.5 in the worst haze episodes is a few thousand
# µg/m³); beyond it a value is a typing error, not air.
MAX_CONCENTRATION = 100_000.0


class CompareForm(forms.Form):
    """One concentration per input of :data:`lmec.quality.reference.COMPARE_INPUTS`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for pid, (gas, averaging) in reference.COMPARE_INPUTS.items():
            unit = reference.GASES[pid.split("_")[0]][1]
            self.fields[pid] = forms.FloatField(
                label=f"{gas} · {labels.AVERAGING[averaging]} [{unit}]",
                required=False,
                min_value=0,
                max_value=MAX_CONCENTRATION,
                widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
                error_messages={
                    "invalid": _("Enter a number, such as 35.5."),
                    "min_value": _("A concentration cannot be negative."),
                },
            )

    def readings(self) -> dict[str, float]:
        """The concentrations given (only those filled in)."""
        return {pid: value for pid, value in self.cleaned_data.items() if value is not None}
