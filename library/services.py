"""Workflows of the Library: each changes an item and tells the people
concerned, by email after commit. An item's review moves through its table
in ``workflows.py`` (checked, logged and notified by
``network.workflow.transition``)."""

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from network.workflow import transition

from .enums import ExtractionStatus
from .extraction import Extracted, extract, split_pages
from .models import LIBRARY_FILE_KINDS, DownloadCount, LibraryFile, LibraryPage


def item_submit(*, item, user):
    return transition(item, "submit", user=user)


def item_publish(*, item, user):
    return transition(item, "publish", user=user)


def item_return(*, item, user, comment):
    return transition(item, "return", user=user, comment=comment)


def item_publish_directly(*, item, user):
    return transition(item, "publish_directly", user=user)


def download_count(*, item, language):
    """Count one download of the item's ``language`` version: a number per
    item and language, nothing about the reader."""
    counter, _created = DownloadCount.objects.get_or_create(item=item, language=language)
    DownloadCount.objects.filter(pk=counter.pk).update(count=F("count") + 1)


def file_extract_text(*, file_id):
    """Read the text and page count of a language version still waiting to
    be read, once: whatever the file holds, it ends done, without text or
    failed with a message. Nothing happens if the file is gone, already read,
    or replaced by a new upload while it was being read."""
    library_file = LibraryFile.objects.filter(
        pk=file_id, extraction_status=ExtractionStatus.PENDING
    ).first()
    if library_file is None:
        return None
    stored_name = library_file.file.name
    try:
        with library_file.file.open("rb") as handle:
            result = extract(handle, allowed=LIBRARY_FILE_KINDS)
    except FileNotFoundError:
        result = Extracted(ExtractionStatus.FAILED, message=_("The file is missing from storage."))
    with transaction.atomic():
        saved = LibraryFile.objects.filter(
            pk=file_id, file=stored_name, extraction_status=ExtractionStatus.PENDING
        ).update(
            text=result.text,
            page_count=result.page_count,
            extraction_status=result.status,
            extraction_message=result.message[:300],
        )
        if saved:
            file_pages_replace(
                library_file=library_file, text=result.text, page_count=result.page_count
            )
    return result


def file_pages_replace(*, library_file, text, page_count):
    """Keep ``text``, the file's extracted text, page by page for the search
    (a PDF's ``page_count`` is known; a DOCX's or an ODT's is None)."""
    LibraryPage.objects.filter(file=library_file).delete()
    LibraryPage.objects.bulk_create(
        LibraryPage(
            file=library_file,
            item_id=library_file.item_id,
            language=library_file.language,
            number=number,
            text=page,
        )
        for number, page in split_pages(text, page_count)
    )
