"""Workflows of the Library: each changes an item and tells the people
concerned, by email after commit. Focal points propose their ministry's
publications here (a draft, its files, then the review); the Secretariat
adds its own studies in the admin. An item's review moves through its table
in ``workflows.py`` (checked, logged and notified by
``core.workflow.transition``)."""

import datetime
import logging

from celery.exceptions import SoftTimeLimitExceeded
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import queue_after_commit
from core.workflow import TransitionError, transition

from . import rules
from .enums import ExtractionStatus, ItemStatus
from .extraction import Extracted, extract, split_pages
from .models import LIBRARY_FILE_KINDS, DownloadCount, LibraryFile, LibraryItem, LibraryPage

logger = logging.getLogger(__name__)

# A file still waiting to be read this long after it was saved lost its task
# (longer than a reading may last: EXTRACTION_TIME_LIMIT).
STALE_PENDING_AFTER = datetime.timedelta(minutes=10)
# Tries to read a file that stopped the worker before it is marked failed.
MAX_EXTRACTION_ATTEMPTS = 3
# Seconds one reading may take: far above a long study's (a 3,000-page PDF
# reads in about two minutes). Past the soft limit the file is marked failed;
# past the hard one the worker's process is killed, and the next try counts.
EXTRACTION_SOFT_TIME_LIMIT = 4 * 60
EXTRACTION_TIME_LIMIT = 5 * 60


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
    or replaced by a new upload (or given another language) while it was
    being read.

    Each try is counted before the file is opened: a file whose reading
    kills or outlasts the worker comes back (the message is redelivered, or
    queued again by the beat), and after MAX_EXTRACTION_ATTEMPTS tries it is
    marked failed instead of being read again."""
    claimed = LibraryFile.objects.filter(
        pk=file_id,
        extraction_status=ExtractionStatus.PENDING,
        extraction_attempts__lt=MAX_EXTRACTION_ATTEMPTS,
    ).update(extraction_attempts=F("extraction_attempts") + 1)
    if not claimed:
        LibraryFile.objects.filter(pk=file_id, extraction_status=ExtractionStatus.PENDING).update(
            extraction_status=ExtractionStatus.FAILED,
            extraction_message=_(
                "Reading this file stopped before the end too many times; it is not tried "
                "again. Upload the file again, or another copy of it."
            ),
        )
        return None
    library_file = LibraryFile.objects.filter(pk=file_id).first()
    if library_file is None:
        return None
    stored_name = library_file.file.name
    try:
        return _extract_and_record(library_file, stored_name)
    except SoftTimeLimitExceeded:
        message = _("Reading the file took too long; it is not tried again.")
    # Whatever else goes wrong (the storage, the database) must not leave the
    # file waiting forever, nor fail the task to be run again and again.
    except Exception:
        logger.exception("Library file %s could not be read", file_id)
        message = _("The file could not be read because of an unexpected error.")
    LibraryFile.objects.filter(
        pk=file_id, file=stored_name, extraction_status=ExtractionStatus.PENDING
    ).update(extraction_status=ExtractionStatus.FAILED, extraction_message=message[:300])
    return Extracted(ExtractionStatus.FAILED, message=message)


def _extract_and_record(library_file, stored_name):
    try:
        with library_file.file.open("rb") as handle:
            result = extract(handle, allowed=LIBRARY_FILE_KINDS)
    except FileNotFoundError:
        result = Extracted(ExtractionStatus.FAILED, message=_("The file is missing from storage."))
    with transaction.atomic():
        # Not if it was replaced, or said to be in another language, meanwhile.
        saved = LibraryFile.objects.filter(
            pk=library_file.pk,
            file=stored_name,
            language=library_file.language,
            extraction_status=ExtractionStatus.PENDING,
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


def files_requeue_pending(*, now=None):
    """Queue again the reading of the files still waiting to be read long
    after they were saved: their task was lost (a broker that was down, a
    message dropped). The beat calls it every few minutes; a file read in
    the meantime is skipped by the task. Returns how many were queued."""
    # Imported here: tasks.py imports this module.
    from .tasks import extract_file_text

    now = now or timezone.now()
    pending = LibraryFile.objects.filter(
        extraction_status=ExtractionStatus.PENDING, uploaded_at__lt=now - STALE_PENDING_AFTER
    ).order_by("pk")
    file_ids = list(pending.values_list("pk", flat=True))
    for file_id in file_ids:
        queue_after_commit(extract_file_text, file_id)
    return len(file_ids)


def _require(allowed, message):
    if not allowed:
        raise PermissionDenied(message)


def _require_changeable(item, user):
    _require(rules.can_edit_item(user, item), _("You cannot change this library item."))
    if not item.can_be_submitted:
        raise TransitionError(_("Only a draft or a returned library item can be changed."))


@transaction.atomic
def item_create(*, user, fields, topics=()):
    """A focal point's draft of a publication of their ministry."""
    _require(
        rules.can_propose_item(user), _("Only a ministry's focal points propose publications.")
    )
    item = LibraryItem(owner=user.institution, created_by=user, status=ItemStatus.DRAFT)
    return _apply(item, fields, topics)


@transaction.atomic
def item_update(*, item, user, fields, topics=()):
    """Change a draft or a returned item's description."""
    item = LibraryItem.objects.select_for_update().get(pk=item.pk)
    _require_changeable(item, user)
    return _apply(item, fields, topics)


def _apply(item, fields, topics):
    for name, value in fields.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    item.topics.set(topics)
    return item


@transaction.atomic
def file_add(*, item, user, language, file):
    """Add the item's ``language`` version, or replace it. The file is
    checked as every upload is (type, size, readable); a refused file
    leaves the item as it was."""
    item = LibraryItem.objects.select_for_update().get(pk=item.pk)
    _require_changeable(item, user)
    library_file = item.files.filter(language=language).first() or LibraryFile(
        item=item, language=language
    )
    library_file.file = file
    library_file.uploaded_by = user
    library_file.full_clean()
    # Saving deletes the replaced file from storage once committed.
    library_file.save()
    return library_file


@transaction.atomic
def file_remove(*, library_file, user):
    item = LibraryItem.objects.select_for_update().get(pk=library_file.item_id)
    _require_changeable(item, user)
    # Deleting removes its stored file once committed.
    library_file.delete()


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
    LibraryItem.objects.filter(pk=library_file.item_id).text_vectors_refresh()
