from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from core import search
from core.files import file_response
from core.htmx import render_results
from core.pagination import Paginator
from core.versions import content_versions
from core.workflow import activity_of, next_steps

from . import rules, selectors, services
from .citations import bibtex_key
from .filters import LibraryItemFilter
from .forms import FileForm, ItemForm
from .models import LibraryFile, LibraryItem

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
            "can_change": rules.can_change_item(request.user, item),
            "next_steps": {move.name for move in next_steps(request.user, item)},
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
    response = file_response(library_file.file, private=not item.is_public)
    # Counted once the file is found (a missing one is a 404), and for a GET
    # only: a HEAD is a link checker's or a browser's look, not a download.
    if item.is_public and request.method == "GET":
        services.download_count(item=item, language=language)
    return response


def _item_to_change(request, slug):
    """The item at ``slug`` if the user may edit it: 404 otherwise, so that
    nobody learns that a draft exists."""
    item = get_object_or_404(LibraryItem.objects.select_related("owner"), slug=slug)
    if not rules.can_edit_item(request.user, item):
        raise Http404
    return item


@login_required
@require_safe
def my_items(request):
    if not rules.can_propose_item(request.user):
        raise PermissionDenied
    items = selectors.items_of_institution(request.user.institution)
    return render(request, "library/my_items.html", {"items": items})


def _submitted_or_saved(request):
    if "submit" in request.POST:
        return _("Submitted: the Technical Secretariat will review it.")
    return _("Saved. Add its files, then submit it for review.")


@login_required
def item_create(request):
    if not rules.can_propose_item(request.user):
        raise PermissionDenied
    form = ItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                item = services.item_create(
                    user=request.user, fields=form.item_fields(), topics=form.topics()
                )
                if "submit" in request.POST:
                    services.item_submit(item=item, user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _submitted_or_saved(request))
            return redirect(item)
    return render(request, "library/item_form.html", {"form": form, "item": None})


@login_required
def item_edit(request, slug):
    item = _item_to_change(request, slug)
    if not item.can_be_submitted:
        messages.error(request, _("Only a draft or a returned library item can be changed."))
        return redirect(item)
    form = ItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            # Saved and submitted together, or neither.
            with transaction.atomic():
                item = services.item_update(
                    item=item, user=request.user, fields=form.item_fields(), topics=form.topics()
                )
                if "submit" in request.POST:
                    services.item_submit(item=item, user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _submitted_or_saved(request))
            return redirect(item)
    return render(request, "library/item_form.html", {"form": form, "item": item})


@login_required
@require_POST
def item_submit(request, slug):
    item = _item_to_change(request, slug)
    try:
        services.item_submit(item=item, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Submitted: the Technical Secretariat will review it."))
    return redirect(item)


@login_required
def file_add(request, slug):
    item = _item_to_change(request, slug)
    if not item.can_be_submitted:
        messages.error(request, _("Only a draft or a returned library item can be changed."))
        return redirect(item)
    form = FileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.file_add(
                item=item,
                user=request.user,
                language=form.cleaned_data["language"],
                file=form.cleaned_data["file"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The file is added; its text is being read."))
            return redirect(item)
    return render(request, "library/file_form.html", {"item": item, "form": form})


@login_required
@require_POST
def file_remove(request, slug, language):
    item = _item_to_change(request, slug)
    library_file = get_object_or_404(LibraryFile, item=item, language=language)
    try:
        services.file_remove(library_file=library_file, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The file was removed."))
    return redirect(item)
