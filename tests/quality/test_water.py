"""lmec.quality.water against the published class tables and worked examples.

The tables under ``tests/quality/data/water/`` are transcribed from the documents (each file
names its source); every class boundary of every parameter is checked: a value at a limit
takes the best class that has that limit, the next representable value beyond it the next
class with a looser limit (or the standard's last class).
"""

import csv
from pathlib import Path

import numpy as np
import pytest

from lmec.quality import water

DATA = Path(__file__).parent / "data" / "water"


def _rows(name):
    with open(DATA / name, encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))


def _limit(text):
    """A CSV cell as a limit: a number, a (low, high) range, or None for "-" (no limit)."""
    if text == "-":
        return None
    if "-" in text:
        low, high = text.split("-")
        return float(low), float(high)
    return float(text)


def _boundary_cases(standard_id, rows, class_columns, first_rank):
    """(standard, waterbody, parameter, value, expected class key) at and beyond each limit."""
    standard = water.STANDARDS[standard_id]
    keys = standard.class_keys
    cases = []
    for row in rows:
        limits = [_limit(row[c]) for c in class_columns]
        waterbody = row.get("waterbody") or "river"
        for k, limit in enumerate(limits):
            if limit is None:
                continue
            here = keys[first_rank - 1 + k]
            # the best class with this same limit is the one a value at the limit gets
            best = next(j for j, other in enumerate(limits) if other == limit)
            at = keys[first_rank - 1 + best]
            # the first class after k whose limit is looser, else the last class
            looser = next(
                (j for j in range(k + 1, len(limits)) if limits[j] is None or limits[j] != limit),
                None,
            )
            beyond = keys[-1] if looser is None else keys[first_rank - 1 + looser]
            pid = row["parameter"]
            direction = row["direction"]
            if direction == "range":
                low, high = limit
                for value, name in ((low, "low"), (high, "high")):
                    # a bound may lie inside a better class's range too (QCVN pH 8.5: A and B)
                    inside = next(j for j, (lo, hi) in enumerate(limits) if lo <= value <= hi)
                    at = keys[first_rank - 1 + inside]
                    cases.append((standard_id, waterbody, pid, value, at, f"{here} {name}"))
                # each side goes to the first later class that is wider on that side
                for side, value in ((0, np.nextafter(low, -np.inf)), (1, np.nextafter(high, np.inf))):  # fmt: skip
                    wider = next(
                        (j for j in range(k + 1, len(limits)) if limits[j][side] != limit[side]),
                        None,
                    )
                    after = keys[-1] if wider is None else keys[first_rank - 1 + wider]
                    cases.append((standard_id, waterbody, pid, value, after, f"{here} out{side}"))
            elif direction == "lower-limit":
                cases.append((standard_id, waterbody, pid, limit, at, f"{here} at"))
                below = np.nextafter(limit, -np.inf)
                cases.append((standard_id, waterbody, pid, below, beyond, f"{here} below"))
            else:
                cases.append((standard_id, waterbody, pid, limit, at, f"{here} at"))
                above = np.nextafter(limit, np.inf)
                cases.append((standard_id, waterbody, pid, above, beyond, f"{here} above"))
    return cases


GB_ROWS = _rows("gb3838_2002_table1.csv")
NEB_ROWS = _rows("th_neb8_1994.csv")
VN_ROWS = _rows("vn_qcvn08_2023_table2.csv")

BOUNDARIES = (
    _boundary_cases("cn-gb3838-2002", GB_ROWS, ["I", "II", "III", "IV", "V"], 1)
    + _boundary_cases("th-neb8-1994", NEB_ROWS, ["class_2", "class_3", "class_4"], 2)
    + _boundary_cases("vn-qcvn08-2023", VN_ROWS, ["A", "B", "C"], 1)
)


@pytest.mark.parametrize(
    ("standard", "waterbody", "parameter", "value", "expected"),
    [case[:5] for case in BOUNDARIES],
    ids=[f"{c[0]}-{c[1]}-{c[2]}-{c[5]}-{c[3]!r}" for c in BOUNDARIES],
)
def test_it_puts_each_class_boundary_in_the_published_class(
    standard, waterbody, parameter, value, expected
):
    result = water.classify(standard, {parameter: value}, waterbody=waterbody)
    assert result.per_parameter[parameter] == expected
    assert result.overall == expected
    assert result.limiting == parameter


def test_it_checks_hundreds_of_boundaries():
    # every limit of every parameter of every implemented table, both sides
    assert len(BOUNDARIES) > 300


