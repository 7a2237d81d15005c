"""Build ``lmec/static/lmec/monitoring/region.geojson``: the base layer of the monitoring map.

The map must work with no tile server reachable, so the country outlines ship with the app:
the six Lancang-Mekong countries and their neighbours from Natural Earth's 1:50m admin-0
countries, and the Lancang-Mekong (with the Tonle Sap) from its 1:10m rivers and lake
centrelines, clipped to the region, simplified (Douglas-Peucker) and rounded so the file
stays small. Natural Earth is public domain; see ``region.geojson.SOURCE.txt`` beside the
output for the exact input files.

Plain Python (no GDAL, no shapely) so that anyone can re-run it::

    python scripts/build_region_geojson.py \\
        --countries ne_50m_admin_0_countries.json \\
        --rivers ne_10m_rivers_lake_centerlines.json

The output is deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "lmec" / "static" / "lmec" / "monitoring" / "region.geojson"

#: West, south, east, north [degrees]: from the Lancang's source in Qinghai (~33.8° N) to the
#: Mekong delta and the Gulf of Thailand, Myanmar's western border with a margin of Bangladesh
#: and north-east India, to Hainan. Everything is clipped to it.
BBOX = (88.0, 5.0, 112.0, 34.5)
#: ISO 3166-1 alpha-2 codes of the Lancang-Mekong countries (drawn stronger on the map).
MEMBERS = ("CN", "KH", "LA", "MM", "TH", "VN")
#: Douglas-Peucker tolerance [degrees]; 0.005° is about 500 m, below a pixel up to zoom 7,
#: while keeping the file near 100 kB.
TOLERANCE = {"country": 0.005, "river": 0.003}
#: Decimals kept in the output: 3 is about 100 m.
DECIMALS = 3
#: Natural Earth rivers that make up the Lancang-Mekong system (their ``name`` field).
RIVERS = {"Lancang", "Mekong", "Tonle Sap"}


def prop(properties: dict, name: str):
    """A Natural Earth attribute, whatever the case of its key (GDAL and NE's own GeoJSON differ)."""
    for key, value in properties.items():
        if key.lower() == name.lower():
            return value
    return None


# --- geometry -------------------------------------------------------------------------------


def simplify(points: list, tolerance: float) -> list:
    """Douglas-Peucker, iterative (rings of thousands of points would overflow recursion)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        worst, index = 0.0, None
        for k in range(first + 1, last):
            x, y = points[k]
            if norm == 0:
                distance = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            else:
                distance = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
            if distance > worst:
                worst, index = distance, k
        if index is not None and worst > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def clip_ring(ring: list, bbox: tuple) -> list:
    """Sutherland-Hodgman clipping of a closed ring to the rectangle ``bbox``."""
    west, south, east, north = bbox
    edges = [
        (lambda p: p[0] >= west, lambda a, b: _cross_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _cross_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _cross_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _cross_y(a, b, north)),
    ]
    points = ring[:-1] if ring and ring[0] == ring[-1] else ring
    for inside, cross in edges:
        if not points:
            break
        output = []
        previous = points[-1]
        for current in points:
            if inside(current):
                if not inside(previous):
                    output.append(cross(previous, current))
                output.append(current)
            elif inside(previous):
                output.append(cross(previous, current))
            previous = current
        points = output
    return points + points[:1] if points else []


def _cross_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return [x, a[1] + t * (b[1] - a[1])]


def _cross_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return [a[0] + t * (b[0] - a[0]), y]


def clip_line(line: list, bbox: tuple) -> list[list]:
    """The parts of a polyline inside ``bbox`` (Liang-Barsky per segment, joined again)."""
    parts: list[list] = []
    current: list = []
    for a, b in zip(line, line[1:], strict=False):
        segment = _clip_segment(a, b, bbox)
        if segment is None:
            if len(current) > 1:
                parts.append(current)
            current = []
            continue
        start, end = segment
        if current and current[-1] == start:
            current.append(end)
        else:
            if len(current) > 1:
                parts.append(current)
            current = [start, end]
        if end != list(b):  # left the box within this segment
            parts.append(current)
            current = []
    if len(current) > 1:
        parts.append(current)
    return parts


def _clip_segment(a, b, bbox):
    west, south, east, north = bbox
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a[0] - west), (dx, east - a[0]), (-dy, a[1] - south), (dy, north - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    start = list(a) if t0 == 0 else [a[0] + t0 * dx, a[1] + t0 * dy]
    end = list(b) if t1 == 1 else [a[0] + t1 * dx, a[1] + t1 * dy]
    return start, end


def on_edge(a, b, bbox: tuple) -> bool:
    """Whether the segment a-b runs along the rectangle ``bbox`` (made by the clipping)."""
    west, south, east, north = bbox
    return (a[0] == b[0] and a[0] in (west, east)) or (a[1] == b[1] and a[1] in (south, north))


def outline(ring: list, bbox: tuple) -> list[list]:
    """The coasts and borders of a clipped ring: its parts that do not run along ``bbox``.

    The clipping closes each country along the rectangle; drawn as a border, that edge
    would frame the map with lines no country has.
    """
    segments = list(zip(ring, ring[1:], strict=False))
    cuts = [k for k, (a, b) in enumerate(segments) if on_edge(a, b, bbox)]
    if not cuts:
        return [ring]
    # start just after a cut so that no run wraps around the ring's first point
    segments = segments[cuts[0] + 1 :] + segments[: cuts[0] + 1]
    parts, current = [], []
    for a, b in segments:
        if on_edge(a, b, bbox):
            if len(current) > 1:
                parts.append(current)
            current = []
        else:
            current = current or [a]
            current.append(b)
    if len(current) > 1:
        parts.append(current)
    return parts


def rounded(points: list) -> list:
    """Round to :data:`DECIMALS` and drop the repeats that rounding makes."""
    out: list = []
    for x, y in points:
        p = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def bbox_of(rings) -> tuple:
    xs = [p[0] for ring in rings for p in ring]
    ys = [p[1] for ring in rings for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def overlaps(box: tuple, other: tuple) -> bool:
    return not (box[2] < other[0] or box[0] > other[2] or box[3] < other[1] or box[1] > other[3])


# --- layers ---------------------------------------------------------------------------------


def polygons_of(geometry: dict) -> list:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    return []


def lines_of(geometry: dict) -> list:
    if geometry["type"] == "LineString":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiLineString":
        return geometry["coordinates"]
    return []


def country_features(collection: dict) -> list[dict]:
    features = []
    for feature in collection["features"]:
        properties = feature["properties"]
        polygons = []
        for polygon in polygons_of(feature["geometry"]):
            if not overlaps(bbox_of(polygon[:1]), BBOX):
                continue
            rings = []
            for ring in polygon:
                ring = rounded(clip_ring(simplify(ring, TOLERANCE["country"]), BBOX))
                if len(ring) >= 4:  # a closed ring has at least 3 distinct corners
                    rings.append(ring)
                elif not rings:
                    break  # the outer ring vanished: skip its holes too
            if rings:
                polygons.append(rings)
        if not polygons:
            continue
        iso = prop(properties, "ISO_A2")
        if iso in (None, "-99"):
            iso = prop(properties, "ADM0_A3")
        common = {"iso": iso, "name": prop(properties, "NAME"), "member": iso in MEMBERS}
        geometry = (
            {"type": "Polygon", "coordinates": polygons[0]}
            if len(polygons) == 1
            else {"type": "MultiPolygon", "coordinates": polygons}
        )
        lines = [part for rings in polygons for ring in rings for part in outline(ring, BBOX)]
        features.append(
            {"type": "Feature", "properties": {"kind": "country", **common}, "geometry": geometry}
        )
        features.append(
            {
                "type": "Feature",
                "properties": {"kind": "border", **common},
                "geometry": {"type": "MultiLineString", "coordinates": lines},
            }
        )
    # fills first, then the borders, the six countries' last so their lines stay on top
    order = {"country": 0, "border": 1}
    features.sort(
        key=lambda f: (
            order[f["properties"]["kind"]],
            f["properties"]["kind"] == "border" and f["properties"]["member"],
            not f["properties"]["member"],
            f["properties"]["iso"],
        )
    )
    return features


def river_features(collection: dict) -> list[dict]:
    lines = []
    for feature in collection["features"]:
        if prop(feature["properties"], "name") not in RIVERS:
            continue
        for line in lines_of(feature["geometry"]):
            for part in clip_line(simplify(line, TOLERANCE["river"]), BBOX):
                part = rounded(part)
                if len(part) > 1:
                    lines.append(part)
    if not lines:
        return []
    lines.sort()
    return [
        {
            "type": "Feature",
            "properties": {"kind": "river", "name": "Lancang-Mekong"},
            "geometry": {"type": "MultiLineString", "coordinates": lines},
        }
    ]


def build(countries: dict, rivers: dict | None) -> dict:
    return {
        "type": "FeatureCollection",
        "bbox": list(BBOX),
        "features": country_features(countries) + (river_features(rivers) if rivers else []),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--countries", required=True, type=Path, help="Natural Earth 1:50m admin-0 countries"
    )
    parser.add_argument(
        "--rivers", type=Path, help="Natural Earth 1:10m rivers and lake centrelines (optional)"
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    countries = json.loads(args.countries.read_text(encoding="utf-8"))
    rivers = json.loads(args.rivers.read_text(encoding="utf-8")) if args.rivers else None
    collection = build(countries, rivers)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    names = [
        f["properties"].get("iso") or "river"
        for f in collection["features"]
        if f["properties"]["kind"] != "border"
    ]
    print(f"{args.out}: {len(text.encode()) / 1024:.0f} kB, countries {' '.join(names)}")


if __name__ == "__main__":
    main()
