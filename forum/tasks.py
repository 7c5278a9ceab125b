import datetime

from celery import shared_task
from django.utils import timezone

from . import services


@shared_task
def post_notify(post_id):
    """Tell the followers of a new post's thread and space (queued on commit)."""
    services.post_notify(post_id=post_id)


@shared_task
def digest_send():
    """Yesterday's digest to those who follow by digest (daily, by beat)."""
    services.digest_send(day=timezone.localdate() - datetime.timedelta(days=1))
