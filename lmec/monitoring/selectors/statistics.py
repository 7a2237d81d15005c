"""Statistics of a station: exceedances of limit values, completeness, trend over the years."""

from __future__ import annotations


def exceedances(code: str, *, year: int) -> list[dict]:
    """Days above the WHO 2021 and national limit values, per pollutant and limit set."""
    raise NotImplementedError


def completeness(code: str, *, year: int) -> list[dict]:
    """Per parameter: days of the year, days with data, valid days and their share."""
    raise NotImplementedError


def trend(code: str, *, parameter: str) -> dict | None:
    """Seasonal Mann-Kendall test with Sen's slope on the monthly means."""
    raise NotImplementedError
