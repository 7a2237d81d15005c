"""``/api/v1/knowledge/resources/{identifier}/citation``: a resource's citation as BibTeX,
RIS or CSL-JSON (:mod:`lmec.knowledge.citations`)."""

from __future__ import annotations

from typing import Annotated, Literal

from django.http import HttpResponse
from ninja import Path, Query, Router
from ninja.errors import HttpError

from lmec.core.api import ErrorOut, ValidationErrorOut

from .. import catalogue, citations, selectors
from ..models import Resource

router = Router(tags=["knowledge: citations"])

IDENTIFIER_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$"
CitationFormat = Literal["bibtex", "ris", "csl-json"]


def _content() -> dict:
    content = {}
    for name, (media_type, _extension) in citations.FORMATS.items():
        schema = {"type": "string"}
        if name == "csl-json":
            schema = {"type": "array", "items": {"type": "object"}}
        content[media_type] = {"schema": schema}
    return {
        "responses": {
            200: {
                "description": "The citation, in the media type of its format.",
                "content": content,
            }
        }
    }


@router.get(
    "/resources/{identifier}/citation",
    response={404: ErrorOut, 422: ValidationErrorOut},
    summary="Cite a resource",
    openapi_extra=_content(),
)
def resource_citation(
    request,
    identifier: Annotated[
        str, Path(..., pattern=IDENTIFIER_PATTERN, description="The resource's identifier")
    ],
    format: Annotated[
        CitationFormat,
        Query(description="bibtex (application/x-bibtex), ris or csl-json."),
    ] = "bibtex",
):
    """The citation of a resource one may see: ``bibtex`` (the entry type by resource
    type), ``ris`` or ``csl-json`` (a list of one CSL 1.0.2 item). The title is the one in
    the original language. 404 for a record that does not exist or is not public."""
    try:
        resource = selectors.resource_for(request.user, identifier)
    except Resource.DoesNotExist:
        raise HttpError(404, f"No resource {identifier!r}.") from None
    text = citations.citation(resource, format, base_url=catalogue.site_url(request))
    media_type, extension = citations.FORMATS[format]
    response = HttpResponse(text, content_type=f"{media_type}; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{resource.identifier}.{extension}"'
    return response
