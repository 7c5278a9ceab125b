from celery import shared_task

from . import national_reports, services


@shared_task
def registrations_remind():
    services.registrations_remind()


@shared_task
def offers_expire():
    services.offers_expire()


@shared_task
def registrations_purge():
    services.registrations_purge()


@shared_task
def national_reports_remind():
    national_reports.national_reports_remind()


@shared_task
def certificates_announce():
    services.certificates_announce()
