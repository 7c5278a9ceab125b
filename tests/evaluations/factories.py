import datetime

import factory
from django.utils import timezone

from evaluations.enums import QuestionKind
from evaluations.models import Invitation, Question, Questionnaire
from meetings.enums import AttendanceSource, RegistrationStatus
from tests.meetings.factories import MeetingFactory, RegistrationFactory


def past_meeting(days_ago=2, **kwargs):
    """A meeting of one day, held ``days_ago`` days ago."""
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    return MeetingFactory(
        start_date=day,
        end_date=day,
        registration_opens_at=None,
        registration_closes_at=None,
        **kwargs,
    )


def attendee(meeting, **kwargs):
    """An approved participant recorded as present."""
    return RegistrationFactory(
        meeting=meeting,
        status=RegistrationStatus.APPROVED,
        attended_at=timezone.now(),
        attendance_source=AttendanceSource.IMPORT,
        **kwargs,
    )


class QuestionnaireFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Questionnaire

    title_en = "Evaluation"
    title_es = "Evaluación"
    meeting = factory.LazyFunction(past_meeting)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    questionnaire = factory.SubFactory(QuestionnaireFactory)
    position = factory.Sequence(int)
    kind = QuestionKind.RATING
    text_en = factory.Sequence(lambda n: f"Question {n}?")


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    questionnaire = factory.SubFactory(QuestionnaireFactory)
    registration = factory.LazyAttribute(lambda o: attendee(o.questionnaire.meeting))
    sent_at = factory.LazyFunction(timezone.now)


def questionnaire_with_questions(**kwargs):
    """A questionnaire with a required rating, an optional rating and an
    optional text, in that order."""
    questionnaire = QuestionnaireFactory(**kwargs)
    QuestionFactory(
        questionnaire=questionnaire,
        position=1,
        text_en="How useful was it?",
        text_es="¿Qué tan útil fue?",
    )
    QuestionFactory(
        questionnaire=questionnaire, position=2, is_required=False, text_en="The interpretation?"
    )
    QuestionFactory(
        questionnaire=questionnaire,
        position=3,
        kind=QuestionKind.TEXT,
        is_required=False,
        text_en="What should change?",
        text_es="¿Qué debería cambiar?",
    )
    return questionnaire
