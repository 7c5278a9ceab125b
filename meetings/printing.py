"""PDF documents of a meeting: the letter confirming a delegate's
participation, the certificate of attendance, and name badges for the
approved participants.

WeasyPrint is imported inside the functions: it loads the system's Pango,
which the rest of the portal (and every worker that never prints) can do
without."""

import warnings

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from .check_in import check_in_code, qr_svg
from .exports import approved_in_delegation_order

# Two columns of five: badges of 90 by 55 mm fill an A4 sheet with room to cut.
BADGES_PER_PAGE = 10


def _pdf(template_name, context):
    with warnings.catch_warnings():
        # Without the system's HarfBuzz-Subset (libharfbuzz-subset0) WeasyPrint
        # subsets fonts with fontTools, and says at import that a future
        # version will need the library: a note for the server, not a fault.
        warnings.filterwarnings("ignore", "HarfBuzz-Subset", DeprecationWarning)
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher

    html = render_to_string(template_name, context)
    # Everything the document needs is in the template: fetching nothing
    # means no name or title a delegate typed can make the server open a URL.
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=())).write_pdf()


def pdf_attachment(content, filename):
    """An HTTP response that downloads the PDF ``content`` as ``filename``."""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def participation_letter(registration):
    """The Technical Secretariat's letter confirming ``registration``'s
    participation, for visa and travel purposes, in the registrant's
    language. Whether the registration is approved is the caller's to check."""
    with translation.override(registration.language):
        return _pdf(
            "meetings/print/participation_letter.html",
            {
                "registration": registration,
                "meeting": registration.meeting,
                "issued_on": timezone.localdate(),
                "language": registration.language,
            },
        )


def certificate_of_attendance(registration, *, code):
    """The certificate that ``registration``'s participant attended, in the
    registrant's language, bearing the verification ``code``. Whether a
    certificate is due is the caller's to check (rules)."""
    meeting = registration.meeting
    with translation.override(registration.language):
        return _pdf(
            "meetings/print/certificate.html",
            {
                "registration": registration,
                "meeting": meeting,
                "hours": meeting.hours(),
                "code": registration.certificate_code_display(),
                "verify_url": settings.SITE_URL + reverse("meetings:certificate_verify"),
                "issued_on": timezone.localdate(),
                "language": registration.language,
            },
        )


def badge_pages(meeting):
    """``meeting``'s approved participants by delegation, BADGES_PER_PAGE to a page,
    each with the QR code and the code that check them in at the door."""
    participants = approved_in_delegation_order(meeting)
    for registration in participants:
        # segno's SVG holds only its path: nothing a participant typed.
        registration.check_in_qr = mark_safe(qr_svg(registration))
        registration.check_in_code = check_in_code(registration)
    return [
        participants[start : start + BADGES_PER_PAGE]
        for start in range(0, len(participants), BADGES_PER_PAGE)
    ]


def name_badges(meeting):
    """Name badges of ``meeting``'s approved participants, several to an A4
    page, in the active language."""
    return _pdf(
        "meetings/print/badges.html",
        {
            "meeting": meeting,
            "pages": badge_pages(meeting),
            "language": translation.get_language(),
        },
    )
