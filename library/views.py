from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from network import search
from network.files import file_response
from network.htmx import render_results
from network.pagination import Paginator
from network.versions import content_versions
from network.workflow import activity_of

from . import rules, selectors, services
from .citations import bibtex_key
from .filters import LibraryItemFilter

PAGE_SIZE = 20


@require_safe
def item_list(request):
    item_filter = LibraryItemFilter(request.GET, queryset=selectors.items_for_list())
    # The words are parsed once for the matches and the snippets.
    with search.parsing_once():
        page = Paginator(item_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
        page.object_list = list(page.object_list)
        snippets = selectors.item_snippets(items=page.object_list, query=item_filter.search_query)
    for item in page.object_list:
        item.snippet = snippets.get(item.pk)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": item_filter,
        "page": page,
        # A search's count is bounded: past the bound it says "more than".
        "more_than": search.more_than(page.paginator.count) if item_filter.searching else None,
        "query_string": query.urlencode(),
    }
    return render_results(request, "library/item_list.html", "library/_item_results.html", context)


@require_safe
def item_detail(request, slug):
    item = selectors.item_for_reader(slug=slug, user=request.user)
    can_edit = rules.can_edit_item(request.user, item)
    url = request.build_absolute_uri(item.get_absolute_url())
    return render(
        request,
        "library/item_detail.html",
        {
            "item": item,
            "versions": content_versions(
                item,
                fields=("title",),
                optional=("abstract",),
                requested=request.GET.get("version"),
            ),
            "files": item.files.all(),
            "authorships": item.authorships.all(),
            "citation_apa": item.citation_apa(url=url),
            "can_edit": can_edit,
            "review_history": activity_of(item) if can_edit else [],
        },
    )


@require_safe
def item_bibtex(request, slug):
    item = selectors.item_for_reader(slug=slug, user=request.user)
    url = request.build_absolute_uri(item.get_absolute_url())
    response = HttpResponse(
        item.citation_bibtex(url=url), content_type="application/x-bibtex; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{bibtex_key(item)}.bib"'
    return response


@require_safe
def file_download(request, slug, language):
    library_file = selectors.item_for_download(slug=slug, language=language, user=request.user)
    item = library_file.item
    if item.is_public:
        services.download_count(item=item, language=language)
    return file_response(library_file.file, private=not item.is_public)
