"""REVISION_WORKFLOW (portfolio/workflows.py): a published program's proposed
changes, each move tried in every state of the revision, through revision_*
services, the ministry's pages and the revision admin."""

import pytest
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.models import ActivityLog
from portfolio import services
from portfolio.enums import RevisionStatus
from portfolio.models import ProgramRevision
from portfolio.workflows import REVISION_WORKFLOW
from tests.conftest import (
    assert_move_follows_table,
    assert_refused_as_the_table_says,
    moves_logged,
    refusals,
)
from tests.factories import FocalPointFactory, SecretariatStaffFactory
from tests.portfolio.factories import ProgramFactory
from tests.portfolio.test_admin import message_texts, run_action

pytestmark = pytest.mark.django_db

# Each move through its service, as a member of the Secretariat (who may make all).
SERVICES = {
    "submit": lambda revision, user: services.revision_submit(revision=revision, user=user),
    "approve": lambda revision, user: services.revision_approve(revision=revision, user=user),
    "return": lambda revision, user: services.revision_return(
        revision=revision, user=user, comment="Add figures."
    ),
    "withdraw": lambda revision, user: services.revision_withdraw(revision=revision, user=user),
}


def revision_in(status, *, title_en="Labor inspection, second edition"):
    """A published program and its revision, in ``status``, changing its title."""
    program = ProgramFactory(title_en="Labor inspection, first edition")
    return ProgramRevision.objects.create(
        program=program,
        status=status,
        content={**program.content(), "title_en": title_en},
        created_by=FocalPointFactory(institution=program.owner),
    )


def test_every_move_of_the_table_has_its_service():
    assert set(SERVICES) == set(REVISION_WORKFLOW.transitions)


@pytest.mark.parametrize("state", RevisionStatus.values)
@pytest.mark.parametrize("name", SERVICES)
def test_each_move_is_made_from_its_sources_and_refused_from_other_states(state, name):
    revision = revision_in(state)
    staff = SecretariatStaffFactory()

    assert_move_follows_table(
        REVISION_WORKFLOW, revision, name, lambda: SERVICES[name](revision, staff)
    )


@pytest.mark.parametrize("name", ["approve", "return"])
def test_the_secretariats_moves_are_refused_to_the_ministry(name):
    revision = revision_in(RevisionStatus.SUBMITTED)

    with pytest.raises(services.PermissionDenied):
        SERVICES[name](revision, FocalPointFactory(institution=revision.program.owner))

    assert ProgramRevision.objects.get().status == RevisionStatus.SUBMITTED
    assert not ActivityLog.objects.exists()


@pytest.mark.parametrize("name", ["submit", "withdraw"])
def test_the_ministrys_moves_are_refused_to_another_ministry(name):
    revision = revision_in(RevisionStatus.DRAFT)

    with pytest.raises(services.PermissionDenied):
        SERVICES[name](revision, FocalPointFactory())

    assert ProgramRevision.objects.get().status == RevisionStatus.DRAFT
    assert not ActivityLog.objects.exists()


def test_approving_replaces_the_public_text():
    revision = revision_in(RevisionStatus.SUBMITTED)
    staff = SecretariatStaffFactory()

    services.revision_approve(revision=revision, user=staff)

    revision.refresh_from_db()
    assert revision.program.title_en == "Labor inspection, second edition"
    assert (revision.reviewed_by, revision.review_comment) == (staff, "")


def test_every_state_change_of_a_revision_is_logged_with_its_actor():
    revision = revision_in(RevisionStatus.DRAFT)
    focal_point = FocalPointFactory(institution=revision.program.owner)
    staff = SecretariatStaffFactory()

    services.revision_submit(revision=revision, user=focal_point)
    services.revision_return(revision=revision, user=staff, comment="Add figures.")
    services.revision_submit(revision=revision, user=focal_point)
    services.revision_approve(revision=revision, user=staff)

    assert moves_logged(revision) == [
        ("submit", focal_point, "draft", "submitted"),
        ("return", staff, "submitted", "returned"),
        ("submit", focal_point, "returned", "submitted"),
        ("approve", staff, "submitted", "approved"),
    ]


def test_a_withdrawal_is_logged_with_the_focal_point():
    revision = revision_in(RevisionStatus.RETURNED)
    focal_point = FocalPointFactory(institution=revision.program.owner)

    services.revision_withdraw(revision=revision, user=focal_point)

    entry = ActivityLog.objects.get()
    assert (entry.action, entry.actor, entry.to_state) == ("withdraw", focal_point, "withdrawn")


def test_a_returns_comment_is_kept_after_a_second_return():
    revision = revision_in(RevisionStatus.SUBMITTED)
    focal_point = FocalPointFactory(institution=revision.program.owner)
    staff = SecretariatStaffFactory()

    services.revision_return(revision=revision, user=staff, comment="Add figures.")
    services.revision_submit(revision=revision, user=focal_point)
    services.revision_return(revision=revision, user=staff, comment="Name the sources.")

    revision.refresh_from_db()
    assert revision.review_comment == "Name the sources."
    assert moves_logged(revision, "action", "comment") == [
        ("return", "Add figures."),
        ("submit", ""),
        ("return", "Name the sources."),
    ]


