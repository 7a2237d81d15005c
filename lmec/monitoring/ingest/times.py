"""Times as files give them: ISO 8601 with an offset (or ``Z``), or local wall-clock time.

A time with an offset is an instant; one without is the wall-clock time of a time zone
(the station's own, unless a mapping names another) and is placed in it, so
``2024-03-01T13:00`` at a Yangon station is 06:30 UTC. ``24:00`` (the end of a day, common in
the region's hourly tables) is read as 00:00 of the next day. Times are kept to the second.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

_AWARE = ("%Y-%m-%dT%H:%M:%S%#z", "%Y-%m-%dT%H:%M%#z", "%Y-%m-%dT%H:%M:%S%.f%#z")
_NAIVE = ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S%.f")
FORMATS = (
    *[(f, True) for f in _AWARE],
    *[(f.replace("T", " "), True) for f in _AWARE],
    *[(f, False) for f in _NAIVE],
    *[(f.replace("T", " "), False) for f in _NAIVE],
    ("%Y-%m-%d", False),
)
_MIDNIGHT_END = r"([T ])24:00(:00)?$"


def _attempt(text: pl.Series, fmt: str, aware: bool) -> pl.Series:
    parsed = text.str.to_datetime(fmt, strict=False, time_unit="us")
    if aware:
        parsed = parsed.dt.convert_time_zone("UTC").dt.replace_time_zone(None)
    return parsed


def parse(text: pl.Series, formats=FORMATS) -> tuple[pl.Series, pl.Series]:
    """Parse ``text`` (strings) into naive datetimes and whether each had an offset.

    Returns ``(times, has_offset)``: ``times`` is UTC where ``has_offset`` is true, local
    wall-clock time where false, null where the text is not a time. Formats are tried in
    the order that fits a sample of the column best, and only while something is still
    unparsed, so a file in one format costs one pass; surrounding spaces are stripped only
    from what failed (stripping every value costs more than parsing it).
    """
    times = pl.repeat(None, text.len(), dtype=pl.Datetime("us"), eager=True)
    offset = pl.repeat(False, text.len(), dtype=pl.Boolean, eager=True)
    times, offset = _parse_into(text, times, offset, formats)
    todo = times.is_null() & text.is_not_null()
    if todo.any():
        stripped = pl.select(pl.when(todo).then(text.str.strip_chars())).to_series()
        times, offset = _parse_into(stripped, times, offset, formats)
        todo = times.is_null() & stripped.str.contains(_MIDNIGHT_END).fill_null(False)
        if todo.any():  # "2024-03-01 24:00": midnight at the end of the day
            index = todo.arg_true()
            early = stripped.gather(index).str.replace(_MIDNIGHT_END, "${1}00:00${2}")
            blank = pl.repeat(None, index.len(), dtype=pl.Datetime("us"), eager=True)
            parsed, aware = _parse_into(early, blank, blank.is_not_null(), formats)
            times = times.scatter(index, parsed.dt.offset_by("1d"))
            offset = offset.scatter(index, aware)
    return times.dt.truncate("1s").alias("time"), offset.alias("offset")


def _parse_into(text, times, offset, formats):
    sample = text.drop_nulls().head(200)
    if not sample.len():
        return times, offset
    ranked = sorted(formats, key=lambda fa: -_attempt(sample, *fa).is_not_null().sum())
    for fmt, aware in ranked:
        todo = times.is_null() & text.is_not_null()
        if not todo.any():
            break
        parsed = _attempt(text, fmt, aware)
        hit = todo & parsed.is_not_null()
        if not hit.any():
            continue
        if hit.all():
            times, offset = parsed, pl.repeat(aware, text.len(), dtype=pl.Boolean, eager=True)
            break
        times = pl.select(pl.when(hit).then(parsed).otherwise(times)).to_series()
        if aware:
            offset = offset | hit
    return times, offset


def localize(times: pl.Series, zones: pl.Series) -> pl.Series:
    """Wall-clock ``times`` in the IANA ``zones`` of each row -> naive UTC.

    A time that does not exist in its zone (skipped by a clock change) becomes null; one
    that happens twice takes the earlier instant.
    """
    out = pl.repeat(None, times.len(), dtype=pl.Datetime("us"), eager=True)
    for zone in zones.drop_nulls().unique().to_list():
        mask = zones == zone
        converted = (
            times.dt.replace_time_zone(zone, ambiguous="earliest", non_existent="null")
            .dt.convert_time_zone("UTC")
            .dt.replace_time_zone(None)
        )
        out = pl.select(pl.when(mask).then(converted).otherwise(out)).to_series()
    return out


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
