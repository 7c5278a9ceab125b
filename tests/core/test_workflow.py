"""The one way to move a record through its states (core/workflow.py),
shown on the program's review table: the rule before the state, nothing
saved, logged or mailed on a refusal, the log and the emails on success."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from core.models import ActivityLog, EmailDelivery
from core.workflow import TransitionError, activity_of, next_steps, transition, workflow_of
from library.workflows import LIBRARY_WORKFLOW
from newsletter.workflows import NEWS_WORKFLOW
from portfolio.enums import ProgramStatus
from portfolio.models import Program
from portfolio.workflows import PROGRAM_WORKFLOW, REVISION_WORKFLOW
from tests.factories import FocalPointFactory, SecretariatStaffFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return SecretariatStaffFactory()


def submitted():
    program = ProgramFactory(status=ProgramStatus.SUBMITTED, published_at=None)
    program.submitted_by = FocalPointFactory(institution=program.owner)
    program.save()
    return program


def test_workflow_of_finds_the_table_by_model_or_object():
    assert workflow_of(Program) is PROGRAM_WORKFLOW
    assert workflow_of(ProgramFactory()) is PROGRAM_WORKFLOW


def test_transition_saves_the_target_state_and_logs_the_move(staff):
    program = submitted()

    moved = transition(program, "return", user=staff, comment="  Add figures.  ")

    assert moved.status == ProgramStatus.RETURNED
    assert Program.objects.get().status == ProgramStatus.RETURNED
    entry = ActivityLog.objects.get()
    assert entry.content_object == program
    assert (entry.actor, entry.action, entry.from_state, entry.to_state, entry.comment) == (
        staff,
        "return",
        ProgramStatus.SUBMITTED,
        ProgramStatus.RETURNED,
        "Add figures.",
    )


def test_transition_saves_the_moves_own_fields_and_the_update_time(staff):
    program = submitted()
    before = program.updated_at

    transition(program, "publish", user=staff)

    program.refresh_from_db()
    entry = ActivityLog.objects.get()
    assert program.published_at == entry.created_at
    assert program.updated_at > before


def test_transition_checks_the_rule_before_the_state():
    draft = ProgramFactory(status=ProgramStatus.DRAFT, published_at=None)

    with pytest.raises(PermissionDenied, match=r"Only the Secretariat publishes programs\."):
        transition(draft, "publish", user=FocalPointFactory(institution=draft.owner))


def test_transition_from_a_wrong_state_changes_logs_and_mails_nothing(staff):
    draft = ProgramFactory(status=ProgramStatus.DRAFT, published_at=None)

    with pytest.raises(TransitionError) as refusal:
        transition(draft, "publish", user=staff)

    assert refusal.value.messages == ["Only a submitted program can be published."]
    assert Program.objects.get().status == ProgramStatus.DRAFT
    assert not ActivityLog.objects.exists()
    assert not EmailDelivery.objects.exists()


def test_transition_needing_a_comment_refuses_a_blank_one(staff):
    program = submitted()

    with pytest.raises(ValidationError) as refusal:
        transition(program, "return", user=staff, comment="   ")

    assert refusal.value.message_dict == {"comment": ["Say what should change."]}
    assert Program.objects.get().status == ProgramStatus.SUBMITTED
    assert not ActivityLog.objects.exists()


def test_transition_queues_its_emails_only_after_commit(staff, django_capture_on_commit_callbacks):
    program = submitted()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        transition(program, "publish", user=staff)

    # The delivery is recorded with the move; it is queued once both commit.
    assert list(EmailDelivery.objects.values_list("to", flat=True)) == [program.submitted_by.email]
    assert len(callbacks) == 1


def test_next_steps_are_the_moves_the_state_and_the_rule_allow(staff):
    program = submitted()
    focal_point = FocalPointFactory(institution=program.owner)

    assert [move.name for move in next_steps(staff, program)] == ["publish", "return"]
    assert next_steps(focal_point, program) == []
    assert [move.name for move in next_steps(focal_point, ProgramFactory(owner=program.owner))] == [
        "archive"
    ]


def test_activity_of_lists_the_moves_oldest_first_with_their_labels(staff):
    program = submitted()
    transition(program, "return", user=staff, comment="Add figures.")
    transition(program, "submit", user=program.submitted_by)

    entries = activity_of(program)

    assert [(e.action_label, e.to_state_label) for e in entries] == [
        ("Return to the ministry", "Returned for changes"),
        ("Submit for review", "Submitted for review"),
    ]


# review_moves() phrases each review table's refusals from the table's nouns.


@pytest.mark.parametrize(
    ("workflow", "language", "expected"),
    [
        (PROGRAM_WORKFLOW, "en", "Only a submitted program can be published."),
        (PROGRAM_WORKFLOW, "es", "Solo se puede publicar un programa enviado."),
        (NEWS_WORKFLOW, "es", "Solo se puede publicar una noticia enviada."),
        (REVISION_WORKFLOW, "es", "Solo se puede aprobar una revisión enviada."),
        (LIBRARY_WORKFLOW, "es", "Solo se puede publicar un documento de la biblioteca enviado."),
    ],
)
def test_a_review_refusal_agrees_with_the_tables_noun_in_each_language(
    workflow, language, expected
):
    accept = next(move for move in workflow if move.name in ("publish", "approve"))

    with translation.override(language):
        assert str(accept.wrong_state) == expected


def test_a_review_refusal_is_translated_when_shown_not_when_declared():
    with translation.override("es"):
        shown = str(NEWS_WORKFLOW["submit"].refused)

    assert shown == "Usted no puede enviar esta noticia."
    assert str(NEWS_WORKFLOW["submit"].refused) == "You cannot submit this news item."
