"""A resource's page (``knowledge:resource``), its downloads and its PDF previews.

The page shows the record in the reader's language where it has a translation, else in the
original, and says which; ``?content=<lang>`` switches the content to any language the record
has. Good-practice cases get a richer layout (context, challenge, solution, results with
figures, costs, lessons, partners, SDGs, a map). What a reader may see and download is decided
by :mod:`lmec.knowledge.selectors`; a download is logged by
:func:`lmec.knowledge.services.record_download` before the file is served.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .. import dcat, selectors, services
from ..models import Access, AccessRequest, Distribution, Resource, ResourceType
from . import display
from .workflow import workflow_actions

#: Citation formats the API answers (kopen), with the labels the page shows.
CITATION_FORMATS = (("bibtex", "BibTeX"), ("ris", "RIS"), ("csl-json", "CSL-JSON"))


def visible_resource(request, identifier: str) -> Resource:
    """The record if this reader may see it; 404 otherwise (drafts of others do not exist)."""
    try:
        return selectors.resource_for(request.user, identifier)
    except Resource.DoesNotExist:
        raise Http404(_("No resource %(identifier)s.") % {"identifier": identifier}) from None


def _content_language(request, resource: Resource, languages: list[str]) -> tuple[str, str]:
    """The language asked for with ``?content=``, else the reader's; and a notice if refused."""
    asked = request.GET.get("content", "").strip()
    reader = translation.get_language()
    if not asked:
        return reader, ""
    if asked in languages:
        return asked, ""
    names = ", ".join(f"{display.language(c)['label']} ({c})" for c in languages)
    notice = _("This record is not available in “%(asked)s”. It has: %(names)s.") % {
        "asked": asked,
        "names": names,
    }
    return reader, notice


def _distributions(request, resource: Resource) -> list[dict]:
    rows = []
    for item in resource.distributions.all():
        may = selectors.can_download(request.user, item)
        rows.append(
            {
                "item": item,
                "name": item.title or PurePosixPath(item.file.name).name or item.url,
                "may_download": may,
                "url": reverse("knowledge:download", args=[resource.identifier, item.pk]),
                "preview_url": (
                    reverse("knowledge:preview", args=[resource.identifier, item.pk])
                    if may and item.preview
                    else ""
                ),
                "language": display.language(item.language) if item.language else None,
            }
        )
    return rows


def _access(request, resource: Resource) -> dict:
    """For an on-request dataset: this reader's latest request and whether they may ask."""
    if resource.access != Access.ON_REQUEST:
        return {}
    state: dict = {"on_request": True}
    if request.user.is_authenticated:
        latest = AccessRequest.objects.filter(resource=resource, user=request.user).first()
        state["request"] = latest
        state["may_ask"] = latest is None or latest.status == AccessRequest.Decision.DECLINED
    return state


def _json_ld(request, resource: Resource, lang: str) -> str:
    """schema.org JSON-LD of the record (:func:`lmec.knowledge.dcat.schema_org`), with
    absolute URLs as search engines want them."""
    data = dcat.schema_org(resource, lang, base_url=request.build_absolute_uri("/").rstrip("/"))
    # json_script would wrap it in its own <script>; this one needs the ld+json type, and
    # escaping "<" keeps a title such as "</script>" from closing the element.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def resource(request, identifier: str):
    """``knowledge:resource``: the record, its files, citations, and for reviewers its history."""
    found = visible_resource(request, identifier)
    languages = display.content_languages(found)
    content_lang, notice = _content_language(request, found, languages)
    title = display.text(found, "title", content_lang)
    is_case = found.type == ResourceType.CASE
    may_review = request.user.has_perm("knowledge.review_resource", found)
    may_edit = request.user.has_perm("knowledge.change_resource", found)
    context = {
        "resource": found,
        "type_label": display.type_label(found.type),
        "title": title,
        "abstract": display.text(found, "abstract", content_lang),
        "original": display.language(found.language),
        "languages": [
            {
                **display.language(code),
                "current": code == title["lang"],
                "url": f"{request.path}?content={code}",
            }
            for code in languages
        ],
        "content_notice": notice,
        "authors": display.authors_line(found.authors),
        "licence": display.licence_info(found.licence),
        "distributions": _distributions(request, found),
        "access": _access(request, found),
        "citations": [
            (f"/api/v1/knowledge/resources/{found.identifier}/citation?format={code}", label)
            for code, label in CITATION_FORMATS
        ],
        "activities": found.activities.select_related("action__direction").order_by(
            "action__direction__number", "action__number", "position"
        ),
        "may_review": may_review,
        "may_edit": may_edit,
        "actions": workflow_actions(request.user, found),
        "events": (
            found.events.select_related("user").order_by("-at", "-id")
            if may_review or may_edit
            else None
        ),
        "json_ld": (
            _json_ld(request, found, translation.get_language()) if found.is_published else ""
        ),
        "is_case": is_case,
    }
    if is_case:
        context["sections"] = [
            {"field": field, "label": label, **display.text(found, field, content_lang)}
            for field, label in display.CASE_SECTIONS
        ]
        context["figures"] = display.figures(found, content_lang)
        point = display.case_map_point(found, title["text"])
        context["map_points"] = [point] if point else []
        context["region_url"] = static("lmec/monitoring/region.geojson")
    return render(request, "knowledge/resource.html", context)


def _distribution(request, identifier: str, pk: int) -> tuple[Resource, Distribution]:
    found = visible_resource(request, identifier)
    try:
        return found, found.distributions.get(pk=pk)
    except Distribution.DoesNotExist:
        raise Http404(_("This resource has no file %(pk)s.") % {"pk": pk}) from None


def download(request, identifier: str, pk: int):
    """``knowledge:download``: log the download, then serve the file (or go to the link)."""
    found, item = _distribution(request, identifier, pk)
    if not selectors.can_download(request.user, item):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied(
            _("This dataset is shared on request: ask for access on its page first.")
        )
    services.record_download(user=request.user, distribution=item)
    if item.kind == Distribution.Kind.LINK:
        return HttpResponseRedirect(item.url)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        message = _("The file of %(identifier)s is missing.") % {"identifier": identifier}
        raise Http404(message) from None
    name = PurePosixPath(item.file.name).name
    return FileResponse(
        handle,
        as_attachment=True,
        filename=name,
        content_type=item.media_type or "application/octet-stream",
    )


def preview(request, identifier: str, pk: int):
    """The PNG of a PDF's first page, for whoever may download the file."""
    _found, item = _distribution(request, identifier, pk)
    if not item.preview or not selectors.can_download(request.user, item):
        raise Http404
    try:
        return FileResponse(item.preview.open("rb"), content_type="image/png")
    except FileNotFoundError:
        raise Http404 from None
