"""South-south cooperation: calls for proposals, ministries' needs, and
requests from one ministry to another, from the draft to the results.

Rules about one object live here; the request's lifecycle (who may move it,
the emails, the fund's allocation) lives in services.py."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.files import ServedFileField, unguessable_name
from core.uploads import DocumentValidator
from network.models import unique_slug
from network.rules import is_focal_point

from .enums import (
    FOLLOW_UP_MONTHS,
    PUBLIC_STATUSES,
    ActivityType,
    BudgetItem,
    ChangeKind,
    Criterion,
    NeedStatus,
    Priority,
    RequestStatus,
)
from .rules import can_see_all_needs, is_cooperation_staff

MONEY = {"max_digits": 12, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}


class CallQuerySet(models.QuerySet):
    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)


class Call(models.Model):
    """A call for proposals, financed by the Voluntary Contribution Fund."""

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, editable=False)
    description = models.TextField(_("description"), blank=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(
        _("closes"), help_text=_("Proposals submitted after this moment are refused.")
    )
    activity_types = models.JSONField(
        _("eligible activity types"),
        default=list,
        blank=True,
        help_text=_("Empty: every type."),
    )
    topics = models.ManyToManyField(
        "network.Topic", verbose_name=_("topics in focus"), blank=True, related_name="calls"
    )
    max_fund_contribution = models.DecimalField(
        _("maximum fund contribution per activity (USD)"), **MONEY
    )
    envelope = models.DecimalField(_("total envelope (USD)"), **MONEY)
    webinar = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("match-making webinar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="calls",
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("remind focal points this many days before it closes"), default=7
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("call for proposals")
        verbose_name_plural = _("calls for proposals")
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_at__lt=models.F("closes_at")),
                name="cooperation_call_opens_before_it_closes",
                violation_error_message=_("A call must open before it closes."),
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title, fallback="call")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("cooperation:call_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        unknown = set(self.activity_types) - set(ActivityType.values)
        if unknown:
            raise ValidationError(
                {
                    "activity_types": _("Unknown activity types: %(types)s")
                    % {"types": ", ".join(sorted(unknown))}
                }
            )

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def accepts(self, activity_type):
        return not self.activity_types or activity_type in self.activity_types


def call_document_path(document, filename):
    return unguessable_name("cooperation/calls", filename)


class CallDocument(models.Model):
    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=250)
    language = models.CharField(_("language"), max_length=2, choices=settings.CONTENT_LANGUAGES)
    file = ServedFileField(
        _("file"), upload_to=call_document_path, validators=[DocumentValidator()]
    )

    class Meta:
        verbose_name = _("document of a call")
        verbose_name_plural = _("documents of the call")
        ordering = ["title", "language"]

    def __str__(self):
        return self.title

    def get_file_url(self):
        return reverse("cooperation:call_document", kwargs={"slug": self.call.slug, "pk": self.pk})


class NeedQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Public needs for everyone; all of them for focal points and staff."""
        if can_see_all_needs(user):
            return self
        return self.filter(is_public=True)


class Need(models.Model):
    """What a ministry needs to strengthen, for its peers to offer."""

    institution = models.ForeignKey(
        "network.Institution",
        verbose_name=_("ministry"),
        on_delete=models.PROTECT,
        related_name="cooperation_needs",
    )
    topic = models.ForeignKey(
        "network.Topic", verbose_name=_("topic"), on_delete=models.PROTECT, related_name="needs"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    priority = models.CharField(
        _("priority"), max_length=6, choices=Priority.choices, default=Priority.MEDIUM
    )
    support_kinds = models.JSONField(
        _("kinds of support sought"), default=list, blank=True, help_text=_("Activity types.")
    )
    language = models.CharField(
        _("language"), max_length=2, choices=settings.CONTENT_LANGUAGES, default="es"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=NeedStatus.choices, default=NeedStatus.OPEN
    )
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Shown to visitors too; otherwise only to focal points and the Secretariat."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("cooperation need")
        verbose_name_plural = _("cooperation needs")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.title} ({self.institution})"

    def clean(self):
        super().clean()
        unknown = set(self.support_kinds) - set(ActivityType.values)
        if unknown:
            raise ValidationError(
                {
                    "support_kinds": _("Unknown kinds of support: %(kinds)s")
                    % {"kinds": ", ".join(sorted(unknown))}
                }
            )


class RequestQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status__in=PUBLIC_STATUSES)

    def involving(self, institution):
        return self.filter(Q(requester=institution) | Q(provider=institution))

    def visible_to(self, user):
        """Public requests for everyone; the others for the two ministries'
        focal points (a draft only for the requester's) and staff, as
        rules.can_view_request decides for one."""
        if is_cooperation_staff(user):
            return self
        visible = Q(status__in=PUBLIC_STATUSES)
        if is_focal_point(user):
            visible |= Q(requester_id=user.institution_id) | (
                Q(provider_id=user.institution_id) & ~Q(status=RequestStatus.DRAFT)
            )
        return self.filter(visible)

    def with_amounts(self):
        return self.annotate(fund_total=Sum("budget_lines__fund_amount"))


