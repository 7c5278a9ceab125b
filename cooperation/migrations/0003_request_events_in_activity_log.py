"""The requests' past moves, recorded in their event table, copied into the
activity log (network.ActivityLog), which every workflow now writes and each
request's admin page shows. The event table stays, still written, for its
readers (the request's page, the newsletter's results, the emails' keys)."""

from django.db import migrations

# The move of the request's table (cooperation/workflows.py) that reaches each
# state: each state is reached by one move only. A first event into a draft
# (the demo's) keeps the state's name.
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
    RequestEvent = apps.get_model("cooperation", "RequestEvent")
    ActivityLog = apps.get_model("network", "ActivityLog")
    ContentType = apps.get_model("contenttypes", "ContentType")
    events = RequestEvent.objects.order_by("at", "pk")
    if not events.exists():
        return
    request_type, _created = ContentType.objects.get_or_create(
        app_label="cooperation", model="request"
    )
    ActivityLog.objects.bulk_create(
        (
            ActivityLog(
                content_type=request_type,
                object_id=event.request_id,
                actor_id=event.by_id,
                action=MOVE_INTO.get(event.to_status, event.to_status),
                from_state=event.from_status,
                to_state=event.to_status,
                comment=event.comment,
                created_at=event.at,
            )
            for event in events.iterator()
        ),
        batch_size=500,
    )


def remove_copies(apps, schema_editor):
    # Back to a portal whose requests write only their event table, which
    # holds every move: the log's entries of requests go.
    ActivityLog = apps.get_model("network", "ActivityLog")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ActivityLog.objects.filter(
        content_type__in=ContentType.objects.filter(app_label="cooperation", model="request")
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("cooperation", "0002_request_translations"),
        ("network", "0009_activity_log"),
    ]

    operations = [migrations.RunPython(copy_events, remove_copies)]
