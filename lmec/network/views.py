"""Pages of the network directory (``/<lang>/network/…``): the overview of the implementing
arrangements (the centre and the six national focal points), organisations, experts (those
who agreed to be listed), "my expert profile", and the monitoring-capacity network on a map.

Each list page downloads as CSV or XLSX with ``?format=csv|xlsx`` (the same filters; public
rows only, no personal e-mail addresses). Views stay thin: selectors read, services write.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lmec.core import exports

from . import selectors, services, tables
from .forms import CapacityFilterForm, ExpertFilterForm, ExpertProfileForm, OrganisationFilterForm
from .models import Expert, Organisation

PAGE_SIZE = 50


def _download(request, build) -> HttpResponse | None:
    """The list as a file when ``?format=`` asks for one; None for the page itself."""
    name = request.GET.get("format")
    if name is None:
        return None
    if name not in tables.FORMATS:
        return HttpResponse(
            _("Unknown format %(name)s; choose one of: %(choices)s.")
            % {"name": name, "choices": ", ".join(tables.FORMATS)},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    table = build()
    return exports.download(table, name)


def _export_links(request) -> list[dict]:
    query = request.GET.copy()
    query.pop("page", None)
    links = []
    for name in tables.FORMATS:
        query["format"] = name
        links.append({"name": name.upper(), "url": f"{request.path}?{query.urlencode()}"})
    return links


def _page(request, items):
    paginator = Paginator(items, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


def _filters(form) -> dict:
    """The valid filters of a GET form ({} while it has errors, which the page shows)."""
    if not form.is_valid():
        return {}
    return {key: value for key, value in form.cleaned_data.items() if value}


def overview(request):
    from lmec.cooperation import selectors as cooperation

    download = _download(request, lambda: tables.focal_points_table(selectors.focal_points()))
    if download:
        return download
    strategy = cooperation.current_strategy()
    points = selectors.focal_points()
    return render(
        request,
        "network/overview.html",
        {
            "strategy": strategy,
            "arrangements": strategy.implementing_arrangements.all() if strategy else [],
            "centre": next((p for p in points if p.kind == "centre"), None),
            "national": [p for p in points if p.kind == "national"],
            "counts": {
                "organisations": Organisation.objects.count(),
                "experts": Expert.objects.filter(public=True).count(),
                "capacity": len(selectors.capacity_members()),
            },
            "export_links": _export_links(request),
        },
    )


def organisation_list(request):
    form = OrganisationFilterForm(request.GET or None)
    filters = _filters(form) if request.GET else {}
    organisations = selectors.organisation_list(**filters)
    download = _download(request, lambda: tables.organisations_table(organisations))
    if download:
        return download
    page, query = _page(request, organisations)
    return render(
        request,
        "network/organisations.html",
        {
            "form": form or OrganisationFilterForm(),
            "page": page,
            "query": query,
            "export_links": _export_links(request),
        },
        status=400 if form is not None and form.errors else 200,
    )


def organisation_detail(request, slug: str):
    try:
        organisation = selectors.organisation(slug)
    except Organisation.DoesNotExist:
        raise Http404(_("No organisation with this code.")) from None
    related = selectors.organisation_relations(organisation)
    return render(
        request,
        "network/organisation.html",
        {
            "organisation": organisation,
            **related,
            "parameters": selectors.capacity_parameters(related["capacity"])
            if related["capacity"]
            else [],
            "may_change": request.user.has_perm("network.change_organisation", organisation),
        },
    )


def expert_list(request):
    form = ExpertFilterForm(request.GET or None)
    filters = _filters(form) if request.GET else {}
    # the public pages list the consenting profiles only, whoever reads them
    experts = selectors.expert_list(**filters)
    download = _download(request, lambda: tables.experts_table(experts))
    if download:
        return download
    page, query = _page(request, experts)
    return render(
        request,
        "network/experts.html",
        {
            "form": form or ExpertFilterForm(),
            "page": page,
            "query": query,
            "export_links": _export_links(request),
            "own": selectors.own_expert_profile(request.user),
        },
        status=400 if form is not None and form.errors else 200,
    )


def expert_detail(request, pk: int):
    expert = (
        selectors.expert_list()
        .filter(pk=pk)
        .first()  # a profile without consent does not exist for the public pages
    )
    if expert is None:
        raise Http404(_("No expert with this number in the public directory."))
    return render(request, "network/expert.html", {"expert": expert})


@login_required
def my_expert_profile(request):
    if not request.user.has_perm("network.keep_own_expert_profile"):
        raise PermissionDenied(_("Your account may not keep an expert profile."))
    profile = selectors.own_expert_profile(request.user)
    if request.method == "POST":
        form = ExpertProfileForm(request.POST)
        if form.is_valid():
            try:
                profile = services.save_own_expert_profile(user=request.user, data=form.record())
            except services.DirectoryInvalid as error:
                for field, problems in error.errors.items():
                    name = ExpertProfileForm.SERVICE_FIELDS.get(field.split("[")[0], field)
                    for problem in problems:
                        form.add_error(name if name in form.fields else None, problem)
            else:
                if profile.public:
                    messages.success(request, _("Your profile is saved and listed publicly."))
                else:
                    messages.success(
                        request,
                        _("Your profile is saved; it is not shown on the public directory."),
                    )
                return redirect("network:my-profile")
        status = 400
    else:
        form = ExpertProfileForm(
            initial=ExpertProfileForm.initial_for(profile) or {"name": request.user.get_full_name()}
        )
        status = 200
    return render(
        request, "network/my_profile.html", {"form": form, "profile": profile}, status=status
    )


def capacity(request):
    form = CapacityFilterForm(request.GET or None)
    filters = _filters(form) if request.GET else {}
    members = selectors.capacity_members(**filters)
    download = _download(request, lambda: tables.capacity_table(members))
    if download:
        return download
    rows = [
        {
            **selectors.capacity_summary(m),
            "kind_label": m.get_kind_display(),
            "media_label": m.get_media_display(),
        }
        for m in members
    ]
    stations: dict[str, dict] = {}
    for row in rows:
        for station in row["stations"]:
            entry = stations.setdefault(station["code"], {**station, "members": []})
            entry["members"].append(row["acronym"] or row["name"])
    return render(
        request,
        "network/capacity.html",
        {
            "form": form or CapacityFilterForm(),
            "rows": rows,
            "map_stations": sorted(stations.values(), key=lambda s: s["code"]),
            "map_labels": {"members": _("Network members"), "station_page": _("Station page")},
            "export_links": _export_links(request),
        },
        status=400 if form is not None and form.errors else 200,
    )
