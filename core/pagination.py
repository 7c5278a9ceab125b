"""The paginator of every list page (programs, meetings, documents, needs,
news, search…), so that they all read ``?page=`` alike."""

from django.core import paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from . import search


class Paginator(paginator.Paginator):
    @cached_property
    def count(self):
        # A bounded search's matches know their count (search.count).
        if isinstance(self.object_list, QuerySet):
            return search.count(self.object_list)
        return super().count

    def get_page(self, number):
        """The page ``number`` names, never an error: the first page for a
        number below 1 or for something that is not a number, the last page
        for a number past the end (Django gives the last for both ends)."""
        try:
            if int(number) < 1:
                number = 1
        except (TypeError, ValueError):
            pass
        return super().get_page(number)
