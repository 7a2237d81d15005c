"""The funding import page: organisers send a CSV or XLSX file; every bad cell is named by
row and column and nothing is stored, or every row is stored."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from lmec.cooperation.models import Funding
from tests.helpers import login

from .test_cross_links import records  # noqa: F401 (a fixture: published projects)

pytestmark = pytest.mark.django_db

GOOD = (
    "source_type,kind,date,amount,currency,note\n"
    "F1,commitment,2024-03-01,1200000,CNY,first tranche\n"
    "F5,disbursement,2024-06-01,25000,USD,\n"
)


def project_of(country):
    from lmec.cooperation.models import Project

    project = Project.objects.filter(published=True).first()
    project.country_id = country
    project.save()
    return project


def send(client, project, name, content):
    url = f"/en/projects/{project.code}/funding/import/"
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def test_it_imports_a_csv_for_the_lead_countrys_focal_point(client, users, records):  # noqa: F811
    from decimal import Decimal

    from lmec.cooperation.models import ExchangeRate

    ExchangeRate.objects.create(
        currency="CNY", date="2024-01-01", usd_per_unit=Decimal("0.14"), source="test"
    )
    project = project_of("VN")
    before = project.funding.count()
    login(client, users.focal["VN"])
    response = send(client, project, "funding.csv", GOOD.encode())
    assert response.status_code == 200
    assert "2 funding rows imported." in response.content.decode()
    assert project.funding.count() == before + 2
    row = project.funding.get(currency="CNY")
    assert row.amount_usd == Decimal("168000.00") and row.note == "first tranche"


def test_it_names_each_bad_cell_and_stores_nothing(client, users, records):  # noqa: F811
    project = project_of("VN")
    before = Funding.objects.count()
    login(client, users.editor)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["source_type", "kind", "date", "amount", "currency"])
    sheet.append(["F1", "commitment", "2024-03-01", 1000, "CNY"])
    sheet.append(["F9", "commitment", "2024-03-01", -5, "XXQ"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = send(client, project, "funding.xlsx", buffer.getvalue())
    assert response.status_code == 422
    html = response.content.decode()
    assert "Nothing was stored." in html
    assert "<td>source_type</td>" in html and "<td>currency</td>" in html
    assert Funding.objects.count() == before


@pytest.mark.parametrize(
    ("who", "status"), [("member", 403), ("focal_th", 403), ("anonymous", 302)]
)
def test_it_lets_only_the_projects_organisers_import(client, users, records, who, status):  # noqa: F811
    project = project_of("VN")
    if who == "member":
        login(client, users.member)
    elif who == "focal_th":
        login(client, users.focal["TH"])
    assert send(client, project, "funding.csv", GOOD.encode()).status_code == status


def test_it_refuses_a_file_that_is_not_csv_or_xlsx(client, users, records):  # noqa: F811
    project = project_of("VN")
    login(client, users.editor)
    response = send(client, project, "funding.pdf", b"%PDF-1.7")
    assert response.status_code == 422
    assert "Choose a CSV or XLSX file." in response.content.decode()
