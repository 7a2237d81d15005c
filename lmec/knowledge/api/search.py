"""``GET /api/v1/knowledge/search``: the catalogue's search (lexical, semantic, hybrid) with
facets, filters, sorting and paging. Thin: the work is :func:`lmec.knowledge.search.query.search`."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from lmec.core.api import ErrorOut, Lang, ValidationErrorOut, language_of
from lmec.knowledge import licences
from lmec.knowledge.models import ResourceType
from lmec.knowledge.search import query
from lmec.knowledge.search.backends import LANGUAGES

router = Router(tags=["knowledge"])

MAX_LIMIT = 100
#: Deeper pages are not useful to a reader and cost a full ranking each.
MAX_OFFSET = 10_000

# Schema names are global in the OpenAPI document: all are called Search… here.


class SearchFacetOut(Schema):
    key: str = Field(..., description="The value to filter by (`?type=dataset`).")
    label: str = Field(..., description="In the requested language.")
    count: int = Field(..., description="Matching records with this value.")


class SearchFacetsOut(Schema):
    type: list[SearchFacetOut]
    theme: list[SearchFacetOut]
    country: list[SearchFacetOut] = Field(..., description="Countries covered.")
    language: list[SearchFacetOut] = Field(..., description="The original's language.")
    year: list[SearchFacetOut] = Field(..., description="Year of publication.")
    licence: list[SearchFacetOut]


class SearchItemOut(Schema):
    identifier: str
    title: str
    language: str = Field(..., description="Language of the title and snippet shown.")
    snippet: str = Field(
        ..., description="HTML: a piece of the text as written, the query's words in `<mark>`."
    )
    score: float | None = Field(
        ...,
        description="Relevance (lexical: bm25 or ts_rank_cd; semantic: cosine; hybrid: "
        "reciprocal-rank fusion); null when browsing.",
    )
    type: str
    date: dt.date | None = Field(..., description="Publication date.")


class SearchOut(Schema):
    count: int = Field(..., description="Every matching record (exact), not just this page.")
    mode: str = Field(
        ..., description="The mode used (`lexical` when semantic search is off on this server)."
    )
    language: str
    facets: SearchFacetsOut
    items: list[SearchItemOut]


Mode = Literal["hybrid", "lexical", "semantic"]
Sort = Literal["relevance", "newest", "title"]
TypeCode = Literal[tuple(ResourceType.values)]
LanguageCode = Literal[LANGUAGES]
LicenceId = Literal[tuple(licences.BY_ID)]
Code = Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[A-Za-z0-9_-]+$")]


@router.get(
    "/search",
    response={200: SearchOut, 400: ErrorOut, 422: ValidationErrorOut},
    summary="Search the knowledge catalogue",
)
def search(
    request,
    q: Annotated[str, Query(max_length=500)] = "",
    mode: Mode = "hybrid",
    sort: Sort = "relevance",
    type: Annotated[list[TypeCode] | None, Query()] = None,
    theme: Annotated[list[Code] | None, Query(description="Theme codes.")] = None,
    country: Annotated[list[Code] | None, Query(description="Country codes (LA, TH …).")] = None,
    language: Annotated[list[LanguageCode] | None, Query()] = None,
    year: Annotated[list[Annotated[int, Field(ge=1, le=9999)]] | None, Query()] = None,
    licence: Annotated[list[LicenceId] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    lang: Lang = None,
):
    """Published records matching ``q`` in any of the seven languages.

    ``mode``: ``lexical`` (words, ICU-segmented; a run written without spaces, a Vietnamese
    run of syllables and a ``"quoted phrase"`` match as phrases; ``-word`` excludes),
    ``semantic`` (multilingual embeddings: finds records in other languages) or ``hybrid``
    (both, by reciprocal-rank fusion). An empty ``q`` browses, newest first. Filters repeat
    (``?type=dataset&type=tool``); facets count every match.
    """
    filters = {
        "type": type,
        "theme": theme,
        "country": country,
        "language": language,
        "year": year,
        "licence": licence,
    }
    with language_of(request, lang) as active:
        try:
            result = query.search(
                q,
                mode=mode,
                lang=active,
                filters={k: v for k, v in filters.items() if v},
                sort=sort,
                limit=limit,
                offset=offset,
            )
        except query.SearchError as error:
            raise HttpError(400, str(error)) from None
        return {
            "count": result.count,
            "mode": result.mode,
            "language": active,
            "facets": result.facets,
            "items": result.items,
        }
