"""Workflows of the Library: each changes an item and tells the people
concerned, by email after commit. An item's review moves through its table
in ``workflows.py`` (checked, logged and notified by
``network.workflow.transition``)."""

from django.db.models import F

from network.workflow import transition

from .models import DownloadCount


def item_submit(*, item, user):
    return transition(item, "submit", user=user)


def item_publish(*, item, user):
    return transition(item, "publish", user=user)


def item_return(*, item, user, comment):
    return transition(item, "return", user=user, comment=comment)


def item_publish_directly(*, item, user):
    return transition(item, "publish_directly", user=user)


def download_count(*, item, language):
    """Count one download of the item's ``language`` version: a number per
    item and language, nothing about the reader."""
    counter, _created = DownloadCount.objects.get_or_create(item=item, language=language)
    DownloadCount.objects.filter(pk=counter.pk).update(count=F("count") + 1)
