"""PROGRAM_WORKFLOW (portfolio/workflows.py), move by move, in every state:
through program_* services, the program's pages and the program admin."""

import pytest
from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.auth.models import Permission
from django.urls import reverse

from core.models import ActivityLog
from portfolio import services
from portfolio.enums import ProgramStatus
from portfolio.models import Program
from portfolio.workflows import PROGRAM_WORKFLOW
from tests.conftest import (
    assert_move_follows_table,
    assert_refused_as_the_table_says,
    moves_logged,
    refusals,
    sign_in_with_second_factor,
)
from tests.factories import FocalPointFactory, SecretariatStaffFactory, UserFactory
from tests.portfolio.factories import ProgramFactory
from tests.portfolio.test_admin import message_texts

pytestmark = pytest.mark.django_db

# Each move through its service, as a member of the Secretariat (who may make all).
SERVICES = {
    "submit": lambda program, user: services.program_submit(program=program, user=user),
    "publish": lambda program, user: services.program_publish(program=program, user=user),
    "return": lambda program, user: services.program_return(
        program=program, user=user, comment="Add figures."
    ),
    "archive": lambda program, user: services.program_archive(program=program, user=user),
    "restore": lambda program, user: services.program_restore(program=program, user=user),
}


def test_every_move_of_the_table_has_its_service():
    assert set(SERVICES) == set(PROGRAM_WORKFLOW.transitions)


@pytest.mark.parametrize("state", ProgramStatus.values)
@pytest.mark.parametrize("name", SERVICES)
def test_each_move_is_made_from_its_sources_and_refused_from_other_states(state, name):
    program = ProgramFactory(status=state)
    staff = SecretariatStaffFactory()

    assert_move_follows_table(
        PROGRAM_WORKFLOW, program, name, lambda: SERVICES[name](program, staff)
    )


@pytest.mark.parametrize("name", ["publish", "return", "restore"])
def test_the_secretariats_moves_are_refused_to_the_ministry_in_any_state(name):
    move = PROGRAM_WORKFLOW[name]
    program = ProgramFactory(status=move.sources[0])

    with pytest.raises(services.PermissionDenied):
        SERVICES[name](program, FocalPointFactory(institution=program.owner))

    assert Program.objects.get().status == move.sources[0]
    assert not ActivityLog.objects.exists()


def test_every_state_change_of_a_program_is_logged_with_its_actor():
    program = ProgramFactory(status=ProgramStatus.DRAFT, published_at=None)
    focal_point = FocalPointFactory(institution=program.owner)
    staff = SecretariatStaffFactory()

    services.program_submit(program=program, user=focal_point)
    services.program_return(program=program, user=staff, comment="Add figures.")
    services.program_submit(program=program, user=focal_point)
    services.program_publish(program=program, user=staff)
    services.program_archive(program=program, user=focal_point)
    services.program_restore(program=program, user=staff)

    assert moves_logged(program) == [
        ("submit", focal_point, "draft", "submitted"),
        ("return", staff, "submitted", "returned"),
        ("submit", focal_point, "returned", "submitted"),
        ("publish", staff, "submitted", "published"),
        ("archive", focal_point, "published", "archived"),
        ("restore", staff, "archived", "published"),
    ]


def test_a_returns_comment_is_kept_after_a_second_return():
    program = ProgramFactory(status=ProgramStatus.SUBMITTED, published_at=None)
    focal_point = FocalPointFactory(institution=program.owner)
    staff = SecretariatStaffFactory()

    services.program_return(program=program, user=staff, comment="Add figures.")
    services.program_submit(program=program, user=focal_point)
    services.program_return(program=program, user=staff, comment="Name the sources.")

    program.refresh_from_db()
    assert program.review_comment == "Name the sources."
    assert moves_logged(program, "action", "comment") == [
        ("return", "Add figures."),
        ("submit", ""),
        ("return", "Name the sources."),
    ]


# The ministry's pages.


def test_program_page_shows_its_ministry_the_review_history(client):
    program = ProgramFactory(status=ProgramStatus.SUBMITTED, published_at=None)
    focal_point = FocalPointFactory(institution=program.owner)
    staff = SecretariatStaffFactory(full_name="Rita Reviewer")
    services.program_return(program=program, user=staff, comment="Add figures.")
    services.program_submit(program=program, user=focal_point)
    services.program_publish(program=program, user=staff)
    client.force_login(focal_point)

    response = client.get(program.get_absolute_url())

    history = response.context["review_history"]
    assert [(e.to_state_label, e.actor, e.comment) for e in history] == [
        ("Returned for changes", staff, "Add figures."),
        ("Submitted for review", focal_point, ""),
        ("Published", staff, ""),
    ]
    page = response.content.decode()
    assert "Review history" in page
    assert "by Rita Reviewer" in page
    assert "Add figures." in page


