"""Lookups on integer columns and the relations that point at them that match
nothing for a number no integer column can hold, instead of failing.

A form, filter or API parameter that takes ids passes them to ``pk__in``,
``topics=`` or ``institution__in``. On SQLite a value past 64 bits makes the
driver raise OverflowError ("Python int too large to convert to SQLite
INTEGER"), a 500, where PostgreSQL simply finds no row. Django already answers
"no row" for ``pk=`` (``IntegerFieldOverflow``, ticket #27397) but not for
``in`` nor for relations; these lookups extend that rule, so that every model
choice field answers its own "Select a valid choice" on both databases."""

from django.core.exceptions import EmptyResultSet
from django.db.models import ForeignObject, IntegerField
from django.db.models.fields.related_lookups import RelatedExact, RelatedIn
from django.db.models.lookups import In

# The widest integer column there is, on every database the portal runs on.
SMALLEST, LARGEST = -(2**63), 2**63 - 1


def _holdable(value):
    return not isinstance(value, int) or SMALLEST <= value <= LARGEST


class _InRange:
    """For ``in``: values out of range are dropped (an empty list matches
    nothing, which Django already handles, negated too)."""

    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            self.rhs = [value for value in self.rhs if _holdable(value)]
        return super().process_rhs(compiler, connection)


class IntegerIn(_InRange, In):
    pass


class RelatedInRange(_InRange, RelatedIn):
    pass


class RelatedExactInRange(RelatedExact):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value() and not _holdable(self.rhs):
            raise EmptyResultSet
        return super().process_rhs(compiler, connection)


def register():
    IntegerField.register_lookup(IntegerIn)
    ForeignObject.register_lookup(RelatedInRange)
    ForeignObject.register_lookup(RelatedExactInRange)
