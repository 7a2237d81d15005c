"""The directory's public lists as download tables (:mod:`lmec.core.exports`): CSV and XLSX.

Public exports hold no personal contact data: no expert's e-mail, and only the experts who
agreed to be listed. Lists (fields, languages, parameters, stations) are joined with ``; ``.
Texts are in the active language (the page's, or the API's ``?lang=``).
"""

from __future__ import annotations

import polars as pl

from lmec.core.exports import Table

from . import selectors

#: The formats the directory's lists are offered in.
FORMATS = ("csv", "xlsx")


def _join(values) -> str:
    return "; ".join(str(v) for v in values)


def _frame(rows: list[dict], columns: list[str]) -> pl.DataFrame:
    return pl.DataFrame(
        {name: [row[name] for row in rows] for name in columns},
        schema={name: pl.String for name in columns},
    )


ORGANISATION_COLUMNS = ["slug", "name", "acronym", "kind", "country", "website", "iati_ref"]


def organisations_table(organisations) -> Table:
    rows = [selectors.organisation_summary(o) for o in organisations]
    return Table("organisations", "organisations", _frame(rows, ORGANISATION_COLUMNS))


EXPERT_COLUMNS = ["name", "title", "organisation", "country", "fields", "languages", "themes"]


def experts_table(experts) -> Table:
    rows = []
    for expert in experts:
        if not expert.public:  # never a profile without consent, whatever the caller passed
            continue
        row = selectors.expert_summary(expert, with_email=False)
        rows.append(
            {
                **row,
                "organisation": row["organisation"] or "",
                "country": row["country"] or "",
                "fields": _join(row["fields"]),
                "languages": _join(row["languages"]),
                "themes": _join(row["themes"]),
            }
        )
    return Table("experts", "experts", _frame(rows, EXPERT_COLUMNS))


FOCAL_POINT_COLUMNS = [
    "kind",
    "country",
    "organisation",
    "organisation_name",
    "contact_name",
    "contact_title",
    "email",
    "phone",
    "since",
]


def focal_points_table(points) -> Table:
    """The designated bodies and their official contacts (institutional addresses, published
    as strategy 5.1 intends; not personal data of the directory's members)."""
    rows = [
        {k: ("" if v is None else v) for k, v in selectors.focal_point_summary(p).items()}
        for p in points
    ]
    return Table("focal-points", "focal points", _frame(rows, FOCAL_POINT_COLUMNS))


CAPACITY_COLUMNS = [
    "organisation",
    "name",
    "country",
    "kind",
    "media",
    "accreditation",
    "parameters",
    "station_count",
    "stations",
]


def capacity_table(members) -> Table:
    rows = []
    for member in members:
        row = selectors.capacity_summary(member)
        rows.append(
            {
                **row,
                "country": row["country"] or "",
                "parameters": _join(row["parameters"]),
                "station_count": str(row["station_count"]),
                "stations": _join(s["code"] for s in row["stations"]),
            }
        )
    frame = _frame(rows, CAPACITY_COLUMNS).with_columns(pl.col("station_count").cast(pl.Int64))
    return Table("monitoring-capacity", "capacity", frame)