def test_public_program_page_shows_visitors_no_review_history(client):
    program = ProgramFactory(status=ProgramStatus.SUBMITTED, published_at=None)
    services.program_return(program=program, user=SecretariatStaffFactory(), comment="Secret.")
    services.program_submit(program=program, user=FocalPointFactory(institution=program.owner))
    services.program_publish(program=program, user=SecretariatStaffFactory())

    response = client.get(program.get_absolute_url())

    assert response.context["review_history"] == []
    assert "Secret." not in response.content.decode()


def test_program_page_offers_archive_only_when_the_table_allows_it(client):
    published = ProgramFactory()
    draft = ProgramFactory(owner=published.owner, status=ProgramStatus.DRAFT)
    client.force_login(FocalPointFactory(institution=published.owner))

    archive = reverse("portfolio:program_archive", args=[published.slug])
    assert archive in client.get(published.get_absolute_url()).content.decode()
    draft_archive = reverse("portfolio:program_archive", args=[draft.slug])
    assert draft_archive not in client.get(draft.get_absolute_url()).content.decode()


PAGES = {"submit": "portfolio:program_submit", "archive": "portfolio:program_archive"}


@pytest.mark.parametrize(("state", "name"), refusals(PROGRAM_WORKFLOW, *PAGES))
def test_each_ministry_page_refuses_a_move_its_state_does_not_allow(client, state, name):
    program = ProgramFactory(status=state)
    client.force_login(FocalPointFactory(institution=program.owner))

    response = client.post(reverse(PAGES[name], args=[program.slug]))

    assert_refused_as_the_table_says(PROGRAM_WORKFLOW, program, name, message_texts(response))


def test_archive_view_refuses_a_draft_with_the_tables_message(client):
    draft = ProgramFactory(status=ProgramStatus.DRAFT)
    client.force_login(FocalPointFactory(institution=draft.owner))

    response = client.post(reverse("portfolio:program_archive", args=[draft.slug]))

    assert message_texts(response) == ["Only a published program can be archived."]


# The admin.


def run_action(client, action, programs, **data):
    return client.post(
        reverse("admin:portfolio_program_changelist"),
        {"action": action, helpers.ACTION_CHECKBOX_NAME: [p.pk for p in programs], **data},
    )


def test_admin_action_writes_the_log_with_the_acting_staff_member(
    staff_client, django_capture_on_commit_callbacks
):
    program = ProgramFactory(status=ProgramStatus.SUBMITTED, published_at=None)

    with django_capture_on_commit_callbacks(execute=False):
        run_action(staff_client, "publish", [program])

    entry = ActivityLog.objects.get()
    assert (entry.action, entry.actor) == ("publish", staff_client.staff)


def test_admin_restore_action_refuses_a_published_program(staff_client):
    program = ProgramFactory()

    response = run_action(staff_client, "restore", [program])

    assert message_texts(response, messages.ERROR) == [
        f"{program}: Only an archived program can be restored."
    ]
    assert not ActivityLog.objects.exists()


@pytest.mark.parametrize(
    ("state", "name"), refusals(PROGRAM_WORKFLOW, "publish", "return", "archive", "restore")
)
def test_each_admin_step_refuses_a_move_its_state_does_not_allow(staff_client, state, name):
    program = ProgramFactory(status=state)

    response = staff_client.post(
        reverse("admin:portfolio_program_step", args=[program.pk, name]),
        {"comment": "Add figures."},
    )

    shown = message_texts(response, messages.ERROR)
    assert_refused_as_the_table_says(PROGRAM_WORKFLOW, program, name, shown)


def test_admin_review_actions_are_withheld_from_a_viewer(client):
    viewer = UserFactory(is_staff=True)
    viewer.user_permissions.set(
        Permission.objects.filter(content_type__app_label="portfolio", codename="view_program")
    )
    sign_in_with_second_factor(client, viewer)
    program = ProgramFactory(status=ProgramStatus.SUBMITTED, published_at=None)

    changelist = client.get(reverse("admin:portfolio_program_changelist"))
    run_action(client, "publish", [program])

    assert changelist.context["action_form"] is None  # the actions declare their permission
    assert Program.objects.get().status == ProgramStatus.SUBMITTED
    assert not ActivityLog.objects.exists()


def test_program_change_page_shows_the_activity_log(staff_client):
    program = ProgramFactory(status=ProgramStatus.SUBMITTED, published_at=None)
    services.program_return(program=program, user=staff_client.staff, comment="Add figures.")

    page = staff_client.get(
        reverse("admin:portfolio_program_change", args=[program.pk])
    ).content.decode()

    assert "Activity log" in page
    assert "Submitted for review → Returned for changes" in page
    assert "Add figures." in page
