"""Demo content of the knowledge platform: the region's organisations and 66 catalogue records.

``load_knowledge_demo()`` is called by ``lmec load_demo`` (and so by ``lmec setup`` and
``make demo``) after the demo accounts. The records go through the importer
(:func:`lmec.knowledge.importer.import_jsonl`), like any ``lmec knowledge import`` file, so
the demo exercises validation, Zawgyi → Unicode conversion, file checks and text extraction,
history and the search index. A second run changes nothing (the import is idempotent by
identifier; organisations are compared field by field).

The data (``data/demo/``, described in its README):

- ``organisations.yaml`` — real bodies of the region (the LMEC centre, the six ministries of
  environment, the MRC Secretariat, universities, NGOs) with names in their own languages and
  English;
- ``resources.jsonl`` — invented records written for the demo (plus a few real publications
  cited with their real DOI or URL): all seven types, the five themes, the six countries,
  originals in each of the seven languages; :data:`ZAWGYI_RECORDS` have their Burmese text
  stored in the legacy Zawgyi encoding;
- ``files/`` — PDFs, DOCX, CSV, XLSX and a PNG made by ``scripts/make_knowledge_demo_files.py``.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import yaml
from django.contrib.auth import get_user_model
from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from lmec.core.i18n import LANGUAGE_CODES

from . import importer, services
from .models import AccessRequest, Resource

DATA_DIR = Path(__file__).resolve().parent / "data" / "demo"
RESOURCES_FILE = DATA_DIR / "resources.jsonl"
ORGANISATIONS_FILE = DATA_DIR / "organisations.yaml"

#: Records whose Burmese original is written in Zawgyi in the JSONL (the import must turn it
#: into Unicode; see data/demo/README.md).
ZAWGYI_RECORDS = (
    "demo-mm-flr-training-manual",
    "demo-mm-case-ayeyarwady-mangrove",
    "demo-mm-inle-lake-water-quality",
    "demo-mm-climate-adaptation-radio",
)
#: The demo member account and the drafts it owns (the import format has no owner: the
#: records of an import belong to nobody, so the demo gives these two to the member, who
#: then finds them under "my resources" and may edit and submit them).
MEMBER = "member"
MEMBER_DRAFTS = ("demo-youth-forum-report-draft", "demo-la-offgrid-solar-draft")
#: The member's pending request for an on-request dataset, for the focal point of Viet Nam
#: (and the editors) to decide.
MEMBER_REQUEST = (
    "demo-vn-delta-salinity-dataset",
    "Thesis research on saline intrusion and rice-shrimp farming in Soc Trang; the data will "
    "not be redistributed.",
)

ORGANISATION_FIELDS = ("acronym", "kind", "country_id", "website")


class DemoLoadError(RuntimeError):
    """The importer refused the demo file: a bug in the shipped data."""


def load_knowledge_demo() -> Counter:
    """Load organisations, records, the member's drafts and request; skip what is loaded.

    Returns counts: ``organisations_created``, ``organisations_updated``,
    ``organisations_unchanged``, ``resources_created``, ``resources_updated``,
    ``resources_unchanged``, ``drafts_assigned``, ``requests_made``, ``seconds``.
    """
    started = time.perf_counter()
    counts = load_organisations(ORGANISATIONS_FILE)
    result = importer.import_jsonl(RESOURCES_FILE)
    if result.status != "done":
        shown = "; ".join(f"line {e.line} {e.field}: {e.reason}" for e in result.errors[:5])
        raise DemoLoadError(f"the knowledge demo file was refused: {shown}")
    counts["resources_created"] = result.created
    counts["resources_updated"] = result.updated
    counts["resources_unchanged"] = result.unchanged
    counts.update(_give_member_its_drafts())
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts


def describe(counts: Counter) -> str:
    """The lines ``lmec load_demo`` prints about the knowledge demo."""
    return "\n".join(
        [
            "knowledge organisations: {c} created, {u} updated, {n} unchanged".format(
                c=counts["organisations_created"],
                u=counts["organisations_updated"],
                n=counts["organisations_unchanged"],
            ),
            "knowledge resources: {c} created, {u} updated, {n} unchanged; member '{m}': "
            "{d} drafts given, {r} access request made ({s} s)".format(
                c=counts["resources_created"],
                u=counts["resources_updated"],
                n=counts["resources_unchanged"],
                m=MEMBER,
                d=counts["drafts_assigned"],
                r=counts["requests_made"],
                s=counts["seconds"],
            ),
        ]
    )


@transaction.atomic
def load_organisations(path: Path = ORGANISATIONS_FILE) -> Counter:
    """Create or update the organisations of ``path`` by slug; names per language."""
    from lmec.network.models import Organisation

    counts = Counter(organisations_created=0, organisations_updated=0, organisations_unchanged=0)
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in entries:
        wanted = {
            "acronym": entry.get("acronym") or "",
            "kind": entry.get("kind") or Organisation.Kind.OTHER,
            "country_id": entry.get("country"),
            "website": entry.get("website") or "",
        }
        for name in ("name", "description"):
            texts = entry.get(name) or {}
            unknown = set(texts) - set(LANGUAGE_CODES)
            if unknown:
                raise DemoLoadError(f"{path.name}: {entry['slug']}: unknown languages {unknown}")
            for lang in LANGUAGE_CODES:
                wanted[build_localized_fieldname(name, lang)] = texts.get(lang, "")
        # the untranslated column (what admin lists and str() fall back to) holds English
        wanted["name"] = entry["name"]["en"]
        wanted["description"] = (entry.get("description") or {}).get("en", "")
        organisation = Organisation.objects.filter(slug=entry["slug"]).first()
        if organisation is None:
            organisation = Organisation(slug=entry["slug"])
            key = "organisations_created"
        elif any(getattr(organisation, f) != v for f, v in wanted.items()):
            key = "organisations_updated"
        else:
            counts["organisations_unchanged"] += 1
            continue
        for field, value in wanted.items():
            setattr(organisation, field, value)
        organisation.save()
        counts[key] += 1
    return counts


def _give_member_its_drafts() -> Counter:
    counts = Counter(drafts_assigned=0, requests_made=0)
    member = get_user_model().objects.filter(username=MEMBER).first()
    if member is None:  # `lmec load_demo` makes it first; a bare import has no accounts
        return counts
    counts["drafts_assigned"] = Resource.objects.filter(
        identifier__in=MEMBER_DRAFTS, created_by=None
    ).update(created_by=member)
    identifier, purpose = MEMBER_REQUEST
    dataset = Resource.objects.get(identifier=identifier)
    if not AccessRequest.objects.filter(resource=dataset, user=member).exists():
        services.request_access(user=member, resource=dataset, purpose=purpose)
        counts["requests_made"] = 1
    return counts
