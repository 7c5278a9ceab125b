"""Preliminary national reports: each member state's focal point uploads one
before the meeting's due date; staff see who has and who hasn't; the focal
points of the states still missing are reminded once before the date.

The due date is a day in the meeting's time zone: reports are accepted until
that day ends there, wherever the focal point or the server is."""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from core.mail import email_people
from network.enums import Notice
from network.models import MemberState, User

from . import rules
from .enums import MeetingStatus
from .models import Meeting, NationalReport


class NationalReportForm(forms.ModelForm):
    class Meta:
        model = NationalReport
        fields = ["file", "language"]


def national_reports_deadline(meeting):
    """The first instant after the due date, in the meeting's time zone."""
    day_after = meeting.national_reports_due + datetime.timedelta(days=1)
    return datetime.datetime.combine(day_after, datetime.time(0), tzinfo=meeting.tz)


def national_reports_accepted(meeting, now=None):
    """Whether reports are still accepted for ``meeting``."""
    if meeting.national_reports_due is None or meeting.status == MeetingStatus.CANCELLED:
        return False
    return (now or timezone.now()) < national_reports_deadline(meeting)


def national_report_of(*, meeting, member_state):
    return NationalReport.objects.filter(meeting=meeting, member_state=member_state).first()


def national_report_upload(*, meeting, user, file, language, now=None):
    """Record ``user``'s member state's report for ``meeting``, replacing the
    one it sent before. Raises PermissionDenied for someone who may not, and
    ValidationError after the due date or for a file that is not accepted."""
    if not rules.can_upload_national_report(user, meeting):
        raise PermissionDenied(_("Only the focal points of a member state send its report."))
    if not national_reports_accepted(meeting, now):
        raise ValidationError(
            _("National reports were due on %(date)s; ask the Technical Secretariat.")
            % {"date": formats.date_format(meeting.national_reports_due, "DATE_FORMAT")}
        )
    state_id = user.institution.member_state_id
    try:
        with transaction.atomic():
            return _save_report(meeting, state_id, user, file, language)
    except IntegrityError:
        # Another focal point of the same state sent one at the same moment:
        # theirs exists now, so this upload replaces it.
        with transaction.atomic():
            return _save_report(meeting, state_id, user, file, language)


def _save_report(meeting, state_id, user, file, language):
    report = (
        NationalReport.objects.select_for_update()
        .filter(meeting=meeting, member_state_id=state_id)
        .first()
    ) or NationalReport(meeting=meeting, member_state_id=state_id)
    replaced = report.file.name if report.pk else ""
    report.file = file
    report.language = language
    report.uploaded_by = user
    report.full_clean()
    report.save()
    if replaced and replaced != report.file.name:
        storage = report.file.storage
        # Only once the new report is safely recorded.
        transaction.on_commit(lambda: storage.delete(replaced))
    return report


def national_reports_status(meeting):
    """[(member state, its report or None), …] for every member state."""
    reports = {
        report.member_state_id: report
        for report in meeting.national_reports.select_related("uploaded_by")
    }
    return [(state, reports.get(state.pk)) for state in MemberState.objects.order_by("name")]


def national_reports_missing(meeting):
    """The member states that have not sent their report for ``meeting``."""
    return MemberState.objects.exclude(
        pk__in=meeting.national_reports.values("member_state_id")
    ).order_by("name")


def national_report_recipients(member_states):
    """{member state pk: [person, …]}: who sends each state's report, the
    active focal points of its institutions."""
    people = User.objects.filter(
        is_active=True, is_focal_point=True, institution__member_state__in=member_states
    ).select_related("institution__member_state")
    recipients = {}
    for person in people.order_by("pk"):
        recipients.setdefault(person.institution.member_state_id, []).append(person)
    return recipients


def national_reports_remind(now=None):
    """Remind the focal points of the member states still missing, once per
    person and meeting, from ``reminder_days`` before the due date until it
    passes (so that a beat that missed a day still sends it). Returns the
    meetings whose reminders were due."""
    now = now or timezone.now()
    # A day's margin either side of the server's date covers every time zone.
    candidates = Meeting.objects.exclude(status=MeetingStatus.CANCELLED).filter(
        national_reports_due__gte=(now - datetime.timedelta(days=1)).date()
    )
    due = [meeting for meeting in candidates if _reminder_due(meeting, now)]
    for meeting in due:
        missing = list(national_reports_missing(meeting))
        recipients = national_report_recipients(missing)
        for member_state in missing:
            email_people(
                people=recipients.get(member_state.pk, []),
                key=f"meetings:national-report-reminder:{meeting.pk}",
                template="meetings/email/national_report_reminder",
                context={
                    "meeting": meeting,
                    "member_state": member_state,
                    "due": meeting.national_reports_due,
                },
                notice=Notice.MEETING_REMINDERS,
            )
    return due


def _reminder_due(meeting, now):
    today_there = now.astimezone(meeting.tz).date()
    starts = meeting.national_reports_due - datetime.timedelta(days=meeting.reminder_days)
    return starts <= today_there and national_reports_accepted(meeting, now)
