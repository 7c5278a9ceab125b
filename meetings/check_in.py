"""The check-in code on a participant's badge and in their emails.

The code names a registration and carries a signature (an HMAC under a salt
of its own, so neither a manage link nor a confirmation link can be made
from it, nor it from them). It gives nobody any power over the registration:
its QR code opens the meeting's check-in page, which only the meetings
staff may use, and the staff record the attendance there. Unlike the
registrant's links it does not change with the link nonce: a printed badge
must keep working when its owner asks for a new link.

The code is short enough to type when a camera cannot read it:
``<registration id>-<8 letters or digits>``."""

import base64
import re
from urllib.parse import parse_qs, urlsplit

import segno
from django.conf import settings
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

from .models import Registration

CHECK_IN_SALT = "meetings.registration.check-in"
CODE = re.compile(r"^(\d{1,12})-([A-Z2-7]{8})$")


def _signature(registration_id, meeting_id):
    digest = salted_hmac(
        CHECK_IN_SALT, f"{meeting_id}:{registration_id}", algorithm="sha256"
    ).digest()
    return base64.b32encode(digest[:5]).decode()


def check_in_code(registration):
    return f"{registration.pk}-{_signature(registration.pk, registration.meeting_id)}"


def check_in_url(registration):
    """The address the QR code holds: the meeting's check-in page with the code."""
    path = reverse("meetings:check_in", kwargs={"slug": registration.meeting.slug})
    return f"{settings.SITE_URL}{path}?code={check_in_code(registration)}"


def normalized_code(text):
    """The code in what staff typed, pasted or scanned (the whole address, or
    the code with spaces or in small letters); "" when there is none."""
    text = (text or "").strip()[:500]
    if "://" in text or text.startswith("/"):
        text = parse_qs(urlsplit(text).query).get("code", [""])[0]
    return re.sub(r"\s+", "", text).upper()


def registration_for_code(meeting, text):
    """The registration of ``meeting`` that the check-in code in ``text``
    names, or None for a code that is altered, mistyped or of another meeting."""
    match = CODE.match(normalized_code(text))
    if match is None:
        return None
    registration_id = int(match.group(1))
    if not constant_time_compare(match.group(2), _signature(registration_id, meeting.pk)):
        return None
    return (
        Registration.objects.select_related("meeting", "institution__member_state", "member_state")
        .filter(pk=registration_id, meeting=meeting)
        .first()
    )


def qr_svg(registration):
    """The QR code of ``registration``'s check-in address, as inline SVG that
    takes the size its container gives it."""
    return segno.make(check_in_url(registration), error="m").svg_inline(
        omitsize=True, dark="#000", light="#fff"
    )


def qr_png_data_uri(registration, *, scale=4):
    """The same QR code as a PNG data URI: an image an HTML email carries inside it."""
    return segno.make(check_in_url(registration), error="m").png_data_uri(scale=scale)
