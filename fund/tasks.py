from celery import shared_task

from . import services


@shared_task
def fund_send_alerts():
    """Daily: the minimum-balance alert and the pledge reminders."""
    services.fund_send_alerts()
