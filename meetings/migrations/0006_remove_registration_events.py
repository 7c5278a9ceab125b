"""The registration event table goes: every registration's moves are in the
activity log (network.ActivityLog), copied there by 0004 and written there
since. The events that only recorded a registration's creation (from no
state) go with it: the registration's own ``registered_by`` and
``created_at`` say the same. Undone, the table is made again and refilled
from the log."""

from django.db import migrations

from core.activity_migrations import copy_activity_log_into_events


def refill_events(apps, schema_editor):
    copy_activity_log_into_events(
        apps, events="meetings.RegistrationEvent", record="registration", comment="note"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_registration_events_in_activity_log"),
        ("meetings", "0005_registration_link_nonce"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, refill_events),
        migrations.DeleteModel(name="RegistrationEvent"),
    ]
