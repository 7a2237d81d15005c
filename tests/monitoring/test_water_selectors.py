"""Water selectors: sites with their latest class, the class history, censored values."""

import datetime as dt

import pytest

from lmec.monitoring import selectors
from lmec.monitoring.models import Station
from lmec.monitoring.selectors import water as ws
from lmec.quality import water
from tests.monitoring.water_data import make_sites, sample, site

pytestmark = pytest.mark.django_db

CN_LAKE = {
    "code": "CN-L-01",
    "name": "Dianchi",
    "country": "CN",
    "country_name": "China",
    "site_type": "lake",
    "site_type_label": "Lake",
    "river": "",
    "mekong_mainstream": False,
    "latitude": 15.0,
    "longitude": 105.0,
    "time_zone": "Asia/Shanghai",
    "standard": {
        "id": "cn-gb3838-2002",
        "name": "China GB 3838-2002 Environmental quality standards for surface water",
        "document": "GB 3838-2002",
        "table": "Table 1 (basic items)",
        "waterbody": "lake",
        "censored_rule": "A value below the detection limit is classified as half the "
        "detection limit (环办监测函〔2020〕82号, item 7).",
    },
    "notes": [
        "The overall class follows the 2011 evaluation method (环办〔2011〕22号): total "
        "nitrogen and fecal coliform are classified but do not set it."
    ],
    "latest": {
        "date": "2024-05-10",
        "class": {
            "key": "III",
            "rank": 3,
            "name": "Class III",
            "official_name": "Ⅲ类",
            "official_language": "zh-hans",
            "colour": "#3aa655",
            "ink": "#000000",
        },
        "limiting": {"code": "tp", "name": "Total phosphorus"},
        "undetermined": False,
    },
}


def summary(sites):
    return [
        (
            s["code"],
            s["standard"] and s["standard"]["id"],
            s["standard"] and s["standard"]["waterbody"],
            s["latest"] and s["latest"]["date"],
            s["latest"] and s["latest"]["class"] and s["latest"]["class"]["key"],
            s["latest"] and s["latest"]["limiting"] and s["latest"]["limiting"]["code"],
            s["latest"] and s["latest"]["undetermined"],
        )
        for s in sites
    ]


def classes_of(item):
    return {p["code"]: p["class"] and p["class"]["key"] for p in item["parameters"]}


def test_it_lists_every_water_site_with_its_latest_class():
    make_sites()
    assert summary(ws.water_site_list()) == [
        ("KH-M-01", None, None, "2024-03-01", None, None, False),
        ("CN-L-01", "cn-gb3838-2002", "lake", "2024-05-10", "III", "tp", False),
        ("CN-R-01", "cn-gb3838-2002", "river", "2024-06-05", "I", "ph", False),
        ("LA-M-01", None, None, None, None, None, None),
        ("TH-M-01", "th-neb8-1994", "river", "2024-04-02", "5", "cd", True),
        ("VN-L-01", None, None, "2024-02-21", None, None, False),
        ("VN-R-01", "vn-qcvn08-2023", "river", "2024-02-20", "D", "total_coliform", False),
    ]


def test_it_gives_each_site_record_exactly():
    make_sites()
    sites = {s["code"]: s for s in ws.water_site_list()}
    assert sites["CN-L-01"] == CN_LAKE
    assert sites["KH-M-01"]["standard"] is None
    assert sites["KH-M-01"]["notes"] == [
        "This country has no national surface-water standard in the platform, so its sites "
        "are not classified.",
        "The Mekong River Commission's water quality indices are not shown: their method "
        "(target values, formula and class boundaries) could not be read in any accessible "
        "source, and the platform does not compute an index on guessed numbers.",
    ]
    assert sites["VN-L-01"]["notes"] == [
        "Lakes, ponds and lagoons are classified with Table 3 of QCVN 08:2023, which the "
        "platform does not carry yet (levels C and D could not be read in any source)."
    ]
    assert sites["LA-M-01"]["latest"] is None


def test_it_filters_by_country_and_names_the_choices():
    make_sites()
    assert [s["code"] for s in ws.water_site_list(country="CN")] == ["CN-L-01", "CN-R-01"]
    with pytest.raises(ValueError, match="unknown country 'XX'; choose one of: .*KH.*VN"):
        ws.water_site_list(country="XX")


def test_it_reads_the_list_in_a_fixed_number_of_queries(django_assert_max_num_queries):
    make_sites()
    with django_assert_max_num_queries(4):
        assert len(ws.water_site_list()) == 7


def test_it_groups_samples_by_the_sites_local_date():
    make_sites()
    history = ws.water_classes("CN-R-01")
    # 23:30 on 4 June and 00:30 on 5 June (Asia/Shanghai) are one UTC day, two local days
    assert [item["date"] for item in history["items"]] == ["2024-03-05", "2024-06-04", "2024-06-05"]
    assert history["count"] == 3 and history["start"] is None and history["end"] is None


