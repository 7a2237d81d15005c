"""Wide tables with a YAML mapping: the documented example, other time layouts, and the
mapping's own checks."""

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from lmec.monitoring.ingest import IngestError, ingest_file
from lmec.monitoring.ingest.mapping import load_mapping
from lmec.monitoring.models import Measurement, Upload
from lmec.monitoring.parameters import Flag
from tests.monitoring.factories import make_station
from tests.monitoring.ingest_support import stored

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
O3_UGM3_PER_PPB = 47.998 / 24.45


@pytest.fixture
def thai_stations(db):
    return [make_station(code) for code in ("05T", "50T")]


def test_it_ingests_the_documented_example(thai_stations):
    result = ingest_file(EXAMPLES / "wide-hourly.csv", mapping=EXAMPLES / "wide-hourly.yaml")
    assert (result.status, result.rows_read, result.stored, result.refused) == ("done", 58, 58, 0)
    o3 = stored("05T", "o3")
    assert o3[0][0] == "2024-02-29T17:00Z"  # hour 1 = 00:00-01:00 in Bangkok
    assert o3[0][1] == pytest.approx(12 * O3_UGM3_PER_PPB, rel=1e-12)
    assert o3[0][2:4] == (12.0, "ppb")
    pm25 = {row[0]: row for row in stored("05T", "pm25")}
    assert "2024-02-29T20:00Z" not in pm25  # "-": no value
    assert pm25["2024-02-29T21:00Z"][5] == Flag.PROVIDER  # "suspect" in the flag column
    other = {row[0]: row for row in stored("50T", "pm25")}
    assert other["2024-02-29T18:00Z"][1:5] == (5.0, 5.0, "µg/m³", "<")
    assert "2024-03-01T16:00Z" in other  # hour 24: 23:00-24:00 local
    upload = Upload.objects.get()
    assert (upload.format, upload.mapping.splitlines()[0]) == (
        "wide",
        "# Mapping of docs/examples/wide-hourly.csv: one row per station and hour, one column per",
    )


def test_it_reads_year_month_day_hour_columns_from_a_workbook(db, tmp_path):
    make_station("VN-HAN", time_zone="Asia/Ho_Chi_Minh")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["Year", "Month", "Day", "Hour", "PM2.5", "CO"])
    sheet.append([2024, 3, 1, 0, 41.5, 1100])
    sheet.append([2024, 3, 1, 1, "n.d.", 1200])
    sheet.append([2024, 13, 1, 2, 40, 900])
    path = tmp_path / "hanoi.xlsx"
    book.save(path)
    mapping = {
        "station": "VN-HAN",
        "sheet": "Data",
        "time": {"year": "Year", "month": "Month", "day": "Day", "hour": "Hour"},
        "columns": {
            "PM2.5": {"parameter": "pm25", "unit": "µg/m³"},
            "CO": {"parameter": "co", "unit": "µg/m³"},
        },
    }
    result = ingest_file(path, mapping=mapping)
    assert result.status == "refused"
    assert [(e.row, e.column, e.value, e.reason[:24]) for e in result.errors] == [
        (2, "PM2.5", "n.d.", "not a number (a value be"),
        (3, "Year/Month/Day/Hour", "2024-13-01 02:00", "not a date and time in I"),
        (3, "Year/Month/Day/Hour", "2024-13-01 02:00", "not a date and time in I"),
    ]
    result = ingest_file(path, mapping=mapping, skip_invalid=True)
    assert (result.stored, result.refused) == (3, 3)
    assert stored("VN-HAN", "co")[0][:4] == ("2024-02-29T17:00Z", 1.1, 1100.0, "µg/m³")
    assert stored("VN-HAN", "pm25")[0][:2] == ("2024-02-29T17:00Z", 41.5)


def test_it_reads_one_datetime_column_in_the_zone_the_mapping_names(db, tmp_path):
    make_station("MM-YGN", time_zone="Asia/Yangon", parameters=["pm10"])
    path = tmp_path / "yangon.csv"
    path.write_text("when;site;PM10\n01.03.2024 07:00;MM-YGN;55,5\n", encoding="utf-8")
    mapping = (
        "station_column: site\n"
        "time: {column: when, format: '%d.%m.%Y %H:%M', zone: UTC}\n"
        "columns: {PM10: {parameter: pm10, unit: ug/m3}}\n"
    )
    result = ingest_file(path, mapping=mapping)
    assert result.stored == 1
    assert stored("MM-YGN", "pm10")[0][:2] == ("2024-03-01T07:00Z", 55.5)
    assert Measurement.objects.get().time == dt.datetime(2024, 3, 1, 7, tzinfo=dt.UTC)


def test_it_lists_every_problem_of_a_mapping(db):
    mapping = {
        "station": "TH-05T",
        "station_column": "Site",
        "time": {"column": "Time", "hour": "Hour", "zone": "Bangkok"},
        "columns": {
            "O3": {"parameter": "ozone", "unit": "ppb"},
            "PM2.5": {"parameter": "pm25", "unit": "ppb", "averaging": "2h"},
            "Temp": {"parameter": "temp"},
        },
        "colums": {},
    }
    with pytest.raises(IngestError) as caught:
        load_mapping(mapping)
    assert str(caught.value) == (
        "the mapping has problems: unknown key 'colums' (expected one of columns, "
        "decimal_comma, format, locations, missing, sensors, separator, sheet, station, "
        "station_column, time); give station (one station for the whole file) or "
        "station_column, not both; time: hour goes with year/month/day or with date, not "
        "with column; time › zone: 'Bangkok' is not a time zone; use an IANA name such as "
        "Asia/Bangkok, UTC, an offset such as +07:00, or station (each station's own zone); "
        "columns › O3 › parameter: unknown parameter 'ozone' (air: pm25, pm10, so2, no2, co, "
        "o3; water: ph, do, cod_mn, cod, bod5, nh3_n, tp, tn, no3_n, tss, toc, cu, zn, ni, mn, "
        "se, as, hg, cd, pb, cr6, f, cn, phenol, petroleum, las, s2, total_coliform, "
        "fecal_coliform, hardness, temp, ec, turbidity, no2_3_n); columns › PM2.5 › unit: ppb "
        "cannot be used for pm25: particles have no molar mass; use µg/m³ or mg/m³; columns › "
        "PM2.5 › averaging: '2h' is not 1h, 8h, 24h or grab; columns › Temp › unit: the unit "
        "is empty; temp is given in °C"
    )


def test_it_says_which_mapped_columns_the_file_lacks(db, tmp_path):
    make_station("TH-05T")
    path = tmp_path / "data.csv"
    path.write_text("Date,PM10\n2024-03-01 01:00,40\n", encoding="utf-8")
    mapping = {
        "station": "TH-05T",
        "time": "Date",
        "columns": {
            "PM2.5": {"parameter": "pm25", "unit": "µg/m³"},
            "pm10": {"parameter": "pm10", "unit": "µg/m³"},
        },
    }
    with pytest.raises(
        IngestError, match=r"^the mapping names column 'PM2.5' but the file has: Date, PM10$"
    ):
        ingest_file(path, mapping=mapping)
    assert Upload.objects.get().status == "failed"


def test_it_refuses_a_mapping_that_is_not_yaml(db, tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        ingest_file(path, mapping="time: Date\ncolumns: [unclosed\n")
    assert str(caught.value) == (
        "the mapping is not valid YAML (line 2, column 10): while parsing a flow sequence; "
        "expected ',' or ']', but got '<stream end>'"
    )
    with pytest.raises(IngestError, match="must be a YAML dictionary"):
        ingest_file(path, mapping="- just\n- a list\n")
