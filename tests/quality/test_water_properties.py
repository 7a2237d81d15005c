"""Properties of lmec.quality.water that hold for every table (hypothesis).

More pollutant never gives a better class, more dissolved oxygen never a worse one, and the
overall class is always the worst single-parameter class.
"""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from lmec.quality import water

# (standard, waterbody, parameter) for every classified parameter of every standard
CASES = [
    (sid, waterbody, pid)
    for sid, standard in water.STANDARDS.items()
    for pid, parameter in standard.parameters.items()
    for waterbody in standard.waterbodies
    if waterbody in parameter.limits
]
ONE_DIRECTION = [
    c for c in CASES if water.STANDARDS[c[0]].parameters[c[2]].direction != water.RANGE
]
RANGES = [c for c in CASES if water.STANDARDS[c[0]].parameters[c[2]].direction == water.RANGE]

concentrations = st.floats(min_value=0, max_value=1e6, allow_nan=False)


@settings(max_examples=300)
@given(st.sampled_from(ONE_DIRECTION), concentrations, concentrations)
def test_it_is_monotone_in_concentration(case, a, b):
    sid, waterbody, pid = case
    low, high = sorted((a, b))
    result = water.classify(sid, {pid: [low, high]}, waterbody=waterbody)
    rank_low, rank_high = result.ranks[pid].tolist()
    if water.STANDARDS[sid].parameters[pid].direction == water.LOWER:
        # dissolved oxygen: more is better
        assert rank_high <= rank_low
    else:
        assert rank_low <= rank_high


@settings(max_examples=200)
@given(st.sampled_from(RANGES), st.floats(min_value=0, max_value=14), st.floats(0, 14))
def test_it_is_monotone_in_distance_from_the_ph_range(case, a, b):
    # moving away from neutral (7.25, inside every pH range) never improves the class
    sid, waterbody, pid = case
    near, far = sorted((a, b), key=lambda v: abs(v - 7.25))
    if (near - 7.25) * (far - 7.25) < 0:
        return  # opposite sides: the ranges need not be symmetric
    result = water.classify(sid, {pid: [near, far]}, waterbody=waterbody)
    rank_near, rank_far = result.ranks[pid].tolist()
    assert rank_near <= rank_far


@st.composite
def samples(draw):
    sid = draw(st.sampled_from(sorted(water.STANDARDS)))
    standard = water.STANDARDS[sid]
    waterbody = draw(st.sampled_from(standard.waterbodies))
    pids = draw(
        st.lists(st.sampled_from(sorted(standard.parameters)), min_size=1, max_size=6, unique=True)
    )
    n = draw(st.integers(1, 5))
    values = {
        pid: draw(
            st.lists(
                st.one_of(concentrations, st.just(float("nan")), st.just(-1.0)),
                min_size=n,
                max_size=n,
            )
        )
        for pid in pids
    }
    return sid, waterbody, values


@settings(max_examples=300)
@given(samples())
def test_it_takes_the_worst_parameter_as_the_overall_class(sample):
    sid, waterbody, values = sample
    result = water.classify(sid, values, waterbody=waterbody)
    ranks = np.stack([result.ranks[pid] for pid in values])
    assert np.array_equal(result.overall_rank, ranks.max(axis=0))
    for i, limiting in enumerate(result.limiting):
        if result.overall_rank[i] == 0:
            assert limiting == "" and result.overall[i] == ""
        else:
            assert result.ranks[limiting][i] == result.overall_rank[i]
            assert result.per_parameter[limiting][i] == result.overall[i]


@settings(max_examples=200)
@given(samples(), st.floats(min_value=1.0, max_value=100.0))
def test_it_never_improves_when_a_pollutant_rises(sample, factor):
    sid, waterbody, values = sample
    standard = water.STANDARDS[sid]
    worse = {
        pid: [v * factor if standard.parameters[pid].direction == water.UPPER else v for v in vals]
        for pid, vals in values.items()
    }
    before = water.classify(sid, values, waterbody=waterbody).overall_rank
    after = water.classify(sid, worse, waterbody=waterbody).overall_rank
    assert np.all(after >= before)
