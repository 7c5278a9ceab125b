"""Settings of the web nodes and beats that tests start as processes of their
own (tests/rial_portal/test_two_nodes.py): the portal's, with a name of their
own in Redis (RIAL_TEST_NODES): their cache keys' prefix and their Celery
queue. Two test processes (pytest-xdist) share one Redis: this way their nodes
never share visitors' pages nor the content version (which one's writes would
renew under the other's tests), and what they leave is found and removed."""

import os

from rial_portal.settings import *  # noqa: F403 - the portal's settings, all of them

CACHES["default"]["KEY_PREFIX"] = os.environ["RIAL_TEST_NODES"]  # noqa: F405
CELERY_TASK_DEFAULT_QUEUE = os.environ["RIAL_TEST_NODES"]
