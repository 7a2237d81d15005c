"""Getting measurements into the hub: files (long and wide CSV/XLSX, OpenAQ v3 JSON) and
API batches, validated row by row, converted to canonical units, QA/QC-flagged and stored
in one transaction with their daily values. See docs/ingest.md.

The package's modules by topic: :mod:`.readers` (CSV in blocks, XLSX, the format
registry), :mod:`.mapping` (wide tables), :mod:`.openaq`, :mod:`.validate` (row checks),
:mod:`.units`, :mod:`.times`, :mod:`.qaqc` (flags), :mod:`.merge` (new / replaced /
unchanged), :mod:`.store` (fast writes per database), :mod:`.daily` (daily values) and
:mod:`.pipeline` (the public functions).
"""

from .errors import REPORT_LIMIT, IngestError, RowError
from .pipeline import AFTER_INGEST, IngestResult, ingest_file, ingest_records

__all__ = [
    "AFTER_INGEST",
    "REPORT_LIMIT",
    "IngestError",
    "IngestResult",
    "RowError",
    "ingest_file",
    "ingest_records",
]
