"""Staff invite focal points; the emailed link opens the account, once."""

import datetime
import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts import services
from accounts.models import Invitation
from core.models import EmailDelivery
from network.models import User
from tests.conftest import sign_in_with_second_factor
from tests.factories import (
    PASSWORD,
    FocalPointFactory,
    InstitutionFactory,
    SecretariatStaffFactory,
)

pytestmark = pytest.mark.django_db


def deactivate(user):
    """Deactivate ``user`` as staff do: the admin's action on the list of users."""
    staff = sign_in_with_second_factor(Client(), SecretariatStaffFactory())
    staff.post(
        reverse("admin:network_user_changelist"),
        {"action": "deactivate", "_selected_action": [user.pk]},
    )
    user.refresh_from_db()
    assert user.is_active is False


NEW_PASSWORD = "a-Strong-passphrase-2026"
LINK = re.compile(r"/accounts/invitation/[^/\s]+/")


@pytest.fixture
def invitee():
    """The invited person's browser, apart from the staff member's."""
    return Client()


def link_in(delivery):
    return LINK.search(delivery.body).group(0)


def invitation_delivery(invitation):
    return EmailDelivery.objects.get(key=f"invitation:{invitation.pk}:{invitation.nonce}")


def invite(by=None, **fields):
    fields = {
        "email": "ana.perez@trabajo.example",
        "full_name": "Ana Pérez",
        "job_title": "Director",
        "institution": InstitutionFactory(),
        **fields,
    }
    return services.invitation_create(by=by or SecretariatStaffFactory(), **fields)


def accept(client, path, password=NEW_PASSWORD):
    return client.post(path, {"new_password1": password, "new_password2": password})


def admin_form(institution, **overrides):
    return {
        "email": "ana.perez@trabajo.example",
        "full_name": "Ana Pérez",
        "job_title": "Director",
        "institution": str(institution.pk),
        "is_focal_point": "on",
        "language": "es",
        "_save": "Save",
        **overrides,
    }


def test_invitation_admin_add_creates_the_invitation(staff_client):
    institution = InstitutionFactory()

    response = staff_client.post(reverse("admin:accounts_invitation_add"), admin_form(institution))

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.institution, invitation.is_focal_point) == (
        "ana.perez@trabajo.example",
        institution,
        True,
    )
    assert invitation.sent_at is not None
    assert invitation.invited_by_id == int(staff_client.session["_auth_user_id"])


def test_invitation_admin_add_emails_the_accept_link(staff_client):
    staff_client.post(reverse("admin:accounts_invitation_add"), admin_form(InstitutionFactory()))

    invitation = Invitation.objects.get()
    delivery = invitation_delivery(invitation)
    path = reverse("accounts:invitation_accept", args=[services.invitation_token(invitation)])
    assert delivery.to == "ana.perez@trabajo.example"
    assert f"{settings.SITE_URL}{path}" in delivery.body


def test_invitation_admin_add_normalizes_the_email(staff_client):
    staff_client.post(
        reverse("admin:accounts_invitation_add"),
        admin_form(InstitutionFactory(), email="Ana.Perez@Trabajo.Example"),
    )

    assert Invitation.objects.get().email == "ana.perez@trabajo.example"


def test_invitation_admin_add_refuses_an_email_with_a_pending_invitation(staff_client):
    invite()

    response = staff_client.post(
        reverse("admin:accounts_invitation_add"), admin_form(InstitutionFactory())
    )

    assert response.status_code == 200
    assert "This person already has a pending invitation." in response.content.decode()
    assert Invitation.objects.count() == 1


def test_invitation_admin_add_refuses_a_pending_email_in_another_case(staff_client):
    invite()

    response = staff_client.post(
        reverse("admin:accounts_invitation_add"),
        admin_form(InstitutionFactory(), email="ANA.PEREZ@trabajo.example"),
    )

    assert response.status_code == 200
    assert "This person already has a pending invitation." in response.content.decode()
    assert Invitation.objects.count() == 1


def test_invitation_admin_add_accepts_an_email_whose_invitation_was_revoked(staff_client):
    staff = SecretariatStaffFactory()
    services.invitation_revoke(invitation=invite(by=staff), by=staff)

    response = staff_client.post(
        reverse("admin:accounts_invitation_add"), admin_form(InstitutionFactory())
    )

    assert response.status_code == 302
    assert Invitation.objects.pending().count() == 1


def test_invitation_admin_is_forbidden_to_a_focal_point(client):
    client.force_login(FocalPointFactory())

    response = client.get(reverse("admin:accounts_invitation_add"), follow=True)

    assert response.status_code == 403
    assert Invitation._meta.verbose_name.title() not in response.content.decode()


