"""The next review steps on a program's (and a revision's) own admin page:
each one allowed for the Secretariat, refused without the permission, and
refused with a message when the object's state does not allow it."""

import pytest
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.urls import reverse

from portfolio.enums import ProgramStatus, RevisionStatus
from tests.conftest import sign_in_with_second_factor
from tests.factories import SecretariatStaffFactory, UserFactory
from tests.portfolio.factories import ProgramFactory
from tests.portfolio.test_admin import message_texts, submitted_program, submitted_revision

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    return sign_in_with_second_factor(client, SecretariatStaffFactory())


@pytest.fixture
def viewer_client(client):
    """Staff who may look at programs and revisions, not review them."""
    user = UserFactory(is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="portfolio",
            codename__in=["view_program", "view_programrevision"],
        )
    )
    return sign_in_with_second_factor(client, user)


def step_url(obj, step):
    return reverse(f"admin:portfolio_{obj._meta.model_name}_step", args=[obj.pk, step])


def change_url(obj):
    return reverse(f"admin:portfolio_{obj._meta.model_name}_change", args=[obj.pk])


def test_submitted_program_page_offers_publish_and_return(staff_client):
    program = submitted_program()

    html = staff_client.get(change_url(program)).content.decode()

    assert f'href="{step_url(program, "publish")}"' in html
    assert f'href="{step_url(program, "return")}"' in html
    assert step_url(program, "archive") not in html


def test_published_program_page_offers_archive_only(staff_client):
    program = ProgramFactory()

    html = staff_client.get(change_url(program)).content.decode()

    assert f'href="{step_url(program, "archive")}"' in html
    assert step_url(program, "publish") not in html
    assert step_url(program, "return") not in html


def test_program_page_offers_no_step_to_a_viewer(viewer_client):
    program = submitted_program()

    response = viewer_client.get(change_url(program))

    assert response.status_code == 200
    assert "/step/" not in response.content.decode()


def test_publish_step_asks_first_then_publishes(staff_client, django_capture_on_commit_callbacks):
    program = submitted_program()

    page = staff_client.get(step_url(program, "publish"))
    assert page.status_code == 200
    program.refresh_from_db()
    assert program.status == ProgramStatus.SUBMITTED  # nothing done on GET

    with django_capture_on_commit_callbacks(execute=False):
        response = staff_client.post(step_url(program, "publish"))

    assert response.status_code == 302
    assert response["Location"] == change_url(program)
    assert message_texts(response, messages.SUCCESS) == ["The program is published."]
    program.refresh_from_db()
    assert program.status == ProgramStatus.PUBLISHED


def test_publish_step_is_refused_without_the_permission(viewer_client):
    program = submitted_program()

    assert viewer_client.get(step_url(program, "publish")).status_code == 403
    assert viewer_client.post(step_url(program, "publish")).status_code == 403
    program.refresh_from_db()
    assert program.status == ProgramStatus.SUBMITTED


def test_publish_step_on_a_draft_says_why_and_changes_nothing(staff_client):
    draft = ProgramFactory(status=ProgramStatus.DRAFT, published_at=None)

    response = staff_client.post(step_url(draft, "publish"))

    assert response.status_code == 302
    assert message_texts(response, messages.ERROR) == ["Only a submitted program can be published."]
    draft.refresh_from_db()
    assert draft.status == ProgramStatus.DRAFT


def test_return_step_asks_for_a_comment(staff_client):
    program = submitted_program()

    response = staff_client.get(step_url(program, "return"))

    assert response.status_code == 200
    assert 'name="comment"' in response.content.decode()


def test_return_step_without_a_comment_shows_the_page_again(staff_client):
    program = submitted_program()

    response = staff_client.post(step_url(program, "return"), {"comment": "  "})

    assert response.status_code == 200
    assert response.context["form"].errors == {"comment": ["This field is required."]}
    program.refresh_from_db()
    assert program.status == ProgramStatus.SUBMITTED


