"""The registrant's links: bound to the registration's nonce, ended by a new
link or a withdrawal, valid until some time after the meeting, and renewed
by email from a form that tells nobody whether an address is registered."""

import datetime
import re

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from core.models import EmailDelivery
from meetings import links, services
from meetings.enums import RegistrationStatus
from meetings.models import Registration
from tests.factories import InstitutionFactory
from tests.meetings.factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

Status = RegistrationStatus
LINK_REQUEST = "/meetings/registration/new-link/"


def registered(meeting, email="ana@example.org", *, confirm=True):
    registration = services.registration_create(
        meeting=meeting,
        registration=RegistrationFactory.build(
            meeting=meeting, email=email, institution=InstitutionFactory()
        ),
    )
    if confirm:
        registration = services.registration_confirm(registration=registration)
    return registration


def new_link_email(registration):
    return EmailDelivery.objects.get(
        key__startswith=f"meetings:registration:{registration.pk}:new-link:"
    )


def path_in(body, pattern=r"/meetings/registration/[^/\s]+/(confirm/)?(?=\s)"):
    match = re.search(pattern, body)
    assert match, body
    return match.group(0)


def assert_no_longer_valid(response):
    page = response.content.decode()
    assert response.status_code == 410
    assert "This link is no longer valid" in page
    assert "ask for a new one" in page
    assert f'action="{LINK_REQUEST}"' in page, "the form to ask for a new link"


def test_a_withdrawn_registrations_old_link_shows_the_no_longer_valid_page(client):
    registration = registered(MeetingFactory())
    old = reverse("meetings:registration_manage", args=[links.manage_token(registration)])

    services.registration_withdraw(registration=registration)

    assert_no_longer_valid(client.get(old))
    assert_no_longer_valid(client.post(old, {"action": "withdraw"}))
    letter = reverse("meetings:participation_letter", args=[links.manage_token(registration)])
    assert_no_longer_valid(client.get(letter))


def test_asking_for_a_new_link_ends_the_old_one_and_emails_one_that_works(client):
    registration = registered(MeetingFactory())
    old = reverse("meetings:registration_manage", args=[links.manage_token(registration)])

    response = client.post(LINK_REQUEST, {"email": "ANA@example.org"}, follow=True)

    assert "a new link is on its way" in response.content.decode()
    assert_no_longer_valid(client.get(old))
    email = new_link_email(registration)
    assert email.to == "ana@example.org"
    fresh = client.get(path_in(email.body))
    assert fresh.status_code == 200
    assert "Your registration" in fresh.content.decode()


def test_an_unconfirmed_registration_gets_a_new_confirmation_link(client):
    registration = registered(MeetingFactory(), confirm=False)

    client.post(LINK_REQUEST, {"email": "ana@example.org"})

    path = path_in(new_link_email(registration).body)
    assert path.endswith("/confirm/")
    client.post(path)
    registration.refresh_from_db()
    assert registration.status == Status.SUBMITTED


def test_the_answer_is_the_same_whether_or_not_the_address_is_registered(client):
    registered(MeetingFactory())

    known = client.post(LINK_REQUEST, {"email": "ana@example.org"}, follow=True)
    unknown = client.post(LINK_REQUEST, {"email": "nobody@example.org"}, follow=True)

    def message(response):
        return [str(m) for m in response.context["messages"]]

    assert message(known) == message(unknown)
    assert known.redirect_chain == unknown.redirect_chain
    assert not EmailDelivery.objects.filter(to="nobody@example.org").exists()


def test_a_second_request_the_same_day_sends_nothing_and_keeps_the_link_sent(client):
    registration = registered(MeetingFactory())
    client.post(LINK_REQUEST, {"email": "ana@example.org"})
    sent = path_in(new_link_email(registration).body)
    nonce = Registration.objects.get().link_nonce

    client.post(LINK_REQUEST, {"email": "ana@example.org"})

    assert Registration.objects.get().link_nonce == nonce
    assert client.get(sent).status_code == 200
    assert EmailDelivery.objects.filter(key__contains=":new-link:").count() == 1


def test_the_next_day_a_new_request_sends_a_new_link():
    registration = registered(MeetingFactory())
    now = timezone.now()
    services.registration_links_send(email="ana@example.org", now=now)

    sent = services.registration_links_send(
        email="ana@example.org", now=now + datetime.timedelta(days=1)
    )

    assert sent == 1
    assert EmailDelivery.objects.filter(key__contains=f":{registration.pk}:new-link:").count() == 2


def test_a_bad_address_is_a_message_and_changes_nothing(client):
    registration = registered(MeetingFactory())

    response = client.post(LINK_REQUEST, {"email": "not an address"})

    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert Registration.objects.get().link_nonce == registration.link_nonce


def test_a_link_works_until_30_days_after_the_meeting():
    meeting = MeetingFactory()
    registration = registered(meeting)
    token = links.manage_token(registration)
    last_day = datetime.datetime.combine(meeting.last_day, datetime.time(12), tzinfo=datetime.UTC)

    assert links.registration_from_token(
        token, purpose="manage", now=last_day + datetime.timedelta(days=30)
    )
    with pytest.raises(links.RegistrationLinkInvalid) as error:
        links.registration_from_token(
            token, purpose="manage", now=last_day + datetime.timedelta(days=31)
        )
    assert error.value.reason == "expired"


def test_no_new_link_is_sent_for_a_meeting_long_past():
    today = timezone.localdate()
    meeting = MeetingFactory()
    registered(meeting)
    meeting.start_date = meeting.end_date = today - datetime.timedelta(days=31)
    meeting.save(update_fields=["start_date", "end_date"])

    assert services.registration_links_send(email="ana@example.org") == 0


def test_a_link_signed_before_links_had_a_nonce_no_longer_works(client):
    registration = registered(MeetingFactory())
    old = signing.dumps(registration.pk, salt=links.MANAGE_SALT)

    assert_no_longer_valid(client.get(reverse("meetings:registration_manage", args=[old])))


def test_an_altered_link_says_it_does_not_work_and_offers_the_form(client):
    response = client.get("/meetings/registration/garbage/")

    assert response.status_code == 400
    page = response.content.decode()
    assert "This link does not work" in page
    assert f'action="{LINK_REQUEST}"' in page


def test_the_links_pages_take_a_fixed_number_of_queries(count_queries):
    """The confirmation page, the registration's page and the form asking
    for a new link read the registration with its meeting in one query."""
    meeting = MeetingFactory()
    pending = registered(meeting, "pending@example.org", confirm=False)
    confirmed = registered(meeting)
    confirm = reverse("meetings:registration_confirm", args=[links.confirmation_token(pending)])
    manage = reverse("meetings:registration_manage", args=[links.manage_token(confirmed)])

    assert count_queries(confirm) == 1
    assert count_queries(manage) == 1
    assert count_queries(LINK_REQUEST) == 0


def test_the_registration_form_offers_a_new_link_to_who_registered_already(client):
    meeting = MeetingFactory()

    page = client.get(reverse("meetings:register", args=[meeting.slug])).content.decode()

    assert f'href="{LINK_REQUEST}"' in page
