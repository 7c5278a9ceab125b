"""The evaluations' demo (evaluations/demo.py), loaded with the rest of the demo."""

import pytest

from cooperation.models import Request
from evaluations import demo, selectors
from evaluations.models import Answer, Invitation, Questionnaire, Response
from tests.network.test_demo import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_a_meeting_held_has_an_evaluation_with_answers_from_those_present():
    load_demo()

    questionnaire = Questionnaire.objects.get(meeting__slug=demo.MEETING_SLUG)
    assert questionnaire.title_es == "Evaluación de la reunión"
    assert questionnaire.is_anonymous
    assert Response.objects.filter(questionnaire=questionnaire).count() == len(demo.ANSWERS)
    assert not Response.objects.exclude(registration=None).exists()
    invitations = Invitation.objects.filter(questionnaire=questionnaire)
    assert all(invitation.registration.attended_at for invitation in invitations)
    assert invitations.filter(has_answered=False, reminded_at__isnull=False).exists()
    first = selectors.questionnaire_results(questionnaire=questionnaire)[0]
    assert first.count == len(demo.ANSWERS)


def test_the_final_reports_have_a_questionnaire_with_the_reported_activities_answers():
    load_demo()

    questionnaire = Questionnaire.objects.get(for_final_reports=True)
    reported = Request.objects.filter(final_report__isnull=False).count()
    assert questionnaire.title_es == "La actividad en pocas preguntas"
    assert reported
    answered = min(reported, len(demo.FINAL_REPORTS_ANSWERS))
    assert Response.objects.filter(questionnaire=questionnaire).count() == answered
    first = selectors.questionnaire_results(questionnaire=questionnaire)[0]
    assert first.count == answered


def test_loading_the_demo_twice_adds_nothing():
    load_demo()
    counts = (Questionnaire.objects.count(), Response.objects.count(), Answer.objects.count())

    load_demo()

    assert (
        Questionnaire.objects.count(),
        Response.objects.count(),
        Answer.objects.count(),
    ) == counts
