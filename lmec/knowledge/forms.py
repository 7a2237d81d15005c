"""Forms of the knowledge pages: search, the resource form, workflow steps, access requests.

The forms check the shape of the input and turn it into the ``data`` dict the services take
(the shape of one line of the JSONL import); the services validate the content again and check
permissions (:class:`lmec.knowledge.services.ResourceInvalid`, ``PermissionDenied``).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from lmec.cooperation.models import Activity
from lmec.core.i18n import NATIVE_NAMES
from lmec.core.models import Country, Theme
from lmec.core.widgets import IsoDateInput
from lmec.network.models import Organisation

from . import licences, selectors
from .models import CASE_FIELDS, Access, Resource, ResourceType
from .views.workflow import STEPS

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
MODES = (
    ("hybrid", _("Hybrid (words and meaning)")),
    ("lexical", _("Words (lexical)")),
    ("semantic", _("Meaning, across languages (semantic)")),
)
SORTS = (
    ("relevance", _("Relevance")),
    ("newest", _("Newest first")),
    ("title", _("Title")),
)
#: Filters of the browse page, in the order of the facet sidebar.
FACETS = (
    ("type", _("Type")),
    ("theme", _("Theme")),
    ("country", _("Country")),
    ("language", _("Language")),
    ("year", _("Year")),
    ("licence", _("Licence")),
)


def column(lang: str) -> str:
    return lang.replace("-", "_")


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=500)
    mode = forms.ChoiceField(label=_("Search by"), choices=MODES, required=False)
    sort = forms.ChoiceField(label=_("Sort"), choices=SORTS, required=False)
    page = forms.IntegerField(label=_("Page"), min_value=1, max_value=10_000, required=False)

    def query(self) -> dict:
        """The valid parts of the query with defaults; a bad value falls back (and is shown)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        q = (data.get("q") or "").strip()
        return {
            "q": q,
            "mode": data.get("mode") or "hybrid",
            "sort": data.get("sort") or ("relevance" if q else "newest"),
            "page": data.get("page") or 1,
        }


class WorkflowForm(forms.Form):
    step = forms.ChoiceField(choices=[(step, step) for step in STEPS])
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea)

    def clean(self):
        data = super().clean()
        step = data.get("step")
        if step and STEPS[step][3] and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Say what should change: a comment is required."))
        return data


