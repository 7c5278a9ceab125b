"""Public pages of meetings: the calendar, the timeline, a meeting's page,
documents, iCalendar feeds and national reports. Views check permissions
through rules.py, read through selectors.py and change data only through
national_reports.py."""

import os
import re
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core import search
from core.files import file_response
from core.htmx import render_results
from core.pagination import Paginator
from core.versions import content_versions

from . import ical, national_reports, rules, selectors
from .enums import MaterialsAccess, Visibility
from .filters import DocumentSearchForm, MeetingFilter, TimelineForm
from .forms import CertificateCodeForm
from .models import DocumentFile, Meeting, NationalReport

PAGE_SIZE = 20
DOCUMENTS_PAGE_SIZE = 25
CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"


# The tabs of the meetings list (?when=…), each a selector of meetings.
LIST_SELECTORS = {
    "upcoming": selectors.meetings_upcoming,
    "planned": selectors.meetings_planned,
    "past": selectors.meetings_past,
}


def _query_string(request, *, without=("page",)):
    query = request.GET.copy()
    for key in without:
        query.pop(key, None)
    return query.urlencode()


def _meeting_for(request, slug):
    """The meeting at ``slug`` if the user may see it; 404 otherwise, so
    that nobody learns that a restricted meeting exists."""
    meeting = get_object_or_404(Meeting.objects.select_related("host_state"), slug=slug)
    if not rules.can_view_meeting(request.user, meeting):
        raise Http404
    return meeting


@require_safe
def meeting_list(request):
    when = request.GET.get("when")
    if when not in LIST_SELECTORS:
        when = "upcoming"
    queryset = LIST_SELECTORS[when](user=request.user)
    meeting_filter = MeetingFilter(request.GET, queryset=queryset)

    def results():
        # Built only when the page's {% fragment %} is: kept, it runs no query.
        planned = MeetingFilter(request.GET, queryset=selectors.meetings_planned(user=request.user))
        return {
            "page": Paginator(meeting_filter.qs, PAGE_SIZE).get_page(request.GET.get("page")),
            "planned_count": planned.qs.order_by().count() if when == "upcoming" else None,
        }

    return render_results(
        request,
        "meetings/meeting_list.html",
        "meetings/_meeting_results_swap.html",
        {
            "filter": meeting_filter,
            "results": results,
            # The results differ by reader only as the meetings they may see do.
            "audience": selectors.meetings_audience(request.user),
            "past": when == "past",
            "when": when,
            "query_string": _query_string(request),
            "filter_query": _query_string(request, without=("page", "when")),
        },
    )


@require_safe
def meeting_timeline(request):
    form = TimelineForm(request.GET or None)
    conference, first_year, last_year = form.period()
    return render(
        request,
        "meetings/meeting_timeline.html",
        {
            "form": form,
            "conference": conference,
            "timeline": selectors.timeline_for(
                user=request.user,
                conference=conference,
                first_year=first_year,
                last_year=last_year,
            ),
        },
    )


@require_safe
def meeting_detail(request, slug):
    meeting = selectors.meeting_for_page(slug=slug)
    if meeting is None or not rules.can_view_meeting(request.user, meeting):
        raise Http404
    user = request.user
    can_upload_report = rules.can_upload_national_report(user, meeting)
    may_see_restricted = rules.can_view_restricted_material(user, meeting)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "time_zone": selectors.time_zone_label(meeting),
            "languages": selectors.language_names(meeting.languages),
            "interpretation": selectors.language_names(meeting.interpretation),
            # The agenda and the participants are built only when the page's
            # {% fragment %}s are: they depend on the meeting, not the reader.
            "agenda": partial(selectors.agenda_for_page, meeting),
            "versions": content_versions(
                meeting,
                fields=("title",),
                optional=("description",),
                requested=request.GET.get("version"),
            ),
            "documents": selectors.documents_of_meeting(meeting=meeting, user=user),
            "funding": selectors.funding_table(meeting),
            "delegations": partial(selectors.participant_list, meeting),
            "registration_state": meeting.registration_state(),
            "places": selectors.registration_places(
                meeting=meeting,
                institution=user.institution if user.is_authenticated else None,
            ),
            "may_see_restricted": may_see_restricted,
            "may_join": bool(meeting.online_url) and rules.can_join_online(user, meeting),
            "certificate_path": selectors.certificate_path_for(user=user, meeting=meeting),
            "may_see_materials": (
                bool(meeting.recording_url or meeting.slides)
                and rules.can_view_materials(user, meeting)
            ),
            "national_reports": (
                meeting.national_reports.select_related("member_state")
                if may_see_restricted and meeting.national_reports_due
                else None
            ),
            "reports_accepted": national_reports.national_reports_accepted(meeting),
            "can_upload_report": can_upload_report,
            "is_staff": rules.is_meetings_staff(user),
        },
    )


