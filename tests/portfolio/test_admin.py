"""The Secretariat reviews programs and revisions in the admin."""

import datetime

import pytest
from django.contrib import admin, messages
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertTemplateUsed

from core.models import EmailDelivery
from portfolio import services
from portfolio.enums import ProgramStatus, RevisionStatus
from portfolio.models import Program, ProgramAttachment, ProgramRevision, TargetGroup
from tests.admin_forms import change_form_data
from tests.conftest import sign_in_with_second_factor
from tests.factories import (
    FocalPointFactory,
    InstitutionFactory,
    SecretariatStaffFactory,
    UserFactory,
)
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

REGISTERED = sorted(
    model._meta.model_name for model in admin.site._registry if model._meta.app_label == "portfolio"
)
WITHOUT_ADD_PAGE = {"programrevision", "programattachment"}
RETURN_TEMPLATE = "admin/ask_then_apply.html"


@pytest.fixture
def staff():
    return SecretariatStaffFactory()


@pytest.fixture
def staff_client(client, staff):
    return sign_in_with_second_factor(client, staff)


def submitted_program(*, submitted_at=None, **kwargs):
    """A program waiting for review, submitted by a focal point of its ministry."""
    owner = InstitutionFactory()
    return ProgramFactory(
        owner=owner,
        status=ProgramStatus.SUBMITTED,
        submitted_by=FocalPointFactory(institution=owner),
        submitted_at=submitted_at or timezone.now(),
        published_at=None,
        **kwargs,
    )


def submitted_revision(*, title_en="Labor inspection, second edition"):
    """A published program and a submitted revision changing its English title."""
    program = ProgramFactory(title_en="Labor inspection, first edition")
    focal_point = FocalPointFactory(institution=program.owner)
    revision = services.program_update(
        program=program, user=focal_point, content={**program.content(), "title_en": title_en}
    )
    return services.revision_submit(revision=revision, user=focal_point)


def run_action(client, model_name, action, pks, **extra):
    return client.post(
        reverse(f"admin:portfolio_{model_name}_changelist"),
        {"action": action, "_selected_action": [str(pk) for pk in pks], **extra},
    )


def message_texts(response, level=None):
    return [
        str(message)
        for message in get_messages(response.wsgi_request)
        if level is None or message.level == level
    ]


