"""Sign-in with email and password, a second factor for those who have one,
throttling, password reset and sign-out."""

import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from core.models import EmailDelivery
from tests.factories import PASSWORD, FocalPointFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-Strong-passphrase-2026"


def sign_in(client, email, password=PASSWORD, **extra):
    return client.post(reverse("login"), {"username": email, "password": password, **extra})


def current_code(device):
    return TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()


def code_text(code):
    return f"{code:0{6}d}"


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


@pytest.fixture
def person():
    return FocalPointFactory(email="maria.lopez@example.org")


@pytest.fixture
def person_with_device(person):
    return person, TOTPDevice.objects.create(user=person, name="Phone", confirmed=True)


def test_login_with_email_and_password_lands_on_the_dashboard(client, person):
    response = sign_in(client, "maria.lopez@example.org")

    assert response.status_code == 302
    assert response.url == reverse("accounts:dashboard")
    assert signed_in_user_id(client) == str(person.pk)
    assert client.get(response.url).status_code == 200


def test_login_email_is_not_case_sensitive(client, person):
    response = sign_in(client, "Maria.LOPEZ@Example.org")

    assert response.url == reverse("accounts:dashboard")
    assert signed_in_user_id(client) == str(person.pk)


def test_login_follows_a_safe_next(client, person):
    response = sign_in(client, person.email, next=reverse("accounts:profile"))

    assert response.url == reverse("accounts:profile")


def test_login_ignores_a_next_on_another_site(client, person):
    response = sign_in(client, person.email, next="https://evil.example/")

    assert response.url == reverse("accounts:dashboard")


def test_login_with_a_wrong_password_is_refused(client, person):
    response = sign_in(client, person.email, password="not-the-password-1")

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert signed_in_user_id(client) is None


def test_login_of_an_inactive_account_is_refused(client, person):
    person.is_active = False
    person.save()

    response = sign_in(client, person.email)

    assert response.status_code == 200
    assert signed_in_user_id(client) is None


def test_login_without_remember_me_ends_with_the_browser(client, person):
    sign_in(client, person.email)

    assert client.session.get_expire_at_browser_close() is True
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def test_login_with_remember_me_keeps_the_session(client, person):
    sign_in(client, person.email, remember_me="on")

    session = client.session
    assert session.get_expire_at_browser_close() is False
    assert session.get_expiry_age() == settings.REMEMBER_ME_SECONDS
    expected = timezone.now() + datetime.timedelta(seconds=settings.REMEMBER_ME_SECONDS)
    assert abs(session.get_expiry_date() - expected) < datetime.timedelta(seconds=60)


def test_login_with_a_device_asks_for_the_code(client, person_with_device):
    person, _device = person_with_device

    response = sign_in(client, person.email)

    assert response.status_code == 302
    assert response.url == reverse("accounts:login_verify")
    assert signed_in_user_id(client) is None
    assert client.get(reverse("accounts:dashboard")).status_code == 302


def test_login_verify_page_shows_the_code_form(client, person_with_device):
    sign_in(client, person_with_device[0].email)

    response = client.get(reverse("accounts:login_verify"))

    assert response.status_code == 200
    assert list(response.context["form"].fields) == ["token"]


def test_login_verify_without_a_password_first_goes_to_sign_in(client):
    response = client.get(reverse("accounts:login_verify"))

    assert response.status_code == 302
    assert response.url == reverse("login")


def test_login_verify_refuses_a_wrong_code(client, person_with_device):
    person, device = person_with_device
    sign_in(client, person.email)
    wrong = code_text((current_code(device) + 1) % 1_000_000)

    response = client.post(reverse("accounts:login_verify"), {"token": wrong})

    assert response.status_code == 200
    assert response.context["form"].errors["token"] == [
        "This code is not valid. Try the current one."
    ]
    assert signed_in_user_id(client) is None


