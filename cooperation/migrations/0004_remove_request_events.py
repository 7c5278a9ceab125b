"""The request event table goes: every request's moves are in the activity
log (network.ActivityLog), copied there by 0003 and written there since, and
its page, the newsletter and the emails read them there. The events that only
recorded a request's creation (from no state) go with it: the request's own
``created_by`` and ``created_at`` say the same. Undone, the table is made
again and refilled from the log."""

from django.db import migrations

from core.activity_migrations import copy_activity_log_into_events


def refill_events(apps, schema_editor):
    copy_activity_log_into_events(
        apps, events="cooperation.RequestEvent", record="request", comment="comment"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0003_request_events_in_activity_log"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, refill_events),
        migrations.DeleteModel(name="RequestEvent"),
    ]
