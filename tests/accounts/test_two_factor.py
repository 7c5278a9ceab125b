"""Two-factor authentication: staff must set it up to open the admin; focal
points may turn it on and off; recovery codes stand in for a lost phone."""

import re

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from tests.conftest import sign_in_with_second_factor
from tests.factories import PASSWORD, FocalPointFactory, SecretariatStaffFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def code_for(device):
    token = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    return f"{token:06d}"


def continue_link(response):
    """Where the recovery codes page's "Continue" button leads."""
    return re.search(r'<a class="btn btn-primary" href="([^"]*)">', response.content.decode())[1]


def pending_device(user):
    return TOTPDevice.objects.get(user=user, confirmed=False)


def sign_in(client, user):
    return client.post(reverse("login"), {"username": user.email, "password": PASSWORD})


def turn_on(client, user):
    """Open the set-up page and confirm the authenticator; returns the response."""
    client.get(reverse("accounts:two_factor_setup"))
    return client.post(
        reverse("accounts:two_factor_setup"), {"token": code_for(pending_device(user))}
    )


def test_admin_sends_staff_without_a_device_to_the_set_up_page(client):
    staff = SecretariatStaffFactory()
    sign_in(client, staff)

    response = client.get(reverse("admin:index"), follow=True)

    assert response.redirect_chain[-1] == (
        f"{reverse('accounts:two_factor_setup')}?next=%2Fadmin%2F",
        302,
    )
    assert response.status_code == 200
    assert response.templates[0].name == "accounts/two_factor_setup.html"
    assert "Staff accounts need a second factor to open the admin." in response.content.decode()


def test_admin_sends_visitors_to_the_sign_in_page(client):
    response = client.get(reverse("admin:index"), follow=True)

    assert response.redirect_chain[-1] == (f"{reverse('login')}?next=%2Fadmin%2F", 302)


def test_two_factor_setup_shows_an_inline_svg_qr_code(client):
    staff = SecretariatStaffFactory()
    client.force_login(staff)

    response = client.get(reverse("accounts:two_factor_setup"))

    content = response.content.decode()
    assert response.status_code == 200
    assert re.search(r"<svg[^>]*>.*</svg>", content, re.DOTALL)
    assert "<img" not in content.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert two_factor.secret_for_humans(pending_device(staff)) in content


def test_two_factor_setup_keeps_the_same_pending_device_between_visits(client):
    staff = SecretariatStaffFactory()
    client.force_login(staff)

    client.get(reverse("accounts:two_factor_setup"))
    client.get(reverse("accounts:two_factor_setup"))

    assert TOTPDevice.objects.filter(user=staff).count() == 1


