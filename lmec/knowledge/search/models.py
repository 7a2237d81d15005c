"""The search tables, declared to Django so that its flush empties them too.

The tables are created in SQL by migration ``0002_search`` (each database has its own: an
FTS5 virtual table on SQLite, a ``tsvector`` with a GIN index on PostgreSQL) and are read
and written in SQL by :mod:`.backends`, :mod:`.embeddings` and :mod:`.index`, never through
these models. They exist because Django empties the tables of the models it knows between
transactional tests, in ``lmec flush`` and ``manage.py flush``: on PostgreSQL that is one
``TRUNCATE`` of every known table, which PostgreSQL refuses while an unknown table
(``knowledge_search_document``, ``knowledge_search_vector``) still refers to
``knowledge_resource``; and on SQLite, index rows left behind by a flush would be found
under the ids of the next records. Their migration (``0006_search_models``) is state-only.

Each model is the table on one database or both; Django flushes only the tables that exist.
``on_delete=DO_NOTHING``: the tables' own foreign keys delete the rows (``ON DELETE
CASCADE``), so the ORM need not look for them when a resource is deleted.
"""

from __future__ import annotations

from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver


class SearchText(models.Model):
    """SQLite: the FTS5 table (ICU words joined by spaces); rowid = resource id × 8 + the
    language version's index (:data:`.backends.LANGUAGES`)."""

    rowid = models.BigIntegerField(primary_key=True)
    title = models.TextField()
    abstract = models.TextField()
    body = models.TextField()

    class Meta:
        app_label = "knowledge"
        db_table = "knowledge_search_fts"
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.rowid >> 3} {self.rowid & 7}"


class SearchDocument(models.Model):
    """PostgreSQL: one weighted ``tsvector`` per (resource, language version)."""

    pk = models.CompositePrimaryKey("resource", "language")
    resource = models.ForeignKey(
        "knowledge.Resource", on_delete=models.DO_NOTHING, related_name="+", db_index=False
    )
    language = models.CharField(max_length=10)
    #: ``tsvector`` in the database (written as a literal by :mod:`.backends.postgres`).
    document = models.TextField()

    class Meta:
        app_label = "knowledge"
        db_table = "knowledge_search_document"
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.resource_id} {self.language}"


class SearchVector(models.Model):
    """Both: one embedding per (resource, language version), little-endian float32 bytes."""

    pk = models.CompositePrimaryKey("resource", "language")
    resource = models.ForeignKey(
        "knowledge.Resource", on_delete=models.DO_NOTHING, related_name="+", db_index=False
    )
    language = models.CharField(max_length=10)
    vector = models.BinaryField()
    # BLAKE2b of the model tag and the embedded text (migration 0005): unchanged texts are
    # never embedded again.
    text_hash = models.CharField(max_length=32, default="")

    class Meta:
        app_label = "knowledge"
        db_table = "knowledge_search_vector"
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.resource_id} {self.language}"


class SearchPending(models.Model):
    """Both: the language versions waiting for their embedding (migration 0005), with the
    hash of their current text; emptied by the background task and ``lmec knowledge embed``."""

    pk = models.CompositePrimaryKey("resource", "language")
    resource = models.ForeignKey(
        "knowledge.Resource", on_delete=models.DO_NOTHING, related_name="+", db_index=False
    )
    language = models.CharField(max_length=10)
    text_hash = models.CharField(max_length=32)

    class Meta:
        app_label = "knowledge"
        db_table = "knowledge_search_pending"
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.resource_id} {self.language}"


class SearchState(models.Model):
    """Both: one row whose token changes with every index write (see :mod:`.embeddings`).
    A flush deletes the row; the next index write puts it back."""

    id = models.IntegerField(primary_key=True)
    token = models.BigIntegerField()

    class Meta:
        app_label = "knowledge"
        db_table = "knowledge_search_state"
        default_permissions = ()

    def __str__(self) -> str:
        return str(self.token)


@receiver(post_delete, sender="knowledge.Resource")
def _resource_deleted(sender, instance, **kwargs) -> None:
    """A deleted record leaves the index (FTS5 rows have no foreign key) and the in-memory
    catalogue (:mod:`.catalogue`, reloaded when the index state changes) once the deletion
    commits, whoever deleted it (the admin, a shell)."""
    from . import index

    resource_id = instance.pk
    transaction.on_commit(lambda: index.remove_resource(resource_id))
