"""Forms of the directory's pages: the list filters (GET) and "my expert profile".

The forms only collect and shape input; the services validate records and check the rules.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lmec.core.models import Country, Theme

from .models import CapacityMember, Organisation


def _country_choices():
    return [("", _("All countries"))] + [(c.code, c.name) for c in Country.objects.order_by("code")]


class OrganisationFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *Organisation.Kind.choices]
    )
    q = forms.CharField(label=_("Name"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [
            *_country_choices(),
            ("regional", _("Regional and international")),
        ]


class ExpertFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    language = forms.RegexField(
        label=_("Language"),
        regex=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$",
        required=False,
        max_length=12,
        help_text=_("A language code, e.g. th or zh-hans."),
    )
    field = forms.CharField(label=_("Field of expertise"), required=False, max_length=100)
    q = forms.CharField(label=_("Name"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _country_choices()
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (t.code, t.name) for t in Theme.objects.order_by("code")
        ]


class CapacityFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("All types")), *CapacityMember.Kind.choices],
    )
    media = forms.ChoiceField(
        # "Media" alone reads as news media (the stakeholder type) in translation
        label=_("Air or water"),
        required=False,
        choices=[("", _("Air and water")), *CapacityMember.Media.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _country_choices()


class ExpertProfileForm(forms.Form):
    """A member's own profile; the position and biography are stored in the page's
    language (the other languages are kept)."""

    name = forms.CharField(label=_("Name"), max_length=200)
    title = forms.CharField(label=_("Position"), max_length=200, required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    fields_of_expertise = forms.CharField(
        label=_("Fields of expertise"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, e.g. Air quality monitoring."),
    )
    languages = forms.CharField(
        label=_("Languages"),
        required=False,
        max_length=100,
        help_text=_("Language codes separated by commas, e.g. th, en, zh-hans."),
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"), required=False, widget=forms.CheckboxSelectMultiple
    )
    bio = forms.CharField(
        label=_("Short biography"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("Shown on your public profile only while you agree to be listed."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that this profile, including the e-mail address above, is shown on the "
            "public expert directory. I can withdraw this at any time; the profile is then "
            "hidden at once."
        ),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [("", "—")] + [
            (o.slug, f"{o.name} ({o.acronym})" if o.acronym else o.name)
            for o in Organisation.objects.order_by("slug")
        ]
        self.fields["country"].choices = [("", "—")] + [
            (c.code, c.name) for c in Country.objects.order_by("code")
        ]
        self.fields["themes"].choices = [(t.code, t.name) for t in Theme.objects.order_by("code")]

    @staticmethod
    def initial_for(expert) -> dict:
        if expert is None:
            return {}
        return {
            "name": expert.name,
            "title": expert.title or "",
            "organisation": expert.organisation.slug if expert.organisation_id else "",
            "country": expert.country_id or "",
            "fields_of_expertise": "\n".join(expert.fields or []),
            "languages": ", ".join(expert.languages or []),
            "themes": [t.code for t in expert.themes.all()],
            "bio": expert.bio or "",
            "email": expert.email,
            "consent": expert.public,
        }

    def record(self) -> dict:
        """The cleaned data as the services take it."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "title": data["title"],
            "organisation": data["organisation"] or None,
            "country": data["country"] or None,
            "fields": [
                line.strip() for line in data["fields_of_expertise"].splitlines() if line.strip()
            ],
            "languages": [p.strip() for p in data["languages"].split(",") if p.strip()],
            "themes": list(data["themes"]),
            "bio": data["bio"],
            "email": data["email"],
            "consent": bool(data["consent"]),
        }

    #: The service's field names mapped to this form's.
    SERVICE_FIELDS = {"fields": "fields_of_expertise"}
