"""The Voluntary Contribution Fund's books.

Money is Decimal in USD unless said (a contribution in another currency keeps
its original amount and its USD value on the day received). Amounts are
positive, checked by the database. Nothing is ever deleted: a wrong record is
voided with a reason, or corrected by a reversing entry (a record that points
at the one it reverses and counts negatively). Every change is kept in history.
"""

import datetime
import hashlib
import json
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Case, F, Q, When
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.files import ServedFileField, unguessable_name
from core.uploads import DocumentKind, DocumentValidator

from .enums import BudgetLine, ContributionKind, PledgeState, PledgeStatus

CENT = Decimal("0.01")
MONEY = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(CENT)]}
currency_code = RegexValidator(r"^[A-Z]{3}$", _("A currency is three capital letters (USD)."))

DELETION_REFUSED = _(
    "Financial records are never deleted: void the record with a reason, "
    "or record a reversing entry."
)


class LedgerDeletionRefused(ValidationError):
    pass


class LedgerQuerySet(models.QuerySet):
    def effective(self):
        """What counts: records not voided (reversals included, negatively)."""
        return self.filter(voided=False)

    def delete(self):
        raise LedgerDeletionRefused(DELETION_REFUSED)


def signed(field, via=""):
    """``field`` as it counts in a sum: negative for a reversing entry.
    ``via`` is the path to the records from the queried model ("expenses__")."""
    return Case(
        When(**{f"{via}reverses__isnull": False}, then=-F(f"{via}{field}")),
        default=F(f"{via}{field}"),
    )


