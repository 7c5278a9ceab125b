"""What each staff role opens in the admin: its own records, and nothing else."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from rial_portal.roles import EDITOR, FUND_OFFICER, TECHNICAL_SECRETARIAT
from tests.conftest import sign_in_with_second_factor
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REGISTERED = sorted(
    (model._meta.app_label, model._meta.model_name) for model in admin.site._registry
)

# The directory every role may look up to fill its forms.
DIRECTORY = {("network", "institution"), ("network", "memberstate"), ("network", "topic")}


def opens(group, app_label, model_name):
    """Whether ``group`` may open the list of ``app_label.model_name``."""
    if group == TECHNICAL_SECRETARIAT:
        return app_label in (
            "core",
            "network",
            "accounts",
            "portfolio",
            "fund",
            "newsletter",
            "meetings",
            "cooperation",
            "library",
            "forum",
            "evaluations",
            "django_celery_beat",
        )
    if group == FUND_OFFICER:
        return app_label == "fund" or (app_label, model_name) in DIRECTORY
    if group == EDITOR:
        return app_label in ("portfolio", "newsletter") or (app_label, model_name) in DIRECTORY
    raise AssertionError(group)


def staff_of(client, group):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return sign_in_with_second_factor(client, user)


def test_staff_roles_registered_models_are_the_expected_ones():
    # A new model in the admin must get its row in the matrix (``opens``).
    assert set(REGISTERED) == {
        ("accounts", "erasurerequest"),
        ("accounts", "invitation"),
        ("auth", "group"),
        ("axes", "accessattempt"),
        ("axes", "accessfailurelog"),
        ("axes", "accesslog"),
        ("cooperation", "call"),
        ("cooperation", "need"),
        ("cooperation", "request"),
        ("django_celery_beat", "clockedschedule"),
        ("django_celery_beat", "crontabschedule"),
        ("django_celery_beat", "intervalschedule"),
        ("django_celery_beat", "periodictask"),
        ("django_celery_beat", "solarschedule"),
        ("evaluations", "questionnaire"),
        ("fund", "allocation"),
        ("fund", "closedyear"),
        ("fund", "allocation"),
        ("fund", "contribution"),
        ("fund", "expense"),
        ("fund", "pledge"),
        ("fund", "expense"),
        ("forum", "post"),
        ("forum", "report"),
        ("forum", "space"),
        ("forum", "thread"),
        ("fund", "pledge"),
        ("library", "downloadcount"),
        ("library", "libraryitem"),
        ("meetings", "agendasession"),
        ("meetings", "document"),
        ("meetings", "meeting"),
        ("meetings", "registration"),
        ("core", "emaildelivery"),
        ("network", "conference"),
        ("network", "institution"),
        ("network", "memberstate"),
        ("network", "topic"),
        ("network", "user"),
        ("network", "workinggroup"),
        ("newsletter", "issue"),
        ("newsletter", "newsitem"),
        ("newsletter", "subscriber"),
        ("otp_static", "staticdevice"),
        ("otp_totp", "totpdevice"),
        ("portfolio", "program"),
        ("portfolio", "programattachment"),
        ("portfolio", "programrevision"),
        ("portfolio", "targetgroup"),
    }


@pytest.mark.parametrize("group", [TECHNICAL_SECRETARIAT, FUND_OFFICER, EDITOR])
@pytest.mark.parametrize(("app_label", "model_name"), REGISTERED)
def test_staff_roles_changelist_opens_only_for_the_role_that_holds_it(
    client, group, app_label, model_name
):
    staff_of(client, group)

    response = client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))

    assert response.status_code == (200 if opens(group, app_label, model_name) else 403)


# The admin's imports from a spreadsheet (core.admin_imports): for the roles
# that may add and change the records.
IMPORTS = [
    ("fund", "allocation"),
    ("fund", "contribution"),
    ("fund", "expense"),
    ("fund", "pledge"),
    ("meetings", "meeting"),
    ("meetings", "registration"),
    ("network", "user"),
    ("portfolio", "program"),
]


def imports_for(group, app_label, model_name):
    return opens(group, app_label, model_name) and (app_label, model_name) not in DIRECTORY


@pytest.mark.parametrize("group", [TECHNICAL_SECRETARIAT, FUND_OFFICER, EDITOR])
@pytest.mark.parametrize(("app_label", "model_name"), IMPORTS)
def test_staff_roles_import_only_what_the_role_may_add_and_change(
    client, group, app_label, model_name
):
    staff_of(client, group)
    url = reverse(f"admin:{app_label}_{model_name}_import")

    response = client.get(url)
    changelist = client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))

    allowed = imports_for(group, app_label, model_name)
    assert response.status_code == (200 if allowed else 403)
    assert (url in changelist.content.decode()) == allowed


@pytest.mark.parametrize("group", [TECHNICAL_SECRETARIAT, FUND_OFFICER, EDITOR])
def test_staff_roles_each_reach_the_admin_index(client, group):
    staff_of(client, group)

    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert "Waiting for you" in response.content.decode()


@pytest.mark.parametrize(
    ("group", "apps"),
    [
        (
            TECHNICAL_SECRETARIAT,
            [
                "accounts",
                "cooperation",
                "core",
                "django_celery_beat",
                "evaluations",
                "forum",
                "fund",
                "library",
                "meetings",
                "network",
                "newsletter",
                "portfolio",
            ],
        ),
        (FUND_OFFICER, ["fund", "network"]),
        (EDITOR, ["network", "newsletter", "portfolio"]),
    ],
)
def test_staff_roles_admin_index_lists_only_the_apps_of_the_role(client, group, apps):
    staff_of(client, group)

    response = client.get(reverse("admin:index"))

    assert sorted(app["app_label"] for app in response.context["app_list"]) == apps


@pytest.mark.parametrize(
    ("group", "labels"),
    [
        (
            TECHNICAL_SECRETARIAT,
            [
                "Programs to review",
                "Program changes to review",
                "Registrations to approve",
                "Meetings with uncovered funding",
                "Cooperation requests to review",
                "Final reports to check",
                "News to publish",
                "Library items to review",
                "Forum posts reported",
                "Erasure requests to process",
                "Invitations not yet accepted",
                "Emails that failed",
            ],
        ),
        (FUND_OFFICER, []),
        (EDITOR, ["Programs to review", "Program changes to review", "News to publish"]),
    ],
)
def test_staff_roles_dashboard_shows_only_the_work_of_the_role(client, group, labels):
    staff_of(client, group)

    response = client.get(reverse("admin:index"))

    assert [line["label"] for line in response.context["waiting"]] == labels
    assert (response.context["fund_projection"] is not None) == (group != EDITOR)


@pytest.mark.parametrize("group", [FUND_OFFICER, EDITOR])
def test_staff_roles_other_than_the_secretariat_cannot_invite(client, group):
    staff_of(client, group)

    response = client.get(reverse("admin:accounts_invitation_add"))

    assert response.status_code == 403


def test_staff_roles_without_a_group_open_only_the_admin_index(client):
    sign_in_with_second_factor(client, UserFactory(is_staff=True))

    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:network_institution_changelist")).status_code == 403


def test_staff_dashboard_links_open_their_filtered_lists(client):
    staff_of(client, TECHNICAL_SECRETARIAT)
    lines = client.get(reverse("admin:index")).context["waiting"]

    statuses = {line["url"]: client.get(line["url"]).status_code for line in lines}

    assert len(statuses) == 12
    assert set(statuses.values()) == {200}


def test_staff_dashboard_pledge_link_opens_the_open_pledges(client):
    # Shown in the last 30 days of the year only; the link must work all year.
    staff_of(client, FUND_OFFICER)

    response = client.get(reverse("admin:fund_pledge_changelist") + "?state=open")

    assert response.status_code == 200


def test_staff_dashboard_counts_erasure_requests_and_pending_invitations(client):
    from accounts import services
    from tests.factories import FocalPointFactory, InstitutionFactory, SecretariatStaffFactory

    staff = SecretariatStaffFactory()
    for n in range(3):
        services.invitation_create(
            by=staff, email=f"p{n}@example.org", full_name="P", institution=InstitutionFactory()
        )
    services.invitation_revoke(
        invitation=services.invitation_create(
            by=staff, email="gone@example.org", full_name="G", institution=InstitutionFactory()
        ),
        by=staff,
    )
    services.erasure_request(user=FocalPointFactory())
    staff_of(client, TECHNICAL_SECRETARIAT)

    waiting = client.get(reverse("admin:index")).context["waiting"]

    counts = {line["label"]: line["count"] for line in waiting}
    assert counts["Invitations not yet accepted"] == 3
    assert counts["Erasure requests to process"] == 1
