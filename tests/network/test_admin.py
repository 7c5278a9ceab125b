"""The admin works for Secretariat staff, whose rights come from their group."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from core.models import EmailDelivery
from network.models import Institution, User
from rial_portal.roles import SECRETARIAT_APPS, TECHNICAL_SECRETARIAT
from tests.conftest import sign_in_with_second_factor
from tests.factories import (
    ConferenceFactory,
    FocalPointFactory,
    InstitutionFactory,
    MemberStateFactory,
    OrganizationFactory,
    TopicFactory,
    UserFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db

REGISTERED = sorted(
    (model._meta.app_label, model._meta.model_name)
    for model in admin.site._registry
    if model._meta.app_label == "network"
)


@pytest.fixture
def one_of_each():
    working_group = WorkingGroupFactory()
    working_group.vice_chairs.add(InstitutionFactory())
    ministry = working_group.chair
    ministry.former_names.create(name="Old ministry name", until_year=2001)
    return {
        "user": FocalPointFactory(institution=ministry),
        "memberstate": ministry.member_state,
        "institution": ministry,
        "topic": TopicFactory(),
        "conference": working_group.conference,
        "workinggroup": working_group,
        "emaildelivery": EmailDelivery.objects.create(
            key="k", to="a@example.org", subject="Subject", body="Body"
        ),
    }


def test_secretariat_group_is_created_by_migration_with_permissions():
    group = Group.objects.get(name=TECHNICAL_SECRETARIAT)
    codenames = set(group.permissions.values_list("codename", flat=True))

    assert {"add_institution", "change_institution", "view_user", "change_user"} <= codenames
    assert "delete_user" not in codenames
    assert "delete_memberstate" not in codenames
    assert "view_historicalinstitution" in codenames
    assert "change_historicalinstitution" not in codenames
    assert "change_program" in codenames
    assert not group.permissions.exclude(content_type__app_label__in=SECRETARIAT_APPS).exists()


@pytest.mark.parametrize(("app_label", "model_name"), REGISTERED)
def test_admin_changelist_add_and_change_pages_load_for_staff(
    staff_client, one_of_each, app_label, model_name
):
    obj = one_of_each[model_name]
    changelist = reverse(f"admin:{app_label}_{model_name}_changelist")

    assert staff_client.get(changelist).status_code == 200
    assert staff_client.get(changelist, {"q": "a"}).status_code == 200
    add = staff_client.get(reverse(f"admin:{app_label}_{model_name}_add"))
    # The log of emails is written by the portal only.
    assert add.status_code == (403 if model_name == "emaildelivery" else 200)
    change = reverse(f"admin:{app_label}_{model_name}_change", args=[obj.pk])
    assert staff_client.get(change).status_code == 200


def test_admin_institution_history_page_loads(staff_client):
    institution = OrganizationFactory()

    url = reverse("admin:network_institution_history", args=[institution.pk])

    assert staff_client.get(url).status_code == 200


def test_admin_list_filters_narrow_the_institutions(staff_client):
    InstitutionFactory(name_en="Ministry of Labour of Somewhere")
    OrganizationFactory(name_en="Pan American Health Organization", acronym="PAHO")
    url = reverse("admin:network_institution_changelist")

    response = staff_client.get(url, {"kind__exact": "international_organization"})

    assert [i.acronym for i in response.context["cl"].result_list] == ["PAHO"]


def test_admin_is_closed_to_a_focal_point(client):
    client.force_login(FocalPointFactory())

    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_staff_without_group_sees_no_directory(client):
    sign_in_with_second_factor(client, UserFactory(is_staff=True))

    response = client.get(reverse("admin:network_institution_changelist"))

    assert response.status_code == 403


def test_staff_creates_a_ministry_through_the_admin(staff_client):
    state = MemberStateFactory()
    url = reverse("admin:network_institution_add")

    response = staff_client.post(
        url,
        {
            "kind": "ministry",
            "name_en": "Ministry of Labour and Social Security",
            "name_es": "Ministerio de Trabajo y Seguridad Social",
            "acronym": "MLSS",
            "slug": "",
            "member_state": state.pk,
            "is_active": "on",
            "former_names-TOTAL_FORMS": "1",
            "former_names-INITIAL_FORMS": "0",
            "former_names-0-name": "Ministry of Labour",
            "former_names-0-until_year": "2004",
        },
    )

    assert response.status_code == 302, response.context["adminform"].errors
    ministry = Institution.objects.get(acronym="MLSS")
    assert ministry.member_state == state
    assert ministry.name_in(2000) == "Ministry of Labour"
    assert ministry.history.first().history_user.groups.filter(name=TECHNICAL_SECRETARIAT)


def test_second_active_ministry_gets_a_message_not_an_error(staff_client):
    existing = InstitutionFactory()

    response = staff_client.post(
        reverse("admin:network_institution_add"),
        {
            "kind": "ministry",
            "name_en": "Duplicate ministry",
            "member_state": existing.member_state.pk,
            "is_active": "on",
            "former_names-TOTAL_FORMS": "0",
            "former_names-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "This member state already has a ministry of labor." in response.content.decode()
    assert Institution.objects.count() == 1


def test_working_group_chair_cannot_also_be_vice_chair(staff_client):
    chair = InstitutionFactory()
    conference = ConferenceFactory()

    response = staff_client.post(
        reverse("admin:network_workinggroup_add"),
        {
            "conference": conference.pk,
            "number": "1",
            "name_en": "Working group",
            "chair": chair.pk,
            "vice_chairs": [chair.pk],
        },
    )

    assert response.status_code == 200
    assert "The chair cannot also be a vice-chair." in response.content.decode()


def test_staff_cannot_grant_themselves_superuser_rights(staff_client):
    staff = User.objects.get(is_staff=True)

    response = staff_client.get(reverse("admin:network_user_change", args=[staff.pk]))

    form = response.context["adminform"].form
    assert "is_superuser" not in form.fields
    assert "user_permissions" not in form.fields


def test_email_log_hides_the_sign_in_links_it_sent(staff_client):
    reset = EmailDelivery.objects.create(
        key="password-reset:1:abc", to="a@example.org", subject="Reset", body="SECRET-LINK"
    )
    notice = EmailDelivery.objects.create(
        key="program-published:1", to="b@example.org", subject="Published", body="VISIBLE-TEXT"
    )

    hidden = staff_client.get(reverse("admin:core_emaildelivery_change", args=[reset.pk]))
    shown = staff_client.get(reverse("admin:core_emaildelivery_change", args=[notice.pk]))

    assert "SECRET-LINK" not in hidden.content.decode()
    assert "VISIBLE-TEXT" in shown.content.decode()
