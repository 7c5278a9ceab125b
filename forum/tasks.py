import datetime

from celery import shared_task
from django.utils import timezone

from . import services


@shared_task
def post_notify(post_id):
    """Tell the followers of a new post's thread and space (queued on commit)."""
    services.post_notify(post_id=post_id)


# Days a daily run looks back: the digest of a day whose run was missed (beat
# or workers down at the hour) goes out with the next one. A day sent already
# sends nothing again (one key per person and day).
DIGEST_DAYS_BACK = 3


@shared_task
def digest_send():
    """The digests of the last days not sent yet, oldest first, to those who
    follow by digest (daily, by beat)."""
    today = timezone.localdate()
    for back in range(DIGEST_DAYS_BACK, 0, -1):
        services.digest_send(day=today - datetime.timedelta(days=back))
