"""Values below the detection limit ("<DL") in lmec.quality.water.classify.

A censored value lies in [0, DL). The class is certain where every value of that interval
meets the class's limit; otherwise it is undetermined, and the standard's rule says which
class to report: "dl" (the worst class the interval allows, NEB No. 8 and QCVN 08) or
"half_dl" (the class of DL/2, China's 2020 statistics rule, 环办监测函〔2020〕82号 item 7).
"""

import doctest

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lmec.quality import water
from lmec.quality.water import _core

CN = "cn-gb3838-2002"
TH = "th-neb8-1994"
VN = "vn-qcvn08-2023"


def classes(result, name):
    return result.per_parameter[name].tolist()


def test_it_keeps_the_old_results_when_nothing_is_censored():
    values = {"do": [6.2, 1.5], "nh3_n": [0.8, 2.5], "tp": [0.25, 0.1]}
    result = water.classify(CN, values)
    assert result.overall.tolist() == ["IV", "worse_than_V"]
    assert result.limiting.tolist() == ["tp", "do"]
    assert result.censored == {} and result.undetermined == {}
    # an all-False mask changes nothing either
    masked = water.classify(CN, values, censored={"tp": [False, False]})
    assert masked.overall.tolist() == result.overall.tolist()
    assert masked.undetermined["tp"].tolist() == [False, False]


def test_it_takes_each_standards_documented_rule_by_default():
    assert water.STANDARDS[CN].censored_rule == "half_dl"
    assert "环办监测函〔2020〕82号" in water.STANDARDS[CN].censored_source
    assert water.STANDARDS[TH].censored_rule == "dl"
    assert water.STANDARDS[VN].censored_rule == "dl"
    assert water.STANDARDS[TH].censored_source == ""  # no documented rule was found


def test_it_meets_every_class_when_the_detection_limit_is_below_the_best_limit():
    # NH3-N < 0.025 mg/L: below the class I limit 0.15, so class I whatever the rule
    for rule in water.CENSORED_RULES:
        r = water.classify(CN, {"nh3_n": 0.025}, censored={"nh3_n": True}, censored_rule=rule)
        assert str(r.per_parameter["nh3_n"]) == "I"
        assert not r.undetermined["nh3_n"]


def test_it_reports_no_better_than_the_class_whose_limit_is_at_or_above_dl():
    # mercury < 0.0001 mg/L: classes I and II need <= 0.00005, class III <= 0.0001
    r = water.classify(CN, {"hg": 0.0001}, censored={"hg": True}, censored_rule="dl")
    assert str(r.per_parameter["hg"]) == "III"
    assert bool(r.undetermined["hg"])
    # China's rule: DL/2 = 0.00005 meets class I (<= 0.00005)
    r = water.classify(CN, {"hg": 0.0001}, censored={"hg": True})
    assert str(r.per_parameter["hg"]) == "I"
    assert bool(r.undetermined["hg"])  # the measurement still cannot decide it
    assert r.censored_rule == "half_dl"


def test_it_uses_the_lake_limits_for_a_censored_lake_value():
    # total phosphorus < 0.02: rivers class I (<= 0.02) for sure; lakes I <= 0.01, II <= 0.025
    river = water.classify(CN, {"tp": 0.02}, censored={"tp": True}, censored_rule="dl")
    assert str(river.per_parameter["tp"]) == "I" and not river.undetermined["tp"]
    lake = water.classify(
        CN, {"tp": 0.02}, waterbody="lake", censored={"tp": True}, censored_rule="dl"
    )
    assert str(lake.per_parameter["tp"]) == "II" and bool(lake.undetermined["tp"])
    half = water.classify(CN, {"tp": 0.02}, waterbody="lake", censored={"tp": True})
    assert str(half.per_parameter["tp"]) == "I"  # 0.01 <= 0.01


def test_it_fails_lower_limits_above_the_detection_limit():
    # dissolved oxygen below a detection limit of 0.5 mg/L: below every class's minimum
    for rule in water.CENSORED_RULES:
        r = water.classify(CN, {"do": 0.5}, censored={"do": True}, censored_rule=rule)
        assert str(r.per_parameter["do"]) == "worse_than_V"
        assert not r.undetermined["do"]
    # an (implausibly) high DO detection limit: anything from class I to worse than V
    r = water.classify(CN, {"do": 8.0}, censored={"do": True}, censored_rule="dl")
    assert str(r.per_parameter["do"]) == "worse_than_V" and bool(r.undetermined["do"])


