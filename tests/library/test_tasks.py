"""An uploaded language version is read by a real Celery worker once its
transaction commits (library/tasks.py)."""

import pytest
from django.core.files.base import ContentFile

from library.enums import ExtractionStatus
from library.models import LibraryFile
from library.placeholders import placeholder_pdf
from tests.conftest import wait_for
from tests.library.factories import LibraryItemFactory


@pytest.mark.django_db(transaction=True)
def test_an_uploaded_pdf_is_read_by_the_worker_after_commit(celery_worker, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    item = LibraryItemFactory()

    LibraryFile.objects.create(
        item=item,
        language="es",
        file=ContentFile(placeholder_pdf(["Inspección del trabajo"]), name="estudio.pdf"),
    )

    assert wait_for(
        lambda: LibraryFile.objects.filter(extraction_status=ExtractionStatus.DONE).exists()
    )
    library_file = LibraryFile.objects.get()
    assert "Inspección del trabajo" in library_file.text
    assert library_file.page_count == 1
