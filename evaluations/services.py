"""Sending questionnaires to those who attended, reminding them once, and
recording an answer once; recording the answers given with a cooperation
activity's final report.

Answers are not written to the activity log: an entry naming who answered
an anonymous questionnaire, next to the response, would undo the anonymity."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import email_enqueue
from meetings.enums import RegistrationStatus

from .enums import RATINGS
from .links import answer_path
from .models import Answer, Invitation, Questionnaire, Response

# Attendance imported or ticked this long after the meeting still brings the
# questionnaire; after it, a meeting's questionnaire is no longer sent.
SEND_WITHIN_DAYS = 30


def evaluations_send(*, now=None):
    """Invite each participant recorded as present at a meeting that is over
    to answer its questionnaire, and remind once those who have not answered
    after the questionnaire's delay. Run by beat; running it again, or a
    retry, sends nothing twice (an invitation row per registration, a claimed
    reminder, and the emails' once-only keys). Returns (invited, reminded)."""
    now = now or timezone.now()
    invited = sum(_invite(questionnaire, now=now) for questionnaire in _questionnaires_to_send(now))
    return invited, _remind(now=now)


def _questionnaires_to_send(now):
    since = timezone.localdate(now) - datetime.timedelta(days=SEND_WITHIN_DAYS)
    candidates = (
        Questionnaire.objects.filter(meeting__start_date__isnull=False, questions__isnull=False)
        .filter(
            Q(meeting__end_date__gte=since)
            | Q(meeting__end_date__isnull=True, meeting__start_date__gte=since)
        )
        .select_related("meeting")
        .distinct()
    )
    # The meeting's own end, in its own time zone: a webinar is over at its
    # end time, not at midnight.
    return [questionnaire for questionnaire in candidates if questionnaire.meeting.ends_at() <= now]


def _invite(questionnaire, *, now):
    meeting = questionnaire.meeting
    participants = (
        meeting.registrations.attended()
        .filter(status=RegistrationStatus.APPROVED)
        .exclude(evaluation_invitations__questionnaire=questionnaire)
        .select_related("meeting")
    )
    invited = 0
    for registration in participants:
        with transaction.atomic():
            invitation, created = Invitation.objects.get_or_create(
                questionnaire=questionnaire, registration=registration, defaults={"sent_at": now}
            )
            if created:
                _email(invitation, "invitation")
                invited += 1
    return invited


def _remind(*, now):
    due = (
        Invitation.objects.filter(has_answered=False, reminded_at__isnull=True)
        .select_related("questionnaire", "registration__meeting")
        .order_by("pk")
    )
    reminded = 0
    for invitation in due:
        delay = datetime.timedelta(days=invitation.questionnaire.reminder_after_days)
        if invitation.sent_at + delay > now:
            continue
        with transaction.atomic():
            # Claimed before the email is recorded: two runs at once remind once.
            claimed = Invitation.objects.filter(
                pk=invitation.pk, has_answered=False, reminded_at__isnull=True
            ).update(reminded_at=now)
            if claimed:
                _email(invitation, "reminder")
                reminded += 1
    return reminded


def _email(invitation, kind):
    registration = invitation.registration
    email_enqueue(
        key=(f"evaluations:questionnaire:{invitation.questionnaire_id}:{kind}:{registration.pk}"),
        to=registration.email,
        template=f"evaluations/email/{kind}",
        context={
            "registration": registration,
            "meeting": registration.meeting,
            "questionnaire": invitation.questionnaire,
            "answer_path": answer_path(invitation),
        },
        language=registration.language,
    )


@transaction.atomic
def response_submit(*, invitation, answers, today=None):
    """Record the answers of the invitation's person: ``answers`` maps each
    question to its value (a rating from 1 to 5, a text, or None when left blank).
    Raises ValidationError, saving nothing, when the invitation has answered
    already or an answer is missing or out of range."""
    questionnaire = invitation.questionnaire
    rows = _answer_rows(questionnaire, answers)
    # The claim decides: a second submission, even at the same moment, saves nothing.
    claimed = Invitation.objects.filter(pk=invitation.pk, has_answered=False).update(
        has_answered=True
    )
    if not claimed:
        raise ValidationError(_("You have already answered this questionnaire. Thank you."))
    invitation.has_answered = True
    return _response_record(questionnaire, rows, today=today, registration=invitation.registration)


@transaction.atomic
def final_report_answers_record(*, questionnaire, request, answers, today=None):
    """Record the answers given with ``request``'s final report to the final
    reports' questionnaire; the final report's own step (cooperation's
    workflow) makes it once per request. Raises ValidationError, saving
    nothing, when an answer is missing or out of range."""
    if not questionnaire.for_final_reports:
        raise ValidationError(_("This questionnaire is not asked in final reports."))
    rows = _answer_rows(questionnaire, answers)
    return _response_record(questionnaire, rows, today=today, request=request)


def _answer_rows(questionnaire, answers):
    """The unsaved Answer rows of ``answers`` (question → value), checked
    against the questionnaire's questions; ValidationError otherwise."""
    questions = list(questionnaire.questions.all())
    rows = []
    for question in questions:
        value = answers.get(question)
        if value in (None, ""):
            if question.is_required:
                raise ValidationError(_("Please answer every required question."))
            continue
        if question.is_rating:
            if value not in RATINGS:
                raise ValidationError(_("A rating is a whole number from 1 to 5."))
            rows.append(Answer(question=question, rating=value))
        else:
            rows.append(Answer(question=question, text=str(value).strip()))
    if set(answers) - set(questions):
        raise ValidationError(_("An answer names a question of another questionnaire."))
    return rows


def _response_record(questionnaire, rows, *, today, **respondent):
    """The response and its answers; who gave them (``respondent``: a
    registration or a request) only when the questionnaire is not anonymous."""
    response = Response.objects.create(
        questionnaire=questionnaire,
        submitted_on=today or timezone.localdate(),
        **({} if questionnaire.is_anonymous else respondent),
    )
    for row in rows:
        row.response = response
    Answer.objects.bulk_create(rows)
    return response
