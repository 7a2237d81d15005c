"""Records for the knowledge page tests, made with the models (the pages only read them).

``make_catalogue()`` returns a dict of resources by key:
- ``report``: a Thai publication with an English translation, published, owned by TH, with a
  real PDF file;
- ``case``: a Lao good-practice case with figures, SDGs and a location, published;
- ``dataset``: a Vietnamese dataset shared on request (a CSV file), published, owned by VN;
- ``draft``: the member's Thai draft; ``submitted_th`` / ``submitted_vn``: the member's
  submissions owned by TH and VN.
"""

from __future__ import annotations

import datetime as dt
import io

from django.core.files.base import ContentFile
from django.utils import timezone

from lmec.cooperation.models import Activity
from lmec.knowledge.models import Distribution, Keyword, Resource
from lmec.network.models import Organisation

PDF_TITLE = "ภาพรวมพลังงานแสงอาทิตย์"


def pdf_bytes() -> bytes:
    """A real one-page PDF (pypdf writes it), so that the served bytes can be compared."""
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


CSV = "station,year,value\nVN-01,2024,12.5\n"


def _resource(**fields) -> Resource:
    themes = fields.pop("themes", [])
    countries = fields.pop("countries", [])
    keywords = fields.pop("keywords", [])
    activities = fields.pop("activities", [])
    if fields.get("status") == "published":
        fields.setdefault("published_at", timezone.now())
    resource = Resource.objects.create(**fields)
    resource.themes.set(themes)
    resource.countries.set(countries)
    resource.keywords.set([Keyword.objects.get_or_create(name=k)[0] for k in keywords])
    resource.activities.set(Activity.objects.filter(code__in=activities))
    return resource


def make_catalogue(users) -> dict[str, Resource]:
    publisher = Organisation.objects.create(
        slug="mekong-institute", name="Mekong Institute", website="https://www.mekonginstitute.org/"
    )
    report = _resource(
        identifier="th-solar-2024",
        type="publication",
        language="th",
        title_th=PDF_TITLE,
        title_en="Solar power overview",
        abstract_th="รายงานนี้สรุปการผลิตไฟฟ้าจากพลังงานแสงอาทิตย์ในประเทศไทย",
        abstract_en="This report sums up solar power generation in Thailand.",
        status="published",
        country_id="TH",
        countries=["TH"],
        themes=["energy-climate"],
        keywords=["solar", "พลังงาน"],
        activities=["D5-A1-2"],
        authors=[{"name": "Somchai P.", "affiliation": "AIT"}, "Lan N."],
        publisher=publisher,
        licence="cc-by-4.0",
        published_on=dt.date(2024, 3, 15),
        doi="10.1234/lmec.2024.1",
        created_by=users.member,
    )
    pdf = Distribution(
        resource=report,
        kind="file",
        title="Full report",
        format="PDF",
        media_type="application/pdf",
        language="th",
    )
    content = pdf_bytes()
    pdf.size = len(content)
    pdf.file.save("solar-report.pdf", ContentFile(content), save=False)
    pdf.save()
    Distribution.objects.create(
        resource=report,
        kind="link",
        url="https://example.org/solar",
        title="Data portal",
        format="HTML",
    )
    case = _resource(
        identifier="la-green-park",
        type="case",
        language="lo",
        title_lo="ນິຄົມອຸດສາຫະກຳສີຂຽວ",
        title_en="A green industrial park",
        abstract_lo="ກໍລະນີສຶກສາ",
        context_lo="ສະພາບການ",
        context_en="The park lies on the Mekong.",
        challenge_en="Waste water from the factories.",
        solution_en="A shared treatment plant.",
        results_en="Cleaner river water.",
        costs_en="USD 2 million.",
        lessons_en="Start with the biggest polluters.",
        partners_en="The province and the park operator.",
        figures=[{"label": {"lo": "COD ທີ່ກຳຈັດໄດ້", "en": "COD removed"}, "value": 85.5, "unit": "%"}],
        sdgs=[6, 9],
        latitude=17.97,
        longitude=102.6,
        spatial="Vientiane",
        status="published",
        country_id="LA",
        countries=["LA"],
        themes=["green-industrial-parks"],
        licence="cc-by-sa-4.0",
        published_on=dt.date(2023, 6, 1),
    )
    dataset = _resource(
        identifier="vn-air-2024",
        type="dataset",
        language="vi",
        title_vi="Dữ liệu chất lượng không khí",
        title_en="Air quality data",
        status="published",
        access="on_request",
        country_id="VN",
        countries=["VN"],
        themes=["energy-climate"],
        licence="other-closed",
        published_on=dt.date(2024, 1, 10),
    )
    csv = Distribution(
        resource=dataset, kind="file", title="Hourly values", format="CSV", media_type="text/csv"
    )
    csv.size = len(CSV)
    csv.file.save("air.csv", ContentFile(CSV.encode()), save=False)
    csv.save()

    def member_record(identifier, status, country):
        return _resource(
            identifier=identifier,
            type="publication",
            language="en",
            title_en=f"Member record {identifier}",
            status=status,
            country_id=country,
            created_by=users.member,
        )

    # the records are made with the ORM, not the services: index them as the services would
    from lmec.knowledge.search import index

    index.reindex_all()
    index.embed_pending()  # what the background task does after the commit
    return {
        "report": report,
        "case": case,
        "dataset": dataset,
        "draft": member_record("member-draft", "draft", "TH"),
        "submitted_th": member_record("member-th", "submitted", "TH"),
        "submitted_vn": member_record("member-vn", "submitted", "VN"),
    }
