"""The participant's page to answer a questionnaire, reached through the
personal link of the invitation (links.py) and shown in the language of
their registration. The results are the Secretariat's, in the admin
(admin.py)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import links, rules, services
from .forms import AnswerForm


def _bad_link(request, error):
    return render(
        request,
        "evaluations/bad_link.html",
        {"reason": error.reason},
        status=400 if error.reason == "broken" else 410,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def answer(request, token):
    try:
        invitation = links.invitation_from_token(token)
    except links.AnswerLinkInvalid as error:
        return _bad_link(request, error)
    with translation.override(invitation.registration.language):
        return _answer_page(request, invitation)


def _answer_page(request, invitation):
    questionnaire = invitation.questionnaire
    context = {"questionnaire": questionnaire, "meeting": invitation.registration.meeting}
    if not rules.can_answer(invitation):
        # A second submission is refused (409) with the same words as a visit.
        status = 409 if request.method == "POST" else 200
        return render(request, "evaluations/answered.html", context, status=status)
    form = AnswerForm(request.POST or None, questions=questionnaire.questions.all())
    if request.method == "POST":
        if form.is_valid():
            try:
                services.response_submit(invitation=invitation, answers=form.answers())
            except ValidationError as error:
                invitation.refresh_from_db(fields=["has_answered"])
                if invitation.has_answered:
                    # Submitted twice at once: the other submission was recorded.
                    return render(request, "evaluations/answered.html", context, status=409)
                form.add_error(None, error)
            else:
                return render(
                    request, "evaluations/answered.html", {**context, "just_answered": True}
                )
        messages.error(request, _("Your answers are not saved: please correct the errors below."))
    return render(request, "evaluations/answer.html", {**context, "form": form})
