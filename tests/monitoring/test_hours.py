import numpy as np
import pytest

from lmec.monitoring import hours


def test_it_round_trips_a_day_with_missing_hours():
    day = np.arange(24, dtype=float) * 1.5
    day[[3, 17]] = np.nan
    data = hours.pack(day)
    assert len(data) == 96
    np.testing.assert_allclose(hours.unpack(data), day, rtol=1e-7)


def test_it_reads_empty_bytes_as_a_day_without_hours():
    assert np.isnan(hours.unpack(b"")).all()
    assert hours.unpack(None).shape == (24,)


def test_it_refuses_a_day_of_the_wrong_length():
    with pytest.raises(ValueError, match="24 hourly values"):
        hours.pack(np.zeros(23))
    with pytest.raises(ValueError, match="96 bytes"):
        hours.unpack(b"\0" * 95)


def test_it_joins_days_oldest_first():
    a, b = np.zeros(24), np.ones(24)
    joined = hours.unpack_days([hours.pack(a), hours.pack(b)])
    assert joined.shape == (48,)
    assert joined[:24].sum() == 0 and joined[24:].sum() == 24
