"""Writing measurements and daily values fast, on SQLite and on PostgreSQL.

Everything runs inside the ingest's one transaction (Django's connection, so ``atomic``
covers it). New keys are inserted without any look-up: on SQLite with ``executemany`` on
the raw ``sqlite3`` connection (times as text, the way Django stores a ``DateTimeField``
there: ``YYYY-MM-DD HH:MM:SS`` in UTC), on PostgreSQL with ``COPY … FROM STDIN (FORMAT
binary)`` whose bytes NumPy builds a block of rows at a time (no Python object per row, and
the server parses no text). Keys that exist already go through a temporary table and
``INSERT … ON CONFLICT … DO UPDATE`` on PostgreSQL, ``UPDATE`` on SQLite.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import repeat

import numpy as np
import polars as pl

KEY = ["station", "parameter", "averaging", "time"]
MEASUREMENT_COLUMNS = (
    "station_id, parameter, averaging, time, value, raw_value, raw_unit, censor, flags, upload_id"
)
STORED_SCHEMA = {
    "station": pl.Int32,
    "parameter": pl.Int16,
    "averaging": pl.Int16,
    "time": pl.Datetime("us"),
    "value": pl.Float64,
    "raw_value": pl.Float64,
    "raw_unit": pl.String,
    "censor": pl.UInt8,
    "flags": pl.UInt16,
    "upload": pl.Int64,
}
CENSOR_TEXT = {0: "", 1: "<", 2: ">"}
CENSOR_CODE = {"": 0, "<": 1, ">": 2}
SQLITE_TIME = "%Y-%m-%d %H:%M:%S"
_WINDOWS_PER_QUERY = 400
_ROWS_PER_CHUNK = 200_000


def for_connection(connection) -> Store:
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        return PostgresStore(connection)
    if connection.vendor == "sqlite":
        return SqliteStore(connection)
    raise NotImplementedError(f"no ingest store for {connection.vendor}")


def _constant_or_list(series: pl.Series):
    """``repeat(value)`` for a column with one value (cheaper to bind), else its list."""
    first = series[0] if series.len() else None
    if series.len() and series.null_count() == 0 and (series == first).all():
        return repeat(first)
    return series.to_list()


def _censor_text(series: pl.Series) -> pl.Series:
    return series.replace_strict(CENSOR_TEXT, return_dtype=pl.String)


class Store:
    """One database's way of reading and writing what the ingest needs."""

    vendor = ""

    def __init__(self, connection):
        self.connection = connection

    # implemented per database
    def lock(self, station_ids) -> None: ...
    def _fetch_sql(self, windows: list[tuple]) -> pl.DataFrame: ...
    def insert(self, frame: pl.DataFrame, upload_id: int) -> None: ...
    def replace(self, frame: pl.DataFrame, upload_id: int) -> None: ...
    def add_revisions(self, old: pl.DataFrame, replaced_by: int, at: dt.datetime) -> None: ...
    def set_flags(self, frame: pl.DataFrame) -> None: ...
    def upsert_daily(self, frame: pl.DataFrame) -> None: ...

    def fetch(self, windows: pl.DataFrame) -> pl.DataFrame:
        """Stored rows of each window (``station, parameter, averaging, lo, hi``; times
        naive UTC, both ends included)."""
        rows = windows.select("station", "parameter", "averaging", "lo", "hi").rows()
        parts = [
            self._fetch_sql(rows[i : i + _WINDOWS_PER_QUERY])
            for i in range(0, len(rows), _WINDOWS_PER_QUERY)
        ]
        parts = [p for p in parts if p.height]
        if not parts:
            return pl.DataFrame(schema=STORED_SCHEMA)
        return pl.concat(parts).unique(KEY, keep="first").sort(KEY)


# --- SQLite --------------------------------------------------------------------------------