@require_safe
def meeting_calendar(request, slug):
    meeting = _meeting_for(request, slug)
    if not meeting.is_dated:
        raise Http404
    response = HttpResponse(
        ical.meetings_calendar([meeting], name=meeting.title),
        content_type=CALENDAR_CONTENT_TYPE,
    )
    response["Content-Disposition"] = f'attachment; filename="{meeting.slug}.ics"'
    return response


@require_safe
def calendar_feed(request):
    meetings = selectors.meetings_for_feed(user=request.user)
    return HttpResponse(
        ical.meetings_calendar(meetings, name=_("RIAL meetings")),
        content_type=CALENDAR_CONTENT_TYPE,
    )


@require_safe
def meeting_slides(request, slug):
    """The slides, for those the meeting's setting allows once it is over;
    to anyone else, they do not exist."""
    meeting = _meeting_for(request, slug)
    if not meeting.slides or not rules.can_view_materials(request.user, meeting):
        raise Http404
    extension = os.path.splitext(meeting.slides.name)[1].lower()
    return file_response(
        meeting.slides,
        filename=f"{meeting.slug}-slides{extension}",
        private=not (
            meeting.visibility == Visibility.PUBLIC
            and meeting.materials_access == MaterialsAccess.PUBLIC
        ),
    )


# Certificates ----------------------------------------------------------------

# Look-ups of codes a client may make in an hour: plenty for a person checking
# certificates, and with codes drawn from 2**60, nothing for a guesser.
VERIFICATIONS_PER_HOUR = 60


def _verifications_exceeded(request):
    key = f"meetings:certificate-verify:{request.META.get('REMOTE_ADDR', '')}"
    # add() starts the hour's count only if none runs; incr() counts this one.
    cache.add(key, 0, timeout=60 * 60)
    try:
        return cache.incr(key) > VERIFICATIONS_PER_HOUR
    except ValueError:
        # The count expired between the two calls: this is the hour's first.
        cache.add(key, 1, timeout=60 * 60)
        return False


@require_safe
def certificate_verify(request):
    """Whether a certificate of attendance is genuine: for a real code, the
    participant's name and the meeting, and nothing else about them."""
    form = CertificateCodeForm(request.GET or None)
    certificate = None
    status = 200
    if form.is_bound:
        if _verifications_exceeded(request):
            form = CertificateCodeForm()
            status = 429
        elif form.is_valid():
            certificate = selectors.certificate_by_code(code=form.cleaned_data["code"])
            if certificate is None:
                form.add_error(
                    "code",
                    _(
                        "No certificate bears this code. Check it against the certificate: "
                        "it has twelve letters and digits."
                    ),
                )
                status = 404
    return render(
        request,
        "meetings/certificate_verify.html",
        {"form": form, "certificate": certificate, "too_many": status == 429},
        status=status,
    )


# Documents -------------------------------------------------------------------


