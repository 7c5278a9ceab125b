"""Sending a meeting's questionnaire to those who attended, and the one
reminder (evaluations.services.evaluations_send, run hourly by beat)."""

import datetime

import pytest
from django.utils import timezone

from core.models import EmailDelivery
from evaluations import links, services, tasks
from evaluations.models import Invitation
from meetings.enums import RegistrationStatus
from tests.evaluations.factories import (
    QuestionFactory,
    QuestionnaireFactory,
    attendee,
    past_meeting,
    questionnaire_with_questions,
)
from tests.meetings.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def _deliveries():
    return sorted(EmailDelivery.objects.values_list("to", "key"))


def test_only_participants_recorded_as_present_are_invited_in_their_language():
    questionnaire = questionnaire_with_questions()
    meeting = questionnaire.meeting
    present = attendee(meeting, email="ana@example.org", language="es")
    RegistrationFactory(meeting=meeting, status=RegistrationStatus.APPROVED)  # absent
    RegistrationFactory(meeting=meeting, status=RegistrationStatus.DECLINED)

    assert services.evaluations_send() == (1, 0)

    delivery = EmailDelivery.objects.get()
    invitation = Invitation.objects.get()
    assert invitation.registration == present
    assert delivery.to == "ana@example.org"
    assert delivery.key == f"evaluations:questionnaire:{questionnaire.pk}:invitation:{present.pk}"
    assert delivery.subject == f"Su evaluación de {meeting.title}"
    assert "Evaluación" in delivery.body
    assert links.answer_path(invitation) in delivery.body


def test_nothing_is_sent_before_the_meeting_is_over():
    questionnaire = QuestionFactory(
        questionnaire=QuestionnaireFactory(meeting=past_meeting(days_ago=0))
    ).questionnaire
    attendee(questionnaire.meeting)

    assert services.evaluations_send() == (0, 0)
    # The next day, the meeting is over.
    assert services.evaluations_send(now=timezone.now() + DAY) == (1, 0)


def test_nothing_is_sent_for_a_meeting_long_past_nor_a_questionnaire_without_questions():
    old = QuestionFactory(
        questionnaire=QuestionnaireFactory(
            meeting=past_meeting(days_ago=services.SEND_WITHIN_DAYS + 2)
        )
    ).questionnaire
    attendee(old.meeting)
    empty = QuestionnaireFactory()
    attendee(empty.meeting)

    assert services.evaluations_send() == (0, 0)
    assert not EmailDelivery.objects.exists()


def test_one_reminder_only_to_those_who_have_not_answered_and_never_twice():
    questionnaire = questionnaire_with_questions(reminder_after_days=7)
    meeting = questionnaire.meeting
    answering = attendee(meeting, email="answers@example.org")
    silent = attendee(meeting, email="silent@example.org")
    start = timezone.now()
    assert services.evaluations_send(now=start) == (2, 0)
    services.response_submit(
        invitation=Invitation.objects.get(registration=answering),
        answers=dict.fromkeys(questionnaire.questions.all()) | {questionnaire.questions.first(): 4},
    )

    # Not before its delay.
    assert services.evaluations_send(now=start + 6 * DAY) == (0, 0)
    assert services.evaluations_send(now=start + 7 * DAY) == (0, 1)
    # Again, later, and as a retry of the task would: nothing more.
    assert services.evaluations_send(now=start + 8 * DAY) == (0, 0)
    assert services.evaluations_send(now=start + 30 * DAY) == (0, 0)
    tasks.evaluations_send.apply()

    assert _deliveries() == [
        (
            "answers@example.org",
            f"evaluations:questionnaire:{questionnaire.pk}:invitation:{answering.pk}",
        ),
        (
            "silent@example.org",
            f"evaluations:questionnaire:{questionnaire.pk}:invitation:{silent.pk}",
        ),
        (
            "silent@example.org",
            f"evaluations:questionnaire:{questionnaire.pk}:reminder:{silent.pk}",
        ),
    ]
    reminder = EmailDelivery.objects.get(key__contains=":reminder:")
    assert reminder.subject.startswith("Reminder: your evaluation of")


def test_running_the_task_again_invites_nobody_twice_and_late_attendance_is_invited():
    questionnaire = questionnaire_with_questions()
    attendee(questionnaire.meeting)
    tasks.evaluations_send.apply()
    tasks.evaluations_send.apply()
    assert EmailDelivery.objects.count() == 1

    # Attendance imported a day later still brings the questionnaire.
    attendee(questionnaire.meeting)
    tasks.evaluations_send.apply()

    assert EmailDelivery.objects.count() == 2
    assert Invitation.objects.count() == 2


def test_the_task_is_scheduled_by_beat(settings):
    assert settings.RIAL_PERIODIC_TASKS["evaluations-send"]["task"] == (
        "evaluations.tasks.evaluations_send"
    )


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_the_invitation_once(celery_worker, smtp_server):
    from tests.conftest import wait_for

    questionnaire = questionnaire_with_questions()
    attendee(questionnaire.meeting, email="ana@example.org")

    tasks.evaluations_send.delay()
    assert wait_for(lambda: len(smtp_server) == 1)
    tasks.evaluations_send.delay()

    assert not wait_for(lambda: len(smtp_server) > 1, timeout=2)
    assert smtp_server[0]["To"] == "ana@example.org"
