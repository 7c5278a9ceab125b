"""What the data migrations that copy a workflow's older history into the
activity log (``ActivityLog``) share. Migrations import these functions:
change them only in ways every such migration still runs with."""

import itertools


def copy_into_activity_log(apps, *, app_label, model, moves):
    """Log ``moves`` of the records of ``app_label.model``: dicts of the
    log's fields (object_id, actor_id, action, from_state, to_state, comment,
    created_at), oldest first."""
    moves = iter(moves)
    first = next(moves, None)
    if first is None:
        return
    ActivityLog = apps.get_model("network", "ActivityLog")
    ContentType = apps.get_model("contenttypes", "ContentType")
    # A new database has no content types until its first migrate ends.
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    ActivityLog.objects.bulk_create(
        (
            ActivityLog(content_type=content_type, **move)
            for move in itertools.chain([first], moves)
        ),
        batch_size=500,
    )


def remove_from_activity_log(apps, *, app_label, model):
    """Undo: back to a portal whose records of ``app_label.model`` keep their
    history only in their own table, which holds every move."""
    ActivityLog = apps.get_model("network", "ActivityLog")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ActivityLog.objects.filter(
        content_type__in=ContentType.objects.filter(app_label=app_label, model=model)
    ).delete()