@require_safe
def document_list(request):
    form = DocumentSearchForm(request.GET)
    cleaned = form.cleaned_data if form.is_valid() else {}
    query = cleaned.get("q", "")
    documents = selectors.document_search(
        user=request.user, query=query, kind=cleaned.get("kind", "")
    )
    page = Paginator(documents, DOCUMENTS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render_results(
        request,
        "meetings/document_list.html",
        "meetings/_document_results.html",
        {
            "form": form,
            "page": page,
            # A search is bounded (selectors.document_search); the whole list is not.
            "more_than": search.more_than(page.paginator.count) if query.strip() else None,
            "query_string": _query_string(request),
        },
    )


def _download_name(symbol, language, stored_name):
    """CIMT-18/GT1-GT2/doc.6/15 in Spanish: CIMT-18-GT1-GT2-doc.6-15-es.pdf."""
    extension = os.path.splitext(stored_name)[1].lower()
    base = re.sub(r"[^\w.-]+", "-", symbol).strip("-.") or "document"
    return f"{base}-{language}{extension}"


@require_safe
def document_download(request, pk, lang):
    document_file = get_object_or_404(
        DocumentFile.objects.select_related("document__meeting"), document_id=pk, language=lang
    )
    document = document_file.document
    if not rules.can_view_meeting(request.user, document.meeting):
        raise Http404
    if not rules.can_download_document(request.user, document):
        raise PermissionDenied
    return file_response(
        document_file.file,
        filename=_download_name(document.symbol, lang, document_file.file.name),
        private=(
            document.visibility != Visibility.PUBLIC
            or document.meeting.visibility != Visibility.PUBLIC
        ),
    )


# National reports -------------------------------------------------------------


def _reporting_meeting(request, slug):
    """The meeting at ``slug`` if it asks for national reports and the person
    may see it: 404 otherwise, so that nobody learns a restricted meeting or
    its reports exist."""
    meeting = get_object_or_404(Meeting, slug=slug)
    if meeting.national_reports_due is None or not rules.can_view_meeting(request.user, meeting):
        raise Http404
    return meeting


@login_required
def national_report_upload(request, slug):
    meeting = _reporting_meeting(request, slug)
    if not rules.can_upload_national_report(request.user, meeting):
        raise PermissionDenied
    member_state = request.user.institution.member_state
    form = national_reports.NationalReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            national_reports.national_report_upload(
                meeting=meeting,
                user=request.user,
                file=form.cleaned_data["file"],
                language=form.cleaned_data["language"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Thank you: the national report of %(state)s is recorded.")
                % {"state": member_state},
            )
            return redirect("meetings:national_report_upload", slug=meeting.slug)
    return render(
        request,
        "meetings/national_report_form.html",
        {
            "meeting": meeting,
            "member_state": member_state,
            "report": national_reports.national_report_of(
                meeting=meeting, member_state=member_state
            ),
            "accepted": national_reports.national_reports_accepted(meeting),
            "deadline": national_reports.national_reports_deadline(meeting),
            "form": form,
        },
    )


@login_required
@require_safe
def national_reports_status(request, slug):
    meeting = _reporting_meeting(request, slug)
    if not rules.is_meetings_staff(request.user):
        raise PermissionDenied
    status = national_reports.national_reports_status(meeting)
    return render(
        request,
        "meetings/national_reports_status.html",
        {
            "meeting": meeting,
            "status": status,
            "received": sum(report is not None for _state, report in status),
            "accepted": national_reports.national_reports_accepted(meeting),
        },
    )


@login_required
@require_safe
def national_report_download(request, slug, pk):
    """Only those who may read the reports are shown them (the meeting's page
    lists them to nobody else): to anyone else, a report does not exist."""
    report = get_object_or_404(
        NationalReport.objects.select_related("meeting", "member_state"), pk=pk, meeting__slug=slug
    )
    if not rules.can_view_restricted_material(request.user, report.meeting):
        raise Http404
    extension = os.path.splitext(report.file.name)[1].lower()
    return file_response(
        report.file, filename=f"{report.meeting.slug}-{report.member_state.iso_code}{extension}"
    )
