"""A small published catalogue for the open-data interfaces (CKAN API, DCAT, OAI-PMH, feed).

Records are made with the ORM directly, as an importer would leave them: three published
records in three languages (English with a Thai translation, Lao, Chinese), one draft that
no interface may show, and known timestamps so that outputs can be compared exactly.
"""

from datetime import UTC, date, datetime

import pytest

__all__ = ["live_catalogue", "open_catalogue"]


#: Marks a test that uses a live server (its requests run outside the test's transaction).
LIVE = pytest.mark.django_db(transaction=True)

T1 = datetime(2024, 3, 1, 8, 0, 0, tzinfo=UTC)
T2 = datetime(2024, 6, 15, 12, 30, 0, tzinfo=UTC)
T3 = datetime(2025, 1, 10, 0, 0, 0, tzinfo=UTC)


def make_catalogue() -> dict:
    """Create the records; returns them by identifier."""
    from lmec.core.models import Country, Theme
    from lmec.knowledge.models import Distribution, Keyword, Resource
    from lmec.network.models import Organisation

    mrc = Organisation.objects.create(
        slug="mrc", name_en="Mekong River Commission", acronym="MRC", kind="international"
    )
    tei = Organisation.objects.create(
        slug="tei", name_en="Thailand Environment Institute", acronym="TEI", kind="ngo"
    )
    air = Resource.objects.create(
        identifier="air-report-2024",
        type="publication",
        language="en",
        title_en="Air quality in the Mekong region 2024",
        title_th="คุณภาพอากาศในภูมิภาคแม่โขง 2567",
        abstract_en='Fine particles (PM2.5) in six countries & their "hot spots".',
        status="published",
        publisher=mrc,
        licence="cc-by-4.0",
        published_on=date(2024, 3, 1),
        doi="10.5555/lmec.air.2024",
        authors=[{"name": "Somchai Jaidee"}, {"name": "Nguyễn Văn An"}],
        spatial="Lower Mekong basin",
    )
    air.themes.set([Theme.objects.get(code="energy-climate")])
    air.countries.set(Country.objects.filter(code__in=["TH", "LA"]))
    air.keywords.set(
        [Keyword.objects.create(name="air quality"), Keyword.objects.create(name="PM2.5")]
    )
    Distribution.objects.create(
        resource=air,
        kind="link",
        url="https://example.org/air-2024.csv",
        title="Station means",
        format="CSV",
        media_type="text/csv",
        size=1234,
    )
    Distribution.objects.create(
        resource=air,
        kind="file",
        file="knowledge/1/air-2024.pdf",
        title="Report",
        format="PDF",
        media_type="application/pdf",
        size=98765,
        position=1,
    )
    dams = Resource.objects.create(
        identifier="lao-dams",
        type="dataset",
        language="lo",
        title_lo="ຂໍ້ມູນເຂື່ອນໄຟຟ້າ",
        title_en="Hydropower dams",
        abstract_lo="ບັນຊີເຂື່ອນໄຟຟ້າໃນລາວ",
        status="published",
        publisher=tei,
        licence="odc-odbl",
        published_on=date(2024, 6, 1),
    )
    dams.themes.set([Theme.objects.get(code="transport-ecosystems")])
    dams.countries.set(Country.objects.filter(code="LA"))
    dams.keywords.set([Keyword.objects.create(name="hydropower")])
    Distribution.objects.create(
        resource=dams,
        kind="link",
        url="https://example.org/dams.xlsx",
        title="Dams",
        format="XLSX",
    )
    park = Resource.objects.create(
        identifier="zh-park-case",
        type="case",
        language="zh-hans",
        title_zh_hans="绿色工业园循环经济案例",
        abstract_zh_hans="园区内废物循环利用。",
        status="published",
        licence="cc-zero",
    )
    park.themes.set([Theme.objects.get(code="green-industrial-parks")])
    park.countries.set(Country.objects.filter(code="CN"))
    park.keywords.set([Keyword.objects.create(name="循环经济")])
    draft = Resource.objects.create(
        identifier="draft-only",
        type="publication",
        language="en",
        title_en="Not yet published air quality notes",
        status="draft",
        publisher=mrc,
    )
    # Known times (auto_now would stamp "now"): the order records were created and changed.
    for resource, moment in ((air, T1), (dams, T2), (park, T3), (draft, T3)):
        Resource.objects.filter(pk=resource.pk).update(
            created_at=moment, updated_at=moment, published_at=moment
        )
        Distribution.objects.filter(resource=resource).update(created_at=moment)
    # records made with the ORM are indexed by hand (the services do it on commit)
    from lmec.knowledge.search import index

    index.reindex_all()
    return {r.identifier: Resource.objects.get(pk=r.pk) for r in (air, dams, park, draft)}


@pytest.fixture
def open_catalogue(db):
    return make_catalogue()


@pytest.fixture
def live_catalogue(transactional_db, live_server):
    """The catalogue behind a live server (transactional: tables start empty, so the
    strategy's themes and countries are loaded first)."""
    from lmec.cooperation.services import load_strategy

    load_strategy()
    return make_catalogue()
