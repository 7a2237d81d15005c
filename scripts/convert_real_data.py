#!/usr/bin/env python3
"""Convert a U.S. Department of State AirNow ("StateAir") hourly file to the hub's long CSV.

The original files (``<City>_PM2.5_<year>_YTD.csv``) have one row per local hour::

    Site,Parameter,Date (LT),Year,Month,Day,Hour,NowCast Conc.,AQI,AQI Category,
    Raw Conc.,Conc. Unit,Duration,QC Name
    Hanoi,PM2.5 - Principal,2018-01-01 01:00 AM,2018,01,01,01,68.9,158,Unhealthy,69.2,UG/M3,1 Hr,Valid

What the conversion does, row by row:

* ``Raw Conc.`` (the hour's measured mean, µg/m³) becomes ``value``; the NowCast and AQI
  columns are derived values and are dropped (the hub computes its own indices).
* The local time stamp labels the *end* of the hour: a calendar-year file runs from
  ``01:00`` on 1 January to ``00:00`` on 1 January of the next year (8,760 or 8,784 rows),
  so ``01:00`` covers 00:00-01:00. The hub stores the *start* of the averaging period
  (:class:`lmec.monitoring.models.Measurement`), so one hour is subtracted and the
  station's UTC offset is written: ``2018-01-01T00:00+07:00``.
* ``QC Name``: ``Valid`` rows are written unflagged; ``Invalid`` rows are written with
  ``flag=invalid`` (the hub keeps and marks them, never drops them); ``Missing`` rows
  carry no value (``-999``) and are left out. Any other QC name stops the conversion.
* A time stamp repeated on consecutive rows with the hour before it absent (once in 2018,
  on the day the United States moved its clocks forward) is read as that earlier hour.
* Values are written exactly as the file has them (one decimal), negatives included: the
  hub's own QA/QC flags small negatives.

The input is checked against the SHA-256 recorded in the README of the slice, so the
shipped file can be reproduced exactly::

    git -C <snapshot of github.com/kikyou21/hanoiair> show \\
        d86c986c16b74dfa14510f2e54d4ecdc2814ee78:data/Hanoi_PM2.5_2018_YTD.csv > original.csv
    python scripts/convert_real_data.py original.csv \\
        lmec/monitoring/data/real/us-embassy-hanoi-pm25-2018.csv.gz

The script uses the standard library only.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import gzip
import hashlib
import io
import itertools
import sys
from pathlib import Path

#: SHA-256 of the original file the shipped slice was made from (see the README).
ORIGINAL_SHA256 = "2ff3030c1ca12884fb7985023602c43fa5d8c2f8be89b75fe732d1d469d5929d"
STATION = "VN-HN-USEMB"
UTC_OFFSET = datetime.timedelta(hours=7)  # Asia/Ho_Chi_Minh, no daylight saving time
COLUMNS = ["station", "parameter", "unit", "time", "value", "averaging", "flag"]
FLAGS = {"Valid": "", "Invalid": "invalid"}
HEADER = [
    "Site",
    "Parameter",
    "Date (LT)",
    "Year",
    "Month",
    "Day",
    "Hour",
    "NowCast Conc.",
    "AQI",
    "AQI Category",
    "Raw Conc.",
    "Conc. Unit",
    "Duration",
    "QC Name",
]


class ConversionError(ValueError):
    pass


def convert(text: str, *, station: str = STATION) -> list[dict[str, str]]:
    """The long-table rows of a StateAir file's text (see the module docstring)."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header != HEADER:
        raise ConversionError(f"unexpected header {header!r}; expected {HEADER!r}")
    zone = datetime.timezone(UTC_OFFSET)
    hours = []  # (end of the hour, row number, fields) in file order
    for number, record in enumerate(reader, start=2):
        if not record:
            continue
        fields = dict(zip(HEADER, record, strict=True))
        if fields["Parameter"] != "PM2.5 - Principal" or fields["Duration"] != "1 Hr":
            raise ConversionError(f"row {number}: not an hourly PM2.5 row: {record!r}")
        if fields["Conc. Unit"] != "UG/M3":
            raise ConversionError(f"row {number}: unit {fields['Conc. Unit']!r} is not UG/M3")
        end = datetime.datetime(
            int(fields["Year"]), int(fields["Month"]), int(fields["Day"]), tzinfo=zone
        ) + datetime.timedelta(hours=int(fields["Hour"]))
        hours.append([end, number, fields])
    relabel_repeated_hours(hours)
    rows = []
    for end, number, fields in hours:
        qc = fields["QC Name"]
        if qc == "Missing":
            continue
        if qc not in FLAGS:
            raise ConversionError(f"row {number}: unknown QC name {qc!r}")
        value = fields["Raw Conc."]
        try:
            float(value)
        except ValueError:
            raise ConversionError(f"row {number}: value {value!r} is not a number") from None
        rows.append(
            {
                "station": station,
                "parameter": "pm25",
                "unit": "µg/m³",
                "time": (end - datetime.timedelta(hours=1)).isoformat(timespec="minutes"),
                "value": value,
                "averaging": "1h",
                "flag": FLAGS[qc],
            }
        )
    return rows


def relabel_repeated_hours(hours: list[list]) -> None:
    """Resolve a time stamp written twice in a row where the hour before it is absent.

    The 2018 Hanoi file labels two consecutive rows ``2018-03-11 03:00`` and has no
    ``02:00`` row: the day the United States moved its clocks forward, a time-stamping
    slip of the publisher's system (Viet Nam has no daylight saving time). The rows are in
    time order, so the first of the pair is the hour ending 02:00 and is relabelled so.
    Any other repeated time stamp stops the conversion.
    """
    present = {end for end, _number, _fields in hours}
    for previous, current in itertools.pairwise(hours):
        if current[0] != previous[0]:
            continue
        earlier = previous[0] - datetime.timedelta(hours=1)
        if earlier in present:
            raise ConversionError(f"row {current[1]}: time stamp repeats row {previous[1]}")
        previous[0] = earlier
        present.add(earlier)


def write_csv_gz(rows: list[dict[str, str]], path: Path) -> None:
    """Write ``rows`` as a gzip-compressed CSV; byte-identical for identical rows."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    # mtime=0 and no file name in the header: the same rows give the same bytes.
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(buffer.getvalue().encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("original", type=Path, help="the StateAir CSV as published")
    parser.add_argument("output", type=Path, help="the long CSV to write (.csv.gz)")
    parser.add_argument("--station", default=STATION, help=f"station code (default {STATION})")
    parser.add_argument(
        "--any-input",
        action="store_true",
        help="convert a file other than the one recorded in the README (no SHA-256 check)",
    )
    args = parser.parse_args(argv)
    data = args.original.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if not args.any_input and digest != ORIGINAL_SHA256:
        print(
            f"{args.original}: SHA-256 {digest} is not the recorded original "
            f"{ORIGINAL_SHA256}; use --any-input to convert another file",
            file=sys.stderr,
        )
        return 1
    try:
        rows = convert(data.decode("utf-8-sig"), station=args.station)
    except ConversionError as error:
        print(f"{args.original}: {error}", file=sys.stderr)
        return 1
    write_csv_gz(rows, args.output)
    flagged = sum(1 for row in rows if row["flag"])
    print(
        f"{args.output}: {len(rows)} rows ({flagged} flagged invalid), "
        f"{rows[0]['time']} to {rows[-1]['time']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
