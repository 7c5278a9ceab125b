"""Form fields for the directory, shared by every app's forms."""

import unicodedata
from itertools import groupby

from django import forms
from django.utils.translation import gettext_lazy as _


def collation_key(text):
    """``text`` as it sorts for a reader: "Perú" beside "Peru", not after "Z"."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def institutions_by_member_state(institutions):
    """``institutions`` grouped as a reader looks for them: [(state name,
    [institution, …]), …] by state name in the reader's language, each group by
    institution name, and the bodies of no member state (ILO, COSATE, …) last,
    under "Regional and international organizations"."""

    def state_key(institution):
        state = institution.member_state
        return (state is None, collation_key(state) if state else "")

    ordered = sorted(
        institutions, key=lambda institution: (*state_key(institution), collation_key(institution))
    )
    groups = []
    for _key, members in groupby(ordered, key=state_key):
        members = list(members)
        state = members[0].member_state
        label = str(state) if state else str(_("Regional and international organizations"))
        groups.append((label, members))
    return groups


class GroupedInstitutionIterator(forms.models.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        queryset = self.queryset.select_related("member_state")
        for label, institutions in institutions_by_member_state(queryset):
            yield (label, [self.choice(institution) for institution in institutions])


class InstitutionChoiceField(forms.ModelChoiceField):
    """A choice of institution in ``<optgroup>``s by member state, each option
    naming its state too ("Ministry of Labor (Colombia)"): a plain select that
    needs no script and reads well to a screen reader."""

    iterator = GroupedInstitutionIterator
