"""OAI-PMH 2.0 at ``/oai`` (https://www.openarchives.org/OAI/openarchivesprotocol.html).

Verbs: Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords, GetRecord;
metadata in ``oai_dc`` (unqualified Dublin Core). Choices made here (docs/knowledge-open-data.md):

- item identifiers ``oai:<host>:<Resource.identifier>``; datestamps are the record's last
  change (``updated_at``) in UTC, granularity ``YYYY-MM-DDThh:mm:ssZ`` (days accepted too);
- sets: ``theme:<code>`` for the five knowledge themes and ``type:<type>`` for the resource
  types;
- deleted records: ``transient``. A published record that was unpublished (it has an
  ``unpublished`` history entry and is not published now) is answered as deleted, so
  harvesters drop it; a record removed from the database is forgotten;
- lists come in pages of :data:`PAGE_SIZE`; the resumptionToken is stateless (the request and
  the offset, base64url JSON) and carries ``completeListSize`` and ``cursor``.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree as ET

from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt

from lmec.core.models import Theme

from . import catalogue, licences
from .models import Resource, ResourceEvent, ResourceType, Status

PAGE_SIZE = 100
OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
for _prefix, _uri in (("", OAI), ("oai_dc", OAI_DC), ("dc", DC), ("xsi", XSI)):
    ET.register_namespace(_prefix, _uri)

#: verb -> (required arguments, optional arguments); ``resumptionToken`` is exclusive.
VERBS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
}
#: DCMI Type Vocabulary term per resource type (dc:type).
DC_TYPES = {
    "publication": "Text",
    "dataset": "Dataset",
    "case": "Text",
    "policy": "Text",
    "tool": "Text",
    "training": "InteractiveResource",
    "multimedia": "MovingImage",
}


class OAIError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: v for k, v in attributes.items() if v is not None})
    if text is not None:
        element.text = text
    return element


def _q(tag: str) -> str:
    return f"{{{OAI}}}{tag}"


def _repository_id(request: HttpRequest) -> str:
    return request.get_host().split(":")[0]


def oai_identifier(request: HttpRequest, resource: Resource) -> str:
    return f"oai:{_repository_id(request)}:{resource.identifier}"


def _local_identifier(request: HttpRequest, identifier: str) -> str | None:
    prefix = f"oai:{_repository_id(request)}:"
    return identifier[len(prefix) :] if identifier.startswith(prefix) else None


def _parse_date(value: str, name: str) -> tuple[datetime, bool]:
    """``(moment, is_day)`` of a ``from``/``until`` argument in either granularity."""
    for pattern, is_day in (("%Y-%m-%dT%H:%M:%SZ", False), ("%Y-%m-%d", True)):
        try:
            return datetime.strptime(value, pattern).replace(tzinfo=UTC), is_day
        except ValueError:
            continue
    raise OAIError("badArgument", f"{name}={value!r} is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ")


def records() -> QuerySet[Resource]:
    """Published records and the ones unpublished since (answered as deleted)."""
    unpublished = ResourceEvent.objects.filter(action=ResourceEvent.Action.UNPUBLISHED).values(
        "resource"
    )
    return (
        Resource.objects.filter(Q(status=Status.PUBLISHED) | Q(pk__in=unpublished))
        .select_related("publisher")
        .prefetch_related("themes", "keywords", "countries", "distributions")
        .order_by("updated_at", "id")
    )


def _sets() -> list[tuple[str, str]]:
    with translation.override("en"):
        return [(f"theme:{t.code}", t.name) for t in Theme.objects.all()] + [
            (f"type:{value}", str(label)) for value, label in ResourceType.choices
        ]


def _in_set(queryset: QuerySet, spec: str) -> QuerySet:
    kind, _, value = spec.partition(":")
    if kind == "theme":
        return queryset.filter(themes__code=value)
    if kind == "type" and value in ResourceType.values:
        return queryset.filter(type=value)
    raise OAIError("noRecordsMatch", f"There is no set {spec!r}; ListSets names them.")


# -- tokens -------------------------------------------------------------------------------


def _token(args: dict, offset: int) -> str:
    state = {k: args[k] for k in ("verb", "metadataPrefix", "from", "until", "set") if k in args}
    state["offset"] = offset
    raw = json.dumps(state, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _untoken(token: str, verb: str) -> dict:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        state = json.loads(raw)
        offset = state.pop("offset")
        if not isinstance(offset, int) or offset < 0 or state.get("verb") != verb:
            raise ValueError
    except (ValueError, TypeError, KeyError, AttributeError):
        raise OAIError(
            "badResumptionToken", "The resumptionToken is not one this repository issued."
        ) from None
    state["offset"] = offset
    return state


# -- Dublin Core --------------------------------------------------------------------------


def _dublin_core(request: HttpRequest, parent: ET.Element, resource: Resource) -> None:
    dc = _sub(
        parent,
        f"{{{OAI_DC}}}dc",
        **{f"{{{XSI}}}schemaLocation": f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"},
    )

    def add(name: str, text: str, lang: str | None = None) -> None:
        if text:
            _sub(dc, f"{{{DC}}}{name}", text, **{XML_LANG: catalogue.bcp47(lang) if lang else None})

    for lang, text in catalogue.translations(resource, "title").items():
        add("title", text, lang)
    for author in resource.authors or []:
        add("creator", author.get("name", "") if isinstance(author, dict) else str(author))
    for keyword in resource.keywords.all():
        add("subject", keyword.name)
    with translation.override("en"):
        for theme in resource.themes.all():
            add("subject", theme.name, "en")
        for lang, text in catalogue.translations(resource, "abstract").items():
            add("description", text, lang)
        if resource.publisher:
            add("publisher", resource.publisher.name)
        if resource.published_on:
            add("date", resource.published_on.isoformat())
        add("type", DC_TYPES.get(resource.type, "Text"))
        for media in sorted({d.media_type for d in resource.distributions.all() if d.media_type}):
            add("format", media)
        add("identifier", catalogue.site_url(request) + catalogue.landing_path(resource))
        if resource.doi:
            add("identifier", f"https://doi.org/{resource.doi}")
        add("language", catalogue.bcp47(resource.language))
        for country in resource.countries.all():
            add("coverage", country.name)
        add("coverage", resource.spatial)
        licence = licences.BY_ID.get(resource.licence)
        add("rights", (licence.url or licence.title_en) if licence else resource.licence)


def _header(request, parent: ET.Element, resource: Resource) -> None:
    deleted = resource.status != Status.PUBLISHED
    header = _sub(parent, _q("header"), status="deleted" if deleted else None)
    _sub(header, _q("identifier"), oai_identifier(request, resource))
    _sub(header, _q("datestamp"), catalogue.zulu(resource.updated_at))
    for theme in resource.themes.all():
        _sub(header, _q("setSpec"), f"theme:{theme.code}")
    _sub(header, _q("setSpec"), f"type:{resource.type}")


def _record(request, parent: ET.Element, resource: Resource) -> None:
    record = _sub(parent, _q("record"))
    _header(request, record, resource)
    if resource.status == Status.PUBLISHED:  # a deleted record has a header only
        _dublin_core(request, _sub(record, _q("metadata")), resource)


# -- verbs --------------------------------------------------------------------------------


def _identify(request, root, args) -> None:
    node = _sub(root, _q("Identify"))
    _sub(node, _q("repositoryName"), "LMEC knowledge platform")
    _sub(node, _q("baseURL"), catalogue.site_url(request) + "/oai")
    _sub(node, _q("protocolVersion"), "2.0")
    from django.conf import settings

    email = settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">").strip()
    _sub(node, _q("adminEmail"), email)
    first = records().order_by("updated_at").values_list("updated_at", flat=True).first()
    _sub(node, _q("earliestDatestamp"), catalogue.zulu(first or datetime(2023, 1, 1, tzinfo=UTC)))
    _sub(node, _q("deletedRecord"), "transient")
    _sub(node, _q("granularity"), "YYYY-MM-DDThh:mm:ssZ")


def _list_metadata_formats(request, root, args) -> None:
    if "identifier" in args:
        _find(request, args["identifier"])
    node = _sub(root, _q("ListMetadataFormats"))
    fmt = _sub(node, _q("metadataFormat"))
    _sub(fmt, _q("metadataPrefix"), "oai_dc")
    _sub(fmt, _q("schema"), "http://www.openarchives.org/OAI/2.0/oai_dc.xsd")
    _sub(fmt, _q("metadataNamespace"), OAI_DC)


def _list_sets(request, root, args) -> None:
    if "resumptionToken" in args:
        raise OAIError("badResumptionToken", "ListSets answers in one page; no token applies.")
    node = _sub(root, _q("ListSets"))
    for spec, name in _sets():
        entry = _sub(node, _q("set"))
        _sub(entry, _q("setSpec"), spec)
        _sub(entry, _q("setName"), name)


def _find(request, identifier: str) -> Resource:
    local = _local_identifier(request, identifier)
    resource = records().filter(identifier=local).first() if local else None
    if resource is None:
        raise OAIError("idDoesNotExist", f"No item has the identifier {identifier!r}.")
    return resource


def _check_prefix(args: dict) -> None:
    if args.get("metadataPrefix") != "oai_dc":
        raise OAIError(
            "cannotDisseminateFormat",
            f"metadataPrefix {args.get('metadataPrefix')!r} is not served; use oai_dc.",
        )


def _get_record(request, root, args) -> None:
    _check_prefix(args)
    resource = _find(request, args["identifier"])
    _record(request, _sub(root, _q("GetRecord")), resource)


def _list(request, root, args, verb: str) -> None:
    offset = 0
    if "resumptionToken" in args:
        state = _untoken(args["resumptionToken"], verb)
        offset = state.pop("offset")
        args = {**state}
    _check_prefix(args)
    queryset = records()
    low = high = None
    if "from" in args:
        low, low_day = _parse_date(args["from"], "from")
    if "until" in args:
        high, high_day = _parse_date(args["until"], "until")
        if high_day:
            high = high + timedelta(days=1) - timedelta(microseconds=1)
    if "from" in args and "until" in args:
        if low_day != high_day:
            raise OAIError("badArgument", "from and until must have the same granularity.")
        if low > high:
            raise OAIError("badArgument", "from is later than until.")
    if low is not None:
        queryset = queryset.filter(updated_at__gte=low)
    if high is not None:
        # datestamps are to the second: until=…:05Z includes 05.9
        queryset = queryset.filter(
            updated_at__lt=high.replace(microsecond=0) + timedelta(seconds=1)
        )
    if "set" in args:
        queryset = _in_set(queryset, args["set"])
    total = queryset.count()
    if total == 0:
        raise OAIError("noRecordsMatch", "No records match these arguments.")
    if offset >= total and offset:
        raise OAIError("badResumptionToken", "The resumptionToken points past the list's end.")
    page = list(queryset[offset : offset + PAGE_SIZE])
    node = _sub(root, _q(verb))
    for resource in page:
        if verb == "ListRecords":
            _record(request, node, resource)
        else:
            _header(request, node, resource)
    following = offset + len(page)
    if offset or following < total:
        token = _sub(
            node,
            _q("resumptionToken"),
            _token({**args, "verb": verb}, following) if following < total else None,
            completeListSize=str(total),
            cursor=str(offset),
        )
        if following >= total:
            token.text = None


HANDLERS = {
    "Identify": _identify,
    "ListMetadataFormats": _list_metadata_formats,
    "ListSets": _list_sets,
    "GetRecord": _get_record,
    "ListIdentifiers": lambda request, root, args: _list(request, root, args, "ListIdentifiers"),
    "ListRecords": lambda request, root, args: _list(request, root, args, "ListRecords"),
}


def _arguments(request: HttpRequest) -> dict[str, str]:
    source = request.POST if request.method == "POST" else request.GET
    repeated = [key for key, values in source.lists() if len(values) > 1]
    if repeated:
        raise OAIError("badArgument", f"Repeated argument: {', '.join(repeated)}.")
    return {key: value for key, value in source.items()}


def _check_arguments(verb: str, args: dict) -> None:
    required, optional = VERBS[verb]
    given = set(args) - {"verb"}
    if "resumptionToken" in given:
        if given != {"resumptionToken"}:
            raise OAIError("badArgument", "resumptionToken is an exclusive argument.")
        return
    unknown = given - required - optional
    if unknown:
        raise OAIError(
            "badArgument",
            f"{verb} does not take {', '.join(sorted(unknown))}; it takes "
            f"{', '.join(sorted(required | optional)) or 'no arguments'}.",
        )
    missing = required - given
    if missing:
        raise OAIError("badArgument", f"{verb} needs {', '.join(sorted(missing))}.")


@csrf_exempt  # OAI-PMH allows POST; nothing is written
def endpoint(request: HttpRequest) -> HttpResponse:
    """``/oai``: answer one OAI-PMH request."""
    root = ET.Element(
        _q("OAI-PMH"),
        {f"{{{XSI}}}schemaLocation": f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"},
    )
    _sub(root, _q("responseDate"), catalogue.zulu(datetime.now(UTC)))
    request_node = _sub(root, _q("request"), catalogue.site_url(request) + "/oai")
    try:
        args = _arguments(request)
        verb = args.get("verb")
        if verb not in VERBS:
            raise OAIError(
                "badVerb",
                f"Unknown or missing verb {verb!r}; use one of: {', '.join(VERBS)}."
                if verb
                else f"No verb; use one of: {', '.join(VERBS)}.",
            )
        _check_arguments(verb, args)
        for key, value in args.items():  # echoed only for a request that is well formed
            request_node.set(key, value)
        HANDLERS[verb](request, root, args)
    except OAIError as error:
        if error.code in ("badVerb", "badArgument"):
            request_node.attrib.clear()
        for child in list(root)[2:]:
            root.remove(child)
        _sub(root, _q("error"), error.message, code=error.code)
    body = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return HttpResponse(body, content_type="text/xml; charset=utf-8")
