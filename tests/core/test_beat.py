"""The default periodic tasks (core.beat): created in the database where
beat reads them, never overwriting what staff changed in the admin."""

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.core.management import call_command
from django_celery_beat.models import IntervalSchedule, PeriodicTask
from django_celery_beat.schedulers import DatabaseScheduler

from rial_portal.celery import app

pytestmark = pytest.mark.django_db


def test_migrate_creates_every_default_periodic_task():
    tasks = {task.name: task for task in PeriodicTask.objects.all()}

    for name, entry in settings.RIAL_PERIODIC_TASKS.items():
        task = tasks[name]
        assert task.task == entry["task"]
        assert task.enabled
        if isinstance(entry["schedule"], crontab):
            assert task.crontab.hour == str(entry["schedule"]._orig_hour)
            assert task.crontab.minute == str(entry["schedule"]._orig_minute)
        else:
            assert (task.interval.every, task.interval.period) == (
                entry["schedule"],
                IntervalSchedule.SECONDS,
            )


def test_the_newsletter_tasks_are_among_the_defaults():
    names = set(PeriodicTask.objects.values_list("task", flat=True))

    assert {"newsletter.tasks.issue_draft_if_due", "newsletter.tasks.issue_send_due"} <= names


# Beat's scheduler closes the connection outside a transaction, as a beat process does.
@pytest.mark.django_db(transaction=True)
def test_an_admin_edit_survives_migrate_and_beat_starting():
    task = PeriodicTask.objects.get(name="fund-alerts")
    hourly, _created = IntervalSchedule.objects.get_or_create(
        every=1, period=IntervalSchedule.HOURS
    )
    task.interval = hourly
    task.enabled = False
    task.save()

    call_command("migrate", verbosity=0)
    scheduler = DatabaseScheduler(app=app)

    task.refresh_from_db()
    assert (task.interval, task.enabled) == (hourly, False)
    assert PeriodicTask.objects.filter(name="fund-alerts").count() == 1
    # Beat's schedule is the database's: the disabled task is not in it,
    # and nothing from the settings was written over it.
    assert "fund-alerts" not in scheduler.schedule
    assert "email-requeue-stale" in scheduler.schedule
    assert not app.conf.beat_schedule


def test_a_deleted_default_task_comes_back_at_the_next_migrate():
    PeriodicTask.objects.filter(name="email-requeue-stale").delete()

    call_command("migrate", verbosity=0)

    assert PeriodicTask.objects.get(name="email-requeue-stale").interval.every == 5 * 60


def test_the_secretariat_sees_the_schedules_in_the_admin(staff_client):
    response = staff_client.get("/admin/django_celery_beat/periodictask/")

    assert response.status_code == 200
    assert "newsletter-draft-issue" in response.content.decode()
