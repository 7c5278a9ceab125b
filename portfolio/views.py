"""Pages of the Program Portfolio. Views check permissions through rules.py
and change data only through services.py."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from core import search, sections, visitor_cache
from core.files import file_response
from core.htmx import render_results
from core.pagination import Paginator
from core.versions import content_versions
from core.workflow import activity_of, next_steps

from . import exports, rules, selectors, services
from .enums import ProgramStatus
from .filters import ProgramFilter
from .forms import AttachmentForm, IndicatorFormSet, ProgramForm
from .models import Program, ProgramAttachment

PAGE_SIZE = 20


def _program_for(request, slug, *, edit=False):
    """The program at ``slug`` if the user may see it (or edit it): 404
    otherwise, so that nobody learns that a draft exists."""
    program = get_object_or_404(
        Program.objects.select_related("owner__member_state", "submitted_by"), slug=slug
    )
    allowed = (
        rules.can_edit_program(request.user, program)
        if edit
        else rules.can_view_program(request.user, program)
    )
    if not allowed:
        raise Http404
    return program


@require_safe
def program_list(request):
    program_filter = ProgramFilter(request.GET, queryset=Program.objects.published())
    # The page holds the programs' keys; their cards are kept (program_cards).
    keys = program_filter.qs.values_list("pk", flat=True)
    page = Paginator(keys, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": program_filter,
        "page": page,
        "cards": program_cards(page.object_list),
        # A search's count is bounded: past the bound it says "more than".
        "more_than": search.more_than(page.paginator.count) if program_filter.searching else None,
        "query_string": query.urlencode(),
        "can_export": rules.can_export_programs(request.user),
    }
    return render_results(
        request, "portfolio/program_list.html", "portfolio/_program_results.html", context
    )


def program_cards(keys):
    """The cards of the programs whose keys are given, in their order. A card
    shows nothing of its reader, so each is kept per program and language
    under the content version: lists and searches of a portfolio that has
    not changed read their cards in one round trip, and load and render only
    the programs whose cards are not kept."""
    keys = list(keys)

    def render_missing(missing):
        programs = selectors.programs_for_cards().in_bulk([pk for (pk,) in missing])
        # A program deleted since its key was read has no card.
        return {
            (pk,): render_to_string("portfolio/_program_card.html", {"program": program})
            for pk, program in programs.items()
        }

    texts = visitor_cache.fragments(
        "portfolio/_program_card.html", [(pk,) for pk in keys], render_missing
    )
    return [mark_safe(texts[(pk,)]) for pk in keys if (pk,) in texts]


@require_safe
def program_export(request, fmt):
    if not rules.can_export_programs(request.user):
        raise PermissionDenied
    program_filter = ProgramFilter(
        request.GET,
        queryset=selectors.programs_for_list(Program.objects.published()),
        bounded=False,
    )
    return exports.programs_response(program_filter.qs, fmt)


@require_safe
def program_detail(request, slug):
    program = _program_for(request, slug)
    can_edit = rules.can_edit_program(request.user, program)
    attachments = program.attachments.all()
    if not can_edit:
        attachments = attachments.filter(revision__isnull=True)
    return render(
        request,
        "portfolio/program_detail.html",
        {
            "program": program,
            "topics": program.topics.all(),
            "target_groups": program.target_groups.all(),
            "offers": program.offers.all(),
            "indicators": program.indicators.all(),
            "attachments": attachments,
            # Built only when the page's {% fragment %} is.
            "related": partial(selectors.programs_related, program=program),
            "versions": content_versions(
                program, fields=("title", "summary"), requested=request.GET.get("version")
            ),
            "can_edit": can_edit,
            # What the ministry may do next, and how the review went so far.
            "next_steps": {move.name for move in next_steps(request.user, program)},
            "review_history": activity_of(program) if can_edit else [],
            "sections": sections.render_sections(sections.PROGRAM, program, user=request.user),
            "open_revision": program.revisions.open().first() if can_edit else None,
        },
    )


@require_safe
def attachment_download(request, slug, pk):
    program = _program_for(request, slug)
    attachment = get_object_or_404(ProgramAttachment, program=program, pk=pk)
    if attachment.revision_id and not rules.can_edit_program(request.user, program):
        raise Http404
    return file_response(
        attachment.file, private=not program.is_public or attachment.revision_id is not None
    )


@login_required
@require_safe
def my_programs(request):
    if not rules.can_create_program(request.user):
        raise PermissionDenied
    programs = (
        Program.objects.owned_by(request.user.institution)
        .select_related("owner__member_state")
        .prefetch_related("revisions")
        .defer(*selectors.LIST_DEFERRED)
        .order_by("-updated_at")
    )
    return render(request, "portfolio/my_programs.html", {"programs": programs})


def _edit_page(request, *, program, form, indicators):
    return render(
        request,
        "portfolio/program_form.html",
        {"program": program, "form": form, "indicators": indicators},
    )


@login_required
def program_create(request):
    if not rules.can_create_program(request.user):
        raise PermissionDenied
    form = ProgramForm(request.POST or None)
    indicators = IndicatorFormSet(request.POST or None, prefix="indicators")
    if request.method == "POST" and form.is_valid() and indicators.is_valid():
        content = {**form.content(), "indicators": indicators.indicators()}
        with transaction.atomic():
            program = services.program_create(
                owner=request.user.institution, user=request.user, content=content
            )
            if "submit" in request.POST:
                services.program_submit(program=program, user=request.user)
        messages.success(request, _submitted_or_saved(request))
        return redirect("portfolio:my_programs")
    return _edit_page(request, program=None, form=form, indicators=indicators)


@login_required
def program_edit(request, slug):
    program = _program_for(request, slug, edit=True)
    revision = program.revisions.open().first()
    content = revision.content if revision else program.content()
    form = ProgramForm(request.POST or None, content=content)
    indicators = IndicatorFormSet(
        request.POST or None, prefix="indicators", initial=content["indicators"]
    )
    if request.method == "POST" and form.is_valid() and indicators.is_valid():
        content = {**form.content(), "indicators": indicators.indicators()}
        try:
            with transaction.atomic():
                saved = services.program_update(program=program, user=request.user, content=content)
                if "submit" in request.POST:
                    _submit(program, saved, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(program)
        messages.success(request, _submitted_or_saved(request))
        return redirect("portfolio:my_programs" if not program.is_public else program)
    return _edit_page(request, program=program, form=form, indicators=indicators)


def _submit(program, saved, user):
    if isinstance(saved, Program):
        services.program_submit(program=saved, user=user)
    else:
        services.revision_submit(revision=saved, user=user)


def _submitted_or_saved(request):
    if "submit" in request.POST:
        return _("Submitted: the Technical Secretariat will review it.")
    return _("Saved. Submit it when it is ready for review.")


@login_required
@require_POST
def program_submit(request, slug):
    program = _program_for(request, slug, edit=True)
    revision = program.revisions.open().first()
    try:
        if program.is_public and revision is not None:
            services.revision_submit(revision=revision, user=request.user)
        else:
            services.program_submit(program=program, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Submitted: the Technical Secretariat will review it."))
    return redirect(program)


@login_required
@require_POST
def revision_withdraw(request, slug):
    program = _program_for(request, slug, edit=True)
    revision = get_object_or_404(program.revisions.open())
    services.revision_withdraw(revision=revision, user=request.user)
    messages.success(request, _("Your proposed changes were withdrawn."))
    return redirect(program)


@login_required
@require_POST
def program_confirm(request, slug):
    program = _program_for(request, slug, edit=True)
    if program.status != ProgramStatus.PUBLISHED:
        raise Http404
    services.program_confirm_current(program=program, user=request.user)
    messages.success(request, _("Thank you: the program is marked as verified today."))
    return redirect(program)


@login_required
@require_POST
def program_archive(request, slug):
    program = _program_for(request, slug, edit=True)
    try:
        services.program_archive(program=program, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The program is archived: it no longer appears in lists."))
    return redirect(program)


@login_required
def attachment_add(request, slug):
    program = _program_for(request, slug, edit=True)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.attachment_add(
                program=program,
                user=request.user,
                title=form.cleaned_data["title"],
                file=form.cleaned_data["file"],
                language=form.cleaned_data["language"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if program.is_public:
                messages.success(request, _("The file will be public once the review is done."))
            else:
                messages.success(request, _("The file is attached."))
            return redirect(program)
    return render(request, "portfolio/attachment_form.html", {"program": program, "form": form})


@login_required
@require_POST
def attachment_remove(request, slug, pk):
    program = _program_for(request, slug, edit=True)
    attachment = get_object_or_404(ProgramAttachment, program=program, pk=pk)
    services.attachment_remove(attachment=attachment, user=request.user)
    messages.success(request, _("The file was removed."))
    return redirect(program)