class LedgerEntry(models.Model):
    """What every record of the books shares: a reference, the void flag and
    the reversal link."""

    reference = models.CharField(
        _("reference"),
        max_length=200,
        blank=True,
        help_text=_("Transfer, agreement, invoice or decision number."),
    )
    reverses = models.ForeignKey(
        "self",
        verbose_name=_("reverses"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reversals",
        help_text=_("Set on a reversing entry: the record it corrects."),
    )
    voided = models.BooleanField(_("voided"), default=False)
    void_reason = models.TextField(_("reason for voiding"), blank=True)
    voided_at = models.DateTimeField(_("voided"), null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = LedgerQuerySet.as_manager()
    # An allocation's purpose is translated: fund/translation.py adds its
    # purpose_en, purpose_es… columns after the history models are built, so
    # they have none for them; the history keeps the purpose in ``purpose``.
    history = HistoricalRecords(
        inherit=True,
        excluded_fields=[f"purpose_{code}" for code, _name in settings.CONTENT_LANGUAGES],
    )

    class Meta:
        abstract = True

    def delete(self, *args, **kwargs):
        raise LedgerDeletionRefused(DELETION_REFUSED)

    @property
    def is_reversal(self):
        return self.reverses_id is not None


def refuse_future_date(entry, field, message):
    """A receipt or an expense is recorded once it happened: a date past
    today would count in no statement yet, but raise the year-end
    projection. Nor may it fall in a closed year. Only for a new record: a
    recorded date is frozen."""
    day = getattr(entry, field)
    today = timezone.localdate()
    if entry._state.adding and day is not None and day > today:
        raise ValidationError({field: message % {"today": date_format(today)}})
    if entry._state.adding:
        refuse_closed_date(day, field)


def books_closed_through():
    """The last day of the latest closed year (None: no year is closed).
    Everything up to that day is frozen, whichever earlier year was closed."""
    year = ClosedYear.objects.aggregate(latest=models.Max("year"))["latest"]
    return None if year is None else datetime.date(year, 12, 31)


def refuse_closed_date(day, field):
    """A record dated in a closed year would change its frozen statement: a
    correction goes in the open year, as a reversing entry."""
    closed_through = books_closed_through()
    if day is not None and closed_through is not None and day <= closed_through:
        raise ValidationError(
            {
                field: _(
                    "The books are closed through %(day)s: record the correction in the "
                    "open year, as a reversing entry dated after it."
                )
                % {"day": date_format(closed_through)}
            }
        )


def _ledger_constraints(prefix, amount_fields):
    constraints = [
        models.CheckConstraint(
            condition=Q(**{f"{field}__gt": 0}),
            name=f"{prefix}_{field}_positive",
            violation_error_message=_("Amounts are positive."),
        )
        for field in amount_fields
    ]
    constraints.append(
        models.CheckConstraint(
            condition=Q(voided=False) | ~Q(void_reason=""),
            name=f"{prefix}_void_has_reason",
            violation_error_message=_("Say why the record is voided."),
        )
    )
    return constraints


def _currency_constraints(prefix):
    return [
        models.CheckConstraint(
            condition=Q(currency__regex=r"^[A-Z]{3}$"), name=f"{prefix}_currency_code"
        ),
        models.CheckConstraint(
            condition=~Q(currency="USD") | Q(amount_usd=F("amount")),
            name=f"{prefix}_usd_amount_is_the_amount",
            violation_error_message=_("For USD, the USD value is the amount."),
        ),
    ]


class PledgeQuerySet(LedgerQuerySet):
    def open_on(self, day):
        """Pledges still expected on ``day``: open, and their last year not over."""
        return self.effective().filter(status=PledgeStatus.OPEN, year_to__gte=day.year)

    def lapsed_on(self, day):
        """Open pledges whose last year ended before ``day`` without being received."""
        return self.effective().filter(status=PledgeStatus.OPEN, year_to__lt=day.year)


class Pledge(LedgerEntry):
    """A contribution announced by an institution, to be received later."""

    institution = models.ForeignKey(
        "network.Institution",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="pledges",
    )
    amount = models.DecimalField(_("amount"), **MONEY)
    currency = models.CharField(
        _("currency"), max_length=3, default="USD", validators=[currency_code]
    )
    amount_usd = models.DecimalField(_("amount in USD"), **MONEY)
    year_from = models.PositiveSmallIntegerField(_("first year covered"))
    year_to = models.PositiveSmallIntegerField(_("last year covered"))
    announced_on = models.DateField(_("announced on"))
    announced_at = models.CharField(_("announced at (meeting)"), max_length=250, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PledgeStatus.choices, default=PledgeStatus.OPEN
    )
    withdrawn_on = models.DateField(
        _("withdrawn on"),
        null=True,
        blank=True,
        help_text=_("The day the institution said it would not pay."),
    )
    imported_from = models.CharField(
        _("imported from"),
        max_length=250,
        blank=True,
        editable=False,
        help_text=_("The spreadsheet a historical record was brought in from (empty: typed in)."),
    )

    objects = PledgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-announced_on", "-pk"]
        constraints = [
            *_ledger_constraints("fund_pledge", ["amount", "amount_usd"]),
            *_currency_constraints("fund_pledge"),
            models.CheckConstraint(
                condition=Q(year_from__lte=F("year_to")),
                name="fund_pledge_years_in_order",
                violation_error_message=_("The first year must not be after the last."),
            ),
        ]

    def __str__(self):
        return f"{self.institution} — {self.amount} {self.currency} ({self.years})"

    @property
    def years(self):
        if self.year_from == self.year_to:
            return str(self.year_from)
        return f"{self.year_from}–{self.year_to}"

    def clean(self):
        super().clean()
        if self._state.adding:
            refuse_closed_date(self.announced_on, "announced_on")

    def state_on(self, day):
        """The pledge's PledgeState on ``day``."""
        if self.status == PledgeStatus.OPEN and self.year_to < day.year:
            return PledgeState.LAPSED
        return PledgeState(self.status)


class Contribution(LedgerEntry):
    institution = models.ForeignKey(
        "network.Institution",
        verbose_name=_("contributor"),
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=ContributionKind.choices,
        default=ContributionKind.FINANCIAL,
    )
    amount = models.DecimalField(_("amount"), **MONEY)
    currency = models.CharField(
        _("currency"), max_length=3, default="USD", validators=[currency_code]
    )
    amount_usd = models.DecimalField(
        _("value in USD"),
        help_text=_("At the exchange rate of the day received (or as valued, for in-kind)."),
        **MONEY,
    )
    received_on = models.DateField(_("received on"))
    pledge = models.ForeignKey(
        Pledge,
        verbose_name=_("pledge fulfilled"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributions",
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("For in-kind: what was given.")
    )
    valuation = models.TextField(
        _("how it was valued"), blank=True, help_text=_("For in-kind: the basis of the value.")
    )
    imported_from = models.CharField(
        _("imported from"),
        max_length=250,
        blank=True,
        editable=False,
        help_text=_("The spreadsheet a historical record was brought in from (empty: typed in)."),
    )

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-received_on", "-pk"]
        constraints = [
            *_ledger_constraints("fund_contribution", ["amount", "amount_usd"]),
            *_currency_constraints("fund_contribution"),
            models.CheckConstraint(
                condition=Q(kind=ContributionKind.FINANCIAL) | ~Q(description=""),
                name="fund_contribution_in_kind_described",
                violation_error_message=_("Describe what an in-kind contribution gave."),
            ),
        ]
        indexes = [models.Index(fields=["received_on"])]

    def __str__(self):
        sign = "−" if self.is_reversal else ""
        return f"{self.institution}: {sign}{self.amount} {self.currency} ({self.received_on})"

    def clean(self):
        super().clean()
        refuse_future_date(
            self,
            "received_on",
            _(
                "A contribution is recorded once received: the date cannot be after "
                "today (%(today)s)."
            ),
        )
        if self.kind == ContributionKind.IN_KIND and not self.valuation:
            raise ValidationError({"valuation": _("Say how the in-kind contribution was valued.")})
        if self.pledge_id and self.pledge.institution_id != self.institution_id:
            raise ValidationError({"pledge": _("The pledge is another institution's.")})


class Allocation(LedgerEntry):
    """A ceiling approved for a purpose ("up to $20,000 to redesign the
    virtual platform"), which expenses draw on."""

    purpose = models.CharField(_("purpose"), max_length=250)
    budget_line = models.CharField(_("budget line"), max_length=20, choices=BudgetLine.choices)
    ceiling = models.DecimalField(_("ceiling (USD)"), **MONEY)
    decided_on = models.DateField(_("decided on"))
    decided_at = models.CharField(
        _("decided at (meeting)"),
        max_length=250,
        help_text=_("The meeting, and the symbol of its report where there is one."),
    )
    imported_from = models.CharField(
        _("imported from"),
        max_length=250,
        blank=True,
        editable=False,
        help_text=_("The spreadsheet a historical record was brought in from (empty: typed in)."),
    )

    class Meta:
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")
        ordering = ["-decided_on", "-pk"]
        constraints = [*_ledger_constraints("fund_allocation", ["ceiling"])]

    def __str__(self):
        return f"{self.purpose} (≤ {self.ceiling} USD)"

    def clean(self):
        super().clean()
        if self._state.adding:
            refuse_closed_date(self.decided_on, "decided_on")


def expense_document_path(expense, filename):
    return unguessable_name("fund/expenses", filename)


class Expense(LedgerEntry):
    spent_on = models.DateField(_("date"))
    amount = models.DecimalField(_("amount (USD)"), **MONEY)
    budget_line = models.CharField(_("budget line"), max_length=20, choices=BudgetLine.choices)
    allocation = models.ForeignKey(
        Allocation,
        verbose_name=_("allocation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="expenses",
    )
    description = models.CharField(
        _("what it paid for"),
        max_length=300,
        help_text=_("The cooperation activity, meeting or service it paid for."),
    )
    document = ServedFileField(
        _("supporting document"),
        upload_to=expense_document_path,
        blank=True,
        validators=[DocumentValidator(allowed=(DocumentKind.PDF,))],
    )
    imported_from = models.CharField(
        _("imported from"),
        max_length=250,
        blank=True,
        editable=False,
        help_text=_("The spreadsheet a historical record was brought in from (empty: typed in)."),
    )

    class Meta:
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")
        ordering = ["-spent_on", "-pk"]
        constraints = [*_ledger_constraints("fund_expense", ["amount"])]
        indexes = [models.Index(fields=["spent_on"])]

    def __str__(self):
        sign = "−" if self.is_reversal else ""
        return f"{self.description}: {sign}{self.amount} USD ({self.spent_on})"

    def get_document_url(self):
        return reverse("fund:expense_document", kwargs={"pk": self.pk})

    def clean(self):
        super().clean()
        refuse_future_date(
            self,
            "spent_on",
            _("An expense is recorded once incurred: the date cannot be after today (%(today)s)."),
        )
        if self.allocation_id and self.allocation.budget_line != self.budget_line:
            raise ValidationError(
                {"budget_line": _("The expense's budget line must be its allocation's.")}
            )


class FundAlertState(models.Model):
    """Whether the projected balance was last seen below the minimum: an
    alert goes out only when it crosses the threshold, not every day."""

    below_minimum = models.BooleanField(default=False)
    crossed_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("fund alert state")

    def __str__(self):
        return "below minimum" if self.below_minimum else "at or above minimum"


def statement_checksum(data):
    """SHA-256 of a frozen statement, over its canonical JSON."""
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder)
    return hashlib.sha256(canonical.encode()).hexdigest()


class ClosedYear(models.Model):
    """A financial year closed by the Secretariat: its statement frozen as
    it stood when closed, with a checksum. Nothing dated in it (or before)
    is recorded or voided afterwards."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    closed_at = models.DateTimeField(_("closed"), auto_now_add=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    statement = models.JSONField(_("frozen statement"), encoder=DjangoJSONEncoder)
    checksum = models.CharField(_("checksum (SHA-256)"), max_length=64)

    objects = LedgerQuerySet.as_manager()

    class Meta:
        verbose_name = _("closed year")
        verbose_name_plural = _("closed years")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)

    def delete(self, *args, **kwargs):
        raise LedgerDeletionRefused(DELETION_REFUSED)

    @property
    def intact(self):
        """Whether the frozen statement is still the one checksummed."""
        return statement_checksum(self.statement) == self.checksum
