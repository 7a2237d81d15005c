"""Forms of the cooperation pages. A form only collects what a person typed and hands it to
the service as the API's ``data`` dict; the services validate, check permissions and store."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from lmec.core.i18n import LANGUAGE_CODES
from lmec.core.models import Country
from lmec.core.widgets import IsoDateInput
from lmec.network.models import Organisation

from .models import (
    Activity,
    Event,
    EventKind,
    Milestone,
    MilestoneStatus,
    Project,
    ProjectKind,
    ProjectStatus,
)
from .services.events import EVENT_FIELDS

#: The order in which a venue's local date and time are typed (``<input type=datetime-local>``).
LOCAL_FORMAT = "%Y-%m-%dT%H:%M"


def _label(name: str, model=Event) -> str:
    return str(model._meta.get_field(name).verbose_name).capitalize()


def _identifiers(text: str | None) -> list[str]:
    """Knowledge resource identifiers typed separated by commas."""
    return [part.strip() for part in (text or "").split(",") if part.strip()]


class EventForm(forms.Form):
    """An event as its organisers write it: texts in its original language (translations
    come through the API or the admin), times local at the venue."""

    slug = forms.CharField(label=_label("slug"), max_length=120)
    kind = forms.ChoiceField(label=_label("kind"), choices=EventKind.choices)
    language = forms.ChoiceField(label=_label("language"), choices=settings.LANGUAGES)
    title = forms.CharField(label=_label("title"), max_length=300)
    summary = forms.CharField(label=_label("summary"), required=False, widget=forms.Textarea)
    agenda = forms.CharField(label=_label("agenda"), required=False, widget=forms.Textarea)
    outcomes = forms.CharField(label=_label("outcomes"), required=False, widget=forms.Textarea)
    start = forms.CharField(
        label=_label("start"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Local time at the venue."),
    )
    end = forms.CharField(
        label=_label("end"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Local time at the venue."),
    )
    timezone = forms.CharField(label=_label("timezone"), max_length=64, required=False)
    online = forms.BooleanField(label=_label("online"), required=False)
    country = forms.ModelChoiceField(
        label=_label("country"), queryset=Country.objects.all(), required=False
    )
    city = forms.CharField(label=_label("city"), max_length=120, required=False)
    venue = forms.CharField(label=_label("venue"), max_length=300, required=False)
    url = forms.CharField(label=_label("url"), max_length=200, required=False)
    activities = forms.ModelMultipleChoiceField(
        label=_label("activities"),
        queryset=Activity.objects.select_related("action__direction").order_by(
            "action__direction__number", "action__number", "position"
        ),
        to_field_name="code",
        required=False,
    )
    organisers = forms.ModelMultipleChoiceField(
        label=_label("organisers"),
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        required=False,
    )
    partners = forms.ModelMultipleChoiceField(
        label=_label("partners"),
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        required=False,
    )
    documents = forms.CharField(
        label=_label("documents"),
        required=False,
        max_length=2000,
        help_text=_("Identifiers of knowledge resources, separated by commas."),
    )
    registration_open = forms.BooleanField(label=_label("registration_open"), required=False)
    capacity = forms.IntegerField(label=_label("capacity"), required=False, min_value=1)

    def __init__(self, *args, editing: Event | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        self.fields["activities"].label_from_instance = lambda a: f"{a.code} {a.name}"
        if editing is not None:
            # the code is the event's public key (URLs, calendar UIDs): it does not change
            self.fields["slug"].disabled = True
            self.fields["slug"].required = False

    def to_data(self) -> dict:
        """The service's ``data``: the API's field names and shapes."""
        data = self.cleaned_data
        # the form's fields carry the service's names (services.events.EVENT_FIELDS)
        out = {name: data.get(name) for name in EVENT_FIELDS if name != "slug"}
        if self.editing is None:
            out["slug"] = data["slug"].strip()
        out["country"] = data["country"].code if data.get("country") else None
        out["activities"] = [a.code for a in data.get("activities") or []]
        for name in ("organisers", "partners"):
            out[name] = [o.slug for o in data.get(name) or []]
        out["documents"] = _identifiers(data.get("documents"))
        # left empty, the service takes the host country's zone
        zone = (out.pop("timezone") or "").strip()
        if zone:
            out["timezone"] = zone
        return out

    def add_service_errors(self, errors: dict[str, list[str]]) -> None:
        """Show the service's refusals on their fields (others above the form)."""
        for name, messages in errors.items():
            field = name.split(".")[0].split("[")[0]
            for message in messages:
                self.add_error(field if field in self.fields else None, message)


