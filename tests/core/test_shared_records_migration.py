"""core 0002-0003 and network 0011: the email deliveries and the activity log
move from the network app to core with their rows, their content types (so
the staff groups keep their permissions on them) and the saved periodic
task's name, and back again when undone."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from core.models import ActivityLog, EmailDelivery
from rial_portal.roles import TECHNICAL_SECRETARIAT

BEFORE = [
    ("core", "0001_periodic_tasks_in_core"),
    ("network", "0010_language_choices_follow_settings"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_shared_records_move_to_core_with_their_rows_and_permissions_and_back():
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    view_log = "view_activitylog"
    staff = Group.objects.get(name=TECHNICAL_SECRETARIAT)
    assert staff.permissions.filter(codename=view_log, content_type__app_label="core").exists()
    try:
        old = migrate(BEFORE)
        assert staff.permissions.filter(
            codename=view_log, content_type__app_label="network"
        ).exists()
        delivery_type = old.get_model("contenttypes", "ContentType").objects.get(
            app_label="network", model="emaildelivery"
        )
        old.get_model("network", "EmailDelivery").objects.create(
            key="before-the-move:1", to="ana@example.org", subject="Hello", body="Text"
        )
        old.get_model("network", "ActivityLog").objects.create(
            content_type_id=delivery_type.pk,
            object_id=1,
            action="submit",
            from_state="draft",
            to_state="submitted",
            comment="Kept.",
        )
    finally:
        migrate(leaves)

    assert EmailDelivery.objects.get().key == "before-the-move:1"
    assert ActivityLog.objects.get().comment == "Kept."
    assert ContentType.objects.get_for_model(EmailDelivery).pk == delivery_type.pk
    assert staff.permissions.filter(codename=view_log, content_type__app_label="core").exists()
