"""The catalogue in DCAT-AP (``/catalog.jsonld``, ``/catalog.ttl``, ``/catalog``) and the
schema.org JSON-LD of a resource page.

DCAT-AP 2.1 (https://semiceu.github.io/DCAT-AP/releases/2.1.1/) with rdflib. Choices
(docs/knowledge-open-data.md):

- one ``dcat:Dataset`` per published record, its URI the language-less page URL
  (``https://host/knowledge/r/<identifier>/``), which is also ``dcat:landingPage``;
- titles, descriptions and theme labels in every language filled, tagged BCP 47
  (``zh-Hans``); ``dcat:keyword`` as written;
- ``dct:spatial`` and ``dct:language`` as the EU Publications Office authority URIs
  (``…/authority/country/THA``, ``…/authority/language/THA``), as DCAT-AP recommends;
- ``dct:format`` as the EU file-type authority (``…/file-type/CSV``), ``dcat:mediaType`` as
  the IANA media-type URI; ``dct:license`` the licence's URL (the register's id otherwise);
- themes are a ``skos:ConceptScheme`` of their own, each ``dcat:theme`` a ``skos:Concept``;
- pages of :data:`PAGE_SIZE` datasets (``?page=N``) described with a
  ``hydra:PartialCollectionView``, as ckanext-dcat does.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from lmec.core.models import Theme

from . import catalogue, licences
from .models import Resource

PAGE_SIZE = 100
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU_COUNTRY = Namespace("http://publications.europa.eu/resource/authority/country/")
EU_LANGUAGE = Namespace("http://publications.europa.eu/resource/authority/language/")
EU_FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
IANA = "https://www.iana.org/assignments/media-types/"
#: ISO 3166-1 alpha-2 → alpha-3 (the EU country authority's codes) for the six countries.
COUNTRY_ALPHA3 = {"KH": "KHM", "CN": "CHN", "LA": "LAO", "MM": "MMR", "TH": "THA", "VN": "VNM"}
#: Platform language → EU language authority code (ISO 639-2/T upper case).
LANGUAGE_EU = {
    "zh-hans": "ZHO",
    "en": "ENG",
    "th": "THA",
    "vi": "VIE",
    "lo": "LAO",
    "km": "KHM",
    "my": "MYA",
}
#: The formats the EU file-type authority names as we write them.
EU_FILE_TYPES = {
    "CSV",
    "PDF",
    "XLSX",
    "XLS",
    "DOCX",
    "DOC",
    "JSON",
    "XML",
    "HTML",
    "PNG",
    "JPEG",
    "ZIP",
    "GEOJSON",
    "SHP",
    "KML",
    "TXT",
    "ODS",
    "ODT",
    "TIFF",
    "MP4",
}
CONTEXT = {
    "dcat": str(DCAT),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "skos": str(SKOS),
    "hydra": str(HYDRA),
    "vcard": str(VCARD),
    "xsd": str(XSD),
    "rdfs": str(RDFS),
}


def _bind(graph: Graph) -> None:
    for prefix, uri in CONTEXT.items():
        graph.bind(prefix, uri)


def _licence_uri(site: str, licence_id: str) -> URIRef:
    licence = licences.BY_ID.get(licence_id)
    return (
        URIRef(licence.url)
        if licence and licence.url
        else URIRef(f"{site}/catalog#licence-{licence_id}")
    )


def add_dataset(graph: Graph, request, resource: Resource, *, site: str) -> URIRef:
    """The record as a ``dcat:Dataset`` with its distributions; returns its URI."""
    uri = URIRef(site + catalogue.landing_path(resource))
    graph.add((uri, RDF.type, DCAT.Dataset))
    graph.add((uri, DCTERMS.identifier, Literal(resource.identifier)))
    for lang, text in catalogue.translations(resource, "title").items():
        graph.add((uri, DCTERMS.title, Literal(text, lang=catalogue.bcp47(lang))))
    for lang, text in catalogue.translations(resource, "abstract").items():
        graph.add((uri, DCTERMS.description, Literal(text, lang=catalogue.bcp47(lang))))
    graph.add((uri, DCAT.landingPage, uri))
    graph.add((uri, DCTERMS.language, EU_LANGUAGE[LANGUAGE_EU[resource.language]]))
    if resource.publisher:
        agent = URIRef(f"{site}/catalog#organisation-{resource.publisher.slug}")
        graph.add((uri, DCTERMS.publisher, agent))
        graph.add((agent, RDF.type, FOAF.Agent))
        graph.add((agent, FOAF.name, Literal(resource.publisher.name)))
    licence = _licence_uri(site, resource.licence)
    graph.add((licence, RDF.type, DCTERMS.LicenseDocument))
    if resource.licence in licences.BY_ID:
        graph.add((licence, RDFS.label, Literal(licences.BY_ID[resource.licence].title_en)))
    for theme in resource.themes.all():
        graph.add((uri, DCAT.theme, URIRef(f"{site}/knowledge/themes/{theme.code}/")))
    for keyword in resource.keywords.all():
        graph.add((uri, DCAT.keyword, Literal(keyword.name)))
    for country in resource.countries.all():
        if country.code in COUNTRY_ALPHA3:
            graph.add((uri, DCTERMS.spatial, EU_COUNTRY[COUNTRY_ALPHA3[country.code]]))
    if resource.published_on:
        graph.add(
            (uri, DCTERMS.issued, Literal(resource.published_on.isoformat(), datatype=XSD.date))
        )
    graph.add(
        (
            uri,
            DCTERMS.modified,
            Literal(catalogue.utc(resource.updated_at).isoformat(), datatype=XSD.dateTime),
        )
    )
    if resource.doi:
        graph.add((uri, DCTERMS.isReferencedBy, URIRef(f"https://doi.org/{resource.doi}")))
    if resource.url:
        graph.add((uri, FOAF.page, URIRef(resource.url)))
    for author in resource.authors or []:
        name = author.get("name") if isinstance(author, dict) else str(author)
        if name:
            creator = BNode()
            graph.add((uri, DCTERMS.creator, creator))
            graph.add((creator, RDF.type, FOAF.Agent))
            graph.add((creator, FOAF.name, Literal(name)))
    for distribution in resource.distributions.all():
        node = URIRef(f"{uri}#distribution-{distribution.pk}")
        graph.add((uri, DCAT.distribution, node))
        graph.add((node, RDF.type, DCAT.Distribution))
        url = URIRef(catalogue.distribution_url(request, distribution))
        graph.add((node, DCAT.accessURL, url))
        if distribution.kind == "file":
            graph.add((node, DCAT.downloadURL, url))
        if distribution.title:
            graph.add((node, DCTERMS.title, Literal(distribution.title)))
        fmt = (distribution.format or "").upper()
        if fmt in EU_FILE_TYPES:
            graph.add((node, DCTERMS.format, EU_FILE_TYPE[fmt]))
        elif fmt:
            graph.add((node, DCTERMS.format, Literal(distribution.format)))
        if distribution.media_type:
            graph.add((node, DCAT.mediaType, URIRef(IANA + distribution.media_type)))
        if distribution.size is not None:
            graph.add(
                (node, DCAT.byteSize, Literal(distribution.size, datatype=XSD.nonNegativeInteger))
            )
        graph.add((node, DCTERMS.license, licence))
    graph.add(
        (uri, DCTERMS.license, licence)
    )  # DCAT-AP puts it on distributions; many read it here
    return uri


def add_themes(graph: Graph, site: str) -> URIRef:
    """The knowledge themes as a SKOS concept scheme with labels in every language."""
    from django.conf import settings
    from modeltranslation.utils import build_localized_fieldname

    scheme = URIRef(f"{site}/knowledge/themes/")
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    graph.add((scheme, DCTERMS.title, Literal("LMEC knowledge themes", lang="en")))
    for theme in Theme.objects.all():
        concept = URIRef(f"{site}/knowledge/themes/{theme.code}/")
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, scheme))
        graph.add((concept, SKOS.notation, Literal(theme.code)))
        for code, _name in settings.LANGUAGES:
            label = getattr(theme, build_localized_fieldname("name", code), "")
            if label:
                graph.add((concept, SKOS.prefLabel, Literal(label, lang=catalogue.bcp47(code))))
    return scheme


class PageError(ValueError):
    pass


def catalogue_graph(request: HttpRequest, page: int = 1) -> Graph:
    """One page of the catalogue as an RDF graph."""
    site = catalogue.site_url(request)
    records = catalogue.published().order_by("identifier")
    total = records.count()
    last = max(1, -(-total // PAGE_SIZE))
    if page < 1 or page > last:
        raise PageError(f"page {page} does not exist; pages run from 1 to {last}")
    graph = Graph()
    _bind(graph)
    catalog = URIRef(f"{site}/catalog")
    graph.add((catalog, RDF.type, DCAT.Catalog))
    graph.add((catalog, DCTERMS.title, Literal("LMEC knowledge platform", lang="en")))
    graph.add(
        (
            catalog,
            DCTERMS.description,
            Literal(
                "Publications, datasets, good-practice cases, policies and tools of the "
                "Lancang-Mekong Environmental Cooperation.",
                lang="en",
            ),
        )
    )
    graph.add((catalog, FOAF.homepage, URIRef(f"{site}/")))
    graph.add((catalog, DCAT.themeTaxonomy, add_themes(graph, site)))
    centre = URIRef(f"{site}/catalog#publisher")
    graph.add((catalog, DCTERMS.publisher, centre))
    graph.add((centre, RDF.type, FOAF.Agent))
    graph.add((centre, FOAF.name, Literal("Lancang-Mekong Environmental Cooperation Center")))
    for code in LANGUAGE_EU.values():
        graph.add((catalog, DCTERMS.language, EU_LANGUAGE[code]))
    for resource in records[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]:
        graph.add((catalog, DCAT.dataset, add_dataset(graph, request, resource, site=site)))
    if last > 1:
        path = request.path
        view = URIRef(f"{site}{path}?page={page}")
        graph.add((view, RDF.type, HYDRA.PartialCollectionView))
        graph.add((view, HYDRA.totalItems, Literal(total, datatype=XSD.integer)))
        graph.add((view, HYDRA.itemsPerPage, Literal(PAGE_SIZE, datatype=XSD.integer)))
        graph.add((view, HYDRA.first, URIRef(f"{site}{path}?page=1")))
        graph.add((view, HYDRA.last, URIRef(f"{site}{path}?page={last}")))
        if page > 1:
            graph.add((view, HYDRA.previous, URIRef(f"{site}{path}?page={page - 1}")))
        if page < last:
            graph.add((view, HYDRA.next, URIRef(f"{site}{path}?page={page + 1}")))
    return graph


FORMATS = {
    "jsonld": ("json-ld", "application/ld+json"),
    "ttl": ("turtle", "text/turtle"),
    "rdf": ("xml", "application/rdf+xml"),
}


def _negotiate(accept: str) -> str:
    for part in accept.split(","):
        media = part.split(";")[0].strip()
        for key, (_fmt, media_type) in FORMATS.items():
            if media == media_type:
                return key
    return "jsonld"


def catalog_view(request: HttpRequest, fmt: str | None = None) -> HttpResponse:
    """``/catalog.jsonld``, ``/catalog.ttl``, ``/catalog.rdf``; ``/catalog`` by Accept."""
    key = fmt or _negotiate(request.headers.get("Accept", ""))
    if key not in FORMATS:
        return JsonResponse(
            {"detail": f"Unknown format {key!r}; choose one of: {', '.join(FORMATS)}."}, status=404
        )
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        return JsonResponse({"detail": "page must be a whole number from 1."}, status=400)
    try:
        graph = catalogue_graph(request, page)
    except PageError as error:
        return JsonResponse({"detail": str(error)}, status=404)
    rdf_format, media_type = FORMATS[key]
    options = {"context": CONTEXT, "auto_compact": True} if key == "jsonld" else {}
    body = graph.serialize(format=rdf_format, **options)
    response = HttpResponse(body, content_type=f"{media_type}; charset=utf-8")
    response["Vary"] = "Accept"
    response["Access-Control-Allow-Origin"] = "*"
    return response


# -- schema.org ---------------------------------------------------------------------------

SCHEMA_TYPES = {"dataset": "Dataset", "publication": "ScholarlyArticle"}


def schema_org(resource: Resource, lang: str, *, base_url: str = "") -> dict:
    """schema.org JSON-LD of a resource page (``Dataset``, ``ScholarlyArticle`` or
    ``CreativeWork``), texts in ``lang`` where translated, else the original's.
    ``base_url`` (``https://host``) makes the URLs absolute."""
    from django.utils import translation

    title, title_lang = catalogue.text(resource, "title", lang)
    abstract, _abstract_lang = catalogue.text(resource, "abstract", lang)
    page = base_url + catalogue.landing_path(resource, lang)
    licence = licences.BY_ID.get(resource.licence)
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(resource.type, "CreativeWork"),
        "@id": page,
        "url": page,
        "name": title,
        "inLanguage": catalogue.bcp47(title_lang),
        "identifier": resource.identifier,
        "isAccessibleForFree": resource.access == "open",
    }
    if abstract:
        data["description"] = abstract
    if resource.doi:
        data["sameAs"] = f"https://doi.org/{resource.doi}"
    if licence:
        data["license"] = licence.url or licence.title_en
    if resource.published_on:
        data["datePublished"] = resource.published_on.isoformat()
    data["dateModified"] = catalogue.utc(resource.updated_at).isoformat()
    keywords = [k.name for k in resource.keywords.all()]
    if keywords:
        data["keywords"] = keywords
    authors = [
        {"@type": "Person", "name": a["name"] if isinstance(a, dict) else str(a)}
        for a in resource.authors or []
    ]
    if authors:
        data["author" if resource.type != "dataset" else "creator"] = authors
    with translation.override(lang):
        if resource.publisher:
            data["publisher"] = {"@type": "Organization", "name": resource.publisher.name}
        places = [{"@type": "Place", "name": c.name} for c in resource.countries.all()]
        if resource.spatial:
            places.append({"@type": "Place", "name": resource.spatial})
        if places:
            data["spatialCoverage"] = places
        themes = [
            {"@type": "DefinedTerm", "name": t.name, "termCode": t.code}
            for t in resource.themes.all()
        ]
        if themes:
            data["about"] = themes
    files = []
    for distribution in resource.distributions.all():
        if distribution.kind == "file":
            url = base_url + catalogue.distribution_path(distribution)
        else:
            url = distribution.url
        item = {
            "@type": "DataDownload" if resource.type == "dataset" else "MediaObject",
            "contentUrl": url,
        }
        if distribution.title:
            item["name"] = distribution.title
        if distribution.media_type or distribution.format:
            item["encodingFormat"] = distribution.media_type or distribution.format
        if distribution.size is not None:
            item["contentSize"] = f"{distribution.size} B"
        files.append(item)
    if files:
        data["distribution" if resource.type == "dataset" else "associatedMedia"] = files
    return data
