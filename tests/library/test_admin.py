"""The library's admin: adding a language version checks the file like
every upload (core/uploads.py); a version given another language is read
again in it."""

import io

import docx
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from library import tasks
from library.enums import ExtractionStatus
from library.models import LibraryFile
from tests.admin_forms import change_form_data
from tests.library.factories import PDF, LibraryFileFactory, LibraryItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _docx(text):
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


DOCX_IN_SPANISH = _docx("La formación de los inspectores del trabajo.")


def _with_file(staff_client, item, upload):
    url = reverse("admin:library_libraryitem_change", args=[item.pk])
    data = change_form_data(staff_client.get(url))
    data.update({"files-TOTAL_FORMS": "1", "files-0-language": "es", "files-0-file": upload})
    return staff_client.post(url, data)


def test_a_pdf_added_in_the_admin_is_kept_with_its_type_size_and_uploader(staff_client):
    item = LibraryItemFactory()

    response = _with_file(
        staff_client, item, SimpleUploadedFile("estudio.pdf", PDF, "application/pdf")
    )

    assert response.status_code == 302
    library_file = LibraryFile.objects.get()
    assert (library_file.item, library_file.language, library_file.kind, library_file.size) == (
        item,
        "es",
        "pdf",
        len(PDF),
    )
    assert library_file.uploaded_by == staff_client.staff
    assert library_file.extraction_status == ExtractionStatus.PENDING
    assert library_file.file.url == reverse(
        "library:file_download", kwargs={"slug": item.slug, "language": "es"}
    )


def test_a_file_that_is_no_document_is_refused_with_a_message_and_nothing_saved(staff_client):
    item = LibraryItemFactory()

    response = _with_file(
        staff_client, item, SimpleUploadedFile("estudio.pdf", b"MZ\x90\x00binary", "x/y")
    )

    assert response.status_code == 200
    assert "This file is not a PDF, DOCX or ODT document." in response.content.decode()
    assert not LibraryFile.objects.exists()


def encrypted_pdf():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (encrypted_pdf(), "The PDF is encrypted: upload a version without a password."),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog", "The file is damaged and could not be read."),
    ],
    ids=["encrypted", "damaged"],
)
def test_an_unreadable_pdf_is_refused_on_upload_and_nothing_saved(staff_client, content, message):
    item = LibraryItemFactory()

    response = _with_file(
        staff_client, item, SimpleUploadedFile("estudio.pdf", content, "application/pdf")
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not LibraryFile.objects.exists()


def test_a_files_language_changed_in_the_admin_has_it_read_again_in_that_language(
    staff_client, client, django_capture_on_commit_callbacks
):
    item = LibraryItemFactory()
    library_file = LibraryFileFactory(
        item=item, language="en", file=ContentFile(DOCX_IN_SPANISH, name="estudio.docx")
    )
    tasks.extract_file_text.apply(args=[library_file.pk])
    url = reverse("admin:library_libraryitem_change", args=[item.pk])
    data = change_form_data(staff_client.get(url))
    # The browser sends no file when none is chosen (the test client would
    # upload the FieldFile's content again).
    del data["files-0-file"]
    data["files-0-language"] = "es"

    with django_capture_on_commit_callbacks() as callbacks:
        response = staff_client.post(url, data)

    assert response.status_code == 302
    library_file.refresh_from_db()
    assert (library_file.language, library_file.extraction_status) == (
        "es",
        ExtractionStatus.PENDING,
    )
    assert len(callbacks) == 1
    tasks.extract_file_text.apply(args=[library_file.pk])

    library_file.refresh_from_db()
    assert library_file.extraction_status == ExtractionStatus.DONE
    assert set(library_file.pages.values_list("language", flat=True)) == {"es"}
    found = client.get(reverse("library:item_list"), {"q": "inspectores"}).context["page"]
    assert list(found.object_list) == [item]


def test_a_file_replaced_or_removed_in_the_admin_leaves_the_storage(
    staff_client, django_capture_on_commit_callbacks
):
    item = LibraryItemFactory()
    library_file = LibraryFileFactory(item=item, language="es")
    storage, first = library_file.file.storage, library_file.file.name
    url = reverse("admin:library_libraryitem_change", args=[item.pk])
    data = change_form_data(staff_client.get(url))
    data["files-0-file"] = SimpleUploadedFile("nuevo.pdf", PDF, "application/pdf")

    with django_capture_on_commit_callbacks(execute=True):
        assert staff_client.post(url, data).status_code == 302

    library_file.refresh_from_db()
    second = library_file.file.name
    assert second != first
    assert (storage.exists(first), storage.exists(second)) == (False, True)
    data = change_form_data(staff_client.get(url))
    del data["files-0-file"]
    data["files-0-DELETE"] = "on"

    with django_capture_on_commit_callbacks(execute=True):
        assert staff_client.post(url, data).status_code == 302

    assert not LibraryFile.objects.exists()
    assert not storage.exists(second)
