"""The words of each item's pages on the item itself, under a GIN index on
PostgreSQL (LibraryItem.text_vector): the search finds items by their files'
words in the items' table. Filled here for the pages already kept."""

import django.contrib.postgres.search
from django.db import migrations

import core.search

CREATE = [
    """
    UPDATE library_libraryitem SET text_vector = (
        SELECT array_to_tsvector(array_agg(DISTINCT lexeme))
        FROM library_librarypage AS page, unnest(page.search_vector) AS word
        WHERE page.item_id = library_libraryitem.id
    )
    """,
    # Without GIN's pending list: an item's words are written when its files
    # are read, seldom, and searched at every search, which would otherwise
    # scan the list of entries not yet merged until the next vacuum.
    "CREATE INDEX library_libraryitem_text_vector_gin "
    "ON library_libraryitem USING gin (text_vector) WITH (fastupdate = off)",
]

DROP = ["DROP INDEX IF EXISTS library_libraryitem_text_vector_gin"]


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0003_search_columns_and_pages"),
    ]

    operations = [
        migrations.AddField(
            model_name="libraryitem",
            name="text_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        core.search.postgresql_statements(CREATE, DROP),
    ]