@pytest.fixture
def one_of_each(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    revision = submitted_revision()
    program = revision.program
    program.offers.create(kind="workshop")
    program.indicators.create(name="Inspectors trained", value="200", year=2020)
    attachment = ProgramAttachment(
        program=program, title="Final report", kind="pdf", size=9, language="en"
    )
    attachment.file.save("report.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    attachment.save()
    return {
        "program": program,
        "programrevision": revision,
        "programattachment": attachment,
        "targetgroup": TargetGroup.objects.get(slug="youth"),
    }


def test_registered_models_are_the_four_of_the_portfolio():
    assert REGISTERED == ["program", "programattachment", "programrevision", "targetgroup"]


@pytest.mark.parametrize("model_name", REGISTERED)
def test_admin_changelist_and_change_pages_load_for_staff(staff_client, one_of_each, model_name):
    changelist = reverse(f"admin:portfolio_{model_name}_changelist")
    change = reverse(f"admin:portfolio_{model_name}_change", args=[one_of_each[model_name].pk])

    assert staff_client.get(changelist).status_code == 200
    assert staff_client.get(changelist, {"q": "a"}).status_code == 200
    assert staff_client.get(changelist, {"o": "-1"}).status_code == 200
    assert staff_client.get(change).status_code == 200


@pytest.mark.parametrize("model_name", REGISTERED)
def test_admin_add_page_loads_for_staff_unless_there_is_none(staff_client, model_name):
    response = staff_client.get(reverse(f"admin:portfolio_{model_name}_add"))

    assert response.status_code == (403 if model_name in WITHOUT_ADD_PAGE else 200)


def test_program_changelist_lists_submitted_programs_first_oldest_first(staff_client):
    now = timezone.now()
    published = ProgramFactory()
    draft = ProgramFactory(status=ProgramStatus.DRAFT, published_at=None)
    newer = submitted_program(submitted_at=now - datetime.timedelta(days=1))
    older = submitted_program(submitted_at=now - datetime.timedelta(days=3))
    # The rest follow, the most recently updated first.
    Program.objects.filter(pk=published.pk).update(updated_at=now - datetime.timedelta(hours=2))
    Program.objects.filter(pk=draft.pk).update(updated_at=now - datetime.timedelta(hours=1))

    response = staff_client.get(reverse("admin:portfolio_program_changelist"))

    assert list(response.context["cl"].result_list) == [older, newer, draft, published]


def test_revision_changelist_lists_submitted_revisions_first_oldest_first(staff_client):
    now = timezone.now()
    newer = submitted_revision()
    older = submitted_revision()
    returned = submitted_revision()
    ProgramRevision.objects.filter(pk=newer.pk).update(submitted_at=now)
    ProgramRevision.objects.filter(pk=older.pk).update(submitted_at=now - datetime.timedelta(1))
    ProgramRevision.objects.filter(pk=returned.pk).update(
        status=RevisionStatus.RETURNED, submitted_at=now - datetime.timedelta(2)
    )

    response = staff_client.get(reverse("admin:portfolio_programrevision_changelist"))

    assert list(response.context["cl"].result_list) == [older, newer, returned]


def test_publish_action_publishes_a_submitted_program(
    staff_client, django_capture_on_commit_callbacks
):
    program = submitted_program()

    with django_capture_on_commit_callbacks(execute=False):
        response = run_action(staff_client, "program", "publish", [program.pk])

    assert response.status_code == 302
    program.refresh_from_db()
    assert program.status == ProgramStatus.PUBLISHED
    assert program.published_at is not None
    assert program.last_verified == timezone.localdate()
    assert message_texts(response, messages.SUCCESS) == ["1 program published."]


def test_publish_action_records_an_email_to_the_submitter(
    staff_client, django_capture_on_commit_callbacks
):
    program = submitted_program(title_en="Youth employment")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run_action(staff_client, "program", "publish", [program.pk])

    delivery = EmailDelivery.objects.get()
    assert delivery.to == program.submitted_by.email
    assert delivery.subject == "Published: Youth employment"
    assert delivery.status == "pending"
    assert len(callbacks) == 1  # the send is queued on commit, not run here


def test_publish_action_on_a_draft_reports_an_error_and_changes_nothing(
    staff_client, django_capture_on_commit_callbacks
):
    draft = ProgramFactory(status=ProgramStatus.DRAFT, published_at=None, title_en="Unready")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = run_action(staff_client, "program", "publish", [draft.pk])

    assert response.status_code == 302
    assert message_texts(response) == ["Unready: Only a submitted program can be published."]
    assert message_texts(response, messages.ERROR) == message_texts(response)
    draft.refresh_from_db()
    assert draft.status == ProgramStatus.DRAFT
    assert draft.published_at is None
    assert not EmailDelivery.objects.exists()
    assert callbacks == []


def test_return_action_first_asks_for_a_comment(staff_client):
    program = submitted_program()

    response = run_action(staff_client, "program", "return_to_ministry", [program.pk])

    assert response.status_code == 200
    assertTemplateUsed(response, RETURN_TEMPLATE)
    assert list(response.context["objects"]) == [program]
    assert response.context["selected"] == [str(program.pk)]
    program.refresh_from_db()
    assert program.status == ProgramStatus.SUBMITTED


def test_return_action_with_a_comment_returns_the_program(
    staff_client, django_capture_on_commit_callbacks
):
    program = submitted_program()

    with django_capture_on_commit_callbacks(execute=False):
        response = run_action(
            staff_client,
            "program",
            "return_to_ministry",
            [program.pk],
            apply="1",
            comment="  Add the figures of 2023.  ",
        )

    assert response.status_code == 302
    program.refresh_from_db()
    assert program.status == ProgramStatus.RETURNED
    assert program.review_comment == "Add the figures of 2023."
    assert EmailDelivery.objects.get().to == program.submitted_by.email
    assert message_texts(response, messages.SUCCESS) == ["1 returned."]


def test_return_action_with_an_empty_comment_shows_the_page_again(staff_client):
    program = submitted_program()

    response = run_action(
        staff_client, "program", "return_to_ministry", [program.pk], apply="1", comment="   "
    )

    assert response.status_code == 200
    assertTemplateUsed(response, RETURN_TEMPLATE)
    assert response.context["form"].errors == {"comment": ["This field is required."]}
    program.refresh_from_db()
    assert program.status == ProgramStatus.SUBMITTED
    assert program.review_comment == ""
    assert not EmailDelivery.objects.exists()


def test_revision_change_page_shows_the_title_change(staff_client):
    revision = submitted_revision(title_en="Labor inspection, second edition")

    response = staff_client.get(
        reverse("admin:portfolio_programrevision_change", args=[revision.pk])
    )

    page = response.content.decode()
    assert "- Labor inspection, first edition" in page
    assert "+ Labor inspection, second edition" in page


def test_revision_change_page_without_changes_says_so(staff_client):
    revision = submitted_revision(title_en="Labor inspection, first edition")

    response = staff_client.get(
        reverse("admin:portfolio_programrevision_change", args=[revision.pk])
    )

    assert "No change to the text." in response.content.decode()


def test_approve_action_replaces_the_public_text(
    staff_client, staff, django_capture_on_commit_callbacks
):
    revision = submitted_revision(title_en="Labor inspection, second edition")

    with django_capture_on_commit_callbacks(execute=False):
        response = run_action(staff_client, "programrevision", "approve", [revision.pk])

    assert response.status_code == 302
    assert message_texts(response, messages.SUCCESS) == ["1 revision approved."]
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.APPROVED
    assert revision.reviewed_by == staff
    assert Program.objects.get(pk=revision.program_id).title_en == (
        "Labor inspection, second edition"
    )
    assert EmailDelivery.objects.filter(to=revision.submitted_by.email).count() == 1


def test_approve_action_on_a_draft_revision_changes_nothing(staff_client):
    program = ProgramFactory(title_en="Labor inspection, first edition")
    revision = services.program_update(
        program=program,
        user=FocalPointFactory(institution=program.owner),
        content={**program.content(), "title_en": "Not submitted yet"},
    )

    response = run_action(staff_client, "programrevision", "approve", [revision.pk])

    assert message_texts(response, messages.ERROR) == [
        f"{revision}: Only a submitted revision can be approved."
    ]
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.DRAFT
    assert Program.objects.get(pk=program.pk).title_en == "Labor inspection, first edition"


def test_revision_return_action_first_asks_for_a_comment(staff_client):
    revision = submitted_revision()

    response = run_action(staff_client, "programrevision", "return_to_ministry", [revision.pk])

    assert response.status_code == 200
    assertTemplateUsed(response, RETURN_TEMPLATE)
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.SUBMITTED


def test_revision_return_action_with_a_comment_returns_the_revision(
    staff_client, staff, django_capture_on_commit_callbacks
):
    revision = submitted_revision(title_en="Labor inspection, second edition")

    with django_capture_on_commit_callbacks(execute=False):
        response = run_action(
            staff_client,
            "programrevision",
            "return_to_ministry",
            [revision.pk],
            apply="1",
            comment="Keep the original title.",
        )

    assert response.status_code == 302
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.RETURNED
    assert revision.review_comment == "Keep the original title."
    assert revision.reviewed_by == staff
    assert Program.objects.get(pk=revision.program_id).title_en == (
        "Labor inspection, first edition"
    )


def test_revision_return_action_with_an_empty_comment_changes_nothing(staff_client):
    revision = submitted_revision()

    response = run_action(
        staff_client, "programrevision", "return_to_ministry", [revision.pk], apply="1", comment=""
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"comment": ["This field is required."]}
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.SUBMITTED
    assert revision.review_comment == ""


def test_program_changelist_is_forbidden_to_staff_without_the_group(client):
    sign_in_with_second_factor(client, UserFactory(is_staff=True))

    response = client.get(reverse("admin:portfolio_program_changelist"))

    assert response.status_code == 403


def test_program_changelist_sends_a_focal_point_to_the_admin_login(client):
    client.force_login(FocalPointFactory())

    response = client.get(reverse("admin:portfolio_program_changelist"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_program_admin_shows_documentation_languages_as_checkboxes(staff_client):
    program = ProgramFactory(documentation_languages=["es", "pt"])

    response = staff_client.get(reverse("admin:portfolio_program_change", args=[program.pk]))

    bound = response.context["adminform"].form["documentation_languages"]
    assert [(choice.data["value"], choice.data["selected"]) for choice in bound] == [
        ("en", False),
        ("es", True),
        ("pt", True),
        ("fr", False),
    ]
    assert 'type="checkbox" name="documentation_languages" value="es"' in (
        response.content.decode()
    )


def test_program_admin_saves_the_ticked_documentation_languages(staff_client):
    program = ProgramFactory(documentation_languages=[])
    url = reverse("admin:portfolio_program_change", args=[program.pk])
    data = change_form_data(staff_client.get(url))

    response = staff_client.post(url, {**data, "documentation_languages": ["en", "fr"]})

    assert response.status_code == 302
    program.refresh_from_db()
    assert program.documentation_languages == ["en", "fr"]


def test_program_admin_refuses_a_language_not_offered(staff_client):
    program = ProgramFactory(documentation_languages=["es"])
    url = reverse("admin:portfolio_program_change", args=[program.pk])
    data = change_form_data(staff_client.get(url))

    response = staff_client.post(url, {**data, "documentation_languages": ["xx"]})

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["documentation_languages"]
    program.refresh_from_db()
    assert program.documentation_languages == ["es"]
