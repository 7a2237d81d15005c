"""The map's base layer shipped with the app, and the script that builds it."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REGION = ROOT / "lmec" / "static" / "lmec" / "monitoring" / "region.geojson"


def build_script():
    spec = importlib.util.spec_from_file_location(
        "build_region_geojson", ROOT / "scripts" / "build_region_geojson.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_it_ships_the_six_countries_and_the_mekong_in_a_small_file():
    assert REGION.stat().st_size < 300_000
    collection = json.loads(REGION.read_text(encoding="utf-8"))
    countries = {
        f["properties"]["iso"]: f
        for f in collection["features"]
        if f["properties"]["kind"] == "country"
    }
    members = {iso for iso, f in countries.items() if f["properties"]["member"]}
    assert members == {"CN", "KH", "LA", "MM", "TH", "VN"}
    assert {"IN", "BD", "MY"} <= set(countries) - members  # neighbours, drawn lighter
    rivers = [f for f in collection["features"] if f["properties"]["kind"] == "river"]
    assert len(rivers) == 1 and rivers[0]["geometry"]["type"] == "MultiLineString"
    west, south, east, north = collection["bbox"]
    for feature in collection["features"]:
        geometry = feature["geometry"]
        depth = {"Polygon": 1, "MultiPolygon": 2, "MultiLineString": 1}[geometry["type"]]
        points = geometry["coordinates"]
        for _ in range(depth):
            points = [p for part in points for p in part]
        assert all(west <= x <= east and south <= y <= north for x, y in points)
        assert all(round(x, 3) == x and round(y, 3) == y for x, y in points)


def test_it_clips_a_polygon_to_the_region_and_keeps_it_closed():
    script = build_script()
    # a square straddling the east edge (112°) of the region
    ring = [[110.0, 10.0], [114.0, 10.0], [114.0, 12.0], [110.0, 12.0], [110.0, 10.0]]
    clipped = script.clip_ring(ring, script.BBOX)
    assert clipped[0] == clipped[-1]
    assert sorted(map(tuple, clipped[:-1])) == [
        (110.0, 10.0),
        (110.0, 12.0),
        (112.0, 10.0),
        (112.0, 12.0),
    ]


def test_it_cuts_a_line_where_it_leaves_the_region():
    script = build_script()
    line = [[100.0, 30.0], [100.0, 36.0], [101.0, 36.0], [101.0, 30.0]]  # out over 34.5° N and back
    assert script.clip_line(line, script.BBOX) == [
        [[100.0, 30.0], [100.0, 34.5]],
        [[101.0, 34.5], [101.0, 30.0]],
    ]


def test_it_simplifies_away_points_closer_than_the_tolerance():
    script = build_script()
    line = [[0.0, 0.0], [1.0, 0.001], [2.0, 0.0], [3.0, 1.0]]
    assert script.simplify(line, 0.01) == [[0.0, 0.0], [2.0, 0.0], [3.0, 1.0]]


def test_it_builds_the_same_bytes_from_the_same_input(tmp_path):
    script = build_script()
    countries = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"ISO_A2": "LA", "NAME": "Laos", "ADM0_A3": "LAO"},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[100, 14], [107, 14], [107, 22], [100, 22], [100, 14]]],
                },
            },
            {
                "type": "Feature",
                "properties": {"ISO_A2": "FR", "NAME": "France", "ADM0_A3": "FRA"},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[0, 43], [5, 43], [5, 49], [0, 43]]],
                },
            },
        ],
    }
    source = tmp_path / "countries.json"
    source.write_text(json.dumps(countries))
    outputs = []
    for name in ("a.geojson", "b.geojson"):
        script.main(["--countries", str(source), "--out", str(tmp_path / name)])
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    built = json.loads(outputs[0])
    assert [f["properties"] for f in built["features"]] == [
        {"kind": "country", "iso": "LA", "name": "Laos", "member": True},
        {"kind": "border", "iso": "LA", "name": "Laos", "member": True},
    ]


def test_it_draws_no_border_along_the_edge_the_clipping_made():
    script = build_script()
    ring = [[110.0, 10.0], [114.0, 10.0], [114.0, 12.0], [110.0, 12.0], [110.0, 10.0]]
    clipped = script.clip_ring(ring, script.BBOX)  # closed along 112° E
    parts = script.outline(clipped, script.BBOX)
    assert parts == [[[112.0, 12.0], [110.0, 12.0], [110.0, 10.0], [112.0, 10.0]]]
