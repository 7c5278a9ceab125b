"""Pieces of schema.org markup that several apps' ``structured_data`` share
(``core/templatetags/structured_data.py`` writes them as JSON-LD)."""

import mimetypes
from urllib.parse import urljoin

# The Technical Secretariat of the IACML, which publishes the meetings' documents.
OAS = {
    "@type": "Organization",
    "name": "Organization of American States",
    "url": "https://www.oas.org",
}


def media_object(*, page_url, file_url, language, file_name):
    """One language version of a document: its file's absolute address (on
    the host of ``page_url``), language and type."""
    media = {
        "@type": "MediaObject",
        "inLanguage": language,
        "contentUrl": urljoin(page_url, file_url),
    }
    media_type, _encoding = mimetypes.guess_type(file_name)
    if media_type:
        media["encodingFormat"] = media_type
    return media
