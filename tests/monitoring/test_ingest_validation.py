"""Every row check: its row number, column, value and reason; the capped report; refusing
whole versus skipping; inputs that cannot be read at all."""

import pytest

from lmec.monitoring.ingest import REPORT_LIMIT, IngestError, ingest_file
from lmec.monitoring.models import Measurement, Upload
from tests.monitoring.factories import make_network, make_station
from tests.monitoring.ingest_support import write_csv


@pytest.fixture
def network(db):
    return make_network()


HEADER = ("station", "parameter", "unit", "time", "value", "averaging", "flag")
GOOD = ("TH-BKK", "pm25", "µg/m³", "2024-03-01T08:00+07:00", "12", "", "")


def row(**changes):
    cells = dict(zip(HEADER, GOOD, strict=True)) | changes
    return tuple(cells[c] for c in HEADER)


CASES = [
    # (changes, column, value, reason)
    ({"station": ""}, "station", "", "the station is missing"),
    ({"station": "XX-999"}, "station", "XX-999", "no station has the code 'XX-999'"),
    ({"station": "CN-KMG"}, "station", "CN-KMG", "you may not send data for station CN-KMG"),
    ({"parameter": ""}, "parameter", "", "the parameter is missing"),
    (
        {"parameter": "pm1"},
        "parameter",
        "pm1",
        "unknown parameter 'pm1'; air parameters are pm25, pm10, so2, no2, co, o3; water "
        "parameters are listed in docs/ingest.md",
    ),
    (
        {"parameter": "do", "unit": "mg/L"},
        "parameter",
        "do",
        "do is a water parameter but TH-BKK is an air-quality station",
    ),
    (
        {"station": "LA-MK-VTE"},
        "parameter",
        "pm25",
        "pm25 is an air parameter but LA-MK-VTE is a water sampling site",
    ),
    (
        {"station": "LA-MK-VTE", "parameter": "cod", "unit": "mg/L"},
        "parameter",
        "cod",
        "station LA-MK-VTE does not measure cod",
    ),
    ({"unit": "ug"}, "unit", "ug", "unknown unit 'ug'; pm25 is given in µg/m³ or mg/m³"),
    (
        {"unit": "ppb"},
        "unit",
        "ppb",
        "ppb cannot be used for pm25: particles have no molar mass; use µg/m³ or mg/m³",
    ),
    (
        {"parameter": "so2", "unit": "mg/L"},
        "unit",
        "mg/L",
        "mg/L is not a unit of so2; use µg/m³ or mg/m³ or ppb or ppm",
    ),
    ({"unit": ""}, "unit", "", "the unit is empty; pm25 is given in µg/m³ or mg/m³"),
    ({"time": ""}, "time", "", "the time is missing"),
    (
        {"time": "01/03/2024 08:00"},
        "time",
        "01/03/2024 08:00",
        "not a date and time in ISO 8601, e.g. 2024-03-01T13:00+07:00 or 2024-03-01 13:00",
    ),
    ({"value": ""}, "value", "", "the value is missing"),
    (
        {"value": "abc"},
        "value",
        "abc",
        "not a number (a value below the detection limit is written like <0.01)",
    ),
    (
        {"value": "nan"},
        "value",
        "nan",
        "not a number (a value below the detection limit is written like <0.01)",
    ),
    (
        {"averaging": "2h"},
        "averaging",
        "2h",
        "unknown averaging period; use 1h, 8h, 24h or grab",
    ),
    (
        {"flag": "Q"},
        "flag",
        "Q",
        "unknown flag; use valid, ok, v, 0 or leave it empty for a valid value, invalid, i, "
        "suspect, s, bad, x, 1 for one the provider marks invalid",
    ),
]


@pytest.mark.parametrize("changes,column,value,reason", CASES)
def test_it_names_the_row_column_value_and_reason(
    network, tmp_path, changes, column, value, reason
):
    allowed = {s.pk for code, s in network.items() if code != "CN-KMG"}
    path = write_csv(tmp_path, [GOOD, row(**changes), GOOD], header=HEADER)
    result = ingest_file(path, allowed_stations=allowed)
    assert result.status == "refused"
    assert [(e.row, e.column, e.value, e.reason) for e in result.errors] == [
        (2, column, value, reason)
    ]
    assert (result.rows_read, result.refused, result.stored) == (3, 1, 0)
    assert not Measurement.objects.exists()


def test_it_refuses_a_time_in_the_future(network, tmp_path):
    path = write_csv(tmp_path, [row(time="2999-01-01T00:00Z")], header=HEADER)
    [error] = ingest_file(path).errors
    assert (error.row, error.column, error.value) == (1, "time", "2999-01-01T00:00Z")
    assert error.reason.startswith("this time lies in the future (the server's clock says 20")


def test_it_refuses_a_local_time_that_the_clocks_skip(db, tmp_path):
    make_station("US-NYC", time_zone="America/New_York", parameters=["pm25"])
    path = write_csv(
        tmp_path,
        [
            row(station="US-NYC", time="2024-03-10 02:30"),
            row(station="US-NYC", time="2024-03-10 03:30"),
        ],
        header=HEADER,
    )
    result = ingest_file(path)
    assert [(e.row, e.reason) for e in result.errors] == [
        (1, "this local time does not exist in America/New_York (the clocks skip it)")
    ]


def test_it_reports_every_problem_of_a_row_and_counts_the_row_once(network, tmp_path):
    path = write_csv(tmp_path, [row(unit="ug", value="x", flag="?")], header=HEADER)
    result = ingest_file(path)
    assert [(e.row, e.column) for e in result.errors] == [(1, "unit"), (1, "value"), (1, "flag")]
    assert (result.refused, result.error_count) == (1, 3)


