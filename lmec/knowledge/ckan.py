"""A CKAN-compatible read Action API (``/api/3/action/<name>``) over the published catalogue.

CKAN's portals, harvesters and clients (``ckanapi``, ckanext-harvest, ckanext-dcat) read the
catalogue as they read a CKAN 2.10 site: the envelope ``{"help", "success", "result"}``, the
package, organization, group and tag dicts shaped as ``ckan/lib/dictization/model_dictize.py``
makes them, and the error answers of ``ckan/views/api.py`` (``Not Found Error`` 404,
``Validation Error`` 409, ``Search Query Error`` 400, an unknown action 400).

Mapping (documented in docs/knowledge-open-data.md):

- package ``id`` and ``name`` = ``Resource.identifier``; ``type`` = ``"dataset"`` for every
  record (CKAN clients filter on it), our resource type in the extra ``knowledge_type``;
- ``organization`` = the publisher (``id`` and ``name`` = its slug); ``groups`` = the themes
  (``name`` = theme code); ``tags`` = keywords; CKAN ``resources`` = the files and links;
- what CKAN has no field for goes to ``extras``: ``language``, ``countries`` (ISO codes,
  comma-separated), ``activities``, ``doi``, ``issued``, ``spatial``, ``knowledge_type``;
  translations as ckanext-fluent's ``title_translated`` / ``notes_translated``.

Search: ``q`` goes to the platform's lexical search (:mod:`lmec.knowledge.search.query`),
``fq`` is parsed here (``field:value``, ``field:"a b"``, ``-field:value``,
``metadata_modified:[2024-01-01T00:00:00Z TO *]``) and applied with the ORM.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, JsonResponse
from django.utils import translation
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt
from modeltranslation.utils import build_localized_fieldname

from lmec import __version__
from lmec.core.models import Country, Theme
from lmec.network.models import Organisation

from . import catalogue, licences
from .models import Keyword, Resource, ResourceType

#: CKAN's ``ckan.search.rows_max`` default; larger ``rows`` are clamped as CKAN does.
ROWS_MAX = 1000
#: How many matches of a free-text ``q`` are ranked at most (pages beyond are empty).
SEARCH_CAP = 10_000
#: The CKAN version whose API this one follows (clients check it for features).
CKAN_COMPAT = "2.10.0"


class ActionError(Exception):
    """An answer CKAN gives as ``success: false``: ``kind`` is its ``__type``."""

    statuses = {
        "Not Found Error": 404,
        "Validation Error": 409,
        "Search Query Error": 400,
    }

    def __init__(self, kind: str, message: str = "", fields: dict | None = None):
        super().__init__(message)
        self.kind, self.message, self.fields = kind, message, fields

    @property
    def status(self) -> int:
        return self.statuses[self.kind]

    def body(self) -> dict:
        if self.kind == "Validation Error":
            return {**(self.fields or {}), "__type": self.kind}
        return {"__type": self.kind, "message": self.message}


def not_found(what: str = "") -> ActionError:
    return ActionError("Not Found Error", f"Not found: {what}" if what else "Not found")


def invalid(**fields: str) -> ActionError:
    return ActionError("Validation Error", fields={k: [v] for k, v in fields.items()})


# -- parameters ------------------------------------------------------------------------------


def _bool(data: dict, name: str, default: bool = False) -> bool:
    value = data.get(name, default)
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "on", "t", "y"):
        return True
    if text in ("false", "0", "no", "off", "f", "n", ""):
        return False
    raise invalid(**{name: f"Invalid boolean: {value!r}"})


def _natural(data: dict, name: str, default: int | None) -> int | None:
    value = data.get(name)
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise invalid(**{name: "Invalid integer"}) from None
    if number < 0:
        raise invalid(**{name: "Must be a natural number"})
    return number


def _required(data: dict, name: str) -> str:
    value = data.get(name)
    if value in (None, ""):
        raise invalid(**{name: "Missing value"})
    return str(value)


# -- dicts -----------------------------------------------------------------------------------


def organization_dict(org: Organisation, *, package_count: int | None = None) -> dict:
    out = {
        "id": org.slug,
        "name": org.slug,
        "title": org.name,
        "display_name": org.name,
        "type": "organization",
        "description": org.description or "",
        "image_url": "",
        "image_display_url": "",
        "created": catalogue.ckan_time(org.created_at),
        "is_organization": True,
        "approval_status": "approved",
        "state": "active",
    }
    if package_count is not None:
        out["package_count"] = package_count
    return out


def group_dict(theme: Theme, *, package_count: int | None = None) -> dict:
    out = {
        "id": theme.code,
        "name": theme.code,
        "title": theme.name,
        "display_name": theme.name,
        "description": "",
        "image_display_url": "",
    }
    if package_count is not None:
        out.update(
            type="group",
            is_organization=False,
            approval_status="approved",
            state="active",
            package_count=package_count,
        )
    return out


def tag_dict(keyword: Keyword) -> dict:
    return {
        "id": str(keyword.pk),
        "name": keyword.name,
        "display_name": keyword.name,
        "state": "active",
        "vocabulary_id": None,
    }


def resource_dict(request, resource: Resource, distribution) -> dict:
    """One file or link as a CKAN resource dict."""
    created = catalogue.ckan_time(distribution.created_at)
    return {
        "id": catalogue.distribution_id(distribution),
        "package_id": resource.identifier,
        "url": catalogue.distribution_url(request, distribution),
        "name": distribution.title or distribution.file.name.rsplit("/", 1)[-1] or "",
        "description": "",
        "format": distribution.format,
        "mimetype": distribution.media_type or None,
        "mimetype_inner": None,
        "size": distribution.size,
        "hash": distribution.sha256,
        "language": distribution.language,
        "position": distribution.position,
        "created": created,
        "last_modified": None,
        "metadata_modified": created,
        "state": "active",
        "url_type": "upload" if distribution.kind == "file" else None,
        "resource_type": None,
        "cache_url": None,
        "cache_last_updated": None,
        "datastore_active": False,
    }


def package_dict(request, resource: Resource) -> dict:
    """A published record as CKAN 2.10's ``package_show`` returns a dataset."""
    lang = translation.get_language() or resource.language
    title, _title_lang = catalogue.text(resource, "title", lang)
    notes, _notes_lang = catalogue.text(resource, "abstract", lang)
    licence = licences.BY_ID.get(resource.licence)
    themes = list(resource.themes.all())
    keywords = list(resource.keywords.all())
    distributions = list(resource.distributions.all())
    extras = {
        "knowledge_type": resource.type,
        "language": resource.language,
        "countries": ",".join(c.code for c in resource.countries.all()),
        "activities": ",".join(a.code for a in resource.activities.all()),
        "doi": resource.doi,
        "issued": resource.published_on.isoformat() if resource.published_on else "",
        "spatial_text": resource.spatial,
        "access": resource.access,
    }
    if resource.source_url:
        extras["harvest_source_url"] = resource.source_url
    authors = "; ".join(
        (a.get("name", "") if isinstance(a, dict) else str(a)) for a in resource.authors or []
    )
    return {
        "id": resource.identifier,
        "name": resource.identifier,
        "title": title,
        "notes": notes,
        "title_translated": catalogue.translations(resource, "title"),
        "notes_translated": catalogue.translations(resource, "abstract"),
        "url": resource.url or (f"https://doi.org/{resource.doi}" if resource.doi else ""),
        "author": authors or None,
        "author_email": None,
        "maintainer": None,
        "maintainer_email": None,
        "version": None,
        "license_id": resource.licence,
        "license_title": licence.title_en if licence else resource.licence,
        "license_url": (licence.url or None) if licence else None,
        "isopen": bool(licence and licence.open),
        "owner_org": resource.publisher.slug if resource.publisher else None,
        "organization": organization_dict(resource.publisher) if resource.publisher else None,
        "groups": [group_dict(theme) for theme in themes],
        "tags": [tag_dict(keyword) for keyword in keywords],
        "num_tags": len(keywords),
        "resources": [resource_dict(request, resource, d) for d in distributions],
        "num_resources": len(distributions),
        "extras": [{"key": k, "value": v} for k, v in extras.items() if v],
        "metadata_created": catalogue.ckan_time(resource.created_at),
        "metadata_modified": catalogue.ckan_time(catalogue.modified(resource)),
        "state": "active",
        "type": "dataset",
        "private": False,
        "creator_user_id": None,
        "relationships_as_object": [],
        "relationships_as_subject": [],
    }