@pytest.mark.parametrize(
    ("standard_id", "rows", "columns"),
    [
        ("cn-gb3838-2002", GB_ROWS, ["I", "II", "III", "IV", "V"]),
        ("th-neb8-1994", NEB_ROWS, ["class_2", "class_3", "class_4"]),
        ("vn-qcvn08-2023", VN_ROWS, ["A", "B", "C"]),
    ],
)
def test_it_holds_exactly_the_published_table(standard_id, rows, columns):
    standard = water.STANDARDS[standard_id]
    seen = set()
    for row in rows:
        parameter = standard.parameters[row["parameter"]]
        assert parameter.unit == row["unit"]
        assert parameter.direction == row["direction"]
        waterbody = row.get("waterbody") or "river"
        expected = [_limit(row[c]) for c in columns]
        got = list(parameter.limits[waterbody])
        if standard_id == "th-neb8-1994":
            assert got[0] == water.NATURAL  # class 1: natural conditions only
            got = got[1:]
        got = [None if g == water.ANY else (tuple(g) if isinstance(g, tuple) else g) for g in got]
        assert got == expected, row["parameter"]
        seen.add(row["parameter"])
    assert seen == set(standard.parameters)


def _values(text):
    return {k: float(v) for k, v in (pair.split("=") for pair in text.split(";"))}


EXAMPLES = _rows("worked_examples.csv")


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["why"][:40] for e in EXAMPLES])
def test_it_reproduces_the_worked_examples(example):
    result = water.classify(
        example["standard"], _values(example["values"]), waterbody=example["waterbody"]
    )
    assert result.overall == example["overall"]
    assert result.limiting == example["limiting"]


def test_it_classifies_arrays_element_by_element():
    result = water.classify(
        "cn-gb3838-2002",
        {"do": [8.0, 5.5, 1.0], "nh3_n": [0.1, 1.2, 0.3], "tp": [0.01, 0.15, 0.5]},
    )
    assert list(result.per_parameter["do"]) == ["I", "III", "worse_than_V"]
    assert list(result.per_parameter["nh3_n"]) == ["I", "IV", "II"]
    assert list(result.overall) == ["I", "IV", "worse_than_V"]
    assert list(result.limiting) == ["do", "nh3_n", "do"]
    assert list(result.overall_rank) == [1, 4, 6]
    assert result.ranks["tp"].tolist() == [1, 3, 6]


def test_it_returns_0d_arrays_for_scalars():
    result = water.classify("th-neb8-1994", {"do": 5.0, "bod5": 1.0})
    assert result.overall.shape == () and result.limiting.shape == ()
    assert result.overall == "3" and result.limiting == "do"


def test_it_keeps_the_shape_of_2d_input():
    do = np.array([[7.0, 5.5], [4.0, 1.0]])
    result = water.classify("vn-qcvn08-2023", {"do": do, "bod5": 3.0})
    assert result.overall.shape == (2, 2)
    assert result.overall.tolist() == [["A", "B"], ["C", "D"]]


def test_it_ignores_missing_and_negative_values():
    result = water.classify(
        "cn-gb3838-2002",
        {"do": [np.nan, 7.8, np.nan, -1.0], "nh3_n": [0.6, np.nan, np.nan, -0.2]},
    )
    assert list(result.per_parameter["do"]) == ["", "I", "", ""]
    assert list(result.per_parameter["nh3_n"]) == ["III", "", "", ""]
    assert list(result.overall) == ["III", "I", "", ""]
    assert list(result.limiting) == ["nh3_n", "do", "", ""]
    assert list(result.overall_rank) == [3, 1, 0, 0]


def test_it_accepts_none_as_missing():
    result = water.classify("cn-gb3838-2002", {"cod": [None, 25.0]})
    assert list(result.overall) == ["", "IV"]


def test_it_breaks_ties_by_table_order():
    # COD 25 and BOD5 5 are both class IV; COD (item 5) comes before BOD5 (item 6)
    result = water.classify("cn-gb3838-2002", {"bod5": 5.0, "cod": 25.0})
    assert result.overall == "IV" and result.limiting == "cod"


def test_it_follows_the_2011_evaluation_items_when_asked():
    values = {"do": 6.5, "fecal_coliform": 30000.0, "tn": 2.5}
    everything = water.classify("cn-gb3838-2002", values, waterbody="lake")
    assert everything.overall == "worse_than_V" and everything.limiting == "tn"
    method = water.classify(
        "cn-gb3838-2002", values, waterbody="lake", overall_from=water.CN_2011_ITEMS
    )
    assert method.overall == "II" and method.limiting == "do"
    # the excluded items are still classified on their own
    assert method.per_parameter["fecal_coliform"] == "V"
    assert len(water.CN_2011_ITEMS) == 21


def test_it_uses_lake_limits_for_phosphorus_and_sets_nitrogen_for_lakes_only():
    river = water.classify("cn-gb3838-2002", {"tp": 0.04, "tn": 0.4}, waterbody="river")
    lake = water.classify("cn-gb3838-2002", {"tp": 0.04, "tn": 0.4}, waterbody="lake")
    assert river.per_parameter["tp"] == "II" and lake.per_parameter["tp"] == "III"
    assert river.per_parameter["tn"] == "" and lake.per_parameter["tn"] == "II"


