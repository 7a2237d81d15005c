"""Project pages: the list with filters and CSV/XLSX export, one project's page (map of
sites, partners, milestones, funding by source type, outputs), and the IATI XML."""

from __future__ import annotations

import re

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from lmec.core import exports
from lmec.core.models import Country

from .. import iati
from ..models import (
    Activity,
    Direction,
    FundingSourceType,
    PartnerRole,
    Project,
    ProjectKind,
    ProjectStatus,
)
from ..selectors import projects as selectors
from ..selectors.evaluation import feedback_summary
from .record_form import record_form_page

EXPORT_FORMATS = ("csv", "xlsx")


def _filters(request) -> tuple[dict, list[str]]:
    """The valid filters of the query string; each invalid one is ignored and named."""
    choices = {
        "status": set(ProjectStatus.values),
        "kind": set(ProjectKind.values),
        "country": set(Country.objects.values_list("code", flat=True)),
        "activity": set(Activity.objects.values_list("code", flat=True)),
        "direction": set(Direction.objects.values_list("code", flat=True)),
        "source_type": set(FundingSourceType.objects.values_list("code", flat=True)),
        "year": {str(y) for y in range(2000, 2101)},
    }
    filters, ignored = {}, []
    for name, allowed in choices.items():
        value = request.GET.get(name, "").strip()
        if not value:
            continue
        if value in allowed:
            filters[name] = value
        else:
            ignored.append(name)
    return filters, ignored


def project_list(request):
    lang = translation.get_language()
    filters, ignored = _filters(request)
    projects = selectors.project_list(request.user, **filters).prefetch_related("sites", "funding")
    fmt = request.GET.get("format")
    if fmt:
        if fmt not in EXPORT_FORMATS:
            return HttpResponse(
                _("Unknown format; choose csv or xlsx."), status=400, content_type="text/plain"
            )
        return exports.download(selectors.export_table(projects, lang), fmt, stem="projects")
    projects = list(projects)
    query = request.GET.copy()
    query.pop("format", None)
    return render(
        request,
        "cooperation/projects/list.html",
        {
            "projects": [
                {"project": p, "title": selectors.text(p, "title", lang)} for p in projects
            ],
            "filters": filters,
            "ignored": ignored,
            "statuses": ProjectStatus.choices,
            "kinds": ProjectKind.choices,
            "countries": Country.objects.all(),
            "directions": Direction.objects.order_by("number"),
            "source_types": FundingSourceType.objects.order_by("number"),
            "years": range(2023, 2028),
            "query": query.urlencode(),
            "points": selectors.map_points(projects, lang),
        },
    )


def project_detail(request, code: str):
    lang = translation.get_language()
    try:
        project = selectors.with_detail(selectors.visible_projects(request.user)).get(code=code)
    except Project.DoesNotExist as exc:
        raise Http404(_("No such project.")) from exc
    data = selectors.project_summary(project, lang)
    return render(
        request,
        "cooperation/projects/detail.html",
        {
            "project": project,
            "data": data,
            "partners": [
                {"partner": p, "role": PartnerRole(p.role).label} for p in project.partners.all()
            ],
            "activities": list(project.activities.all()),
            "points": selectors.map_points([project], lang),
            "iati_identifier": iati.iati_identifier(project),
            "documents": [
                {"resource": d, "title": selectors.text(d, "title", lang)}
                for d in project.documents.all()
            ],
            "may_edit": request.user.has_perm("cooperation.change_project", project),
            "feedback": feedback_summary("project", project.code),
        },
    )


def iati_xml(request):
    """Every published project as IATI 2.03 XML."""
    base = request.build_absolute_uri("/").rstrip("/")
    with translation.override(None):
        content = iati.published_xml(base_url=base)
    return HttpResponse(content, content_type="application/xml; charset=utf-8")


def _project_to_change(request, code: str) -> Project:
    """The project ``code`` for a signed-in person who may change it: 404 if they cannot see
    it, 403 if they may see but not change it (the service checks again when it writes)."""
    try:
        project = selectors.visible_projects(request.user).get(code=code)
    except Project.DoesNotExist as exc:
        raise Http404(_("No such project.")) from exc
    if not request.user.has_perm("cooperation.change_project", project):
        raise PermissionDenied(
            _("Only the secretariat and the lead country's focal point do this.")
        )
    return project


