"""Registering for a meeting: confirming by email, places and the waiting
list, approval, cancelling from a link, the focal point's delegation."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from core.models import EmailDelivery
from meetings import rules, services
from meetings.enums import Approval, RegistrationStatus, WaitReason
from meetings.models import Registration
from tests.conftest import moves_logged
from tests.factories import (
    FocalPointFactory,
    InstitutionFactory,
    MemberStateFactory,
    OrganizationFactory,
    UserFactory,
)
from tests.meetings.factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

Status = RegistrationStatus


def form_data(meeting, email="ana@example.org", **overrides):
    institution = overrides.pop("institution", None) or InstitutionFactory()
    return {
        "full_name": "Ana Pérez",
        "job_title": "Director of Labor Inspection",
        "institution": institution.pk,
        "member_state": institution.member_state_id,
        "role": "delegate",
        "email": email,
        "phone": "+57 1 555 0000",
        "language": "en",
        "needs_visa_letter": "on",
        **overrides,
    }


def register(client, meeting, **overrides):
    return client.post(
        reverse("meetings:register", args=[meeting.slug]),
        form_data(meeting, **overrides),
        follow=True,
    )


def link_in(body, pattern):
    match = re.search(pattern, body)
    assert match, body
    return match.group(0)


def confirm_link(email):
    delivery = EmailDelivery.objects.get(to=email, key__endswith=":confirm")
    return link_in(delivery.body, r"/meetings/registration/[^/\s]+/confirm/")


def manage_link(email, event):
    delivery = EmailDelivery.objects.get(to=email, key__endswith=f":{event}")
    return link_in(delivery.body, r"/meetings/registration/[^/\s]+/(?=\s)")


def registered(meeting, email, **kwargs):
    """A registration made and confirmed through the services, as a visitor would."""
    registration = services.registration_create(
        meeting=meeting,
        registration=RegistrationFactory.build(
            meeting=meeting,
            email=email,
            institution=kwargs.pop("institution", None) or InstitutionFactory(),
            **kwargs,
        ),
    )
    return services.registration_confirm(registration=registration)


# The visitor's way --------------------------------------------------------


def test_a_visitor_registers_confirms_and_holds_a_place(client):
    meeting = MeetingFactory(capacity=10)

    response = register(client, meeting)

    assert response.redirect_chain[-1][0] == reverse(
        "meetings:registration_sent", args=[meeting.slug]
    )
    registration = Registration.objects.get()
    assert registration.status == Status.PENDING_CONFIRMATION
    assert registration.needs_visa_letter
    assert meeting.places_taken() == 0, "not counted until the address is confirmed"

    link = confirm_link("ana@example.org")
    shown = client.get(link)
    assert shown.status_code == 200
    assert "Confirm my registration" in shown.content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.PENDING_CONFIRMATION, "following the link only shows"

    page = client.post(link, follow=True)

    registration.refresh_from_db()
    assert registration.status == Status.SUBMITTED
    assert registration.confirmed_at is not None
    assert meeting.places_taken() == 1
    assert "Submitted" in page.content.decode()
    assert EmailDelivery.objects.filter(key__endswith=":received", to="ana@example.org").exists()


def test_following_the_confirmation_link_twice_changes_nothing(client):
    meeting = MeetingFactory(capacity=10)
    register(client, meeting)
    link = confirm_link("ana@example.org")
    client.post(link)

    response = client.post(link, follow=True)

    assert response.status_code == 200
    assert Registration.objects.get().status == Status.SUBMITTED
    assert moves_logged(Registration.objects.get(), "action") == [("confirm",)]


def test_a_second_registration_with_the_same_email_is_refused_with_a_message(client):
    meeting = MeetingFactory()
    register(client, meeting, email="ana@example.org")

    response = register(client, meeting, email="ANA@example.org")

    assert response.status_code == 200
    assert "registered for this meeting already" in response.content.decode()
    assert Registration.objects.count() == 1


def test_the_same_email_may_register_for_another_meeting(client):
    register(client, MeetingFactory())
    register(client, MeetingFactory())

    assert Registration.objects.count() == 2


def test_the_service_refuses_a_duplicate_even_without_the_form():
    meeting = MeetingFactory()
    registered(meeting, "ana@example.org")

    with pytest.raises(ValidationError, match="registered for this meeting already"):
        registered(meeting, "Ana@Example.org")
    assert Registration.objects.count() == 1


def test_a_registration_after_the_closing_date_is_refused_even_when_posted_directly(client):
    meeting = MeetingFactory(
        registration_opens_at=timezone.now() - datetime.timedelta(days=10),
        registration_closes_at=timezone.now() - datetime.timedelta(minutes=1),
    )

    response = client.post(reverse("meetings:register", args=[meeting.slug]), form_data(meeting))

    assert response.status_code == 403
    assert "Registration closed on" in response.content.decode()
    assert not Registration.objects.exists()
    assert not EmailDelivery.objects.exists()


def test_the_service_itself_refuses_after_the_closing_date():
    meeting = MeetingFactory()
    after = meeting.registration_closes_at + datetime.timedelta(seconds=1)

    with pytest.raises(ValidationError, match="closed"):
        services.registration_create(
            meeting=meeting, registration=RegistrationFactory.build(meeting=meeting), now=after
        )
    assert not Registration.objects.exists()


def test_registration_before_it_opens_is_refused(client):
    meeting = MeetingFactory(
        registration_opens_at=timezone.now() + datetime.timedelta(days=1),
        registration_closes_at=timezone.now() + datetime.timedelta(days=9),
    )

    response = client.post(reverse("meetings:register", args=[meeting.slug]), form_data(meeting))

    assert response.status_code == 403
    assert not Registration.objects.exists()


def test_the_form_needs_an_institution_or_an_organization(client):
    meeting = MeetingFactory()
    data = form_data(meeting)
    data["institution"] = ""

    response = client.post(reverse("meetings:register", args=[meeting.slug]), data)

    assert response.status_code == 200
    assert "type its name under Organization" in response.content.decode()
    assert not Registration.objects.exists()


def test_the_registration_form_names_each_institutions_country_grouped_by_state(client):
    meeting = MeetingFactory()
    for state in ("Colombia", "Peru"):
        InstitutionFactory(
            member_state=MemberStateFactory(name_en=state), name_en="Ministry of Labor"
        )
    OrganizationFactory(name_en="International Labour Organization")

    page = client.get(reverse("meetings:register", args=[meeting.slug])).content.decode()

    colombia = page.index('<optgroup label="Colombia">')
    peru = page.index('<optgroup label="Peru">')
    organizations = page.index('<optgroup label="Regional and international organizations">')
    assert colombia < page.index(">Ministry of Labor (Colombia)</option>") < peru
    assert peru < page.index(">Ministry of Labor (Peru)</option>") < organizations
    assert organizations < page.index(">International Labour Organization</option>")
    assert ">Ministry of Labor</option>" not in page


def test_the_registration_form_takes_the_same_queries_for_3_or_30_institutions(
    client, count_queries
):
    meeting = MeetingFactory()
    url = reverse("meetings:register", args=[meeting.slug])
    InstitutionFactory.create_batch(3)
    few = count_queries(url)
    InstitutionFactory.create_batch(27)

    assert count_queries(url) == few


def test_the_registration_form_marks_and_explains_required_fields(client):
    meeting = MeetingFactory()

    page = client.get(reverse("meetings:register", args=[meeting.slug])).content.decode()

    assert page.count("are required.") == 1
    full_name = re.search(r'<input[^>]*name="full_name"[^>]*>', page).group(0)
    assert " required" in full_name
    assert re.search(r'for="id_full_name"[^>]*>\s*Full name<span class="asteriskField">\*', page)
    phone = re.search(r'<input[^>]*name="phone"[^>]*>', page).group(0)
    assert " required" not in phone


def test_bad_input_is_a_message_not_an_error(client):
    meeting = MeetingFactory()

    response = client.post(
        reverse("meetings:register", args=[meeting.slug]),
        {"email": "not an address", "role": "minister", "institution": "x", "member_state": "9999"},
    )

    assert response.status_code == 200
    assert not Registration.objects.exists()


def test_a_signed_in_person_registering_their_own_address_needs_no_confirmation(client):
    user = UserFactory(email="ana@example.org")
    client.force_login(user)
    meeting = MeetingFactory(capacity=5)

    response = register(client, meeting)

    registration = Registration.objects.get()
    assert registration.status == Status.SUBMITTED
    assert registration.user == user
    assert response.redirect_chain[-1][0].startswith("/meetings/registration/")


def test_a_bad_or_altered_link_is_a_clear_page(client):
    for path in ("/meetings/registration/garbage/", "/meetings/registration/garbage/confirm/"):
        response = client.get(path)
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()


def test_a_confirmation_link_is_not_a_management_link(client):
    meeting = MeetingFactory()
    register(client, meeting)
    token = confirm_link("ana@example.org").split("/")[3]

    response = client.post(f"/meetings/registration/{token}/", {"action": "withdraw"})

    assert response.status_code == 400
    assert Registration.objects.get().status == Status.PENDING_CONFIRMATION


def test_restricted_meetings_take_no_registration_from_outsiders(client):
    meeting = MeetingFactory(visibility="delegates")

    response = client.post(reverse("meetings:register", args=[meeting.slug]), form_data(meeting))

    assert response.status_code == 404
    assert not Registration.objects.exists()


# Waiting list -------------------------------------------------------------


def test_a_full_meeting_puts_people_on_the_waiting_list_in_order(client):
    meeting = MeetingFactory(capacity=1)
    registered(meeting, "first@example.org")

    second = registered(meeting, "second@example.org")
    third = registered(meeting, "third@example.org")

    assert second.status == third.status == Status.WAITLISTED
    assert second.waitlist_position() == 1
    assert third.waitlist_position() == 2
    body = EmailDelivery.objects.get(to="third@example.org", key__endswith=":received").body
    assert "waiting list, in position 2" in body

    page = client.get(manage_link("third@example.org", "received"))
    assert "You are number 2 on the waiting list." in page.content.decode()


def test_cancelling_from_the_email_link_promotes_the_next_person(client):
    meeting = MeetingFactory(capacity=1)
    first = registered(meeting, "first@example.org")
    second = registered(meeting, "second@example.org")

    response = client.post(manage_link("first@example.org", "received"), {"action": "withdraw"})

    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.WITHDRAWN
    assert second.status == Status.SUBMITTED
    assert EmailDelivery.objects.filter(to="second@example.org", key__endswith=":promoted")
    assert EmailDelivery.objects.filter(to="first@example.org", key__endswith=":withdrawn")
    # The old link stopped working: posting to it again changes nothing.
    again = client.post(manage_link("first@example.org", "received"), {"action": "withdraw"})
    assert again.status_code == 410
    assert "This link is no longer valid" in again.content.decode()
    assert moves_logged(first, "action").count(("withdraw",)) == 1
    # The one who cancelled was sent on to the new link, which shows it.
    shown = client.get(response["Location"])
    assert "Withdrawn" in shown.content.decode()


def test_the_whole_visitor_story_end_to_end(client):
    """Register, confirm by email, wait when full, move up when someone cancels."""
    meeting = MeetingFactory(capacity=1)
    registered(meeting, "holder@example.org")

    register(client, meeting, email="ana@example.org")
    client.post(confirm_link("ana@example.org"))
    ana = Registration.objects.get(email="ana@example.org")
    assert ana.status == Status.WAITLISTED

    client.post(manage_link("holder@example.org", "received"), {"action": "withdraw"})

    ana.refresh_from_db()
    assert ana.status == Status.SUBMITTED
    promoted = EmailDelivery.objects.get(to="ana@example.org", key__endswith=":promoted")
    assert "moved up from the waiting list" in promoted.body


def test_a_person_who_withdrew_from_the_waiting_list_is_never_promoted():
    meeting = MeetingFactory(capacity=1)
    holder = registered(meeting, "holder@example.org")
    quitter = registered(meeting, "quitter@example.org")
    patient = registered(meeting, "patient@example.org")
    services.registration_withdraw(registration=quitter)

    services.registration_withdraw(registration=holder)

    quitter.refresh_from_db()
    patient.refresh_from_db()
    assert quitter.status == Status.WITHDRAWN
    assert patient.status == Status.SUBMITTED


def test_an_offer_expires_and_passes_to_the_next_person():
    meeting = MeetingFactory(capacity=1, offer_hours=24)
    holder = registered(meeting, "holder@example.org")
    slow = registered(meeting, "slow@example.org")
    quick = registered(meeting, "quick@example.org")
    services.registration_withdraw(registration=holder)
    slow.refresh_from_db()
    assert slow.status == Status.OFFERED
    assert EmailDelivery.objects.filter(to="slow@example.org", key__endswith=":offered")

    assert services.offers_expire(now=timezone.now() + datetime.timedelta(hours=23)) == 0
    assert services.offers_expire(now=timezone.now() + datetime.timedelta(hours=25)) == 1

    slow.refresh_from_db()
    quick.refresh_from_db()
    assert slow.status == Status.OFFER_EXPIRED
    assert quick.status == Status.OFFERED
    with pytest.raises(ValidationError, match="no offer"):
        services.offer_accept(registration=slow)


def test_an_offer_accepted_in_time_keeps_the_place(client):
    meeting = MeetingFactory(capacity=1, offer_hours=24, approval=Approval.AUTOMATIC)
    holder = registered(meeting, "holder@example.org")
    registered(meeting, "next@example.org")
    services.registration_withdraw(registration=holder)

    response = client.post(manage_link("next@example.org", "offered"), {"action": "accept"})

    assert response.status_code == 302
    assert Registration.objects.get(email="next@example.org").status == Status.APPROVED


def test_an_expired_offer_cannot_be_accepted_even_before_the_beat_runs():
    meeting = MeetingFactory(capacity=1, offer_hours=1)
    holder = registered(meeting, "holder@example.org")
    late = registered(meeting, "late@example.org")
    services.registration_withdraw(registration=holder)

    with pytest.raises(ValidationError, match="expired"):
        services.offer_accept(registration=late, now=timezone.now() + datetime.timedelta(hours=2))


def test_the_quota_per_institution_sends_extra_delegates_to_the_waiting_list():
    meeting = MeetingFactory(capacity=10, quota_per_institution=2)
    ministry = InstitutionFactory()
    first, second, third = (
        registered(meeting, f"d{n}@example.org", institution=ministry) for n in range(3)
    )
    other = registered(meeting, "other@example.org")

    assert [first.status, second.status, third.status] == [
        Status.SUBMITTED,
        Status.SUBMITTED,
        Status.WAITLISTED,
    ]
    assert other.status == Status.SUBMITTED

    services.registration_withdraw(registration=first)

    third.refresh_from_db()
    assert third.status == Status.SUBMITTED


def test_a_freed_place_skips_a_waiting_person_whose_institution_used_its_quota():
    meeting = MeetingFactory(capacity=2, quota_per_institution=1)
    ministry = InstitutionFactory()
    registered(meeting, "a@example.org", institution=ministry)
    other = registered(meeting, "b@example.org")
    blocked = registered(meeting, "c@example.org", institution=ministry)
    eligible = registered(meeting, "d@example.org")
    assert blocked.status == eligible.status == Status.WAITLISTED

    services.registration_withdraw(registration=other)

    blocked.refresh_from_db()
    eligible.refresh_from_db()
    assert blocked.status == Status.WAITLISTED
    assert eligible.status == Status.SUBMITTED
    assert blocked.waitlist_position() == 1


def test_a_delegate_waiting_for_their_institutions_places_is_told_why_and_what_next(client):
    meeting = MeetingFactory(capacity=36, quota_per_institution=1, offer_hours=48)
    colombia = MemberStateFactory(name_en="Colombia")
    ministry = InstitutionFactory(member_state=colombia, name_en="Ministry of Labor")
    registered(meeting, "first@example.org", institution=ministry)

    waiting = registered(meeting, "second@example.org", institution=ministry)

    assert waiting.status == Status.WAITLISTED
    assert waiting.waiting_reason() == WaitReason.INSTITUTION_FULL
    why = (
        "the places of Ministry of Labor (Colombia) at this meeting are all taken "
        "(at most 1 per institution)"
    )
    body = EmailDelivery.objects.get(to="second@example.org", key__endswith=":received").body
    assert why in body
    assert "offered to the people on the waiting list in order" in body
    assert "you then have 48 hours to accept it" in body
    assert f"until the meeting ({meeting.dates_display()})" in body
    page = client.get(manage_link("second@example.org", "received")).content.decode()
    reason = re.search(r'data-testid="waiting-reason">(.*?)</div>', page, re.S).group(1)
    assert why in reason
    assert "you then have 48 hours to accept it" in reason


def test_a_delegate_waiting_for_a_full_meeting_is_told_the_meeting_is_full(client):
    meeting = MeetingFactory(capacity=1, quota_per_institution=3)
    registered(meeting, "first@example.org")

    waiting = registered(meeting, "second@example.org")

    assert waiting.waiting_reason() == WaitReason.MEETING_FULL
    body = EmailDelivery.objects.get(to="second@example.org", key__endswith=":received").body
    assert "Why you wait: the meeting is full." in body
    assert "goes to the people on the waiting list in order" in body
    assert "per institution" not in body
    page = client.get(manage_link("second@example.org", "received")).content.decode()
    assert "Why you wait: the meeting is full." in page


def test_a_registration_holding_a_place_has_no_waiting_reason():
    meeting = MeetingFactory(capacity=1)

    assert registered(meeting, "first@example.org").waiting_reason() is None


def test_the_meeting_page_says_the_limit_and_the_places_left_to_ones_institution(client):
    meeting = MeetingFactory(capacity=40, quota_per_institution=3)
    ministry = InstitutionFactory(
        member_state=MemberStateFactory(name_en="Colombia"), name_en="Ministry of Labor"
    )
    for n in range(2):
        registered(meeting, f"d{n}@example.org", institution=ministry)
    client.force_login(UserFactory(institution=ministry))

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert "38 places left." in page
    assert "Each institution has at most 3 places" in page
    assert "Ministry of Labor (Colombia): 1 place left." in page


def test_the_registration_form_says_the_places_left_to_the_chosen_institution(client):
    meeting = MeetingFactory(capacity=40, quota_per_institution=1)
    ministry = InstitutionFactory(
        member_state=MemberStateFactory(name_en="Colombia"), name_en="Ministry of Labor"
    )
    registered(meeting, "first@example.org", institution=ministry)
    url = reverse("meetings:register", args=[meeting.slug])

    anonymous = client.get(url).content.decode()
    chosen = client.get(url, {"institution": ministry.pk}).content.decode()
    posted = client.post(url, {"institution": ministry.pk}).content.decode()

    assert "Each institution has at most 1 place" in anonymous
    assert 'data-testid="institution-places"' not in anonymous
    full = "Ministry of Labor (Colombia): its places are all taken"
    assert full in chosen
    assert full in posted
    assert f'hx-get="{url}"' in anonymous
    assert client.get(url, {"institution": "not-a-number"}).status_code == 200


def test_raising_the_capacity_lets_the_waiting_list_in():
    meeting = MeetingFactory(capacity=1)
    registered(meeting, "a@example.org")
    waiting = registered(meeting, "b@example.org")
    meeting.capacity = 2
    meeting.save()

    services.meeting_fill_places(meeting=meeting)

    waiting.refresh_from_db()
    assert waiting.status == Status.SUBMITTED


# Approval -----------------------------------------------------------------


def test_automatic_approval_approves_confirmed_registrations_while_places_last():
    meeting = MeetingFactory(capacity=1, approval=Approval.AUTOMATIC)

    first = registered(meeting, "a@example.org")
    second = registered(meeting, "b@example.org")

    assert first.status == Status.APPROVED
    assert second.status == Status.WAITLISTED


def test_endorsement_then_approval_records_who_and_when():
    meeting = MeetingFactory(approval=Approval.ENDORSEMENT)
    ministry = InstitutionFactory()
    focal_point = FocalPointFactory(institution=ministry)
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(*_perms("change_registration", "change_meeting"))
    registration = registered(meeting, "a@example.org", institution=ministry)
    assert registration.status == Status.SUBMITTED
    assert EmailDelivery.objects.filter(to=focal_point.email, key__contains=":endorse")

    with pytest.raises(ValidationError, match="not endorsed"):
        services.registration_approve(registration=registration, by=staff)

    services.registration_endorse(registration=registration, by=focal_point)
    services.registration_approve(registration=registration, by=staff)

    registration.refresh_from_db()
    assert registration.status == Status.APPROVED
    assert moves_logged(registration, "from_state", "to_state", "actor")[-2:] == [
        (Status.SUBMITTED, Status.ENDORSED, focal_point),
        (Status.ENDORSED, Status.APPROVED, staff),
    ]
    assert EmailDelivery.objects.filter(to="a@example.org", key__endswith=":approved")


def test_only_the_delegations_focal_point_endorses_and_only_staff_approve():
    meeting = MeetingFactory(approval=Approval.ENDORSEMENT)
    registration = registered(meeting, "a@example.org")
    stranger = FocalPointFactory()

    with pytest.raises(PermissionDenied):
        services.registration_endorse(registration=registration, by=stranger)
    with pytest.raises(PermissionDenied):
        services.registration_approve(registration=registration, by=stranger)
    assert Registration.objects.get().status == Status.SUBMITTED


def test_declining_a_registration_frees_its_place():
    meeting = MeetingFactory(capacity=1)
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(*_perms("change_registration"))
    holder = registered(meeting, "a@example.org")
    waiting = registered(meeting, "b@example.org")

    services.registration_decline(registration=holder, by=staff, note="Not a labor ministry.")

    holder.refresh_from_db()
    waiting.refresh_from_db()
    assert holder.status == Status.DECLINED
    assert moves_logged(holder, "comment")[-1] == ("Not a labor ministry.",)
    assert waiting.status == Status.SUBMITTED


def _perms(*codenames):
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="meetings", codename__in=codenames)


# The focal point's delegation ---------------------------------------------


def test_a_focal_point_registers_the_delegation_in_one_form(client):
    meeting = MeetingFactory(capacity=10, approval=Approval.ENDORSEMENT)
    focal_point = FocalPointFactory()
    client.force_login(focal_point)
    data = {
        "form-TOTAL_FORMS": "3",
        "form-INITIAL_FORMS": "0",
        "form-0-full_name": "Head Person",
        "form-0-role": "head",
        "form-0-email": "head@example.org",
        "form-0-language": "es",
        "form-1-full_name": "Second Person",
        "form-1-role": "adviser",
        "form-1-email": "second@example.org",
        "form-1-language": "en",
        # What a browser sends for an untouched row: the preselected language.
        "form-2-language": "es",
    }

    response = client.post(
        reverse("meetings:delegation_register", args=[meeting.slug]), data, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("meetings:delegation")
    registrations = Registration.objects.order_by("email")
    assert [r.status for r in registrations] == [Status.ENDORSED, Status.ENDORSED]
    assert {r.institution for r in registrations} == {focal_point.institution}
    assert {r.registered_by for r in registrations} == {focal_point}
    head = EmailDelivery.objects.get(to="head@example.org")
    assert "/meetings/registration/" in head.body


def test_the_delegation_form_refuses_a_duplicate_and_saves_nobody(client):
    meeting = MeetingFactory()
    registered(meeting, "taken@example.org")
    client.force_login(FocalPointFactory())
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "0",
        "form-0-full_name": "New Person",
        "form-0-role": "delegate",
        "form-0-email": "new@example.org",
        "form-0-language": "en",
        "form-1-full_name": "Taken Person",
        "form-1-role": "delegate",
        "form-1-email": "TAKEN@example.org",
        "form-1-language": "en",
    }

    response = client.post(reverse("meetings:delegation_register", args=[meeting.slug]), data)

    assert response.status_code == 200
    assert "registered for this meeting already" in response.content.decode()
    assert Registration.objects.count() == 1


def test_only_focal_points_register_a_delegation(client):
    meeting = MeetingFactory()
    client.force_login(UserFactory())

    assert (
        client.get(reverse("meetings:delegation_register", args=[meeting.slug])).status_code == 403
    )
    assert client.get(reverse("meetings:delegation")).status_code == 403


def test_a_focal_point_sees_only_their_own_institutions_registrations(client):
    meeting = MeetingFactory(approval=Approval.ENDORSEMENT)
    focal_point = FocalPointFactory()
    mine = registered(meeting, "mine@example.org", institution=focal_point.institution)
    theirs = registered(meeting, "theirs@example.org")
    client.force_login(focal_point)

    page = client.get(reverse("meetings:delegation")).content.decode()

    assert "mine@example.org" in page
    assert "theirs@example.org" not in page

    refused = client.post(
        reverse("meetings:delegation_decide", args=[theirs.pk]), {"action": "endorse"}
    )
    assert refused.status_code == 404
    client.post(reverse("meetings:delegation_decide", args=[mine.pk]), {"action": "endorse"})
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.status == Status.ENDORSED
    assert theirs.status == Status.SUBMITTED


def test_a_focal_point_declines_with_a_reason(client):
    meeting = MeetingFactory(approval=Approval.ENDORSEMENT)
    focal_point = FocalPointFactory()
    mine = registered(meeting, "mine@example.org", institution=focal_point.institution)
    client.force_login(focal_point)

    client.post(
        reverse("meetings:delegation_decide", args=[mine.pk]),
        {"action": "decline", "note": "Another colleague will attend."},
    )

    mine.refresh_from_db()
    assert mine.status == Status.DECLINED
    assert moves_logged(mine, "actor")[-1] == (focal_point,)


# Rules --------------------------------------------------------------------


def test_can_endorse_is_the_focal_point_of_the_registrations_institution():
    registration = RegistrationFactory()
    own = FocalPointFactory(institution=registration.institution)
    other = FocalPointFactory()
    inactive = FocalPointFactory(institution=registration.institution, is_active=False)

    assert rules.can_endorse(own, registration)
    assert not rules.can_endorse(other, registration)
    assert not rules.can_endorse(inactive, registration)
    assert not rules.can_endorse(UserFactory(institution=registration.institution), registration)


def test_can_register_delegation_only_for_ones_own_institution():
    focal_point = FocalPointFactory()

    assert rules.can_register_delegation(focal_point, focal_point.institution)
    assert not rules.can_register_delegation(focal_point, InstitutionFactory())
    assert not rules.can_register_delegation(focal_point, None)


def test_can_manage_registrations_needs_the_permission():
    staff = UserFactory(is_staff=True)
    assert not rules.can_manage_registrations(staff)
    staff.user_permissions.add(*_perms("change_registration"))
    staff = type(staff).objects.get(pk=staff.pk)
    assert rules.can_manage_registrations(staff)


# The dashboard and the data export ----------------------------------------


def test_the_dashboard_lists_ones_registrations_and_the_endorsements_waiting(client):
    focal_point = FocalPointFactory(email="fp@example.org")
    meeting = MeetingFactory(approval=Approval.ENDORSEMENT, title_en="Inspection workshop")
    registered(meeting, "colleague@example.org", institution=focal_point.institution)
    RegistrationFactory(meeting=meeting, email="fp@example.org", status=Status.APPROVED)
    client.force_login(focal_point)

    page = client.get(reverse("accounts:dashboard")).content.decode()

    assert "Inspection workshop" in page
    assert "1 registration of your delegation awaits your endorsement." in page
    assert reverse("meetings:delegation") in page


def test_the_data_export_includes_ones_registrations(client):
    user = UserFactory(email="ana@example.org")
    RegistrationFactory(email="ana@example.org", phone="+1 555 0100")
    RegistrationFactory(email="someone.else@example.org")
    client.force_login(user)

    data = client.get(reverse("accounts:personal_data")).json()

    assert [r["phone"] for r in data["meeting_registrations"]] == ["+1 555 0100"]
