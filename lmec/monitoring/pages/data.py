"""Pages where people put data in and follow it: uploads, API keys, alert subscriptions.

Thin: forms check the input, :mod:`.services` does the work and checks permissions again.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lmec.core.permissions import is_secretariat

from .. import services
from ..ingest import reasons
from ..models import AlertSubscription, ApiKey, Station, Upload
from ..permissions import writable_station_ids
from .data_forms import AlertForm, ApiKeyForm, UploadForm

#: Row errors shown on the upload page (the full report is downloadable as JSON).
ERRORS_SHOWN = 200


def _writable_stations(user):
    ids = writable_station_ids(user)
    stations = Station.objects.select_related("country")
    return stations if ids is None else stations.filter(id__in=ids)


@login_required
def upload(request):
    if not request.user.has_perm("monitoring.add_upload"):
        raise PermissionDenied(_("Your account may not upload measurements."))
    stations = _writable_stations(request.user)
    form = UploadForm(request.POST or None, request.FILES or None, stations=stations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = services.start_upload(
            user=request.user,
            uploaded_file=data["file"],
            mapping_text=data["mapping"],
            skip_invalid=data["skip_invalid"],
            format=data["format"],
            station=data["station"],
        )
        return redirect("monitoring:upload_detail", pk=created.pk)
    return render(request, "monitoring/upload.html", {"form": form, "stations": stations})


def _visible_upload(request, pk: int) -> Upload:
    found = get_object_or_404(Upload.objects.select_related("user"), pk=pk)
    if not request.user.has_perm("monitoring.view_upload", found):
        raise Http404  # do not tell others that the upload exists
    return found


@login_required
def upload_detail(request, pk: int):
    shown = _visible_upload(request, pk)
    # reasons in the reader's language (reports stored before reason codes: in English)
    errors = [dict(e, reason=reasons.translated(e)) for e in shown.report[:ERRORS_SHOWN]]
    context = {"upload": shown, "errors": errors, "shown": ERRORS_SHOWN}
    if request.headers.get("HX-Request"):
        return render(request, "monitoring/_upload_status.html", context)
    return render(request, "monitoring/upload_detail.html", context)


@login_required
def upload_report(request, pk: int):
    """The full row report of an upload as JSON (also for refused files)."""
    from django.http import JsonResponse

    shown = _visible_upload(request, pk)
    response = JsonResponse({"upload": shown.pk, "errors": shown.report})
    response["Content-Disposition"] = f'attachment; filename="upload-{shown.pk}-report.json"'
    return response


@login_required
def upload_list(request):
    uploads = Upload.objects.select_related("user")
    if not is_secretariat(request.user):
        uploads = uploads.filter(user=request.user)
    return render(
        request,
        "monitoring/uploads.html",
        {
            "uploads": uploads[:200],
            "may_upload": request.user.has_perm("monitoring.add_upload"),
        },
    )


@login_required
def api_keys(request):
    if not request.user.has_perm("monitoring.add_apikey"):
        raise PermissionDenied(_("API keys are for data-provider accounts."))
    stations = _writable_stations(request.user)
    form = ApiKeyForm(request.POST or None, stations=stations)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            created, new_key = services.create_api_key(
                user=request.user,
                name=form.cleaned_data["name"],
                stations=form.cleaned_data["stations"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            form = ApiKeyForm(stations=stations)
    keys = ApiKey.objects.filter(user=request.user).prefetch_related("stations")
    return render(
        request, "monitoring/api_keys.html", {"form": form, "keys": keys, "new_key": new_key}
    )


@login_required
@require_POST
def api_key_revoke(request, pk: int):
    key = get_object_or_404(ApiKey, pk=pk)
    if not request.user.has_perm("monitoring.delete_apikey", key):
        raise Http404
    services.revoke_api_key(user=request.user, key=key)
    messages.success(request, _("The key %(name)s no longer works.") % {"name": key.name})
    return redirect("monitoring:api_keys")


@login_required
def alerts(request):
    form = AlertForm(request.POST or None, initial={"station": request.GET.get("station")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.subscribe(
                user=request.user,
                station=data["station"],
                country=None if data["station"] else data["country"],
                threshold=data["threshold"],
                standard=data["standard"],
                language=translation.get_language(),
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error if isinstance(error, ValidationError) else str(error))
        else:
            messages.success(request, _("Subscribed. You will get one e-mail per episode."))
            return redirect("monitoring:alerts")
    subscriptions = AlertSubscription.objects.filter(user=request.user).select_related(
        "station", "country"
    )
    return render(request, "monitoring/alerts.html", {"form": form, "subscriptions": subscriptions})


@login_required
@require_POST
def alert_delete(request, pk: int):
    subscription = get_object_or_404(AlertSubscription, pk=pk)
    if not request.user.has_perm("monitoring.delete_alertsubscription", subscription):
        raise Http404
    services.unsubscribe(user=request.user, subscription=subscription)
    messages.success(request, _("Unsubscribed."))
    return redirect("monitoring:alerts")
