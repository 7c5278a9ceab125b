"""LIBRARY_WORKFLOW (library/workflows.py), move by move, in every state,
through the item_* services and the item admin."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from library import services
from library.enums import ItemStatus
from library.models import LibraryItem
from library.workflows import LIBRARY_WORKFLOW
from network.models import ActivityLog, EmailDelivery
from tests.conftest import assert_move_follows_table, moves_logged
from tests.factories import FocalPointFactory, SecretariatStaffFactory
from tests.library.factories import LibraryItemFactory

pytestmark = pytest.mark.django_db

SERVICES = {
    "submit": lambda item, user: services.item_submit(item=item, user=user),
    "publish": lambda item, user: services.item_publish(item=item, user=user),
    "return": lambda item, user: services.item_return(item=item, user=user, comment="Add it."),
    "publish_directly": lambda item, user: services.item_publish_directly(item=item, user=user),
}


def test_every_move_of_the_table_has_its_service():
    assert set(SERVICES) == set(LIBRARY_WORKFLOW.transitions)


@pytest.mark.parametrize("state", ItemStatus.values)
@pytest.mark.parametrize("name", SERVICES)
def test_each_move_is_made_from_its_sources_and_refused_from_other_states(state, name):
    item = LibraryItemFactory(status=state, published_at=None)

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
    item = LibraryItemFactory(status=ItemStatus.DRAFT, published_at=None)
    url = reverse("admin:library_libraryitem_step", args=[item.pk, "publish_directly"])

    staff_client.post(url)

    item.refresh_from_db()
    assert item.status == ItemStatus.PUBLISHED
    assert item.published_at is not None
