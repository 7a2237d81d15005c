"""Search of the knowledge catalogue: text (normalisation, Zawgyi, ICU words), the lexical index
(SQLite FTS5 / PostgreSQL tsvector), embeddings, hybrid ranking, facets and snippets.

Entry points: :mod:`.text`, :mod:`.index` (keep the index current), :mod:`.query` (search).
Design and measurements: ``docs/knowledge-search.md``.
"""