class SqliteStore(Store):
    vendor = "sqlite"

    @property
    def cursor(self):
        return self.connection.connection.cursor()

    def _fetch_sql(self, windows):
        values = ", ".join(["(?, ?, ?, ?, ?)"] * len(windows))
        params = []
        for station, parameter, averaging, lo, hi in windows:
            params += [station, parameter, averaging, f"{lo:{SQLITE_TIME}}", f"{hi:{SQLITE_TIME}}"]
        rows = self.cursor.execute(
            f"WITH w(s, p, a, lo, hi) AS (VALUES {values}) "
            # CAST: text, not the datetime objects of Django's sqlite3 converters
            "SELECT station_id, parameter, averaging, CAST(time AS TEXT), value, raw_value, "
            "raw_unit, censor, flags, upload_id FROM w JOIN monitoring_measurement m "
            "ON m.station_id = w.s AND m.parameter = w.p AND m.averaging = w.a "
            "AND m.time >= w.lo AND m.time <= w.hi",
            params,
        ).fetchall()
        if not rows:
            return pl.DataFrame(schema=STORED_SCHEMA)
        frame = pl.DataFrame(
            rows,
            schema={**STORED_SCHEMA, "time": pl.String, "censor": pl.String},
            orient="row",
        )
        return frame.with_columns(
            pl.col("time").str.to_datetime("%Y-%m-%d %H:%M:%S%.f", time_unit="us"),
            pl.col("censor").replace_strict(CENSOR_CODE, return_dtype=pl.UInt8),
        )

    def _rows(self, frame: pl.DataFrame, upload_id: int | None) -> Iterator[tuple]:
        """Row tuples in the column order of MEASUREMENT_COLUMNS; times as Unix seconds
        (the SQL turns them into Django's text with ``datetime(?, 'unixepoch')``, which is
        cheaper than formatting them in Python). Constant columns are repeated, not listed.
        """
        for chunk in frame.iter_slices(_ROWS_PER_CHUNK):
            columns = []
            for name in ("station", "parameter", "averaging"):
                columns.append(_constant_or_list(chunk[name]))
            columns.append(chunk["time"].dt.epoch("s").to_list())
            columns.append(chunk["value"].to_list())
            columns.append(chunk["raw_value"].to_list())
            columns.append(_constant_or_list(chunk["raw_unit"].cast(pl.String)))
            columns.append(_constant_or_list(_censor_text(chunk["censor"])))
            columns.append(_constant_or_list(chunk["flags"]))
            yield from zip(*columns, repeat(upload_id), strict=False)

    _VALUES = "(?, ?, ?, datetime(?, 'unixepoch'), ?, ?, ?, ?, ?, ?)"

    def insert(self, frame, upload_id):
        self.cursor.executemany(
            f"INSERT INTO monitoring_measurement ({MEASUREMENT_COLUMNS}) VALUES {self._VALUES}",
            self._rows(frame, upload_id),
        )

    def replace(self, frame, upload_id):
        rows = (
            (value, raw, unit, censor, flags, upload, station, parameter, averaging, time)
            for station, parameter, averaging, time, value, raw, unit, censor, flags, upload in self._rows(
                frame, upload_id
            )
        )
        self.cursor.executemany(
            "UPDATE monitoring_measurement SET value = ?, raw_value = ?, raw_unit = ?, "
            "censor = ?, flags = ?, upload_id = ? WHERE station_id = ? AND parameter = ? "
            "AND averaging = ? AND time = datetime(?, 'unixepoch')",
            rows,
        )

    def add_revisions(self, old, replaced_by, at):
        stamp = f"{at:%Y-%m-%d %H:%M:%S.%f}"
        rows = (
            (*row[:9], row_upload, stamp, replaced_by)
            for row, row_upload in zip(self._rows(old, None), old["upload"].to_list(), strict=True)
        )
        self.cursor.executemany(
            "INSERT INTO monitoring_measurementrevision (station_id, parameter, averaging, "
            "time, value, raw_value, raw_unit, censor, flags, upload_id, replaced_at, "
            "replaced_by_id) VALUES (?, ?, ?, datetime(?, 'unixepoch'), ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    def set_flags(self, frame):
        rows = zip(
            frame["flags"].to_list(),
            frame["station"].to_list(),
            frame["parameter"].to_list(),
            frame["averaging"].to_list(),
            frame["time"].dt.strftime(SQLITE_TIME).to_list(),
            strict=True,
        )
        self.cursor.executemany(
            "UPDATE monitoring_measurement SET flags = ? WHERE station_id = ? AND "
            "parameter = ? AND averaging = ? AND time = ?",
            rows,
        )

    def upsert_daily(self, frame):
        rows = zip(
            frame["station"].to_list(),
            frame["parameter"].to_list(),
            frame["date"].dt.strftime("%Y-%m-%d").to_list(),
            frame["mean"].to_list(),
            frame["count"].to_list(),
            frame["flagged"].to_list(),
            frame["max_1h"].to_list(),
            frame["max_8h"].to_list(),
            frame["hours"].to_list(),
            strict=True,
        )
        self.cursor.executemany(
            "INSERT INTO monitoring_dailyvalue (station_id, parameter, date, mean, count, "
            "flagged, max_1h, max_8h, hours) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (station_id, parameter, date) DO UPDATE SET mean = excluded.mean, "
            "count = excluded.count, flagged = excluded.flagged, max_1h = excluded.max_1h, "
            "max_8h = excluded.max_8h, hours = excluded.hours",
            rows,
        )


# --- PostgreSQL ----------------------------------------------------------------------------

_EPOCH_2000_US = 946_684_800_000_000
_EPOCH_2000_DAYS = 10_957
_FIXED = {"int2": ">i2", "int4": ">i4", "int8": ">i8", "float8": ">f8", "timestamptz": ">i8"}
_SIZE = {"int2": 2, "int4": 4, "int8": 8, "float8": 8, "timestamptz": 8, "date": 4}


def _binary_column(kind: str, series: pl.Series):
    """A column for binary COPY: (values as NumPy, length of each value, -1 for NULL)."""
    n = series.len()
    nulls = series.is_null().to_numpy() if series.null_count() else None
    if kind == "text":
        # few distinct texts (units, censor signs): encode those once, then index
        texts = series.cast(pl.String).fill_null("")
        uniques = texts.unique(maintain_order=True)
        index = texts.replace_strict(
            uniques, pl.int_range(uniques.len(), eager=True), return_dtype=pl.Int32
        ).to_numpy()
        encoded = [t.encode() for t in uniques.to_list()]
        width = max([len(b) for b in encoded] + [1])
        data = np.array(encoded, dtype=f"S{width}")[index]
        lengths = np.array([len(b) for b in encoded], dtype=np.int32)[index]
    elif kind == "bytea":
        items = series.fill_null(b"").to_list()
        lengths = np.fromiter((len(b) for b in items), dtype=np.int32, count=n)
        data = np.array(items, dtype=f"S{max(int(lengths.max(initial=0)), 1)}")
    else:
        if kind == "timestamptz":
            data = series.dt.epoch("us").fill_null(0).to_numpy() - _EPOCH_2000_US
        elif kind == "date":
            data = series.cast(pl.Int32).fill_null(0).to_numpy() - _EPOCH_2000_DAYS
        else:
            data = series.fill_null(0).to_numpy()
        lengths = np.full(n, _SIZE[kind], dtype=np.int32)
    if nulls is not None:
        lengths = np.where(nulls, -1, lengths)
    return data, lengths


def binary_copy(frame: pl.DataFrame, fields: list[tuple[str, str]]) -> Iterator[bytes]:
    """PostgreSQL binary COPY data for ``frame``'s ``fields`` (column, type), built with
    NumPy: rows that share the lengths of their variable fields (text, bytea, NULLs) form
    one structured array, filled column by column and written out whole.

    Types: int2, int4, int8, float8, timestamptz (naive UTC), date, text, bytea.
    """
    yield b"PGCOPY\n\xff\r\n\x00" + b"\x00" * 8
    for chunk in frame.iter_slices(_ROWS_PER_CHUNK):
        columns = [_binary_column(kind, chunk[name]) for name, kind in fields]
        shapes, which = _layouts(np.stack([lengths for _data, lengths in columns], axis=1))
        for g, shape in enumerate(shapes):
            rows = np.flatnonzero(which == g) if len(shapes) > 1 else slice(None)
            dtype = [("n", ">i2")]
            for k, ((_name, kind), size) in enumerate(zip(fields, shape, strict=True)):
                dtype.append((f"l{k}", ">i4"))
                if size > 0 or (size == 0 and kind not in ("text", "bytea")):
                    dtype.append((f"v{k}", _dtype(kind, size)))
            out = np.empty(chunk.height if len(shapes) == 1 else len(rows), dtype=dtype)
            out["n"] = len(fields)
            for k, size in enumerate(shape):
                out[f"l{k}"] = size
                if f"v{k}" in out.dtype.names:
                    out[f"v{k}"] = columns[k][0][rows]
            yield out.tobytes()
    yield b"\xff\xff"


def _layouts(lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct rows of ``lengths`` (rows x fields) and each row's index among them.

    Only the fields whose length varies matter; their lengths are folded into one integer
    per row (a row-wise ``np.unique`` sorts tuples and is a hundred times slower)."""
    varying = np.flatnonzero(lengths.min(axis=0) != lengths.max(axis=0))
    if len(varying) == 0:
        return lengths[:1], np.zeros(len(lengths), dtype=np.int64)
    code = np.zeros(len(lengths), dtype=np.int64)
    for field in varying:
        column = lengths[:, field].astype(np.int64) + 1  # NULL (-1) -> 0
        code = code * (int(column.max()) + 1) + column
    _codes, first, which = np.unique(code, return_index=True, return_inverse=True)
    return lengths[first], which.reshape(-1)


def _dtype(kind: str, size: int) -> str:
    if kind in ("text", "bytea"):
        return f"S{size}"
    return ">i4" if kind == "date" else _FIXED[kind]


MEASUREMENT_FIELDS = [
    ("station", "int4"),
    ("parameter", "int2"),
    ("averaging", "int2"),
    ("time", "timestamptz"),
    ("value", "float8"),
    ("raw_value", "float8"),
    ("raw_unit", "text"),
    ("censor_text", "text"),
    ("flags", "int2"),
    ("upload", "int8"),
]
DAILY_FIELDS = [
    ("station", "int4"),
    ("parameter", "int2"),
    ("date", "date"),
    ("mean", "float8"),
    ("count", "int2"),
    ("flagged", "int2"),
    ("max_1h", "float8"),
    ("max_8h", "float8"),
    ("hours", "bytea"),
]
DAILY_COLUMNS = "station_id, parameter, date, mean, count, flagged, max_1h, max_8h, hours"


class PostgresStore(Store):
    vendor = "postgresql"

    @property
    def cursor(self):
        return self.connection.connection.cursor()

    def lock(self, station_ids):
        # one ingest at a time per station: the look-up of stored keys and the writes that
        # follow must not interleave with another upload of the same station
        with self.cursor as cur:
            for station in sorted({int(s) for s in station_ids}):
                cur.execute("SELECT pg_advisory_xact_lock(%s, %s)", (0x4C4D, station))

    def _fetch_sql(self, windows):
        values = ", ".join(
            ["(%s::int, %s::smallint, %s::smallint, %s::timestamptz, %s::timestamptz)"]
            * len(windows)
        )
        params = []
        for station, parameter, averaging, lo, hi in windows:
            params += [
                station,
                parameter,
                averaging,
                lo.replace(tzinfo=dt.UTC),
                hi.replace(tzinfo=dt.UTC),
            ]
        query = (
            f"COPY (WITH w(s, p, a, lo, hi) AS (VALUES {values}) "
            "SELECT m.station_id, m.parameter, m.averaging, "
            "(extract(epoch FROM m.time) * 1000000)::bigint, m.value, m.raw_value, "
            "m.raw_unit, m.censor, m.flags, m.upload_id "
            "FROM w JOIN monitoring_measurement m ON m.station_id = w.s AND "
            "m.parameter = w.p AND m.averaging = w.a AND m.time >= w.lo AND m.time <= w.hi"
            ") TO STDOUT (FORMAT csv)"
        )
        with self.cursor as cur, cur.copy(query, params) as copy:
            data = b"".join(bytes(block) for block in copy)
        if not data:
            return pl.DataFrame(schema=STORED_SCHEMA)
        frame = pl.read_csv(
            data,
            has_header=False,
            new_columns=list(STORED_SCHEMA),
            schema_overrides={**STORED_SCHEMA, "time": pl.Int64, "censor": pl.String},
            empty_string_is_null=False,
        )
        return frame.with_columns(
            pl.col("time").cast(pl.Datetime("us")),
            pl.col("censor").replace_strict(CENSOR_CODE, return_dtype=pl.UInt8),
        )

    def _copy(self, table: str, columns: str, frame: pl.DataFrame, fields) -> None:
        with (
            self.cursor as cur,
            cur.copy(f"COPY {table} ({columns}) FROM STDIN (FORMAT binary)") as copy,
        ):
            for block in binary_copy(frame, fields):
                copy.write(block)

    @staticmethod
    def _measurements(frame: pl.DataFrame, upload_id: int | None) -> pl.DataFrame:
        frame = frame.with_columns(censor_text=_censor_text(frame["censor"]))
        if upload_id is not None:
            frame = frame.with_columns(upload=pl.lit(upload_id, dtype=pl.Int64))
        return frame

    def insert(self, frame, upload_id):
        self._copy(
            "monitoring_measurement",
            MEASUREMENT_COLUMNS,
            self._measurements(frame, upload_id),
            MEASUREMENT_FIELDS,
        )

    def _temporary(self, name: str, like: str) -> None:
        with self.cursor as cur:
            cur.execute(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS {name} (LIKE {like}) ON COMMIT DELETE ROWS"
            )
            cur.execute(f"TRUNCATE {name}")

    def replace(self, frame, upload_id):
        self._temporary("ingest_rows", "monitoring_measurement")
        self._copy(
            "ingest_rows",
            MEASUREMENT_COLUMNS,
            self._measurements(frame, upload_id),
            MEASUREMENT_FIELDS,
        )
        with self.cursor as cur:
            cur.execute(
                f"INSERT INTO monitoring_measurement ({MEASUREMENT_COLUMNS}) "
                f"SELECT {MEASUREMENT_COLUMNS} FROM ingest_rows "
                "ON CONFLICT (station_id, parameter, averaging, time) DO UPDATE SET "
                "value = EXCLUDED.value, raw_value = EXCLUDED.raw_value, "
                "raw_unit = EXCLUDED.raw_unit, censor = EXCLUDED.censor, "
                "flags = EXCLUDED.flags, upload_id = EXCLUDED.upload_id"
            )

    def add_revisions(self, old, replaced_by, at):
        frame = self._measurements(old, None).with_columns(
            replaced_at=pl.lit(at.replace(tzinfo=None), dtype=pl.Datetime("us")),
            replaced_by=pl.lit(replaced_by, dtype=pl.Int64),
        )
        self._copy(
            "monitoring_measurementrevision",
            f"{MEASUREMENT_COLUMNS}, replaced_at, replaced_by_id",
            frame,
            [*MEASUREMENT_FIELDS, ("replaced_at", "timestamptz"), ("replaced_by", "int8")],
        )

    def set_flags(self, frame):
        with self.cursor as cur:
            cur.executemany(
                "UPDATE monitoring_measurement SET flags = %s WHERE station_id = %s AND "
                "parameter = %s AND averaging = %s AND time = %s",
                zip(
                    frame["flags"].to_list(),
                    frame["station"].to_list(),
                    frame["parameter"].to_list(),
                    frame["averaging"].to_list(),
                    frame["time"].dt.replace_time_zone("UTC").to_list(),
                    strict=True,
                ),
            )

    def upsert_daily(self, frame):
        self._temporary("ingest_daily", "monitoring_dailyvalue")
        self._copy("ingest_daily", DAILY_COLUMNS, frame, DAILY_FIELDS)
        with self.cursor as cur:
            cur.execute(
                f"INSERT INTO monitoring_dailyvalue ({DAILY_COLUMNS}) "
                f"SELECT {DAILY_COLUMNS} FROM ingest_daily "
                "ON CONFLICT (station_id, parameter, date) DO UPDATE SET "
                "mean = EXCLUDED.mean, count = EXCLUDED.count, flagged = EXCLUDED.flagged, "
                "max_1h = EXCLUDED.max_1h, max_8h = EXCLUDED.max_8h, hours = EXCLUDED.hours"
            )
