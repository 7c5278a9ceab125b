"""PostgreSQL-only search indexes: GIN on the weighted tsvector, and a trigram
index (pg_trgm) on the plain text for word-similarity matching. SQLite has
neither and searches with LIKE."""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS portfolio_program_search_vector_gin "
    "ON portfolio_program USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS portfolio_program_search_text_trgm "
    "ON portfolio_program USING gin (search_text gin_trgm_ops)",
]
DROP = [
    "DROP INDEX IF EXISTS portfolio_program_search_text_trgm",
    "DROP INDEX IF EXISTS portfolio_program_search_vector_gin",
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0001_initial")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
