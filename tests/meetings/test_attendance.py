"""Attendance (meetings.services.attendance_record): only approved
participants, and the first record stands however often it is repeated."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from meetings import services
from meetings.enums import AttendanceSource
from meetings.enums import RegistrationStatus as Status
from meetings.models import Registration
from tests.meetings.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_an_approved_participant_is_recorded_once_whatever_comes_after():
    registration = RegistrationFactory(status=Status.APPROVED)
    first = timezone.now() - datetime.timedelta(hours=1)

    assert services.attendance_record(
        registration=registration, source=AttendanceSource.CHECK_IN, at=first
    )
    assert not services.attendance_record(registration=registration, source=AttendanceSource.LIST)
    assert not services.attendance_record(
        registration=Registration.objects.get(pk=registration.pk), source=AttendanceSource.IMPORT
    )

    registration.refresh_from_db()
    assert registration.attended_at == first
    assert registration.attendance_source == AttendanceSource.CHECK_IN
    assert list(Registration.objects.attended()) == [registration]


@pytest.mark.parametrize("status", [s for s in Status if s != Status.APPROVED])
def test_anyone_not_approved_cannot_be_recorded(status):
    registration = RegistrationFactory(status=status)

    with pytest.raises(ValidationError, match="Only approved participants"):
        services.attendance_record(registration=registration, source=AttendanceSource.LIST)

    assert not Registration.objects.attended().exists()
