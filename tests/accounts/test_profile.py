"""A person's profile, their data, erasure on request, and what stays with the
ministry when a focal point leaves."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import services
from accounts.models import ErasureRequest, Invitation
from core.models import EmailDelivery
from network.enums import Notice
from network.models import User
from tests.conftest import sign_in_with_second_factor
from tests.factories import PASSWORD, FocalPointFactory, SecretariatStaffFactory
from tests.portfolio.factories import ProgramFactory

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


def profile_form(**overrides):
    return {
        "full_name": "María José López",
        "job_title": "Head of Cooperation",
        "language": "es",
        "notices": [
            Notice.REVIEW_OUTCOMES,
            Notice.VERIFICATION_REMINDERS,
            Notice.MEETING_REMINDERS,
        ],
        **overrides,
    }


@pytest.fixture
def person():
    return FocalPointFactory(email="maria.lopez@example.org", full_name="María López")


@pytest.fixture
def signed_in(client, person):
    client.force_login(person)
    return person


def test_profile_page_ticks_every_notice_at_first(client, signed_in):
    response = client.get(reverse("accounts:profile"))

    assert response.status_code == 200
    assert response.context["form"]["notices"].initial == list(Notice.values)


def test_profile_saves_name_job_title_and_language(client, person, signed_in):
    response = client.post(reverse("accounts:profile"), profile_form())

    assert response.status_code == 302
    assert response.url == reverse("accounts:profile")
    person.refresh_from_db()
    assert (person.full_name, person.job_title, person.language) == (
        "María José López",
        "Head of Cooperation",
        "es",
    )


def test_profile_unticked_notice_is_muted(client, person, signed_in):
    client.post(reverse("accounts:profile"), profile_form())

    person.refresh_from_db()
    assert person.muted_notices == [Notice.PLEDGE_REMINDERS]
    assert person.wants_notice(Notice.PLEDGE_REMINDERS) is False
    assert person.wants_notice(Notice.REVIEW_OUTCOMES) is True


def test_profile_ticked_again_notice_is_no_longer_muted(client, person, signed_in):
    client.post(reverse("accounts:profile"), profile_form(notices=[]))

    client.post(reverse("accounts:profile"), profile_form(notices=list(Notice.values)))

    person.refresh_from_db()
    assert person.muted_notices == []


def test_profile_page_shows_muted_notices_unticked(client, signed_in):
    client.post(reverse("accounts:profile"), profile_form(notices=[Notice.REVIEW_OUTCOMES]))

    response = client.get(reverse("accounts:profile"))

    assert response.context["form"]["notices"].initial == [Notice.REVIEW_OUTCOMES]


def test_profile_does_not_change_email_institution_or_roles(client, person, signed_in):
    institution = person.institution
    client.post(
        reverse("accounts:profile"),
        profile_form(email="other@example.org", is_staff="on", is_focal_point="", institution=""),
    )

    person.refresh_from_db()
    assert (person.email, person.institution, person.is_focal_point, person.is_staff) == (
        "maria.lopez@example.org",
        institution,
        True,
        False,
    )


def test_profile_requires_sign_in():
    response = Client().get(reverse("accounts:profile"))

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={reverse('accounts:profile')}"


def test_personal_data_is_a_json_download(client, signed_in):
    response = client.get(reverse("accounts:personal_data"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="rial-personal-data.json"'


def test_personal_data_holds_the_account(client, person, signed_in):
    data = json.loads(client.get(reverse("accounts:personal_data")).content)

    assert data["account"]["email"] == "maria.lopez@example.org"
    assert data["account"]["full_name"] == "María López"
    assert data["account"]["institution"] == str(person.institution)
    assert data["account"]["focal_point"] is True


def test_personal_data_holds_the_programs_the_person_created(client, person, signed_in):
    ProgramFactory(created_by=person, owner=person.institution, title_en="Mine")
    ProgramFactory(owner=person.institution, title_en="A colleague's")

    data = json.loads(client.get(reverse("accounts:personal_data")).content)

    assert data["programs"] == [
        {
            "title": "Mine",
            "ministry": str(person.institution),
            "created_by_you": True,
            "submitted_by_you": False,
            "status": "published",
        }
    ]


def test_personal_data_holds_the_invitations_and_erasure_requests(client, person, signed_in):
    staff = SecretariatStaffFactory()
    invitation = services.invitation_create(
        by=staff, email="new.person@example.org", full_name="New", institution=person.institution
    )
    invitation.user = person
    invitation.save()
    services.erasure_request(user=person, reason="I am leaving the ministry.")

    data = json.loads(client.get(reverse("accounts:personal_data")).content)

    assert [i["institution"] for i in data["invitations"]] == [str(person.institution)]
    assert [r["reason"] for r in data["erasure_requests"]] == ["I am leaving the ministry."]


def test_personal_data_is_get_only(client, signed_in):
    assert client.post(reverse("accounts:personal_data")).status_code == 405


def test_erasure_request_needs_the_confirmation(client, signed_in):
    response = client.post(reverse("accounts:erasure_request"), {"reason": "Leaving."})

    assert response.status_code == 200
    assert "confirm" in response.context["form"].errors
    assert not ErasureRequest.objects.exists()


def test_erasure_request_is_recorded(client, person, signed_in):
    response = client.post(
        reverse("accounts:erasure_request"), {"reason": "Leaving.", "confirm": "on"}, follow=True
    )

    erasure = ErasureRequest.objects.get()
    assert (erasure.user, erasure.reason, erasure.processed_at) == (person, "Leaving.", None)
    assert response.redirect_chain[-1][0] == reverse("accounts:profile")
    assert "Your request is recorded" in response.content.decode()
    assert response.context["open_erasure"] == erasure


def test_erasure_request_notifies_every_secretariat_member(client, signed_in):
    staff = [SecretariatStaffFactory(), SecretariatStaffFactory()]

    client.post(reverse("accounts:erasure_request"), {"reason": "Leaving.", "confirm": "on"})

    deliveries = EmailDelivery.objects.filter(key__startswith="erasure-request:")
    assert sorted(deliveries.values_list("to", flat=True)) == sorted(s.email for s in staff)
    assert all("María López asks for their account" in d.body for d in deliveries)
    changelist = reverse("admin:accounts_erasurerequest_changelist")
    assert all(changelist in d.body for d in deliveries)


def test_erasure_request_twice_keeps_one_open_request(client, person, signed_in):
    SecretariatStaffFactory()
    client.post(reverse("accounts:erasure_request"), {"reason": "Leaving.", "confirm": "on"})
    client.post(reverse("accounts:erasure_request"), {"reason": "Again.", "confirm": "on"})

    assert ErasureRequest.objects.count() == 1
    assert EmailDelivery.objects.filter(key__startswith="erasure-request:").count() == 1


def process(staff_client, *erasures, follow=False):
    return staff_client.post(
        reverse("admin:accounts_erasurerequest_changelist"),
        {"action": "process", "_selected_action": [e.pk for e in erasures]},
        follow=follow,
    )


@pytest.fixture
def erasure(person):
    TOTPDevice.objects.create(user=person, name="Phone", confirmed=True)
    return services.erasure_request(user=person, reason="Leaving.")


def test_erasure_process_anonymizes_the_account(staff_client, person, erasure):
    process(staff_client, erasure)

    person.refresh_from_db()
    assert person.email == f"erased-{person.pk}@erased.invalid"
    assert person.email.endswith("@erased.invalid")
    assert person.full_name == f"Erased user {person.pk}"
    assert (person.job_title, person.is_active, person.is_focal_point) == ("", False, False)
    assert person.has_usable_password() is False
    assert not person.check_password(PASSWORD)
    assert not TOTPDevice.objects.filter(user=person).exists()


def test_erasure_process_records_who_and_when(staff_client, person, erasure):
    process(staff_client, erasure)

    erasure.refresh_from_db()
    assert erasure.processed_at is not None
    assert erasure.processed_by_id == int(staff_client.session["_auth_user_id"])


def test_erasure_process_keeps_the_programs_on_the_same_row(staff_client, person, erasure):
    program = ProgramFactory(created_by=person, owner=person.institution)

    process(staff_client, erasure)

    program.refresh_from_db()
    assert program.created_by_id == person.pk
    assert User.objects.filter(pk=person.pk).exists()


def test_erasure_process_signs_the_person_out(staff_client, person, erasure):
    other_browser = Client()
    other_browser.force_login(person)

    process(staff_client, erasure)

    assert other_browser.get(reverse("accounts:dashboard")).status_code == 302


def test_erasure_process_twice_is_refused_with_a_message(staff_client, person, erasure):
    process(staff_client, erasure)
    person.refresh_from_db()
    erased_name = person.full_name

    response = process(staff_client, erasure, follow=True)

    assert "This request was processed already." in response.content.decode()
    person.refresh_from_db()
    assert person.full_name == erased_name


def test_erasure_processed_account_cannot_ask_for_a_password_reset(staff_client, person, erasure):
    process(staff_client, erasure)
    EmailDelivery.objects.all().delete()
    person.refresh_from_db()

    Client().post(reverse("password_reset"), {"email": person.email})

    assert not EmailDelivery.objects.exists()


def test_deactivated_focal_point_programs_stay_with_the_ministry(client):
    leaving = FocalPointFactory()
    program = ProgramFactory(status="draft", owner=leaving.institution, created_by=leaving)
    deactivate(leaving)

    program.refresh_from_db()
    assert (program.owner, program.created_by) == (leaving.institution, leaving)


def test_deactivated_focal_point_program_is_edited_by_another_of_the_ministry(client):
    leaving = FocalPointFactory()
    program = ProgramFactory(status="draft", owner=leaving.institution, created_by=leaving)
    deactivate(leaving)
    client.force_login(FocalPointFactory(institution=leaving.institution))

    response = client.get(reverse("portfolio:program_edit", args=[program.slug]))

    assert response.status_code == 200


def test_deactivated_focal_point_can_no_longer_edit(client):
    leaving = FocalPointFactory()
    program = ProgramFactory(status="draft", owner=leaving.institution, created_by=leaving)
    client.force_login(leaving)
    deactivate(leaving)

    response = client.get(reverse("portfolio:program_edit", args=[program.slug]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_erasure_process_anonymizes_the_invitations_of_the_person(staff_client, person, erasure):
    staff = SecretariatStaffFactory()
    accepted = services.invitation_create(
        by=staff,
        email="old.address@example.org",
        full_name="María López",
        job_title="Head",
        institution=person.institution,
    )
    Invitation.objects.filter(pk=accepted.pk).update(user=person, accepted_at=timezone.now())
    revoked = services.invitation_revoke(
        invitation=services.invitation_create(
            by=staff, email=person.email, full_name="María López", institution=person.institution
        ),
        by=staff,
    )

    process(staff_client, erasure)

    person.refresh_from_db()
    assert (
        sorted(
            Invitation.objects.filter(pk__in=[accepted.pk, revoked.pk]).values_list(
                "email", "full_name", "job_title"
            )
        )
        == [(person.email, person.full_name, "")] * 2
    )


def test_erasure_process_revokes_a_pending_invitation_of_the_person(staff_client, person, erasure):
    pending = services.invitation_create(
        by=SecretariatStaffFactory(),
        email="Maria.Lopez@example.org",
        full_name="María López",
        institution=person.institution,
    )
    path = reverse("accounts:invitation_accept", args=[services.invitation_token(pending)])

    process(staff_client, erasure)

    pending.refresh_from_db()
    assert pending.revoked_at is not None
    assert pending.full_name == f"Erased user {person.pk}"
    assert Client().get(path).status_code == 410


def test_erasure_process_leaves_other_people_s_invitations_alone(staff_client, person, erasure):
    other = services.invitation_create(
        by=SecretariatStaffFactory(),
        email="someone.else@example.org",
        full_name="Someone Else",
        institution=person.institution,
    )

    process(staff_client, erasure)

    other.refresh_from_db()
    assert (other.email, other.full_name, other.revoked_at) == (
        "someone.else@example.org",
        "Someone Else",
        None,
    )


def test_erasure_request_admin_change_page_loads(staff_client, person, erasure):
    response = staff_client.get(reverse("admin:accounts_erasurerequest_change", args=[erasure.pk]))

    assert response.status_code == 200
    assert "Leaving." in response.content.decode()


def test_erasure_removes_the_person_from_the_email_log_and_staff_rights():
    from tests.factories import SecretariatStaffFactory

    leaving = SecretariatStaffFactory(email="leaving.staff@example.org")
    EmailDelivery.objects.create(
        key="k1", to="leaving.staff@example.org", subject="Hello Leaving", body="Dear Leaving"
    )
    erasure = services.erasure_request(user=leaving)

    services.erasure_process(erasure=erasure, by=SecretariatStaffFactory())

    leaving.refresh_from_db()
    delivery = EmailDelivery.objects.get(key="k1")
    assert delivery.to == leaving.email
    assert "Leaving" not in delivery.subject + delivery.body
    assert not leaving.is_staff
    assert not leaving.groups.exists()