def test_invitation_admin_index_is_forbidden_to_a_focal_point(client):
    client.force_login(FocalPointFactory())

    response = client.get(reverse("admin:index"), follow=True)

    assert response.status_code == 403


def test_invitation_admin_add_is_refused_to_a_focal_point_posting(client):
    client.force_login(FocalPointFactory())

    client.post(reverse("admin:accounts_invitation_add"), admin_form(InstitutionFactory()))

    assert not Invitation.objects.exists()


def test_invitation_link_shows_the_password_form(client):
    invitation = invite()

    response = client.get(link_in(invitation_delivery(invitation)))

    assert response.status_code == 200
    assert list(response.context["form"].fields) == ["new_password1", "new_password2"]
    assert 'name="new_password1"' in response.content.decode()


def test_invitation_accept_creates_the_focal_point_account(client):
    institution = InstitutionFactory()
    invitation = invite(institution=institution)

    accept(client, link_in(invitation_delivery(invitation)))

    user = User.objects.get(email="ana.perez@trabajo.example")
    assert (user.institution, user.is_focal_point, user.full_name, user.job_title) == (
        institution,
        True,
        "Ana Pérez",
        "Director",
    )
    assert user.check_password(NEW_PASSWORD)
    invitation.refresh_from_db()
    assert invitation.user == user
    assert invitation.accepted_at is not None


def test_invitation_accept_signs_in_and_redirects_to_the_dashboard(client):
    invitation = invite()

    response = accept(client, link_in(invitation_delivery(invitation)))

    assert response.status_code == 302
    assert response.url == reverse("accounts:dashboard")
    dashboard = client.get(reverse("accounts:dashboard"))
    assert dashboard.status_code == 200
    assert dashboard.wsgi_request.user.email == "ana.perez@trabajo.example"


def test_invitation_link_used_twice_is_gone(client):
    invitation = invite()
    path = link_in(invitation_delivery(invitation))
    accept(client, path)
    client.post(reverse("logout"))

    response = client.get(path)

    assert response.status_code == 410
    assert "This invitation was used already" in response.content.decode()


def test_invitation_link_used_twice_does_not_change_the_password(client):
    invitation = invite()
    path = link_in(invitation_delivery(invitation))
    accept(client, path)
    client.post(reverse("logout"))

    accept(client, path, password="another-Strong-passphrase-2027")

    assert User.objects.get(email=invitation.email).check_password(NEW_PASSWORD)


def test_invitation_resent_makes_the_old_link_invalid(staff_client, invitee):
    invitation = invite()
    old_path = link_in(invitation_delivery(invitation))

    staff_client.post(
        reverse("admin:accounts_invitation_changelist"),
        {"action": "resend", "_selected_action": [invitation.pk]},
    )

    response = invitee.get(old_path)
    assert response.status_code == 404
    assert "This link is not valid" in response.content.decode()


def test_invitation_resent_sends_a_new_link_that_works(staff_client, invitee):
    invitation = invite()
    old_path = link_in(invitation_delivery(invitation))

    staff_client.post(
        reverse("admin:accounts_invitation_changelist"),
        {"action": "resend", "_selected_action": [invitation.pk]},
    )

    invitation.refresh_from_db()
    new_path = link_in(invitation_delivery(invitation))
    assert new_path != old_path
    assert EmailDelivery.objects.filter(to=invitation.email).count() == 2
    assert invitee.get(new_path).status_code == 200
    assert accept(invitee, new_path).url == reverse("accounts:dashboard")


def test_invitation_resend_of_an_accepted_one_is_refused_with_a_message(staff_client, invitee):
    invitation = invite()
    accept(invitee, link_in(invitation_delivery(invitation)))

    response = staff_client.post(
        reverse("admin:accounts_invitation_changelist"),
        {"action": "resend", "_selected_action": [invitation.pk]},
        follow=True,
    )

    assert "This invitation is closed: create a new one." in response.content.decode()
    assert EmailDelivery.objects.filter(to=invitation.email).count() == 1


def test_invitation_revoked_link_is_gone_with_the_withdrawn_message(staff_client, invitee):
    invitation = invite()
    staff_client.post(
        reverse("admin:accounts_invitation_changelist"),
        {"action": "revoke", "_selected_action": [invitation.pk]},
    )

    response = invitee.get(link_in(invitation_delivery(invitation)))

    assert response.status_code == 410
    assert "This invitation was withdrawn by the Technical Secretariat." in (
        response.content.decode()
    )


