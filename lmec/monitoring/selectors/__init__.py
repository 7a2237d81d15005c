"""Reads of the monitoring hub, for pages, the API and exports (``from lmec.monitoring import
selectors``).

One module per topic: :mod:`.standards` (the AQI and water standards as the reader sees
them), :mod:`.stations`, :mod:`.series` (measurements and daily values), :mod:`.aqi`
(daily, hourly and latest indices), :mod:`.statistics` (exceedances, completeness, trend)
and :mod:`.compare`; :mod:`.water` (sampling sites and their classes). All take plain arguments and return plain dicts and lists, with texts in
the active language; a missing station raises ``Station.DoesNotExist``, a bad argument
``ValueError`` naming the valid choices.
"""

from ._common import same_stations
from .aqi import (
    BASIS_NOTES,
    MAX_DAILY_DAYS,
    MAX_HOURLY_DAYS,
    daily_aqi,
    default_standard,
    hourly_aqi,
    latest_aqi,
    standard_basis,
)
from .compare import compare
from .series import MAX_LIMIT, daily_series, daily_series_of, last_hourly, measurements
from .standards import (
    aqi_standard_list,
    breakpoint_tables,
    category_out,
    comparison,
    ink_for,
    water_reference,
)
from .stations import station_detail, station_list
from .statistics import completeness, exceedances, trend, trends
from .water import (
    water_classes,
    water_history_table,
    water_legend,
    water_site_detail,
    water_site_list,
)

__all__ = [
    "BASIS_NOTES",
    "MAX_DAILY_DAYS",
    "MAX_HOURLY_DAYS",
    "MAX_LIMIT",
    "aqi_standard_list",
    "breakpoint_tables",
    "category_out",
    "compare",
    "comparison",
    "same_stations",
    "completeness",
    "daily_aqi",
    "daily_series",
    "daily_series_of",
    "default_standard",
    "exceedances",
    "hourly_aqi",
    "ink_for",
    "last_hourly",
    "latest_aqi",
    "measurements",
    "standard_basis",
    "station_detail",
    "station_list",
    "trend",
    "trends",
    "water_classes",
    "water_history_table",
    "water_legend",
    "water_reference",
    "water_site_detail",
    "water_site_list",
]
