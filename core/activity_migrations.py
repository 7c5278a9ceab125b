"""What the data migrations that copy a workflow's older history into the
activity log (``ActivityLog``), and refill it from the log where undone,
share. Migrations import these functions: change them only in ways every
such migration still runs with."""

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


def copy_events_into_activity_log(apps, *, events, record, comment, move_of):
    """Log the past moves kept in the event table ``events`` ("app.Model",
    with from_status, to_status, by and at) of the records its foreign key
    ``record`` points to: each under the move ``move_of(source, target)`` of
    the record's table, with the event's ``comment`` field. A record's
    creation (an event from no state) is not a move of its table and is left
    out."""
    Event = apps.get_model(events)
    related = Event._meta.get_field(record).related_model._meta
    copy_into_activity_log(
        apps,
        app_label=related.app_label,
        model=related.model_name,
        moves=(
            {
                "object_id": getattr(event, f"{record}_id"),
                "actor_id": event.by_id,
                "action": move_of(event.from_status, event.to_status),
                "from_state": event.from_status,
                "to_state": event.to_status,
                "comment": getattr(event, comment),
                "created_at": event.at,
            }
            for event in Event.objects.exclude(from_status="").order_by("at", "pk").iterator()
        ),
    )


def copy_activity_log_into_events(apps, *, events, record, comment):
    """Undo an event table's removal: the table ``events``, made again, gets
    back the moves the activity log holds of the records its foreign key
    ``record`` points to (with the log's ``comment`` in its field of that
    name), so that undoing the copy into the log loses nothing. A record's
    creation is not among them: the record itself says when and by whom."""
    Event = apps.get_model(events)
    Record = Event._meta.get_field(record).related_model
    length = Event._meta.get_field(comment).max_length
    ActivityLog = apps.get_model("network", "ActivityLog")
    ContentType = apps.get_model("contenttypes", "ContentType")
    entries = ActivityLog.objects.filter(
        content_type__in=ContentType.objects.filter(
            app_label=Record._meta.app_label, model=Record._meta.model_name
        ),
        # The log outlives a deleted record; its table does not.
        object_id__in=Record.objects.values("pk"),
    ).order_by("created_at", "pk")
    Event.objects.bulk_create(
        (
            Event(
                **{
                    f"{record}_id": entry.object_id,
                    "from_status": entry.from_state,
                    "to_status": entry.to_state,
                    "by_id": entry.actor_id,
                    "at": entry.created_at,
                    comment: entry.comment[:length] if length else entry.comment,
                }
            )
            for entry in entries.iterator()
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