def test_it_never_reaches_neb8_class_1_from_a_measurement():
    result = water.classify(
        "th-neb8-1994", {"do": 14.0, "bod5": 0.0, "nh3_n": 0.0, "total_coliform": 0.0}
    )
    assert {str(v) for v in result.per_parameter.values()} == {"2"}


def test_it_stops_neb8_coliform_at_class_4():
    result = water.classify("th-neb8-1994", {"total_coliform": 1e9, "fecal_coliform": 1e9})
    assert result.overall == "4"


def test_it_reads_neb8_cadmium_against_water_hardness():
    result = water.classify(
        "th-neb8-1994",
        {"cd": [0.004, 0.03, 0.03, 0.06, 0.03], "hardness": [50, 50, 120, 120, np.nan]},
    )
    assert list(result.per_parameter["cd"]) == ["2", "5", "2", "5", "5"]
    assert "hardness" not in result.per_parameter


def test_it_needs_floating_trash_for_qcvn08_tss_level_d():
    result = water.classify(
        "vn-qcvn08-2023", {"tss": [90, 150, 150, 80], "floating_trash": [1, 0, 1, 1]}
    )
    assert list(result.per_parameter["tss"]) == ["B", "C", "D", "B"]


def test_it_gives_qcvn08_ph_level_b_between_6_and_6_5():
    result = water.classify("vn-qcvn08-2023", {"ph": [6.2, 6.5, 8.5, 8.6, 5.9]})
    assert list(result.per_parameter["ph"]) == ["B", "A", "A", "D", "D"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: water.classify("cn-gb3838-2020", {"do": 5}), "cn-gb3838-2002"),
        (lambda: water.classify("cn-gb3838-2002", {"oxygen": 5}), "do"),
        (lambda: water.classify("cn-gb3838-2002", {"do": 5}, waterbody="sea"), "lake"),
        (lambda: water.classify("vn-qcvn08-2023", {"do": 5}, waterbody="lake"), "river"),
        (lambda: water.classify("th-neb8-1994", {"do": 5}, overall_from=["cod"]), "bod5"),
        (lambda: water.classify("th-neb8-1994", {}), "at least one"),
    ],
)
def test_it_names_the_valid_choices_in_its_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_it_describes_every_standard():
    for sid, standard in water.STANDARDS.items():
        assert standard.id == sid
        assert standard.country in {"CN", "TH", "VN"}
        assert standard.source and standard.references and standard.year
        assert [c.rank for c in standard.classes] == list(range(1, len(standard.classes) + 1))
        local = {"CN": "zh-hans", "TH": "th", "VN": "vi"}[standard.country]
        for water_class in standard.classes:
            assert water_class.names["en"] and water_class.names[local]
        for pid, parameter in standard.parameters.items():
            assert pid == parameter.id and pid == pid.lower()
            assert parameter.direction in {water.UPPER, water.LOWER, water.RANGE}
            assert parameter.names["en"] and parameter.names[local]
            assert parameter.unit and parameter.source
            for limits in parameter.limits.values():
                assert len(limits) == len(standard.classes) - 1


def test_it_keeps_the_documented_table_in_docs_in_step_with_the_code():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "water-standards.md").read_text(
        encoding="utf-8"
    )
    assert water.reference_markdown() in doc


def test_it_builds_the_reference_table_rows():
    rows = {row["parameter"]: row for row in water.reference_table(["tp", "cod_mn"])}
    tp = rows["tp"]["standards"]
    assert tp["cn-gb3838-2002"]["river"].startswith("I ≤ 0.02 · II ≤ 0.1")
    assert tp["cn-gb3838-2002"]["lake"].startswith("I ≤ 0.01 · II ≤ 0.025")
    assert tp["vn-qcvn08-2023"] == {"unit": "mg/L", "river": "A ≤ 0.1 · B ≤ 0.3 · C ≤ 0.5", "lake": None}  # fmt: skip
    assert set(rows["cod_mn"]["standards"]) == {"cn-gb3838-2002"}


def test_it_computes_the_neb8_statistic_of_a_stations_samples():
    from lmec.quality.water import neb8

    samples = np.array([[8.0, 7.0, 6.0, 5.0, 4.0, np.nan], [np.nan] * 6])
    do = neb8.statistic("do", samples)
    # 20th percentile of 4..8 (linear): 4 + 0.8 = 4.8; a station without samples gives NaN
    np.testing.assert_allclose(do[0], 4.8, rtol=0, atol=1e-12)
    assert np.isnan(do[1])
    np.testing.assert_allclose(neb8.statistic("bod5", [1.0, 2.0, 3.0, 4.0, 5.0]), 4.2, atol=1e-12)
    assert neb8.statistic("nh3_n", [0.1, 0.7, 0.2]) == 0.7  # no statistic named: every sample
    result = water.classify("th-neb8-1994", {"do": do})
    assert list(result.overall) == ["3", ""]
    with pytest.raises(ValueError, match="bod5"):
        neb8.statistic("cod", [1.0])
