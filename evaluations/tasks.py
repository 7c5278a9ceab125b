from celery import shared_task

from . import services


@shared_task
def evaluations_send():
    """Questionnaires to those who attended, and the one reminder (hourly, by beat)."""
    services.evaluations_send()