class AccessRequestForm(forms.Form):
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "What you will use the data for; the country's focal point or an editor decides."
        ),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=(("approve", _("Approve")), ("decline", _("Decline"))),
        widget=forms.HiddenInput,
    )
    note = forms.CharField(
        label=_("Note to the requester"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ResourceForm(forms.Form):
    """One catalogue record: its texts in the original language and translations, metadata,
    and one more file and one more link per save."""

    identifier = forms.CharField(
        label=_("Identifier"),
        required=False,
        max_length=200,
        help_text=_(
            "A stable short name for links and citations (letters, digits and . _ : -); "
            "left empty, one is made from the title."
        ),
    )
    type = forms.ChoiceField(label=_("Type"), choices=ResourceType.choices)
    language = forms.ChoiceField(
        label=_("Original language"),
        choices=settings.LANGUAGES,
        help_text=_("The language the resource was written in; other languages are translations."),
    )
    access = forms.ChoiceField(
        label=_("Access"),
        choices=Access.choices,
        help_text=_(
            "On request: signed-in users ask with a purpose; the focal point or an editor decides."
        ),
    )
    licence = forms.ChoiceField(label=_("Licence"), choices=licences.CHOICES)
    published_on = forms.DateField(
        label=_("Publication date"),
        required=False,
        widget=IsoDateInput(),
    )
    authors = forms.CharField(
        label=_("Authors"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: name; affiliation; ORCID (the last two optional)."),
    )
    publisher = forms.ModelChoiceField(
        label=_("Publisher"),
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        required=False,
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Other organisations"),
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        required=False,
    )
    country = forms.ModelChoiceField(
        label=_("Owning country"),
        queryset=Country.objects.all(),
        required=False,
        empty_label=_("— regional —"),
        help_text=_("Its national focal point reviews the record and decides access requests."),
    )
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries covered"),
        queryset=Country.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    spatial = forms.CharField(label=_("Place or area"), required=False, max_length=300)
    latitude = forms.FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    keywords = forms.CharField(
        label=_("Keywords"),
        required=False,
        max_length=2000,
        help_text=_("Separated by commas."),
    )
    activities = forms.ModelMultipleChoiceField(
        label=_("Framework activities"),
        queryset=Activity.objects.select_related("action__direction").order_by(
            "action__direction__number", "action__number", "position"
        ),
        to_field_name="code",
        required=False,
        help_text=_("The activities of the strategy's action table the resource serves."),
    )
    doi = forms.CharField(label=_("DOI"), required=False, max_length=200)
    url = forms.URLField(
        label=_("Web address"), required=False, max_length=1000, assume_scheme="https"
    )
    sdgs = forms.TypedMultipleChoiceField(
        label=_("Sustainable Development Goals"),
        choices=[(n, str(n)) for n in range(1, 18)],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    figures = forms.CharField(
        label=_("Results in figures"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One per line: label | value | unit, e.g. “Emissions avoided | 1200 | t CO2e/yr”."
        ),
    )
    file = forms.FileField(
        label=_("Add a file"),
        required=False,
        help_text=_("PDF, DOCX, XLSX, CSV or an image; checked by its content."),
    )
    file_title = forms.CharField(label=_("Title of the file"), required=False, max_length=300)
    link_url = forms.URLField(
        label=_("Add a link"), required=False, max_length=1000, assume_scheme="https"
    )
    link_title = forms.CharField(label=_("Title of the link"), required=False, max_length=300)

    def __init__(self, *args, editing: Resource | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        # the code alone says little: the activity's name in the reader's language with it
        self.fields["activities"].label_from_instance = lambda a: f"{a.code} {a.name}"
        if editing is not None:
            # the identifier is the record's public key: it does not change
            self.fields["identifier"].disabled = True
            self.fields["identifier"].help_text = ""
        for code in LANGUAGE_CODES:
            self.fields[f"title_{column(code)}"] = forms.CharField(
                label=_("Title"),
                required=False,
                max_length=500,
            )
            self.fields[f"abstract_{column(code)}"] = forms.CharField(
                label=_("Abstract"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        for field in CASE_FIELDS:
            label = Resource._meta.get_field(field).verbose_name.capitalize()
            for code in LANGUAGE_CODES:
                self.fields[f"{field}_{column(code)}"] = forms.CharField(
                    label=label, required=False, widget=forms.Textarea(attrs={"rows": 3})
                )

    # groups of fields, for the template's fieldsets
    def translation_fields(self) -> list[dict]:
        """Per language its names and its title and abstract fields, for the template."""
        return [
            {
                "code": code,
                "label": name,
                "native": NATIVE_NAMES[code],
                "title": self[f"title_{column(code)}"],
                "abstract": self[f"abstract_{column(code)}"],
            }
            for code, name in settings.LANGUAGES
        ]

    def case_translation_fields(self) -> list[dict]:
        """Per language its names and its case sections (context … partners); ``filled``
        when a section has text or an error (the template opens those languages)."""
        blocks = []
        for code, name in settings.LANGUAGES:
            fields = [self[f"{field}_{column(code)}"] for field in CASE_FIELDS]
            filled = any((field.value() or "").strip() or field.errors for field in fields)
            blocks.append(
                {
                    "code": code,
                    "label": name,
                    "native": NATIVE_NAMES[code],
                    "fields": fields,
                    "filled": filled,
                }
            )
        return blocks

    def case_fields(self):
        """The case's fields written once, whatever the language."""
        return [self["sdgs"], self["figures"]]

    def clean_authors(self) -> list[dict]:
        authors = []
        for number, line in enumerate(_lines(self.cleaned_data.get("authors")), start=1):
            parts = [part.strip() for part in line.split(";")]
            if not parts[0]:
                raise forms.ValidationError(_("Line %(n)d: the name comes first.") % {"n": number})
            author = {"name": parts[0]}
            if len(parts) > 1 and parts[1]:
                author["affiliation"] = parts[1]
            if len(parts) > 2 and parts[2]:
                author["orcid"] = parts[2]
            authors.append(author)
        return authors

    def clean_keywords(self) -> list[str]:
        text = self.cleaned_data.get("keywords") or ""
        # the ideographic and Burmese commas separate too
        for comma in ("，", "、", "၊"):
            text = text.replace(comma, ",")
        return [word.strip() for word in text.split(",") if word.strip()]

    def clean_figures(self) -> list[dict]:
        figures = []
        for number, line in enumerate(_lines(self.cleaned_data.get("figures")), start=1):
            parts = [part.strip() for part in line.split("|")]
            if len(parts) not in (2, 3) or not parts[0]:
                raise forms.ValidationError(
                    _("Line %(n)d: write label | value | unit.") % {"n": number}
                )
            try:
                value = float(parts[1].replace(",", ""))
            except ValueError:
                raise forms.ValidationError(
                    _("Line %(n)d: “%(value)s” is not a number.") % {"n": number, "value": parts[1]}
                ) from None
            figures.append(
                {"label": parts[0], "value": value, "unit": parts[2] if len(parts) == 3 else ""}
            )
        return figures

    def clean(self):
        data = super().clean()
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            self.add_error("longitude", _("Give both latitude and longitude, or neither."))
        original = data.get("language")
        if original and not (data.get(f"title_{column(original)}") or "").strip():
            self.add_error(
                f"title_{column(original)}",
                _("The title in the original language is required."),
            )
        if data.get("file_title") and not data.get("file"):
            self.add_error("file", _("Choose the file this title is for."))
        if data.get("link_title") and not data.get("link_url"):
            self.add_error("link_url", _("Give the address this title is for."))
        return data

    def _texts(self, field: str) -> dict[str, str]:
        """``{lang: text}`` of the filled languages; on an edit every language, so that an
        emptied translation is removed."""
        data = self.cleaned_data
        texts = {}
        for code in LANGUAGE_CODES:
            value = (data.get(f"{field}_{column(code)}") or "").strip()
            if value or self.editing is not None:
                texts[code] = value
        return texts

    def _figures(self) -> list[dict]:
        """The figures as typed; on an edit, a label or unit typed as it stood in the original
        language keeps its translations (the form shows the original language only)."""
        figures = self.cleaned_data["figures"]
        if self.editing is None or self.cleaned_data["language"] != self.editing.language:
            return figures
        original = self.editing.language
        kept: dict[tuple[str, str], object] = {}
        for stored in self.editing.figures or []:
            if isinstance(stored, dict):
                for key in ("label", "unit"):
                    value = stored.get(key)
                    if isinstance(value, dict):
                        text = selectors.figure_text(value, original, original)[0]
                        kept.setdefault((key, text), value)
        return [
            {
                **figure,
                "label": kept.get(("label", figure["label"]), figure["label"]),
                "unit": kept.get(("unit", figure["unit"]), figure["unit"]),
            }
            for figure in figures
        ]

    def to_data(self) -> dict:
        """The services' ``data`` dict (the JSONL shape)."""
        data = self.cleaned_data
        out = {
            "type": data["type"],
            "language": data["language"],
            "title": self._texts("title"),
            "abstract": self._texts("abstract"),
            "access": data["access"],
            "licence": data["licence"],
            "date": data["published_on"].isoformat() if data.get("published_on") else None,
            "authors": data["authors"],
            "publisher": data["publisher"].slug if data.get("publisher") else None,
            "organisations": [o.slug for o in data.get("organisations") or []],
            "country": data["country"].code if data.get("country") else None,
            "countries": [c.code for c in data.get("countries") or []],
            "spatial": data.get("spatial") or "",
            "latitude": data.get("latitude"),
            "longitude": data.get("longitude"),
            "themes": [t.code for t in data.get("themes") or []],
            "keywords": data["keywords"],
            "activities": [a.code for a in data.get("activities") or []],
            "doi": data.get("doi") or "",
            "url": data.get("url") or "",
            "sdgs": data.get("sdgs") or [],
            "figures": self._figures(),
        }
        for field in CASE_FIELDS:
            out[field] = self._texts(field)
        if self.editing is None and data.get("identifier"):
            out["identifier"] = data["identifier"].strip()
        return out


def _plain(value) -> str:
    """A figure's value as typed back into the form: 18500, not 18500.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def initial_from(resource: Resource) -> dict:
    """The form's initial values for an existing record."""
    initial = {
        "identifier": resource.identifier,
        "type": resource.type,
        "language": resource.language,
        "access": resource.access,
        "licence": resource.licence,
        "published_on": resource.published_on,
        "authors": "\n".join(
            "; ".join(
                [a.get("name", "")]
                + ([a.get("affiliation", "")] if a.get("affiliation") or a.get("orcid") else [])
                + ([a["orcid"]] if a.get("orcid") else [])
            )
            if isinstance(a, dict)
            else str(a)
            for a in resource.authors or []
        ),
        "publisher": resource.publisher.slug if resource.publisher_id else None,
        "organisations": [o.slug for o in resource.organisations.all()],
        "country": resource.country_id,
        "countries": [c.code for c in resource.countries.all()],
        "spatial": resource.spatial,
        "latitude": resource.latitude,
        "longitude": resource.longitude,
        "themes": [t.code for t in resource.themes.all()],
        "keywords": ", ".join(k.name for k in resource.keywords.all()),
        "activities": [a.code for a in resource.activities.all()],
        "doi": resource.doi,
        "url": resource.url,
        "sdgs": resource.sdgs or [],
        "figures": "\n".join(
            " | ".join(
                [
                    selectors.figure_text(f.get("label"), resource.language, resource.language)[0],
                    _plain(f.get("value")),
                    selectors.figure_text(f.get("unit"), resource.language, resource.language)[0],
                ]
            )
            for f in resource.figures or []
            if isinstance(f, dict)
        ),
    }
    for code in LANGUAGE_CODES:
        initial[f"title_{column(code)}"] = getattr(resource, f"title_{column(code)}", "")
        initial[f"abstract_{column(code)}"] = getattr(resource, f"abstract_{column(code)}", "")
        for field in CASE_FIELDS:
            initial[f"{field}_{column(code)}"] = getattr(resource, f"{field}_{column(code)}", "")
    return initial
