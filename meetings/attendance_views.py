"""Attendance pages of the meetings staff: the check-in page at the door
(scan a badge's QR code, type its code or tick a name, from a phone) and the
import of a webinar platform's attendance report. Both record through
``services.attendance_record``, which keeps the first record of each person.

The check-in page is a page of the portal rather than of the admin: it is
opened on a phone at the door (the admin's lists are not made for one), and
it is where a badge's QR code leads when a phone's own camera reads it."""

import datetime
import secrets

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.imports import MAX_IMPORT_BYTES
from core.params import record_key

from . import attendance_import, check_in, rules, selectors, services
from .enums import AttendanceSource, RegistrationStatus
from .views import _meeting_for

# How long a previewed report waits for its confirmation.
PENDING_SECONDS = 3600
# A check-in queued by a phone that was offline keeps the time it was made,
# if it arrives within this long; otherwise it is recorded when it arrives.
OFFLINE_GRACE = datetime.timedelta(days=2)


def _staff_meeting(request, slug):
    meeting = _meeting_for(request, slug)
    if not rules.can_record_attendance(request.user):
        raise PermissionDenied
    return meeting


def _when(text, now):
    """When an offline check-in was made, as the phone said; ``now`` if it
    said nothing believable."""
    try:
        at = parse_datetime(text or "")
    except ValueError:
        at = None
    if at is None or timezone.is_naive(at) or not (now - OFFLINE_GRACE <= at <= now):
        return now
    return at


def _time(meeting, at):
    return timezone.localtime(at, meeting.tz).strftime("%H:%M")


def _check_in(meeting, data, now, user):
    """Record the check-in that the POSTed ``data`` asks for, by ``user``:
    (status, message, registration). status is "recorded", "already" or
    "refused"."""
    if data.get("registration"):
        source = AttendanceSource.LIST
        key = record_key(data["registration"])
        registration = (
            selectors.check_in_list(meeting).filter(pk=key).first() if key is not None else None
        )
        if registration is None:
            return "refused", _("This person is not an approved participant."), None
    else:
        source = AttendanceSource.CHECK_IN
        registration = check_in.registration_for_code(meeting, data.get("code", ""))
        if registration is None:
            return "refused", _("This code is not a check-in code of this meeting."), None
    try:
        recorded = services.attendance_record(
            registration=registration, source=source, at=_when(data.get("at"), now), user=user
        )
    except ValidationError:
        return (
            "refused",
            _("%(name)s is not an approved participant (%(status)s).")
            % {
                "name": registration.full_name,
                "status": RegistrationStatus(registration.status).label,
            },
            registration,
        )
    time = _time(meeting, registration.attended_at)
    if recorded:
        message = _("%(name)s is checked in (%(time)s).")
        return "recorded", message % {"name": registration.full_name, "time": time}, registration
    message = _("%(name)s was already checked in at %(time)s.")
    return "already", message % {"name": registration.full_name, "time": time}, registration


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def check_in_page(request, slug):
    meeting = _staff_meeting(request, slug)
    if request.method == "POST":
        status, message, registration = _check_in(
            meeting, request.POST, timezone.now(), request.user
        )
        if _wants_json(request):
            return JsonResponse(
                {
                    "status": status,
                    "message": message,
                    "registration": registration.pk if registration else None,
                    "time": _time(meeting, registration.attended_at)
                    if registration and registration.attended_at
                    else "",
                    **selectors.attendance_counts(meeting),
                }
            )
        level = messages.SUCCESS if status == "recorded" else messages.WARNING
        messages.add_message(request, level, message)
        return redirect("meetings:check_in", slug=meeting.slug)
    code = request.GET.get("code", "")
    scanned = check_in.registration_for_code(meeting, code) if code else None
    participants = list(selectors.check_in_list(meeting))
    for participant in participants:
        if participant.attended_at:
            participant.attended_time = _time(meeting, participant.attended_at)
    return render(
        request,
        "meetings/check_in.html",
        {
            "meeting": meeting,
            "participants": participants,
            "counts": selectors.attendance_counts(meeting),
            "code": check_in.normalized_code(code),
            "scanned": scanned,
            "scanned_time": _time(meeting, scanned.attended_at)
            if scanned and scanned.attended_at
            else "",
            "code_unknown": bool(code) and scanned is None,
        },
    )


class AttendanceReportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Attendance report (CSV)"),
        help_text=gettext_lazy(
            "Zoom: Reports › Usage › Participants, exported as CSV. Teams: the meeting's "
            "Attendance tab, Download (the CSV file, tab-separated UTF-16 works too)."
        ),
    )


def _pending_key(token):
    return f"meetings:attendance-import:{token}"


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def attendance_import_page(request, slug):
    """Upload the report, see who it matches, confirm. The previewed file
    waits in the cache under a random token tied to the staff member and the
    meeting; confirming reads it again, so a change made meanwhile counts."""
    meeting = _staff_meeting(request, slug)
    form = AttendanceReportForm()
    report = token = None
    if request.method == "POST" and "token" in request.POST:
        key = _pending_key(request.POST["token"])
        pending = cache.get(key)
        if (
            pending is None
            or pending["user"] != request.user.pk
            or pending["meeting"] != meeting.pk
        ):
            messages.error(
                request, _("The previewed report is no longer available; upload it again.")
            )
            return redirect("meetings:attendance_import", slug=meeting.slug)
        cache.delete(key)
        report = attendance_import.attendance_import_confirm(
            SimpleUploadedFile(pending["name"], pending["data"]),
            meeting=meeting,
            user=request.user,
        )
        messages.success(
            request,
            _("%(file)s imported: %(recorded)d recorded as present.")
            % {"file": report.filename, "recorded": report.recorded},
        )
        return redirect("meetings:attendance_import", slug=meeting.slug)
    if request.method == "POST":
        form = AttendanceReportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            report = attendance_import.attendance_read(upload, meeting=meeting)
            if not report.file_error and report.to_record:
                upload.seek(0)
                token = secrets.token_urlsafe(24)
                cache.set(
                    _pending_key(token),
                    {
                        "user": request.user.pk,
                        "meeting": meeting.pk,
                        "name": report.filename,
                        "data": upload.read(MAX_IMPORT_BYTES + 1),
                    },
                    PENDING_SECONDS,
                )
    return render(
        request,
        "meetings/attendance_import.html",
        {
            "meeting": meeting,
            "form": form,
            "report": report,
            "token": token,
            "counts": selectors.attendance_counts(meeting),
        },
    )