# -- fq ----------------------------------------------------------------------------------------

_TERM = re.compile(
    r"""(?P<sign>[+-]?)(?P<field>[A-Za-z_][\w.]*):
        (?: \[(?P<low>\S+)\s+TO\s+(?P<high>\S+)\]      # range
          | "(?P<quoted>(?:[^"\\]|\\.)*)"               # "quoted value"
          | (?P<bare>[^\s()]+) )                         # bare value
    """,
    re.VERBOSE,
)

#: fq field → the ORM lookup it filters on (exact values, as Solr's string fields).
FQ_FIELDS = {
    "organization": "publisher__slug",
    "owner_org": "publisher__slug",
    "groups": "themes__code",
    "tags": "keywords__name",
    "res_format": "distributions__format__iexact",
    "license_id": "licence",
    "knowledge_type": "type",
    "language": "language",
    "countries": "countries__code",
    "name": "identifier",
    "id": "identifier",
}
DATE_FIELDS = {"metadata_modified": "updated_at", "metadata_created": "created_at"}


def _moment(value: str, field: str) -> datetime | None:
    if value == "*":
        return None
    text = value.replace("NOW", "").rstrip("Z") or ""
    moment = parse_datetime(text) if "T" in text else parse_datetime(text + "T00:00:00")
    if moment is None:
        raise ActionError(
            "Search Query Error", f"Search Query is invalid: bad date {value!r} for {field}"
        )
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def apply_fq(queryset: QuerySet, fq: str) -> QuerySet:
    """Apply a Solr-like filter query; every term must hold (Solr's default for ``fq``)."""
    rest = fq
    for match in _TERM.finditer(fq):
        rest = rest.replace(match.group(0), " ", 1)
        field, sign = match.group("field"), match.group("sign")
        if field in DATE_FIELDS:
            low = _moment(match.group("low") or match.group("bare") or "*", field)
            high = _moment(match.group("high") or match.group("bare") or "*", field)
            condition = Q()
            if low is not None:
                condition &= Q(**{f"{DATE_FIELDS[field]}__gte": low})
            if high is not None:
                condition &= Q(**{f"{DATE_FIELDS[field]}__lte": high})
        elif field in ("type", "dataset_type"):
            value = match.group("quoted") or match.group("bare") or ""
            condition = Q() if value == "dataset" else Q(pk__in=[])
        elif field in FQ_FIELDS:
            value = match.group("quoted")
            value = value.replace('\\"', '"') if value is not None else match.group("bare")
            if value is None:
                raise ActionError(
                    "Search Query Error", f"Search Query is invalid: a range for {field}"
                )
            condition = Q(**{FQ_FIELDS[field]: value})
        else:
            known = ", ".join(sorted([*FQ_FIELDS, *DATE_FIELDS, "type", "dataset_type"]))
            raise ActionError(
                "Search Query Error",
                f"Search Query is invalid: unknown field {field!r} in fq; known: {known}",
            )
        if sign == "-":
            queryset = queryset.exclude(pk__in=Resource.objects.filter(condition).values("pk"))
        else:
            queryset = queryset.filter(pk__in=Resource.objects.filter(condition).values("pk"))
    leftover = [w for w in rest.split() if w.upper() not in ("AND", "+", "(", ")", "*:*")]
    if leftover:
        raise ActionError(
            "Search Query Error",
            f"Search Query is invalid: cannot read {' '.join(leftover)!r} in fq "
            "(use field:value terms)",
        )
    return queryset


