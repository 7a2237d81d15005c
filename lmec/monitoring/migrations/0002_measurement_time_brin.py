"""PostgreSQL only: a BRIN index on the measurement time (see README, "Monitoring at scale")."""

from django.db import migrations


def create_brin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS measurement_time_brin ON monitoring_measurement "
            "USING brin (time) WITH (pages_per_range = 32, autosummarize = on)"
        )


def drop_brin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS measurement_time_brin")


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]
    operations = [migrations.RunPython(create_brin, drop_brin)]
