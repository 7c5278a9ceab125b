"""Writes to the fund's books. Each checks the bookkeeper's rights, validates
the record, and runs in a transaction; corrections are voids and reversals,
never edits of amounts or deletions."""

import datetime
from decimal import ROUND_HALF_UP

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from core.mail import email_people
from network.enums import Notice
from network.selectors import focal_points_of, secretariat_recipients

from . import closing, rules, selectors
from .enums import PledgeStatus
from .models import (
    CENT,
    Allocation,
    ClosedYear,
    Contribution,
    Expense,
    FundAlertState,
    Pledge,
    refuse_closed_date,
    statement_checksum,
)


def _usd(amount):
    """An amount as the reader's language writes it (the decimal separator)."""
    return number_format(amount, 2)


def _require_bookkeeper(user):
    if not rules.can_keep_books(user):
        raise PermissionDenied(_("Only the Technical Secretariat keeps the fund's books."))


def _save(entry, user):
    entry.recorded_by = user
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def pledge_record(*, user, **fields):
    _require_bookkeeper(user)
    return _save(Pledge(**fields), user)


@transaction.atomic
def contribution_record(*, user, **fields):
    """Record money or an in-kind gift received; a pledge it completes is
    marked fulfilled."""
    _require_bookkeeper(user)
    contribution = _save(Contribution(**fields), user)
    if contribution.pledge_id:
        _update_pledge_status(Pledge.objects.select_for_update().get(pk=contribution.pledge_id))
    return contribution


def _update_pledge_status(pledge):
    """A pledge is fulfilled when what was received of it, in the pledge's
    own currency, reaches the amount pledged: exchange rates moving between
    the day it was announced and the day it was paid change nothing."""
    if pledge.status == PledgeStatus.WITHDRAWN:
        return
    received = selectors.pledge_received(pledge)
    status = PledgeStatus.FULFILLED if received >= pledge.amount else PledgeStatus.OPEN
    if status != pledge.status:
        pledge.status = status
        pledge.save(update_fields=["status"])


@transaction.atomic
def allocation_record(*, user, **fields):
    _require_bookkeeper(user)
    return _save(Allocation(**fields), user)


def expense_check_allocation(allocation, amount):
    """Refuse (ValidationError) an expense of ``amount`` that ``allocation``
    cannot take: voided, or past its ceiling. The admin's form asks first,
    for a message beside the field; expense_record asks again under a lock."""
    if allocation.voided:
        raise ValidationError({"allocation": _("This allocation was voided.")})
    remaining = selectors.allocation_remaining(allocation)
    if amount is not None and amount > remaining:
        raise ValidationError(
            {
                "amount": _(
                    "This expense of %(amount)s USD would take “%(purpose)s” past its "
                    "ceiling of %(ceiling)s USD: only %(remaining)s USD remain."
                )
                % {
                    "amount": _usd(amount),
                    "purpose": allocation.purpose,
                    "ceiling": _usd(allocation.ceiling),
                    "remaining": _usd(remaining),
                }
            }
        )


@transaction.atomic
def expense_record(*, user, **fields):
    """Record an expense. One that would take its allocation past the
    ceiling is refused; the allocation row is locked while checking, so two
    bookkeepers cannot overspend it together."""
    _require_bookkeeper(user)
    expense = Expense(**fields)
    if expense.allocation_id:
        allocation = Allocation.objects.select_for_update().get(pk=expense.allocation_id)
        expense_check_allocation(allocation, expense.amount)
    return _save(expense, user)


@transaction.atomic
def entry_void(*, entry, user, reason):
    """Void a record with a reason: it stays in the books, shown as voided,
    and no longer counts."""
    _require_bookkeeper(user)
    if not reason or not reason.strip():
        raise ValidationError({"reason": _("Say why the record is voided.")})
    entry = type(entry).objects.select_for_update().get(pk=entry.pk)
    if entry.voided:
        raise ValidationError(_("This record is voided already."))
    refuse_closed_date(getattr(entry, ENTRY_DATES[type(entry)]), "reason")
    if entry.reversals.effective().exists():
        raise ValidationError(_("Void its reversing entries first."))
    if isinstance(entry, Allocation) and entry.expenses.effective().exists():
        raise ValidationError(_("Expenses draw on this allocation: void or move them first."))
    if isinstance(entry, Pledge) and entry.contributions.effective().exists():
        raise ValidationError(_("Contributions fulfil this pledge: it cannot be voided."))
    if isinstance(entry, Expense) and entry.is_reversal and entry.allocation_id:
        # Without its reversal, the expense counts again against the ceiling.
        allocation = Allocation.objects.select_for_update().get(pk=entry.allocation_id)
        if entry.amount > selectors.allocation_remaining(allocation):
            raise ValidationError(
                _("Voiding this reversal would take “%(purpose)s” past its ceiling.")
                % {"purpose": allocation.purpose}
            )
    entry.voided = True
    entry.void_reason = reason.strip()
    entry.voided_at = timezone.now()
    entry.voided_by = user
    entry.save()
    if isinstance(entry, Contribution) and entry.pledge_id:
        _update_pledge_status(Pledge.objects.select_for_update().get(pk=entry.pledge_id))
    return entry


ENTRY_DATES = {
    Pledge: "announced_on",
    Contribution: "received_on",
    Allocation: "decided_on",
    Expense: "spent_on",
}

