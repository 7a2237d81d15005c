"""Forms of the pages where people put data in or ask for alerts."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from lmec.core.models import Country

from .. import selectors
from ..models import Station, Upload
from .forms import standard_choices

#: File types the ingest reads, by extension (the content is checked by the ingest itself).
UPLOAD_EXTENSIONS = (".csv", ".txt", ".xlsx", ".json")


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV or XLSX (long or wide table), or OpenAQ v3 measurements (JSON)."),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("Recognise it from the file"))]
        + [(c, label) for c, label in Upload.Format.choices if c != Upload.Format.API],
    )
    mapping = forms.FileField(
        label=_("Mapping (YAML)"),
        required=False,
        help_text=_("Needed for a wide table: which column holds what, in which unit."),
    )
    station = forms.ModelChoiceField(
        label=_("Station"),
        queryset=Station.objects.none(),
        required=False,
        help_text=_("For OpenAQ files, which hold one sensor's values without a station code."),
    )
    skip_invalid = forms.BooleanField(
        label=_("Store the valid rows and skip the invalid ones"),
        required=False,
        help_text=_(
            "Otherwise a file with any invalid row is refused whole and nothing is stored."
        ),
    )

    def __init__(self, *args, stations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["station"].queryset = (
            stations if stations is not None else Station.objects.all()
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        if suffix not in UPLOAD_EXTENSIONS:
            raise forms.ValidationError(
                _("%(name)s: expected a .csv, .xlsx or .json file.") % {"name": upload.name}
            )
        if upload.size > settings.UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                _("%(name)s is larger than %(limit)d MB; split it, or push it through the API.")
                % {"name": upload.name, "limit": settings.UPLOAD_MAX_BYTES // 1_000_000}
            )
        return upload

    def clean_mapping(self):
        mapping = self.cleaned_data.get("mapping")
        if not mapping:
            return ""
        if mapping.size > 100_000:
            raise forms.ValidationError(_("A mapping is a short YAML file (under 100 kB)."))
        try:
            return mapping.read().decode("utf-8")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The mapping must be UTF-8 text (YAML).")) from None

    def clean(self):
        data = super().clean()
        if data.get("format") == Upload.Format.WIDE and not data.get("mapping"):
            self.add_error("mapping", _("A wide table needs a mapping."))
        return data


class ApiKeyForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=120, help_text=_("E.g. the data logger that will use it.")
    )
    stations = forms.ModelMultipleChoiceField(
        label=_("Stations"), queryset=Station.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, stations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stations"].queryset = (
            stations if stations is not None else Station.objects.none()
        )


class AlertForm(forms.Form):
    station = forms.ModelChoiceField(
        label=_("Station"),
        queryset=Station.objects.filter(kind=Station.Kind.AIR),
        required=False,
        empty_label=_("— any station of the country —"),
    )
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.all(), required=False
    )
    threshold = forms.IntegerField(
        label=_("Alert me when the AQI is above"), min_value=1, max_value=500, initial=150
    )
    standard = forms.ChoiceField(label=_("Index"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # the same translated "country · document" names as the map and station pages
        standards = selectors.aqi_standard_list(translation.get_language())
        self.fields["standard"].choices = standard_choices(
            standards, default_label=_("Each station's national index")
        )

    def clean(self):
        data = super().clean()
        if bool(data.get("station")) == bool(data.get("country")):
            raise forms.ValidationError(_("Choose a station, or a country for all its stations."))
        return data
