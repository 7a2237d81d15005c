"""Citations: BibTeX (escaping, entry types), RIS and CSL-JSON compared exactly; the API
endpoint, its errors, and its OpenAPI contract checked by schemathesis."""

import json

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from lmec.knowledge import citations
from lmec.wsgi import application
from tests.knowledge.open_fixtures import *  # noqa: F403  (the catalogue fixtures)
from tests.knowledge.open_fixtures import make_catalogue

# The item properties and types of CSL 1.0.2's input schema (csl-data.json, MIT licence,
# https://github.com/citation-style-language/schema) that a citation may use.
CSL_TYPES = {"dataset", "document", "legislation", "report"}
CSL_STRING_FIELDS = {"title", "language", "publisher", "abstract", "keyword", "DOI", "URL"}
CSL_NAME_KEYS = {
    "family",
    "given",
    "literal",
    "suffix",
    "dropping-particle",
    "non-dropping-particle",
}


def test_it_writes_bibtex_with_escaping(open_catalogue):
    air = open_catalogue["air-report-2024"]
    air.title_en = "Air quality: 50% of {PM2.5} & $costs_# in ~2024^"
    assert citations.bibtex(air, base_url="https://lmec.example") == (
        "@techreport{air-report-2024,\n"
        "  author = {Somchai Jaidee and Nguyễn Văn An},\n"
        r"  title = {{Air quality: 50\% of \{PM2.5\} \& \$costs\_\# in "
        r"\textasciitilde{}2024\textasciicircum{}}},"
        "\n"
        "  institution = {Mekong River Commission},\n"
        "  year = {2024},\n"
        "  month = mar,\n"
        "  doi = {10.5555/lmec.air.2024},\n"
        "  url = {https://lmec.example/knowledge/r/air-report-2024/},\n"
        "  language = {en},\n"
        "  keywords = {PM2.5, air quality},\n"
        "  note = {Licence: Creative Commons Attribution 4.0}\n"
        "}\n"
    )


def test_it_cites_in_the_original_language_with_the_type_of_the_resource(open_catalogue):
    dams = citations.bibtex(open_catalogue["lao-dams"])
    assert dams.startswith("@misc{lao-dams,\n  author = {{Thailand Environment Institute}},\n")
    assert "  title = {{ຂໍ້ມູນເຂື່ອນໄຟຟ້າ}},\n" in dams
    assert "  language = {lo},\n" in dams
    park = citations.bibtex(open_catalogue["zh-park-case"])
    assert "  title = {{绿色工业园循环经济案例}},\n" in park and "language = {zh-Hans}" in park


def test_it_keeps_an_author_name_with_and_or_a_comma_whole(open_catalogue):
    air = open_catalogue["air-report-2024"]
    air.authors = [{"name": "Research and Development Unit"}, {"name": "Doe, Jane"}]
    assert "  author = {{Research and Development Unit} and {Doe, Jane}},\n" in citations.bibtex(
        air
    )


def test_it_writes_ris(open_catalogue):
    assert citations.ris(open_catalogue["air-report-2024"]) == (
        "TY  - RPRT\r\n"
        "AU  - Somchai Jaidee\r\n"
        "AU  - Nguyễn Văn An\r\n"
        "TI  - Air quality in the Mekong region 2024\r\n"
        "PY  - 2024\r\n"
        "DA  - 2024/03/01/\r\n"
        "PB  - Mekong River Commission\r\n"
        'AB  - Fine particles (PM2.5) in six countries & their "hot spots".\r\n'
        "KW  - PM2.5\r\n"
        "KW  - air quality\r\n"
        "DO  - 10.5555/lmec.air.2024\r\n"
        "LA  - en\r\n"
        "ID  - air-report-2024\r\n"
        "ER  - \r\n"
    )
    assert citations.ris(open_catalogue["lao-dams"]).startswith("TY  - DATA\r\n")


