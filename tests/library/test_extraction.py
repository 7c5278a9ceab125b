"""Reading a language version's text (library/extraction.py, through the
file_extract_text service the task calls), with real files made here."""

import io

import docx
import pytest
from django.core.files.base import ContentFile
from odf.opendocument import OpenDocumentText
from odf.text import H, P
from PIL import Image
from pypdf import PdfWriter

from library import services, tasks
from library.enums import ExtractionStatus
from library.models import LibraryFile
from library.placeholders import placeholder_pdf
from tests.library.factories import LibraryFileFactory, LibraryItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def read(content, name):
    library_file = LibraryFileFactory(
        item=LibraryItemFactory(), file=ContentFile(content, name=name)
    )
    services.file_extract_text(file_id=library_file.pk)
    library_file.refresh_from_db()
    return library_file


def docx_bytes(*paragraphs):
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "Cuadro de inspectores"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_bytes(heading, paragraph):
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=heading))
    document.text.addElement(P(text=paragraph))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_pdfs_text_and_page_count_are_read():
    library_file = read(placeholder_pdf(["Labor inspection in the Americas"]), "study.pdf")

    assert library_file.extraction_status == ExtractionStatus.DONE
    assert "Labor inspection in the Americas" in library_file.text
    assert library_file.page_count == 1


def test_a_docx_text_is_read_with_its_tables():
    library_file = read(docx_bytes("Informe sobre la inspección del trabajo"), "informe.docx")

    assert library_file.extraction_status == ExtractionStatus.DONE
    assert library_file.text == "Informe sobre la inspección del trabajo\nCuadro de inspectores"


def test_an_odt_text_is_read_in_order():
    library_file = read(odt_bytes("Diálogo social", "Conclusiones del taller"), "taller.odt")

    assert library_file.extraction_status == ExtractionStatus.DONE
    assert library_file.text == "Diálogo social\nConclusiones del taller"


def test_a_scanned_pdf_without_text_is_flagged_as_such():
    buffer = io.BytesIO()
    Image.new("RGB", (200, 280), "white").save(buffer, "PDF")

    library_file = read(buffer.getvalue(), "scan.pdf")

    assert library_file.extraction_status == ExtractionStatus.NO_TEXT
    assert library_file.page_count == 1
    assert library_file.extraction_message == (
        "No text was found: the file may be a scan of printed pages."
    )


def test_an_encrypted_pdf_fails_with_a_message():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)

    library_file = read(buffer.getvalue(), "secret.pdf")

    assert library_file.extraction_status == ExtractionStatus.FAILED
    assert library_file.extraction_message == (
        "The PDF is encrypted: upload a version without a password."
    )
    assert library_file.text == ""


def test_a_corrupt_pdf_fails_with_a_message():
    library_file = read(b"%PDF-1.4\n1 0 obj << /Type /Catalog", "broken.pdf")

    assert library_file.extraction_status == ExtractionStatus.FAILED
    assert library_file.extraction_message == "The file is damaged and could not be read."


def test_a_file_that_is_no_document_fails_with_the_uploads_message():
    library_file = read(b"MZ\x90\x00 not a document", "program.exe")

    assert library_file.extraction_status == ExtractionStatus.FAILED
    assert library_file.extraction_message == "This file is not a PDF, DOCX or ODT document."


def test_a_file_missing_from_storage_fails_with_a_message():
    library_file = LibraryFileFactory()
    library_file.file.storage.delete(library_file.file.name)

    services.file_extract_text(file_id=library_file.pk)

    library_file.refresh_from_db()
    assert library_file.extraction_status == ExtractionStatus.FAILED
    assert library_file.extraction_message == "The file is missing from storage."


def test_a_file_is_read_once_and_a_gone_one_is_ignored():
    library_file = read(placeholder_pdf(["Once"]), "once.pdf")
    LibraryFile.objects.filter(pk=library_file.pk).update(text="kept")

    assert services.file_extract_text(file_id=library_file.pk) is None
    assert services.file_extract_text(file_id=library_file.pk + 1000) is None
    library_file.refresh_from_db()
    assert library_file.text == "kept"


def test_a_new_upload_queues_its_reading_after_commit(django_capture_on_commit_callbacks):
    item = LibraryItemFactory()

    with django_capture_on_commit_callbacks() as callbacks:
        LibraryFileFactory(item=item)
        LibraryFile.objects.get().save()

    # Saving again without a new file reads nothing again.
    assert len(callbacks) == 1


def test_each_reading_counts_as_an_attempt_and_a_new_upload_starts_again():
    library_file = read(placeholder_pdf(["Once"]), "once.pdf")
    assert library_file.extraction_attempts == 1

    library_file.file = ContentFile(placeholder_pdf(["Twice"]), name="twice.pdf")
    library_file.save()

    library_file.refresh_from_db()
    assert (library_file.extraction_status, library_file.extraction_attempts) == (
        ExtractionStatus.PENDING,
        0,
    )


def test_a_file_that_stopped_the_worker_too_often_is_failed_not_read_again():
    # Three tries began and none ended: the worker was killed each time.
    library_file = LibraryFileFactory()
    LibraryFile.objects.filter(pk=library_file.pk).update(
        extraction_attempts=services.MAX_EXTRACTION_ATTEMPTS
    )

    tasks.extract_file_text.apply(args=[library_file.pk])

    library_file.refresh_from_db()
    assert library_file.extraction_status == ExtractionStatus.FAILED
    assert library_file.extraction_message.startswith("Reading this file stopped before the end")
    assert library_file.text == ""
    assert library_file.extraction_attempts == services.MAX_EXTRACTION_ATTEMPTS


def test_the_reading_has_time_limits_within_the_requeue_delay():
    task = tasks.extract_file_text

    assert 0 < task.soft_time_limit < task.time_limit
    assert task.time_limit < services.STALE_PENDING_AFTER.total_seconds()


def test_an_unexpected_error_fails_the_file_with_a_message(settings, tmp_path):
    # Storage that answers with something else than the file: a folder.
    library_file = LibraryFileFactory()
    (tmp_path / "library" / "a-folder").mkdir(parents=True)
    LibraryFile.objects.filter(pk=library_file.pk).update(file="library/a-folder")

    tasks.extract_file_text.apply(args=[library_file.pk])

    library_file.refresh_from_db()
    assert library_file.extraction_status == ExtractionStatus.FAILED
    assert library_file.extraction_message == (
        "The file could not be read because of an unexpected error."
    )