# -- sort --------------------------------------------------------------------------------------

SORT_FIELDS = {
    "score": None,
    "metadata_modified": "updated_at",
    "metadata_created": "created_at",
    "title_string": "title",
    "title": "title",
    "name": "identifier",
    "id": "identifier",
}


def _sort(sort: str) -> list[tuple[str, bool]]:
    """``"score desc, metadata_modified desc"`` → ``[("score", True), ("metadata_modified", True)]``."""
    keys = []
    for part in sort.split(","):
        words = part.split()
        if not words:
            continue
        if (
            len(words) > 2
            or words[0] not in SORT_FIELDS
            or (len(words) == 2 and words[1].lower() not in ("asc", "desc"))
        ):
            raise ActionError(
                "Search Query Error",
                f"Search Query is invalid: cannot sort by {part.strip()!r}; use "
                f"'<field> asc|desc' with one of: {', '.join(SORT_FIELDS)}",
            )
        keys.append((words[0], len(words) == 2 and words[1].lower() == "desc"))
    return keys


# -- facets ------------------------------------------------------------------------------------

FACET_FIELDS = (
    "organization",
    "groups",
    "tags",
    "res_format",
    "license_id",
    "knowledge_type",
    "language",
    "countries",
)


#: facet field -> the lookup it counts
FACET_LOOKUPS = {
    "organization": "publisher__slug",
    "groups": "themes__code",
    "tags": "keywords__name",
    "res_format": "distributions__format",
    "license_id": "licence",
    "knowledge_type": "type",
    "language": "language",
    "countries": "countries__code",
}


