"""An uploaded language version is read by a real Celery worker once its
transaction commits (library/tasks.py), or, when the broker was down then,
once the beat queues it again."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from library import services
from library.enums import ExtractionStatus, ItemStatus
from library.models import LibraryFile
from library.placeholders import placeholder_pdf
from tests.conftest import broker_outage, wait_for
from tests.factories import FocalPointFactory
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


@pytest.mark.django_db(transaction=True)
def test_an_upload_while_the_broker_is_down_is_kept_and_read_once_requeued(
    client, celery_worker, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    focal_point = FocalPointFactory()
    item = LibraryItemFactory(owner=focal_point.institution, status=ItemStatus.DRAFT)
    client.force_login(focal_point)

    with broker_outage(tmp_path):
        response = client.post(
            reverse("library:file_add", args=[item.slug]),
            {
                "language": "es",
                "file": SimpleUploadedFile(
                    "estudio.pdf", placeholder_pdf(["Trabajo decente"]), "application/pdf"
                ),
            },
        )

    assert response.status_code == 302
    library_file = LibraryFile.objects.get()
    assert library_file.extraction_status == ExtractionStatus.PENDING
    # Not yet: its task may still be on its way.
    assert services.files_requeue_pending() == 0

    later = timezone.now() + services.STALE_PENDING_AFTER + datetime.timedelta(minutes=1)
    assert services.files_requeue_pending(now=later) == 1
    assert wait_for(
        lambda: LibraryFile.objects.filter(extraction_status=ExtractionStatus.DONE).exists()
    )
    assert "Trabajo decente" in LibraryFile.objects.get().text
