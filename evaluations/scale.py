"""Scale data for evaluations: per factor, a questionnaire on 10 of the
generated past meetings, each with 4 questions, its attended participants
invited and 60% of them answering (see network/scale.py)."""

from meetings.enums import RegistrationStatus
from meetings.models import Meeting, Registration
from meetings.scale import SLUG_PREFIX as MEETING_PREFIX

from .enums import QuestionKind
from .models import Answer, Invitation, Question, Questionnaire, Response

QUESTIONNAIRES_PER_FACTOR = 10
TITLE_PREFIX = "Scale evaluation"
QUESTIONS = [
    (QuestionKind.RATING, "How useful was the meeting?"),
    (QuestionKind.RATING, "How would you rate the exchange between ministries?"),
    (QuestionKind.RATING, "How would you rate the organization?"),
    (QuestionKind.TEXT, "What should the next meeting do differently?"),
]
COMMENTS = ["More time for questions.", "Send the documents earlier.", "", "Very useful."]


def generate(factor, rng):
    """Questionnaires, invitations, responses and answers up to the factor;
    returns how many rows were added."""
    done = Questionnaire.objects.filter(title__startswith=TITLE_PREFIX).count()
    wanted = QUESTIONNAIRES_PER_FACTOR * factor - done
    if wanted <= 0:
        return 0
    meetings = list(
        Meeting.objects.filter(slug__startswith=MEETING_PREFIX)
        .past()
        .exclude(questionnaires__isnull=False)
        .order_by("pk")[:wanted]
    )
    added = 0
    for number, meeting in enumerate(meetings, start=done):
        added += _questionnaire(meeting, number, rng)
    return added


def _questionnaire(meeting, number, rng):
    questionnaire = Questionnaire.objects.create(
        meeting=meeting, title_en=f"{TITLE_PREFIX} {number}"
    )
    questions = Question.objects.bulk_create(
        Question(questionnaire=questionnaire, position=position, kind=kind, text_en=text)
        for position, (kind, text) in enumerate(QUESTIONS, start=1)
    )
    participants = list(
        Registration.objects.filter(meeting=meeting, status=RegistrationStatus.APPROVED)
    )
    sent_at = questionnaire.created_at
    answering = [registration for registration in participants if rng.random() < 0.6]
    Invitation.objects.bulk_create(
        Invitation(
            questionnaire=questionnaire,
            registration=registration,
            sent_at=sent_at,
            has_answered=registration in answering,
        )
        for registration in participants
    )
    responses = Response.objects.bulk_create(
        Response(questionnaire=questionnaire, submitted_on=sent_at.date()) for _ in answering
    )
    answers = []
    for response in responses:
        for question in questions:
            if question.kind == QuestionKind.RATING:
                answers.append(
                    Answer(response=response, question=question, rating=rng.randint(1, 5))
                )
            elif comment := rng.choice(COMMENTS):
                answers.append(Answer(response=response, question=question, text=comment))
    Answer.objects.bulk_create(answers, batch_size=2000)
    return 1 + len(questions) + len(participants) + len(responses) + len(answers)
