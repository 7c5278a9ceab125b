"""/metrics/ under gunicorn with several processes (PROMETHEUS_MULTIPROC_DIR):
whichever process answers a scrape, it counts the requests of all of them."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings

from tests.newsletter.test_volume import database_url

REQUESTS = 24
COUNTER = (
    "django_http_requests_total_by_view_transport_method_total"
    '{method="GET",transport="http",view="health_live"}'
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
        return response.read().decode()


def counted(exposition):
    (line,) = [line for line in exposition.splitlines() if line.startswith(COUNTER)]
    return float(line.rsplit(" ", 1)[1])


@pytest.mark.django_db(transaction=True)
def test_every_process_counts_in_each_scrape(tmp_path):
    port = free_port()
    metrics_dir = tmp_path / "metrics"
    environment = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "METRICS_ALLOWED_IPS": "127.0.0.1",
        "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_THREADS": "1",
        "GUNICORN_ACCESSLOG": "",
    }
    log = (tmp_path / "gunicorn.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "rial_portal.wsgi"],
        cwd=settings.BASE_DIR,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        # Generous: the machine's two cores may be busy with other tests.
        deadline = time.monotonic() + 180
        while True:
            try:
                get(port, "/health/live/")
                break
            except OSError:
                alive = server.poll() is None and time.monotonic() < deadline
                assert alive, (tmp_path / "gunicorn.log").read_text()
                time.sleep(0.3)
        # At once, so that both processes take some.
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(lambda _: get(port, "/health/live/"), range(REQUESTS - 1)))

        scrapes = [counted(get(port, "/metrics/")) for _ in range(6)]
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()

    # Both processes served (each counts in a file of its own; the master's,
    # from the preloaded application, counts no request).
    counting = {path.stem.split("_")[1] for path in Path(metrics_dir).glob("counter_*.db")}
    assert len(counting - {str(server.pid)}) == 2
    assert scrapes == [REQUESTS] * 6