def test_a_return_without_a_comment_is_refused_and_not_logged():
    revision = revision_in(RevisionStatus.SUBMITTED)

    with pytest.raises(ValidationError):
        services.revision_return(revision=revision, user=SecretariatStaffFactory(), comment=" ")

    assert ProgramRevision.objects.get().status == RevisionStatus.SUBMITTED
    assert not ActivityLog.objects.exists()


# The ministry's pages.


def test_submit_view_refuses_a_submitted_revision_with_the_tables_message(client):
    revision = revision_in(RevisionStatus.SUBMITTED)
    client.force_login(FocalPointFactory(institution=revision.program.owner))

    response = client.post(reverse("portfolio:program_submit", args=[revision.program.slug]))

    assert message_texts(response) == ["Only a draft or a returned revision can be submitted."]
    assert not ActivityLog.objects.exists()


@pytest.mark.parametrize(("state", "name"), refusals(REVISION_WORKFLOW, "submit"))
def test_submit_page_refuses_a_revision_its_state_does_not_allow(client, state, name):
    revision = revision_in(state)
    client.force_login(FocalPointFactory(institution=revision.program.owner))

    response = client.post(reverse("portfolio:program_submit", args=[revision.program.slug]))

    if revision.is_open:
        assert_refused_as_the_table_says(REVISION_WORKFLOW, revision, name, message_texts(response))
    else:
        # An ended revision is not the program's open one: the page submits
        # the published program, which its own table refuses.
        assert message_texts(response) == ["Only a draft or a returned program can be submitted."]
        revision.refresh_from_db()
        assert revision.status == state
    assert not ActivityLog.objects.exists()


def test_withdraw_view_logs_the_withdrawal_with_the_focal_point(client):
    revision = revision_in(RevisionStatus.DRAFT)
    focal_point = FocalPointFactory(institution=revision.program.owner)
    client.force_login(focal_point)

    client.post(reverse("portfolio:revision_withdraw", args=[revision.program.slug]))

    entry = ActivityLog.objects.get()
    assert (entry.action, entry.actor) == ("withdraw", focal_point)
    assert ProgramRevision.objects.get().status == RevisionStatus.WITHDRAWN


@pytest.mark.parametrize(("state", "name"), refusals(REVISION_WORKFLOW, "withdraw"))
def test_withdraw_page_finds_no_revision_in_a_state_it_does_not_start_from(client, state, name):
    revision = revision_in(state)
    client.force_login(FocalPointFactory(institution=revision.program.owner))

    response = client.post(reverse("portfolio:revision_withdraw", args=[revision.program.slug]))

    assert response.status_code == 404  # an ended revision is not the program's open one
    assert ProgramRevision.objects.get().status == state
    assert moves_logged(revision) == []


# The admin.


@pytest.mark.parametrize(("state", "name"), refusals(REVISION_WORKFLOW, "approve", "return"))
def test_each_admin_step_refuses_a_move_its_state_does_not_allow(staff_client, state, name):
    revision = revision_in(state)

    response = staff_client.post(
        reverse("admin:portfolio_programrevision_step", args=[revision.pk, name]),
        {"comment": "Add figures."},
    )

    shown = message_texts(response, messages.ERROR)
    assert_refused_as_the_table_says(REVISION_WORKFLOW, revision, name, shown)


def test_admin_approve_action_writes_the_log_with_the_acting_staff_member(
    staff_client, django_capture_on_commit_callbacks
):
    revision = revision_in(RevisionStatus.SUBMITTED)

    with django_capture_on_commit_callbacks(execute=False):
        run_action(staff_client, "programrevision", "approve", [revision.pk])

    entry = ActivityLog.objects.get()
    assert (entry.action, entry.actor) == ("approve", staff_client.staff)


def test_admin_approve_action_refuses_a_draft(staff_client):
    revision = revision_in(RevisionStatus.DRAFT)

    response = run_action(staff_client, "programrevision", "approve", [revision.pk])

    assert message_texts(response, messages.ERROR) == [
        f"{revision}: Only a submitted revision can be approved."
    ]
    assert not ActivityLog.objects.exists()


def test_admin_steps_of_a_revision_follow_its_table(staff_client):
    submitted = revision_in(RevisionStatus.SUBMITTED)

    page = staff_client.get(reverse("admin:portfolio_programrevision_change", args=[submitted.pk]))

    assert [step.name for step in page.context["object_steps"]] == ["approve", "return"]


def test_revision_change_page_shows_the_activity_log(staff_client):
    revision = revision_in(RevisionStatus.SUBMITTED)
    services.revision_return(revision=revision, user=staff_client.staff, comment="Add figures.")

    page = staff_client.get(
        reverse("admin:portfolio_programrevision_change", args=[revision.pk])
    ).content.decode()

    assert "Activity log" in page
    assert "Submitted for review → Returned for changes" in page
    assert "Add figures." in page
