"""Long tables (one value per row), CSV and XLSX: units, time zones, censoring, idempotence,
replacement with history."""

import datetime as dt

import openpyxl
import pytest

from lmec.monitoring.ingest import ingest_file, readers
from lmec.monitoring.models import Measurement, MeasurementRevision, Upload
from tests.monitoring.factories import make_network
from tests.monitoring.ingest_support import stored, write_csv


@pytest.fixture
def network(db):
    return make_network()


SO2_UGM3_PER_PPB = 64.066 / 24.45  # M / V_m at 25 °C (lmec.quality.units)
O3_UGM3_PER_PPB = 47.998 / 24.45


def test_it_stores_values_in_canonical_units_and_utc(network, tmp_path):
    path = write_csv(
        tmp_path,
        [
            ("TH-BKK", "pm25", "µg/m³", "2024-03-01T08:00:00+07:00", "12.5"),
            ("TH-BKK", "so2", "ppb", "2024-03-01T08:00:00+07:00", "10"),
            ("TH-BKK", "co", "µg/m³", "2024-03-01T08:00:00+07:00", "1500"),
            ("TH-BKK", "o3", "ppm", "2024-03-01T08:00:00+07:00", "0.05"),
            ("TH-BKK", "no2", "ug/m3", "2024-03-01T01:00:00Z", "40"),
            ("TH-BKK", "pm10", "mg/m3", "2024-03-01T01:00:00Z", "0.08"),
        ],
    )
    result = ingest_file(path)
    assert (result.status, result.rows_read, result.stored, result.refused) == ("done", 6, 6, 0)
    assert stored("TH-BKK", "pm25") == [("2024-03-01T01:00Z", 12.5, 12.5, "µg/m³", "", 0)]
    [so2] = stored("TH-BKK", "so2")
    assert so2[0] == "2024-03-01T01:00Z"
    assert so2[1] == pytest.approx(10 * SO2_UGM3_PER_PPB, rel=1e-12)
    assert so2[2:4] == (10.0, "ppb")
    [co] = stored("TH-BKK", "co")
    assert co[1] == pytest.approx(1.5, rel=1e-12) and co[2:4] == (1500.0, "µg/m³")
    [o3] = stored("TH-BKK", "o3")
    assert o3[1] == pytest.approx(50 * O3_UGM3_PER_PPB, rel=1e-12) and o3[3] == "ppm"
    assert stored("TH-BKK", "no2")[0][:4] == ("2024-03-01T01:00Z", 40.0, 40.0, "ug/m3")
    assert stored("TH-BKK", "pm10")[0][1] == pytest.approx(80.0, rel=1e-12)
    upload = Upload.objects.get()
    assert (upload.status, upload.format, upload.filename) == ("done", "long", "data.csv")
    assert (upload.rows_read, upload.rows_stored, upload.rows_refused) == (6, 6, 0)
    assert Measurement.objects.filter(upload=upload).count() == 6


def test_it_places_times_without_an_offset_in_the_station_time_zone(network, tmp_path):
    path = write_csv(
        tmp_path,
        [
            ("MM-YGN", "pm25", "µg/m³", "2024-03-01 13:00", "20"),  # UTC+06:30
            ("CN-KMG", "pm25", "µg/m³", "2024-03-01T13:00:00", "21"),  # UTC+08:00
            ("TH-BKK", "pm25", "µg/m³", "2024-03-01T13:00", "22"),  # UTC+07:00
            ("VN-HAN", "pm25", "µg/m³", "2024-03-01T13:00:00+08:00", "23"),  # offset wins
            ("LA-VTE", "pm25", "µg/m³", "2024-03-01 24:00", "24"),  # end of the day
        ],
    )
    assert ingest_file(path).stored == 5
    assert stored("MM-YGN", "pm25")[0][0] == "2024-03-01T06:30Z"
    assert stored("CN-KMG", "pm25")[0][0] == "2024-03-01T05:00Z"
    assert stored("TH-BKK", "pm25")[0][0] == "2024-03-01T06:00Z"
    assert stored("VN-HAN", "pm25")[0][0] == "2024-03-01T05:00Z"
    assert stored("LA-VTE", "pm25")[0][0] == "2024-03-01T17:00Z"