def _facet_names(field: str, values: list[str]) -> dict[str, str]:
    """Display names of facet values, in the active language where they are translated."""
    if field == "organization":
        return {o.slug: o.name for o in Organisation.objects.filter(slug__in=values)}
    if field == "groups":
        return {t.code: t.name for t in Theme.objects.filter(code__in=values)}
    if field == "countries":
        return {c.code: c.name for c in Country.objects.filter(code__in=values)}
    if field == "license_id":
        return {v: licences.BY_ID[v].title_en for v in values if v in licences.BY_ID}
    if field == "knowledge_type":
        return {v: str(label) for v, label in ResourceType.choices}
    if field == "language":
        return {v: str(label) for v, label in settings.LANGUAGES}
    return {}


def _facets(queryset: QuerySet, fields: list[str], limit: int) -> tuple[dict, dict]:
    """Counts of records per value of each field, most first (CKAN's ``facets`` and
    ``search_facets``), counted by the database."""
    facets, search_facets = {}, {}
    for field in fields:
        lookup = FACET_LOOKUPS[field]
        # a join and GROUP BY (an exclude() on a many-valued relation would be a slow NOT IN)
        counted = (
            queryset.filter(**{f"{lookup}__isnull": False})
            .order_by()
            .values(lookup)
            .annotate(n=Count("pk", distinct=True))
            .values_list(lookup, "n")
        )
        ranked = sorted(
            ((value, n) for value, n in counted if value != ""),
            key=lambda item: (-item[1], item[0]),
        )
        if limit >= 0:
            ranked = ranked[:limit]
        names = _facet_names(field, [value for value, _n in ranked])
        facets[field] = dict(ranked)
        search_facets[field] = {
            "title": field,
            "items": [
                {"name": value, "display_name": names.get(value, value), "count": count}
                for value, count in ranked
            ],
        }
    return facets, search_facets


# -- actions -----------------------------------------------------------------------------------


