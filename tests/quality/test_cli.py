"""``lmec aqi`` prints the index, category and dominant pollutant."""

import json

from lmec.quality.cli import main


def test_it_prints_the_epa_example_as_json(capsys):
    assert main(["--standard", "us-epa-2024", "--json", "pm25_24h=35.9", "o3_8h=0.078"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["aqi"] == 126 and out["dominant"] == "o3_8h"
    assert out["category"] == "unhealthy_sensitive"
    assert out["sub_indices"] == {"pm25_24h": 102, "o3_8h": 126}


def test_it_prints_a_line_in_the_standards_languages(capsys):
    assert main(["--standard", "cn-hj633-2012", "pm25_24h=80"]) == 0
    assert "AQI 107 (Lightly polluted / 轻度污染) — dominant: pm25_24h" in capsys.readouterr().out


def test_it_explains_bad_input(capsys):
    assert main(["--standard", "us-epa-2024", "pm25_24h=lots"]) == 2
    assert "'lots' is not a number" in capsys.readouterr().err
    assert main(["--standard", "nope", "pm25_24h=1"]) == 2
    assert "unknown AQI standard 'nope'" in capsys.readouterr().err
