"""``POST /api/v1/monitoring/measurements``: data providers push batches with an API key.

The batch goes through the same ingest as a file (:func:`lmec.monitoring.ingest.ingest_records`):
the same validation, units, QA/QC and storage. It is idempotent: sending a batch again
changes nothing (the answer counts the rows as unchanged), so a logger may retry freely.
A batch with a bad row is refused whole with the row report (HTTP 422), unless
``skip_invalid`` is set.
"""

from __future__ import annotations

from typing import Annotated

from django.utils import translation
from ninja import Query, Router, Schema, Status
from ninja.security import APIKeyHeader
from pydantic import Field, WithJsonSchema

from lmec.core.api import LANG_PATTERN, ErrorOut, ValidationErrorOut, requested_language
from lmec.core.i18n import LANGUAGE_CODES

from .. import services
from ..ingest import ingest_records, reasons

MAX_BATCH = 10_000
#: Row errors returned in one answer (the upload keeps the full report).
MAX_ERRORS_SHOWN = 1_000

router = Router(tags=["monitoring: push"])

#: ``?lang=`` of the push: unlike reads, the default is English whatever Accept-Language
#: says, so that a logger's scripts see the same ``reason`` everywhere.
ReasonLang = Annotated[
    str | None,
    WithJsonSchema(
        {
            "type": "string",
            "pattern": LANG_PATTERN,
            "description": "Language of each error's `reason`: "
            + ", ".join(LANGUAGE_CODES)
            + " (default: English; `code` and `params` are the same in every language).",
        }
    ),
    Query(None),
]


class ApiKeyAuth(APIKeyHeader):
    """A data provider's key in the ``X-API-Key`` header."""

    param_name = "X-API-Key"

    def authenticate(self, request, key):
        return services.authenticate_api_key(key)


class MeasurementIn(Schema):
    """One value, as one row of the long table."""

    station: str = Field(..., description="Station code", examples=["TH-05T"])
    parameter: str = Field(..., description="Parameter id (pm25, pm10, so2, no2, co, o3, …)")
    unit: str = Field(..., description="Unit as reported: µg/m³, ug/m3, mg/m3, ppb, ppm, mg/L…")
    time: str = Field(
        ...,
        description="Start of the averaging period, ISO 8601; without an offset it is read "
        "in the station's time zone",
        examples=["2026-11-30T14:00:00+07:00"],
    )
    value: float | str = Field(
        ..., description="A number, or `<DL` below the detection limit, `>X` above range"
    )
    averaging: str | None = Field(None, description="1h (default for air), 8h, 24h or grab")
    flag: str | None = Field(None, description="Provider's validity flag (see the ingest docs)")


class BatchIn(Schema):
    measurements: list[MeasurementIn] = Field(..., min_length=1, max_length=MAX_BATCH)
    skip_invalid: bool = Field(
        False, description="Store the valid rows and report the invalid ones, instead of refusing"
    )


class RowErrorOut(Schema):
    row: int = Field(..., description="Position in `measurements`, from 1")
    column: str
    value: str
    reason: str = Field(..., description="Why, in English or in the language of `?lang=`")
    code: str = Field(
        ..., description="The reason as a stable code (`unit_unknown`, `time_future`, …)"
    )
    params: dict[str, str | int | list[str]] = Field(
        ..., description="The values the reason names (station code, unit, …)"
    )


class IngestOut(Schema):
    upload: int
    status: str
    rows_read: int
    stored: int
    replaced: int
    unchanged: int
    flagged: int
    refused: int
    errors: list[RowErrorOut]


@router.post(
    "/measurements",
    auth=ApiKeyAuth(),
    response={200: IngestOut, 400: ErrorOut, 401: ErrorOut, 422: IngestOut | ValidationErrorOut},
    summary="Push a batch of measurements (data providers, API key)",
    openapi_extra={
        "responses": {
            400: {"description": "Unknown language in `lang`"},
            401: {"description": "Missing, unknown or revoked API key"},
            422: {
                "description": "Refused: the batch has invalid rows (nothing stored), or the "
                "body does not match the schema"
            },
        }
    },
)
def push_measurements(request, batch: BatchIn, lang: ReasonLang = None):
    """Store a batch of measurements for the key's stations. Re-sending is harmless."""
    language = "en" if lang is None else requested_language(request, lang)
    key = request.auth
    result = ingest_records(
        [m.dict() for m in batch.measurements],
        user=key.user,
        api_key=key,
        skip_invalid=batch.skip_invalid,
        allowed_stations=services.api_key_station_ids(key),
    )
    errors = [e.as_dict() for e in result.errors[:MAX_ERRORS_SHOWN]]
    if language != "en":
        with translation.override(language):
            errors = [dict(e, reason=reasons.translated(e)) for e in errors]
    body = {"upload": result.upload.id, **result.counts(), "errors": errors}
    return Status(422 if result.status == "refused" else 200, body)
