"""The Celery app as configured by the settings (Redis in CI, the filesystem
transport elsewhere) delivers a task queued on commit to a real worker."""

import pytest
from django.db import transaction

from network.models import Topic
from rial_portal.celery import app
from tests.conftest import wait_for


@app.task
def rename_topic(topic_id, name):
    Topic.objects.filter(pk=topic_id).update(name_en=name)


@pytest.mark.django_db(transaction=True)
def test_task_queued_on_commit_runs_on_a_real_worker(celery_worker):
    with transaction.atomic():
        topic = Topic.objects.create(slug="child-labor", name_en="Child labour")
        rename_topic.delay_on_commit(topic.pk, "Child labor")
        # Nothing is sent before the transaction commits.
        assert not wait_for(
            lambda: Topic.objects.filter(name_en="Child labor").exists(), timeout=0.5
        )

    assert wait_for(lambda: Topic.objects.filter(name_en="Child labor").exists())


@pytest.mark.django_db(transaction=True)
def test_task_of_a_rolled_back_transaction_is_never_sent(celery_worker):
    topic = Topic.objects.create(slug="informal-economy", name_en="Informal economy")
    with transaction.atomic():
        rename_topic.delay_on_commit(topic.pk, "Renamed")
        transaction.set_rollback(True)
    # A task sent after it, on the same queue, runs: the first was never sent.
    rename_topic.delay(topic.pk, "Informal economy!")

    assert wait_for(lambda: Topic.objects.filter(name_en="Informal economy!").exists())
    assert not Topic.objects.filter(name_en="Renamed").exists()