def test_it_writes_csl_json_within_the_schema(open_catalogue):
    item = citations.csl_json(open_catalogue["air-report-2024"], base_url="https://x.example")
    assert item == {
        "id": "air-report-2024",
        "type": "report",
        "title": "Air quality in the Mekong region 2024",
        "language": "en",
        "author": [{"literal": "Somchai Jaidee"}, {"literal": "Nguyễn Văn An"}],
        "issued": {"date-parts": [[2024, 3, 1]]},
        "publisher": "Mekong River Commission",
        "abstract": 'Fine particles (PM2.5) in six countries & their "hot spots".',
        "keyword": "PM2.5, air quality",
        "DOI": "10.5555/lmec.air.2024",
        "URL": "https://x.example/knowledge/r/air-report-2024/",
    }
    for resource in open_catalogue.values():
        item = citations.csl_json(resource)
        assert isinstance(item["id"], str) and item["type"] in CSL_TYPES
        for key, value in item.items():
            if key in CSL_STRING_FIELDS:
                assert isinstance(value, str), key
            elif key == "author":
                assert all(set(name) <= CSL_NAME_KEYS for name in value)
            elif key == "issued":
                parts = value["date-parts"]
                assert set(value) == {"date-parts"} and 1 <= len(parts) <= 2
                assert all(1 <= len(p) <= 3 and all(isinstance(n, int) for n in p) for p in parts)
            else:
                assert key in ("id", "type"), f"{key} is not a CSL variable"


@pytest.mark.parametrize(
    "fmt, media_type, start",
    [
        ("bibtex", "application/x-bibtex; charset=utf-8", "@techreport{air-report-2024,"),
        ("ris", "application/x-research-info-systems; charset=utf-8", "TY  - RPRT"),
        ("csl-json", "application/vnd.citationstyles.csl+json; charset=utf-8", "["),
    ],
)
def test_it_serves_citations(client, open_catalogue, fmt, media_type, start):
    response = client.get("/api/v1/knowledge/resources/air-report-2024/citation", {"format": fmt})
    assert response.status_code == 200
    assert response["Content-Type"] == media_type
    assert response.content.decode().startswith(start)
    if fmt == "csl-json":
        assert json.loads(response.content)[0]["URL"] == (
            "http://testserver/knowledge/r/air-report-2024/"
        )


def test_it_answers_404_for_an_unpublished_or_unknown_resource(client, open_catalogue):
    for identifier in ("draft-only", "nothing-here"):
        response = client.get(f"/api/v1/knowledge/resources/{identifier}/citation")
        assert response.status_code == 404
        assert response.json() == {"detail": f"No resource {identifier!r}."}


def test_it_answers_422_for_an_unknown_format(client, open_catalogue):
    response = client.get(
        "/api/v1/knowledge/resources/air-report-2024/citation", {"format": "endnote"}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "format"]


def test_it_documents_the_citation_formats_and_errors(client, db):
    operation = client.get("/api/v1/openapi.json").json()["paths"][
        "/api/v1/knowledge/resources/{identifier}/citation"
    ]["get"]
    assert sorted(operation["responses"]) == ["200", "404", "422"]
    assert sorted(operation["responses"]["200"]["content"]) == [
        "application/vnd.citationstyles.csl+json",
        "application/x-bibtex",
        "application/x-research-info-systems",
    ]


CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"mode": "all"},
        "dictionaries": {"records": {"values": ["air-report-2024", "zh-park-case", "draft-only"]}},
        "parameters": {"path.identifier": {"dictionary": "records", "probability": 0.6}},
    }
)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG).include(
    path_regex="/citation$"
)


@pytest.fixture
def contract_catalogue(db):
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield make_catalogue()
    finally:
        for signal in (signals.request_started, signals.request_finished):
            signal.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_it_keeps_the_openapi_contract(case, contract_catalogue):
    case.call_and_validate()
