"""The stations registry: checking a file, loading it idempotently, the shipped file."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.utils import translation

from lmec.monitoring import parameters, services
from lmec.monitoring.models import Station, StationParameter
from lmec.monitoring.stations_file import (
    LANGUAGES,
    STATIONS_FILE,
    StationsFileError,
    check_stations,
    read_stations,
)

NAMES = {
    "zh-hans": "仰光测试站",
    "en": "Yangon test site",
    "th": "สถานีทดสอบย่างกุ้ง",
    "vi": "Trạm thử Yangon",
    "lo": "ສະຖານີທົດສອບຢາງກຸ້ງ",
    "km": "ស្ថានីយ៍សាកល្បងយ៉ាំងហ្គោន",
    "my": "ရန်ကုန် စမ်းသပ်စခန်း",
}


def station(**overrides):
    entry = {
        "code": "MM-TEST-1",
        "kind": "air",
        "country": "MM",
        "site_type": "urban",
        "name": dict(NAMES),
        "operator": "Test operator",
        "latitude": 16.86,
        "longitude": 96.15,
        "elevation": 21,
        "time_zone": "Asia/Yangon",
        "active_from": datetime.date(2020, 1, 1),
        "source": "test",
        "parameters": [
            {"parameter": "pm25", "unit": "µg/m³", "method": "β-ray attenuation"},
            {"parameter": "o3", "unit": "ppb", "method": "UV photometry"},
        ],
    }
    entry.update(overrides)
    return entry


def write(tmp_path: Path, stations) -> Path:
    path = tmp_path / "stations.yaml"
    path.write_text(yaml.safe_dump({"version": 1, "stations": stations}, allow_unicode=True))
    return path


def problems(*stations):
    return check_stations({"version": 1, "stations": list(stations)})[1]


def test_it_names_a_wrong_time_zone_by_its_path():
    bad = station(code="MM-TEST-2", time_zone="Asia/Rangon")
    assert problems(station(), station(), bad)[-1] == (
        "stations[2].time_zone: 'Asia/Rangon' is not an IANA time zone"
    )


def test_it_refuses_a_time_zone_of_another_country():
    assert problems(station(time_zone="Asia/Bangkok")) == [
        "stations[0].time_zone: 'Asia/Bangkok' is not the time zone of MM (Asia/Yangon)"
    ]


def test_it_lists_every_problem_of_a_file_at_once():
    found = problems(
        station(code="bad code!", latitude=96.15, longitude=16.86),
        station(code="MM-TEST-2", kind="water", site_type="urban"),
    )
    assert found == [
        "stations[0].code: 'bad code!' must be 1-40 letters, digits, '-' or '_'",
        "stations[0].latitude: 96.15 is outside 5.0..35.0",
        "stations[0].longitude: 16.86 is outside 90.0..112.0",
        "stations[1].site_type: 'urban' is not a type of water site; "
        "choose one of: river, lake, reservoir",
        "stations[1].parameters[0].parameter: 'pm25' is not measured at water sites",
        "stations[1].parameters[1].parameter: 'o3' is not measured at water sites",
    ]


def test_it_refuses_missing_languages_and_english_copies():
    names = dict(NAMES, th="Yangon test site", km="")
    names["vi"] = names["en"]
    assert problems(station(name=names)) == [
        "stations[0].name: missing languages: km",
        "stations[0].name.th: 'Yangon test site' is not written in the th script",
        "stations[0].name.vi: is a copy of the English name",
    ]


def test_it_refuses_units_that_cannot_be_converted_and_unknown_parameters():
    found = problems(
        station(
            parameters=[
                {"parameter": "pm25", "unit": "ppb"},
                {"parameter": "nox", "unit": "ppb"},
                {"parameter": "o3", "unit": "ppb"},
                {"parameter": "o3", "unit": "ppm"},
            ]
        )
    )
    assert found[0].startswith(
        "stations[0].parameters[0].unit: 'ppb' cannot be converted to µg/m³: "
    )
    assert found[1] == (
        "stations[0].parameters[1].parameter: 'nox' is not one of: "
        + ", ".join(parameters.AIR_CODES)
    )
    assert found[2] == "stations[0].parameters[3].parameter: 'o3' is listed twice"
    assert len(found) == 3


def test_it_refuses_duplicate_codes_unknown_keys_and_a_reversed_period():
    found = problems(
        station(),
        station(timezone="Asia/Yangon", active_to=datetime.date(2019, 1, 1)),
    )
    assert found[0].startswith("stations[1].timezone: unknown key; the keys are: ")
    assert found[1:] == ["stations[1].active_to: 2019-01-01 is before active_from 2020-01-01"]
    assert problems(station(), station()) == [
        "stations[1].code: 'MM-TEST-1' is already used by stations[0]"
    ]


@pytest.mark.django_db
def test_it_writes_nothing_when_the_file_has_a_problem(tmp_path):
    path = write(tmp_path, [station(), station(code="MM-TEST-2", country="XX")])
    with pytest.raises(StationsFileError) as raised:
        services.load_stations(path)
    assert raised.value.problems == [
        "stations[1].country: 'XX' is not one of: CN, KH, LA, MM, TH, VN"
    ]
    assert not Station.objects.filter(code__startswith="MM-TEST").exists()


@pytest.mark.django_db
def test_it_creates_then_changes_nothing_then_updates(tmp_path):
    path = write(tmp_path, [station()])
    first = services.load_stations(path)
    assert (first["stations_created"], first["parameters_created"]) == (1, 2)

    again = services.load_stations(path)
    assert again["stations_unchanged"] == 1
    assert again["parameters_unchanged"] == 2
    assert again["stations_created"] == again["stations_updated"] == 0

    changed = station(
        elevation=25,
        parameters=[{"parameter": "pm25", "unit": "µg/m³", "method": "TEOM"}],
    )
    changed["name"]["km"] = "ស្ថានីយ៍ថ្មី"
    counts = services.load_stations(write(tmp_path, [changed]))
    assert counts["stations_updated"] == 1
    assert counts["parameters_updated"] == 1
    assert counts["parameters_removed"] == 1

    saved = Station.objects.get(code="MM-TEST-1")
    assert saved.elevation == 25
    assert saved.time_zone == "Asia/Yangon"
    assert saved.country_id == "MM"
    assert saved.active_from == datetime.date(2020, 1, 1)
    assert [(p.parameter, p.unit, p.method) for p in saved.parameters.all()] == [
        (parameters.BY_CODE["pm25"].id, "µg/m³", "TEOM")
    ]
    with translation.override("km"):
        assert Station.objects.get(code="MM-TEST-1").name == "ស្ថានីយ៍ថ្មី"


@pytest.mark.django_db
def test_the_command_prints_a_summary_and_reports_problems(tmp_path):
    out = StringIO()
    call_command("load_stations", str(write(tmp_path, [station()])), stdout=out)
    assert out.getvalue().strip() == (
        "stations: 1 created, 0 updated, 0 unchanged; "
        "parameters: 2 created, 0 updated, 0 unchanged, 0 removed"
    )
    with pytest.raises(CommandError, match=r"stations\[0\]\.time_zone: 'Asia/Rangon'"):
        call_command("load_stations", str(write(tmp_path, [station(time_zone="Asia/Rangon")])))


@pytest.mark.django_db
def test_the_shipped_file_loads_twice_and_covers_the_region():
    first = services.load_stations(STATIONS_FILE)
    stations = Station.objects.all()
    assert first["stations_created"] == stations.count()
    assert {s.country_id for s in stations.filter(kind="air")} == {
        "CN",
        "KH",
        "LA",
        "MM",
        "TH",
        "VN",
    }
    assert {s.country_id for s in stations.filter(kind="water")} >= {"CN", "KH", "LA", "TH", "VN"}
    assert stations.filter(kind="air").count() >= 25
    assert stations.filter(kind="water", mekong_mainstream=True).count() >= 12
    assert stations.get(code="MMA001").time_zone == "Asia/Yangon"
    for language in LANGUAGES:
        with translation.override(language):
            for item in Station.objects.all():
                column = f"name_{language.replace('-', '_')}"
                assert getattr(item, column), (item.code, language)
    # Every parameter row has a method and a unit its station reports in.
    assert not StationParameter.objects.filter(method="").exists()

    again = services.load_stations(STATIONS_FILE)
    assert again["stations_unchanged"] == stations.count()
    assert again["stations_created"] == again["stations_updated"] == 0
    assert again["parameters_created"] == again["parameters_updated"] == 0


def test_the_shipped_file_is_valid_without_a_database():
    rows = read_stations(STATIONS_FILE)
    assert all(row.source for row in rows)
    # Myanmar is UTC+06:30: its zone must not be confused with its neighbours'.
    assert {row.time_zone for row in rows if row.country == "MM"} == {"Asia/Yangon"}
