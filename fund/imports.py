"""The fund's historical records brought in from a spreadsheet
(``core.imports``): the books the Secretariat kept before the portal,
one record a row: contributions, pledges, allocations and expenses.

A row is about the record of its kind with its reference. A new one is
recorded by the books' service (``services.contribution_record``,
``pledge_record``, ``allocation_record``, ``expense_record``), with every
rule of the books (no future date, none in a closed year, an in-kind gift
described and valued, no expense past its allocation's ceiling), and is
marked with the file it came from. The books are corrected by voiding and
reversing, never by editing: a reference already recorded with other values
is refused, not changed. Import allocations before the expenses that draw
on them."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import Action, Column, Importer, RowRefused
from network.contact_imports import institution_lookup

from . import services
from .enums import BudgetLine, ContributionKind, PledgeStatus
from .models import Allocation, Contribution, Expense, Pledge

CONTENT_CODES = [code for code, _name in settings.CONTENT_LANGUAGES]

RECORDED_FIELDS = (
    "institution",
    "kind",
    "amount",
    "currency",
    "amount_usd",
    "received_on",
    "description",
    "valuation",
)


class BooksImporter(Importer):
    """An import of records the fund's books know by their reference: a row
    whose reference is in the books with the same values is left as it is,
    with other values refused; a new one is entered by the fund's service
    ``record`` for ``model``."""

    model = None
    record = None

    def key(self, cells):
        return cells.get("reference", "").strip() or None

    def recorded_once(self, reference, values, *, user):
        """(Action, record) of the row with ``reference`` and ``values``."""
        recorded = list(self.model.objects.filter(reference=reference)[:2])
        if len(recorded) > 1:
            raise RowRefused({"reference": [_("Several records bear this reference already.")]})
        if not recorded:
            record = self.record(
                user=user, reference=reference, imported_from=self.filename, **values
            )
            return Action.CREATED, record
        existing = recorded[0]
        if all(getattr(existing, name) == value for name, value in values.items()):
            return Action.UNCHANGED, existing
        raise RowRefused(
            {
                "reference": [
                    _(
                        "A record with this reference is in the books with other values; "
                        "correct it there by voiding or reversing it."
                    )
                ]
            }
        )


class ContributionImporter(BooksImporter):
    model = Contribution
    record = staticmethod(services.contribution_record)
    label = gettext_lazy("contributions")
    columns = (
        Column(
            "reference",
            gettext_lazy("The transfer, agreement or receipt number; it identifies the row."),
            required=True,
        ),
        Column(
            "contributor",
            gettext_lazy(
                "The contributing institution: a member state's code or name (its ministry "
                "of labor), or an institution's acronym or name, in any language."
            ),
            required=True,
        ),
        Column("kind", gettext_lazy("financial or in_kind (financial when empty).")),
        Column("amount", gettext_lazy("The amount, in its currency (12500.00)."), required=True),
        Column("currency", gettext_lazy("Three-letter code (USD when empty).")),
        Column(
            "amount_usd",
            gettext_lazy("Its value in USD on the day received (the amount, for USD)."),
        ),
        Column("received_on", gettext_lazy("The day received (YYYY-MM-DD)."), required=True),
        Column("description", gettext_lazy("For in-kind: what was given.")),
        Column("valuation", gettext_lazy("For in-kind: how it was valued.")),
    )
    field_columns = {
        "institution": "contributor",
        "kind": "kind",
        "amount": "amount",
        "currency": "currency",
        "amount_usd": "amount_usd",
        "received_on": "received_on",
        "description": "description",
        "valuation": "valuation",
        "reference": "reference",
    }

    def prepare(self):
        self.institutions = institution_lookup()

    def import_row(self, row, *, user):
        reference = row.text("reference", required=True)
        amount = row.decimal("amount", required=True)
        currency = (row.text("currency") or "USD").upper()
        values = {
            "institution": row.record("contributor", self.institutions, required=True),
            "kind": row.choice(
                "kind", ContributionKind.choices, default=ContributionKind.FINANCIAL
            ),
            "amount": amount,
            "currency": currency,
            "amount_usd": row.decimal("amount_usd", required=currency != "USD") or amount,
            "received_on": row.date("received_on", required=True),
            "description": row.text("description"),
            "valuation": row.text("valuation"),
        }
        row.done()
        return self.recorded_once(reference, values, user=user)


REFERENCE = Column(
    "reference",
    gettext_lazy("The agreement, decision or invoice number; it identifies the row."),
    required=True,
)


class PledgeImporter(BooksImporter):
    model = Pledge
    record = staticmethod(services.pledge_record)
    label = gettext_lazy("pledges")
    columns = (
        REFERENCE,
        Column(
            "contributor",
            gettext_lazy(
                "The pledging institution: a member state's code or name (its ministry "
                "of labor), or an institution's acronym or name, in any language."
            ),
            required=True,
        ),
        Column("amount", gettext_lazy("The amount, in its currency (12500.00)."), required=True),
        Column("currency", gettext_lazy("Three-letter code (USD when empty).")),
        Column(
            "amount_usd",
            gettext_lazy("Its value in USD when announced (the amount, for USD)."),
        ),
        Column("year_from", gettext_lazy("The first year it covers (2015)."), required=True),
        Column("year_to", gettext_lazy("The last year it covers (the first when empty).")),
        Column("announced_on", gettext_lazy("The day announced (YYYY-MM-DD)."), required=True),
        Column("announced_at", gettext_lazy("The meeting where it was announced.")),
        Column(
            "status",
            gettext_lazy("open, fulfilled or withdrawn (open when empty)."),
        ),
        Column(
            "withdrawn_on",
            gettext_lazy("For a withdrawn pledge: the day the institution said it would not pay."),
        ),
    )
    field_columns = {
        "institution": "contributor",
        **{
            name: name
            for name in (
                "reference",
                "amount",
                "currency",
                "amount_usd",
                "year_from",
                "year_to",
                "announced_on",
                "announced_at",
                "status",
                "withdrawn_on",
            )
        },
    }

    def prepare(self):
        self.institutions = institution_lookup()

    def import_row(self, row, *, user):
        reference = row.text("reference", required=True)
        amount = row.decimal("amount", required=True)
        currency = (row.text("currency") or "USD").upper()
        year_from = row.integer("year_from", required=True, minimum=1990, maximum=2100)
        status = row.choice("status", PledgeStatus.choices, default=PledgeStatus.OPEN)
        withdrawn_on = row.date("withdrawn_on")
        if status == PledgeStatus.WITHDRAWN and withdrawn_on is None:
            row.error("withdrawn_on", _("Give the day a withdrawn pledge was withdrawn."))
        values = {
            "institution": row.record("contributor", self.institutions, required=True),
            "amount": amount,
            "currency": currency,
            "amount_usd": row.decimal("amount_usd", required=currency != "USD") or amount,
            "year_from": year_from,
            "year_to": row.integer("year_to", minimum=1990, maximum=2100) or year_from,
            "announced_on": row.date("announced_on", required=True),
            "announced_at": row.text("announced_at"),
            "status": status,
            "withdrawn_on": withdrawn_on,
        }
        row.done()
        return self.recorded_once(reference, values, user=user)


class AllocationImporter(BooksImporter):
    model = Allocation
    record = staticmethod(services.allocation_record)
    label = gettext_lazy("allocations")
    columns = (
        REFERENCE,
        *(
            Column(
                f"purpose_{code}",
                gettext_lazy("The purpose in this language; at least one is required."),
            )
            for code in CONTENT_CODES
        ),
        Column(
            "budget_line",
            gettext_lazy(
                "cooperation, platform, publications, staff, meetings or other, or its name."
            ),
            required=True,
        ),
        Column("ceiling", gettext_lazy("The ceiling approved, in USD."), required=True),
        Column("decided_on", gettext_lazy("The day decided (YYYY-MM-DD)."), required=True),
        Column(
            "decided_at",
            gettext_lazy("The meeting, and the symbol of its report where there is one."),
            required=True,
        ),
    )
    field_columns = {
        name: name
        for name in (
            "reference",
            "purpose",
            *(f"purpose_{code}" for code in CONTENT_CODES),
            "budget_line",
            "ceiling",
            "decided_on",
            "decided_at",
        )
    }

    def import_row(self, row, *, user):
        reference = row.text("reference", required=True)
        purposes = {f"purpose_{code}": row.text(f"purpose_{code}") for code in CONTENT_CODES}
        if not any(purposes.values()):
            row.error("", _("Give the purpose in at least one language."))
        values = {
            **purposes,
            "budget_line": row.choice("budget_line", BudgetLine.choices, required=True),
            "ceiling": row.decimal("ceiling", required=True),
            "decided_on": row.date("decided_on", required=True),
            "decided_at": row.text("decided_at", required=True),
        }
        row.done()
        return self.recorded_once(reference, values, user=user)


class ExpenseImporter(BooksImporter):
    model = Expense
    record = staticmethod(services.expense_record)
    label = gettext_lazy("expenses")
    columns = (
        REFERENCE,
        Column("spent_on", gettext_lazy("The day incurred (YYYY-MM-DD)."), required=True),
        Column("amount", gettext_lazy("The amount, in USD."), required=True),
        Column(
            "budget_line",
            gettext_lazy(
                "cooperation, platform, publications, staff, meetings or other, or its name."
            ),
            required=True,
        ),
        Column(
            "description",
            gettext_lazy("The cooperation activity, meeting or service it paid for."),
            required=True,
        ),
        Column(
            "allocation",
            gettext_lazy("The reference of the allocation it draws on, if any."),
        ),
    )
    field_columns = {
        name: name
        for name in ("reference", "spent_on", "amount", "budget_line", "description", "allocation")
    }

    def import_row(self, row, *, user):
        reference = row.text("reference", required=True)
        values = {
            "spent_on": row.date("spent_on", required=True),
            "amount": row.decimal("amount", required=True),
            "budget_line": row.choice("budget_line", BudgetLine.choices, required=True),
            "description": row.text("description", required=True),
            "allocation": self._allocation(row),
        }
        row.done()
        return self.recorded_once(reference, values, user=user)

    def _allocation(self, row):
        reference = row.text("allocation")
        if not reference:
            return None
        found = list(Allocation.objects.filter(reference=reference)[:2])
        if len(found) != 1:
            row.error(
                "allocation",
                _("No single allocation bears the reference “%(value)s”.")
                % {"value": reference[:100]},
            )
            return None
        return found[0]