def test_it_sets_the_overall_class_from_the_censored_class():
    values = {"do": 7.8, "nh3_n": 0.1, "hg": 0.0001}
    r = water.classify(CN, values, censored={"hg": True}, censored_rule="dl")
    assert str(r.overall) == "III" and str(r.limiting) == "hg"
    r = water.classify(CN, values, censored={"hg": True})
    assert str(r.overall) == "I"


def test_it_classifies_arrays_with_a_mask_per_sample():
    r = water.classify(
        VN,
        {"tp": [0.05, 0.2, 0.2, 0.6]},
        censored={"tp": [False, True, False, True]},
    )
    # 0.05 measured: A; <0.2: A (0) to B (0.2), reported B; 0.2 measured: B; <0.6: A..D -> D
    assert classes(r, "tp") == ["A", "B", "B", "D"]
    assert r.undetermined["tp"].tolist() == [False, True, False, True]
    assert r.censored["tp"].tolist() == [False, True, False, True]


def test_it_broadcasts_a_scalar_mask():
    r = water.classify(TH, {"cn": [0.001, 0.01]}, censored={"cn": True})
    assert classes(r, "cn") == ["2", "5"]
    assert r.undetermined["cn"].tolist() == [False, True]


def test_it_does_not_classify_a_censored_value_without_a_limit():
    r = water.classify(CN, {"pb": [float("nan"), -1.0]}, censored={"pb": True})
    assert classes(r, "pb") == ["", ""]
    assert r.undetermined["pb"].tolist() == [False, False]
    assert r.overall.tolist() == ["", ""]


def test_it_reads_cadmium_below_the_detection_limit_with_the_hardness():
    # NEB No. 8 cadmium: 0.005 (hardness <= 100), 0.05 (hardness > 100 mg/L CaCO3)
    hard = water.classify(TH, {"cd": 0.01, "hardness": 150}, censored={"cd": True})
    assert str(hard.per_parameter["cd"]) == "2" and not hard.undetermined["cd"]
    soft = water.classify(TH, {"cd": 0.01, "hardness": 50}, censored={"cd": True})
    assert str(soft.per_parameter["cd"]) == "5" and bool(soft.undetermined["cd"])


def test_it_names_what_is_wrong_with_a_bad_mask_or_rule():
    with pytest.raises(ValueError, match="censored names 'tp', which has no value"):
        water.classify(CN, {"do": 6}, censored={"tp": True})
    with pytest.raises(ValueError, match="choose one of: dl, half_dl"):
        water.classify(CN, {"do": 6}, censored={"do": True}, censored_rule="zero")


def test_its_docstring_examples_run():
    failures, tried = doctest.testmod(water, raise_on_error=False)[:2]
    assert tried >= 5 and failures == 0


_UPPER = [
    (sid, pid)
    for sid, standard in water.STANDARDS.items()
    for pid, parameter in standard.parameters.items()
    if parameter.direction == water.UPPER and "river" in parameter.limits
]


@given(
    case=st.sampled_from(_UPPER),
    dl=st.floats(min_value=0, max_value=1e5, allow_nan=False, allow_infinity=False),
)
def test_it_brackets_the_class_of_any_upper_limit_parameter(case, dl):
    sid, pid = case
    standard = water.STANDARDS[sid]
    parameter = standard.parameters[pid]
    n = len(standard.classes)

    def rank(value):
        return int(_core.class_ranks(parameter, np.array(value), "river", n))

    bound = water.classify(sid, {pid: dl}, censored={pid: True}, censored_rule="dl")
    half = water.classify(sid, {pid: dl}, censored={pid: True}, censored_rule="half_dl")
    # "dl": exactly the class of a measured DL (its limit is at or above DL)
    assert int(bound.ranks[pid]) == rank(dl)
    # "half_dl" is never worse than the bound and never better than a value of 0
    assert rank(0.0) <= int(half.ranks[pid]) <= int(bound.ranks[pid])
    assert bool(bound.undetermined[pid]) == (rank(0.0) != rank(dl))