def status_show(request, data: dict) -> dict:
    """The site and the CKAN API version it speaks."""
    return {
        "site_title": "LMEC knowledge platform",
        "site_description": "Lancang-Mekong Environmental Cooperation knowledge-sharing platform",
        "site_url": catalogue.site_url(request),
        "ckan_version": CKAN_COMPAT,
        "lmec_version": __version__,
        "error_emails_to": None,
        "locale_default": "en",
        "extensions": [],
    }


def package_list(request, data: dict) -> list[str]:
    """Names of the published records, sorted; ``limit`` and ``offset`` page them."""
    limit = _natural(data, "limit", None)
    offset = _natural(data, "offset", 0) or 0
    names = catalogue.published().order_by("identifier").values_list("identifier", flat=True)
    names = names[offset : offset + limit] if limit is not None else names[offset:]
    return list(names)


def package_show(request, data: dict) -> dict:
    """One published record by ``id`` (its identifier; ``name`` is the same)."""
    key = _required(data, "id")
    resource = catalogue.published().filter(identifier=key).first()
    if resource is None:
        raise not_found()
    return package_dict(request, resource)


def package_search(request, data: dict) -> dict:
    """Search: ``q`` (free text), ``fq`` (filters), ``sort``, ``rows``, ``start``,
    ``facet.field`` (a JSON list), ``facet.limit``."""
    rows = min(_natural(data, "rows", 10), ROWS_MAX)
    start = _natural(data, "start", 0)
    sort_text = str(data.get("sort") or "score desc, metadata_modified desc")
    sort = _sort(sort_text)
    facet_fields = data.get("facet.field") or []
    if isinstance(facet_fields, str):
        try:
            facet_fields = json.loads(facet_fields)
        except ValueError:
            raise invalid(**{"facet.field": "Not a JSON list of field names"}) from None
    if not isinstance(facet_fields, list) or not all(isinstance(f, str) for f in facet_fields):
        raise invalid(**{"facet.field": "Not a list of field names"})
    unknown = [f for f in facet_fields if f not in FACET_FIELDS]
    if unknown:
        raise invalid(
            **{"facet.field": f"Unknown {unknown}; choose from: {', '.join(FACET_FIELDS)}"}
        )
    facet_limit = _facet_limit(data)

    queryset = apply_fq(catalogue.published(), str(data.get("fq") or ""))
    q = str(data.get("q") or "").strip()
    if q in ("*:*", "*"):
        q = ""
    field_terms = [t for t in q.split() if _TERM.fullmatch(t)]
    if q and len(field_terms) == len(q.split()):  # q="tags:water" is a filter in CKAN too
        queryset, q = apply_fq(queryset, q), ""

    rank: dict[int, int] = {}
    if q:
        ranked = _lexical_ids(q, queryset)
        rank = {pk: position for position, pk in enumerate(ranked)}
        queryset = queryset.filter(pk__in=ranked)
    page_ids = _page_ids(queryset, sort, rank, start, rows)
    by_pk = {resource.pk: resource for resource in queryset.filter(pk__in=page_ids)}
    facets, search_facets = _facets(queryset, facet_fields, facet_limit)
    return {
        "count": queryset.count(),
        "sort": sort_text,
        "facets": facets,
        "search_facets": search_facets,
        "results": [package_dict(request, by_pk[pk]) for pk in page_ids],
    }


#: Sort fields the database orders by itself (the rest are sorted here).
DB_ORDER = {
    "metadata_modified": "updated_at",
    "metadata_created": "created_at",
    "name": "identifier",
    "id": "identifier",
}


