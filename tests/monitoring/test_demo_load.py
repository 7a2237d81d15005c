"""Loading the monitoring demo: stations, provider, measurements through the ingest; twice."""

import hashlib

import pytest
from django.core.management import call_command

from lmec.monitoring import demo, demo_data
from lmec.monitoring.models import DailyValue, Measurement, Station

SMALL = ("VN-HN-USEMB", "MMA001", "MRC-KRATIE")


def snapshot() -> tuple[int, int, str]:
    rows = Measurement.objects.order_by("station", "parameter", "averaging", "time").values_list(
        "station__code", "parameter", "averaging", "time", "value", "censor", "flags"
    )
    digest = hashlib.sha256(repr(list(rows)).encode()).hexdigest()
    return Measurement.objects.count(), DailyValue.objects.count(), digest


@pytest.mark.django_db
def test_it_loads_the_stations_and_gives_the_provider_its_stations(users):
    from lmec.core.services import create_user

    provider = create_user(username=demo.PROVIDER, password=None, role="data_provider")
    counts = demo.load_monitoring_demo(only=())
    assert counts["stations_created"] == Station.objects.count() == len(demo_data.stations())
    assert counts["providers_added"] == len(demo.PROVIDER_STATIONS)
    assert sorted(provider.provided_stations.values_list("code", flat=True)) == sorted(
        demo.PROVIDER_STATIONS
    )
    again = demo.load_monitoring_demo(only=())
    assert again["providers_added"] == 0
    assert again["stations_unchanged"] == Station.objects.count()
    assert demo.describe(again).splitlines()[0] == (
        f"monitoring stations: 0 created, 0 updated, {Station.objects.count()} unchanged; "
        "data provider 'provider': 0 stations added"
    )


@pytest.mark.django_db
def test_loading_twice_gives_the_same_database():
    first = demo.load_monitoring_demo(only=SMALL)
    assert first["real_rows"] == 8194
    assert first["air_rows"] > 8000 and first["water_rows"] > 1000
    loaded = snapshot()
    assert loaded[0] == first["real_rows"] + first["air_rows"] + first["water_rows"]
    again = demo.load_monitoring_demo(only=SMALL)
    assert again["real_rows"] == again["air_rows"] == again["water_rows"] == 0
    assert again["real_skipped"] + again["air_skipped"] + again["water_skipped"] == 3
    assert snapshot() == loaded


@pytest.mark.django_db
def test_the_demo_values_arrive_flagged_and_censored_as_intended():
    demo.load_monitoring_demo(only=("VN-HN-USEMB", "MMA002", "MRC-KRATIE"))
    kratie = Measurement.objects.filter(station__code="MRC-KRATIE")
    assert kratie.filter(censor="<").exists()
    real = Measurement.objects.filter(station__code="VN-HN-USEMB")
    assert real.exclude(flags=0).count() >= 196  # the provider's invalid hours, and more
    case = next(c for c in demo_data.qa_cases() if c.kind == "range")
    assert (
        Measurement.objects.filter(station__code=case.station, value=case.value)
        .exclude(flags=0)
        .exists()
    )


@pytest.mark.django_db
def test_load_demo_prints_the_monitoring_summary(capsys, settings, tmp_path):
    settings.WORK_DIR = tmp_path
    settings.MONITORING_DEMO_ONLY = ()
    call_command("load_demo")
    out = capsys.readouterr().out
    assert f"monitoring stations: {len(demo_data.stations())} created, 0 updated" in out
    assert "data provider 'provider': 3 stations added" in out
