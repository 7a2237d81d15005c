"""Demo content of the network directory, loaded by ``lmec load_demo`` after the knowledge
demo (whose organisations it reuses by code):

- ``data/demo/organisations.yaml`` — the monitoring operators and laboratories the knowledge
  demo lacks (CNEMC, Kunming EMC, Yunnan DEE, CEM and SIWRR of Viet Nam, ONWR of Thailand,
  MOWRAM of Cambodia);
- ``data/demo/network.yaml`` — the centre and the six environment ministries as the focal
  points of strategy 5.1, and the monitoring-capacity network linked to the demo stations by
  code (a station not loaded is skipped and counted);
- ``data/demo/experts.yaml`` — 30 invented expert profiles of the six countries and the
  regional bodies, 25 agreeing to be listed.

Reproducible (consent times are fixed, not "now") and idempotent: a second run changes
nothing and reports the records as unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import yaml
from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from lmec.core.i18n import LANGUAGE_CODES
from lmec.core.models import Theme

from .models import CapacityMember, Expert, FocalPoint, Organisation

DATA_DIR = Path(__file__).resolve().parent / "data" / "demo"
ORGANISATIONS_FILE = DATA_DIR / "organisations.yaml"
NETWORK_FILE = DATA_DIR / "network.yaml"
EXPERTS_FILE = DATA_DIR / "experts.yaml"
#: When the demo's listed experts agreed (one day apart, in file order): fixed, so that two
#: runs give the same records.
CONSENT_FROM = dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC)


def _texts(field: str, texts: dict | None) -> dict:
    texts = texts or {}
    return {build_localized_fieldname(field, lang): texts.get(lang, "") for lang in LANGUAGE_CODES}


def _apply(obj, wanted: dict) -> bool:
    """Set ``wanted`` on ``obj``; True if anything changed."""
    changed = False
    for field, value in wanted.items():
        if getattr(obj, field) != value:
            setattr(obj, field, value)
            changed = True
    return changed


def _load_focal_points(entries: list[dict], counts: Counter) -> None:
    for entry in entries:
        organisation = Organisation.objects.get(slug=entry["organisation"])
        wanted = {
            "kind": entry["kind"],
            "country_id": entry.get("country"),
            "organisation_id": organisation.pk,
            "contact_name": entry.get("contact_name", ""),
            "contact_title": entry.get("contact_title", ""),
            "email": entry.get("email", ""),
            "phone": entry.get("phone", ""),
            "since": dt.date.fromisoformat(entry["since"]) if entry.get("since") else None,
        }
        lookup = (
            {"country_id": entry["country"]} if entry["kind"] == "national" else {"kind": "centre"}
        )
        point = FocalPoint.objects.filter(**lookup).first()
        if point is None:
            FocalPoint.objects.create(**wanted)
            counts["focal_points_created"] += 1
        elif _apply(point, wanted):
            point.save()
            counts["focal_points_updated"] += 1
        else:
            counts["focal_points_unchanged"] += 1


def _load_capacity(entries: list[dict], counts: Counter) -> None:
    from lmec.monitoring.models import Station

    for entry in entries:
        organisation = Organisation.objects.get(slug=entry["organisation"])
        wanted = {
            "kind": entry["kind"],
            "media": entry["media"],
            "parameters": list(entry.get("parameters") or []),
            "accreditation": entry.get("accreditation", ""),
            **_texts("notes", entry.get("notes")),
        }
        member = CapacityMember.objects.filter(organisation=organisation).first()
        codes = list(entry.get("stations") or [])
        stations = list(Station.objects.filter(code__in=codes))
        counts["stations_missing"] += len(codes) - len(stations)
        if member is None:
            member = CapacityMember(organisation=organisation)
            _apply(member, wanted)
            member.save()
            key = "capacity_created"
        elif _apply(member, wanted):
            member.save()
            key = "capacity_updated"
        else:
            key = "capacity_unchanged"
        if {s.pk for s in stations} != set(member.stations.values_list("pk", flat=True)):
            member.stations.set(stations)
            if key == "capacity_unchanged":
                key = "capacity_updated"
        counts[key] += 1
        counts["stations_linked"] += len(stations)


def _load_experts(entries: list[dict], counts: Counter) -> None:
    themes = {t.code: t for t in Theme.objects.all()}
    for position, entry in enumerate(entries):
        organisation = (
            Organisation.objects.get(slug=entry["organisation"])
            if entry.get("organisation")
            else None
        )
        public = bool(entry.get("public"))
        wanted = {
            "country_id": entry.get("country"),
            "organisation_id": organisation.pk if organisation else None,
            "fields": list(entry.get("fields") or []),
            "languages": list(entry.get("languages") or []),
            "email": entry.get("email", ""),
            "public": public,
            "consent_at": CONSENT_FROM + dt.timedelta(days=position) if public else None,
            **_texts("title", entry.get("title")),
            **_texts("bio", entry.get("bio")),
        }
        expert = Expert.objects.filter(name=entry["name"], user__isnull=True).first()
        if expert is None:
            expert = Expert(name=entry["name"])
            _apply(expert, wanted)
            expert.save()
            key = "experts_created"
        elif _apply(expert, wanted):
            expert.save()
            key = "experts_updated"
        else:
            key = "experts_unchanged"
        wanted_themes = {themes[code].pk for code in entry.get("themes") or []}
        if wanted_themes != set(expert.themes.values_list("pk", flat=True)):
            expert.themes.set(wanted_themes)
            if key == "experts_unchanged":
                key = "experts_updated"
        counts[key] += 1
        counts["experts_listed"] += public


def load() -> dict:
    """Load the network demo; returns the counts :func:`describe` prints."""
    from lmec.knowledge import demo as knowledge_demo

    counts = Counter()
    # the region's organisations come from the knowledge demo (idempotent: by code)
    knowledge_demo.load_organisations()
    with transaction.atomic():
        added = knowledge_demo.load_organisations(ORGANISATIONS_FILE)
        for key, value in added.items():
            counts[key] += value
        network = yaml.safe_load(NETWORK_FILE.read_text(encoding="utf-8"))
        _load_focal_points(network["focal_points"], counts)
        _load_capacity(network["capacity"], counts)
        _load_experts(yaml.safe_load(EXPERTS_FILE.read_text(encoding="utf-8")), counts)
    return dict(counts)


def describe(counts: dict) -> str:
    """The lines ``lmec load_demo`` prints about the network demo."""
    c = Counter(counts)

    def triple(name: str) -> str:
        return (
            f"{c[name + '_created']} created, {c[name + '_updated']} updated, "
            f"{c[name + '_unchanged']} unchanged"
        )

    return "\n".join(
        [
            f"network organisations: {triple('organisations')}",
            f"network focal points: {triple('focal_points')}",
            f"network experts: {triple('experts')} ({c['experts_listed']} listed publicly)",
            f"network capacity members: {triple('capacity')}; {c['stations_linked']} station "
            f"links, {c['stations_missing']} stations not loaded",
        ]
    )
