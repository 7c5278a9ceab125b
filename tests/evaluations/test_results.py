"""The results for staff, in the admin: counts and averages that match the
answers stored, the free texts, the CSV export; for the meetings staff only."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from evaluations import rules, selectors, services
from evaluations.models import Answer
from tests.conftest import sign_in_with_second_factor
from tests.evaluations.factories import (
    InvitationFactory,
    attendee,
    questionnaire_with_questions,
)
from tests.factories import FocalPointFactory, SecretariatStaffFactory, UserFactory

pytestmark = pytest.mark.django_db

ANSWERS = [(5, 4, "More time"), (4, None, ""), (5, 2, "=cmd()"), (1, None, "Earlier documents")]


@pytest.fixture
def questionnaire():
    questionnaire = questionnaire_with_questions()
    questions = list(questionnaire.questions.all())
    for values in ANSWERS:
        invitation = InvitationFactory(questionnaire=questionnaire)
        services.response_submit(
            invitation=invitation,
            answers={q: v or None for q, v in zip(questions, values, strict=True)},
        )
    return questionnaire


@pytest.fixture
def staff_client(client):
    return sign_in_with_second_factor(client, SecretariatStaffFactory())


def test_the_counts_shown_match_the_answers_stored(staff_client, questionnaire):
    first, second, third = questionnaire.questions.all()
    url = reverse("admin:evaluations_questionnaire_results", args=[questionnaire.pk])

    page = staff_client.get(url).content.decode()

    for question in (first, second):
        stored = list(Answer.objects.filter(question=question).values_list("rating", flat=True))
        section = page.split(f'data-testid="question-{question.pk}"')[1].split("</section>")[0]
        for value in range(1, 6):
            assert f'data-testid="count-{value}">{stored.count(value)}</td>' in section
        average = f"{sum(stored) / len(stored):.2f}"
        assert f'data-testid="average">{average}</strong>' in section
    texts = page.split(f'data-testid="question-{third.pk}"')[1]
    assert "More time" in texts
    assert "Earlier documents" in texts
    assert "<script" not in texts
    assert "Invited: 4 · reminded: 0 · responses: 4" in page


def test_the_selector_counts_each_rating(questionnaire):
    first, second, third = selectors.questionnaire_results(questionnaire=questionnaire)

    assert [bar.count for bar in first.bars] == [1, 0, 0, 1, 2]
    assert first.count == 4
    assert first.average == pytest.approx(15 / 4)
    assert [bar.percent for bar in first.bars] == [25, 0, 0, 25, 50]
    assert second.count == 2
    assert second.average == 3
    assert third.count == 3


def test_the_export_has_every_answer_and_no_personal_data_when_anonymous(
    staff_client, questionnaire
):
    url = reverse("admin:evaluations_questionnaire_export", args=[questionnaire.pk])

    response = staff_client.get(url)

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "response",
        "submitted_on",
        "Q1: How useful was it?",
        "Q2: The interpretation?",
        "Q3: What should change?",
    ]
    assert [row[2:] for row in rows[1:]] == [
        ["5", "4", "More time"],
        ["4", "", ""],
        ["5", "2", "'=cmd()"],
        ["1", "", "Earlier documents"],
    ]
    emails = list(questionnaire.invitations.values_list("registration__email", flat=True))
    names = list(questionnaire.invitations.values_list("registration__full_name", flat=True))
    content = response.content.decode("utf-8-sig")
    assert not any(value in content for value in emails + names)


def test_a_named_questionnaire_exports_the_names(staff_client):
    questionnaire = questionnaire_with_questions(is_anonymous=False)
    registration = attendee(questionnaire.meeting, full_name="Ana Pérez")
    invitation = InvitationFactory(questionnaire=questionnaire, registration=registration)
    services.response_submit(invitation=invitation, answers={questionnaire.questions.first(): 3})

    response = staff_client.get(
        reverse("admin:evaluations_questionnaire_export", args=[questionnaire.pk])
    )

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][2:4] == ["full_name", "delegation"]
    assert rows[1][2] == "Ana Pérez"


@pytest.mark.parametrize("name", ["results", "export", "change", "changelist", "add"])
def test_only_meetings_staff_see_results_and_edit(client, questionnaire, name):
    args = [] if name in ("changelist", "add") else [questionnaire.pk]
    url = reverse(f"admin:evaluations_questionnaire_{name}", args=args)
    other_staff = UserFactory(is_staff=True)

    for user in (FocalPointFactory(), other_staff):
        sign_in_with_second_factor(client, user)
        assert client.get(url).status_code in (302, 403), (user, url)
    sign_in_with_second_factor(client, SecretariatStaffFactory())
    assert client.get(url).status_code == 200


def test_rules():
    staff = SecretariatStaffFactory()
    for user in (UserFactory(), FocalPointFactory(), UserFactory(is_staff=True)):
        assert not rules.can_edit_questionnaire(user)
        assert not rules.can_see_results(user)
    assert rules.can_edit_questionnaire(staff)
    assert rules.can_see_results(staff)


def test_staff_create_a_questionnaire_with_translated_questions(staff_client):
    meeting = attendee(questionnaire_with_questions().meeting).meeting
    response = staff_client.post(
        reverse("admin:evaluations_questionnaire_add"),
        {
            "title_en": "Webinar evaluation",
            "title_es": "Evaluación del seminario web",
            "meeting": meeting.pk,
            "is_anonymous": "on",
            "reminder_after_days": "5",
            "questions-TOTAL_FORMS": "1",
            "questions-INITIAL_FORMS": "0",
            "questions-0-position": "1",
            "questions-0-kind": "rating",
            "questions-0-text_en": "Useful?",
            "questions-0-text_fr": "Utile ?",
            "questions-0-is_required": "on",
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    created = meeting.questionnaires.get(title_en="Webinar evaluation")
    assert created.questions.get().text_fr == "Utile ?"


def test_the_results_page_runs_as_many_queries_whatever_the_number_of_answers(
    staff_client, count_queries
):
    questionnaire = questionnaire_with_questions()
    questions = list(questionnaire.questions.all())
    url = reverse("admin:evaluations_questionnaire_results", args=[questionnaire.pk])

    def answer(times):
        for _n in range(times):
            services.response_submit(
                invitation=InvitationFactory(questionnaire=questionnaire),
                answers=dict(zip(questions, [3, 4, "Fine"], strict=True)),
            )

    answer(1)
    count_queries(url)
    one = count_queries(url)
    answer(3)

    assert count_queries(url) == one


def test_anonymity_stays_as_promised_once_people_were_asked(staff_client):
    asked = InvitationFactory(questionnaire=questionnaire_with_questions()).questionnaire
    not_yet = questionnaire_with_questions()
    page = staff_client.get(reverse("admin:evaluations_questionnaire_change", args=[asked.pk]))

    assert 'name="is_anonymous"' not in page.content.decode()
    assert (
        'name="is_anonymous"'
        in staff_client.get(
            reverse("admin:evaluations_questionnaire_change", args=[not_yet.pk])
        ).content.decode()
    )
    asked.is_anonymous = False
    with pytest.raises(ValidationError) as refused:
        asked.full_clean()
    assert "is_anonymous" in refused.value.message_dict
    not_yet.is_anonymous = False
    not_yet.full_clean()
