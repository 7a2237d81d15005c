"""OAI-PMH 2.0: harvested with the real client ``sickle`` on a live server, and each protocol
error answered as the specification says (section 3.6)."""

from xml.etree import ElementTree as ET

import pytest
from sickle import Sickle
from sickle.oaiexceptions import BadArgument, IdDoesNotExist, NoRecordsMatch

from lmec.knowledge import oai
from lmec.knowledge.models import Resource, ResourceEvent
from tests.knowledge.open_fixtures import *  # noqa: F403  (the catalogue fixtures)
from tests.knowledge.open_fixtures import LIVE

NS = {"o": oai.OAI, "dc": oai.DC, "oai_dc": oai.OAI_DC}


@pytest.fixture
def sickle(live_catalogue, live_server):
    return Sickle(f"{live_server.url}/oai", max_retries=0, timeout=30)


@LIVE
def test_it_identifies_itself(sickle):
    identify = sickle.Identify()
    assert identify.protocolVersion == "2.0"
    assert identify.repositoryName == "LMEC knowledge platform"
    assert identify.deletedRecord == "transient"
    assert identify.granularity == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.earliestDatestamp == "2024-03-01T08:00:00Z"


@LIVE
def test_it_lists_records_across_pages_with_resumption_tokens(sickle, monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 2)
    records = list(sickle.ListRecords(metadataPrefix="oai_dc"))
    assert [r.header.identifier.rsplit(":", 1)[1] for r in records] == [
        "air-report-2024",
        "lao-dams",
        "zh-park-case",
    ]
    air = records[0]
    assert air.header.datestamp == "2024-03-01T08:00:00Z"
    assert air.header.setSpecs == ["theme:energy-climate", "type:publication"]
    assert air.metadata["title"] == [
        "Air quality in the Mekong region 2024",
        "คุณภาพอากาศในภูมิภาคแม่โขง 2567",
    ]
    assert air.metadata["creator"] == ["Somchai Jaidee", "Nguyễn Văn An"]
    assert air.metadata["subject"] == ["PM2.5", "air quality", "Energy and climate"]
    assert air.metadata["type"] == ["Text"]
    assert air.metadata["rights"] == ["https://creativecommons.org/licenses/by/4.0/"]
    assert air.metadata["identifier"][1] == "https://doi.org/10.5555/lmec.air.2024"
    assert air.metadata["coverage"] == ["Lao PDR", "Thailand", "Lower Mekong basin"]


@LIVE
def test_it_filters_by_date_and_set(sickle):
    headers = sickle.ListIdentifiers(metadataPrefix="oai_dc", **{"from": "2024-06-01"})
    assert [h.identifier.rsplit(":", 1)[1] for h in headers] == ["lao-dams", "zh-park-case"]
    headers = sickle.ListIdentifiers(metadataPrefix="oai_dc", until="2024-06-15T12:30:00Z")
    assert [h.identifier.rsplit(":", 1)[1] for h in headers] == ["air-report-2024", "lao-dams"]
    headers = sickle.ListIdentifiers(metadataPrefix="oai_dc", set="type:case")
    assert [h.identifier.rsplit(":", 1)[1] for h in headers] == ["zh-park-case"]
    with pytest.raises(NoRecordsMatch):
        list(sickle.ListIdentifiers(metadataPrefix="oai_dc", set="theme:nature-based-solutions"))


@LIVE
def test_it_gets_a_record_and_says_when_there_is_none(sickle, live_server):
    record = sickle.GetRecord(identifier="oai:localhost:lao-dams", metadataPrefix="oai_dc")
    assert record.metadata["language"] == ["lo"]
    assert record.metadata["title"] == ["ຂໍ້ມູນເຂື່ອນໄຟຟ້າ", "Hydropower dams"]
    with pytest.raises(IdDoesNotExist):
        sickle.GetRecord(identifier="oai:localhost:draft-only", metadataPrefix="oai_dc")
    with pytest.raises(BadArgument):
        sickle.GetRecord(identifier="oai:localhost:lao-dams")


@LIVE
def test_it_lists_sets_and_formats(sickle):
    specs = [s.setSpec for s in sickle.ListSets()]
    assert specs[:5] == [
        "theme:transport-ecosystems",
        "theme:energy-climate",
        "theme:green-industrial-parks",
        "theme:natural-capital-finance",
        "theme:nature-based-solutions",
    ]
    assert "type:dataset" in specs and len(specs) == 12
    formats = [f.metadataPrefix for f in sickle.ListMetadataFormats()]
    assert formats == ["oai_dc"]


# -- protocol errors, read from the XML ---------------------------------------------------


def _error(client, query: str) -> tuple[str, dict]:
    response = client.get("/oai?" + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{oai.OAI}}}OAI-PMH"
    assert [child.tag.split("}")[1] for child in root][:2] == ["responseDate", "request"]
    error = root.find("o:error", NS)
    return (error.get("code") if error is not None else None), root.find("o:request", NS).attrib


@pytest.mark.parametrize(
    "query, code",
    [
        ("", "badVerb"),
        ("verb=Harvest", "badVerb"),
        ("verb=ListRecords", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&colour=red", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=yesterday", "badArgument"),
        (
            "verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&until=2025-01-01T00:00:00Z",
            "badArgument",
        ),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=2025-01-01&until=2024-01-01", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc", "badArgument"),
        ("verb=ListRecords&resumptionToken=abc&metadataPrefix=oai_dc", "badArgument"),
        ("verb=ListRecords&resumptionToken=not-a-token", "badResumptionToken"),
        ("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat"),
        ("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:testserver:nope", "idDoesNotExist"),
        ("verb=ListMetadataFormats&identifier=oai:elsewhere:lao-dams", "idDoesNotExist"),
        ("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2030-01-01", "noRecordsMatch"),
        ("verb=ListIdentifiers&metadataPrefix=oai_dc&set=colour:red", "noRecordsMatch"),
        ("verb=ListSets&resumptionToken=x", "badResumptionToken"),
        ("verb=Identify", None),
    ],
)
def test_it_answers_protocol_errors(client, open_catalogue, query, code):
    found, echoed = _error(client, query)
    assert found == code
    if code in ("badVerb", "badArgument"):
        assert echoed == {}  # the request is echoed only when well formed (3.2)


def test_it_refuses_a_token_of_another_verb(client, open_catalogue, monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 1)
    root = ET.fromstring(client.get("/oai?verb=ListIdentifiers&metadataPrefix=oai_dc").content)
    token = root.find("o:ListIdentifiers/o:resumptionToken", NS)
    assert token.get("completeListSize") == "3" and token.get("cursor") == "0"
    assert _error(client, f"verb=ListRecords&resumptionToken={token.text}")[0] == (
        "badResumptionToken"
    )
    last = ET.fromstring(
        client.get(f"/oai?verb=ListIdentifiers&resumptionToken={token.text}").content
    )
    assert len(last.findall("o:ListIdentifiers/o:header", NS)) == 1


def test_it_answers_an_unpublished_record_as_deleted(client, open_catalogue):
    dams = open_catalogue["lao-dams"]
    Resource.objects.filter(pk=dams.pk).update(status="returned")
    ResourceEvent.objects.create(resource=dams, action="unpublished", comment="outdated")
    root = ET.fromstring(
        client.get(
            "/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:testserver:lao-dams"
        ).content
    )
    record = root.find("o:GetRecord/o:record", NS)
    assert record.find("o:header", NS).get("status") == "deleted"
    assert record.find("o:metadata", NS) is None
