"""Submitting and editing records (``knowledge:submit``, ``knowledge:edit``), their files, and
a member's own records (``knowledge:my_resources``).

The form checks the input's shape; :mod:`lmec.knowledge.services` stores it and checks the
permission again (``PermissionDenied``) and the content (``ResourceInvalid``, whose messages
are put on the form's fields). The record and the file or link added with it are stored in
one transaction: a refused file leaves no half-made record behind.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import services
from ..files import FileRefused
from ..forms import ResourceForm, initial_from
from ..models import Resource, Status
from ..services import ResourceInvalid
from . import display
from .resource import visible_resource

#: Form fields that carry an import-format field of another name.
FIELD_NAMES = {"date": "published_on", "files": "file"}


def _put_errors(form: ResourceForm, errors: dict[str, list[str]]) -> None:
    """The services' field errors on the form's fields; others at the top, named."""
    original = form.cleaned_data.get("language", "en").replace("-", "_")
    for field, problems in errors.items():
        base = field.split("[")[0].split(".")[0]
        name = FIELD_NAMES.get(base, base)
        if name in ("title", "abstract"):
            name = f"{name}_{original}"
        for problem in problems:
            if name in form.fields:
                form.add_error(name, problem)
            else:
                form.add_error(None, f"{field}: {problem}")


def _save(request, form: ResourceForm, resource: Resource | None) -> Resource:
    """Create or update the record and add the form's file and link, all or nothing."""
    data = form.cleaned_data
    user = request.user
    with transaction.atomic():
        if resource is None:
            resource = services.create_resource(user=user, data=form.to_data())
        else:
            resource = services.update_resource(user=user, resource=resource, data=form.to_data())
        if data.get("file"):
            try:
                services.add_file(
                    user=user, resource=resource, upload=data["file"], title=data["file_title"]
                )
            except FileRefused as refused:
                raise ResourceInvalid({"file": [str(refused)]}) from None
        if data.get("link_url"):
            services.add_link(
                user=user, resource=resource, url=data["link_url"], title=data["link_title"]
            )
        if request.POST.get("action") == "submit":
            services.submit(user=user, resource=resource)
    return resource


def _form_page(request, form: ResourceForm, resource: Resource | None):
    context = {
        "form": form,
        "resource": resource,
        "distributions": list(resource.distributions.all()) if resource else [],
        "may_submit": resource is None
        or (
            resource.status in (Status.DRAFT, Status.RETURNED)
            and request.user.has_perm("knowledge.submit_resource", resource)
        ),
        "last_return": (
            resource.events.filter(action="returned").order_by("-at").first() if resource else None
        ),
        "languages": [display.language(code) for code in display.LANGUAGE_CODES],
    }
    return render(request, "knowledge/resource_form.html", context)


def _handle(request, form: ResourceForm, resource: Resource | None):
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save(request, form, resource)
        except ResourceInvalid as invalid:
            _put_errors(form, invalid.errors)
        except ValueError as problem:  # a workflow step the state does not allow
            form.add_error(None, str(problem))
        else:
            if request.POST.get("action") == "submit":
                messages.success(request, _("Saved and submitted for review."))
            else:
                messages.success(request, _("Saved."))
            # once submitted the author may no longer change it: show them the record
            if request.user.has_perm("knowledge.change_resource", saved):
                return redirect("knowledge:edit", identifier=saved.identifier)
            return redirect("knowledge:resource", identifier=saved.identifier)
    return _form_page(request, form, resource)


@login_required
def submit(request):
    """``knowledge:submit``: a new record by a signed-in member (a draft until submitted)."""
    if not request.user.has_perm("knowledge.add_resource"):
        raise PermissionDenied(_("Your account may not propose resources."))
    initial = {"language": request.LANGUAGE_CODE, "licence": "cc-by-4.0", "access": "open"}
    form = ResourceForm(request.POST or None, request.FILES or None, initial=initial)
    return _handle(request, form, None)


@login_required
def edit(request, identifier: str):
    """``knowledge:edit``: the author while a draft or returned; reviewers of its country."""
    found = visible_resource(request, identifier)
    if not request.user.has_perm("knowledge.change_resource", found):
        raise PermissionDenied(_("You may not change this resource now."))
    form = ResourceForm(
        request.POST or None, request.FILES or None, initial=initial_from(found), editing=found
    )
    return _handle(request, form, found)


@login_required
@require_POST
def remove_file(request, identifier: str, pk: int):
    found = visible_resource(request, identifier)
    item = found.distributions.filter(pk=pk).first()
    if item is None:
        messages.error(request, _("This file or link was already removed."))
    else:
        services.remove_distribution(user=request.user, distribution=item)
        messages.success(request, _("Removed: %(name)s.") % {"name": str(item)})
    return redirect("knowledge:edit", identifier=found.identifier)


@login_required
def my_resources(request):
    """``knowledge:my_resources``: the records this person made, in every state."""
    lang = request.LANGUAGE_CODE
    mine = Resource.objects.filter(created_by=request.user).order_by("-updated_at", "-id")
    rows = [
        {
            "resource": item,
            "title": display.text(item, "title", lang),
            "type_label": display.type_label(item.type),
            "may_edit": request.user.has_perm("knowledge.change_resource", item),
            "files": len(item.distributions.all()),
        }
        for item in mine.prefetch_related("distributions")
    ]
    return render(request, "knowledge/my_resources.html", {"rows": rows})
