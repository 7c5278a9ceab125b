"""The default periodic tasks (settings.RIAL_PERIODIC_TASKS) in
django-celery-beat's tables, where beat reads them and staff edit them.

Only missing tasks are created, by name: a task staff changed (its schedule,
paused) keeps their changes through every deploy. To stop a task for good,
untick "enabled": a deleted one comes back at the next migrate."""

import datetime
import json

from celery.schedules import crontab
from django.conf import settings


def periodic_tasks_install(sender, using="default", **kwargs):
    """post_migrate receiver (once per migrate: its sender is the core
    app); the tables of django_celery_beat exist by then."""
    # Imported here: django_celery_beat's models need the app registry ready.
    from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask

    existing = set(PeriodicTask.objects.using(using).values_list("name", flat=True))
    for name, entry in settings.RIAL_PERIODIC_TASKS.items():
        if name in existing:
            continue
        schedule = entry["schedule"]
        if isinstance(schedule, crontab):
            when = {"crontab": _saved(CrontabSchedule.from_schedule(schedule), using)}
        else:
            if isinstance(schedule, datetime.timedelta):
                schedule = schedule.total_seconds()
            interval, _created = IntervalSchedule.objects.using(using).get_or_create(
                every=int(schedule), period=IntervalSchedule.SECONDS
            )
            when = {"interval": interval}
        PeriodicTask.objects.using(using).get_or_create(
            name=name,
            defaults={
                "task": entry["task"],
                "args": json.dumps(entry.get("args", [])),
                "kwargs": json.dumps(entry.get("kwargs", {})),
                **when,
            },
        )


def _saved(schedule, using):
    # from_schedule returns an existing row or a new, unsaved one.
    if schedule.pk is None:
        schedule.save(using=using)
    return schedule
