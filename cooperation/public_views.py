"""Public pages of cooperation: the activities carried out or under way (with
their results once closed), the statistics, and the calls for proposals with
their documents. Anyone may read them; a request's own page is views.py's."""

import os

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from core.files import file_response
from core.htmx import render_results
from core.pagination import Paginator
from core.versions import content_versions
from meetings import rules as meetings_rules

from . import charts, rules, statistics
from .enums import ActivityType
from .models import Call, CallDocument
from .public_filters import ActivityFilter

PAGE_SIZE = 20


def _query_string(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _published_calls(now):
    """A call is published when it opens; staff prepare it in the admin before."""
    return Call.objects.filter(opens_at__lte=now)


@require_safe
def activity_list(request):
    activity_filter = ActivityFilter(request.GET, queryset=statistics.public_activities())
    page = Paginator(activity_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render_results(
        request,
        "cooperation/public_activity_list.html",
        "cooperation/_activity_results.html",
        {"filter": activity_filter, "page": page, "query_string": _query_string(request)},
    )


@require_safe
def stats(request):
    per_year = statistics.activities_per_year()
    per_topic = statistics.activities_per_topic()
    flows = statistics.flows_between_states()
    return render(
        request,
        "cooperation/stats.html",
        {
            "per_year": per_year,
            "per_topic": per_topic,
            "flows": flows,
            "chart_per_year": charts.bars(per_year),
            "chart_per_topic": charts.bars(per_topic),
            "chart_flows": charts.flows(flows),
        },
    )


@require_safe
def call_list(request):
    now = timezone.now()
    calls = _published_calls(now).prefetch_related("topics")
    return render(
        request,
        "cooperation/call_list.html",
        {
            "open_calls": [call for call in calls if call.is_open(now)],
            "closed_calls": [call for call in calls if not call.is_open(now)],
        },
    )


@require_safe
def call_detail(request, slug):
    now = timezone.now()
    call = get_object_or_404(
        _published_calls(now).select_related("webinar").prefetch_related("topics", "documents"),
        slug=slug,
    )
    webinar = call.webinar
    if webinar is not None and not meetings_rules.can_view_meeting(request.user, webinar):
        webinar = None
    return render(
        request,
        "cooperation/call_detail.html",
        {
            "call": call,
            "versions": content_versions(
                call,
                fields=("title",),
                optional=("description",),
                requested=request.GET.get("version"),
            ),
            "is_open": call.is_open(now),
            "activity_types": [
                label for value, label in ActivityType.choices if call.accepts(value)
            ],
            "webinar": webinar,
        },
    )


@require_safe
def call_document(request, slug, pk):
    """Public once the call opens; before, for the staff who prepare it only."""
    document = get_object_or_404(
        CallDocument.objects.select_related("call"), call__slug=slug, pk=pk
    )
    published = document.call.opens_at <= timezone.now()
    if not (published or rules.is_cooperation_staff(request.user)):
        raise Http404
    extension = os.path.splitext(document.file.name)[1]
    return file_response(
        document.file,
        filename=f"{slugify(document.title) or document.call.slug}-{document.language}{extension}",
        private=not published,
    )
