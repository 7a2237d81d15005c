"""Reading files into batches of text columns: CSV streamed in blocks, XLSX per sheet.

A reader yields polars DataFrames of strings (every cell as the file wrote it) with a
``row`` column: the data-row number, 1 for the first row under the header. Blank lines are
dropped but keep their number, so row numbers match what a spreadsheet shows (minus the
header). CSV is read in blocks of :data:`BLOCK_BYTES`, cut at line ends outside quotes, so
a file of any size takes the memory of one block, never its whole text.

Formats are a registry (:data:`READERS`): ``long``, ``wide`` (with a mapping, see
:mod:`.mapping`) and ``openaq`` (:mod:`.openaq`) share one shape, :class:`Source`.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from .errors import IngestError

BLOCK_BYTES = 32 * 1024 * 1024
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
LONG_REQUIRED = ("station", "parameter", "unit", "time", "value")
LONG_OPTIONAL = ("averaging", "flag")
SEPARATORS = (",", ";", "\t")


@dataclass
class Source:
    """What a reader gives the ingest: raw batches and how to read them.

    ``batches`` yields text frames with the long-table columns (``station, parameter,
    unit, time, value`` and optionally ``averaging, flag, column, zone``) and ``row``.
    ``names`` maps long-table column names to the file's own, for messages.
    """

    format: str
    batches: Iterator[pl.DataFrame]
    names: dict[str, str] = field(default_factory=dict)
    decimal_comma: bool = False
    time_formats: tuple | None = None
    period_ending: bool = False


def is_excel(path: Path) -> bool:
    if path.suffix.lower() in EXCEL_SUFFIXES:
        return True
    with open(path, "rb") as fh:
        magic = fh.read(8)
    return magic.startswith(b"PK\x03\x04") or magic.startswith(b"\xd0\xcf\x11\xe0")


# --- CSV -----------------------------------------------------------------------------------


@dataclass
class CsvHeader:
    names: list[str]  # as the file spells them
    separator: str
    offset: int  # bytes before the first data line


def read_csv_header(path: Path, separator: str | None = None) -> CsvHeader:
    """The header line: column names, the separator (``,``, ``;`` or tab) and where data
    starts. A UTF-8 byte-order mark is skipped; UTF-16 and other encodings are refused."""
    with open(path, "rb") as fh:
        head = fh.read(64 * 1024)
    if not head.strip():
        raise IngestError("file_empty")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise IngestError("file_utf16")
    start = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
    end = head.find(b"\n", start)
    line = head[start : end if end >= 0 else len(head)]
    try:
        text = line.decode("utf-8").rstrip("\r")
    except UnicodeDecodeError:
        raise IngestError("header_not_utf8") from None
    if separator is None:
        separator = max(SEPARATORS, key=text.count)
    names = _unique(next(iter(_csv_rows(text, separator)), []))
    if len(names) < 2:
        raise IngestError("header_no_columns")
    offset = end + 1 if end >= 0 else len(head)
    return CsvHeader(names=names, separator=separator, offset=offset)


def _unique(names: list[str]) -> list[str]:
    """Header names made unique (polars needs that): an empty or repeated name gets its
    column number."""
    seen: set[str] = set()
    out = []
    for number, name in enumerate(names, 1):
        if not name.strip() or name in seen:
            name = f"{name.strip() or 'column'} ({number})"
        seen.add(name)
        out.append(name)
    return out


def _csv_rows(text: str, separator: str):
    import csv

    return csv.reader(io.StringIO(text), delimiter=separator)


def csv_batches(
    path: Path, header: CsvHeader, *, block_bytes: int | None = None
) -> Iterator[pl.DataFrame]:
    """The data rows of a CSV file, block by block, every cell as text."""
    block_bytes = block_bytes or BLOCK_BYTES
    row = 1
    carry = b""
    with open(path, "rb") as fh:
        fh.seek(header.offset)
        while True:
            block = fh.read(block_bytes)
            data = carry + block
            if not data:
                return
            if block:
                cut = _cut(data)
                if cut < 0:  # one record longer than the block: read on
                    carry = data
                    continue
                chunk, carry = data[: cut + 1], data[cut + 1 :]
            else:
                chunk, carry = data, b""
            frame = _parse_block(chunk, header, row)
            row += frame.height
            frame = frame.filter(~pl.all_horizontal(pl.exclude("row").is_null()))
            if frame.height:
                yield frame
            if not block:
                return


def _cut(data: bytes) -> int:
    """Position of the last newline of ``data`` that is outside quotes, or -1."""
    cut = data.rfind(b"\n")
    while cut >= 0 and data.count(b'"', 0, cut + 1) % 2:
        cut = data.rfind(b"\n", 0, cut)
    return cut


def _parse_block(chunk: bytes, header: CsvHeader, first_row: int) -> pl.DataFrame:
    try:
        frame = pl.read_csv(
            chunk,
            has_header=False,
            new_columns=header.names,
            separator=header.separator,
            infer_schema=False,
            raise_if_empty=False,
        )
    except pl.exceptions.ComputeError as exc:
        raise _csv_problem(chunk, header, first_row, str(exc)) from None
    if frame.width != len(header.names):  # an empty chunk
        frame = pl.DataFrame(schema=dict.fromkeys(header.names, pl.String))
    return frame.with_row_index("row", first_row).with_columns(pl.col("row").cast(pl.Int64))


def _csv_problem(chunk: bytes, header: CsvHeader, first_row: int, message: str) -> IngestError:
    """Say which row polars could not read, found again with Python's csv module."""
    if "utf-8" in message.lower() or "utf8" in message.lower():
        text = chunk.decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), first_row):
            if "\ufffd" in line:
                return IngestError("row_not_utf8", row=number)
        return IngestError("file_not_utf8_csv")
    text = chunk.decode("utf-8", errors="replace")
    for number, cells in enumerate(_csv_rows(text, header.separator), first_row):
        if len(cells) > len(header.names):
            return IngestError(
                "row_too_many_fields", row=number, fields=len(cells), columns=len(header.names)
            )
    return IngestError("csv_unreadable", detail=message.splitlines()[0])


