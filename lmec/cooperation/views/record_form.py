"""The create/edit page shared by the cooperation records (events, projects): sign-in, the
permission, the form, the service's refusals shown on their fields (422), the page."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from lmec.core.errors import RecordInvalid


def record_form_page(
    request,
    *,
    record,
    form_class,
    initial: Callable,
    perm: str,
    refusal: str,
    save: Callable,
    done: Callable,
    template: str,
    context: dict,
):
    """``save(data)`` stores through the service (which checks who may write what again and
    validates); ``done(saved)`` answers after a save; ``initial(record)`` fills an edit."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(perm, record):
        raise PermissionDenied(refusal)
    status = 200
    if request.method == "POST":
        form = form_class(request.POST, editing=record)
        if form.is_valid():
            try:
                saved = save(form.to_data())
            except RecordInvalid as exc:
                form.add_service_errors(exc.errors)
            else:
                return done(saved)
        status = 422
    else:
        form = form_class(initial=initial(record) if record else None, editing=record)
    return render(request, template, {"form": form, **context}, status=status)
