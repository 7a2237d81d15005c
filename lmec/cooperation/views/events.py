"""Pages of events: the list (filters, CSV/XLSX), an event, registration, the organisers'
page (registrations, attendance, import, certificates), iCalendar feeds and certificates.

Thin: the services decide and check permissions; these pages turn their refusals into
messages on the page (and 403/404/409/429 status codes)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lmec.core import exports
from lmec.core.models import Country

from .. import calendar as ical
from .. import certificates
from ..api.events import registration_limited
from ..forms import EventForm, event_initial
from ..models import (
    AgeGroup,
    Event,
    EventKind,
    Gender,
    Registration,
    RegistrationStatus,
    StakeholderType,
)
from ..selectors import events as selectors
from ..selectors.evaluation import feedback_summary
from ..services import events as services
from .record_form import record_form_page

EXPORT_FORMATS = ("csv", "xlsx")
PAGE_SIZE = 30


def _filters(request) -> dict:
    """The list's filters from the query string; unknown values are ignored (the form shows
    the valid choices)."""
    get = request.GET
    year = get.get("year", "")
    return {
        "year": int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else None,
        "kind": get.get("kind") if get.get("kind") in EventKind.values else None,
        "country": get.get("country") if get.get("country") in services.COUNTRY_ZONES else None,
        "activity": get.get("activity") or None,
        "direction": get.get("direction") or None,
        "when": get.get("when") if get.get("when") in ("upcoming", "past") else None,
    }


def _download(table, fmt: str, stem: str) -> HttpResponse:
    return exports.download(table, fmt, stem=stem)


def event_list(request):
    lang = translation.get_language()
    filters = _filters(request)
    events = selectors.published_events(**filters)
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        return _download(selectors.events_table(events, lang), fmt, "events")
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    count = events.count()
    shown = list(selectors.with_related(events[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]))
    from .. import selectors as registry

    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    return render(
        request,
        "cooperation/events/list.html",
        {
            "events": [_card(e, lang) for e in shown],
            "count": count,
            "filters": filters,
            "kinds": EventKind.choices,
            "countries": Country.objects.order_by("position"),
            "directions": registry.direction_codes(),
            "years": range(2023, timezone.now().year + 2),
            "query": query.urlencode(),
            "page": page,
            "has_next": page * PAGE_SIZE < count,
            "export_formats": EXPORT_FORMATS,
        },
    )


def _card(event: Event, lang: str) -> dict:
    start, end = selectors.local_times(event)
    return {
        "event": event,
        "title": selectors.text(event, "title", lang),
        "city": selectors.text(event, "city", lang),
        "start": start,
        "end": end,
    }


def _visible_or_404(request, slug: str) -> Event:
    try:
        return selectors.visible_event(request.user, slug)
    except Event.DoesNotExist:
        raise Http404(_("No such event.")) from None


def event_detail(request, slug: str):
    lang = translation.get_language()
    event = _visible_or_404(request, slug)
    start, end = selectors.local_times(event)
    own = None
    if request.user.is_authenticated:
        own = (
            Registration.objects.filter(event=event, user=request.user)
            .exclude(status=RegistrationStatus.CANCELLED)
            .first()
        )
    return render(
        request,
        "cooperation/events/detail.html",
        {
            "event": event,
            "t": {f: selectors.text(event, f, lang) for f in selectors.TEXT_FIELDS},
            "title_lang": selectors.text_language(event, "title", lang),
            "start": start,
            "end": end,
            "same_day": start.date() == end.date(),
            "activities": list(event.activities.all()),
            "documents": [
                (d.identifier, selectors.text(d, "title", lang)) for d in event.documents.all()
            ],
            "participants": selectors.participant_aggregates(event),
            "feedback": feedback_summary("event", event.slug),
            "labels": {
                "gender": dict(Gender.choices),
                "age_group": dict(AgeGroup.choices),
                "stakeholder_type": dict(StakeholderType.choices),
            },
            "refusal": services.registration_refusal(event),
            "may_manage": request.user.has_perm("cooperation.manage_registrations", event),
            "own": own,
        },
    )


class RegistrationForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Full name"), max_length=200)
    email = forms.EmailField(label=gettext_lazy("E-mail"))
    country = forms.ChoiceField(label=gettext_lazy("Country"), required=False)
    organisation = forms.CharField(
        label=gettext_lazy("Organisation"), max_length=300, required=False
    )
    stakeholder_type = forms.ChoiceField(
        label=gettext_lazy("You take part on behalf of"), choices=StakeholderType.choices
    )
    gender = forms.ChoiceField(
        label=gettext_lazy("Gender"),
        choices=Gender.choices,
        initial=Gender.UNDISCLOSED,
        required=False,
    )
    age_group = forms.ChoiceField(
        label=gettext_lazy("Age group"),
        choices=AgeGroup.choices,
        initial=AgeGroup.UNDISCLOSED,
        required=False,
    )
    consent = forms.BooleanField(
        label=gettext_lazy(
            "I agree that the organisers keep my name, e-mail, country, organisation, gender "
            "and age group to run this event and send me its documents and certificate; only "
            "counts without names are published. I can cancel my registration at any time."
        ),
        required=True,
        error_messages={
            "required": gettext_lazy("Registration needs your consent to the use of your data.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—")] + [
            (c.code, c.name) for c in Country.objects.order_by("position")
        ]


def event_register(request, slug: str):
    lang = translation.get_language()
    event = _visible_or_404(request, slug)
    refusal = services.registration_refusal(event)
    title = selectors.text(event, "title", lang)
    status = 200
    if request.method == "POST" and refusal is None:
        form = RegistrationForm(request.POST)
        if registration_limited(request):
            form.add_error(None, _("Too many registrations from your address; try later."))
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            try:
                registration = services.register(
                    event=event,
                    user=request.user,
                    name=data["name"],
                    email=data["email"],
                    consent=data["consent"],
                    stakeholder_type=data["stakeholder_type"],
                    country=data["country"] or None,
                    organisation_name=data["organisation"],
                    gender=data["gender"],
                    age_group=data["age_group"],
                )
            except services.EventInvalid as exc:
                for field, errors in exc.errors.items():
                    form.add_error(field if field in form.fields else None, errors)
                status = 422
            except services.EventStateError as exc:
                form.add_error(None, str(exc))
                status = 409
            else:
                return render(
                    request,
                    "cooperation/events/registered.html",
                    {"event": event, "title": title, "registration": registration},
                )
        else:
            status = 422
    else:
        initial = {}
        user = request.user
        if user.is_authenticated:
            initial = {
                "name": user.get_full_name() or user.username,
                "email": user.email,
                "country": user.country_id or "",
                "organisation": getattr(user, "organisation", ""),
            }
        form = RegistrationForm(initial=initial)
        if refusal is not None and request.method == "POST":
            status = 409
    return render(
        request,
        "cooperation/events/register.html",
        {"event": event, "title": title, "form": form, "refusal": refusal},
        status=status,
    )


def _manageable(request, slug: str) -> Event:
    event = _visible_or_404(request, slug)
    if not request.user.has_perm("cooperation.manage_registrations", event):
        raise PermissionDenied(_("Only the organisers of this event manage it."))
    return event


def event_manage(request, slug: str):
    event = _manageable(request, slug)
    import_errors = []
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "attendance":
                ticked = {int(v) for v in request.POST.getlist("attended") if v.isdigit()}
                listed = {int(v) for v in request.POST.getlist("listed") if v.isdigit()}
                services.mark_attendance(
                    user=request.user, event=event, registrations=ticked, attended=True
                )
                services.mark_attendance(
                    user=request.user, event=event, registrations=listed - ticked, attended=False
                )
                messages.success(request, _("Attendance saved."))
            elif action == "import":
                upload = request.FILES.get("file")
                if upload is None:
                    messages.error(request, _("Choose a CSV or XLSX file."))
                else:
                    counts = services.import_attendance(
                        user=request.user, event=event, filename=upload.name, content=upload.read()
                    )
                    messages.success(
                        request,
                        _(
                            "Imported: %(created)d added, %(updated)d updated, %(attended)d attended."
                        )
                        % counts,
                    )
            elif action == "certificates":
                issued = services.issue_certificates(user=request.user, event=event)
                messages.success(request, _("%(n)d certificates issued.") % {"n": len(issued)})
            elif action == "publish":
                services.publish_event(user=request.user, event=event)
                messages.success(request, _("The event is published."))
            elif action == "cancel":
                services.cancel_event(user=request.user, event=event)
                messages.success(request, _("The event is cancelled."))
            else:
                messages.error(request, _("Unknown action."))
        except services.AttendanceImportInvalid as exc:
            import_errors = exc.errors
        except (services.EventInvalid, services.EventStateError) as exc:
            messages.error(request, str(exc))
        if not import_errors:
            return redirect("cooperation:event_manage", slug=event.slug)
    return render(
        request,
        "cooperation/events/manage.html",
        {
            "event": event,
            "title": selectors.text(event, "title", translation.get_language()),
            "registrations": _with_certificate_links(request, selectors.registrations_for(event)),
            "import_errors": import_errors,
            "columns": services.ATTENDANCE_COLUMNS,
            "export_formats": EXPORT_FORMATS,
            "is_training": event.kind == EventKind.TRAINING,
        },
        status=422 if import_errors else 200,
    )


def _with_certificate_links(request, registrations) -> list[Registration]:
    """Each issued certificate's signed link, for the organisers to send to the participant."""
    rows = list(registrations)
    for registration in rows:
        registration.certificate_link = (
            request.build_absolute_uri(
                reverse(
                    "cooperation:certificate_link",
                    kwargs={"token": certificates.certificate_token(registration)},
                )
            )
            if registration.certificate_number
            else ""
        )
    return rows


