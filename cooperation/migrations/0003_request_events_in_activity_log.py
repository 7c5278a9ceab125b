"""The requests' past moves, recorded in their event table, copied into the
activity log (network.ActivityLog), which every workflow now writes and each
request's admin page shows. The event table stays, still written, for its
readers (the request's page, the newsletter's results, the emails' keys)."""

from django.db import migrations

from core.activity_migrations import copy_events_into_activity_log, remove_from_activity_log

# The move of the request's table (cooperation/workflows.py) that reaches each
# state: each state is reached by one move only. A request's creation (an
# event from no state, as the demo records it) is not a move of the table and
# stays in the event table only.
MOVE_INTO = {
    "submitted": "submit",
    "provider_declined": "decline",
    "accepted": "accept",
    "under_review": "review",
    "selected": "select",
    "waitlisted": "waitlist",
    "rejected": "reject",
    "approved": "approve",
    "carried_out": "carry_out",
    "reported": "report",
    "closed": "close",
    "withdrawn": "withdraw",
}


def copy_events(apps, schema_editor):
    copy_events_into_activity_log(
        apps,
        events="cooperation.RequestEvent",
        record="request",
        comment="comment",
        # An event no move of the table makes keeps its state's name.
        move_of=lambda source, target: MOVE_INTO.get(target, target),
    )


def remove_copies(apps, schema_editor):
    remove_from_activity_log(apps, app_label="cooperation", model="request")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("cooperation", "0002_request_translations"),
        ("network", "0009_activity_log"),
    ]

    operations = [migrations.RunPython(copy_events, remove_copies)]
