"""The newsletter's list: double opt-in, one-click unsubscribe, portal users' own subscription."""

import re

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.models import EmailDelivery
from newsletter import services
from newsletter.models import Subscriber
from tests.factories import TopicFactory, UserFactory

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"|csrfToken[^,;]*')


def subscribe(client, email="reader@example.org", **extra):
    return client.post(
        reverse("newsletter:subscribe"),
        {"email": email, "languages": ["en"], **extra},
        follow=True,
    )


def link_in(body, name):
    path = re.search(rf"/newsletter/{name}/[^/\s]+/", body)
    assert path, body
    return path.group(0)


def active_subscriber(email="reader@example.org", **kwargs):
    return Subscriber.objects.create(email=email, confirmed_at=timezone.now(), **kwargs)


# Subscribing --------------------------------------------------------------


def test_subscribing_creates_an_unconfirmed_subscriber_and_sends_a_confirmation(client):
    topic = TopicFactory()

    response = subscribe(client, topics=[topic.pk])

    assert response.redirect_chain == [(reverse("newsletter:subscribe_sent"), 302)]
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "reader@example.org"
    assert subscriber.confirmed_at is None
    assert subscriber.languages == ["en"]
    assert list(subscriber.topics.all()) == [topic]
    delivery = EmailDelivery.objects.get()
    assert delivery.to == "reader@example.org"
    assert "/newsletter/confirm/" in delivery.body
    assert not Subscriber.objects.active().exists()


def test_the_confirmation_link_confirms(client):
    subscribe(client)
    path = link_in(EmailDelivery.objects.get().body, "confirm")
    shown = client.get(path)
    assert "Confirm my subscription" in shown.content.decode()
    assert Subscriber.objects.get().confirmed_at is None, "following the link only shows"

    response = client.post(path)

    assert response.status_code == 200
    assert "Your subscription is confirmed" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed_at is not None
    assert list(Subscriber.objects.active()) == [subscriber]


def test_a_tampered_confirmation_link_is_refused(client):
    subscribe(client)
    path = link_in(EmailDelivery.objects.get().body, "confirm")
    token = path.rstrip("/").rsplit("/", 1)[-1]

    response = client.get(reverse("newsletter:confirm", args=[token[:-2] + "xx"]))

    assert response.status_code == 400
    assert "not valid or has expired" in response.content.decode()
    assert Subscriber.objects.get().confirmed_at is None


def test_a_confirmation_link_for_another_purpose_is_refused(client):
    subscriber = Subscriber.objects.create(email="reader@example.org")
    token = services.unsubscribe_token(subscriber)

    assert client.get(reverse("newsletter:confirm", args=[token])).status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None


def test_subscribing_twice_in_another_letter_case_keeps_one_subscriber(client):
    subscribe(client, "Reader@Example.org")
    subscribe(client, "READER@example.ORG")

    assert Subscriber.objects.count() == 1


def test_the_page_is_the_same_whether_or_not_the_address_is_subscribed(client):
    fresh = subscribe(client, "new@example.org")
    active_subscriber("known@example.org")
    known = subscribe(client, "KNOWN@example.org")

    assert fresh.status_code == known.status_code == 200
    assert fresh.redirect_chain == known.redirect_chain
    assert CSRF.sub("", fresh.content.decode()) == CSRF.sub("", known.content.decode())


def test_an_active_subscriber_gets_the_already_subscribed_email(client):
    subscriber = active_subscriber()

    subscribe(client, "reader@example.org")

    delivery = EmailDelivery.objects.get()
    assert delivery.to == "reader@example.org"
    assert "/newsletter/confirm/" not in delivery.body
    # The token is signed with the time: compare what it says, not its text.
    token = re.search(r"/newsletter/unsubscribe/([^/]+)/", delivery.body).group(1)
    assert signing.loads(token, salt=services.subscribers.UNSUBSCRIBE_SALT) == subscriber.pk
    assert Subscriber.objects.count() == 1


def test_an_unsubscribed_address_may_subscribe_again(client):
    Subscriber.objects.create(
        email="reader@example.org", confirmed_at=timezone.now(), unsubscribed_at=timezone.now()
    )

    subscribe(client)
    client.post(link_in(EmailDelivery.objects.get().body, "confirm"))

    assert Subscriber.objects.active().count() == 1


