"""The registration workflow: places, the waiting list, approval and the
emails that go with each step.

Every change of a registration's status is a move of its table in
``workflows.py``, made through ``core.workflow.transition``, which checks
it, logs who and when, and records the move's emails (sent after commit).
Every decision about places is taken while holding a lock on the meeting's
row (``_locked_meeting``, taken before the registration's), so that
concurrent requests never give away more places than the meeting has: the
database serializes them.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.models import new_nonce
from core.mail import email_enqueue, email_people
from core.models import ActivityLog, EmailDelivery
from core.workflow import transition
from network.enums import Notice
from network.selectors import focal_points_of

from . import rules
from .enums import (
    Approval,
    MeetingStatus,
    RegistrationStatus,
)
from .links import certificate_path, confirm_path, manage_link_expired, manage_path
from .models import Meeting, Registration, new_certificate_code
from .workflows import has_room, tell_registrant

Status = RegistrationStatus
# Attendees of a meeting over for longer are not told of their certificate
# (the portal's first run would otherwise write to years of participants).
CERTIFICATE_ANNOUNCE_DAYS = 30


def _require(allowed, message):
    if not allowed:
        raise PermissionDenied(message)


# Links --------------------------------------------------------------------


def registration_links_send(*, email, now=None):
    """Email a new link to each registration made with ``email`` whose links
    still work (the address's owner lost theirs, or fears it was forwarded):
    the links sent before stop working. The caller answers the same whether
    or not the address is registered. At most one email per registration a
    day, so that the form cannot flood anyone's inbox. Returns how many were
    sent."""
    now = now or timezone.now()
    email = email.strip()
    sent = 0
    for registration in Registration.objects.filter(email__iexact=email).select_related("meeting"):
        expired = manage_link_expired(registration, now=now)
        # The certificate's link outlives the registration page's.
        certified = rules.registration_may_have_certificate(registration)
        if expired and not certified:
            continue
        key = (
            f"meetings:registration:{registration.pk}:new-link:"
            f"{timezone.localdate(now).isoformat()}"
        )
        with transaction.atomic():
            registration = (
                Registration.objects.select_for_update()
                .select_related("meeting")
                .get(pk=registration.pk)
            )
            if EmailDelivery.objects.filter(key=key).exists():
                continue
            _new_link_nonce(registration)
            pending = registration.status == Status.PENDING_CONFIRMATION
            if certified:
                certificate_code_for(registration=registration)
            email_enqueue(
                key=key,
                to=registration.email,
                template="meetings/email/registration_link",
                context={
                    "registration": registration,
                    "meeting": registration.meeting,
                    "confirm_path": confirm_path(registration) if pending else "",
                    "manage_path": "" if pending or expired else manage_path(registration),
                    "certificate_path": certificate_path(registration) if certified else "",
                },
                language=registration.language,
            )
        sent += 1
    return sent


def _new_link_nonce(registration):
    registration.link_nonce = new_nonce()
    registration.save(update_fields=["link_nonce", "updated_at"])


# Places -------------------------------------------------------------------


def _locked_meeting(meeting_id):
    return Meeting.objects.select_for_update().get(pk=meeting_id)


# Registering --------------------------------------------------------------


def _check_open(meeting, now):
    if not meeting.registration_is_open(now):
        state = meeting.registration_state(now)
        if state == "not_yet":
            raise ValidationError(_("Registration for this meeting has not opened yet."))
        if state == "closed":
            closed = timezone.localtime(meeting.registration_closes_at, meeting.tz)
            raise ValidationError(
                _("Registration for this meeting closed on %(date)s (%(tz)s).")
                % {
                    "date": formats.date_format(closed, "DATETIME_FORMAT"),
                    "tz": meeting.time_zone,
                }
            )
        raise ValidationError(_("This meeting does not take registrations."))


def registration_create(*, meeting, registration, by=None, now=None):
    """Save an unsaved ``registration`` for ``meeting`` and start its way.

    A person registering with their own account's address, or a focal point
    registering their institution's delegation, needs no email confirmation;
    anyone else confirms their address first and holds no place until then.
    Raises ValidationError (registration closed, address already registered)."""
    now = now or timezone.now()
    _check_open(meeting, now)
    registration.meeting = meeting
    registration.email = registration.email.strip()
    signed_in = by is not None and by.is_authenticated
    if signed_in:
        registration.registered_by = by
        if by.email.lower() == registration.email.lower():
            registration.user = by
    by_focal_point = signed_in and rules.can_register_delegation(by, registration.institution)
    own_address = registration.user_id is not None
    try:
        # A savepoint: a caller's transaction outlives the refused address.
        with transaction.atomic():
            registration.status = Status.PENDING_CONFIRMATION
            registration.save()
    except IntegrityError as error:
        raise ValidationError(
            _(
                "%(email)s is registered for this meeting already. Use the link in the email "
                "we sent to see or change that registration."
            )
            % {"email": registration.email}
        ) from error
    if by_focal_point or own_address:
        return registration_confirm(
            registration=registration, by=by, endorsed=by_focal_point, now=now
        )
    _ask_to_confirm(registration, event="confirm", template="registration_confirm")
    return registration


def _ask_to_confirm(registration, *, event, template):
    """Email the link that confirms the registrant's address (once per event)."""
    email_enqueue(
        key=f"meetings:registration:{registration.pk}:{event}",
        to=registration.email,
        template=f"meetings/email/{template}",
        context={
            "registration": registration,
            "meeting": registration.meeting,
            "confirm_path": confirm_path(registration),
        },
        language=registration.language,
    )


@transaction.atomic
def registration_confirm(*, registration, by=None, endorsed=False, now=None):
    """The address is confirmed: the registration takes a place, or joins the
    waiting list. Confirming twice changes nothing."""
    now = now or timezone.now()
    meeting = _locked_meeting(registration.meeting_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != Status.PENDING_CONFIRMATION:
        return registration
    return transition(registration, "confirm", user=by, meeting=meeting, now=now, endorsed=endorsed)


# Decisions ----------------------------------------------------------------


def registration_endorse(*, registration, by):
    return transition(registration, "endorse", user=by)


@transaction.atomic
def registration_approve(*, registration, by):
    _require(rules.can_manage_registrations(by), _("Only the Secretariat approves."))
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    # Submitted is a state approval starts from, but not where the meeting
    # asks for the delegation's endorsement first.
    if registration.status == Status.SUBMITTED and not registration.awaits_approval:
        raise ValidationError(_("The delegation's focal point has not endorsed it yet."))
    return transition(registration, "approve", user=by)


def registration_decline(*, registration, by, note=""):
    """The Secretariat, or the delegation's focal point, declines it; a place
    it held goes to the waiting list."""
    return _end(registration, "decline", by=by, note=note)


def registration_withdraw(*, registration, by=None):
    """The registrant cancels (from their link, or signed in). The links sent
    before stop working: a forwarded email no longer shows the registration
    (its owner may ask for a new link)."""
    return _end(registration, "withdraw", by=by)


@transaction.atomic
def _end(registration, move, *, by, note=""):
    meeting = _locked_meeting(registration.meeting_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    held_place = registration.holds_place
    registration = transition(registration, move, user=by, comment=note)
    if held_place:
        _fill_places(meeting, now=timezone.now())
    return registration


def _fill_places(meeting, *, now):
    """Give free places to the waiting list, in order (meeting row locked).
    Someone whose institution has used its quota waits; the next one may go."""
    if meeting.status == MeetingStatus.CANCELLED:
        return
    for registration in Registration.objects.waiting().filter(meeting=meeting).select_for_update():
        if meeting.capacity is not None and not has_room(meeting, None):
            return
        if not has_room(meeting, registration.institution_id):
            continue
        if meeting.offer_hours:
            expires = now + datetime.timedelta(hours=meeting.offer_hours)
            transition(registration, "offer", user=None, expires=expires)
        else:
            transition(registration, "promote", user=None)


@transaction.atomic
def offer_accept(*, registration, now=None):
    now = now or timezone.now()
    # The meeting's row is locked first, as for every move about places.
    _locked_meeting(registration.meeting_id)
    return transition(registration, "accept_offer", user=None, now=now)


def offers_expire(*, now=None):
    """Offers not accepted in time lapse; their places pass on. Returns how many."""
    now = now or timezone.now()
    meeting_ids = set(
        Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now).values_list(
            "meeting_id", flat=True
        )
    )
    expired = 0
    for meeting_id in meeting_ids:
        with transaction.atomic():
            meeting = _locked_meeting(meeting_id)
            lapsed = Registration.objects.select_for_update().filter(
                meeting=meeting, status=Status.OFFERED, offer_expires_at__lte=now
            )
            for registration in lapsed:
                transition(registration, "expire", user=None, comment=_("Not accepted in time."))
                expired += 1
            _fill_places(meeting, now=now)
    return expired


def meeting_fill_places(*, meeting):
    """After the Secretariat raised the capacity or a quota: let the waiting list in."""
    with transaction.atomic():
        _fill_places(_locked_meeting(meeting.pk), now=timezone.now())


# Reminders ----------------------------------------------------------------


def registrations_remind(*, now=None):
    """Reminders due now, once each (the email key), in each person's language:
    - before the registration deadline, to those who have not confirmed their
      address and to focal points with registrations to endorse;
    - before the meeting, to approved participants.
    Timed from the deadline itself, so moving the deadline moves the reminder.
    Returns the number of emails recorded."""
    now = now or timezone.now()
    count = 0
    for meeting in Meeting.objects.exclude(status=MeetingStatus.CANCELLED).filter(
        registration_closes_at__gt=now
    ):
        lead = datetime.timedelta(days=meeting.reminder_days)
        if now < meeting.registration_closes_at - lead:
            continue
        for registration in meeting.registrations.filter(status=Status.PENDING_CONFIRMATION):
            _ask_to_confirm(registration, event="reminder-confirm", template="reminder_confirm")
            count += 1
        if meeting.approval == Approval.ENDORSEMENT:
            count += _remind_endorsers(meeting)
    for meeting in Meeting.objects.exclude(status=MeetingStatus.CANCELLED).filter(
        start_date__isnull=False, start_date__gt=timezone.localdate(now)
    ):
        starts = meeting.starts_at()
        if starts is None or not (starts - datetime.timedelta(days=meeting.reminder_days) <= now):
            continue
        for registration in meeting.registrations.filter(status=Status.APPROVED):
            tell_registrant(registration, "reminder")
            count += 1
    return count


def _remind_endorsers(meeting):
    waiting = (
        meeting.registrations.filter(status=Status.SUBMITTED, institution__isnull=False)
        .values("institution")
        .annotate(n=Count("pk"))
    )
    count = 0
    for row in waiting:
        people = list(focal_points_of(row["institution"]))
        email_people(
            people=people,
            key=f"meetings:meeting:{meeting.pk}:reminder-endorse:{row['institution']}",
            template="meetings/email/reminder_endorse",
            context={"meeting": meeting, "waiting": row["n"]},
            notice=Notice.MEETING_REMINDERS,
        )
        count += len(people)
    return count


# Attendance ---------------------------------------------------------------


def attendance_record(*, registration, source, at=None, user=None):
    """Record that an approved participant was present, and which staff
    ``user`` recorded it. The first record stands: scanning a badge twice,
    ticking a name already ticked or importing the same report again
    changes nothing. Returns whether this call recorded it."""
    if registration.status != Status.APPROVED:
        raise ValidationError(_("Only approved participants can be recorded as present."))
    recorded = Registration.objects.filter(pk=registration.pk, attended_at__isnull=True).update(
        attended_at=at or timezone.now(), attendance_source=source, attendance_recorded_by=user
    )
    registration.refresh_from_db(
        fields=["attended_at", "attendance_source", "attendance_recorded_by"]
    )
    return bool(recorded)


# Certificates -------------------------------------------------------------


def certificate_code_for(*, registration):
    """The verification code printed on ``registration``'s certificate:
    drawn at random the first time, then the same on every copy. Whether a
    certificate is due is the caller's to check (rules)."""
    while registration.certificate_code is None:
        try:
            with transaction.atomic():
                Registration.objects.filter(
                    pk=registration.pk, certificate_code__isnull=True
                ).update(certificate_code=new_certificate_code())
        except IntegrityError:
            # Another registration drew the same code (one chance in 2**60
            # per certificate): draw again.
            continue
        registration.refresh_from_db(fields=["certificate_code"])
    return registration.certificate_code


def certificates_announce(*, now=None):
    """Tell each participant recorded as present at a meeting over within
    CERTIFICATE_ANNOUNCE_DAYS that their certificate of attendance is ready,
    with its own link (it outlives the registration page's). Attendance
    imported after the meeting is announced on the next run; historical
    participants, brought in from spreadsheets, are never written to. Run by
    beat; a second run or a retry sends nothing again (once-only keys).
    Returns how many were announced."""
    now = now or timezone.now()
    since = timezone.localdate(now) - datetime.timedelta(days=CERTIFICATE_ANNOUNCE_DAYS)
    meetings = [
        meeting
        for meeting in Meeting.objects.exclude(status=MeetingStatus.CANCELLED).filter(
            Q(end_date__gte=since) | Q(end_date__isnull=True, start_date__gte=since)
        )
        if meeting.is_over(now)
    ]
    registrations = list(
        Registration.objects.certified()
        .filter(meeting__in=meetings, imported_from="")
        .exclude(email="")
        .select_related("meeting")
    )
    announced = set(
        EmailDelivery.objects.filter(
            key__in=[_certificate_key(registration) for registration in registrations]
        ).values_list("key", flat=True)
    )
    sent = 0
    for registration in registrations:
        key = _certificate_key(registration)
        if key in announced:
            continue
        with transaction.atomic():
            # The code is drawn now, so that opening the link writes nothing.
            certificate_code_for(registration=registration)
            email_enqueue(
                key=key,
                to=registration.email,
                template="meetings/email/certificate_ready",
                context={
                    "registration": registration,
                    "meeting": registration.meeting,
                    "certificate_path": certificate_path(registration),
                },
                language=registration.language,
            )
        sent += 1
    return sent


def _certificate_key(registration):
    return f"meetings:registration:{registration.pk}:certificate-ready"


# Personal data ------------------------------------------------------------


def registrations_purge(*, today=None):
    """Delete the registrations of meetings past their retention period,
    keeping anonymous counts on the meeting. Returns the meetings purged.

    Participants imported from the Secretariat's historical records
    (``meetings/imports.py``) are kept: they are the meeting's archive,
    brought in on purpose long after it, not data the portal collected to
    run a registration."""
    today = today or timezone.localdate()
    purged = []
    candidates = Meeting.objects.filter(
        personal_data_purged_at__isnull=True, start_date__isnull=False
    )
    for meeting in candidates:
        if meeting.last_day + datetime.timedelta(days=meeting.retention_days) >= today:
            continue
        with transaction.atomic():
            meeting = _locked_meeting(meeting.pk)
            registrations = meeting.registrations.filter(imported_from="")
            # The log names who registered and who decided: personal data too.
            ActivityLog.objects.filter(
                content_type=ContentType.objects.get_for_model(Registration),
                object_id__in=registrations.values("pk"),
            ).delete()
            meeting.participation_summary = {
                "by_status": dict(_counts(registrations, "status")),
                "participants_by_role": dict(
                    _counts(registrations.filter(status=Status.APPROVED), "role")
                ),
                "participants_by_member_state": dict(
                    _counts(registrations.filter(status=Status.APPROVED), "member_state__iso_code")
                ),
            }
            registrations.delete()
            meeting.personal_data_purged_at = timezone.now()
            meeting.save(update_fields=["participation_summary", "personal_data_purged_at"])
        purged.append(meeting)
    return purged


def _counts(queryset, field):
    rows = queryset.values(field).annotate(n=Count("pk")).order_by(field)
    return ((row[field] or "", row["n"]) for row in rows)
