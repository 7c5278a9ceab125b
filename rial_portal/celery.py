"""The Celery application: configuration comes from Django's settings (CELERY_*)."""

import logging.config
import os

from celery import Celery
from celery.signals import after_task_publish, before_task_publish, setup_logging
from django_structlog.celery.steps import DjangoStructLogInitStep

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rial_portal.settings")

app = Celery("rial_portal", task_cls="celery.contrib.django.task:DjangoTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


class TaskLogContextStep(DjangoStructLogInitStep):
    """django-structlog's worker step: a task's log lines carry the request id
    it was queued with (its headers). Less its publishing receivers, which
    the django_structlog app connects in every process already: twice, each
    task queued by a task would be logged twice."""

    def __init__(self, parent, **kwargs):
        super().__init__(parent, **kwargs)
        before_task_publish.disconnect(self.receiver.receiver_before_task_publish)
        after_task_publish.disconnect(self.receiver.receiver_after_task_publish)


app.steps["worker"].add(TaskLogContextStep)


@setup_logging.connect
def configure_logging(**kwargs):
    """Workers and beat log as the web processes do (settings.LOGGING: JSON in
    production), not in Celery's own format."""
    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)
