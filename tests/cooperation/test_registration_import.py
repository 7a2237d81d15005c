"""Import of an attendance list (CSV or XLSX): all or nothing, every problem named by row,
column, value and reason."""

import io

import pytest
from openpyxl import Workbook

from lmec.cooperation.models import Registration
from lmec.cooperation.services import events as services

from .event_fixtures import make_event

pytestmark = pytest.mark.django_db

HEADER = "name,email,country,organisation,stakeholder_type,gender,age_group,attended\n"


def csv_bytes(*rows: str) -> bytes:
    return (HEADER + "\n".join(rows) + "\n").encode("utf-8")


def test_it_imports_a_csv_list_updating_known_emails(users):
    event = make_event(days_from_now=-1)
    Registration.objects.create(
        event=event,
        name="Bounmy",
        email="bounmy@example.la",
        stakeholder_type="government",
        consent_at=event.start,
    )
    content = csv_bytes(
        "Bounmy Phommachanh,Bounmy@example.la,LA,MONRE,government,male,45_54,yes",
        "Nguyễn Thị Lan,lan@example.vn,VN,VEA,academia,female,25_34,no",
        "Sok Dara,dara@example.kh,kh,,youth,,under_25,x",
    )
    counts = services.import_attendance(
        user=users.focal["TH"], event=event, filename="list.csv", content=content
    )
    assert counts == {"created": 2, "updated": 1, "attended": 2}
    rows = {
        r.email: (r.name, r.country_id, r.gender, r.age_group, r.attended)
        for r in Registration.objects.filter(event=event)
    }
    assert rows == {
        "bounmy@example.la": ("Bounmy Phommachanh", "LA", "male", "45_54", True),
        "lan@example.vn": ("Nguyễn Thị Lan", "VN", "female", "25_34", False),
        "dara@example.kh": ("Sok Dara", "KH", "undisclosed", "under_25", True),
    }


def test_it_imports_an_xlsx_list(users):
    event = make_event(days_from_now=-1)
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(["Aung Kyaw", "aung@example.mm", "MM", "MONREC", "ngo", "male", "35_44", "Yes"])
    buffer = io.BytesIO()
    book.save(buffer)
    counts = services.import_attendance(
        user=users.editor, event=event, filename="List.XLSX", content=buffer.getvalue()
    )
    assert counts == {"created": 1, "updated": 0, "attended": 1}
    assert Registration.objects.get().organisation_name == "MONREC"


def test_it_reports_every_bad_row_and_stores_nothing(users):
    event = make_event(days_from_now=-1)
    content = csv_bytes(
        "Good Person,good@example.org,TH,,government,female,35_44,yes",
        "No Mail,nomail,TH,,government,female,35_44,yes",
        "Bad Type,bad@example.org,ZZ,,alien,robot,old,maybe",
        "Twice,GOOD@example.org,TH,,academia,male,25_34,no",
    )
    with pytest.raises(services.AttendanceImportInvalid) as info:
        services.import_attendance(
            user=users.editor, event=event, filename="list.csv", content=content
        )
    problems = [(e["row"], e["column"], e["value"]) for e in info.value.errors]
    assert problems == [
        (3, "email", "nomail"),
        (4, "country", "ZZ"),
        (4, "stakeholder_type", "alien"),
        (4, "gender", "robot"),
        (4, "age_group", "old"),
        (4, "attended", "maybe"),
        (5, "email", "good@example.org"),
    ]
    assert info.value.errors[-1]["reason"] == "Also on row 2."
    assert Registration.objects.count() == 0


def test_it_names_missing_columns(users):
    event = make_event(days_from_now=-1)
    with pytest.raises(services.AttendanceImportInvalid) as info:
        services.import_attendance(
            user=users.editor, event=event, filename="x.csv", content=b"name,mail\nA,a@x.org\n"
        )
    assert [(e["row"], e["column"]) for e in info.value.errors] == [
        (1, "email"),
        (1, "stakeholder_type"),
        (1, "attended"),
    ]


@pytest.mark.parametrize(
    ("filename", "content", "reason"),
    [
        ("x.txt", b"abc", "Upload a .csv or .xlsx file."),
        ("x.csv", b"\xff\xfe\x00", "A CSV file must be UTF-8 encoded."),
        ("x.csv", b"", "The file is empty."),
    ],
)
def test_it_refuses_unreadable_files(users, filename, content, reason):
    event = make_event(days_from_now=-1)
    with pytest.raises(services.AttendanceImportInvalid) as info:
        services.import_attendance(
            user=users.editor, event=event, filename=filename, content=content
        )
    assert info.value.errors[0]["reason"] == reason