def _page_ids(queryset: QuerySet, sort, rank: dict, start: int, rows: int) -> list[int]:
    """Primary keys of one page in ``sort`` order: by the database when it can (a harvester's
    ``metadata_modified asc`` pages stay cheap on a large catalogue), else by sorting light
    rows here (relevance of a free-text query, titles in the reader's language)."""
    keys = [(field, desc) for field, desc in sort if not (field == "score" and not rank)]
    if all(field in DB_ORDER for field, _desc in keys):
        order = [("-" if desc else "") + DB_ORDER[field] for field, desc in keys]
        ids = queryset.order_by(*order, "-published_at", "-id").values_list("pk", flat=True)
        return list(ids[start : start + rows])
    lang = translation.get_language() or "en"
    columns = {code: build_localized_fieldname("title", code) for code in catalogue.LANGUAGE_CODES}
    values = list(
        queryset.order_by("-published_at", "-id").values(
            "pk", "updated_at", "created_at", "identifier", "language", *columns.values()
        )
    )

    def title(row: dict) -> str:
        text = row.get(columns.get(lang, "")) or row.get(columns.get(row["language"], "")) or ""
        return text.casefold()

    for field, desc in reversed(keys):
        if field == "score":
            values.sort(key=lambda row: rank.get(row["pk"], len(rank)), reverse=not desc)
        elif field in ("title", "title_string"):
            values.sort(key=title, reverse=desc)
        else:
            values.sort(key=lambda row, f=DB_ORDER[field]: row[f], reverse=desc)
    return [row["pk"] for row in values[start : start + rows]]


def _facet_limit(data: dict) -> int:
    """``facet.limit`` (default 50); a negative one means no limit, as in CKAN."""
    value = data.get("facet.limit")
    if value in (None, ""):
        return 50
    try:
        return int(value)
    except (TypeError, ValueError):
        raise invalid(**{"facet.limit": "Invalid integer"}) from None


def _lexical_ids(q: str, queryset: QuerySet) -> list[int]:
    """Primary keys matching ``q``, best first, from the platform's lexical search."""
    from lmec.knowledge.search import query  # the search part; imported when a query comes

    result = query.search(q, mode="lexical", resources=queryset, limit=SEARCH_CAP, offset=0)
    return [item["id"] for item in result.items]


def _list_options(data: dict, default_sort: str) -> tuple[bool, int | None, int, str]:
    all_fields = _bool(data, "all_fields")
    limit = _natural(data, "limit", None)
    offset = _natural(data, "offset", 0) or 0
    sort = str(data.get("sort") or default_sort)
    return all_fields, limit, offset, sort


def organization_list(request, data: dict) -> list:
    """Publishers; ``all_fields`` gives dicts with ``package_count``."""
    all_fields, limit, offset, sort = _list_options(data, "title asc")
    counts = Counter(
        catalogue.published().exclude(publisher=None).values_list("publisher__slug", flat=True)
    )
    orgs = list(Organisation.objects.all())
    orgs = _order(orgs, sort, title=lambda o: o.name, name=lambda o: o.slug, counts=counts)
    orgs = orgs[offset : offset + limit] if limit is not None else orgs[offset:]
    if not all_fields:
        return [org.slug for org in orgs]
    return [organization_dict(org, package_count=counts.get(org.slug, 0)) for org in orgs]


def _order(items: list, sort: str, *, title, name, counts) -> list:
    words = sort.split()
    field = words[0] if words else "title"
    descending = len(words) > 1 and words[1].lower() == "desc"
    keys = {
        "title": lambda x: title(x).casefold(),
        "name": name,
        "package_count": lambda x: counts.get(name(x), 0),
    }
    if field not in keys or len(words) > 2:
        raise invalid(sort=f"Cannot sort by {sort!r}; use title, name or package_count")
    return sorted(items, key=keys[field], reverse=descending)


def organization_show(request, data: dict) -> dict:
    """One publisher by ``id`` (its slug); ``include_datasets`` adds its published records."""
    key = _required(data, "id")
    org = Organisation.objects.filter(slug=key).first()
    if org is None:
        raise not_found("Organization was not found.")
    records = catalogue.published().filter(publisher=org)
    out = organization_dict(org, package_count=records.count())
    out.update(users=[], extras=[], tags=[], groups=[])
    if _bool(data, "include_datasets"):
        out["packages"] = [package_dict(request, r) for r in records.order_by("identifier")]
    return out


