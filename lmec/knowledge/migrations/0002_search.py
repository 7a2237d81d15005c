"""Search tables (lmec.knowledge.search), created in SQL because each database has its own:

- SQLite: ``knowledge_search_fts``, an FTS5 table (title, abstract, body) whose rowid encodes
  (resource, language version): ``resource_id * 8 + language index``. Its tokenizer is
  ``ascii``: every non-ASCII character is a token character, so the ICU words the index writes,
  joined by spaces, come back as they were (``unicode61`` would cut Thai words at their vowel
  and tone marks; see docs/knowledge-search.md).
- PostgreSQL: ``knowledge_search_document`` with a weighted ``tsvector`` (A title, B abstract
  and keywords, C body) written as a literal from the ICU words, and a GIN index.
- Both: ``knowledge_search_vector`` (one embedding per language version, float32 bytes) and
  ``knowledge_search_state`` (a token that changes with every index write, so that each
  process knows when to reload its in-memory matrix of embeddings).
"""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE knowledge_search_fts USING fts5(title, abstract, body, tokenize = 'ascii')",
    "CREATE TABLE knowledge_search_vector ("
    " resource_id bigint NOT NULL REFERENCES knowledge_resource (id) ON DELETE CASCADE"
    " DEFERRABLE INITIALLY DEFERRED,"
    " language varchar(10) NOT NULL, vector blob NOT NULL, PRIMARY KEY (resource_id, language))",
    "CREATE TABLE knowledge_search_state (id integer PRIMARY KEY, token bigint NOT NULL)",
    "INSERT INTO knowledge_search_state (id, token) VALUES (1, 0)",
]
SQLITE_REVERSE = [
    "DROP TABLE knowledge_search_state",
    "DROP TABLE knowledge_search_vector",
    "DROP TABLE knowledge_search_fts",
]
POSTGRES = [
    "CREATE TABLE knowledge_search_document ("
    " resource_id bigint NOT NULL REFERENCES knowledge_resource (id) ON DELETE CASCADE"
    " DEFERRABLE INITIALLY DEFERRED,"
    " language varchar(10) NOT NULL, document tsvector NOT NULL,"
    " PRIMARY KEY (resource_id, language))",
    "CREATE INDEX knowledge_search_document_gin ON knowledge_search_document USING gin (document)",
    "CREATE TABLE knowledge_search_vector ("
    " resource_id bigint NOT NULL REFERENCES knowledge_resource (id) ON DELETE CASCADE"
    " DEFERRABLE INITIALLY DEFERRED,"
    " language varchar(10) NOT NULL, vector bytea NOT NULL, PRIMARY KEY (resource_id, language))",
    "CREATE TABLE knowledge_search_state (id integer PRIMARY KEY, token bigint NOT NULL)",
    "INSERT INTO knowledge_search_state (id, token) VALUES (1, 0)",
]
POSTGRES_REVERSE = [
    "DROP TABLE knowledge_search_state",
    "DROP TABLE knowledge_search_vector",
    "DROP TABLE knowledge_search_document",
]


def _run(statements: dict):
    def run(apps, schema_editor):
        for sql in statements[schema_editor.connection.vendor]:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
