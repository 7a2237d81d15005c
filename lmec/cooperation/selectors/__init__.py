"""Reads of the cooperation app, one module per part (see :mod:`lmec.cooperation.services`).
The framework registry's selectors are re-exported here for the other apps."""

from .framework import (
    activity_list,
    country_list,
    current_strategy,
    direction_codes,
    direction_list,
    priority_area_list,
    theme_list,
)

__all__ = [
    "activity_list",
    "country_list",
    "current_strategy",
    "direction_codes",
    "direction_list",
    "priority_area_list",
    "theme_list",
]
