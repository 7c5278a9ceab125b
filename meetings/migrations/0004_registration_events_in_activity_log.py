"""The registrations' past moves, recorded in their event table, copied into
the activity log (network.ActivityLog), which every workflow now writes and
each registration's admin page shows. The event table stays, still written,
for its readers. A registration's creation (an event from no state) is not a
move of its table and stays in the event table only."""

from django.db import migrations

from network.activity_migrations import copy_into_activity_log, remove_from_activity_log


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
    RegistrationEvent = apps.get_model("meetings", "RegistrationEvent")
    copy_into_activity_log(
        apps,
        app_label="meetings",
        model="registration",
        moves=(
            {
                "object_id": event.registration_id,
                "actor_id": event.by_id,
                "action": move_of(event.from_status, event.to_status),
                "from_state": event.from_status,
                "to_state": event.to_status,
                "comment": event.note,
                "created_at": event.at,
            }
            for event in RegistrationEvent.objects.exclude(from_status="")
            .order_by("at", "pk")
            .iterator()
        ),
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
