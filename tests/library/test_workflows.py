"""LIBRARY_WORKFLOW (library/workflows.py), move by move, in every state,
through the item_* services and the item admin (no page of the portal moves
an item: the institutions' submission is the service's, the Secretariat's
review the admin's)."""

import pytest
from django.contrib import messages
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from core.models import ActivityLog, EmailDelivery
from core.workflow import TransitionError
from library import services
from library.enums import ItemStatus
from library.models import LibraryItem
from library.workflows import LIBRARY_WORKFLOW
from tests.conftest import (
    assert_move_follows_table,
    assert_refused_as_the_table_says,
    moves_logged,
    refusals,
)
from tests.factories import (
    FocalPointFactory,
    InstitutionFactory,
    OrganizationFactory,
    SecretariatStaffFactory,
)
from tests.library.factories import LibraryItemFactory
from tests.portfolio.test_admin import message_texts

pytestmark = pytest.mark.django_db

SERVICES = {
    "submit": lambda item, user: services.item_submit(item=item, user=user),
    "publish": lambda item, user: services.item_publish(item=item, user=user),
    "return": lambda item, user: services.item_return(item=item, user=user, comment="Add it."),
    "publish_directly": lambda item, user: services.item_publish_directly(item=item, user=user),
}


def test_every_move_of_the_table_has_its_service():
    assert set(SERVICES) == set(LIBRARY_WORKFLOW.transitions)


def owner_for(name):
    """An organization for the Secretariat's own moves, else a ministry."""
    return OrganizationFactory() if name == "publish_directly" else InstitutionFactory()


@pytest.mark.parametrize("state", ItemStatus.values)
@pytest.mark.parametrize("name", SERVICES)
def test_each_move_is_made_from_its_sources_and_refused_from_other_states(state, name):
    item = LibraryItemFactory(status=state, published_at=None, owner=owner_for(name))

    assert_move_follows_table(
        LIBRARY_WORKFLOW, item, name, lambda: SERVICES[name](item, SecretariatStaffFactory())
    )


@pytest.mark.parametrize("name", ["publish", "return", "publish_directly"])
def test_the_secretariats_moves_are_refused_to_the_institution(name):
    move = LIBRARY_WORKFLOW[name]
    item = LibraryItemFactory(status=move.sources[0])

    with pytest.raises(PermissionDenied):
        SERVICES[name](item, FocalPointFactory(institution=item.owner))

    assert LibraryItem.objects.get().status == move.sources[0]
    assert not ActivityLog.objects.exists()


def test_every_state_change_of_a_library_item_is_logged_with_its_actor():
    item = LibraryItemFactory(status=ItemStatus.DRAFT, published_at=None)
    focal_point = FocalPointFactory(institution=item.owner)
    staff = SecretariatStaffFactory()

    services.item_submit(item=item, user=focal_point)
    services.item_return(item=item, user=staff, comment="Add the Spanish version.")
    services.item_submit(item=item, user=focal_point)
    services.item_publish(item=item, user=staff)
    own = LibraryItemFactory(
        status=ItemStatus.DRAFT, published_at=None, owner=OrganizationFactory()
    )
    services.item_publish_directly(item=own, user=staff)

    assert moves_logged(item) == [
        ("submit", focal_point, "draft", "submitted"),
        ("return", staff, "submitted", "returned"),
        ("submit", focal_point, "returned", "submitted"),
        ("publish", staff, "submitted", "published"),
    ]
    assert moves_logged(own) == [("publish_directly", staff, "draft", "published")]


def test_a_focal_point_submits_their_institutions_draft_and_the_secretariat_is_told(
    django_capture_on_commit_callbacks,
):
    staff = SecretariatStaffFactory()
    item = LibraryItemFactory(status=ItemStatus.DRAFT)
    focal_point = FocalPointFactory(institution=item.owner)

    with django_capture_on_commit_callbacks(execute=True):
        services.item_submit(item=item, user=focal_point)

    item.refresh_from_db()
    assert (item.status, item.submitted_by) == (ItemStatus.SUBMITTED, focal_point)
    delivery = EmailDelivery.objects.get()
    assert delivery.to == staff.email
    assert item.title in delivery.subject


