"""The global search page. What matches is selectors.py's to decide."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.pagination import Paginator
from core.search import more_than

from . import selectors

PAGE_SIZE = 20


@require_safe
def search(request):
    query = selectors.clean_query(request.GET.get("q", ""))
    kind = selectors.KINDS.get(request.GET.get("kind", ""))
    context = {"query": query, "max_length": selectors.MAX_QUERY_LENGTH}
    if query and kind is not None:
        results = selectors.search_kind(kind=kind.key, query=query, user=request.user)
        page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
        context.update(
            kind=kind,
            page=page,
            more_than=more_than(page.paginator.count),
            query_string=urlencode({"q": query, "kind": kind.key}),
        )
    else:
        groups = selectors.search_everything(query=query, user=request.user)
        total, more = selectors.results_total(groups)
        context.update(groups=groups, total=total, total_is_more=more)
    return render(request, "search/search.html", context)
