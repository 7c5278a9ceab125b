"""The text and page count of a library file, read once by a task.

Files were checked on upload (core/uploads.py), and are checked again
here before they are opened: a file changed in storage since, or written by
some other path, is refused the same way. Whatever a parser meets in a
damaged or hostile file ends as a failure with a message, never as an
exception that would make the task run again."""

from dataclasses import dataclass

import docx
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from odf import teletype
from odf.namespaces import TEXTNS
from odf.opendocument import load as odf_load
from pypdf import PdfReader

from core.uploads import DocumentKind, DocumentValidator, detect_document_kind

from .enums import ExtractionStatus

# Bounds on what one file may give: far above a real study (a few hundred
# pages, a few MB of text), so that a crafted file cannot fill the database.
MAX_PAGES = 3000
MAX_TEXT_CHARS = 5_000_000
# The PDF's pages are kept apart by form feeds, so that a match can name its page.
PAGE_BREAK = "\f"
# A file without pages (DOCX, ODT) is searched in sections of about this
# many characters, cut between paragraphs: a snippet is cut from one section,
# and highlighting a whole long document would cost as much as its length.
SECTION_CHARS = 4000


@dataclass(frozen=True)
class Extracted:
    status: str
    text: str = ""
    page_count: int | None = None
    message: str = ""


def extract(file, *, allowed):
    """Read ``file`` (an open binary file) as one of the ``allowed`` kinds."""
    try:
        DocumentValidator(allowed=allowed)(file)
    except ValidationError as error:
        return Extracted(ExtractionStatus.FAILED, message=" ".join(error.messages))
    kind = detect_document_kind(file)
    file.seek(0)
    reader = {
        DocumentKind.PDF: _pdf,
        DocumentKind.DOCX: _docx,
        DocumentKind.ODT: _odt,
    }[kind]
    try:
        return reader(file)
    # The parsers raise whatever the broken structure leads them to (their
    # own errors, KeyError, ValueError, RecursionError, zlib's…): each means
    # the file cannot be read, and none may escape to retry the task.
    except Exception:  # noqa: BLE001
        return Extracted(
            ExtractionStatus.FAILED, message=_("The file is damaged and could not be read.")
        )


@deconstructible
class ReadableDocumentValidator(DocumentValidator):
    """``DocumentValidator``, and then a document its reader opens: an
    encrypted or damaged file is refused on upload, with the message the
    task would record, and nothing is saved."""

    encrypted_message = gettext_lazy("The PDF is encrypted: upload a version without a password.")
    damaged_message = gettext_lazy("The file is damaged and could not be read.")

    def __call__(self, file):
        super().__call__(file)
        try:
            encrypted = self._open(detect_document_kind(file), file)
        # As in extract(): whatever the parser raises means it cannot read the file.
        except Exception as error:
            raise ValidationError(self.damaged_message, code="damaged") from error
        finally:
            file.seek(0)
        if encrypted:
            raise ValidationError(self.encrypted_message, code="encrypted")

    @staticmethod
    def _open(kind, file):
        """Open the document as its reader does; True if it is encrypted."""
        if kind == DocumentKind.PDF:
            reader = PdfReader(file)
            if reader.is_encrypted:
                return True
            len(reader.pages)  # the page tree: where a damaged PDF usually breaks
        elif kind == DocumentKind.DOCX:
            docx.Document(file)
        else:
            odf_load(file)
        return False


def _result(text, page_count):
    text = text[:MAX_TEXT_CHARS]
    if not text.replace(PAGE_BREAK, "").strip():
        return Extracted(
            ExtractionStatus.NO_TEXT,
            page_count=page_count,
            message=_("No text was found: the file may be a scan of printed pages."),
        )
    return Extracted(ExtractionStatus.DONE, text=text, page_count=page_count)


def split_pages(text, page_count):
    """``text`` as the search keeps it: (page number, text) for each page of
    a file with pages (a PDF: ``page_count`` known), else (None, text) for
    each section of at most about SECTION_CHARS characters. Blank ones left out."""
    if page_count is not None:
        pages = enumerate(text.split(PAGE_BREAK), start=1)
        return [(number, page) for number, page in pages if page.strip()]
    sections, current, length = [], [], 0
    for paragraph in text.split("\n"):
        if current and length + len(paragraph) > SECTION_CHARS:
            sections.append("\n".join(current))
            current, length = [], 0
        current.append(paragraph)
        length += len(paragraph) + 1
    sections.append("\n".join(current))
    return [(None, section) for section in sections if section.strip()]


def _pdf(file):
    reader = PdfReader(file)
    if reader.is_encrypted:
        return Extracted(
            ExtractionStatus.FAILED,
            message=_("The PDF is encrypted: upload a version without a password."),
        )
    pages = reader.pages
    count = len(pages)
    if count > MAX_PAGES:
        return Extracted(
            ExtractionStatus.FAILED,
            page_count=count,
            message=_("The PDF has %(count)d pages; the limit is %(limit)d.")
            % {"count": count, "limit": MAX_PAGES},
        )
    texts, length = [], 0
    for page in pages:
        text = page.extract_text() or ""
        texts.append(text)
        length += len(text)
        if length > MAX_TEXT_CHARS:
            break
    return _result(PAGE_BREAK.join(texts), count)


def _docx(file):
    document = docx.Document(file)
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return _result("\n".join(part for part in parts if part), None)


ODT_PARAGRAPHS = {(TEXTNS, "p"), (TEXTNS, "h")}


def _odt(file):
    document = odf_load(file)
    parts = [part for part in _odt_paragraphs(document.text) if part]
    return _result("\n".join(parts), None)


def _odt_paragraphs(node):
    """The text of each paragraph and heading, in the document's order
    (tables and frames hold paragraphs of their own)."""
    for child in node.childNodes:
        if getattr(child, "qname", None) in ODT_PARAGRAPHS:
            yield teletype.extractText(child)
        else:
            yield from _odt_paragraphs(child)
