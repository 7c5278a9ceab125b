"""The focal points' cooperation pages: their ministry's needs, the matches
with their peers' programs, and requests from the draft to the follow-ups.

Views check permissions through rules.py and move a request only through
services.py. A request another ministry may not see is a 404 (nobody learns
that a draft exists); a step of a visible request that is not theirs is a
403. A step out of order is refused by the service, with a message."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.files import file_response
from core.htmx import render_results
from core.pagination import Paginator
from core.params import record_key
from core.versions import content_versions
from core.workflow import next_steps
from evaluations import selectors as evaluation_selectors
from evaluations.forms import AnswerForm
from forum import selectors as forum_selectors
from portfolio.models import Program

from . import matching, rules, selectors, services
from .enums import ActivityType, NeedStatus, RequestStatus
from .forms import (
    BudgetLineFormSet,
    CarriedOutForm,
    CommentForm,
    ExpectedResultFormSet,
    FinalReportForm,
    FollowUpForm,
    NeedForm,
    ReasonForm,
    RequestForm,
)
from .models import Evidence, Need, Request
from .public_filters import NeedFilterForm
from .workflows import REQUEST_WORKFLOW

PAGE_SIZE = 20
Status = RequestStatus


def _error(request, error):
    messages.error(request, " ".join(error.messages))


# Needs -----------------------------------------------------------------------


def _need_for(request, pk, *, edit=False):
    need = get_object_or_404(
        Need.objects.select_related("institution__member_state", "topic"), pk=pk
    )
    allowed = (
        rules.can_edit_need(request.user, need) if edit else rules.can_view_need(request.user, need)
    )
    if not allowed:
        raise Http404
    return need


@require_safe
def need_list(request):
    form = NeedFilterForm(request.GET)
    needs = selectors.needs_for_list(user=request.user, topic=form.topic_chosen())
    page = Paginator(needs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render_results(
        request,
        "cooperation/need_list.html",
        "cooperation/_need_results.html",
        {
            "page": page,
            "form": form,
            "can_create": rules.can_create_request(request.user),
        },
    )


@require_safe
def need_detail(request, pk):
    need = _need_for(request, pk)
    is_own = rules.can_edit_need(request.user, need)
    return render(
        request,
        "cooperation/need_detail.html",
        {
            "need": need,
            "versions": content_versions(need, fields=("title", "description")),
            "support_kinds": [
                ActivityType(kind).label
                for kind in need.support_kinds
                if kind in ActivityType.values
            ],
            "matches": matching.programs_for_need(need=need),
            "can_edit": is_own and need.status == NeedStatus.OPEN,
            "can_request": is_own
            and need.status == NeedStatus.OPEN
            and rules.can_create_request(request.user),
            # The forum's spaces where the reader may ask who has solved this.
            "ask_spaces": list(forum_selectors.writable_spaces(request.user)),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def need_create(request):
    if not rules.can_create_request(request.user):
        raise PermissionDenied(_("Only a ministry's focal points record its needs."))
    need = Need(
        institution=request.user.institution,
        created_by=request.user,
        language=request.user.language or "es",
    )
    form = NeedForm(request.POST or None, instance=need)
    if request.method == "POST" and form.is_valid():
        need = form.save()
        messages.success(request, _("The need is recorded; here are the programs that match it."))
        return redirect("cooperation:need_detail", pk=need.pk)
    return render(request, "cooperation/need_form.html", {"form": form, "need": None})


@require_http_methods(["GET", "HEAD", "POST"])
def need_edit(request, pk):
    need = _need_for(request, pk, edit=True)
    if need.status != NeedStatus.OPEN:
        messages.error(request, _("Only an open need can be changed."))
        return redirect("cooperation:need_detail", pk=need.pk)
    form = NeedForm(request.POST or None, instance=need)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The need is saved."))
        return redirect("cooperation:need_detail", pk=need.pk)
    return render(request, "cooperation/need_form.html", {"form": form, "need": need})


@require_POST
def need_withdraw(request, pk):
    need = _need_for(request, pk, edit=True)
    services.need_withdraw(need=need, user=request.user)
    messages.success(request, _("The need is withdrawn; peers no longer see it as open."))
    return redirect("cooperation:need_detail", pk=need.pk)


@require_safe
def program_needs(request, slug):
    """The ministries whose open needs a published program answers."""
    program = get_object_or_404(
        Program.objects.published().select_related("owner__member_state"), slug=slug
    )
    matches = matching.needs_for_program(
        program=program, needs=Need.objects.visible_to(request.user)
    )
    return render(
        request,
        "cooperation/match_program_needs.html",
        {
            "program": program,
            "matches": matches,
            "own_institution_id": request.user.institution_id
            if rules.can_create_request(request.user)
            else None,
        },
    )


# Requests: the draft ---------------------------------------------------------


def _request_for(request, reference):
    """The request at ``reference`` if the user may see it: 404 otherwise."""
    coop = selectors.request_for_page(reference)
    if coop is None or not rules.can_view_request(request.user, coop):
        raise Http404
    return coop


def _is_party(user, coop):
    return rules.is_requester(user, coop) or rules.is_provider(user, coop)


def _prefill(request):
    """The draft's first values from a match: ?program=<slug>&need=<pk>."""
    initial = {}
    user = request.user
    program = (
        Program.objects.select_related("owner__member_state")
        .filter(slug=request.GET.get("program", ""))
        .first()
    )
    if program is not None and not rules.can_request_program(user, program):
        messages.error(request, _("Your ministry cannot request this program's cooperation."))
        program = None
    need_pk = record_key(request.GET.get("need"))
    need = (
        Need.objects.filter(
            pk=need_pk, institution_id=user.institution_id, status=NeedStatus.OPEN
        ).first()
        if need_pk is not None
        else None
    )
    if program is not None:
        initial.update(program=program.pk, provider=program.owner_id, title=program.title)
        topic = program.topics.first()
        if topic is not None:
            initial["topic"] = topic.pk
    if need is not None:
        initial.update(need=need.pk, topic=need.topic_id)
        if need.support_kinds:
            initial["activity_type"] = need.support_kinds[0]
        if program is None:
            initial["title"] = need.title
    return initial


