"""One answer per person even when the form is sent many times at once (a
double click, a retried request): the invitation's claim decides. Real
threads, each with its own database connection, against PostgreSQL (CI)."""

import pytest
from django.test import Client

from evaluations import links
from evaluations.models import Answer, Response
from tests.conftest import run_in_threads
from tests.evaluations.factories import InvitationFactory, questionnaire_with_questions

CONCURRENT = 10


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_ten_submissions_at_once_record_one_response():
    invitation = InvitationFactory(questionnaire=questionnaire_with_questions())
    first, second, third = invitation.questionnaire.questions.all()
    url = links.answer_path(invitation)
    statuses = []

    def submit(i):
        response = Client().post(
            url, {f"q{first.pk}": str(i % 5 + 1), f"q{second.pk}": "", f"q{third.pk}": ""}
        )
        statuses.append(response.status_code)

    errors = run_in_threads(submit, CONCURRENT)

    assert errors == []
    assert sorted(statuses) == [200] + [409] * (CONCURRENT - 1)
    assert Response.objects.count() == 1
    assert Answer.objects.count() == 1