class Request(models.Model):
    """One ministry asks another for cooperation, drawing on its experience."""

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=250)
    requester = models.ForeignKey(
        "network.Institution",
        verbose_name=_("requesting ministry (beneficiary)"),
        on_delete=models.PROTECT,
        related_name="cooperation_requested",
    )
    provider = models.ForeignKey(
        "network.Institution",
        verbose_name=_("providing ministry"),
        on_delete=models.PROTECT,
        related_name="cooperation_provided",
    )
    program = models.ForeignKey(
        "portfolio.Program",
        verbose_name=_("program it draws on"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cooperation_requests",
    )
    call = models.ForeignKey(
        Call,
        verbose_name=_("call for proposals"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
    )
    need = models.ForeignKey(
        Need,
        verbose_name=_("need it answers"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requests",
    )
    library_items = models.ManyToManyField(
        "library.LibraryItem",
        verbose_name=_("related library items"),
        related_name="cooperation_activities",
        blank=True,
        help_text=_("Studies and publications the activity builds on or produced."),
    )
    topic = models.ForeignKey(
        "network.Topic",
        verbose_name=_("topic"),
        on_delete=models.PROTECT,
        related_name="cooperation_requests",
    )
    activity_type = models.CharField(
        _("activity type"), max_length=20, choices=ActivityType.choices
    )
    objectives = models.TextField(_("objectives"))
    participants_count = models.PositiveSmallIntegerField(
        _("number of participants"), default=1, validators=[MinValueValidator(1)]
    )
    participants_profile = models.TextField(
        _("profile of the participants"),
        help_text=_("Technical staff who will apply what they learn, not political authorities."),
    )
    proposed_start = models.DateField(_("proposed start"), null=True, blank=True)
    proposed_end = models.DateField(_("proposed end"), null=True, blank=True)
    summary = models.TextField(
        _("public summary"),
        blank=True,
        help_text=_("Shown to everyone once the request is approved."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.DRAFT
    )
    amount_approved = models.DecimalField(
        _("amount approved from the fund (USD)"), null=True, blank=True, **MONEY
    )
    allocation = models.OneToOneField(
        "fund.Allocation",
        verbose_name=_("fund allocation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cooperation_request",
    )
    carried_out_on = models.DateField(_("carried out (last day)"), null=True, blank=True)
    report_due_on = models.DateField(_("final report due"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("cooperation request")
        verbose_name_plural = _("cooperation requests")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(requester=models.F("provider")),
                name="cooperation_request_two_ministries",
                violation_error_message=_("A ministry cannot request cooperation from itself."),
            ),
            models.CheckConstraint(
                condition=Q(proposed_start__isnull=True)
                | Q(proposed_end__isnull=True)
                | Q(proposed_start__lte=models.F("proposed_end")),
                name="cooperation_request_dates_in_order",
                violation_error_message=_("The activity cannot end before it starts."),
            ),
        ]
        indexes = [models.Index(fields=["status"])]

    def __str__(self):
        return f"{self.reference} {self.title}"

    def save(self, *args, **kwargs):
        if self.reference:
            super().save(*args, **kwargs)
            return
        # The next number of the year; two requests created at the same moment
        # may pick the same one, and the unique constraint sends the loser to
        # the next number.
        year = (self.created_at or timezone.now()).year
        taken = Request.objects.filter(reference__startswith=f"RIAL-{year}-").count()
        for number in range(taken + 1, taken + 20):
            self.reference = f"RIAL-{year}-{number:03d}"
            try:
                with transaction.atomic():
                    super().save(*args, **kwargs)
                return
            except IntegrityError:
                if not Request.objects.filter(reference=self.reference).exists():
                    raise
        raise IntegrityError("No free reference number for the cooperation request.")

    def get_absolute_url(self):
        return reverse("cooperation:request_detail", kwargs={"reference": self.reference})

    def clean(self):
        super().clean()
        errors = {}
        ministry = "ministry"
        if self.requester_id and self.requester.kind != ministry:
            errors["requester"] = _("The requester must be a ministry of labor.")
        if self.provider_id and self.provider.kind != ministry:
            errors["provider"] = _("The provider must be a ministry of labor.")
        if (
            self.requester_id
            and self.provider_id
            and self.requester.member_state_id == self.provider.member_state_id
        ):
            errors["provider"] = _("The provider must be a ministry of another member state.")
        if self.program_id and self.provider_id and self.program.owner_id != self.provider_id:
            errors["program"] = _("The program must be the providing ministry's.")
        if self.call_id and not self.call.accepts(self.activity_type):
            errors["activity_type"] = _("This call does not finance this type of activity.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_public(self):
        return self.status in PUBLIC_STATUSES

    @property
    def results_are_public(self):
        return self.status == RequestStatus.CLOSED

    def budget_totals(self):
        """{"fund": …, "requester": …, "provider": …, "total": …} in USD."""
        totals = self.budget_lines.aggregate(
            fund=Sum("fund_amount"),
            requester=Sum("requester_amount"),
            provider=Sum("provider_amount"),
        )
        totals = {key: value or Decimal(0) for key, value in totals.items()}
        totals["total"] = sum(totals.values(), Decimal(0))
        return totals

    def amount_requested(self):
        return self.budget_totals()["fund"]

    def average_score(self):
        scores = [review.total() for review in self.reviews.all()]
        if not scores:
            return None
        return sum(scores) / len(scores)

    def follow_ups_due(self):
        """(months, due date) of the follow-ups after the activity."""
        if self.carried_out_on is None:
            return []
        return [(months, _add_months(self.carried_out_on, months)) for months in FOLLOW_UP_MONTHS]


def _add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(day.day, 28))


class ExpectedResult(models.Model):
    """A measurable result: its indicator, where it starts and what it aims for."""

    request = models.ForeignKey(
        Request, verbose_name=_("request"), on_delete=models.CASCADE, related_name="results"
    )
    result = models.CharField(_("expected result"), max_length=300)
    indicator = models.CharField(_("indicator"), max_length=300)
    baseline = models.CharField(_("baseline"), max_length=100)
    target = models.CharField(_("target"), max_length=100)
    achieved = models.CharField(
        _("achieved"), max_length=100, blank=True, help_text=_("Filled in the final report.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("expected result")
        verbose_name_plural = _("expected results")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.result


class BudgetLine(models.Model):
    """One item of the budget, and who pays for it."""

    request = models.ForeignKey(
        Request, verbose_name=_("request"), on_delete=models.CASCADE, related_name="budget_lines"
    )
    item = models.CharField(
        pgettext_lazy("budget", "item"), max_length=10, choices=BudgetItem.choices
    )
    description = models.CharField(_("description"), max_length=250, blank=True)
    fund_amount = models.DecimalField(_("asked from the fund (USD)"), default=0, **MONEY)
    requester_amount = models.DecimalField(
        _("co-financing by the requester (USD)"), default=0, **MONEY
    )
    provider_amount = models.DecimalField(
        _("co-financing by the provider (USD)"), default=0, **MONEY
    )

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget")
        ordering = ["item", "pk"]

    def __str__(self):
        return f"{self.get_item_display()}: {self.fund_amount}"


class Review(models.Model):
    """A reviewer's scores of a proposal against the call's criteria."""

    request = models.ForeignKey(
        Request, verbose_name=_("request"), on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="cooperation_reviews",
    )
    relevance = models.PositiveSmallIntegerField(
        Criterion.RELEVANCE.label, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    opportunity = models.PositiveSmallIntegerField(
        Criterion.OPPORTUNITY.label, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    clarity = models.PositiveSmallIntegerField(
        Criterion.CLARITY.label, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    commitment = models.PositiveSmallIntegerField(
        Criterion.COMMITMENT.label, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["request", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "reviewer"],
                name="cooperation_review_one_per_reviewer",
                violation_error_message=_(
                    "You reviewed this proposal already; change your review."
                ),
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{name}__gte": 1, f"{name}__lte": 5}),
                    name=f"cooperation_review_{name}_1_to_5",
                )
                for name in Criterion.values
            ),
        ]

    def __str__(self):
        return f"{self.request.reference} — {self.reviewer}"

    def total(self):
        return sum(getattr(self, name) for name in Criterion.values)


class FinalReport(models.Model):
    """What was done, what it achieved, what was learned."""

    request = models.OneToOneField(
        Request, verbose_name=_("request"), on_delete=models.CASCADE, related_name="final_report"
    )
    what_was_done = models.TextField(_("what was done"))
    lessons = models.TextField(_("lessons learned"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        verbose_name = _("final report")
        verbose_name_plural = _("final reports")

    def __str__(self):
        return str(self.request)


class FollowUp(models.Model):
    """What changed in the beneficiary ministry, 6 and 12 months after."""

    request = models.ForeignKey(
        Request, verbose_name=_("request"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    months = models.PositiveSmallIntegerField(
        _("months after"), choices=[(m, m) for m in FOLLOW_UP_MONTHS]
    )
    change_kinds = models.JSONField(_("what changed"), default=list)
    description = models.TextField(_("description"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["request", "months"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "months"],
                name="cooperation_follow_up_once",
                violation_error_message=_("This follow-up was submitted already."),
            )
        ]

    def __str__(self):
        return f"{self.request.reference} +{self.months}"

    def clean(self):
        super().clean()
        unknown = set(self.change_kinds) - set(ChangeKind.values)
        if unknown:
            raise ValidationError(
                {
                    "change_kinds": _("Unknown changes: %(changes)s")
                    % {"changes": ", ".join(unknown)}
                }
            )


def evidence_path(evidence, filename):
    return unguessable_name("cooperation/evidence", filename)


class Evidence(models.Model):
    """A file that shows the activity took place (attendance list, report, photos)."""

    request = models.ForeignKey(
        Request, verbose_name=_("request"), on_delete=models.CASCADE, related_name="evidence"
    )
    follow_up = models.ForeignKey(
        FollowUp,
        verbose_name=_("follow-up"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="evidence",
    )
    title = models.CharField(_("title"), max_length=200)
    file = ServedFileField(_("file"), upload_to=evidence_path, validators=[DocumentValidator()])
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.title
