from celery import shared_task

from . import services


@shared_task
def reports_remind():
    services.reports_remind()


@shared_task
def calls_remind():
    services.calls_remind()
