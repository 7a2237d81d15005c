"""Search speed and the search tables declared to Django.

1. The search tables made in SQL by ``0002_search`` become models (state only: the tables
   already exist; :mod:`lmec.knowledge.search.models` says why: Django's flush, between
   transactional tests and in ``lmec flush``, must empty them with the resources), including
   the embedding queue of ``0005_embedding_queue``.
"""

import django.db.models.deletion
from django.db import migrations, models

STATE = [
    migrations.CreateModel(
        name="SearchState",
        fields=[
            ("id", models.IntegerField(primary_key=True, serialize=False)),
            ("token", models.BigIntegerField()),
        ],
        options={"db_table": "knowledge_search_state", "default_permissions": ()},
    ),
    migrations.CreateModel(
        name="SearchText",
        fields=[
            ("rowid", models.BigIntegerField(primary_key=True, serialize=False)),
            ("title", models.TextField()),
            ("abstract", models.TextField()),
            ("body", models.TextField()),
        ],
        options={"db_table": "knowledge_search_fts", "default_permissions": ()},
    ),
    migrations.CreateModel(
        name="SearchDocument",
        fields=[
            (
                "pk",
                models.CompositePrimaryKey(
                    "resource",
                    "language",
                    blank=True,
                    editable=False,
                    primary_key=True,
                    serialize=False,
                ),
            ),
            ("language", models.CharField(max_length=10)),
            ("document", models.TextField()),
            (
                "resource",
                models.ForeignKey(
                    db_index=False,
                    on_delete=django.db.models.deletion.DO_NOTHING,
                    related_name="+",
                    to="knowledge.resource",
                ),
            ),
        ],
        options={"db_table": "knowledge_search_document", "default_permissions": ()},
    ),
    migrations.CreateModel(
        name="SearchVector",
        fields=[
            (
                "pk",
                models.CompositePrimaryKey(
                    "resource",
                    "language",
                    blank=True,
                    editable=False,
                    primary_key=True,
                    serialize=False,
                ),
            ),
            ("language", models.CharField(max_length=10)),
            ("vector", models.BinaryField()),
            ("text_hash", models.CharField(default="", max_length=32)),
            (
                "resource",
                models.ForeignKey(
                    db_index=False,
                    on_delete=django.db.models.deletion.DO_NOTHING,
                    related_name="+",
                    to="knowledge.resource",
                ),
            ),
        ],
        options={"db_table": "knowledge_search_vector", "default_permissions": ()},
    ),
    migrations.CreateModel(
        name="SearchPending",
        fields=[
            (
                "pk",
                models.CompositePrimaryKey(
                    "resource",
                    "language",
                    blank=True,
                    editable=False,
                    primary_key=True,
                    serialize=False,
                ),
            ),
            ("language", models.CharField(max_length=10)),
            ("text_hash", models.CharField(max_length=32)),
            (
                "resource",
                models.ForeignKey(
                    db_index=False,
                    on_delete=django.db.models.deletion.DO_NOTHING,
                    related_name="+",
                    to="knowledge.resource",
                ),
            ),
        ],
        options={"db_table": "knowledge_search_pending", "default_permissions": ()},
    ),
]


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0005_embedding_queue")]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=STATE, database_operations=[]),
    ]
