"""The final reports' questionnaire: asked on every cooperation activity's
final report page while the Secretariat ticks it, answered and recorded with
the report or not at all, and counted in its results beside the other
activities' answers."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cooperation import services as cooperation_services
from cooperation.enums import RequestStatus
from cooperation.models import FinalReport
from evaluations import selectors, services
from evaluations.models import Answer, Questionnaire, Response
from tests.cooperation.lifecycle import advance, parties
from tests.evaluations.factories import (
    QuestionnaireFactory,
    past_meeting,
    questionnaire_with_questions,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def questionnaire():
    return questionnaire_with_questions(meeting=None, for_final_reports=True)


def report_data(p, **answers):
    result = p.request.results.get()
    return {
        "what_was_done": "Five days of visits.",
        "lessons": "Plan the agenda together.",
        f"achieved_{result.pk}": "Protocol adopted",
        **answers,
    }


def report_page(p):
    return reverse("cooperation:request_report", args=[p.request.reference])


def field(questionnaire, position):
    return f"evaluation-q{questionnaire.questions.get(position=position).pk}"


def test_the_report_page_asks_the_questions_and_records_the_answers_with_it(client, questionnaire):
    p = advance(parties(), RequestStatus.CARRIED_OUT)
    client.force_login(p.requester)

    page = client.get(report_page(p))
    response = client.post(
        report_page(p),
        report_data(p, **{field(questionnaire, 1): "4", field(questionnaire, 3): "More time."}),
    )

    assert "How useful was it?" in page.content.decode()
    assert response.status_code == 302
    assert p.refresh().status == RequestStatus.REPORTED
    recorded = Response.objects.get(questionnaire=questionnaire)
    # Anonymous: nothing links the answers to the activity.
    assert recorded.request is None
    assert recorded.registration is None
    assert sorted(
        (answer.question.position, answer.rating, answer.text) for answer in recorded.answers.all()
    ) == [(1, 4, ""), (3, None, "More time.")]


def test_a_missing_required_answer_saves_neither_the_report_nor_the_answers(client, questionnaire):
    p = advance(parties(), RequestStatus.CARRIED_OUT)
    client.force_login(p.requester)

    response = client.post(report_page(p), report_data(p, **{field(questionnaire, 2): "9"}))

    assert response.status_code == 200
    assert set(response.context["evaluation"].errors) == {
        field(questionnaire, 1).removeprefix("evaluation-"),
        field(questionnaire, 2).removeprefix("evaluation-"),
    }
    assert p.refresh().status == RequestStatus.CARRIED_OUT
    assert not FinalReport.objects.exists()
    assert not Response.objects.exists()


def test_answers_refused_by_the_service_leave_the_report_unsaved(questionnaire):
    p = advance(parties(), RequestStatus.CARRIED_OUT)

    with pytest.raises(ValidationError):
        cooperation_services.final_report_submit(
            request=p.request,
            user=p.requester,
            what_was_done="Visits.",
            lessons="Some.",
            achieved={p.request.results.get().pk: "Adopted"},
            evaluation=(questionnaire, {}),
        )

    assert p.refresh().status == RequestStatus.CARRIED_OUT
    assert not FinalReport.objects.exists()
    assert not Answer.objects.exists()


def test_without_a_questionnaire_the_report_is_as_before(client):
    p = advance(parties(), RequestStatus.CARRIED_OUT)
    client.force_login(p.requester)

    page = client.get(report_page(p))
    response = client.post(report_page(p), report_data(p))

    assert 'data-testid="final-report-evaluation"' not in page.content.decode()
    assert response.status_code == 302
    assert not Response.objects.exists()


def test_named_answers_say_which_activity_and_add_up_in_the_results(questionnaire):
    questionnaire.is_anonymous = False
    questionnaire.save()
    question = questionnaire.questions.get(position=1)
    first = advance(parties(), RequestStatus.CARRIED_OUT)
    second = advance(parties(), RequestStatus.CARRIED_OUT)

    for p, rating in [(first, 5), (second, 3)]:
        services.final_report_answers_record(
            questionnaire=questionnaire, request=p.request, answers={question: rating}
        )

    results = {
        r.question.pk: r for r in selectors.questionnaire_results(questionnaire=questionnaire)
    }
    assert results[question.pk].count == 2
    assert results[question.pk].average == 4
    rows = list(selectors.questionnaire_export_rows(questionnaire=questionnaire))
    assert rows[0][2:4] == ["request", "requester"]
    assert [row[2] for row in rows[1:]] == [first.request.reference, second.request.reference]


def test_one_questionnaire_at_a_time_and_never_a_meetings(questionnaire):
    another = Questionnaire(title="Another", for_final_reports=True)
    with pytest.raises(ValidationError, match="untick it first"):
        another.validate_constraints()
    both = Questionnaire(title="Both", meeting=past_meeting(), for_final_reports=True)
    with pytest.raises(ValidationError, match="not both"):
        both.validate_constraints()
    p = advance(parties(), RequestStatus.CARRIED_OUT)
    with pytest.raises(ValidationError, match="not asked in final reports"):
        services.final_report_answers_record(
            questionnaire=QuestionnaireFactory(), request=p.request, answers={}
        )
