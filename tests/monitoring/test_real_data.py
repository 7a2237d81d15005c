"""The real data slice: it parses, matches its README, and the conversion reproduces it."""

import csv
import datetime
import gzip
import hashlib
import importlib.util
import io
import itertools
import re
from pathlib import Path

import pytest

from lmec.monitoring import parameters
from lmec.monitoring.stations_file import STATIONS_FILE, read_stations

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "lmec" / "monitoring" / "data" / "real"
SLICE = REAL / "us-embassy-hanoi-pm25-2018.csv.gz"


def readme_figures() -> dict[str, str]:
    text = (REAL / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- figures")[1].split("<!-- end figures -->")[0]
    return dict(re.findall(r"^- ([a-z0-9 .]+?): (\S+)$", block, flags=re.M))


def rows() -> list[dict[str, str]]:
    with gzip.open(SLICE, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_converter():
    spec = importlib.util.spec_from_file_location(
        "convert_real_data", ROOT / "scripts" / "convert_real_data.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_it_matches_the_figures_in_its_readme():
    figures = readme_figures()
    data = rows()
    assert len(data) == int(figures["rows"])
    assert sum(1 for row in data if row["flag"] == "invalid") == int(figures["flagged invalid"])
    assert data[0]["time"] == figures["first"]
    assert data[-1]["time"] == figures["last"]
    assert hashlib.sha256(SLICE.read_bytes()).hexdigest() == figures["sha256 of the .csv.gz"]


def test_it_is_a_long_table_of_hourly_values_of_a_registered_station():
    data = rows()
    assert list(data[0]) == ["station", "parameter", "unit", "time", "value", "averaging", "flag"]
    codes = {row.code: row for row in read_stations(STATIONS_FILE)}
    station = codes[data[0]["station"]]
    assert {row["station"] for row in data} == {station.code}
    assert {row["parameter"] for row in data} == {"pm25"}
    assert {(row["unit"], row["averaging"]) for row in data} == {("µg/m³", "1h")}
    assert {row["flag"] for row in data} == {"", "invalid"}
    times = [datetime.datetime.fromisoformat(row["time"]) for row in data]
    assert all(t.utcoffset() == datetime.timedelta(hours=7) for t in times)
    assert all(b - a >= datetime.timedelta(hours=1) for a, b in itertools.pairwise(times))
    assert station.active_from <= times[0].date() and times[-1].date() <= station.active_to
    pm25 = parameters.BY_CODE["pm25"]
    values = [float(row["value"]) for row in data if not row["flag"]]
    # The provider's valid values lie in the physical range, but for one small negative
    # hour (a β-attenuation artefact) that the hub's QA/QC is expected to flag.
    assert [v for v in values if not 0 <= v <= pm25.valid_max] == [-2.0]


def test_the_conversion_turns_the_end_of_the_hour_into_its_start_and_keeps_flags():
    converter = load_converter()
    original = (
        ",".join(converter.HEADER) + "\r\n"
        "Hanoi,PM2.5 - Principal,2018-01-01 01:00 AM,2018,01,01,01,68.9,158,Unhealthy,"
        "69.2,UG/M3,1 Hr,Valid\r\n"
        "Hanoi,PM2.5 - Principal,2018-01-01 02:00 AM,2018,01,01,02,-999.0,-999,N/A,"
        "-999.0,UG/M3,1 Hr,Missing\r\n"
        "Hanoi,PM2.5 - Principal,2018-01-24 01:00 PM,2018,01,24,13,-999.0,-999,N/A,"
        "-15.0,UG/M3,1 Hr,Invalid\r\n"
        "Hanoi,PM2.5 - Principal,2019-01-01 12:00 AM,2019,01,01,00,39.2,110,x,"
        "37.0,UG/M3,1 Hr,Valid\r\n"
    )
    assert [(r["time"], r["value"], r["flag"]) for r in converter.convert(original)] == [
        ("2018-01-01T00:00+07:00", "69.2", ""),
        ("2018-01-24T12:00+07:00", "-15.0", "invalid"),
        ("2018-12-31T23:00+07:00", "37.0", ""),
    ]


def test_the_conversion_stops_on_an_unknown_qc_name():
    converter = load_converter()
    original = (
        ",".join(converter.HEADER) + "\n"
        "Hanoi,PM2.5 - Principal,2018-01-01 01:00 AM,2018,01,01,01,1,1,Good,1.0,UG/M3,1 Hr,Odd\n"
    )
    with pytest.raises(converter.ConversionError, match="row 2: unknown QC name 'Odd'"):
        converter.convert(original)


def test_the_written_file_is_reproducible(tmp_path):
    converter = load_converter()
    data = rows()
    first, second = tmp_path / "a.csv.gz", tmp_path / "b.csv.gz"
    converter.write_csv_gz(data, first)
    converter.write_csv_gz(data, second)
    assert first.read_bytes() == second.read_bytes() == SLICE.read_bytes()
    text = gzip.decompress(first.read_bytes()).decode()
    assert next(csv.reader(io.StringIO(text))) == converter.COLUMNS


def test_the_conversion_reads_a_repeated_hour_with_a_gap_before_it_as_the_earlier_hour():
    converter = load_converter()
    line = "Hanoi,PM2.5 - Principal,x,2018,03,11,{hour},1,1,Good,{value},UG/M3,1 Hr,Valid\n"
    original = (
        ",".join(converter.HEADER)
        + "\n"
        + "".join(
            line.format(hour=hour, value=value) for hour, value in (("01", 1), ("03", 2), ("03", 3))
        )
    )
    assert [(r["time"], r["value"]) for r in converter.convert(original)] == [
        ("2018-03-11T00:00+07:00", "1"),
        ("2018-03-11T01:00+07:00", "2"),
        ("2018-03-11T02:00+07:00", "3"),
    ]
    doubled = original + line.format(hour="03", value=4)
    with pytest.raises(converter.ConversionError, match="row 5: time stamp repeats row 4"):
        converter.convert(doubled)