def project_funding_import(request, code: str):
    """Funding rows from a CSV or XLSX file for one project, all or nothing; the service
    checks who may change the project and names every bad cell."""
    from ..services import projects as services

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    project = _project_to_change(request, code)
    errors, imported, status = [], None, 200
    if request.method == "POST":
        upload = request.FILES.get("file")
        fmt = upload.name.rsplit(".", 1)[-1].lower() if upload and "." in upload.name else ""
        if upload is None or fmt not in ("csv", "xlsx"):
            errors = [{"row": "", "column": "", "message": _("Choose a CSV or XLSX file.")}]
        else:
            try:
                imported = services.import_funding(
                    user=request.user, content=upload.read(), fmt=fmt, project=project
                )
            except services.FundingImportInvalid as exc:
                errors = exc.errors
        status = 422 if errors else 200
    return render(
        request,
        "cooperation/projects/funding_import.html",
        {
            "project": project,
            "title": selectors.text(project, "title", translation.get_language()),
            "columns": services.FUNDING_COLUMNS,
            "errors": errors,
            "imported": imported,
        },
        status=status,
    )


def _project_form_page(request, *, project: Project | None):
    """The create/edit page of a project's own fields; the service checks who may write
    (a focal point: projects led by their own country) and validates."""
    from ..forms import ProjectForm, project_initial
    from ..services import projects as services

    def save(data):
        if project is None:
            return services.create_project(user=request.user, data=data)
        return services.update_project(user=request.user, project=project, data=data)

    return record_form_page(
        request,
        record=project,
        form_class=ProjectForm,
        initial=project_initial,
        perm="cooperation.add_project" if project is None else "cooperation.change_project",
        refusal=_("Only the secretariat and the lead country's focal point do this."),
        save=save,
        done=lambda saved: redirect("cooperation:project", saved.code),
        template="cooperation/projects/form.html",
        context={"project": project},
    )


def project_new(request):
    return _project_form_page(request, project=None)


def project_edit(request, code: str):
    try:
        project = selectors.visible_projects(request.user).get(code=code)
    except Project.DoesNotExist as exc:
        raise Http404(_("No such project.")) from exc
    return _project_form_page(request, project=project)


def project_milestones(request, code: str):
    """A project's milestones on one page (add, change, mark done, remove) for its organisers;
    the service checks who may change the project and validates the whole list."""
    from lmec.core.errors import RecordInvalid

    from ..forms import MilestoneFormSet, milestones_data, milestones_initial
    from ..services import projects as services

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    project = _project_to_change(request, code)
    status = 200
    if request.method == "POST":
        formset = MilestoneFormSet(request.POST, prefix="milestones")
        if formset.is_valid():
            items, forms_of = milestones_data(formset, project)
            try:
                services.update_project(
                    user=request.user, project=project, data={"milestones": items}
                )
            except RecordInvalid as exc:
                _milestone_errors(formset, forms_of, exc.errors)
            else:
                return redirect(
                    reverse("cooperation:project", args=[project.code]) + "#milestones-heading"
                )
        status = 422
    else:
        formset = MilestoneFormSet(initial=milestones_initial(project), prefix="milestones")
    return render(
        request,
        "cooperation/projects/milestones.html",
        {
            "project": project,
            "title": selectors.text(project, "title", translation.get_language()),
            "formset": formset,
            "language": dict(settings.LANGUAGES).get(project.language, project.language),
        },
        status=status,
    )


def _milestone_errors(formset, forms_of: list, errors: dict[str, list[str]]) -> None:
    """The service's refusals (``milestones[2].due``) on the row and field they name."""
    for name, messages in errors.items():
        match = re.fullmatch(r"milestones\[(\d+)\](?:\.(\w+))?", name)
        form = (
            forms_of[int(match.group(1))] if match and int(match.group(1)) < len(forms_of) else None
        )
        for message in messages:
            if form is None:
                formset._non_form_errors.append(message)
            else:
                field = match.group(2)
                form.add_error(field if field in form.fields else None, message)