def test_an_invalid_address_is_refused(client):
    response = subscribe(client, "not an address")

    assert response.redirect_chain == []
    assert "email" in response.context["form"].errors
    assert not Subscriber.objects.exists()


def test_active_excludes_unconfirmed_and_unsubscribed():
    now = timezone.now()
    active = Subscriber.objects.create(email="a@example.org", confirmed_at=now)
    Subscriber.objects.create(email="b@example.org")
    Subscriber.objects.create(email="c@example.org", confirmed_at=now, unsubscribed_at=now)

    assert list(Subscriber.objects.active()) == [active]


# Unsubscribing ------------------------------------------------------------


def test_get_of_the_unsubscribe_link_asks_and_changes_nothing(client):
    subscriber = active_subscriber()

    response = client.get(services.unsubscribe_url(subscriber))

    assert response.status_code == 200
    html = response.content.decode()
    assert "reader@example.org" in html
    assert '<form method="post">' in html
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is None


def test_one_click_unsubscribe_needs_no_csrf_token():
    subscriber = active_subscriber()
    client = Client(enforce_csrf_checks=True)

    response = client.post(services.unsubscribe_url(subscriber), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert "will not receive the newsletter" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None
    assert not Subscriber.objects.active().exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_invalid_unsubscribe_token_is_refused(client, method):
    subscriber = active_subscriber()

    response = getattr(client, method)(reverse("newsletter:unsubscribe", args=["1:bogus"]))

    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is None


def test_a_confirmation_token_does_not_unsubscribe(client):
    subscriber = active_subscriber()
    token = services.confirmation_token(subscriber)

    response = client.post(reverse("newsletter:unsubscribe", args=[token]))

    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is None


# A portal user's own subscription -----------------------------------------


def test_signed_in_user_manages_their_subscription(client):
    user = UserFactory()
    topic = TopicFactory()
    client.force_login(user)
    url = reverse("newsletter:my_subscription")
    assert client.get(url).status_code == 200

    response = client.post(url, {"subscribed": "on", "languages": ["pt"], "topics": [topic.pk]})

    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.user == user
    assert subscriber.email == user.email
    assert subscriber.is_active
    assert subscriber.languages == ["pt"]
    assert list(subscriber.topics.all()) == [topic]
    assert not EmailDelivery.objects.exists()  # their address is known: no confirmation

    form = client.get(url).context["form"]
    assert form.initial["subscribed"] is True

    assert client.post(url, {"languages": ["pt"]}).status_code == 302

    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None
    assert not Subscriber.objects.active().exists()


def test_signed_in_user_takes_over_the_subscription_of_their_address(client):
    user = UserFactory(email="person@example.org")
    Subscriber.objects.create(email="PERSON@example.org")
    client.force_login(user)

    client.post(reverse("newsletter:my_subscription"), {"subscribed": "on"})

    subscriber = Subscriber.objects.get()
    assert subscriber.user == user
    assert subscriber.is_active


def test_unsubscribing_without_a_subscription_creates_nothing(client):
    client.force_login(UserFactory())

    response = client.post(reverse("newsletter:my_subscription"), {"languages": ["en"]})

    assert response.status_code == 302
    assert not Subscriber.objects.exists()


def test_my_subscription_needs_signing_in(client):
    response = client.get(reverse("newsletter:my_subscription"))

    assert response.status_code == 302
    assert not Subscriber.objects.exists()


def test_profile_links_to_my_subscription(client):
    client.force_login(UserFactory())

    html = client.get(reverse("accounts:profile")).content.decode()

    assert reverse("newsletter:my_subscription") in html


def test_user_whose_address_changed_still_manages_their_subscription(client):
    user = UserFactory(email="old@example.org")
    client.force_login(user)
    url = reverse("newsletter:my_subscription")
    client.post(url, {"subscribed": "on"})
    user.email = "new@example.org"  # staff changed it in the admin
    user.save()

    assert client.get(url).context["form"].initial["subscribed"] is True
    response = client.post(url, {"languages": ["en"]})

    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.unsubscribed_at is not None


def test_subscribing_again_the_same_day_sends_no_second_confirmation(client):
    data = {"email": "flooded@example.org", "languages": ["en"]}
    client.post(reverse("newsletter:subscribe"), data)
    client.post(reverse("newsletter:subscribe"), data)

    assert EmailDelivery.objects.filter(to="flooded@example.org").count() == 1
