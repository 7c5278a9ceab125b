import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from core.models import EmailDelivery
from portfolio import services
from portfolio.enums import ProgramStatus, RevisionStatus
from portfolio.models import Program
from tests.factories import FocalPointFactory, SecretariatStaffFactory, TopicFactory
from tests.portfolio.factories import ProgramFactory, program_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def focal_point():
    return FocalPointFactory()


@pytest.fixture
def staff():
    return SecretariatStaffFactory()


@pytest.fixture
def draft(focal_point):
    return services.program_create(
        owner=focal_point.institution,
        user=focal_point,
        content=program_content(topics=[TopicFactory().pk]),
    )


def test_program_create_saves_a_draft_with_its_content(draft, focal_point):
    assert draft.status == ProgramStatus.DRAFT
    assert draft.created_by == focal_point
    assert draft.title == "Labor inspection training"
    assert [offer.kind for offer in draft.offers.all()] == ["workshop"]
    assert draft.slug == "labor-inspection-training"


def test_program_create_for_another_ministry_is_refused(focal_point):
    other = FocalPointFactory()

    with pytest.raises(PermissionDenied):
        services.program_create(
            owner=other.institution, user=focal_point, content=program_content()
        )

    assert not Program.objects.exists()


def test_program_submit_notifies_each_secretariat_member(draft, focal_point, staff):
    SecretariatStaffFactory(is_active=False)

    services.program_submit(program=draft, user=focal_point)

    draft.refresh_from_db()
    assert draft.status == ProgramStatus.SUBMITTED
    assert draft.submitted_by == focal_point
    assert list(EmailDelivery.objects.values_list("to", flat=True)) == [staff.email]
    assert "Labor inspection training" in EmailDelivery.objects.get().subject


def test_program_submit_twice_is_refused(draft, focal_point, staff):
    services.program_submit(program=draft, user=focal_point)

    with pytest.raises(ValidationError):
        services.program_submit(program=draft, user=focal_point)

    assert EmailDelivery.objects.count() == 1


def test_program_publish_notifies_the_submitter(draft, focal_point, staff):
    services.program_submit(program=draft, user=focal_point)

    services.program_publish(program=draft, user=staff)

    draft.refresh_from_db()
    assert draft.status == ProgramStatus.PUBLISHED
    assert draft.published_at is not None
    assert draft.last_verified == timezone.localdate()
    published_mail = EmailDelivery.objects.get(to=focal_point.email)
    assert published_mail.subject == "Published: Labor inspection training"


def test_program_publish_needs_a_submitted_program(draft, staff):
    with pytest.raises(ValidationError):
        services.program_publish(program=draft, user=staff)

    draft.refresh_from_db()
    assert draft.status == ProgramStatus.DRAFT


def test_program_publish_by_a_focal_point_is_refused(draft, focal_point):
    services.program_submit(program=draft, user=focal_point)

    with pytest.raises(PermissionDenied):
        services.program_publish(program=draft, user=focal_point)


def test_program_return_keeps_the_comment_and_resubmission_notifies_again(
    draft, focal_point, staff
):
    services.program_submit(program=draft, user=focal_point)
    services.program_return(program=draft, user=staff, comment="Add figures to the results.")
    draft.refresh_from_db()
    assert draft.status == ProgramStatus.RETURNED
    assert draft.review_comment == "Add figures to the results."
    assert "Add figures" in EmailDelivery.objects.get(to=focal_point.email).body

    services.program_update(
        program=draft, user=focal_point, content=program_content(results="200 trained in 2014.")
    )
    services.program_submit(program=draft, user=focal_point)

    draft.refresh_from_db()
    assert draft.status == ProgramStatus.SUBMITTED
    assert draft.results == "200 trained in 2014."
    assert EmailDelivery.objects.filter(to=staff.email).count() == 2


def test_program_return_without_comment_is_refused(draft, focal_point, staff):
    services.program_submit(program=draft, user=focal_point)

    with pytest.raises(ValidationError):
        services.program_return(program=draft, user=staff, comment="   ")

    draft.refresh_from_db()
    assert draft.status == ProgramStatus.SUBMITTED


def test_program_update_of_a_submitted_program_is_refused(draft, focal_point):
    services.program_submit(program=draft, user=focal_point)

    with pytest.raises(ValidationError):
        services.program_update(
            program=draft, user=focal_point, content=program_content(title_en="Changed")
        )

    draft.refresh_from_db()
    assert draft.title == "Labor inspection training"


def test_program_update_by_another_ministry_is_refused(draft):
    with pytest.raises(PermissionDenied):
        services.program_update(
            program=draft, user=FocalPointFactory(), content=program_content(title_en="Hijacked")
        )


