"""library 0004: the words of the pages kept before it are put on their
items, so that the search finds the items by them the day it is deployed."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from library import selectors
from library.enums import ExtractionStatus
from library.models import LibraryItem, LibraryPage
from tests.library.factories import LibraryFileFactory, LibraryItemFactory

pytestmark = pytest.mark.postgresql


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def found(words):
    return list(selectors.item_search(queryset=LibraryItem.objects.all(), query=words))


@pytest.mark.django_db(transaction=True)
def test_the_pages_kept_before_the_migration_find_their_items():
    item = LibraryItemFactory()
    # A file already read (a stored name, not an upload): no extraction runs.
    library_file = LibraryFileFactory(
        item=item,
        language="es",
        file="library/informe.pdf",
        extraction_status=ExtractionStatus.DONE,
    )
    LibraryPage.objects.create(
        file=library_file, item=item, language="es", number=1, text="Inspecciones del trabajo."
    )
    # Written as a page, not read from a file: the item does not know its words.
    assert found("inspección") == []
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        migrate([("library", "0003_search_columns_and_pages")])
    finally:
        migrate(leaves)

    assert found("inspección") == [item]
    assert found("pensiones") == []