REVERSIBLE_FIELDS = {
    Contribution: ("institution", "kind", "currency", "pledge"),
    Expense: ("budget_line", "allocation"),
}


@transaction.atomic
def entry_reverse(*, entry, user, on, reference, amount=None, amount_usd=None):
    """Record a reversing entry for ``entry`` (all of it, or ``amount``),
    dated ``on``: the correction shows in the period it was made."""
    _require_bookkeeper(user)
    model = type(entry)
    if model not in REVERSIBLE_FIELDS:
        raise ValidationError(_("Only contributions and expenses are reversed; void the others."))
    entry = model.objects.select_for_update().get(pk=entry.pk)
    if entry.voided or entry.is_reversal:
        raise ValidationError(_("A voided record or a reversal cannot be reversed."))
    reversals = entry.reversals.effective()
    # To the cent: SQLite returns a sum of decimals with the digits of a float.
    already = selectors.money(reversals.aggregate(total=Sum("amount"))["total"] or 0)
    amount = entry.amount - already if amount is None else amount
    if amount <= 0 or amount > entry.amount - already:
        raise ValidationError(
            {
                "amount": _("A reversal is at most what remains of the record: %(left)s.")
                % {"left": _usd(entry.amount - already)}
            }
        )
    fields = {name: getattr(entry, name) for name in REVERSIBLE_FIELDS[model]}
    if model is Contribution:
        if amount_usd is None and entry.currency == "USD":
            amount_usd = amount
        elif amount_usd is None and amount == entry.amount - already:
            # The rest of the amount takes the rest of the USD value, so that
            # reversing in parts takes the record to zero, to the cent.
            already_usd = reversals.aggregate(total=Sum("amount_usd"))["total"] or 0
            amount_usd = entry.amount_usd - selectors.money(already_usd)
        elif amount_usd is None:
            amount_usd = (entry.amount_usd * amount / entry.amount).quantize(
                CENT, rounding=ROUND_HALF_UP
            )
        fields.update(
            received_on=on,
            amount_usd=amount_usd,
            description=entry.description,
            valuation=entry.valuation,
        )
    else:
        fields.update(spent_on=on, description=entry.description)
    reversal = _save(model(reverses=entry, amount=amount, reference=reference, **fields), user)
    if model is Contribution and entry.pledge_id:
        _update_pledge_status(Pledge.objects.select_for_update().get(pk=entry.pledge_id))
    return reversal


@transaction.atomic
def pledge_withdraw(*, pledge, user, on=None):
    """The institution will not pay (it said so ``on``, default today): the
    pledge leaves the open pledges from that day; statements of periods
    ending before it still show it open."""
    _require_bookkeeper(user)
    on = on or timezone.localdate()
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    if pledge.voided or pledge.status != PledgeStatus.OPEN:
        raise ValidationError(_("Only an open pledge can be withdrawn."))
    if on > timezone.localdate() or on < pledge.announced_on:
        raise ValidationError(
            {"on": _("A pledge is withdrawn between the day it was announced and today.")}
        )
    refuse_closed_date(on, "on")
    pledge.status = PledgeStatus.WITHDRAWN
    pledge.withdrawn_on = on
    pledge.save(update_fields=["status", "withdrawn_on"])
    return pledge


@transaction.atomic
def year_close(*, year, user):
    """Close a financial year that is over: its statement is frozen as it
    stands (stored, with a checksum), and nothing dated in it or before is
    recorded or voided afterwards; a correction goes in the open year, as a
    reversing entry."""
    _require_bookkeeper(user)
    if year >= timezone.localdate().year:
        raise ValidationError({"year": _("A year is closed once it is over.")})
    if ClosedYear.objects.filter(year=year).exists():
        raise ValidationError({"year": _("This year is closed already.")})
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    frozen = closing.freeze(lambda language: selectors.fund_statement(start=start, end=end))
    return ClosedYear.objects.create(
        year=year, closed_by=user, statement=frozen, checksum=statement_checksum(frozen)
    )


def fund_send_alerts(*, today=None):
    """Daily (beat): tell staff when the balance projected to year end falls
    below the minimum annual budget (once per crossing), and remind ministries
    of open pledges whose last year is ending (once per pledge and person)."""
    today = today or timezone.localdate()
    _minimum_alert(today)
    _pledge_reminders(today)


@transaction.atomic
def _minimum_alert(today):
    state, _created = FundAlertState.objects.select_for_update().get_or_create(pk=1)
    projection = selectors.year_end_projection(today=today)
    below = projection.below_minimum
    if below and not state.below_minimum:
        state.crossed_on = today
        email_people(
            people=secretariat_recipients(),
            key=f"fund-below-minimum:{today.isoformat()}",
            template="fund/email/below_minimum",
            context={"projection": projection},
        )
    if below != state.below_minimum:
        state.below_minimum = below
        state.save()


def _pledge_reminders(today):
    year_end = datetime.date(today.year, 12, 31)
    if (year_end - today).days > settings.FUND_PLEDGE_REMINDER_DAYS:
        return
    for pledge in selectors.open_pledges(on=today).filter(year_to=today.year):
        email_people(
            people=focal_points_of(pledge.institution),
            key=f"pledge-reminder:{pledge.pk}:{pledge.year_to}",
            template="fund/email/pledge_reminder",
            context={"pledge": pledge},
            notice=Notice.PLEDGE_REMINDERS,
        )
