"""The shared tasks moved from network.tasks to core.tasks: the periodic
tasks saved in django-celery-beat's table name the new path, or beat would
send a task no worker knows. A delivery whose message was sent under the old
name before the deploy is sent again by core.tasks.email_requeue_stale."""

from django.db import migrations

OLD, NEW = "network.tasks.", "core.tasks."


def rename(apps, old, new):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for task in PeriodicTask.objects.filter(task__startswith=old):
        task.task = new + task.task.removeprefix(old)
        task.save(update_fields=["task"])


def forwards(apps, schema_editor):
    rename(apps, OLD, NEW)


def backwards(apps, schema_editor):
    rename(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [("django_celery_beat", "0019_alter_periodictasks_options")]

    operations = [migrations.RunPython(forwards, backwards)]