def test_invitation_revoked_link_creates_no_account_when_posted(client):
    invitation = invite()
    services.invitation_revoke(invitation=invitation, by=invitation.invited_by)

    response = accept(client, link_in(invitation_delivery(invitation)))

    assert response.status_code == 410
    assert not User.objects.filter(email=invitation.email).exists()


def expire(invitation):
    Invitation.objects.filter(pk=invitation.pk).update(
        sent_at=invitation.sent_at - datetime.timedelta(days=settings.INVITATION_VALID_DAYS + 1)
    )


def test_invitation_expired_link_is_gone_and_offers_a_new_one(client):
    invitation = invite()
    expire(invitation)

    response = client.get(link_in(invitation_delivery(invitation)))

    assert response.status_code == 410
    content = response.content.decode()
    assert "This invitation has expired." in content
    assert "Ask the Technical Secretariat for a new link" in content


def test_invitation_expired_link_asks_every_secretariat_member_for_a_new_one(client):
    staff = [SecretariatStaffFactory(), SecretariatStaffFactory()]
    invitation = invite(by=staff[0])
    expire(invitation)

    response = client.post(link_in(invitation_delivery(invitation)))

    assert response.status_code == 410
    assert "The Technical Secretariat will send you a new link." in response.content.decode()
    renewals = EmailDelivery.objects.filter(key__startswith="invitation-renewal:")
    assert sorted(renewals.values_list("to", flat=True)) == sorted(s.email for s in staff)
    change = reverse("admin:accounts_invitation_change", args=[invitation.pk])
    assert all(change in delivery.body for delivery in renewals)


def test_invitation_expired_link_asks_only_once_a_day(client):
    staff = [SecretariatStaffFactory(), SecretariatStaffFactory()]
    invitation = invite(by=staff[0])
    expire(invitation)
    path = link_in(invitation_delivery(invitation))

    client.post(path)
    client.post(path)

    assert EmailDelivery.objects.filter(key__startswith="invitation-renewal:").count() == 2


def test_invitation_expired_link_creates_no_account(client):
    invitation = invite()
    expire(invitation)

    accept(client, link_in(invitation_delivery(invitation)))

    assert not User.objects.filter(email=invitation.email).exists()


def test_invitation_link_a_day_before_expiry_still_works(client):
    invitation = invite()
    Invitation.objects.filter(pk=invitation.pk).update(
        sent_at=invitation.sent_at - datetime.timedelta(days=settings.INVITATION_VALID_DAYS - 1)
    )

    assert client.get(link_in(invitation_delivery(invitation))).status_code == 200


def test_invitation_tampered_token_is_not_found(client):
    invitation = invite()
    path = link_in(invitation_delivery(invitation))
    token = path.rstrip("/").rsplit("/", 1)[1]
    forged = services.signing.dumps(
        {"i": invitation.pk, "n": invitation.nonce}, salt="another.salt"
    )

    for bad in (token[:-2] + ("aa" if token[-2:] != "aa" else "bb"), forged, "nonsense"):
        response = client.get(reverse("accounts:invitation_accept", args=[bad]))
        assert response.status_code == 404
        assert "This link is not valid" in response.content.decode()


def test_invitation_tampered_token_posted_asks_nobody(client):
    invitation = invite()
    expire(invitation)

    client.post(reverse("accounts:invitation_accept", args=["nonsense"]))

    assert not EmailDelivery.objects.filter(key__startswith="invitation-renewal:").exists()


def test_invitation_weak_password_is_refused_with_the_validators_message(client):
    invitation = invite()

    response = accept(client, link_in(invitation_delivery(invitation)), password="123")

    assert response.status_code == 200
    errors = response.context["form"].errors["new_password2"]
    assert "This password is too short. It must contain at least 12 characters." in errors
    assert "This password is entirely numeric." in errors
    assert "This password is too short." in response.content.decode()


def test_invitation_weak_password_creates_no_account(client):
    invitation = invite()

    accept(client, link_in(invitation_delivery(invitation)), password="123")

    assert not User.objects.filter(email=invitation.email).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_invitation_password_like_the_name_is_refused(client):
    invitation = invite()

    response = accept(
        client, link_in(invitation_delivery(invitation)), password="ana.perez@trabajo.example"
    )

    assert response.status_code == 200
    assert (
        "The password is too similar to the email address."
        in (response.context["form"].errors["new_password2"])
    )


