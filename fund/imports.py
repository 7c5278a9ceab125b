"""The fund's historical contributions brought in from a spreadsheet
(``core.imports``): the books the Secretariat kept before the portal,
one contribution a row.

A row is about the contribution with its reference. A new one is recorded by
``services.contribution_record``, with every rule of the books (no future
date, none in a closed year, an in-kind gift described and valued), and is
marked with the file it came from. The books are corrected by voiding and
reversing, never by editing: a reference already recorded with other values
is refused, not changed."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import Action, Column, Importer, RowRefused
from network.contact_imports import institution_lookup

from . import services
from .enums import ContributionKind
from .models import Contribution

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


class ContributionImporter(Importer):
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

    def key(self, cells):
        return cells.get("reference", "").strip() or None

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
        recorded = list(Contribution.objects.filter(reference=reference)[:2])
        if len(recorded) > 1:
            raise RowRefused(
                {"reference": [_("Several contributions bear this reference already.")]}
            )
        if recorded:
            existing = recorded[0]
            if all(getattr(existing, name) == value for name, value in values.items()):
                return Action.UNCHANGED, existing
            raise RowRefused(
                {
                    "reference": [
                        _(
                            "A contribution with this reference is in the books with other "
                            "values; correct it there by voiding or reversing it."
                        )
                    ]
                }
            )
        contribution = services.contribution_record(
            user=user, reference=reference, imported_from=self.filename, **values
        )
        return Action.CREATED, contribution