def test_it_classifies_each_parameter_and_the_sample():
    make_sites()
    items = ws.water_classes("CN-R-01")["items"]
    assert classes_of(items[0]) == {
        "do": "II",
        "cod_mn": "II",
        "nh3_n": "II",
        "tp": "III",
        "hg": "I",
        "fecal_coliform": "IV",
    }
    # fecal coliform (IV) is classified but not counted (2011 method): TP sets class III
    assert items[0]["class"]["key"] == "III"
    assert items[0]["limiting"] == {"code": "tp", "name": "Total phosphorus"}
    assert [p["counted"] for p in items[0]["parameters"]] == [True] * 5 + [False]
    assert (items[1]["class"]["key"], items[1]["limiting"]["code"]) == ("IV", "do")
    assert (items[2]["class"]["key"], items[2]["limiting"]["code"]) == ("I", "ph")


def test_it_converts_fecal_coliform_to_gb3838s_per_litre():
    # 1500 per 100 mL = 15,000 per litre: class IV (<= 20,000); read per 100 mL it would be II
    assert ws.unit_factor("fecal_coliform", water.STANDARDS["cn-gb3838-2002"]) == 10.0
    assert ws.unit_factor("fecal_coliform", water.STANDARDS["th-neb8-1994"]) == 1.0
    make_sites()
    item = ws.water_classes("CN-R-01")["items"][0]
    coliform = next(p for p in item["parameters"] if p["code"] == "fecal_coliform")
    assert (coliform["value"], coliform["unit"], coliform["class"]["key"]) == (
        1500.0,
        "MPN/100 mL",
        "IV",
    )


def test_it_converts_every_parameter_of_every_standard():
    from lmec.monitoring import parameters

    for standard in water.STANDARDS.values():
        for code in [*standard.parameters, *standard.auxiliary]:
            if code in parameters.BY_CODE:
                assert ws.unit_factor(code, standard) > 0
    missing = {
        code
        for standard in water.STANDARDS.values()
        for code in standard.parameters
        if code not in parameters.BY_CODE
    }
    assert missing == set()  # every classified parameter can be stored in the hub


def test_it_marks_a_value_below_the_detection_limit():
    make_sites()
    item = ws.water_classes("CN-R-01")["items"][0]
    mercury = next(p for p in item["parameters"] if p["code"] == "hg")
    assert mercury == {
        "code": "hg",
        "name": "Mercury",
        "unit": "mg/L",
        "value": 0.0001,
        "censor": "<",
        "display": "< 0.0001",
        "time": "2024-03-05T01:00:00Z",
        "flags": [],
        "in_standard": True,
        "counted": True,
        # China's rule: DL/2 = 0.00005 meets class I; the DL (0.0001) is above the class I
        # limit, so the measurement itself cannot decide it
        "class": {
            "key": "I",
            "rank": 1,
            "name": "Class I",
            "official_name": "Ⅰ类",
            "official_language": "zh-hans",
            "colour": "#1f5fbf",
            "ink": "#ffffff",
        },
        "undetermined": True,
    }


def test_it_gives_the_worst_class_the_detection_limit_allows_under_neb8():
    make_sites()
    item = ws.water_classes("TH-M-01")["items"][0]
    assert classes_of(item) == {
        "do": "3",
        "bod5": "2",
        "total_coliform": "2",
        "cd": "5",
        "hardness": None,
    }
    cadmium = next(p for p in item["parameters"] if p["code"] == "cd")
    assert (cadmium["display"], cadmium["undetermined"]) == ("< 0.01", True)
    # cadmium < 0.01 sets class 5 and nothing else does: the sample's class is undetermined
    assert (item["class"]["key"], item["limiting"]["code"], item["undetermined"]) == (
        "5",
        "cd",
        True,
    )


def test_it_uses_lake_limits_for_lakes_and_reservoirs():
    for code, site_type in (("CN-X-R", "river"), ("CN-X-L", "lake"), ("CN-X-S", "reservoir")):
        station = site(code, "CN", site_type, zone="Asia/Shanghai")
        sample(station, "2024-05-10 10:00", {"tp": 0.04})
    # TP 0.04: river limits II (<= 0.1); lake and reservoir limits III (<= 0.05)
    latest = {s["code"]: s["latest"]["class"]["key"] for s in ws.water_site_list(country="CN")}
    assert latest == {"CN-X-L": "III", "CN-X-R": "II", "CN-X-S": "III"}


