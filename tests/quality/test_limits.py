"""lmec.quality.limits: the WHO 2021 and GB 3095-2012 tables exactly, exceedance counting."""

import csv
from pathlib import Path

import numpy as np
import pytest

from lmec.quality import limits

DATA = Path(__file__).parent / "data" / "limits"


def _rows(name):
    with open(DATA / name, encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


WHO_ROWS = _rows("who_2021_table_0_1.csv")
WHO_CELLS = [(row, level) for row in WHO_ROWS for level in ("it1", "it2", "it3", "it4", "aqg")]


@pytest.mark.parametrize(
    ("row", "level"), WHO_CELLS, ids=[f"{r['pollutant']}-{lv}" for r, lv in WHO_CELLS]
)
def test_it_holds_the_who_2021_table_exactly(row, level):
    limit_set = limits.LIMITS[f"who-2021-{level}"]
    if row[level] == "":
        assert row["pollutant"] not in limit_set.entries
        return
    entry = limit_set.entries[row["pollutant"]]
    assert entry.value == float(row[level])
    assert entry.unit == row["unit"]
    assert entry.verified


def test_it_has_no_who_value_beyond_the_table():
    table = {(r["pollutant"], lv) for r, lv in WHO_CELLS if r[lv] != ""}
    held = {
        (pollutant, sid.removeprefix("who-2021-"))
        for sid, limit_set in limits.LIMITS.items()
        if sid.startswith("who-2021-")
        for pollutant in limit_set.entries
    }
    assert held == table


@pytest.mark.parametrize("row", _rows("gb3095_2012_table1.csv"), ids=lambda r: r["pollutant"])
def test_it_holds_gb3095_2012_table_1_exactly(row):
    for grade in (1, 2):
        entry = limits.limit(f"cn-gb3095-2012-grade{grade}", row["pollutant"])
        assert entry.value == float(row[f"grade{grade}"]) and entry.unit == row["unit"]


@pytest.mark.parametrize("row", _rows("gb3095_2026_table1.csv"), ids=lambda r: r["pollutant"])
def test_it_holds_gb3095_2026_table_1_exactly(row):
    # GB 3095-2026, Table 1: transitional limits to 2030 under the plain ids, final ones -2031
    for grade in (1, 2):
        for suffix, column in (("", f"transition_grade{grade}"), ("-2031", f"grade{grade}")):
            entry = limits.limit(f"cn-gb3095-2026-grade{grade}{suffix}", row["pollutant"])
            assert entry.value == float(row[column]) and entry.unit == row["unit"]
            assert entry.verified


def test_it_has_every_gb3095_2026_row_and_no_other():
    pollutants = {row["pollutant"] for row in _rows("gb3095_2026_table1.csv")}
    for grade in (1, 2):
        for suffix in ("", "-2031"):
            assert set(limits.LIMITS[f"cn-gb3095-2026-grade{grade}{suffix}"].entries) == pollutants


def test_it_reads_a_pm25_day_against_gb3095_2026():
    # 55 µg/m³ PM2.5 (24 h): within grade II until 2030 (60), above it from 2031 (50)
    assert not limits.exceedances("cn-gb3095-2026-grade2", "pm25_24h", 55.0)
    assert limits.exceedances("cn-gb3095-2026-grade2-2031", "pm25_24h", 55.0)
    assert limits.exceedances("cn-gb3095-2012-grade2", "pm25_24h", 80.0)


@pytest.mark.parametrize("row", _rows("vn_qcvn05_2023_table1.csv"), ids=lambda r: r["pollutant"])
def test_it_holds_qcvn05_2023_table_1_exactly(row):
    # QCVN 05:2023/BTNMT Table 1: the plain id as in force from 2023, -2026 with note (*)
    for sid, column in (("vn-qcvn05-2023", "value"), ("vn-qcvn05-2023-2026", "value_2026")):
        entry = limits.limit(sid, row["pollutant"])
        assert entry.value == float(row[column] or row["value"])
        assert entry.unit == row["unit"]


def test_it_has_every_qcvn05_2023_row_and_no_other():
    pollutants = {row["pollutant"] for row in _rows("vn_qcvn05_2023_table1.csv")}
    for sid in ("vn-qcvn05-2023", "vn-qcvn05-2023-2026"):
        assert set(limits.LIMITS[sid].entries) == pollutants


def test_it_applies_vietnams_2026_pm25_value():
    # 48 µg/Nm³ PM2.5 (24 h): within 50 until 2025, above 45 from 1 January 2026
    assert not limits.exceedances("vn-qcvn05-2023", "pm25_24h", 48.0)
    assert limits.exceedances("vn-qcvn05-2023-2026", "pm25_24h", 48.0)


def test_it_uses_thailands_2023_pm25_standard():
    assert limits.limit("th-ambient-2023", "pm25_24h").value == 37.5
    assert limits.limit("th-ambient-2023", "pm25_annual").value == 15


def test_it_flags_exceedances_strictly_above_the_limit_and_never_for_nan():
    values = [14.9, 15.0, 15.0001, np.nan, 80.0]
    got = limits.exceedances("who-2021-aqg", "pm25_24h", values)
    assert got.dtype == bool
    assert got.tolist() == [False, False, True, False, True]


def test_it_counts_exceedances_and_skips_missing_values():
    days = np.array([[10, 20, np.nan, 16], [np.nan, np.nan, np.nan, np.nan]])
    assert limits.count_exceedances("who-2021-aqg", "pm25_24h", days) == 2
    assert limits.count_exceedances("who-2021-aqg", "pm25_24h", days, axis=-1).tolist() == [2, 0]


def test_it_keeps_the_shape_of_its_input():
    assert limits.exceedances("cn-gb3095-2012-grade2", "pm25_24h", 80.0).shape == ()
    assert limits.exceedances("cn-gb3095-2012-grade2", "co_1h", np.full((3, 2), 11.0)).all()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: limits.exceedances("who-2022-aqg", "pm25_24h", 1), "who-2021-aqg"),
        (lambda: limits.exceedances("who-2021-it4", "so2_24h", 1), "pm25_24h"),
        (lambda: limits.count_exceedances("mm-neqeg-2015", "co_8h", [1]), "no2_annual"),
    ],
)
def test_it_names_the_valid_choices_in_its_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_it_says_where_every_value_came_from():
    countries = {s.country for s in limits.LIMITS.values()}
    assert countries == {"WHO", "CN", "TH", "VN", "KH", "LA", "MM"}
    for sid, limit_set in limits.LIMITS.items():
        assert limit_set.id == sid and limit_set.source and limit_set.entries
        for pollutant, entry in limit_set.entries.items():
            assert pollutant == entry.pollutant and pollutant in limits.POLLUTANTS
            assert entry.value > 0 and entry.unit and entry.source
            assert isinstance(entry.verified, bool)
            assert entry.averaging


def test_it_marks_what_could_not_be_verified():
    assert limits.LIMITS["who-2021-aqg"].verified
    assert limits.LIMITS["cn-gb3095-2012-grade2"].verified
    assert limits.LIMITS["cn-gb3095-2026-grade2"].verified
    assert not limits.LIMITS["kh-subdecree42-2000"].verified
    assert not limits.limit("la-nes-2017", "pm25_24h").verified
    assert limits.limit("vn-qcvn05-2023", "so2_1h").verified
    assert limits.LIMITS["vn-qcvn05-2023"].verified
