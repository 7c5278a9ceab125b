from celery import shared_task

from . import services


@shared_task
def program_verification_remind():
    """Daily: ask the ministries to confirm programs not verified for a year."""
    services.program_verification_remind()