def test_it_leaves_flagged_values_out_of_the_class():
    make_sites()
    item = ws.water_classes("CN-R-01")["items"][1]
    permanganate = next(p for p in item["parameters"] if p["code"] == "cod_mn")
    # CODMn 20 would be worse than V; flagged, it is shown and not classified
    assert (permanganate["flags"], permanganate["class"], permanganate["counted"]) == (
        ["provider"],
        None,
        False,
    )
    assert item["class"]["key"] == "IV"


def test_it_takes_the_later_value_of_a_day_unless_it_is_flagged():
    from lmec.monitoring.parameters import Flag

    station = site("TH-X-01", "TH")
    sample(station, "2024-01-10 08:00", {"do": 6.5, "bod5": 1.0})
    sample(station, "2024-01-10 15:00", {"do": 3.0, "bod5": (9.0, Flag.MANUAL)})
    [item] = ws.water_classes("TH-X-01")["items"]
    # DO: the re-sample (3.0, class 4) supersedes 6.5; BOD: the flagged 9.0 does not
    values = {p["code"]: (p["display"], p["flags"]) for p in item["parameters"]}
    assert values == {"do": ("3", []), "bod5": ("1", [])}
    assert (item["class"]["key"], item["limiting"]["code"]) == ("4", "do")


def test_it_marks_a_value_above_the_range_that_could_be_worse():
    station = site("VN-X-01", "VN", zone="Asia/Ho_Chi_Minh")
    sample(station, "2024-01-10 09:00", {"tp": ">0.2", "do": 6.5})
    item = ws.water_classes("VN-X-01")["items"][0]
    phosphorus = next(p for p in item["parameters"] if p["code"] == "tp")
    # > 0.2: level B at 0.2, but the true value may exceed 0.3 (C) or 0.5 (D)
    assert (phosphorus["class"]["key"], phosphorus["undetermined"]) == ("B", True)
    assert (item["class"]["key"], item["undetermined"]) == ("B", True)
    make_sites()
    can_tho = ws.water_classes("VN-R-01")["items"][0]
    coliform = next(p for p in can_tho["parameters"] if p["code"] == "total_coliform")
    # > 24,000: level D already, the last level: nothing worse is possible
    assert (coliform["display"], coliform["class"]["key"], coliform["undetermined"]) == (
        "> 24000",
        "D",
        False,
    )


def test_it_selects_the_history_by_local_dates():
    make_sites()
    one_day = ws.water_classes("CN-R-01", start=dt.date(2024, 6, 4), end=dt.date(2024, 6, 4))
    assert [i["date"] for i in one_day["items"]] == ["2024-06-04"]
    assert (one_day["start"], one_day["end"], one_day["count"]) == ("2024-06-04", "2024-06-04", 1)
    later = ws.water_classes("CN-R-01", start=dt.date(2024, 6, 5))
    assert [i["date"] for i in later["items"]] == ["2024-06-05"]
    earlier = ws.water_classes("CN-R-01", end=dt.date(2024, 3, 31))
    assert [i["date"] for i in earlier["items"]] == ["2024-03-05"]


def test_it_selects_nothing_when_the_start_is_after_the_end():
    make_sites()
    history = ws.water_classes("CN-R-01", start=dt.date(2024, 6, 5), end=dt.date(2024, 6, 4))
    assert (history["count"], history["items"]) == (0, [])


def test_it_knows_only_water_sites():
    make_sites()
    for code in ("TH-AIR-01", "NO-SUCH"):
        with pytest.raises(Station.DoesNotExist):
            ws.water_classes(code)
        with pytest.raises(Station.DoesNotExist):
            ws.water_site_detail(code)


def test_it_gives_a_sites_latest_sample_in_full():
    make_sites()
    detail = ws.water_site_detail("TH-M-01")
    assert detail["latest"] == ws.water_classes("TH-M-01")["items"][-1]
    assert detail["notes"][-1].startswith("The Mekong River Commission's water quality")
    assert ws.water_site_detail("LA-M-01")["latest"] is None
    # a site without a standard still shows its values, unclassified
    phnom_penh = ws.water_site_detail("KH-M-01")["latest"]
    assert [(p["code"], p["display"], p["class"]) for p in phnom_penh["parameters"]] == [
        ("do", "6", None)
    ]


def test_it_is_read_through_the_selectors_package():
    assert selectors.water_site_list is ws.water_site_list
    assert selectors.water_classes is ws.water_classes
    assert selectors.water_site_detail is ws.water_site_detail


def test_its_legend_has_every_class_with_a_name_meaning_and_colour():
    legend = selectors.water_legend()
    assert [s["id"] for s in legend] == ["cn-gb3838-2002", "th-neb8-1994", "vn-qcvn08-2023"]
    for entry in legend:
        standard = water.STANDARDS[entry["id"]]
        assert [c["key"] for c in entry["classes"]] == list(standard.class_keys)
        for cls in entry["classes"]:
            assert cls["name"] and cls["meaning"] and cls["colour"].startswith("#")
