"""The review queue and the workflow steps (submit, start review, publish, return, unpublish).

A national focal point sees its country's submissions, editors see all
(:func:`lmec.knowledge.selectors.review_queue`); each step goes through the services, which
check the permission again and keep the history.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lmec.core.permissions import is_focal_point, is_secretariat

from .. import selectors, services
from ..forms import WorkflowForm
from ..services import ResourceInvalid
from . import display
from .resource import visible_resource
from .workflow import workflow_actions

DONE = {
    "submit": _("Submitted for review."),
    "start_review": _("Review started."),
    "publish": _("Published: the record is now public."),
    "return": _("Returned to the author with your comments."),
    "unpublish": _("Unpublished: the record is no longer public."),
}


def may_review(user) -> bool:
    return bool(is_secretariat(user) or is_focal_point(user))


@login_required
def review_queue(request):
    """``knowledge:review_queue``: submitted and in-review records this reviewer may decide."""
    if not may_review(request.user):
        raise PermissionDenied(_("The review queue is for national focal points and editors."))
    lang = request.LANGUAGE_CODE
    rows = []
    for found in selectors.review_queue(request.user).select_related("country", "created_by"):
        rows.append(
            {
                "resource": found,
                "title": display.text(found, "title", lang),
                "type_label": display.type_label(found.type),
                "actions": workflow_actions(request.user, found),
            }
        )
    return render(request, "knowledge/review_queue.html", {"rows": rows})


def _back(request, found) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("knowledge:resource", args=[found.identifier])


@login_required
@require_POST
def workflow(request, identifier: str):
    """``knowledge:workflow``: one step on one record; a refused step is named, nothing lost."""
    found = visible_resource(request, identifier)
    form = WorkflowForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(_back(request, found))
    step, comment = form.cleaned_data["step"], form.cleaned_data["comment"]
    user = request.user
    try:
        if step == "submit":
            services.submit(user=user, resource=found)
        elif step == "start_review":
            services.start_review(user=user, resource=found)
        elif step == "publish":
            services.publish(user=user, resource=found, comment=comment)
        elif step == "return":
            services.return_to_author(user=user, resource=found, comment=comment)
        else:
            services.unpublish(user=user, resource=found, comment=comment)
    except ResourceInvalid as error:
        for field, problems in error.errors.items():
            for problem in problems:
                messages.error(request, f"{field}: {problem}")
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    except ValueError as error:  # InvalidTransition: a step the state does not allow now
        messages.error(request, str(error))
    else:
        messages.success(request, DONE[step])
    return redirect(_back(request, found))
