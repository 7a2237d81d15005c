"""Access requests to "on request" datasets: asking (``knowledge:request_access``), the list of
one's own requests and, for reviewers, those to decide (``knowledge:access_requests``), and the
decision (``knowledge:decide_access``). The services check every permission again.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..forms import AccessRequestForm, DecisionForm
from ..models import AccessRequest
from ..services import ResourceInvalid
from . import display
from .resource import visible_resource


@login_required
@require_POST
def request_access(request, identifier: str):
    found = visible_resource(request, identifier)
    form = AccessRequestForm(request.POST)
    if not form.is_valid():
        for problem in form.errors.get("purpose", []):
            messages.error(request, problem)
        return redirect("knowledge:resource", identifier=found.identifier)
    try:
        services.request_access(
            user=request.user, resource=found, purpose=form.cleaned_data["purpose"]
        )
    except ResourceInvalid as invalid:
        for problems in invalid.errors.values():
            for problem in problems:
                messages.error(request, problem)
    except ValueError as problem:  # e.g. a request already pending
        messages.error(request, str(problem))
    else:
        messages.success(
            request, _("Your request is sent. You can follow it under “Access requests”.")
        )
    return redirect("knowledge:resource", identifier=found.identifier)


def _row(item: AccessRequest, lang: str) -> dict:
    return {
        "request": item,
        "title": display.text(item.resource, "title", lang),
        "form": DecisionForm(prefix=f"r{item.pk}"),
    }


@login_required
def access_requests(request):
    """Reviewers: pending requests they may decide. Everyone signed in: their own requests."""
    lang = request.LANGUAGE_CODE
    may_decide = request.user.has_perm("knowledge.decide_access")
    to_decide = []
    if may_decide:
        pending = selectors.access_requests_for(request.user).filter(
            status=AccessRequest.Decision.PENDING
        )
        to_decide = [_row(item, lang) for item in pending.select_related("resource", "user")]
    mine = AccessRequest.objects.filter(user=request.user).select_related("resource")
    context = {
        "may_decide": may_decide,
        "to_decide": to_decide,
        "mine": [
            {"request": item, "title": display.text(item.resource, "title", lang)} for item in mine
        ],
    }
    return render(request, "knowledge/access_requests.html", context)


@login_required
@require_POST
def decide(request, pk: int):
    item = AccessRequest.objects.select_related("resource").filter(pk=pk).first()
    if item is None:
        raise Http404(_("No access request %(pk)s.") % {"pk": pk})
    if not request.user.has_perm("knowledge.decide_access", item.resource):
        raise PermissionDenied(_("You may not decide requests for this resource."))
    form = DecisionForm(request.POST, prefix=f"r{pk}")
    if not form.is_valid():
        messages.error(request, _("Choose approve or decline."))
        return redirect("knowledge:access_requests")
    approve = form.cleaned_data["decision"] == "approve"
    try:
        services.decide_access(
            user=request.user, request=item, approve=approve, note=form.cleaned_data["note"]
        )
    except ValueError as problem:  # already decided by someone else
        messages.error(request, str(problem))
    else:
        name = item.user.get_username()
        messages.success(
            request,
            (_("Approved: %(user)s may download it.") if approve else _("Declined: %(user)s."))
            % {"user": name},
        )
    return redirect("knowledge:access_requests")