def _draft_page(request, *, form, results, budget_lines, coop=None):
    # A list, not ``and``: every part is validated, so every error shows at once.
    if request.method == "POST" and all(
        [form.is_valid(), results.is_valid(), budget_lines.is_valid()]
    ):
        try:
            coop = services.request_draft_save(
                user=request.user, form=form, results=results, budget_lines=budget_lines
            )
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(
                request, _("The draft is saved. Submit it to the provider when it is ready.")
            )
            return redirect(coop)
    return render(
        request,
        "cooperation/request_form.html",
        {"form": form, "results": results, "budget_lines": budget_lines, "coop": coop},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def request_create(request):
    if not rules.can_create_request(request.user):
        raise PermissionDenied(_("Only a ministry's focal points request cooperation."))
    draft = Request(requester=request.user.institution, created_by=request.user)
    form = RequestForm(request.POST or None, instance=draft, initial=_prefill(request))
    results = ExpectedResultFormSet(request.POST or None, instance=draft, prefix="results")
    budget_lines = BudgetLineFormSet(request.POST or None, instance=draft, prefix="budget")
    return _draft_page(request, form=form, results=results, budget_lines=budget_lines)


@require_http_methods(["GET", "HEAD", "POST"])
def request_edit(request, reference):
    coop = _request_for(request, reference)
    if not rules.can_edit_request(request.user, coop):
        if rules.is_requester(request.user, coop):
            messages.error(request, _("Only a draft can be changed."))
            return redirect(coop)
        raise PermissionDenied
    form = RequestForm(request.POST or None, instance=coop)
    results = ExpectedResultFormSet(request.POST or None, instance=coop, prefix="results")
    budget_lines = BudgetLineFormSet(request.POST or None, instance=coop, prefix="budget")
    return _draft_page(request, form=form, results=results, budget_lines=budget_lines, coop=coop)


# Requests: the page and its steps --------------------------------------------


def _steps(user, coop, open_follow_ups):
    """Which buttons the page shows: the moves the request's table allows
    this person now (``next_steps``), and the changes that are not moves.
    Each step's view checks again."""
    moves = {move.name for move in next_steps(user, coop)}
    return {
        "edit": rules.can_edit_request(user, coop),
        "submit": "submit" in moves,
        "withdraw": "withdraw" in moves,
        "answer": "accept" in moves,
        "carried_out": "carry_out" in moves,
        "report": "report" in moves,
        "follow_up": rules.is_requester(user, coop) and bool(open_follow_ups),
    }


def _status_tone(coop):
    """The colour of the page's status: cooperation under way or done (the
    public states), ended without it, or still being decided."""
    if coop.is_public:
        return "success"
    if coop.status in (Status.PROVIDER_DECLINED, Status.REJECTED, Status.WITHDRAWN):
        return "secondary"
    return "info"


@require_safe
def request_detail(request, reference):
    coop = _request_for(request, reference)
    user = request.user
    full = _is_party(user, coop) or rules.is_cooperation_staff(user)
    open_follow_ups = selectors.follow_ups_open(coop) if rules.is_requester(user, coop) else []
    steps = _steps(user, coop, open_follow_ups)
    return render(
        request,
        "cooperation/request_detail.html",
        {
            "coop": coop,
            "versions": content_versions(
                coop,
                fields=("title",),
                optional=("summary",),
                requested=request.GET.get("version"),
            ),
            "full": full,
            "status_tone": _status_tone(coop),
            # Shown while the final report is the request's next move.
            "report_due_on": coop.report_due_on
            if REQUEST_WORKFLOW["report"].starts_from(coop)
            else None,
            "steps": steps,
            "any_step": any(steps.values()),
            "open_follow_ups": open_follow_ups,
            "carried_out_form": CarriedOutForm(),
            **selectors.request_details(request=coop, user=user, full=full),
        },
    )


def _step(allowed):
    """A POST-only step of a request, for the people ``allowed(user, coop)``
    names. The permission is checked before the method, so that a stranger
    learns nothing more from a GET than from a POST. The view returns the
    success message; a ValidationError from the service becomes an error
    message and changes nothing."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, reference):
            coop = _request_for(request, reference)
            if not allowed(request.user, coop):
                raise PermissionDenied
            if request.method != "POST":
                return HttpResponseNotAllowed(["POST"])
            try:
                message = view(request, coop)
            except ValidationError as error:
                _error(request, error)
            else:
                messages.success(request, message)
            return redirect(coop)

        return wrapper

    return decorator


def _comment(request, form_class=CommentForm):
    form = form_class(request.POST)
    if not form.is_valid():
        raise ValidationError([error for errors in form.errors.values() for error in errors])
    return form.cleaned_data["comment"]


@_step(REQUEST_WORKFLOW["submit"].allowed)
def request_submit(request, coop):
    services.request_submit(request=coop, user=request.user)
    return _("Submitted: the providing ministry's focal points are told.")


@_step(REQUEST_WORKFLOW["withdraw"].allowed)
def request_withdraw(request, coop):
    services.request_withdraw(request=coop, user=request.user, comment=_comment(request))
    return _("The request is withdrawn.")


@_step(REQUEST_WORKFLOW["accept"].allowed)
def request_accept(request, coop):
    services.request_accept(request=coop, user=request.user, comment=_comment(request))
    return _("Accepted: the Technical Secretariat now reviews the proposal.")


@_step(REQUEST_WORKFLOW["decline"].allowed)
def request_decline(request, coop):
    services.request_decline(request=coop, user=request.user, comment=_comment(request, ReasonForm))
    return _("The request is declined; the requesting ministry reads your reason.")


@_step(REQUEST_WORKFLOW["carry_out"].allowed)
def request_carried_out(request, coop):
    form = CarriedOutForm(request.POST)
    if not form.is_valid():
        raise ValidationError(_("Give the last day of the activity."))
    coop = services.request_carried_out(
        request=coop, user=request.user, last_day=form.cleaned_data["last_day"]
    )
    return _("Recorded. The final report is due by %(date)s.") % {
        "date": date_format(coop.report_due_on)
    }


def _step_page(request, reference, allowed, status_ok):
    """A step with a page of its own: the request, or a redirect with a
    message when the step is not possible now."""
    coop = _request_for(request, reference)
    if not allowed(request.user, coop):
        raise PermissionDenied
    if not status_ok(coop):
        messages.error(
            request,
            _("This request is “%(status)s”; that step is not possible now.")
            % {"status": coop.get_status_display()},
        )
        return coop, redirect(coop)
    return coop, None


@require_http_methods(["GET", "HEAD", "POST"])
def request_report(request, reference):
    report = REQUEST_WORKFLOW["report"]
    coop, refused = _step_page(request, reference, report.allowed, report.starts_from)
    if refused:
        return refused
    results = list(coop.results.all())
    form = FinalReportForm(request.POST or None, request.FILES or None, results=results)
    # The final reports' questionnaire, when the Secretariat asks one: its
    # questions below the report's, answered and recorded with it.
    questionnaire = evaluation_selectors.final_report_questionnaire()
    evaluation = None
    if questionnaire is not None:
        evaluation = AnswerForm(
            request.POST or None, questions=questionnaire.questions.all(), prefix="evaluation"
        )
    evaluation_valid = evaluation is None or evaluation.is_valid()
    if request.method == "POST" and form.is_valid() and evaluation_valid:
        try:
            services.final_report_submit(
                request=coop,
                user=request.user,
                what_was_done=form.cleaned_data["what_was_done"],
                lessons=form.cleaned_data["lessons"],
                achieved=form.achieved(),
                evidence=form.cleaned_data["evidence"],
                evaluation=None if evaluation is None else (questionnaire, evaluation.answers()),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you: the final report is submitted."))
            return redirect(coop)
    return render(
        request,
        "cooperation/request_report_form.html",
        {"coop": coop, "form": form, "questionnaire": questionnaire, "evaluation": evaluation},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def request_follow_up(request, reference):
    coop, refused = _step_page(
        request, reference, rules.is_requester, lambda coop: selectors.follow_ups_open(coop)
    )
    if refused:
        return refused
    form = FollowUpForm(
        request.POST or None, request.FILES or None, open_months=selectors.follow_ups_open(coop)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.follow_up_submit(
                request=coop,
                user=request.user,
                months=form.cleaned_data["months"],
                change_kinds=form.cleaned_data["change_kinds"],
                description=form.cleaned_data["description"],
                evidence=form.cleaned_data["evidence"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you: the follow-up is recorded."))
            return redirect(coop)
    return render(request, "cooperation/request_follow_up_form.html", {"coop": coop, "form": form})


@require_safe
def evidence_download(request, reference, pk):
    """Before the request is closed, its evidence is the parties' and the
    Secretariat's; once closed, the results and their evidence are public."""
    coop = _request_for(request, reference)
    evidence = get_object_or_404(Evidence, request=coop, pk=pk)
    user = request.user
    if not (coop.results_are_public or _is_party(user, coop) or rules.is_cooperation_staff(user)):
        raise Http404
    return file_response(evidence.file, private=not coop.results_are_public)


# My cooperation ---------------------------------------------------------------


@login_required
@require_safe
def my_cooperation(request):
    user = request.user
    if not rules.can_create_request(user):
        raise PermissionDenied(_("Only a ministry's focal points have cooperation to manage."))
    as_requester, as_provider = selectors.requests_of(user.institution)
    return render(
        request,
        "cooperation/my_cooperation.html",
        {
            "waiting": selectors.waiting_for(user.institution),
            "as_requester": as_requester,
            "as_provider": as_provider,
            "needs": list(selectors.needs_for_list(user=user, institution=user.institution)),
        },
    )
