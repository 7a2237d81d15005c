"""Shapes of the monitoring data API (``/api/v1/monitoring/…``), as the OpenAPI schema gives
them. Concentrations are in each parameter's canonical unit (µg/m³; CO mg/m³; water
parameters mg/L unless ``unit`` says otherwise); times are UTC ISO 8601, dates the
station's local calendar days."""

from __future__ import annotations

from typing import Literal

from ninja import Schema


class StationParameterOut(Schema):
    code: str
    name: str
    unit: str
    reported_unit: str
    method: str


class StationParameterDetailOut(StationParameterOut):
    first_date: str | None
    last_date: str | None


class StationOut(Schema):
    code: str
    name: str
    kind: Literal["air", "water"]
    site_type: str
    country: str
    country_name: str
    latitude: float
    longitude: float
    elevation: float | None
    time_zone: str
    operator: str
    active_from: str | None
    active_to: str | None
    parameters: list[StationParameterOut]


class StationDetailOut(StationOut):
    parameters: list[StationParameterDetailOut]
    source: str
    licence: str
    river: str
    mekong_mainstream: bool


class StationList(Schema):
    language: str
    count: int
    items: list[StationOut]


class PointOut(Schema):
    type: Literal["Point"]
    coordinates: list[float]


class FeatureOut(Schema):
    type: Literal["Feature"]
    geometry: PointOut
    properties: dict


class FeatureCollectionOut(Schema):
    """RFC 7946 GeoJSON; coordinates ``[longitude, latitude]``."""

    type: Literal["FeatureCollection"]
    features: list[FeatureOut]


class MeasurementOut(Schema):
    time: str
    value: float
    unit: str
    censor: str
    flags: list[str]
    raw_value: float
    raw_unit: str


class MeasurementList(Schema):
    station: str
    parameter: str
    averaging: str
    unit: str
    start: str | None
    end: str | None
    count: int
    limit: int
    offset: int
    items: list[MeasurementOut]


class RangeOut(Schema):
    """The days answered: ``start``..``end``; ``next_start`` the first day of the rest when
    the range asked for was longer than one request may cover (``note`` says so)."""

    start: str
    end: str
    next_start: str | None
    note: str | None


class DailyOut(Schema):
    date: str
    mean: float | None
    count: int
    completeness: float
    max_1h: float | None
    max_8h: float | None
    flagged: int


class DailyList(RangeOut):
    station: str
    parameter: str
    unit: str
    count: int
    items: list[DailyOut]


class CategoryBrief(Schema):
    key: str
    name: str
    colour: str
    ink: str


class AqiValues(Schema):
    standard: str
    aqi: int | None
    category: CategoryBrief | None
    dominant: str | None
    sub_indices: dict[str, int | None]


class AqiDayOut(AqiValues):
    date: str


class AqiHourOut(AqiValues):
    time: str


class StandardUsed(Schema):
    id: str
    name: str
    document: str
    basis: Literal["national", "fallback", "chosen"]
    note: str


class AqiList(RangeOut):
    language: str
    station: str
    period: Literal["daily", "hourly"]
    standards: list[StandardUsed]
    count: int
    items: list[AqiDayOut] | list[AqiHourOut]


class LatestOut(AqiValues):
    code: str
    name: str
    country: str
    latitude: float
    longitude: float
    time: str | None
    standard_basis: Literal["national", "fallback", "chosen"]
    standard_note: str


class LatestList(Schema):
    language: str
    count: int
    items: list[LatestOut]


class CompareCategory(CategoryBrief):
    low: int
    high: int | None


class ConcentrationOut(Schema):
    mean: float
    unit: str
    days: int


class CompareItem(Schema):
    kind: Literal["station", "country"]
    code: str
    name: str
    country: str
    stations: int
    station_days: int
    days_with_aqi: int
    mean_aqi: float | None
    max_aqi: int | None
    categories: dict[str, int]
    days_over: dict[str, int]
    dominant: dict[str, int]
    concentrations: dict[str, ConcentrationOut]


class CompareOut(RangeOut):
    language: str
    standard: str
    standard_name: str
    document: str
    days: int
    categories: list[CompareCategory]
    items: list[CompareItem]


class ExceedanceOut(Schema):
    limit_set: str
    limit_set_name: str
    verified: bool
    pollutant: str
    averaging: str
    limit: float
    unit: str
    start: str
    end: str
    days_with_data: int
    exceedances: int | None
    hours_with_data: int | None
    hours_above: int | None
    annual_mean: float | None
    annual_exceeded: bool | None


class CompletenessOut(Schema):
    parameter: str
    name: str
    unit: str
    days: int
    days_with_data: int
    valid_days: int
    valid_hours: int
    flagged_hours: int
    share: float | None


class MonthlyMean(Schema):
    month: str
    mean: float | None


class TrendOut(Schema):
    parameter: str
    unit: str
    years: int
    months: int
    first_month: str | None
    last_month: str | None
    monthly: list[MonthlyMean]
    trend: str | None
    significant: bool | None
    p: float | None
    z: float | None
    tau: float | None
    s: float | None
    slope_per_year: float | None
    reason: str | None


class StatisticsOut(Schema):
    language: str
    station: str
    year: int
    exceedances: list[ExceedanceOut]
    completeness: list[CompletenessOut]
    trends: list[TrendOut]
