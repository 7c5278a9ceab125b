"""Validation of uploaded documents by their content, whatever their name says.

Shared by every app that accepts attachments (programs, meetings, …).
"""

import os
import zipfile
import zlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
DOCUMENT_EXTENSIONS = {
    "pdf",
    "docx",
    "doc",
    "xlsx",
    "xls",
    "odt",
    "ods",
    "odp",
    "pptx",
    "ppt",
    "rtf",
    "txt",
    "csv",
    "zip",
    "exe",
    "html",
    "htm",
    "jpg",
    "jpeg",
    "png",
}

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"

# Limits of what a legitimate office document needs: well below them for the
# largest programs and reports the Secretariat handles, yet low enough that
# whatever later extracts the file (indexing, previews) cannot be exhausted.
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_MEMBERS = 5000
MAX_COMPRESSION_RATIO = 100
# Small members may compress very well (repeated XML styles); only a large one
# with an extreme ratio is a threat.
RATIO_CHECKED_ABOVE_BYTES = 1024 * 1024

# What a damaged or hostile ZIP can raise while its directory or a member is
# read: bad headers, unsupported compression, encryption, truncated data.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    NotImplementedError,
    RuntimeError,
    EOFError,
    OSError,
    ValueError,
    zlib.error,
)


class DocumentKind(models.TextChoices):
    PDF = "pdf", _("PDF")
    DOCX = "docx", _("DOCX")
    XLSX = "xlsx", _("XLSX")
    ODT = "odt", _("ODT")


ALL_KINDS = tuple(DocumentKind)
ZIP_KINDS = frozenset({DocumentKind.DOCX, DocumentKind.XLSX, DocumentKind.ODT})


def _inspect(file):
    """(kind or None, members of the ZIP or [] when it is not one)."""
    file.seek(0)
    try:
        if file.read(5) == b"%PDF-":
            return DocumentKind.PDF, []
        file.seek(0)
        if not zipfile.is_zipfile(file):
            return None, []
        try:
            with zipfile.ZipFile(file) as archive:
                members = archive.infolist()
                names = {member.filename for member in members}
                if "mimetype" in names:
                    # Bounded read: the member's declared size cannot be trusted yet.
                    with archive.open("mimetype") as mimetype:
                        if mimetype.read(len(ODT_MIMETYPE) + 1) == ODT_MIMETYPE:
                            return DocumentKind.ODT, members
                if "[Content_Types].xml" in names:
                    if "word/document.xml" in names:
                        return DocumentKind.DOCX, members
                    if "xl/workbook.xml" in names:
                        return DocumentKind.XLSX, members
                return None, members
        except _ZIP_ERRORS:
            return None, []
    finally:
        file.seek(0)


def detect_document_kind(file) -> DocumentKind | None:
    """The kind of document ``file`` holds, judged by its content; None if unknown."""
    return _inspect(file)[0]


def _size(file):
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, os.SEEK_END)
        size = file.tell()
        file.seek(0)
    return size


def _is_suspicious(members):
    # Python's zipfile never yields more than a member's declared size, so the
    # sizes in the directory bound what extracting the document can produce.
    if len(members) > MAX_MEMBERS:
        return True
    if sum(member.file_size for member in members) > MAX_UNCOMPRESSED_BYTES:
        return True
    return any(
        member.file_size > RATIO_CHECKED_ABOVE_BYTES
        and member.file_size > MAX_COMPRESSION_RATIO * member.compress_size
        for member in members
    )


@deconstructible
class DocumentValidator:
    """Accept only documents of the ``allowed`` kinds, of at most ``max_size`` bytes.

    Without ``max_size``, the limit is ``settings.RIAL_MAX_UPLOAD_BYTES`` when the
    file is checked, so that changing the setting needs no migration.
    """

    empty_message = _("The file is empty.")
    too_large_message = _("The file is %(size)s; the limit is %(limit)s.")
    # Translators: "kinds" is a list such as "PDF, DOCX or ODT".
    file_type_message = _("This file is not a %(kinds)s document.")
    # Translators: "extension" includes its dot, such as ".docx"; "kind" is such as "PDF".
    extension_mismatch_message = _(
        "The file's name ends in %(extension)s but its content is a %(kind)s document."
    )
    suspicious_message = _("The file looks damaged or unsafe and was refused.")

    def __init__(self, allowed=ALL_KINDS, max_size=None):
        wanted = {DocumentKind(kind) for kind in allowed}
        if not wanted:
            raise ValueError("DocumentValidator needs at least one allowed kind.")
        # Declaration order, so that messages and equality ignore the caller's order.
        self.allowed = tuple(kind for kind in DocumentKind if kind in wanted)
        self.max_size = max_size

    def __eq__(self, other):
        return (
            isinstance(other, DocumentValidator)
            and self.allowed == other.allowed
            and self.max_size == other.max_size
        )

    def __call__(self, file):
        size = _size(file)
        if size == 0:
            raise ValidationError(self.empty_message, code="empty")
        limit = self.max_size
        if limit is None:
            limit = getattr(settings, "RIAL_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)
        if size > limit:
            raise ValidationError(
                self.too_large_message,
                code="too_large",
                params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
            )

        kind, members = _inspect(file)
        if kind not in self.allowed:
            raise ValidationError(
                self.file_type_message,
                code="file_type",
                params={"kinds": get_text_list([each.label for each in self.allowed], _("or"))},
            )
        extension = os.path.splitext(getattr(file, "name", None) or "")[1]
        # Only a document extension can contradict the content: "Acta 2024.05.03"
        # has no extension worth comparing.
        suffix = extension[1:].lower()
        if suffix in DOCUMENT_EXTENSIONS and suffix != kind.value:
            raise ValidationError(
                self.extension_mismatch_message,
                code="extension_mismatch",
                params={"extension": extension, "kind": kind.label},
            )
        if kind in ZIP_KINDS and _is_suspicious(members):
            raise ValidationError(self.suspicious_message, code="suspicious")