def test_login_verify_with_the_right_code_signs_in_verified(client, person_with_device):
    person, device = person_with_device
    sign_in(client, person.email)

    response = client.post(
        reverse("accounts:login_verify"), {"token": code_text(current_code(device))}
    )

    assert response.status_code == 302
    assert response.url == reverse("accounts:dashboard")
    assert signed_in_user_id(client) == str(person.pk)
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get(response.url).wsgi_request.user.is_verified() is True


def test_login_verify_keeps_remember_me(client, person_with_device):
    person, device = person_with_device
    sign_in(client, person.email, remember_me="on")

    client.post(reverse("accounts:login_verify"), {"token": code_text(current_code(device))})

    assert client.session.get_expire_at_browser_close() is False
    assert client.session.get_expiry_age() == settings.REMEMBER_ME_SECONDS


def test_login_verify_follows_the_next_given_at_sign_in(client, person_with_device):
    person, device = person_with_device
    sign_in(client, person.email, next=reverse("accounts:profile"))

    response = client.post(
        reverse("accounts:login_verify"), {"token": code_text(current_code(device))}
    )

    assert response.url == reverse("accounts:profile")


def test_login_verify_accepts_a_recovery_code_once_only(client, person):
    codes = two_factor.confirm(two_factor.pending_totp_device(person))
    sign_in(client, person.email)

    first = client.post(reverse("accounts:login_verify"), {"token": codes[0]})
    assert first.url == reverse("accounts:dashboard")
    assert client.get(first.url).wsgi_request.user.is_verified() is True
    client.post(reverse("logout"))
    sign_in(client, person.email)
    second = client.post(reverse("accounts:login_verify"), {"token": codes[0]})

    assert second.status_code == 200
    assert signed_in_user_id(client) is None


def test_login_verify_accepts_another_recovery_code_after_one_was_used(client, person):
    codes = two_factor.confirm(two_factor.pending_totp_device(person))
    sign_in(client, person.email)
    client.post(reverse("accounts:login_verify"), {"token": codes[0]})
    client.post(reverse("logout"))
    sign_in(client, person.email)

    response = client.post(reverse("accounts:login_verify"), {"token": codes[1]})

    assert response.url == reverse("accounts:dashboard")
    assert signed_in_user_id(client) == str(person.pk)


def test_login_is_locked_after_too_many_wrong_passwords(client, person):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, person.email, password="not-the-password-1")

    response = sign_in(client, person.email)

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert signed_in_user_id(client) is None


def test_login_lock_holds_whatever_the_case_of_the_email(client, person):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        email = person.email.upper() if attempt % 2 else person.email.title()
        sign_in(client, email, password="not-the-password-1")

    response = sign_in(client, person.email)

    assert response.status_code == 429
    assert signed_in_user_id(client) is None


def test_login_with_fewer_wrong_passwords_than_the_limit_still_works(client, person):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, person.email, password="not-the-password-1")

    response = sign_in(client, person.email)

    assert response.url == reverse("accounts:dashboard")


def test_login_lock_of_one_account_leaves_others_alone(client, person):
    other = UserFactory()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, person.email, password="not-the-password-1")

    response = sign_in(client, other.email)

    assert response.url == reverse("accounts:dashboard")


RESET_LINK = re.compile(r"https?://[^/\s]+(/accounts/password/reset/[^/\s]+/[^/\s]+/)")


