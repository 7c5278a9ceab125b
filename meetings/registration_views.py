"""Registering for a meeting: the delegate's form and signed links (with
their calendar event, slides and certificate), and the focal point's
delegation pages. The workflow itself is in services.py."""

import os

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.files import file_response
from core.workflow import next_steps

from . import ical, links, printing, rules, selectors, services
from .enums import RegistrationStatus
from .forms import DeclineForm, DelegationFormSet, RegistrationForm, RegistrationLinkForm
from .models import Meeting, Registration


def _meeting_for(request, slug):
    meeting = get_object_or_404(Meeting.objects.select_related("host_state"), slug=slug)
    if not rules.can_view_meeting(request.user, meeting):
        raise Http404
    return meeting


def _closed(request, meeting, error):
    return render(
        request,
        "meetings/registration_closed.html",
        {"meeting": meeting, "error": error},
        status=403,
    )


def _registration_page(request, registration):
    return redirect("meetings:registration_manage", token=links.manage_token(registration))


@require_http_methods(["GET", "HEAD", "POST"])
def register(request, slug):
    meeting = _meeting_for(request, slug)
    if not meeting.registration_is_open():
        state = meeting.registration_state()
        return _closed(request, meeting, state)
    initial = {}
    if request.user.is_authenticated:
        user = request.user
        initial = {
            "full_name": user.full_name,
            "job_title": user.job_title,
            "email": user.email,
            "institution": user.institution_id,
            "member_state": user.institution.member_state_id if user.institution_id else None,
            "language": user.language,
        }
    else:
        initial = {"language": request.LANGUAGE_CODE[:2]}
    chosen = request.GET.get("institution")
    if chosen:
        initial["institution"] = chosen
    form = RegistrationForm(request.POST or None, meeting=meeting, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.registration_create(
                meeting=meeting, registration=form.save(commit=False), by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if registration.status == RegistrationStatus.PENDING_CONFIRMATION:
                return redirect("meetings:registration_sent", slug=meeting.slug)
            messages.success(request, _("Your registration is recorded."))
            return _registration_page(request, registration)
    places = selectors.registration_places(meeting=meeting, institution=form.chosen_institution())
    return render(
        request, "meetings/register.html", {"meeting": meeting, "form": form, "places": places}
    )


@require_safe
def registration_sent(request, slug):
    meeting = _meeting_for(request, slug)
    return render(request, "meetings/registration_sent.html", {"meeting": meeting})


def _bad_link(request, error):
    """The page of a link that does not work, with the form asking for a new one."""
    return render(
        request,
        "meetings/registration_bad_link.html",
        {"reason": error.reason, "form": RegistrationLinkForm()},
        # Gone for good: a genuine link that was replaced or has expired.
        status=400 if error.reason == "broken" else 410,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def registration_confirm(request, token):
    """The link in the first email. Following it shows a button; only the
    button (a POST) confirms, so a mail scanner opening the link takes no place."""
    try:
        registration = links.registration_from_token(token, purpose="confirm")
    except links.RegistrationLinkInvalid as error:
        return _bad_link(request, error)
    if registration.status != RegistrationStatus.PENDING_CONFIRMATION:
        return _registration_page(request, registration)
    if request.method == "POST":
        registration = services.registration_confirm(registration=registration)
        messages.success(request, _("Thank you: your address is confirmed."))
        return _registration_page(request, registration)
    return render(
        request,
        "meetings/registration_confirm.html",
        {"registration": registration, "meeting": registration.meeting},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def registration_manage(request, token):
    """The registrant's page, reached from the link in every email."""
    try:
        registration = links.registration_from_token(token, purpose="manage")
    except links.RegistrationLinkInvalid as error:
        return _bad_link(request, error)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "withdraw":
                registration = services.registration_withdraw(
                    registration=registration, by=request.user
                )
                messages.success(request, _("Your registration is cancelled."))
                # The old link stopped working: the page moves to the new one.
                return _registration_page(request, registration)
            if action == "accept":
                services.offer_accept(registration=registration)
                messages.success(request, _("The place is yours."))
            else:
                messages.error(request, _("Choose what to do with the registration."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(request.path)
    return render(
        request,
        "meetings/registration_manage.html",
        {
            "registration": registration,
            "meeting": registration.meeting,
            # What the link's holder may do now, as the registration's table says.
            "steps": {move.name for move in next_steps(request.user, registration)},
            "token": token,
            "position": registration.waitlist_position(),
            "wait_reason": registration.waiting_reason(),
            "may_join": rules.registration_may_join(registration),
            "may_see_materials": rules.registration_may_see_materials(registration),
            "may_have_certificate": rules.registration_may_have_certificate(registration),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def registration_link_request(request):
    """A registrant asks for a new link by email. The answer is the same
    whether or not the address is registered."""
    form = RegistrationLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.registration_links_send(email=form.cleaned_data["email"])
        messages.success(
            request,
            _(
                "If that address is registered for a meeting, a new link is on its way to it. "
                "The links sent before no longer work."
            ),
        )
        return redirect("meetings:registration_link_request")
    return render(request, "meetings/registration_link_request.html", {"form": form})


@require_safe
def participation_letter(request, token):
    """The approved delegate's letter confirming their participation (PDF)."""
    try:
        registration = links.registration_from_token(token, purpose="manage")
    except links.RegistrationLinkInvalid as error:
        return _bad_link(request, error)
    if registration.status != RegistrationStatus.APPROVED:
        raise PermissionDenied(_("The letter is available once the registration is approved."))
    response = HttpResponse(printing.participation_letter(registration), "application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="participation-{registration.meeting.slug}-{registration.pk}.pdf"'
    )
    return response


@require_safe
def registration_calendar(request, token):
    """The registrant's own calendar event (iCalendar), carrying the online
    link once they are approved; the public feeds never carry it."""
    try:
        registration = links.registration_from_token(token, purpose="manage")
    except links.RegistrationLinkInvalid as error:
        return _bad_link(request, error)
    meeting = registration.meeting
    if not meeting.is_dated:
        raise Http404
    join_url = meeting.online_url if rules.registration_may_join(registration) else ""
    response = HttpResponse(
        ical.participant_calendar(registration, join_url=join_url),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{meeting.slug}.ics"'
    # The online link is for this person only: no shared cache keeps it.
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def registration_slides(request, token):
    """The slides, for a registrant the meeting's setting allows (as their
    page lists them); to anyone else, they do not exist."""
    try:
        registration = links.registration_from_token(token, purpose="manage")
    except links.RegistrationLinkInvalid as error:
        return _bad_link(request, error)
    meeting = registration.meeting
    if not meeting.slides or not rules.registration_may_see_materials(registration):
        raise Http404
    return file_response(meeting.slides, filename=f"{meeting.slug}-slides{_extension(meeting)}")


def _extension(meeting):
    return os.path.splitext(meeting.slides.name)[1].lower()


@require_safe
def certificate_download(request, token):
    """The certificate of attendance (PDF), only for a participant recorded
    as present once the meeting is over; anyone else is told why, with no PDF."""
    try:
        registration = links.registration_from_token(token, purpose="certificate")
    except links.RegistrationLinkInvalid as error:
        return _bad_link(request, error)
    if not rules.registration_may_have_certificate(registration):
        return render(
            request,
            "meetings/certificate_unavailable.html",
            {"registration": registration, "meeting": registration.meeting},
            status=404,
        )
    code = services.certificate_code_for(registration=registration)
    return printing.pdf_attachment(
        printing.certificate_of_attendance(registration, code=code),
        f"certificate-{registration.meeting.slug}-{code}.pdf",
    )


# The focal point's delegation ----------------------------------------------


@login_required
@require_safe
def delegation(request):
    """The focal point's view of their own institution's registrations."""
    user = request.user
    if not rules.can_register_delegation(user, user.institution):
        raise PermissionDenied(_("Only an institution's focal points manage its delegations."))
    registrations = list(
        Registration.objects.filter(institution=user.institution)
        .select_related("meeting")
        .order_by("-meeting__start_date", "meeting", "full_name")
    )
    for registration in registrations:
        registration.steps = {move.name for move in next_steps(user, registration)}
    open_meetings = Meeting.objects.open_for_registration().visible_to(user).in_calendar_order()
    return render(
        request,
        "meetings/delegation.html",
        {
            "registrations": registrations,
            "open_meetings": open_meetings,
            "decline_form": DeclineForm(),
        },
    )


@login_required
@require_POST
def delegation_decide(request, pk):
    registration = get_object_or_404(Registration.objects.select_related("meeting"), pk=pk)
    if not rules.can_endorse(request.user, registration):
        raise Http404
    action = request.POST.get("action")
    try:
        if action == "endorse":
            services.registration_endorse(registration=registration, by=request.user)
            messages.success(request, _("%(name)s is endorsed.") % {"name": registration.full_name})
        elif action == "decline":
            form = DeclineForm(request.POST)
            note = form.cleaned_data["note"] if form.is_valid() else ""
            services.registration_decline(registration=registration, by=request.user, note=note)
            messages.success(request, _("%(name)s is declined.") % {"name": registration.full_name})
        else:
            messages.error(request, _("Choose endorse or decline."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("meetings:delegation")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delegation_register(request, slug):
    """A focal point registers several members of their delegation at once."""
    meeting = _meeting_for(request, slug)
    user = request.user
    if not rules.can_register_delegation(user, user.institution):
        raise PermissionDenied(_("Only an institution's focal points register its delegation."))
    if not meeting.registration_is_open():
        return _closed(request, meeting, meeting.registration_state())
    formset = DelegationFormSet(request.POST or None, meeting=meeting)
    if request.method == "POST" and formset.is_valid():
        delegates = [form.save(commit=False) for form in formset.forms if form.has_changed()]
        if not delegates:
            messages.error(request, _("Enter at least one member of the delegation."))
        else:
            try:
                with transaction.atomic():
                    for delegate in delegates:
                        delegate.institution = user.institution
                        delegate.member_state = user.institution.member_state
                        services.registration_create(
                            meeting=meeting, registration=delegate, by=user
                        )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d registration recorded for %(meeting)s.",
                        "%(count)d registrations recorded for %(meeting)s.",
                        len(delegates),
                    )
                    % {"count": len(delegates), "meeting": meeting},
                )
                return redirect("meetings:delegation")
    return render(
        request,
        "meetings/delegation_register.html",
        {"meeting": meeting, "formset": formset},
    )
