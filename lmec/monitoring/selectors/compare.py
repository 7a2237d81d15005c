"""Stations or countries side by side over a period, under one standard."""

from __future__ import annotations


def compare(*, stations=(), countries=(), standard: str, start, end) -> dict:
    """Daily AQI distribution, mean AQI and mean concentrations of each station or country."""
    raise NotImplementedError