def group_list(request, data: dict) -> list:
    """The knowledge themes as CKAN groups."""
    all_fields, limit, offset, sort = _list_options(data, "title asc")
    counts = Counter(catalogue.published().values_list("themes__code", flat=True))
    themes = _order(
        list(Theme.objects.all()),
        sort,
        title=lambda t: t.name,
        name=lambda t: t.code,
        counts=counts,
    )
    themes = themes[offset : offset + limit] if limit is not None else themes[offset:]
    if not all_fields:
        return [theme.code for theme in themes]
    return [group_dict(theme, package_count=counts.get(theme.code, 0)) for theme in themes]


def group_show(request, data: dict) -> dict:
    key = _required(data, "id")
    theme = Theme.objects.filter(code=key).first()
    if theme is None:
        raise not_found("Group was not found.")
    count = catalogue.published().filter(themes=theme).count()
    return group_dict(theme, package_count=count)


def tag_list(request, data: dict) -> list:
    """Keywords of published records; ``query`` keeps those containing it."""
    keywords = Keyword.objects.filter(pk__in=catalogue.published().values("keywords")).order_by(
        "name"
    )
    if data.get("query"):
        keywords = keywords.filter(name__icontains=str(data["query"]))
    if _bool(data, "all_fields"):
        return [tag_dict(k) for k in keywords]
    return [k.name for k in keywords]


def help_show(request, data: dict) -> str:
    """The documentation of an action (``name``)."""
    name = _required(data, "name")
    if name not in ACTIONS:
        raise not_found(f"Action function not found: {name}")
    return (ACTIONS[name].__doc__ or "").strip()


ACTIONS = {
    function.__name__: function
    for function in (
        status_show,
        package_list,
        package_show,
        package_search,
        organization_list,
        organization_show,
        group_list,
        group_show,
        tag_list,
        help_show,
    )
}


# -- the view ----------------------------------------------------------------------------------


def _request_data(request: HttpRequest) -> dict:
    """GET parameters, or a POSTed JSON object (or form), as CKAN reads them."""
    if request.method == "POST" and request.body:
        if request.content_type == "application/x-www-form-urlencoded":
            source = request.POST
        else:
            data = json.loads(request.body)  # ValueError answered by the view
            if not isinstance(data, dict):
                raise ValueError(
                    f"Request data JSON decoded to {data!r} but it needs to be a dictionary."
                )
            return data
    else:
        source = request.GET
    return {key: (values[0] if len(values) == 1 else values) for key, values in source.lists()}


def _answer(status: int, body) -> JsonResponse:
    response = JsonResponse(
        body, status=status, safe=False, json_dumps_params={"ensure_ascii": False}
    )
    response["Access-Control-Allow-Origin"] = "*"  # read-only open data, as CKAN allows
    return response


@csrf_exempt  # read-only actions; ckanapi POSTs JSON without a session
def action(request: HttpRequest, name: str) -> JsonResponse:
    """``/api/3/action/<name>``: run a read action and wrap it in CKAN's envelope."""
    if request.method not in ("GET", "POST", "HEAD"):
        return _answer(405, "Bad request: use GET or POST")
    function = ACTIONS.get(name)
    if function is None:
        return _answer(400, f"Bad request: Action name not known: {name}")
    envelope = {"help": catalogue.site_url(request) + f"/api/3/action/help_show?name={name}"}
    try:
        data = _request_data(request)
    except ValueError as error:
        return _answer(400, f"Bad request: JSON Error: {error}")
    data.pop("callback", None)
    try:
        envelope["result"] = function(request, data)
    except ActionError as error:
        envelope.update(success=False, error=error.body())
        return _answer(error.status, envelope)
    envelope["success"] = True
    return _answer(200, {"help": envelope["help"], "success": True, "result": envelope["result"]})
