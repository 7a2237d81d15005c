"""Download formats of every list the platform offers (monitoring data, cooperation records,
the directory): one registry, the built-ins registered in it.

A format turns a :class:`Table` (a polars DataFrame with a name and what it describes) into
bytes. CSV, XLSX, Parquet and GeoJSON are registered below with :func:`register`, exactly as
an extension would register its own (say, a NetCDF writer)::

    from lmec.core import exports

    @exports.register("tsv", media_type="text/tab-separated-values")
    def tsv(table):
        return exports.text_frame(table.frame).write_csv(separator="\\t").encode()

and every download endpoint offers it at once (``/stations/TH-05T/export.tsv``). A format
that needs something a table lacks says so with ``can_render`` (GeoJSON needs coordinates).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass

import polars as pl


@dataclass(frozen=True)
class Table:
    """Rows to download: ``frame`` (typed columns), ``name`` (the file name's stem) and
    ``kind`` (``stations``, ``measurements``, ``daily``). ``geometry`` names the longitude
    and latitude columns when each row is a place."""

    name: str
    kind: str
    frame: pl.DataFrame
    geometry: tuple[str, str] | None = None


@dataclass(frozen=True)
class ExportFormat:
    """A registered format: how to write a :class:`Table`, and which tables it can write."""

    name: str
    media_type: str
    extension: str
    render: Callable[[Table], bytes]
    can_render: Callable[[Table], bool]
    description: str = ""
    #: JSON schema of the content for the OpenAPI document (a JSON format's shape)
    schema: dict | None = None


#: Format name -> :class:`ExportFormat`, in the order registered.
FORMATS: dict[str, ExportFormat] = {}


def register(
    name: str,
    *,
    media_type: str,
    extension: str | None = None,
    can_render: Callable[[Table], bool] | None = None,
    description: str = "",
    schema: dict | None = None,
):
    """Register the decorated ``render(table) -> bytes`` as format ``name``.

    ``media_type`` is sent as the Content-Type; ``can_render(table)`` says whether the
    format can write a table (default: any); ``schema`` describes a JSON format's content
    in the OpenAPI document (default: a binary string).
    """

    def decorator(render: Callable[[Table], bytes]) -> Callable[[Table], bytes]:
        FORMATS[name] = ExportFormat(
            name=name,
            media_type=media_type,
            extension=extension or name,
            render=render,
            can_render=can_render or (lambda table: True),
            description=description,
            schema=schema,
        )
        return render

    return decorator


def get(name: str) -> ExportFormat:
    """The format ``name``; ``ValueError`` names the registered ones."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; choose one of: {', '.join(FORMATS)}") from None


def formats_for(table: Table) -> list[str]:
    """Names of the formats that can write ``table``."""
    return [name for name, fmt in FORMATS.items() if fmt.can_render(table)]


def export(table: Table, name: str) -> tuple[bytes, ExportFormat]:
    """``table`` written as format ``name``; ``ValueError`` if the format cannot write it."""
    fmt = get(name)
    if not fmt.can_render(table):
        raise ValueError(
            f"{name} is not available for {table.kind}; choose one of: "
            f"{', '.join(formats_for(table))}"
        )
    return fmt.render(table), fmt


def download(table: Table, name: str, *, stem: str | None = None):
    """``table`` written as format ``name``, as an HTTP attachment named ``<stem>.<ext>``
    (default stem: the table's name); ``ValueError`` as :func:`export`."""
    from django.http import HttpResponse

    content, fmt = export(table, name)
    response = HttpResponse(content, content_type=fmt.media_type)
    response["Content-Disposition"] = f'attachment; filename="{stem or table.name}.{fmt.extension}"'
    return response


def text_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """Columns as text formats write them: times as ISO 8601 UTC (``...Z``), dates ISO."""
    columns = []
    for name, dtype in frame.schema.items():
        if isinstance(dtype, pl.Datetime):
            columns.append(pl.col(name).dt.strftime("%Y-%m-%dT%H:%M:%SZ"))
        elif dtype == pl.Date:
            columns.append(pl.col(name).dt.strftime("%Y-%m-%d"))
        else:
            columns.append(pl.col(name))
    return frame.select(columns)


@register("csv", media_type="text/csv; charset=utf-8", description="Comma-separated values")
def write_csv(table: Table) -> bytes:
    frame = text_frame(table.frame)
    # an empty text is an empty field (polars would write "" to tell it from a null)
    frame = frame.with_columns(
        pl.when(pl.col(name) == "").then(None).otherwise(pl.col(name)).alias(name)
        for name, dtype in frame.schema.items()
        if dtype == pl.String
    )
    return frame.write_csv().encode("utf-8")


#: Rows an XLSX sheet holds (Office Open XML limit) less the header row.
XLSX_MAX_ROWS = 1_048_575


@register(
    "xlsx",
    media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    can_render=lambda table: table.frame.height <= XLSX_MAX_ROWS,
    description="Excel workbook (one sheet; times as ISO 8601 UTC text)",
)
def write_xlsx(table: Table) -> bytes:
    from openpyxl import Workbook

    # write-only mode streams rows instead of building the whole sheet's cell objects
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=table.kind[:31] or "data")
    frame = text_frame(table.frame)
    sheet.append(frame.columns)
    for row in frame.iter_rows():
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@register(
    "parquet",
    media_type="application/vnd.apache.parquet",
    description="Apache Parquet (typed columns; times as UTC timestamps)",
)
def write_parquet(table: Table) -> bytes:
    buffer = io.BytesIO()
    table.frame.write_parquet(buffer)
    return buffer.getvalue()


_FEATURE_COLLECTION = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "geometry", "properties"],
                "properties": {
                    "type": {"const": "Feature"},
                    "geometry": {
                        "type": "object",
                        "properties": {
                            "type": {"const": "Point"},
                            "coordinates": {"type": "array", "items": {"type": "number"}},
                        },
                    },
                    "properties": {"type": "object"},
                },
            },
        },
    },
}


@register(
    "geojson",
    media_type="application/geo+json",
    can_render=lambda table: table.geometry is not None,
    description="GeoJSON FeatureCollection (RFC 7946), one Point per row",
    schema=_FEATURE_COLLECTION,
)
def write_geojson(table: Table) -> bytes:
    return json.dumps(feature_collection(table), ensure_ascii=False).encode("utf-8")


def feature_collection(table: Table) -> dict:
    """The rows of ``table`` as an RFC 7946 FeatureCollection of Points ``[lon, lat]``."""
    lon, lat = table.geometry
    features = []
    for row in text_frame(table.frame).iter_rows(named=True):
        x, y = row.pop(lon), row.pop(lat)
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [x, y]},
                "properties": row,
            }
        )
    return {"type": "FeatureCollection", "features": features}