def event_initial(event: Event) -> dict:
    """The form's values for an existing event: texts in its original language, times local
    at the venue."""
    from zoneinfo import ZoneInfo

    from modeltranslation.utils import build_localized_fieldname

    zone = ZoneInfo(event.timezone)
    initial = {
        "slug": event.slug,
        "kind": event.kind,
        "language": event.language,
        "start": event.start.astimezone(zone).strftime(LOCAL_FORMAT),
        "end": event.end.astimezone(zone).strftime(LOCAL_FORMAT),
        "timezone": event.timezone,
        "online": event.online,
        "country": event.country_id,
        "url": event.url,
        "activities": [a.code for a in event.activities.all()],
        "organisers": [o.slug for o in event.organisers.all()],
        "partners": [o.slug for o in event.partners.all()],
        "documents": ", ".join(d.identifier for d in event.documents.all()),
        "registration_open": event.registration_open,
        "capacity": event.capacity,
    }
    for name in ("title", "summary", "agenda", "outcomes", "city", "venue"):
        initial[name] = getattr(event, build_localized_fieldname(name, event.language), "") or ""
    return initial


def _label_project(name: str) -> str:
    return _label(name, Project)


class ProjectForm(forms.Form):
    """A project's own fields in its original language; partners with their roles and sites
    are written through the API (``/api/v1/cooperation/projects``), milestones on their own
    page (:class:`MilestoneForm`), funding rows through the API or the funding import page."""

    code = forms.CharField(label=_label_project("code"), max_length=80)
    kind = forms.ChoiceField(label=_label_project("kind"), choices=ProjectKind.choices)
    status = forms.ChoiceField(label=_label_project("status"), choices=ProjectStatus.choices)
    published = forms.BooleanField(label=_label_project("published"), required=False)
    language = forms.ChoiceField(label=_label_project("language"), choices=settings.LANGUAGES)
    title = forms.CharField(label=_label_project("title"), max_length=300)
    summary = forms.CharField(
        label=_label_project("summary"), required=False, widget=forms.Textarea
    )
    outputs = forms.CharField(
        label=_label_project("outputs"), required=False, widget=forms.Textarea
    )
    country = forms.ModelChoiceField(
        label=_label_project("country"), queryset=Country.objects.all(), required=False
    )
    countries = forms.ModelMultipleChoiceField(
        label=_label_project("countries"),
        queryset=Country.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    lead_organisation = forms.ModelChoiceField(
        label=_label_project("lead_organisation"),
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        required=False,
    )
    planned_start = forms.DateField(
        label=_label_project("planned_start"),
        required=False,
        widget=IsoDateInput(),
    )
    planned_end = forms.DateField(
        label=_label_project("planned_end"),
        required=False,
        widget=IsoDateInput(),
    )
    actual_start = forms.DateField(
        label=_label_project("actual_start"),
        required=False,
        widget=IsoDateInput(),
    )
    actual_end = forms.DateField(
        label=_label_project("actual_end"),
        required=False,
        widget=IsoDateInput(),
    )
    activities = forms.ModelMultipleChoiceField(
        label=_label_project("activities"),
        queryset=Activity.objects.select_related("action__direction").order_by(
            "action__direction__number", "action__number", "position"
        ),
        to_field_name="code",
        required=False,
    )
    documents = forms.CharField(
        label=_label_project("documents"),
        required=False,
        max_length=2000,
        help_text=_("Identifiers of knowledge resources, separated by commas."),
    )

    def __init__(self, *args, editing=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        self.fields["activities"].label_from_instance = lambda a: f"{a.code} {a.name}"
        if editing is not None:
            # the code is the project's public key (URLs, the IATI identifier)
            self.fields["code"].disabled = True
            self.fields["code"].required = False

    def to_data(self) -> dict:
        data = self.cleaned_data
        out = {
            name: data.get(name)
            for name in ("kind", "status", "published", "language", "title", "summary", "outputs")
        }
        if self.editing is None:
            out["code"] = data["code"].strip()
        out["country"] = data["country"].code if data.get("country") else None
        out["countries"] = [c.code for c in data.get("countries") or []]
        lead = data.get("lead_organisation")
        out["lead_organisation"] = lead.slug if lead else None
        for name in ("planned_start", "planned_end", "actual_start", "actual_end"):
            out[name] = data[name].isoformat() if data.get(name) else None
        out["activities"] = [a.code for a in data.get("activities") or []]
        out["documents"] = [
            d.strip() for d in (data.get("documents") or "").split(",") if d.strip()
        ]
        return out

    add_service_errors = EventForm.add_service_errors


def project_initial(project) -> dict:
    """The form's values for an existing project, texts in its original language."""
    from modeltranslation.utils import build_localized_fieldname

    initial = {
        "code": project.code,
        "kind": project.kind,
        "status": project.status,
        "published": project.published,
        "language": project.language,
        "country": project.country_id,
        "countries": [c.code for c in project.countries.all()],
        "lead_organisation": project.lead_organisation.slug
        if project.lead_organisation_id
        else None,
        "activities": [a.code for a in project.activities.all()],
        "documents": ", ".join(d.identifier for d in project.documents.all()),
    }
    for name in ("planned_start", "planned_end", "actual_start", "actual_end"):
        initial[name] = getattr(project, name)
    for name in ("title", "summary", "outputs"):
        initial[name] = (
            getattr(project, build_localized_fieldname(name, project.language), "") or ""
        )
    return initial


class MilestoneForm(forms.Form):
    """One milestone of a project, its title in the project's original language (other
    languages' titles of an existing milestone are kept as they are)."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(label=_label("title", Milestone), max_length=300)
    due = forms.DateField(
        label=_label("due", Milestone),
        widget=IsoDateInput(),
    )
    done_on = forms.DateField(
        label=_label("done_on", Milestone),
        required=False,
        widget=IsoDateInput(),
    )
    status = forms.ChoiceField(
        label=_label("status", Milestone),
        choices=MilestoneStatus.choices,
        initial=MilestoneStatus.PLANNED,
    )


#: The milestones of a project as rows of one page; two empty rows to add more, a box to
#: remove one.
MilestoneFormSet = forms.formset_factory(MilestoneForm, extra=2, can_delete=True)


def milestones_data(formset, project) -> tuple[list[dict], list]:
    """The service's ``milestones`` list from a valid formset: kept and new rows in the page's
    order, an existing milestone keeping its titles in the other languages; and the form of
    each item (to show the service's refusal of ``milestones[i]`` on its row)."""
    existing = {m.id: m for m in project.milestones.all()}
    out, forms_of = [], []
    for form in formset.forms:
        data = form.cleaned_data
        if not data or data.get("DELETE"):
            continue
        old = existing.get(data.get("id"))
        titles = (
            {code: t for code in LANGUAGE_CODES if (t := getattr(old, _column("title", code), ""))}
            if old
            else {}
        )
        titles[project.language] = data["title"]
        out.append(
            {
                "title": titles,
                "due": data["due"].isoformat(),
                "done_on": data["done_on"].isoformat() if data["done_on"] else None,
                "status": data["status"],
            }
        )
        forms_of.append(form)
    return out, forms_of


def milestones_initial(project) -> list[dict]:
    """The rows for a project's milestones, titles in its original language."""
    return [
        {
            "id": m.id,
            "title": getattr(m, _column("title", project.language), "") or m.title,
            "due": m.due,
            "done_on": m.done_on,
            "status": m.status,
        }
        for m in project.milestones.all()
    ]


def _column(name: str, code: str) -> str:
    from modeltranslation.utils import build_localized_fieldname

    return build_localized_fieldname(name, code)
