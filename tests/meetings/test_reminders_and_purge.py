"""Reminders before the registration deadline and before the meeting, once
per person; purging personal data after the retention period."""

import datetime

import pytest
from django.utils import timezone

from core.models import EmailDelivery
from meetings import services
from meetings.enums import Approval, RegistrationStatus
from meetings.models import Registration
from network.enums import Notice
from tests.factories import FocalPointFactory
from tests.meetings.factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

Status = RegistrationStatus
DAY = datetime.timedelta(days=1)


def reminders(kind):
    return EmailDelivery.objects.filter(key__endswith=kind)


def test_the_deadline_reminder_goes_once_to_those_who_have_not_confirmed():
    meeting = MeetingFactory(reminder_days=3)
    pending = RegistrationFactory(meeting=meeting, status=Status.PENDING_CONFIRMATION)
    RegistrationFactory(meeting=meeting, status=Status.SUBMITTED)
    due = meeting.registration_closes_at - 2 * DAY

    assert services.registrations_remind(now=meeting.registration_closes_at - 4 * DAY) == 0
    services.registrations_remind(now=due)
    services.registrations_remind(now=due + DAY)

    sent = reminders(":reminder-confirm").get()
    assert sent.to == pending.email
    assert "/confirm/" in sent.body


def test_moving_the_deadline_moves_the_reminder():
    meeting = MeetingFactory(reminder_days=3)
    RegistrationFactory(meeting=meeting, status=Status.PENDING_CONFIRMATION)
    first_due = meeting.registration_closes_at - 2 * DAY
    meeting.registration_closes_at += 10 * DAY
    meeting.save()

    services.registrations_remind(now=first_due)
    assert not reminders(":reminder-confirm").exists()

    services.registrations_remind(now=meeting.registration_closes_at - DAY)
    assert reminders(":reminder-confirm").count() == 1


def test_no_deadline_reminder_after_the_deadline():
    meeting = MeetingFactory()
    RegistrationFactory(meeting=meeting, status=Status.PENDING_CONFIRMATION)

    services.registrations_remind(now=meeting.registration_closes_at + DAY)

    assert not reminders(":reminder-confirm").exists()


def test_focal_points_are_reminded_of_registrations_to_endorse_once():
    meeting = MeetingFactory(approval=Approval.ENDORSEMENT)
    focal_point = FocalPointFactory()
    muted = FocalPointFactory(
        institution=focal_point.institution, muted_notices=[Notice.MEETING_REMINDERS]
    )
    RegistrationFactory.create_batch(
        2, meeting=meeting, institution=focal_point.institution, status=Status.SUBMITTED
    )
    RegistrationFactory(meeting=meeting, status=Status.ENDORSED)
    now = meeting.registration_closes_at - DAY

    services.registrations_remind(now=now)
    services.registrations_remind(now=now)

    sent = EmailDelivery.objects.filter(key__contains=":reminder-endorse:")
    assert [d.to for d in sent] == [focal_point.email]
    assert "2 registrations" in sent.get().body
    assert muted.email not in {d.to for d in sent}


def test_the_meeting_reminder_goes_once_to_approved_participants_only():
    meeting = MeetingFactory(
        reminder_days=3,
        start_date=timezone.localdate() + 2 * DAY,
        end_date=timezone.localdate() + 3 * DAY,
        registration_closes_at=timezone.now() + DAY,
    )
    approved = RegistrationFactory(meeting=meeting, status=Status.APPROVED)
    RegistrationFactory(meeting=meeting, status=Status.WITHDRAWN)
    RegistrationFactory(meeting=meeting, status=Status.WAITLISTED)

    services.registrations_remind()
    services.registrations_remind()

    sent = reminders(":reminder").get()
    assert sent.to == approved.email
    assert meeting.title in sent.body


def test_a_cancelled_meeting_reminds_nobody():
    meeting = MeetingFactory(
        status="cancelled", start_date=timezone.localdate() + DAY, end_date=None
    )
    RegistrationFactory(meeting=meeting, status=Status.APPROVED)
    RegistrationFactory(meeting=meeting, status=Status.PENDING_CONFIRMATION)

    assert services.registrations_remind(now=meeting.registration_closes_at - DAY) == 0


def test_personal_data_is_purged_after_the_retention_period_keeping_counts():
    meeting = MeetingFactory(
        start_date=datetime.date(2024, 5, 13),
        end_date=datetime.date(2024, 5, 14),
        registration_opens_at=None,
        registration_closes_at=None,
        retention_days=30,
    )
    RegistrationFactory.create_batch(3, meeting=meeting, status=Status.APPROVED, role="delegate")
    RegistrationFactory(meeting=meeting, status=Status.APPROVED, role="head")
    RegistrationFactory(meeting=meeting, status=Status.WITHDRAWN)
    kept = RegistrationFactory(meeting=MeetingFactory())

    assert services.registrations_purge(today=datetime.date(2024, 6, 13)) == []
    purged = services.registrations_purge(today=datetime.date(2024, 6, 14))

    assert purged == [meeting]
    meeting.refresh_from_db()
    assert not meeting.registrations.exists()
    assert meeting.personal_data_purged_at is not None
    summary = meeting.participation_summary
    assert summary["by_status"] == {"approved": 4, "withdrawn": 1}
    assert summary["participants_by_role"] == {"delegate": 3, "head": 1}
    assert sum(summary["participants_by_member_state"].values()) == 4
    assert Registration.objects.filter(pk=kept.pk).exists()
    # A second run has nothing more to do.
    assert services.registrations_purge(today=datetime.date(2024, 6, 14)) == []