def test_it_reads_semicolons_decimal_commas_a_bom_and_any_header_case(network, tmp_path):
    path = write_csv(
        tmp_path,
        [
            ("TH-BKK", "PM2.5", "µg/m3", "2024-03-01T08:00+07:00", "12,5"),
            (" TH-BKK ", "Pm10", "μg/m³", "2024-03-01T08:00+07:00", " 30 "),
        ],
        header=(" Station", "PARAMETER", "Unit", "Time ", "Value"),
        separator=";",
        bom=True,
    )
    result = ingest_file(path)
    assert (result.status, result.stored) == ("done", 2), result.errors
    assert stored("TH-BKK", "pm25")[0][1:3] == (12.5, 12.5)
    assert stored("TH-BKK", "pm10")[0][1:4] == (30.0, 30.0, "μg/m³")


def test_it_reads_a_long_xlsx_with_date_cells_and_numbers(network, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Station", "Parameter", "Unit", "Time", "Value", "Averaging"])
    sheet.append(["CN-KMG", "pm25", "µg/m³", dt.datetime(2024, 3, 1, 8, 0), 35.5, "1h"])
    sheet.append([None, None, None, None, None, None])  # a blank row keeps its number
    sheet.append(["CN-KMG", "pm25", "µg/m³", "2024-03-01T09:00+08:00", 40, None])
    sheet.append(["CN-KMG", "pm10", "µg/m³", dt.date(2024, 3, 1), 61, "24h"])
    sheet.append(["CN-KMG", "pm10", "µg/m³", dt.date(2024, 3, 2), "n/a", "24h"])
    path = tmp_path / "data.xlsx"
    book.save(path)
    result = ingest_file(path)
    assert result.status == "refused"
    assert [(e.row, e.column, e.value) for e in result.errors] == [(5, "Value", "n/a")]
    result = ingest_file(path, skip_invalid=True)
    assert (result.status, result.stored, result.refused) == ("done", 3, 1)
    assert [r[:2] for r in stored("CN-KMG", "pm25")] == [
        ("2024-03-01T00:00Z", 35.5),
        ("2024-03-01T01:00Z", 40.0),
    ]
    assert stored("CN-KMG", "pm10", averaging=24)[0][:2] == ("2024-02-29T16:00Z", 61.0)


def test_it_keeps_values_below_the_detection_limit_and_above_the_range(network, tmp_path):
    path = write_csv(
        tmp_path,
        [
            ("LA-MK-VTE", "nh3_n", "mg/l", "2024-03-01T09:30+07:00", "<0.01"),
            ("LA-MK-VTE", "tp", "µg/L", "2024-03-01T09:30+07:00", "< 20"),
            ("TH-BKK", "pm25", "µg/m³", "2024-03-01T09:00+07:00", ">500"),
        ],
    )
    assert ingest_file(path).stored == 3
    assert stored("LA-MK-VTE", "nh3_n", averaging=0) == [
        ("2024-03-01T02:30Z", 0.01, 0.01, "mg/l", "<", 0)
    ]
    [tp] = stored("LA-MK-VTE", "tp", averaging=0)
    assert tp[1] == pytest.approx(0.02) and tp[2:5] == (20.0, "µg/L", "<")
    assert stored("TH-BKK", "pm25") == [("2024-03-01T02:00Z", 500.0, 500.0, "µg/m³", ">", 0)]


def test_it_defaults_averaging_to_one_hour_for_air_and_grab_for_water(network, tmp_path):
    path = write_csv(
        tmp_path,
        [
            ("TH-BKK", "pm25", "µg/m³", "2024-03-01T09:00+07:00", "10", ""),
            ("TH-BKK", "pm25", "µg/m³", "2024-03-01T00:00+07:00", "11", "24h"),
            ("TH-BKK", "o3", "µg/m³", "2024-03-01T09:00+07:00", "80", "8h"),
            ("LA-MK-VTE", "do", "mg/L", "2024-03-01T09:30+07:00", "7.1", ""),
            ("LA-MK-VTE", "temp", "°C", "2024-03-01T09:00+07:00", "28.5", "1h"),
        ],
        header=("station", "parameter", "unit", "time", "value", "averaging"),
    )
    assert ingest_file(path).stored == 5
    assert Measurement.objects.filter(averaging=1).count() == 2
    assert Measurement.objects.filter(averaging=24).count() == 1
    assert Measurement.objects.filter(averaging=8).count() == 1
    assert stored("LA-MK-VTE", "do", averaging=0)[0][:2] == ("2024-03-01T02:30Z", 7.1)


def test_it_changes_nothing_when_the_same_file_comes_again(network, tmp_path):
    rows = [
        ("TH-BKK", "pm25", "µg/m³", f"2024-03-01T{h:02d}:00+07:00", str(10 + h)) for h in range(24)
    ]
    path = write_csv(tmp_path, rows)
    first = ingest_file(path)
    before = stored("TH-BKK", "pm25")
    again = ingest_file(path)
    assert (first.stored, first.unchanged) == (24, 0)
    assert (again.status, again.stored, again.replaced, again.unchanged) == ("done", 0, 0, 24)
    assert stored("TH-BKK", "pm25") == before
    assert set(Measurement.objects.values_list("upload", flat=True)) == {first.upload.pk}
    assert not MeasurementRevision.objects.exists()
    assert again.touched == {}


def test_it_replaces_a_changed_value_and_keeps_the_old_one_in_history(network, tmp_path):
    first = ingest_file(
        write_csv(
            tmp_path,
            [
                ("TH-BKK", "pm25", "µg/m³", "2024-03-01T09:00+07:00", "10"),
                ("TH-BKK", "pm25", "µg/m³", "2024-03-01T10:00+07:00", "11"),
            ],
            name="first.csv",
        )
    )
    second = ingest_file(
        write_csv(
            tmp_path,
            [
                ("TH-BKK", "pm25", "µg/m³", "2024-03-01T09:00+07:00", "10"),
                ("TH-BKK", "pm25", "ug/m3", "2024-03-01T10:00+07:00", "12.5"),
                ("TH-BKK", "pm25", "µg/m³", "2024-03-01T11:00+07:00", "13"),
            ],
            name="second.csv",
        )
    )
    assert (second.stored, second.replaced, second.unchanged) == (1, 1, 1)
    assert [r[:4] for r in stored("TH-BKK", "pm25")] == [
        ("2024-03-01T02:00Z", 10.0, 10.0, "µg/m³"),
        ("2024-03-01T03:00Z", 12.5, 12.5, "ug/m3"),
        ("2024-03-01T04:00Z", 13.0, 13.0, "µg/m³"),
    ]
    [old] = MeasurementRevision.objects.all()
    assert (old.value, old.raw_unit, old.upload_id, old.replaced_by_id) == (
        11.0,
        "µg/m³",
        first.upload.pk,
        second.upload.pk,
    )
    assert old.time == dt.datetime(2024, 3, 1, 3, tzinfo=dt.UTC)
    assert Measurement.objects.get(time=old.time).upload_id == second.upload.pk
    assert second.upload.rows_replaced == 1


def test_it_reads_a_csv_in_blocks_and_numbers_rows_across_them(network, tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "BLOCK_BYTES", 97)  # a few rows per block
    rows = [
        ("TH-BKK", "pm25", '"µg/m³"', f"2024-03-0{1 + h // 24}T{h % 24:02d}:00+07:00", str(h))
        for h in range(60)
    ]
    rows[56] = ("TH-BKK", "pm25", "µg/m³", "2024-03-03T08:00+07:00", "twelve")
    rows[20] = ('"TH-BKK"', "pm25", "µg/m³", "2024-03-01T20:00+07:00", '"20"')
    path = write_csv(tmp_path, rows)
    result = ingest_file(path)
    assert result.status == "refused"
    assert [(e.row, e.value) for e in result.errors] == [(57, "twelve")]
    result = ingest_file(path, skip_invalid=True)
    assert (result.rows_read, result.stored, result.refused) == (60, 59, 1)
    assert stored("TH-BKK", "pm25")[20][1] == 20.0
