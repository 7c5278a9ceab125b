"""The participant's page to answer (evaluations.views.answer): only through
a valid link, in their language, once; bad input saves nothing."""

import time

import pytest
from django.core import signing
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from evaluations import links
from evaluations.models import Answer, Invitation, Response
from tests.evaluations.factories import InvitationFactory, questionnaire_with_questions
from tests.test_hostile_input import fuzzing, hostile_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation():
    return InvitationFactory(questionnaire=questionnaire_with_questions())


def _url(invitation):
    return links.answer_path(invitation)


def _fields(invitation, rating="4", optional="", text=""):
    first, second, third = invitation.questionnaire.questions.all()
    return {f"q{first.pk}": rating, f"q{second.pk}": optional, f"q{third.pk}": text}


def test_the_form_is_accessible_and_in_the_participants_language(client, invitation):
    invitation.registration.language = "es"
    invitation.registration.save()
    first = invitation.questionnaire.questions.first()

    page = client.get(_url(invitation)).content.decode()

    assert '<h1 class="h3">Evaluación</h1>' in page
    assert "¿Qué tan útil fue?" in page
    assert page.count("<fieldset") == 2
    assert "<legend" in page
    for value in range(1, 6):
        assert (
            f'<label class="form-check-label" for="id_q{first.pk}_{value - 1}">{value}</label>'
            in page
        )
    assert '<label class="form-label fw-semibold" for="id_q' in page


def test_an_anonymous_answer_is_stored_without_the_person(client, invitation):
    response = client.post(_url(invitation), _fields(invitation, text="More time for questions"))

    assert response.status_code == 200
    assert "your answers are recorded" in response.content.decode()
    stored = Response.objects.get()
    assert stored.registration is None
    assert list(Answer.objects.order_by("question__position").values_list("rating", "text")) == [
        (4, ""),
        (None, "More time for questions"),
    ]
    invitation.refresh_from_db()
    assert invitation.has_answered


def test_a_named_questionnaire_keeps_the_registration(client):
    invitation = InvitationFactory(questionnaire=questionnaire_with_questions(is_anonymous=False))

    client.post(_url(invitation), _fields(invitation))

    assert Response.objects.get().registration == invitation.registration


def test_a_second_submission_is_refused_with_a_message_and_saves_nothing(client, invitation):
    client.post(_url(invitation), _fields(invitation, rating="5"))

    again = client.post(_url(invitation), _fields(invitation, rating="1"))

    assert again.status_code == 409
    assert "You have already answered this questionnaire" in again.content.decode()
    assert list(Answer.objects.values_list("rating", flat=True).exclude(rating=None)) == [5]
    assert "already answered" in client.get(_url(invitation)).content.decode()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"rating": ""}, "Choose a rating from 1 to 5."),
        ({"rating": "6"}, "Select a valid choice."),
        ({"rating": "abc"}, "Select a valid choice."),
        ({"rating": "3", "optional": "0"}, "Select a valid choice."),
        ({"rating": "3", "text": "x" * 3001}, "Ensure this value has at most 3000 characters"),
    ],
)
def test_bad_input_is_shown_again_with_a_message_and_saves_nothing(
    client, invitation, fields, message
):
    response = client.post(_url(invitation), _fields(invitation, **fields))

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Your answers are not saved" in page
    assert not Response.objects.exists()
    assert not Answer.objects.exists()
    assert not Invitation.objects.get().has_answered


def test_a_broken_or_forged_link_shows_a_clear_page(client, invitation):
    forged = signing.dumps({"i": invitation.pk}, salt="another.salt")
    gone = signing.dumps({"i": 10**9}, salt=links.SALT)
    for token in ("nonsense", forged, gone):
        response = client.get(reverse("evaluations:answer", kwargs={"token": token}))
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
        assert (
            client.post(reverse("evaluations:answer", kwargs={"token": token})).status_code == 400
        )
    assert not Response.objects.exists()


class _SignedLongAgo(signing.TimestampSigner):
    """Signs as the invitation did longer ago than a link lasts."""

    def timestamp(self):
        return signing.b62_encode(int(time.time()) - links.MAX_AGE - 60)


def test_an_expired_link_is_gone(client, invitation):
    token = _SignedLongAgo(salt=links.SALT).sign_object({"i": invitation.pk})

    response = client.get(reverse("evaluations:answer", kwargs={"token": token}))

    assert response.status_code == 410
    assert "This link is no longer valid" in response.content.decode()


@fuzzing
@given(data=st.data())
def test_hostile_input_never_fails_and_saves_all_or_nothing(client, data):
    invitation = InvitationFactory(questionnaire=questionnaire_with_questions())
    fields = _fields(invitation, rating="3")
    overrides = data.draw(
        st.dictionaries(st.sampled_from(sorted(fields)), hostile_text, min_size=1, max_size=3)
    )

    response = client.post(_url(invitation), {**fields, **overrides})

    assert response.status_code == 200
    saved = Response.objects.filter(questionnaire=invitation.questionnaire).first()
    invitation.refresh_from_db()
    assert invitation.has_answered == (saved is not None)
    # Text typed back into the form is escaped.
    assert "<script>alert" not in response.content.decode()