def test_return_step_returns_the_program_with_the_comment(
    staff_client, django_capture_on_commit_callbacks
):
    program = submitted_program()

    with django_capture_on_commit_callbacks(execute=False):
        response = staff_client.post(
            step_url(program, "return"), {"comment": "Add the figures of 2024."}
        )

    assert response.status_code == 302
    assert message_texts(response, messages.SUCCESS) == ["The program is returned to its ministry."]
    program.refresh_from_db()
    assert program.status == ProgramStatus.RETURNED
    assert program.review_comment == "Add the figures of 2024."


def test_return_step_is_refused_without_the_permission(viewer_client):
    program = submitted_program()

    response = viewer_client.post(step_url(program, "return"), {"comment": "No."})

    assert response.status_code == 403
    program.refresh_from_db()
    assert program.status == ProgramStatus.SUBMITTED


def test_return_step_on_a_published_program_says_why(staff_client):
    program = ProgramFactory()

    response = staff_client.post(step_url(program, "return"), {"comment": "Too late."})

    assert response.status_code == 302
    assert message_texts(response, messages.ERROR) == ["Only a submitted program can be returned."]
    program.refresh_from_db()
    assert program.status == ProgramStatus.PUBLISHED


def test_archive_and_restore_steps(staff_client):
    program = ProgramFactory()

    staff_client.post(step_url(program, "archive"))
    program.refresh_from_db()
    assert program.status == ProgramStatus.ARCHIVED

    response = staff_client.post(step_url(program, "restore"))
    assert message_texts(response, messages.SUCCESS)[-1] == "The program is restored."
    program.refresh_from_db()
    assert program.status == ProgramStatus.PUBLISHED


def test_archive_and_restore_steps_are_refused_without_the_permission(viewer_client):
    program = ProgramFactory()

    assert viewer_client.post(step_url(program, "archive")).status_code == 403
    program.refresh_from_db()
    assert program.status == ProgramStatus.PUBLISHED


def test_restore_step_on_a_published_program_says_why(staff_client):
    program = ProgramFactory()

    response = staff_client.post(step_url(program, "restore"))

    assert message_texts(response, messages.ERROR) == ["Only an archived program can be restored."]


def test_unknown_step_is_not_found(staff_client):
    program = submitted_program()

    assert staff_client.post(step_url(program, "delete-everything")).status_code == 404


def test_submitted_revision_page_offers_approve_and_return(staff_client):
    revision = submitted_revision()

    html = staff_client.get(change_url(revision)).content.decode()

    assert f'href="{step_url(revision, "approve")}"' in html
    assert f'href="{step_url(revision, "return")}"' in html


def test_approve_step_replaces_the_public_text(staff_client, django_capture_on_commit_callbacks):
    revision = submitted_revision(title_en="Labor inspection, second edition")

    with django_capture_on_commit_callbacks(execute=False):
        response = staff_client.post(step_url(revision, "approve"))

    assert message_texts(response, messages.SUCCESS) == ["The revision is approved."]
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.APPROVED
    assert revision.program.title_en == "Labor inspection, second edition"


def test_approve_step_is_refused_without_the_permission(viewer_client):
    revision = submitted_revision()

    assert viewer_client.post(step_url(revision, "approve")).status_code == 403
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.SUBMITTED


def test_approve_step_on_an_approved_revision_says_why(
    staff_client, django_capture_on_commit_callbacks
):
    revision = submitted_revision()
    with django_capture_on_commit_callbacks(execute=False):
        staff_client.post(step_url(revision, "approve"))

    response = staff_client.post(step_url(revision, "approve"))

    assert message_texts(response, messages.ERROR) == ["Only a submitted revision can be approved."]


def test_revision_return_step_returns_it_with_the_comment(
    staff_client, django_capture_on_commit_callbacks
):
    revision = submitted_revision()

    with django_capture_on_commit_callbacks(execute=False):
        response = staff_client.post(step_url(revision, "return"), {"comment": "Keep the title."})

    assert message_texts(response, messages.SUCCESS) == [
        "The revision is returned to its ministry."
    ]
    revision.refresh_from_db()
    assert (revision.status, revision.review_comment) == (
        RevisionStatus.RETURNED,
        "Keep the title.",
    )


def test_revision_return_step_is_refused_without_the_permission(viewer_client):
    revision = submitted_revision()

    response = viewer_client.post(step_url(revision, "return"), {"comment": "No."})

    assert response.status_code == 403
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.SUBMITTED
