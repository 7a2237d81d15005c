"""The 24 hourly values a :class:`~lmec.monitoring.models.DailyValue` keeps, as bytes.

A day's valid hourly values are stored as 24 little-endian float32 (96 bytes), NaN where an
hour is missing or flagged, position ``h`` covering ``[h:00, h+1:00)`` local time. float32
keeps 7 significant digits, more than any analyser reports. Empty bytes mean the day has no
hourly values (a 24-hour mean reported as such).
"""

from __future__ import annotations

import numpy as np

_DTYPE = np.dtype("<f4")
HOURS_PER_DAY = 24


def pack(values) -> bytes:
    """24 hourly values [canonical unit] -> 96 bytes (NaN for a missing hour)."""
    array = np.asarray(values, dtype=float)
    if array.shape != (HOURS_PER_DAY,):
        raise ValueError(f"a day has 24 hourly values, got shape {array.shape}")
    return array.astype(_DTYPE).tobytes()


def unpack(data: bytes | memoryview | None) -> np.ndarray:
    """96 bytes -> 24 float64 values; empty or None -> 24 NaN."""
    if not data:
        return np.full(HOURS_PER_DAY, np.nan)
    data = bytes(data)
    if len(data) != HOURS_PER_DAY * _DTYPE.itemsize:
        raise ValueError(f"expected 96 bytes of hourly values, got {len(data)}")
    return np.frombuffer(data, dtype=_DTYPE).astype(float)


def unpack_days(rows) -> np.ndarray:
    """Several days' bytes -> one array of shape (days * 24,), oldest first."""
    return np.concatenate([unpack(data) for data in rows]) if rows else np.empty(0)