def test_another_institutions_focal_point_cannot_submit():
    item = LibraryItemFactory(status=ItemStatus.DRAFT)

    with pytest.raises(PermissionDenied):
        services.item_submit(item=item, user=FocalPointFactory())

    assert LibraryItem.objects.get().status == ItemStatus.DRAFT


def test_publishing_records_the_first_publication_and_tells_the_submitter(
    django_capture_on_commit_callbacks,
):
    item = LibraryItemFactory(status=ItemStatus.DRAFT, published_at=None)
    focal_point = FocalPointFactory(institution=item.owner)
    staff = SecretariatStaffFactory()
    services.item_submit(item=item, user=focal_point)

    with django_capture_on_commit_callbacks(execute=True):
        item = services.item_publish(item=item, user=staff)

    assert item.status == ItemStatus.PUBLISHED
    assert item.published_at is not None
    assert sorted(EmailDelivery.objects.values_list("to", flat=True)) == sorted(
        [staff.email, focal_point.email]
    )
    assert moves_logged(item, "action", "actor") == [
        ("submit", focal_point),
        ("publish", staff),
    ]


def test_the_admin_returns_a_submitted_item_with_the_comment(staff_client):
    item = LibraryItemFactory(status=ItemStatus.SUBMITTED)
    url = reverse("admin:library_libraryitem_step", args=[item.pk, "return"])

    response = staff_client.post(url, {"comment": "Add the Spanish version."})

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.review_comment) == (
        ItemStatus.RETURNED,
        "Add the Spanish version.",
    )


def test_the_admin_publishes_its_own_draft_directly(staff_client):
    item = LibraryItemFactory(
        status=ItemStatus.DRAFT, published_at=None, owner=OrganizationFactory()
    )
    url = reverse("admin:library_libraryitem_step", args=[item.pk, "publish_directly"])

    staff_client.post(url)

    item.refresh_from_db()
    assert item.status == ItemStatus.PUBLISHED
    assert item.published_at is not None


def test_a_ministrys_draft_is_not_published_directly(staff_client):
    item = LibraryItemFactory(status=ItemStatus.DRAFT, published_at=None)
    FocalPointFactory(institution=item.owner)

    with pytest.raises(TransitionError) as refusal:
        services.item_publish_directly(item=item, user=SecretariatStaffFactory())
    response = staff_client.post(
        reverse("admin:library_libraryitem_step", args=[item.pk, "publish_directly"])
    )

    message = "A ministry's item is published only after its focal points submit it for review."
    assert refusal.value.messages == [message]
    assert message_texts(response, messages.ERROR) == [message]
    item.refresh_from_db()
    assert (item.status, item.published_at) == (ItemStatus.DRAFT, None)
    assert moves_logged(item) == []


@pytest.mark.parametrize(
    ("state", "name"), refusals(LIBRARY_WORKFLOW, "publish", "return", "publish_directly")
)
def test_each_admin_step_refuses_a_move_its_state_does_not_allow(staff_client, state, name):
    item = LibraryItemFactory(status=state, owner=owner_for(name))

    response = staff_client.post(
        reverse("admin:library_libraryitem_step", args=[item.pk, name]),
        {"comment": "Add the Spanish version."},
    )

    shown = message_texts(response, messages.ERROR)
    assert_refused_as_the_table_says(LIBRARY_WORKFLOW, item, name, shown)


def test_admin_action_writes_both_logs_with_the_acting_staff_member(
    staff_client, django_capture_on_commit_callbacks
):
    item = LibraryItemFactory(status=ItemStatus.SUBMITTED)

    with django_capture_on_commit_callbacks(execute=False):
        staff_client.post(
            reverse("admin:library_libraryitem_changelist"),
            {"action": "publish", "_selected_action": [str(item.pk)]},
        )

    assert moves_logged(item, "action", "actor") == [("publish", staff_client.staff)]
    entry = LogEntry.objects.get()
    assert (entry.object_id, entry.user, entry.get_change_message()) == (
        str(item.pk),
        staff_client.staff,
        "Publish the selected items",
    )


def test_item_change_page_shows_the_activity_log(staff_client):
    item = LibraryItemFactory(status=ItemStatus.SUBMITTED)
    services.item_return(item=item, user=staff_client.staff, comment="Add the Spanish version.")

    page = staff_client.get(
        reverse("admin:library_libraryitem_change", args=[item.pk])
    ).content.decode()

    assert "Activity log" in page
    assert "Add the Spanish version." in page