def test_it_refuses_the_same_key_twice_with_different_values(network, tmp_path):
    rows = [GOOD, row(value="13"), row(time="2024-03-01T09:00+07:00"), GOOD]
    result = ingest_file(write_csv(tmp_path, rows, header=HEADER))
    assert [(e.row, e.column, e.value, e.reason) for e in result.errors] == [
        (
            1,
            "value",
            "12",
            "the same station, parameter, averaging and time is in row 2, 4 with a different value",
        ),
        (
            2,
            "value",
            "13",
            "the same station, parameter, averaging and time is in row 1, 4 with a different value",
        ),
        (
            4,
            "value",
            "12",
            "the same station, parameter, averaging and time is in row 1, 2 with a different value",
        ),
    ]
    result = ingest_file(
        write_csv(tmp_path, rows, header=HEADER, name="again.csv"), skip_invalid=True
    )
    assert (result.stored, result.refused) == (1, 3)


def test_it_keeps_one_copy_of_a_row_given_twice(network, tmp_path):
    result = ingest_file(write_csv(tmp_path, [GOOD, GOOD, GOOD], header=HEADER))
    assert (result.status, result.stored, result.unchanged, result.refused) == ("done", 1, 2, 0)


def test_it_caps_the_report_and_counts_every_error(network, tmp_path):
    rows = [
        row(time=f"2024-03-01T00:{h // 60:02d}:{h % 60:02d}+07:00", value="bad")
        for h in range(1500)
    ]
    rows.append(GOOD)
    result = ingest_file(write_csv(tmp_path, rows, header=HEADER))
    assert result.status == "refused"
    assert (len(result.errors), result.error_count, result.refused) == (REPORT_LIMIT, 1500, 1500)
    assert [e.row for e in result.errors[:3]] == [1, 2, 3]
    upload = Upload.objects.get()
    assert (upload.status, upload.rows_read, upload.rows_refused, upload.rows_stored) == (
        "refused",
        1501,
        1500,
        0,
    )
    assert len(upload.report) == REPORT_LIMIT
    assert upload.report[0] == {
        "row": 1,
        "column": "value",
        "value": "bad",
        "reason": "not a number (a value below the detection limit is written like <0.01)",
        "code": "value_not_number",
        "params": {"example": "<0.01"},
    }
    assert "nothing was stored" in upload.message


def test_it_stores_the_valid_rows_and_keeps_the_report_when_asked_to_skip(network, tmp_path):
    rows = [GOOD, row(value="x"), row(time="2024-03-01T09:00+07:00")]
    result = ingest_file(write_csv(tmp_path, rows, header=HEADER), skip_invalid=True)
    assert (result.status, result.stored, result.refused) == ("done", 2, 1)
    upload = Upload.objects.get()
    assert (upload.status, upload.rows_stored, upload.rows_refused) == ("done", 2, 1)
    assert [(r["row"], r["column"]) for r in upload.report] == [(2, "value")]
    assert Measurement.objects.count() == 2


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "the file is empty"),
        (b"station,parameter,unit,time,value\n", "the file has no data rows"),
        (
            b"station,time,pm25\nTH-BKK,2024-03-01,1\n",
            "the file lacks the columns parameter, unit, value; a long table has the columns "
            "station, parameter, unit, time, value (and optionally averaging, flag); it has: "
            "station, time, pm25. For one column per parameter give a mapping "
            "(docs/ingest-mapping.md).",
        ),
        (
            "station,parameter,unit,time,value\nTH-BKK,pm25,µg/m³,2024-03-01T08:00+07:00,1\n".encode(
                "utf-16"
            ),
            "the file is UTF-16 text; save it as CSV in UTF-8 (in Excel: 'CSV UTF-8')",
        ),
        (
            "station,parameter,unit,time,value\nTH-BKK,pm25,µg/m³,2024-03-01T08:00+07:00,1\n".encode(
                "latin-1"
            ),
            "row 1 is not UTF-8 text; save the file as CSV in UTF-8 (in Excel: 'CSV UTF-8')",
        ),
        (
            b"station,parameter,unit,time,value\nTH-BKK,pm25,ug/m3,2024-03-01T08:00+07:00,1\n"
            b"TH-BKK,pm25,ug/m3,2024-03-01T09:00+07:00,1,2,3\n",
            "row 2 has 7 fields but the header has 5; check the separators and quotes in that row",
        ),
    ],
)
def test_it_refuses_a_file_it_cannot_read_with_a_reason(network, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(IngestError) as caught:
        ingest_file(path)
    assert str(caught.value) == message
    upload = Upload.objects.get()
    assert (upload.status, upload.message) == ("failed", message)
    assert not Measurement.objects.exists()


def test_it_refuses_a_spreadsheet_that_is_not_one(network, tmp_path):
    path = tmp_path / "data.xlsx"
    path.write_text("station,parameter\n")
    with pytest.raises(IngestError, match=r"^the file could not be read as a spreadsheet"):
        ingest_file(path)


def test_it_refuses_an_unknown_format_and_a_missing_file(network, tmp_path):
    path = write_csv(tmp_path, [GOOD], header=HEADER)
    with pytest.raises(
        IngestError, match="unknown format 'parquet'; choose one of: long, wide, openaq"
    ):
        ingest_file(path, format="parquet")
    with pytest.raises(IngestError, match="no such file"):
        ingest_file(tmp_path / "missing.csv")
