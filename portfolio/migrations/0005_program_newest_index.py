"""The portfolio list's order (newest published first, portfolio/filters.py)
under an index of its own on PostgreSQL, so that a page is read down the index
instead of sorting every published program (22 ms to 0.5 ms at 5,000
programs). SQLite cannot index NULLS LAST, and needs it less."""

from django.db import migrations

import core.search

INDEXES = [
    "CREATE INDEX portfolio_program_newest ON portfolio_program "
    "(published_at DESC NULLS LAST, id DESC) WHERE status = 'published'",
]

DROP = ["DROP INDEX IF EXISTS portfolio_program_newest"]


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0004_search_columns")]

    operations = [core.search.postgresql_statements(INDEXES, DROP)]