def test_editing_a_published_program_makes_a_revision_and_keeps_the_public_text():
    program = ProgramFactory(title_en="Public title")
    focal_point = FocalPointFactory(institution=program.owner)
    content = {**program.content(), "title_en": "Unreviewed title"}

    revision = services.program_update(program=program, user=focal_point, content=content)

    program.refresh_from_db()
    assert program.title == "Public title"
    assert revision.status == RevisionStatus.DRAFT
    assert revision.content["title_en"] == "Unreviewed title"


def test_editing_again_updates_the_same_open_revision():
    program = ProgramFactory()
    focal_point = FocalPointFactory(institution=program.owner)
    services.program_update(
        program=program, user=focal_point, content={**program.content(), "results": "First"}
    )

    services.program_update(
        program=program, user=focal_point, content={**program.content(), "results": "Second"}
    )

    assert program.revisions.count() == 1
    assert program.revisions.get().content["results"] == "Second"


def test_revision_approval_replaces_the_public_text():
    program = ProgramFactory(title_en="Old title")
    focal_point = FocalPointFactory(institution=program.owner)
    staff = SecretariatStaffFactory()
    new_topic = TopicFactory()
    content = {**program.content(), "title_en": "New title", "topics": [new_topic.pk]}
    revision = services.program_update(program=program, user=focal_point, content=content)
    services.revision_submit(revision=revision, user=focal_point)

    services.revision_approve(revision=revision, user=staff)

    program.refresh_from_db()
    revision.refresh_from_db()
    assert program.title == "New title"
    assert list(program.topics.all()) == [new_topic]
    assert revision.status == RevisionStatus.APPROVED
    assert revision.reviewed_by == staff
    assert EmailDelivery.objects.filter(to=focal_point.email).count() == 1


def test_revision_return_leaves_the_program_untouched():
    program = ProgramFactory(title_en="Old title")
    focal_point = FocalPointFactory(institution=program.owner)
    revision = services.program_update(
        program=program, user=focal_point, content={**program.content(), "title_en": "New"}
    )
    services.revision_submit(revision=revision, user=focal_point)

    services.revision_return(revision=revision, user=SecretariatStaffFactory(), comment="Why?")

    program.refresh_from_db()
    revision.refresh_from_db()
    assert program.title == "Old title"
    assert revision.status == RevisionStatus.RETURNED
    assert revision.review_comment == "Why?"


def test_program_history_records_who_changed_what(draft, focal_point, staff):
    services.program_submit(program=draft, user=focal_point)
    services.program_publish(program=draft, user=staff)

    statuses = list(draft.history.order_by("history_date").values_list("status", flat=True))

    assert statuses[0] == ProgramStatus.DRAFT
    assert statuses[-1] == ProgramStatus.PUBLISHED


def test_program_confirm_current_marks_it_verified_today():
    program = ProgramFactory(last_verified=datetime.date(2020, 1, 1))

    services.program_confirm_current(
        program=program, user=FocalPointFactory(institution=program.owner)
    )

    program.refresh_from_db()
    assert program.last_verified == timezone.localdate()


def test_program_archive_and_restore():
    program = ProgramFactory()
    staff = SecretariatStaffFactory()

    services.program_archive(program=program, user=staff)
    assert Program.objects.get().status == ProgramStatus.ARCHIVED
    services.program_restore(program=program, user=staff)

    assert Program.objects.get().status == ProgramStatus.PUBLISHED


def test_verification_reminder_goes_once_per_person_per_deadline(settings):
    settings.PORTFOLIO_VERIFY_EVERY_DAYS = 365
    today = datetime.date(2026, 11, 22)
    overdue = ProgramFactory(last_verified=datetime.date(2025, 10, 1))
    ProgramFactory(last_verified=datetime.date(2026, 1, 1))
    ProgramFactory(last_verified=datetime.date(2020, 1, 1), status=ProgramStatus.DRAFT)
    first = FocalPointFactory(institution=overdue.owner)
    second = FocalPointFactory(institution=overdue.owner)

    assert services.program_verification_remind(today=today) == 2
    assert services.program_verification_remind(today=today) == 0

    assert sorted(EmailDelivery.objects.values_list("to", flat=True)) == sorted(
        [first.email, second.email]
    )
    overdue.last_verified = datetime.date(2025, 11, 1)
    overdue.save()
    assert services.program_verification_remind(today=today) == 2


def test_verification_reminder_respects_a_muted_notice():
    program = ProgramFactory(last_verified=datetime.date(2020, 1, 1))
    FocalPointFactory(institution=program.owner, muted_notices=["verification_reminders"])
    listening = FocalPointFactory(institution=program.owner)

    services.program_verification_remind()

    assert list(EmailDelivery.objects.values_list("to", flat=True)) == [listening.email]
