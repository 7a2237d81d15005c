"""Funding rows: converted at the stored rate, edited and deleted; CSV/XLSX import all or
nothing with every bad cell named."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from lmec.cooperation.models import Funding
from lmec.cooperation.services import projects as services
from tests.cooperation.project_fixtures import *  # noqa: F403


def test_it_converts_a_row_at_the_stored_rate(users, make_project, rates):
    project = make_project()
    row = services.add_funding(
        user=users.focal["TH"],
        project=project,
        data={
            "source_type": "F6",
            "kind": "disbursement",
            "date": "2024-09-15",
            "amount": "1250000.50",
            "currency": "thb",
            "funder": "mnre-th",
        },
    )
    assert (row.currency, row.usd_rate, row.rate_date) == (
        "THB",
        Decimal("0.0283"),
        dt.date(2024, 1, 1),
    )
    assert row.amount_usd == Decimal("35375.01")  # 1 250 000.50 × 0.0283 = 35 375.01415
    assert row.funder.slug == "mnre-th" and row.source_type.code == "F6"


def test_it_converts_again_when_the_date_moves_to_another_rate(users, make_project, rates):
    project = make_project()
    row = services.add_funding(
        user=users.editor,
        project=project,
        data={"source_type": "F1", "date": "2024-05-01", "amount": "1000", "currency": "THB"},
    )
    services.update_funding(user=users.editor, funding=row, data={"date": "2025-02-01"})
    row.refresh_from_db()
    assert (row.usd_rate, row.rate_date, row.amount_usd) == (
        Decimal("0.03"),
        dt.date(2025, 1, 1),
        Decimal("30.00"),
    )
    services.delete_funding(user=users.editor, funding=row)
    assert not Funding.objects.exists()


def test_it_names_the_missing_rate_and_every_bad_field(users, make_project, rates):
    project = make_project()
    with pytest.raises(services.ProjectInvalid) as info:
        services.add_funding(
            user=users.editor,
            project=project,
            data={
                "source_type": "F9",
                "date": "2024-01-01",
                "amount": "-5",
                "currency": "LAK",
                "kind": "gift",
            },
        )
    assert info.value.errors == {
        "source_type": ["'F9' is not one of: F1, F2, F3, F4, F5, F6."],
        "kind": ["'gift' is not one of: budget, commitment, disbursement."],
        "amount": ["Must not be negative."],
    }
    with pytest.raises(services.ProjectInvalid) as info:
        services.add_funding(
            user=users.editor,
            project=project,
            data={"source_type": "F1", "date": "2023-06-01", "amount": "5", "currency": "THB"},
        )
    assert info.value.errors == {
        "currency": ["No exchange rate for THB on or before 2023-06-01; add one first."]
    }


CSV_GOOD = (
    "project,source_type,kind,date,amount,currency,funder,note\n"
    "p1,F1,commitment,2024-03-01,500000,CNY,,LMC Special Fund grant\n"
    'p1,F6,disbursement,2024-04-01,"1,000,000",THB,mnre-th,in kind\n'
    "p2,F3,budget,2024-01-15,2500000000,VND,adb,\n"
)


def test_it_imports_funding_from_csv(users, make_project, rates):
    make_project("p1")
    make_project("p2", country="VN")
    rows = services.import_funding(user=users.editor, content=CSV_GOOD.encode(), fmt="csv")
    assert [(r.project.code, r.currency, r.amount_usd) for r in rows] == [
        ("p1", "CNY", Decimal("70200.00")),
        ("p1", "THB", Decimal("28300.00")),
        ("p2", "VND", Decimal("103455.50")),
    ]


def test_it_imports_funding_from_xlsx_for_one_project(users, make_project, rates):
    project = make_project("p1")
    book = Workbook()
    sheet = book.active
    sheet.append(["Source_Type", "Date", "Amount", "Currency"])
    sheet.append(["F2", dt.datetime(2024, 7, 1), 1234.5, "CNY"])
    buffer = io.BytesIO()
    book.save(buffer)
    rows = services.import_funding(
        user=users.focal["TH"], content=buffer.getvalue(), fmt="xlsx", project=project
    )
    assert [(r.amount, r.date, r.amount_usd) for r in rows] == [
        (Decimal("1234.50"), dt.date(2024, 7, 1), Decimal("173.32"))
    ]


def test_it_imports_nothing_and_names_each_bad_cell(users, make_project, rates):
    make_project("p1")
    content = (
        b"project,source_type,date,amount,currency\n"
        b"p1,F1,2024-03-01,100,CNY\n"
        b"nope,F7,2024-13-01,abc,CNY\n"
        b"p1,F2,2023-05-01,100,THB\n"
    )
    with pytest.raises(services.FundingImportInvalid) as info:
        services.import_funding(user=users.editor, content=content, fmt="csv")
    assert info.value.errors == [
        {"row": 3, "column": "project", "message": "Unknown project 'nope'."},
        {
            "row": 3,
            "column": "source_type",
            "message": "'F7' is not one of: F1, F2, F3, F4, F5, F6.",
        },
        {"row": 3, "column": "date", "message": "'2024-13-01' is not a date (YYYY-MM-DD)."},
        {"row": 3, "column": "amount", "message": "'abc' is not a number."},
        {
            "row": 4,
            "column": "currency",
            "message": "No exchange rate for THB on or before 2023-05-01; add one first.",
        },
    ]
    assert not Funding.objects.exists()


def test_it_refuses_a_file_with_missing_or_unknown_columns(users, rates):
    with pytest.raises(services.FundingImportInvalid) as info:
        services.import_funding(user=users.editor, content=b"project,amount,colour\n", fmt="csv")
    assert [(e["row"], e["column"]) for e in info.value.errors] == [
        (1, "source_type"),
        (1, "date"),
        (1, "currency"),
        (1, "colour"),
    ]
    with pytest.raises(services.FundingImportInvalid, match="row 1: Not a readable XLSX file"):
        services.import_funding(user=users.editor, content=b"not a workbook", fmt="xlsx")


def test_a_focal_point_imports_only_their_countrys_funding(users, make_project, rates):
    make_project("p1")
    make_project("p2", country="VN")
    with pytest.raises(services.PermissionDenied, match="funding of: p2"):
        services.import_funding(user=users.focal["TH"], content=CSV_GOOD.encode(), fmt="csv")
    assert not Funding.objects.exists()
