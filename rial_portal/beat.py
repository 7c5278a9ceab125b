"""Beat's scheduler: django-celery-beat's (the schedule in the database,
edited in the admin), sending only while it holds a lock in Redis.

Exactly one beat may send the periodic tasks, or each would go out once per
beat. With the lock, starting beat on every node is safe: one sends, the
others stand by, and one of them takes over within ``LOCK_SECONDS`` when the
sender stops or its node is lost. Without ``REDIS_URL`` (the embedded mode,
one machine) there is no lock: run one beat.
"""

from django.conf import settings
from django_celery_beat.schedulers import DatabaseScheduler

LOCK_NAME = "rial:beat:lock"
# Renewed at every tick (at most DatabaseScheduler's 5 seconds apart): a
# sender that stopped renewing it, frozen or gone, loses it after this long.
LOCK_SECONDS = 30
# How often a standing-by beat tries to take the lock.
STANDBY_SECONDS = 5


class SingleBeatScheduler(DatabaseScheduler):
    def __init__(self, *args, **kwargs):
        self._lock = None
        if settings.REDIS_URL:
            # Imported here: the embedded mode runs without Redis' client in use.
            import redis

            client = redis.Redis.from_url(settings.REDIS_URL)
            self._lock = client.lock(LOCK_NAME, timeout=LOCK_SECONDS, thread_local=False)
        self._sending = self._lock is None
        super().__init__(*args, **kwargs)

    def tick(self, *args, **kwargs):
        if self._lock is not None and not self._hold_lock():
            return STANDBY_SECONDS
        return super().tick(*args, **kwargs)

    def _hold_lock(self):
        if self._lock.owned():
            self._lock.reacquire()
            return True
        if self._sending:
            # The lock expired while this beat was stalled and may be another's by
            # now: stand by rather than send beside it.
            self._sending = False
            self.logger.warning("Beat: lost the lock; standing by.")
        if not self._lock.acquire(blocking=False):
            return False
        self._sending = True
        # What the last sender ran is in the database: its runs changed the
        # schedule's version there, so the next tick reads it afresh.
        self.logger.info("Beat: holding the lock; sending the periodic tasks.")
        return True

    def close(self):
        super().close()
        if self._lock is not None and self._lock.owned():
            # Another beat takes over at its next try, not after LOCK_SECONDS.
            self._lock.release()
