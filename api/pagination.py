from django.utils.translation import gettext_lazy as _
from rest_framework import pagination

MAX_PAGE_SIZE = 200


class PageNumberPagination(pagination.PageNumberPagination):
    """``?page=`` and ``?page_size=`` (PAGE_SIZE by default, at most 200)."""

    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    page_query_description = _("The page to return, from 1.")
    page_size_query_description = _("How many results a page holds (at most 200).")