# --- XLSX ----------------------------------------------------------------------------------


def read_excel(path: Path, sheet: str | int | None = None) -> pl.DataFrame:
    """A sheet as text columns with ``row`` (the first sheet unless ``sheet`` is named)."""
    options: dict = {"engine": "calamine", "infer_schema_length": 0, "drop_empty_rows": False}
    if isinstance(sheet, int):
        options["sheet_id"] = sheet
    elif sheet:
        options["sheet_name"] = sheet
    try:
        frame = pl.read_excel(path, **options)
    except Exception as exc:  # calamine raises its own exception types
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "sheet" in text.lower() and isinstance(sheet, int):
            raise IngestError("sheet_number_unknown", sheet=sheet) from None
        if "sheet" in text.lower() and sheet is not None:
            raise IngestError("sheet_unknown", sheet=str(sheet)) from None
        raise IngestError("spreadsheet_unreadable", detail=text) from None
    frame = frame.select(pl.all().cast(pl.String))
    frame = frame.with_row_index("row", 1).with_columns(pl.col("row").cast(pl.Int64))
    return frame.filter(~pl.all_horizontal(pl.exclude("row").is_null()))


def excel_batches(frame: pl.DataFrame, size: int = 500_000) -> Iterator[pl.DataFrame]:
    for offset in range(0, frame.height, size):
        yield frame.slice(offset, size)


# --- long tables ---------------------------------------------------------------------------


def _long_columns(names: list[str]) -> dict[str, str]:
    """Long-table column -> the file's column name; header case and spaces do not matter."""
    found: dict[str, str] = {}
    for name in names:
        key = name.strip().lower()
        if key in (*LONG_REQUIRED, *LONG_OPTIONAL) and key not in found:
            found[key] = name
    missing = [c for c in LONG_REQUIRED if c not in found]
    if missing:
        raise IngestError(
            "long_columns_missing" if len(missing) > 1 else "long_column_missing",
            missing=missing,
            required=list(LONG_REQUIRED),
            optional=list(LONG_OPTIONAL),
            found=[n.strip() for n in names],
        )
    return found


def _as_long(frame: pl.DataFrame, columns: dict[str, str]) -> pl.DataFrame:
    return frame.select("row", *[pl.col(name).alias(key) for key, name in columns.items()])


def read_long(path: Path, *, mapping=None, station=None) -> Source:
    """A long table, CSV or XLSX: one row per value."""
    if is_excel(path):
        sheet = read_excel(path)
        columns = _long_columns([c for c in sheet.columns if c != "row"])
        batches = (_as_long(b, columns) for b in excel_batches(sheet))
        return Source("long", batches, names=_plain(columns))
    header = read_csv_header(path)
    columns = _long_columns(header.names)
    batches = (_as_long(b, columns) for b in csv_batches(path, header))
    return Source(
        "long",
        batches,
        names=_plain(columns),
        decimal_comma=header.separator == ";",
    )


def _plain(columns: dict[str, str]) -> dict[str, str]:
    return {key: name.strip() for key, name in columns.items()}


def _read_wide(path: Path, *, mapping=None, station=None) -> Source:
    from .mapping import read_wide

    return read_wide(path, mapping=mapping, station=station)


def _read_openaq(path: Path, *, mapping=None, station=None) -> Source:
    from .openaq import read_openaq

    return read_openaq(path, mapping=mapping, station=station)


#: Input formats: name -> reader(path, *, mapping, station) -> Source.
READERS: dict[str, Callable[..., Source]] = {
    "long": read_long,
    "wide": _read_wide,
    "openaq": _read_openaq,
}


def detect_format(path: Path, mapping) -> str:
    """``openaq`` for JSON, ``wide`` when a mapping is given, else ``long``."""
    if path.suffix.lower() == ".json":
        return "openaq"
    if mapping is not None and not (isinstance(mapping, dict) and "openaq" in mapping):
        return "wide"
    with open(path, "rb") as fh:
        start = fh.read(64).lstrip(codecs.BOM_UTF8).lstrip()
    return "openaq" if start[:1] in (b"{", b"[") else "long"