def without_csrf_token(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def ask_reset(client, email):
    return client.post(reverse("password_reset"), {"email": email}, follow=True)


def test_password_reset_page_is_the_same_for_unknown_and_known_addresses(client, person):
    unknown = ask_reset(client, "nobody@example.org")
    known = ask_reset(client, person.email)

    assert unknown.redirect_chain == known.redirect_chain == [(reverse("password_reset_done"), 302)]
    # Only the CSRF token differs (Django masks it anew for every page).
    assert without_csrf_token(unknown) == without_csrf_token(known)


def test_password_reset_for_an_unknown_address_sends_nothing(client, person):
    ask_reset(client, "nobody@example.org")

    assert not EmailDelivery.objects.exists()


def test_password_reset_for_a_known_address_sends_one_email(client, person):
    ask_reset(client, "Maria.Lopez@example.org")

    delivery = EmailDelivery.objects.get()
    assert delivery.to == person.email
    assert delivery.subject == "Choose a new password for the RIAL portal"
    assert RESET_LINK.search(delivery.body)


def test_password_reset_for_an_inactive_account_sends_nothing(client, person):
    person.is_active = False
    person.save()

    ask_reset(client, person.email)

    assert not EmailDelivery.objects.exists()


def test_password_reset_link_lets_the_person_choose_a_new_password(client, person):
    ask_reset(client, person.email)
    path = RESET_LINK.search(EmailDelivery.objects.get().body).group(1)

    form = client.get(path, follow=True)
    response = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("password_reset_complete")
    assert "Your password is set." in response.content.decode()
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert sign_in(client, person.email, password=NEW_PASSWORD).url == reverse("accounts:dashboard")


def test_password_reset_link_works_once(client, person):
    ask_reset(client, person.email)
    path = RESET_LINK.search(EmailDelivery.objects.get().body).group(1)
    form = client.get(path, follow=True)
    client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    again = client.get(path, follow=True)

    assert "This link is no longer valid" in again.content.decode()


def test_password_reset_link_refuses_a_weak_password(client, person):
    ask_reset(client, person.email)
    path = RESET_LINK.search(EmailDelivery.objects.get().body).group(1)
    form = client.get(path, follow=True)

    response = client.post(
        form.redirect_chain[-1][0], {"new_password1": "123", "new_password2": "123"}
    )

    assert response.status_code == 200
    person.refresh_from_db()
    assert person.check_password(PASSWORD)


def test_logout_by_get_is_not_allowed(client, person):
    sign_in(client, person.email)

    response = client.get(reverse("logout"))

    assert response.status_code == 405
    assert signed_in_user_id(client) == str(person.pk)


def test_logout_by_post_signs_out(client, person):
    sign_in(client, person.email)

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert response.url == reverse("home")
    assert signed_in_user_id(client) is None


def test_login_page_redirects_who_is_signed_in(client, person):
    sign_in(client, person.email)

    response = client.get(reverse("login"))

    assert response.status_code == 302
    assert response.url == reverse("accounts:dashboard")


def test_password_reset_lifts_the_lock_as_the_lockout_page_promises(client, person):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, person.email, password="not-the-password-1")
    locked = sign_in(client, person.email)
    assert reverse("password_reset") in locked.content.decode()
    ask_reset(client, person.email)
    path = RESET_LINK.search(EmailDelivery.objects.get().body).group(1)
    form = client.get(path, follow=True)
    client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    response = sign_in(client, person.email, password=NEW_PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("accounts:dashboard")


def test_password_reset_leaves_the_lock_of_wrong_passwords_typed_after_it(client, person):
    ask_reset(client, person.email)
    path = RESET_LINK.search(EmailDelivery.objects.get().body).group(1)
    form = client.get(path, follow=True)
    client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, person.email, password="not-the-password-1")

    assert sign_in(client, person.email, password=NEW_PASSWORD).status_code == 429


def test_password_change_keeps_the_person_signed_in(client, person):
    sign_in(client, person.email)

    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("password_change_done")
    assert "Your password was changed." in response.content.decode()
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert client.get(reverse("accounts:dashboard")).status_code == 200


def test_password_change_needs_the_old_password(client, person):
    sign_in(client, person.email)

    response = client.post(
        reverse("password_change"),
        {
            "old_password": "wrong-old-password",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 200
    assert "old_password" in response.context["form"].errors
    person.refresh_from_db()
    assert person.check_password(PASSWORD)