def test_invitation_of_a_deactivated_user_reactivates_the_same_account(client):
    staff = SecretariatStaffFactory()
    old = FocalPointFactory(email="ana.perez@trabajo.example")
    deactivate(old)
    institution = InstitutionFactory()
    invitation = invite(by=staff, institution=institution)

    accept(client, link_in(invitation_delivery(invitation)))

    user = User.objects.get(email="ana.perez@trabajo.example")
    assert user.pk == old.pk
    assert (user.is_active, user.institution, user.is_focal_point) == (True, institution, True)
    assert user.check_password(NEW_PASSWORD)
    assert not user.check_password(PASSWORD)


def test_invitation_of_an_account_with_two_factor_asks_for_the_code(client):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    staff = SecretariatStaffFactory()
    old = FocalPointFactory(email="ana.perez@trabajo.example")
    TOTPDevice.objects.create(user=old, name="Phone", confirmed=True)
    deactivate(old)
    invitation = invite(by=staff)

    response = accept(client, link_in(invitation_delivery(invitation)))

    assert response.status_code == 302
    assert response.url == reverse("accounts:login_verify")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("accounts:dashboard")).status_code == 302


def test_invitation_accept_by_a_focal_point_lands_on_a_dashboard_with_the_ministry(client):
    institution = InstitutionFactory()
    invitation = invite(institution=institution)
    accept(client, link_in(invitation_delivery(invitation)))

    response = client.get(reverse("accounts:dashboard"))

    assert institution.name in response.content.decode()


def test_invitation_status_follows_the_life_cycle():
    staff = SecretariatStaffFactory()
    pending = invite(by=staff, email="one@example.org")
    revoked = services.invitation_revoke(
        invitation=invite(by=staff, email="two@example.org"), by=staff
    )
    expired = invite(by=staff, email="three@example.org")
    expire(expired)
    expired.refresh_from_db()

    assert [str(i.status) for i in (pending, revoked, expired)] == [
        "pending",
        "revoked",
        "expired",
    ]


def test_invitation_create_is_refused_to_a_focal_point():
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        invite(by=FocalPointFactory())
    assert not Invitation.objects.exists()


def test_invitation_of_an_account_with_two_factor_signs_in_after_the_code(client):
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    staff = SecretariatStaffFactory()
    old = FocalPointFactory(email="ana.perez@trabajo.example")
    device = TOTPDevice.objects.create(user=old, name="Phone", confirmed=True)
    deactivate(old)
    accept(client, link_in(invitation_delivery(invite(by=staff))))
    code = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()

    response = client.post(reverse("accounts:login_verify"), {"token": f"{code:06d}"})

    assert response.url == reverse("accounts:dashboard")
    assert client.get(response.url).wsgi_request.user == old


def test_invitation_of_a_principal_contact_to_another_ministry_is_accepted(client):
    staff = SecretariatStaffFactory()
    FocalPointFactory(email="ana.perez@trabajo.example", is_principal_contact=True)
    other_ministry = InstitutionFactory()
    FocalPointFactory(institution=other_ministry, is_principal_contact=True)
    invitation = invite(by=staff, institution=other_ministry)

    response = accept(client, link_in(invitation_delivery(invitation)))

    assert response.url == reverse("accounts:dashboard")
    user = User.objects.get(email="ana.perez@trabajo.example")
    assert (user.institution, user.is_principal_contact) == (other_ministry, False)


def test_invitation_to_the_same_ministry_keeps_the_principal_contact(client):
    staff = SecretariatStaffFactory()
    person = FocalPointFactory(email="ana.perez@trabajo.example", is_principal_contact=True)
    invitation = invite(by=staff, institution=person.institution)

    accept(client, link_in(invitation_delivery(invitation)))

    person.refresh_from_db()
    assert person.is_principal_contact is True


def test_invitation_resent_after_expiry_works_again(staff_client, invitee):
    invitation = invite()
    expire(invitation)

    staff_client.post(
        reverse("admin:accounts_invitation_changelist"),
        {"action": "resend", "_selected_action": [invitation.pk]},
    )

    invitation.refresh_from_db()
    assert invitee.get(link_in(invitation_delivery(invitation))).status_code == 200


def test_invitation_admin_change_page_shows_the_invitation_read_only(staff_client):
    invitation = invite()

    response = staff_client.get(reverse("admin:accounts_invitation_change", args=[invitation.pk]))

    assert response.status_code == 200
    assert "ana.perez@trabajo.example" in response.content.decode()
    assert 'name="email"' not in response.content.decode()


def test_invitation_admin_changelist_lists_the_invitations(staff_client):
    invite()

    response = staff_client.get(reverse("admin:accounts_invitation_changelist"))

    assert response.status_code == 200
    assert response.context["cl"].result_count == 1
