from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import pagination
from rest_framework.response import Response

from core import search
from core.pagination import Paginator

MAX_PAGE_SIZE = 200


class PageNumberPagination(pagination.PageNumberPagination):
    """``?page=`` and ``?page_size=`` (PAGE_SIZE by default, at most 200).
    Besides DRF's ``count``, ``next``, ``previous`` and ``results``, a page
    says ``more_than``: null when ``count`` is exact, else the bound a search
    (``?q=``) went past (core/search.py MAX_MATCHES), as the pages say
    "more than 1,000 programs"."""

    # Its count of a search's matches costs no query (search.count).
    django_paginator_class = Paginator
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    page_query_description = _("The page to return, from 1.")
    page_size_query_description = _("How many results a page holds (at most 200).")

    def paginate_queryset(self, queryset, request, view=None):
        self.bounded = isinstance(queryset, QuerySet) and search.is_bounded(queryset)
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        count = self.page.paginator.count
        return Response(
            {
                "count": count,
                "more_than": search.more_than(count) if self.bounded else None,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["properties"] = {
            "count": response["properties"]["count"],
            "more_than": {
                "type": "integer",
                "nullable": True,
                "example": None,
                "description": _(
                    "Null when `count` is exact. Otherwise a search (`q`) matched more "
                    "than this many: only `count` of them (this bound and one more) "
                    "are listed, and a narrower search or a filter lists the others."
                ),
            },
            **{key: value for key, value in response["properties"].items() if key != "count"},
        }
        return response
