"""``lmec aqi`` (lmec.quality.cli.main) for every standard, and its errors."""

import json

import pytest

from lmec.quality import aqi
from lmec.quality.cli import main


def test_it_prints_the_vn_daily_example_as_json(capsys):
    argv = ["--standard", "vn-1459-2019", "--json"]
    argv += ["o3_8h=89.3", "o3_1h=114.6", "no2_1h=130.8", "pm25_24h=55.7"]
    assert main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["aqi"] == 110 and out["dominant"] == "pm25_24h" and out["category"] == "poor"
    assert out["category_names"] == {"en": "Poor", "vi": "Kém"}
    assert out["colour"] == "#FF7E00" and out["advice"]["vi"]
    assert out["sub_indices"] == {"o3_8h": 45, "o3_1h": 36, "no2_1h": 65, "pm25_24h": 110}
    assert out["units"]["pm25_24h"] == "µg/m³"


def test_it_prints_a_thai_line_in_thai_and_english(capsys):
    assert main(["--standard", "th-pcd-2023", "pm25_24h=60", "o3_8h=55"]) == 0
    out = capsys.readouterr().out
    assert "AQI 160 (Starting to affect health / เริ่มมีผลกระทบต่อสุขภาพ)" in out
    assert "dominant: pm25_24h" in out


def test_it_says_when_nothing_is_computable(capsys):
    # VN_AQI needs PM10 or PM2.5
    assert main(["--standard", "vn-1459-2019", "--json", "o3_1h=20"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["aqi"] is None and out["category"] is None and out["dominant"] is None


def test_it_lists_every_standard_with_its_units(capsys):
    assert main(["--list"]) == 0
    out = capsys.readouterr().out
    for std_id in aqi.STANDARDS:
        assert std_id in out
    assert "pm25_nowcast" in out and "[ppb]" in out


@pytest.mark.parametrize(
    "argv,message",
    [
        (["--standard", "us-epa-2024", "pm1=5"], "no pollutant 'pm1'"),
        (["--standard", "us-epa-2024", "pm25_24h=lots"], "'lots' is not a number"),
        (["--standard", "us-epa-2024", "pm25_24h"], "write pollutant=value"),
        (["--standard", "nope", "pm25_24h=1"], "unknown AQI standard 'nope'"),
        (["--standard", "us-epa-2024"], "give at least one reading"),
    ],
)
def test_it_explains_bad_input_on_stderr_and_returns_2(capsys, argv, message):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""
