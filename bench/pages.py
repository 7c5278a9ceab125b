"""Time the public pages of the directory on the demo data.

    .venv/bin/python bench/pages.py [--requests 200]

Runs in a throwaway test database (SQLite in memory by default, or a
``test_…`` database beside DATABASE_URL's), loads the demo data, requests
each page through Django's full stack (middleware, templates, whitenoise
manifest) in this process, and prints, per page: requests, SQL queries per
request, and median / p95 / max milliseconds. Needs SECRET_KEY or DEBUG=true.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rial_portal.settings")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

PAGES = [
    "/",
    "/member-states/",
    "/member-states/co/",
    "/about/",
    "/institutions/oas/",
    "/topics/labor-inspection/",
    "/programs/",
    "/programs/?q=inspection",
    "/programs/?topic=alternative-dispute-resolution&sort=title",
    "/programs/specialized-labor-conciliation-service/",
    "/fund/",
    "/fund/?year=2014",
    "/fund/statement.xlsx",
    "/meetings/",
    "/meetings/timeline/?start=2006&end=2007",
    "/meetings/wg2-meeting-washington-2004/",
    "/meetings/calendar.ics",
    "/meetings/documents/?q=CIMT",
    "/cooperation/",
    "/cooperation/statistics/",
    "/cooperation/calls/",
    "/news/",
]


def measure(client, url, requests):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    # Read now: every request's start empties the connection's query log.
    query_count = len(queries.captured_queries)
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "queries": query_count,
        "median": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
        "max": timings[-1],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per page")
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    static_root = Path(settings.VAR_DIR) / "bench-static"
    try:
        with override_settings(STATIC_ROOT=static_root):
            call_command("collectstatic", interactive=False, verbosity=0)
            call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
            client = Client()
            print(f"database: {connection.vendor}, {args.requests} requests per page")
            print(f"{'page':<62}{'queries':>8}{'median ms':>11}{'p95 ms':>9}{'max ms':>9}")
            for url in PAGES:
                figures = measure(client, url, args.requests)
                print(
                    f"{url:<62}{figures['queries']:>8}{figures['median']:>11.2f}"
                    f"{figures['p95']:>9.2f}{figures['max']:>9.2f}"
                )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
