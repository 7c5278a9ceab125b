"""The posts' search column under a GIN index on PostgreSQL (core/search.py)."""

from django.db import migrations

from core.search import postgresql_statements


class Migration(migrations.Migration):
    dependencies = [("forum", "0001_initial")]

    operations = [
        postgresql_statements(
            ["CREATE INDEX forum_post_search_vector_gin ON forum_post USING gin (search_vector)"],
            ["DROP INDEX IF EXISTS forum_post_search_vector_gin"],
        ),
    ]
