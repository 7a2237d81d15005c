"""The map's and charts' libraries are vendored, pinned and survive collectstatic."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "lmec" / "static" / "vendor"


def test_it_ships_the_pinned_versions_with_their_licences():
    pins = json.loads((ROOT / "package.json").read_text())["dependencies"]
    versions = (VENDOR / "VERSIONS.txt").read_text()
    assert f"- leaflet {pins['leaflet']}\n" in versions
    assert f"- echarts {pins['echarts']} " in versions
    for path in ("leaflet/leaflet.js", "leaflet/leaflet.css", "leaflet/LICENSE"):
        assert (VENDOR / path).is_file(), path
    for path in ("echarts/echarts.min.js", "echarts/LICENSE", "echarts/NOTICE"):
        assert (VENDOR / path).is_file(), path


@pytest.mark.own_database
def test_it_collects_the_static_files_with_hashed_names(tmp_path):
    # the production storage rewrites references inside CSS and JS (source maps too): a
    # reference to a file that is not shipped stops collectstatic
    env = {
        **os.environ,
        "LMEC_HOME": str(tmp_path),
        "STATIC_ROOT": str(tmp_path / "static"),
        "STATIC_MANIFEST": "true",
        "DATABASE_URL": "",
        "PYTHONPATH": str(ROOT),  # this checkout's lmec, not the installed one
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-m", "lmec.cli", "collectstatic", "--noinput"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())["paths"]
    for name in (
        "vendor/leaflet/leaflet.js",
        "vendor/leaflet/leaflet.css",
        "vendor/leaflet/images/layers.png",
        "vendor/echarts/echarts.min.js",
        "lmec/monitoring/map.js",
        "lmec/monitoring/charts.js",
        "lmec/monitoring/calendar.js",
        "lmec/monitoring/region.geojson",
    ):
        assert name in manifest, name
