"""The embedding queue of the search index (lmec.knowledge.search.index, docs/knowledge-search.md):

- ``knowledge_search_vector.text_hash``: the hash of the text a stored vector was made from
  (and of the model), so an unchanged text is never embedded again;
- ``knowledge_search_pending``: the language versions whose vector is missing or stale, with
  the hash of their current text; the background task (``lmec.knowledge.tasks``) and
  ``lmec knowledge embed`` embed them in batches and remove them.

Plain SQL valid on both databases, as the tables of 0002 are made in SQL. Vectors stored
before this migration have an empty hash: they are embedded again when their resource is
next indexed.
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE knowledge_search_vector ADD COLUMN text_hash varchar(32) NOT NULL DEFAULT ''",
    "CREATE TABLE knowledge_search_pending ("
    " resource_id bigint NOT NULL REFERENCES knowledge_resource (id) ON DELETE CASCADE"
    " DEFERRABLE INITIALLY DEFERRED,"
    " language varchar(10) NOT NULL, text_hash varchar(32) NOT NULL,"
    " PRIMARY KEY (resource_id, language))",
]
REVERSE = [
    "DROP TABLE knowledge_search_pending",
    "ALTER TABLE knowledge_search_vector DROP COLUMN text_hash",
]


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0004_harvest_prefix_help")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
