"""Evaluation questionnaires: the questions staff ask after a meeting, whom
they were sent to, and the answers.

Anonymity is kept by the shape of the tables: an ``Invitation`` says that a
registration was asked and whether it answered, and nothing about what; a
``Response`` of an anonymous questionnaire names nobody. Neither carries a
time that would pair them (the invitation records no moment of answering,
the response only its day), so the answers cannot be traced back to a person
from the database."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .enums import RATINGS, QuestionKind


class Questionnaire(models.Model):
    """A short questionnaire: sent to those who attended a meeting once it
    is over, or asked in every cooperation activity's final report.

    A meeting's is that meeting's (a foreign key). The final reports' is one
    questionnaire at a time, ticked ``for_final_reports``, so that the
    answers of every activity add up in its results. The questions and the
    answers do not depend on what is evaluated; only the asking does
    (services.py, and the final report's page in cooperation)."""

    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Shown above the questions.")
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questionnaires",
    )
    for_final_reports = models.BooleanField(
        _("asked in final reports"),
        default=False,
        help_text=_(
            "Its questions follow every cooperation activity's final report submitted while "
            "this is ticked. One questionnaire at a time, and not a meeting's."
        ),
    )
    is_anonymous = models.BooleanField(
        _("anonymous answers"),
        default=True,
        help_text=_("When ticked, the answers are stored without any link to who gave them."),
    )
    reminder_after_days = models.PositiveSmallIntegerField(
        _("reminder after (days)"),
        default=7,
        help_text=_("One reminder goes to those who have not answered, this many days later."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation questionnaire")
        verbose_name_plural = _("evaluation questionnaires")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["for_final_reports"],
                condition=Q(for_final_reports=True),
                name="evaluations_questionnaire_one_for_final_reports",
                violation_error_message=_(
                    "Another questionnaire is asked in final reports: untick it first."
                ),
            ),
            models.CheckConstraint(
                condition=Q(meeting__isnull=True) | Q(for_final_reports=False),
                name="evaluations_questionnaire_meeting_or_final_reports",
                violation_error_message=_(
                    "A questionnaire follows a meeting or the final reports, not both."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def has_been_asked(self):
        """Whether someone was invited or answered: from then on the invitation's
        promise about anonymity holds for every answer still to come."""
        return self.invitations.exists() or self.responses.exists()

    def clean(self):
        super().clean()
        if self.pk is None:
            return
        stored = Questionnaire.objects.filter(pk=self.pk).values_list("is_anonymous", flat=True)
        if stored and stored[0] != self.is_anonymous and self.has_been_asked():
            raise ValidationError(
                {
                    "is_anonymous": _(
                        "People have been asked already, under the promise this made about "
                        "their anonymity: it stays as it was."
                    )
                }
            )


class Question(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire,
        verbose_name=_("questionnaire"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(
        _("kind"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.RATING
    )
    text = models.CharField(_("question"), max_length=300)
    is_required = models.BooleanField(_("required"), default=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["questionnaire", "position", "pk"]

    def __str__(self):
        return self.text

    @property
    def is_rating(self):
        return self.kind == QuestionKind.RATING


class Invitation(models.Model):
    """A registration asked to answer: when, whether it was reminded, and
    whether it answered (never what, nor when)."""

    questionnaire = models.ForeignKey(
        Questionnaire,
        verbose_name=_("questionnaire"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    # The personal data purge deletes registrations: their invitations go
    # with them, the anonymous answers stay.
    registration = models.ForeignKey(
        "meetings.Registration",
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="evaluation_invitations",
    )
    sent_at = models.DateTimeField(_("sent"))
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    has_answered = models.BooleanField(_("answered"), default=False)

    class Meta:
        verbose_name = _("invitation to evaluate")
        verbose_name_plural = _("invitations to evaluate")
        ordering = ["questionnaire", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "registration"],
                name="evaluations_invitation_one_per_registration",
            )
        ]

    def __str__(self):
        return f"{self.questionnaire} – {self.registration_id}"


class Response(models.Model):
    """One person's answers. ``registration`` (a meeting's participant) or
    ``request`` (the activity whose final report gave them) is set only when
    the questionnaire is not anonymous."""

    questionnaire = models.ForeignKey(
        Questionnaire,
        verbose_name=_("questionnaire"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    registration = models.ForeignKey(
        "meetings.Registration",
        verbose_name=_("registration"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evaluation_responses",
    )
    request = models.ForeignKey(
        "cooperation.Request",
        verbose_name=_("cooperation request"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evaluation_responses",
    )
    # The day only: a time would pair an anonymous response with the
    # invitation answered at that moment.
    submitted_on = models.DateField(_("submitted on"))

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["questionnaire", "pk"]

    def __str__(self):
        return f"{self.questionnaire} #{self.pk}"


class Answer(models.Model):
    response = models.ForeignKey(
        Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.PROTECT, related_name="answers"
    )
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    text = models.TextField(_("answer"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["response", "question__position", "question"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="evaluations_answer_one_per_question"
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True)
                | Q(rating__gte=min(RATINGS), rating__lte=max(RATINGS)),
                name="evaluations_answer_rating_1_to_5",
            ),
        ]

    def __str__(self):
        return str(self.rating) if self.rating is not None else self.text[:50]
