"""The registrations' past moves, recorded in their event table, copied into
the activity log (network.ActivityLog), which every workflow now writes and
each registration's admin page shows. The event table stays, still written,
for its readers. A registration's creation (an event from no state) is not a
move of its table and stays in the event table only."""

from django.db import migrations

from core.activity_migrations import copy_events_into_activity_log, remove_from_activity_log


def move_of(source, target):
    """The move of the registration's table (meetings/workflows.py) that took
    a registration from ``source`` to ``target``."""
    if target == "declined":
        return "decline"
    if target == "withdrawn":
        return "withdraw"
    if source == "pending_confirmation":
        return "confirm"
    if source == "waitlisted":
        return "offer" if target == "offered" else "promote"
    if source == "offered":
        return "expire" if target == "offer_expired" else "accept_offer"
    return "endorse" if target == "endorsed" else "approve"


def copy_events(apps, schema_editor):
    copy_events_into_activity_log(
        apps,
        events="meetings.RegistrationEvent",
        record="registration",
        comment="note",
        move_of=move_of,
    )


def remove_copies(apps, schema_editor):
    remove_from_activity_log(apps, app_label="meetings", model="registration")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("meetings", "0003_agenda_session_translations"),
        ("network", "0009_activity_log"),
    ]

    operations = [migrations.RunPython(copy_events, remove_copies)]
