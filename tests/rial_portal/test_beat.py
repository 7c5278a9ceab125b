"""Beat's lock (rial_portal/beat.py): of the beats running, only the one
holding the lock in Redis sends. Two schedulers in one process here, as two
beats would be; tests/rial_portal/test_two_nodes.py runs two beat processes."""

import logging

import pytest
import redis
from django.conf import settings
from django_celery_beat.models import PeriodicTask

from rial_portal.beat import LOCK_NAME, LOCK_SECONDS, STANDBY_SECONDS, SingleBeatScheduler
from rial_portal.celery import app

pytestmark = [
    pytest.mark.redis,
    # Beat's scheduler closes the connection outside a transaction, as a beat process does.
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def lock_store(caplog):
    """Redis, without a lock left by anyone; no periodic task to send."""
    PeriodicTask.objects.all().delete()
    store = redis.Redis.from_url(settings.REDIS_URL)
    store.delete(LOCK_NAME)
    caplog.set_level(logging.INFO, logger="celery.beat")
    yield store
    store.delete(LOCK_NAME)


def said(caplog, words):
    return sum(words in record.getMessage() for record in caplog.records)


def test_a_second_beat_stands_by_until_the_first_lets_the_lock_go(lock_store, caplog):
    first, second = SingleBeatScheduler(app=app), SingleBeatScheduler(app=app)

    first.tick()
    standing_by = second.tick()
    held_for = lock_store.ttl(LOCK_NAME)
    first.close()
    released = not lock_store.exists(LOCK_NAME)
    second.tick()

    assert standing_by == STANDBY_SECONDS
    assert 0 < held_for <= LOCK_SECONDS
    assert released
    assert said(caplog, "holding the lock") == 2
    second.close()


def test_a_beat_whose_lock_expired_and_was_taken_stands_by(lock_store, caplog):
    """A sender frozen past LOCK_SECONDS: another took the lock meanwhile."""
    stalled, other = SingleBeatScheduler(app=app), SingleBeatScheduler(app=app)
    stalled.tick()
    lock_store.delete(LOCK_NAME)  # as if it had expired
    other.tick()

    answer = stalled.tick()

    assert answer == STANDBY_SECONDS
    assert said(caplog, "lost the lock; standing by") == 1
    assert said(caplog, "holding the lock") == 2
    other.close()
    stalled.close()
