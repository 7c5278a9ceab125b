from functools import partial

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from core import sections

from . import selectors
from .models import Institution, MemberState, Topic


@require_safe
def about(request):
    return render(
        request,
        "network/about.html",
        {"conferences": selectors.conferences_with_working_groups()},
    )


@require_safe
def member_state_list(request):
    return render(
        request,
        "network/member_state_list.html",
        # Built only when the page's {% fragment %} is: it depends on content only.
        {"directory": selectors.member_states_for_list},
    )


@require_safe
def member_state_detail(request, iso_code):
    member_state = get_object_or_404(MemberState, iso_code=iso_code)
    return render(
        request,
        "network/member_state_detail.html",
        {
            "member_state": member_state,
            "institutions": selectors.member_state_directory(member_state=member_state),
            "conferences_hosted": member_state.conferences_hosted.all(),
            # Built only when the page's {% fragment %} is (templatetags/fragments.py).
            "sections": partial(sections.render_sections, sections.MEMBER_STATE, member_state),
        },
    )


@require_safe
def topic_list(request):
    return render(request, "network/topic_list.html", {"topics": Topic.objects.all()})


@require_safe
def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    return render(
        request,
        "network/topic_detail.html",
        {"topic": topic, "sections": partial(sections.render_sections, sections.TOPIC, topic)},
    )


@require_safe
def institution_detail(request, slug):
    institution = get_object_or_404(
        Institution.objects.select_related("member_state").prefetch_related("former_names"),
        slug=slug,
    )
    return render(
        request,
        "network/institution_detail.html",
        {
            "institution": institution,
            "chaired": institution.working_groups_chaired.select_related("conference"),
            "vice_chaired": institution.working_groups_vice_chaired.select_related("conference"),
        },
    )
