"""DCAT-AP: the catalogue parsed back with rdflib (Turtle, JSON-LD, RDF/XML) and asked with
SPARQL; the schema.org JSON-LD of a resource page compared exactly."""

import pytest
from rdflib import Graph

from lmec.knowledge import dcat
from tests.knowledge.open_fixtures import *  # noqa: F403  (the catalogue fixtures)

pytestmark = pytest.mark.filterwarnings(
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning"  # rdflib's own JSON-LD parser
)

PREFIXES = """
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX hydra: <http://www.w3.org/ns/hydra/core#>
"""


def _graph(client, url, rdf_format, **headers) -> Graph:
    response = client.get(url, headers=headers)
    assert response.status_code == 200, response.content
    graph = Graph()
    graph.parse(data=response.content.decode(), format=rdf_format)
    return graph


def _rows(graph, query):
    return sorted(tuple(str(v) for v in row) for row in graph.query(PREFIXES + query))


@pytest.mark.parametrize(
    "url, rdf_format, headers",
    [
        ("/catalog.ttl", "turtle", {}),
        ("/catalog.jsonld", "json-ld", {}),
        ("/catalog.rdf", "xml", {}),
        ("/catalog", "turtle", {"Accept": "text/turtle"}),
        ("/catalog", "json-ld", {"Accept": "application/ld+json"}),
    ],
)
def test_it_lists_the_published_records_as_datasets(
    client, open_catalogue, url, rdf_format, headers
):
    graph = _graph(client, url, rdf_format, **headers)
    rows = _rows(
        graph,
        """SELECT ?id WHERE { ?c a dcat:Catalog ; dcat:dataset ?d . ?d a dcat:Dataset ;
           dct:identifier ?id }""",
    )
    assert rows == [("air-report-2024",), ("lao-dams",), ("zh-park-case",)]


def test_it_describes_a_dataset_in_dcat_ap(client, open_catalogue):
    graph = _graph(client, "/catalog.ttl", "turtle")
    d = "<http://testserver/knowledge/r/air-report-2024/>"
    titles = _rows(graph, f"SELECT ?t (lang(?t) AS ?l) WHERE {{ {d} dct:title ?t }}")
    assert titles == [
        ("Air quality in the Mekong region 2024", "en"),
        ("คุณภาพอากาศในภูมิภาคแม่โขง 2567", "th"),
    ]
    facts = _rows(
        graph,
        f"""SELECT ?publisher ?licence ?theme ?issued ?language WHERE {{
            {d} dct:publisher/foaf:name ?publisher ; dct:license ?licence ;
               dcat:theme ?theme ; dct:issued ?issued ; dct:language ?language }}""",
    )
    assert facts == [
        (
            "Mekong River Commission",
            "https://creativecommons.org/licenses/by/4.0/",
            "http://testserver/knowledge/themes/energy-climate/",
            "2024-03-01",
            "http://publications.europa.eu/resource/authority/language/ENG",
        )
    ]
    assert _rows(graph, f"SELECT ?s WHERE {{ {d} dct:spatial ?s }}") == [
        ("http://publications.europa.eu/resource/authority/country/LAO",),
        ("http://publications.europa.eu/resource/authority/country/THA",),
    ]
    assert _rows(graph, f"SELECT ?k WHERE {{ {d} dcat:keyword ?k }}") == [
        ("PM2.5",),
        ("air quality",),
    ]
    assert _rows(graph, f"SELECT ?m WHERE {{ {d} dct:modified ?m }}") == [
        ("2024-03-01T08:00:00+00:00",)
    ]
    distributions = _rows(
        graph,
        f"""SELECT ?access ?format ?size ?media (BOUND(?download) AS ?file) WHERE {{
            {d} dcat:distribution ?x . ?x dcat:accessURL ?access ; dct:format ?format ;
            dcat:byteSize ?size ; dcat:mediaType ?media .
            OPTIONAL {{ ?x dcat:downloadURL ?download }} }}""",
    )
    pdf_url = distributions[0][0]
    assert pdf_url.startswith("http://testserver/en/knowledge/r/air-report-2024/files/")
    assert distributions == [
        (
            pdf_url,
            "http://publications.europa.eu/resource/authority/file-type/PDF",
            "98765",
            "https://www.iana.org/assignments/media-types/application/pdf",
            "true",
        ),
        (
            "https://example.org/air-2024.csv",
            "http://publications.europa.eu/resource/authority/file-type/CSV",
            "1234",
            "https://www.iana.org/assignments/media-types/text/csv",
            "false",
        ),
    ]