def test_two_factor_setup_refuses_a_wrong_code(client):
    staff = SecretariatStaffFactory()
    client.force_login(staff)
    client.get(reverse("accounts:two_factor_setup"))
    right = int(code_for(pending_device(staff)))

    response = client.post(
        reverse("accounts:two_factor_setup"), {"token": f"{(right + 1) % 1_000_000:06d}"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["token"] == [
        "This code is not valid. Try the current one."
    ]
    assert not two_factor.has_confirmed_device(staff)


def test_two_factor_setup_with_a_valid_code_turns_it_on(client):
    staff = SecretariatStaffFactory()
    client.force_login(staff)

    turn_on(client, staff)

    assert TOTPDevice.objects.get(user=staff).confirmed is True
    assert two_factor.has_confirmed_device(staff)


def test_two_factor_setup_shows_ten_recovery_codes(client):
    staff = SecretariatStaffFactory()
    client.force_login(staff)

    response = turn_on(client, staff)

    codes = response.context["codes"]
    assert len(codes) == 10
    assert len(set(codes)) == 10
    content = response.content.decode()
    assert all(f"<li>{code}</li>" in content for code in codes)
    assert sorted(
        StaticToken.objects.filter(device__user=staff).values_list("token", flat=True)
    ) == (sorted(codes))


def test_two_factor_setup_then_opens_the_admin(client):
    staff = SecretariatStaffFactory()
    sign_in(client, staff)
    client.get(reverse("admin:index"), follow=True)

    response = client.post(
        f"{reverse('accounts:two_factor_setup')}?next=%2Fadmin%2F",
        {"token": code_for(pending_device(staff))},
    )

    assert continue_link(response) == "/admin/"
    assert client.get(reverse("admin:index")).status_code == 200


def test_admin_index_opens_for_staff_with_a_verified_second_factor(client):
    sign_in_with_second_factor(client, SecretariatStaffFactory())

    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert "Waiting for you" in response.content.decode()


def test_admin_index_counts_the_programs_to_review(client):
    ProgramFactory(status="submitted")
    ProgramFactory(status="submitted")
    ProgramFactory(status="draft")
    sign_in_with_second_factor(client, SecretariatStaffFactory())

    response = client.get(reverse("admin:index"))

    line = next(
        line for line in response.context["waiting"] if line["label"] == "Programs to review"
    )
    url = reverse("admin:portfolio_program_changelist") + "?status__exact=submitted"
    assert line == {"label": "Programs to review", "count": 2, "url": url}
    assert (
        f'<tr><td><a href="{url}">Programs to review</a></td><td><strong>2</strong></td></tr>'
        in response.content.decode()
    )


def test_admin_index_link_lists_the_programs_to_review(client):
    ProgramFactory(status="submitted", title_en="First to review")
    ProgramFactory(status="submitted", title_en="Second to review")
    ProgramFactory(status="draft", title_en="Still a draft")
    sign_in_with_second_factor(client, SecretariatStaffFactory())

    response = client.get(
        reverse("admin:portfolio_program_changelist") + "?status__exact=submitted"
    )

    assert response.status_code == 200
    assert response.context["cl"].result_count == 2


def test_admin_asks_staff_with_a_device_but_an_unverified_session_for_the_code(client):
    staff = SecretariatStaffFactory()
    TOTPDevice.objects.create(user=staff, name="Phone", confirmed=True)
    client.force_login(staff)

    response = client.get(reverse("admin:index"), follow=True)

    assert response.redirect_chain[-1] == (reverse("accounts:login_verify"), 302)
    assert response.templates[0].name == "accounts/login_verify.html"


def test_admin_opens_after_the_code_in_a_session_opened_without_it(client):
    staff = SecretariatStaffFactory()
    device = TOTPDevice.objects.create(user=staff, name="Phone", confirmed=True)
    client.force_login(staff)
    client.get(reverse("admin:index"), follow=True)

    response = client.post(reverse("accounts:login_verify"), {"token": code_for(device)})

    assert response.url == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_two_factor_focal_point_may_turn_it_on(client):
    person = FocalPointFactory()
    client.force_login(person)

    response = turn_on(client, person)

    assert len(response.context["codes"]) == 10
    assert two_factor.has_confirmed_device(person)
    assert client.get(reverse("accounts:profile")).context["has_two_factor"] is True


def test_two_factor_focal_point_may_turn_it_off(client):
    person = FocalPointFactory()
    client.force_login(person)
    turn_on(client, person)

    response = client.post(reverse("accounts:two_factor_disable"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("accounts:profile")
    assert "Two-factor authentication is off." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=person).exists()
    assert not StaticDevice.objects.filter(user=person).exists()


def test_two_factor_off_signs_in_without_a_code(client):
    person = FocalPointFactory()
    client.force_login(person)
    turn_on(client, person)
    client.post(reverse("accounts:two_factor_disable"))
    client.post(reverse("logout"))

    response = sign_in(client, person)

    assert response.url == reverse("accounts:dashboard")


def test_two_factor_status_page_offers_to_turn_it_off_to_a_focal_point(client):
    person = FocalPointFactory()
    client.force_login(person)
    turn_on(client, person)

    response = client.get(reverse("accounts:two_factor_setup"))

    assert response.templates[0].name == "accounts/two_factor_status.html"
    assert reverse("accounts:two_factor_disable") in response.content.decode()


def test_two_factor_status_page_does_not_offer_staff_to_turn_it_off(client):
    sign_in_with_second_factor(client, SecretariatStaffFactory())

    response = client.get(reverse("accounts:two_factor_setup"))

    assert response.templates[0].name == "accounts/two_factor_status.html"
    assert reverse("accounts:two_factor_disable") not in response.content.decode()


def test_two_factor_staff_cannot_turn_it_off(client):
    staff = SecretariatStaffFactory()
    sign_in_with_second_factor(client, staff)

    response = client.post(reverse("accounts:two_factor_disable"), follow=True)

    assert "Staff accounts must keep two-factor authentication." in response.content.decode()
    assert TOTPDevice.objects.filter(user=staff, confirmed=True).count() == 1
    assert client.get(reverse("admin:index")).status_code == 200


def test_two_factor_disable_is_post_only(client):
    person = FocalPointFactory()
    client.force_login(person)
    turn_on(client, person)

    response = client.get(reverse("accounts:two_factor_disable"))

    assert response.status_code == 405
    assert two_factor.has_confirmed_device(person)


def test_two_factor_disable_needs_a_verified_session(client):
    person = FocalPointFactory()
    TOTPDevice.objects.create(user=person, name="Phone", confirmed=True)
    # A session opened before the second factor was turned on elsewhere.
    client.force_login(person)

    response = client.post(reverse("accounts:two_factor_disable"))

    assert response.url == reverse("accounts:two_factor_setup")
    assert two_factor.has_confirmed_device(person)


def test_recovery_codes_renewed_replace_the_old_ones(client):
    person = FocalPointFactory()
    client.force_login(person)
    old = turn_on(client, person).context["codes"]

    new = client.post(reverse("accounts:recovery_codes_renew")).context["codes"]

    assert len(new) == 10
    assert not set(old) & set(new)
    assert sorted(
        StaticToken.objects.filter(device__user=person).values_list("token", flat=True)
    ) == (sorted(new))


def test_recovery_codes_old_ones_no_longer_sign_in(client):
    person = FocalPointFactory()
    client.force_login(person)
    old = turn_on(client, person).context["codes"]
    client.post(reverse("accounts:recovery_codes_renew"))
    client.post(reverse("logout"))
    sign_in(client, person)

    response = client.post(reverse("accounts:login_verify"), {"token": old[0]})

    assert response.status_code == 200
    assert client.session.get("_auth_user_id") is None


def test_recovery_codes_new_ones_sign_in(client):
    person = FocalPointFactory()
    client.force_login(person)
    turn_on(client, person)
    new = client.post(reverse("accounts:recovery_codes_renew")).context["codes"]
    client.post(reverse("logout"))
    sign_in(client, person)

    response = client.post(reverse("accounts:login_verify"), {"token": new[0]})

    assert response.url == reverse("accounts:dashboard")


def test_recovery_codes_renew_needs_a_verified_session(client):
    person = FocalPointFactory()
    TOTPDevice.objects.create(user=person, name="Phone", confirmed=True)
    client.force_login(person)

    response = client.post(reverse("accounts:recovery_codes_renew"))

    assert response.status_code == 302
    assert response.url == reverse("accounts:two_factor_setup")
    assert not StaticToken.objects.filter(device__user=person).exists()


def test_recovery_codes_continue_link_goes_to_the_dashboard_without_a_next(client):
    person = FocalPointFactory()
    client.force_login(person)

    response = turn_on(client, person)

    assert continue_link(response) == reverse("accounts:dashboard")


def test_recovery_codes_continue_link_ignores_a_next_on_another_site(client):
    person = FocalPointFactory()
    client.force_login(person)
    client.get(reverse("accounts:two_factor_setup"))

    response = client.post(
        f"{reverse('accounts:two_factor_setup')}?next=https://evil.example/",
        {"token": code_for(pending_device(person))},
    )

    assert continue_link(response) == reverse("accounts:dashboard")


def test_admin_login_page_sends_verified_staff_on_to_the_admin(client):
    sign_in_with_second_factor(client, SecretariatStaffFactory())

    response = client.get(reverse("admin:login") + "?next=/admin/", follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1] == ("/admin/", 302)
    assert "Waiting for you" in response.content.decode()
