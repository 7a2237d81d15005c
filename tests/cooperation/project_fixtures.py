"""Fixtures of the projects tests: organisations, stored rates and a project maker.
Import them into a test module with ``from tests.cooperation.project_fixtures import *``."""

import datetime as dt
from decimal import Decimal

import pytest

__all__ = ["orgs", "rates", "make_project", "PROJECT_DATA"]

PROJECT_DATA = {
    "code": "th-haze-pilot",
    "kind": "pilot",
    "status": "ongoing",
    "published": True,
    "language": "en",
    "title": {"en": "Haze-free farming pilot", "th": "โครงการนำร่องเกษตรปลอดหมอกควัน"},
    "summary": "Alternatives to burning maize residue in Nan province.",
    "country": "TH",
    "countries": ["TH", "LA"],
    "activities": ["D4-A3-1"],
    "planned_start": "2024-01-01",
    "planned_end": "2025-12-31",
    "partners": [
        {"organisation": "mnre-th", "role": "accountable"},
        {"organisation": "adb", "role": "1"},
    ],
    "sites": [{"name": "Nan", "country": "TH", "latitude": 18.78, "longitude": 100.77}],
    "milestones": [{"title": "Baseline survey", "due": "2024-06-30", "status": "done"}],
}


@pytest.fixture
def orgs(db):
    from lmec.network.models import Organisation

    return {
        o.slug: o
        for o in [
            Organisation.objects.create(
                slug="mnre-th",
                name="Ministry of Natural Resources and Environment",
                kind="government",
                country_id="TH",
                iati_ref="TH-MNRE",
            ),
            Organisation.objects.create(
                slug="monre-vn",
                name="Ministry of Natural Resources and Environment of Viet Nam",
                kind="government",
                country_id="VN",
            ),
            Organisation.objects.create(
                slug="adb",
                name="Asian Development Bank",
                kind="international",
                iati_ref="XM-DAC-46004",
            ),
        ]
    }


@pytest.fixture
def rates(db):
    from lmec.cooperation.models import ExchangeRate

    rows = [
        ("THB", dt.date(2024, 1, 1), "0.0283"),
        ("THB", dt.date(2025, 1, 1), "0.0300"),
        ("CNY", dt.date(2024, 1, 1), "0.1404"),
        ("VND", dt.date(2024, 1, 1), "0.0000413822"),
    ]
    return [
        ExchangeRate.objects.create(currency=c, date=d, usd_per_unit=Decimal(r), source="test")
        for c, d, r in rows
    ]


@pytest.fixture
def make_project(db, orgs):
    from lmec.cooperation.models import Project

    def make(code="p1", *, country="TH", published=True, **extra):
        project = Project.objects.create(
            code=code,
            kind=extra.pop("kind", "pilot"),
            title=extra.pop("title", code),
            country_id=country,
            published=published,
            **extra,
        )
        if country:
            project.countries.add(country)
        return project

    return make
