"""What can go wrong with an input: one bad row (:class:`RowError`) or the whole input
(:class:`IngestError`), and the capped report that collects row errors."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from . import reasons

#: Row errors kept in a report (on the Upload, in the result); more are counted, not kept.
REPORT_LIMIT = 1000


class IngestError(Exception):
    """The input as a whole cannot be read: not UTF-8, not a spreadsheet, a bad mapping,
    missing columns. Like :class:`RowProblem`: a code of :data:`.reasons.FILE_MESSAGES` and
    its parameters; ``str()`` is the English sentence (the CLI and the API show it), the
    pages translate ``code`` and ``params`` (:func:`.reasons.translated`)."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(reasons.english(code, params))


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem with one value of one row.

    ``row`` counts data rows from 1 (the first row under the header; for JSON the first
    item of ``results``; for an API batch the first record). ``column`` names the column as
    the file spells it (for a wide table, the measured column's header). ``reason`` is the
    English sentence; ``code`` and ``params`` say the same for translation
    (:mod:`.reasons`).
    """

    row: int
    column: str
    value: str
    reason: str
    code: str = ""
    params: dict = field(default_factory=dict)

    @classmethod
    def of(cls, row: int, column: str, value: str, problem: RowProblem) -> RowError:
        return cls(row, column, value, str(problem), problem.code, problem.params)

    def as_dict(self) -> dict:
        return asdict(self)


class RowProblem(ValueError):
    """Why a value is refused: a :mod:`.reasons` code and its parameters; ``str()`` is the
    English sentence (so code that expects a ``ValueError`` with words still gets them)."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(reasons.english(code, params))


class Report:
    """Row errors of one input: the first :data:`REPORT_LIMIT` kept, all counted.

    A row with two bad values gives two errors; the ingest counts refused rows apart.
    """

    def __init__(self, limit: int | None = None):
        self.limit = REPORT_LIMIT if limit is None else limit
        self.errors: list[RowError] = []
        self.total = 0

    @property
    def room(self) -> int:
        return max(self.limit - len(self.errors), 0)

    def add(self, error: RowError) -> None:
        self.total += 1
        if len(self.errors) < self.limit:
            self.errors.append(error)

    def extend(self, errors: list[RowError], total: int) -> None:
        """Add ``errors`` (possibly a prefix of ``total`` errors found)."""
        self.total += total
        self.errors.extend(errors[: self.room])

    def sorted(self) -> list[RowError]:
        """By row; within a row in the order of the checks (the file's column order)."""
        return sorted(self.errors, key=lambda e: e.row)

    def __bool__(self) -> bool:
        return self.total > 0