def cancel_own_registration(request, slug: str):
    """The signed-in participant cancels their registration (POST)."""
    event = _visible_or_404(request, slug)
    if request.method != "POST":
        return redirect("cooperation:event", slug=event.slug)
    registration = (
        Registration.objects.filter(event=event, user=request.user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
        if request.user.is_authenticated
        else None
    )
    if registration is None:
        raise Http404(_("You have no registration for this event."))
    services.cancel_registration(user=request.user, registration=registration)
    messages.success(request, _("Your registration is cancelled."))
    return redirect("cooperation:event", slug=event.slug)


def registrations_export(request, slug: str, fmt: str):
    event = _manageable(request, slug)
    if fmt not in EXPORT_FORMATS:
        raise Http404(_("Choose csv or xlsx."))
    return _download(selectors.registrations_table(event), fmt, f"{event.slug}-registrations")


def events_export(request, fmt: str):
    if fmt not in EXPORT_FORMATS:
        raise Http404(_("Choose csv or xlsx."))
    events = selectors.published_events(**_filters(request))
    return _download(selectors.events_table(events, translation.get_language()), fmt, "events")


def _ics(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    return response


def _page_url(request):
    return lambda event: request.build_absolute_uri(
        reverse("cooperation:event", kwargs={"slug": event.slug})
    )


def events_calendar(request):
    lang = translation.get_language()
    events = selectors.with_related(selectors.published_events())
    content = ical.calendar(
        events, lang, _page_url(request), name=_("Lancang-Mekong Environmental Cooperation events")
    )
    return _ics(content, "lmec-events")


def event_calendar(request, slug: str):
    lang = translation.get_language()
    event = _visible_or_404(request, slug)
    content = ical.calendar(
        [event], lang, _page_url(request), name=selectors.text(event, "title", lang)
    )
    return _ics(content, event.slug)


def _pdf(registration: Registration, request, default_language: str | None) -> HttpResponse:
    """The PDF in ``?lang=`` if given, else ``default_language``, else the participant's."""
    if not registration.certificate_number:
        raise Http404(_("No certificate has been issued for this registration."))
    requested = request.GET.get("lang")
    if requested not in dict(settings.LANGUAGES):
        requested = default_language
    lang = certificates.certificate_language(registration, requested)
    response = HttpResponse(
        certificates.certificate_pdf(registration, lang), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="certificate-{registration.certificate_number}.pdf"'
    )
    return response


def certificate(request, slug: str, pk: int):
    """A certificate for its signed-in owner or the event's organisers."""
    event = _visible_or_404(request, slug)
    registration = (
        Registration.objects.filter(event=event, pk=pk).select_related("event", "user").first()
    )
    if registration is None:
        raise Http404(_("No such registration."))
    if not request.user.has_perm("cooperation.download_certificate", registration):
        raise PermissionDenied(_("Only the participant and the organisers download it."))
    return _pdf(registration, request, translation.get_language())


def certificate_link(request, token: str):
    """A certificate through the signed link sent to the participant."""
    registration = certificates.registration_for_token(token)
    if registration is None:
        raise Http404(_("This certificate link is not valid."))
    return _pdf(registration, request, None)


def _event_form_page(request, *, event: Event | None):
    """The create/edit page: the service validates and checks who may write what (a focal
    point hosts events in their own country only); its refusals show on their fields."""

    def save(data):
        if event is None:
            return services.create_event(user=request.user, data=data)
        return services.update_event(user=request.user, event=event, data=data)

    def done(saved):
        messages.success(request, _("The event is saved."))
        return redirect("cooperation:event_manage", saved.slug)

    return record_form_page(
        request,
        record=event,
        form_class=EventForm,
        initial=event_initial,
        perm="cooperation.add_event" if event is None else "cooperation.change_event",
        refusal=_("Only the secretariat and the host country's focal point do this."),
        save=save,
        done=done,
        template="cooperation/events/form.html",
        context={"event": event},
    )


def event_new(request):
    return _event_form_page(request, event=None)


def event_edit(request, slug: str):
    return _event_form_page(request, event=_manageable(request, slug))
