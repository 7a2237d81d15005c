"""Writing many records at once: an import's batch of checked lines (``lmec knowledge import``).

The same outcome as :func:`.records.store_record` line by line — values, relations, files,
one history entry per created or changed record, the search index told — in a few queries
per batch instead of about twenty per line:

- the stored state of every identifier of the batch (the resource rows' columns the lines
  set, their relation keys, publishers and files) is read in one query per table, compared
  in memory (:func:`.records.stored_state`, :func:`.records.changes_of`), and an unchanged
  line writes nothing;
- new records are inserted in bulk (:func:`create_many`), then their files stored;
- a changed record is written by :func:`.records.write_update` (a few queries each).

The caller runs a batch in a savepoint: any error rolls the whole batch back, and the caller
stores its lines one by one to name the line that failed.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import connection
from django.utils import timezone

from ..models import Resource, ResourceEvent, Status
from . import hooks
from .distributions import current_files_many, sync_files
from .records import (
    _DEFAULT_STATUS,
    TRANSLATED_COLUMNS,
    _keywords,
    _wanted,
    changes_of,
    create_organisations,
    stored_state,
    write_update,
)
from .validation import CleanRecord, Lookups

#: relation name -> the through table's column (or join) that holds the record's key
_THROUGH_KEY = {
    "countries": "country_id",
    "themes": "theme_id",
    "activities": "activity__code",
    "keywords": "keyword__name",
    "organisations": "organisation__slug",
}


def store_many(
    lines: list[tuple[int, CleanRecord]], *, action: str, lookups: Lookups
) -> dict[int, str]:
    """Store the checked ``(line number, record)`` pairs (distinct identifiers); return
    ``{line: "created" | "updated" | "unchanged"}``. Platform writes (no user, no
    permission check), as :func:`.records.store_record` with ``user=None``."""
    from lmec.network.models import Organisation

    outcome: dict[int, str] = {}
    for _, clean in lines:  # organisations a line describes, which later lines may name
        create_organisations(clean, lookups)
    columns = sorted({c for _, clean in lines for c in clean.values})
    fetched = ["id", "identifier", "publisher_id", *columns]
    rows = {
        row[1]: dict(zip(fetched, row, strict=True))
        for row in Resource.objects.select_for_update()
        .filter(identifier__in=[clean.identifier for _, clean in lines])
        .order_by()
        .values_list(*fetched)
    }
    ids = [row["id"] for row in rows.values()]
    relations: dict[str, dict[int, list]] = {}
    for name in sorted({n for _, clean in lines for n in clean.relations}):
        keys: dict[int, list] = defaultdict(list)
        through = getattr(Resource, name).through
        for rid, key in (
            through.objects.filter(resource_id__in=ids)
            .order_by()
            .values_list("resource_id", _THROUGH_KEY[name])
        ):
            keys[rid].append(key)
        relations[name] = keys
    publishers = dict(
        Organisation.objects.filter(
            id__in={r["publisher_id"] for r in rows.values() if r["publisher_id"]}
        ).values_list("id", "slug")
    )
    with_files = [
        rows[c.identifier]["id"] for _, c in lines if c.identifier in rows and c.files is not None
    ]
    files = current_files_many(with_files) if with_files else {}

    new: list[tuple[int, CleanRecord]] = []
    changed: dict[int, tuple[int, CleanRecord, dict]] = {}
    for number, clean in lines:
        row = rows.get(clean.identifier)
        if row is None:
            new.append((number, clean))
            continue
        rid = row["id"]
        stored = stored_state(
            clean,
            value=row.__getitem__,
            relation=lambda name, rid=rid: relations[name].get(rid, []),
            publisher=lambda row=row: publishers.get(row["publisher_id"]),
            files=lambda rid=rid: files.get(rid, []),
        )
        changes = changes_of(clean, stored)
        if changes:
            changed[rid] = (number, clean, changes)
        else:
            outcome[number] = "unchanged"

    if changed:
        for resource in Resource.objects.filter(pk__in=list(changed)):
            number, clean, changes = changed[resource.pk]
            write_update(
                resource, clean, changes, user=None, action=action, source={}, lookups=lookups
            )
            outcome[number] = "updated"
    if new:
        resources = create_many([c for _, c in new], action=action, lookups=lookups)
        for (number, clean), resource in zip(new, resources, strict=True):
            if clean.files:
                sync_files(resource, clean.files)
            outcome[number] = "created"
    return outcome


def create_many(cleans: list[CleanRecord], *, action: str, lookups: Lookups) -> list[Resource]:
    """New records written in bulk (an import's new lines; their files are the caller's):
    the same values, relations and history entries as :func:`.records.store_record` gives
    each, in a few queries per batch. The caller checked that none exists yet."""
    from lmec.network.models import Organisation

    if not cleans:
        return []
    for clean in cleans:
        create_organisations(clean, lookups)
    slugs = {c.publisher for c in cleans if c.publisher} | {
        s for c in cleans for s in c.relations.get("organisations", [])
    }
    org_ids = dict(Organisation.objects.filter(slug__in=slugs).values_list("slug", "id"))
    now = timezone.now()
    resources = []
    for clean in cleans:
        # every translated column given: modeltranslation's defaults switch the active
        # language for each column left out (most of the time of a bulk insert)
        values = {**dict.fromkeys(TRANSLATED_COLUMNS), **clean.values}
        values.setdefault("status", _DEFAULT_STATUS[action])
        resource = Resource(identifier=clean.identifier, **values)
        if clean.publisher:
            resource.publisher_id = org_ids[clean.publisher]
        if resource.status == Status.PUBLISHED:
            resource.published_at = now
        resources.append(resource)
    _insert(resources)
    keyword_ids = {
        k.name: k.pk
        for k in _keywords(sorted({n for c in cleans for n in c.relations.get("keywords", [])}))
    }
    targets = {
        "countries": ("country_id", lambda code: code),
        "themes": ("theme_id", lambda code: code),
        "activities": ("activity_id", lambda code: lookups.activities[code]),
        "keywords": ("keyword_id", lambda name: keyword_ids[name]),
        "organisations": ("organisation_id", lambda slug: org_ids[slug]),
    }
    with connection.cursor() as cursor:
        for name, (target, key) in targets.items():
            # two keys a row: a prepared statement, not ~10 model instances per record
            through = getattr(Resource, name).through
            sql = "INSERT INTO {} ({}, {}) VALUES (%s, %s)".format(
                *map(connection.ops.quote_name, (through._meta.db_table, "resource_id", target))
            )
            rows = [
                (r.pk, key(value))
                for r, clean in zip(resources, cleans, strict=True)
                for value in clean.relations.get(name, [])
            ]
            for start in range(0, len(rows), 2000):
                cursor.executemany(sql, rows[start : start + 2000])
    ResourceEvent.objects.bulk_create(
        [
            ResourceEvent(
                resource_id=r.pk,
                action=action,
                changes={
                    k: [None, v] for k, v in _wanted(c).items() if v not in (None, "", [], {})
                },
            )
            for r, c in zip(resources, cleans, strict=True)
        ],
        batch_size=2000,
    )
    for r in resources:
        hooks.changed(r.pk)
    return resources


def _insert(resources: list[Resource]) -> None:
    """``bulk_create`` of new resources, without its SQL building per value.

    A resource row has ~120 columns (nine fields in seven languages): measured on 10,000
    rows, Django's insert compiler spent most of its time assembling placeholders and
    parameters value by value. Here each value is still what ``bulk_create`` would write —
    ``field.pre_save`` (so ``auto_now`` and modeltranslation's descriptors apply) and
    ``get_db_prep_save`` — but the statement is built once and run with ``executemany``;
    the keys are read back by identifier (one query)."""
    fields = [f for f in Resource._meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(Resource._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    rows = [
        tuple(f.get_db_prep_save(f.pre_save(r, True), connection) for f in fields)
        for r in resources
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 500):
            cursor.executemany(sql, rows[start : start + 500])
    identifiers = [r.identifier for r in resources]
    ids = {}
    for start in range(0, len(identifiers), 2000):
        ids.update(
            Resource.objects.filter(identifier__in=identifiers[start : start + 2000])
            .order_by()
            .values_list("identifier", "id")
        )
    for r in resources:
        r.pk = r.id = ids[r.identifier]
        r._state.adding = False