def test_it_tags_chinese_as_bcp_47_and_publishes_the_themes_as_skos(client, open_catalogue):
    graph = _graph(client, "/catalog.jsonld", "json-ld")
    assert _rows(
        graph, "SELECT ?t WHERE { <http://testserver/knowledge/r/zh-park-case/> dct:title ?t }"
    ) == [("绿色工业园循环经济案例",)]
    langs = _rows(
        graph,
        """SELECT (lang(?t) AS ?l) WHERE {
           <http://testserver/knowledge/r/zh-park-case/> dct:title ?t }""",
    )
    assert langs == [("zh-Hans",)]
    labels = _rows(
        graph,
        """SELECT ?label WHERE { ?c skos:inScheme ?s ; skos:notation "energy-climate" ;
           skos:prefLabel ?label . ?s a skos:ConceptScheme . FILTER(lang(?label) = "lo") }""",
    )
    assert labels == [("ພະລັງງານ ແລະ ດິນຟ້າອາກາດ",)]


def test_it_pages_a_large_catalogue_with_hydra(client, open_catalogue, monkeypatch):
    monkeypatch.setattr(dcat, "PAGE_SIZE", 2)
    first = _graph(client, "/catalog.ttl", "turtle")
    view = _rows(
        first,
        """SELECT ?total ?next ?last WHERE { ?v a hydra:PartialCollectionView ;
           hydra:totalItems ?total ; hydra:next ?next ; hydra:last ?last }""",
    )
    assert view == [
        ("3", "http://testserver/catalog.ttl?page=2", "http://testserver/catalog.ttl?page=2")
    ]
    second = _graph(client, "/catalog.ttl?page=2", "turtle")
    assert _rows(second, "SELECT ?id WHERE { ?d a dcat:Dataset ; dct:identifier ?id }") == [
        ("zh-park-case",)
    ]
    assert client.get("/catalog.ttl?page=3").status_code == 404
    assert client.get("/catalog.ttl?page=two").status_code == 400


def test_it_refuses_an_unknown_format(client, db):
    response = client.get("/catalog.csv")
    assert response.status_code == 404
    assert response.json() == {"detail": "Unknown format 'csv'; choose one of: jsonld, ttl, rdf."}


def test_it_describes_a_resource_page_in_schema_org(open_catalogue):
    air = open_catalogue["air-report-2024"]
    data = dcat.schema_org(air, "th", base_url="https://lmec.example")
    contents = data.pop("associatedMedia")
    assert contents[0] == {
        "@type": "MediaObject",
        "contentUrl": "https://example.org/air-2024.csv",
        "name": "Station means",
        "encodingFormat": "text/csv",
        "contentSize": "1234 B",
    }
    assert contents[1]["contentUrl"].startswith("https://lmec.example/en/knowledge/r/")
    assert data == {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "@id": "https://lmec.example/th/knowledge/r/air-report-2024/",
        "url": "https://lmec.example/th/knowledge/r/air-report-2024/",
        "name": "คุณภาพอากาศในภูมิภาคแม่โขง 2567",
        "inLanguage": "th",
        "identifier": "air-report-2024",
        "isAccessibleForFree": True,
        "description": 'Fine particles (PM2.5) in six countries & their "hot spots".',
        "sameAs": "https://doi.org/10.5555/lmec.air.2024",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "datePublished": "2024-03-01",
        "dateModified": "2024-03-01T08:00:00+00:00",
        "keywords": ["PM2.5", "air quality"],
        "author": [
            {"@type": "Person", "name": "Somchai Jaidee"},
            {"@type": "Person", "name": "Nguyễn Văn An"},
        ],
        "publisher": {"@type": "Organization", "name": "Mekong River Commission"},
        "spatialCoverage": [
            {"@type": "Place", "name": "ลาว"},
            {"@type": "Place", "name": "ไทย"},
            {"@type": "Place", "name": "Lower Mekong basin"},
        ],
        "about": [
            {"@type": "DefinedTerm", "name": "พลังงานและสภาพภูมิอากาศ", "termCode": "energy-climate"}
        ],
    }


def test_it_calls_a_dataset_a_dataset_in_schema_org(open_catalogue):
    data = dcat.schema_org(open_catalogue["lao-dams"], "en")
    assert data["@type"] == "Dataset"
    assert data["name"] == "Hydropower dams" and data["inLanguage"] == "en"
    assert data["distribution"] == [
        {
            "@type": "DataDownload",
            "contentUrl": "https://example.org/dams.xlsx",
            "name": "Dams",
            "encodingFormat": "XLSX",
        }
    ]
    case = dcat.schema_org(open_catalogue["zh-park-case"], "th")
    assert (case["@type"], case["name"], case["inLanguage"]) == (
        "CreativeWork",
        "绿色工业园循环经济案例",
        "zh-Hans",
    )
