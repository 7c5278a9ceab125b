"""What each public page costs to render: one reader, in this process, on
PostgreSQL at ``generate_scale_data --factor 10``.

    .venv/bin/python bench/page_profile.py [--requests 20] [--profile /programs/] [--top 30]
    .venv/bin/python bench/page_profile.py /programs/ "/search/?q=empleo"

1. Uses the database ``rial_bench_f<factor>`` on ``--server`` (default
   postgres://postgres@127.0.0.1:5432/). The first run creates it, migrates
   it, runs ``generate_scale_data --factor`` (several minutes at 10) and
   collectstatic, then marks it done with a comment on the database; later
   runs only migrate it (nothing to do unless the code added migrations) and
   reuse it. ``--rebuild`` drops it and starts again.
2. With DEBUG off, the production middleware and static manifest, and the
   visitors' cache off (the cost of rendering, not of reading a stored page;
   fragments kept under the content version count, as in production, unless
   FRAGMENT_CACHE=false), requests each
   page from the WSGI application, as gunicorn calls it, as an anonymous
   reader: once to warm up (it must answer 200), then ``--requests`` times.
3. Prints per page the median CPU milliseconds of this process
   (``time.process_time()``: what rendering costs, whatever else the machine
   runs), the median milliseconds spent waiting on SQL, the median server
   time (wall clock, request to last byte) and the number of queries,
   beside a trivial view (no database, no template) measured in the same
   run; and, with ``--profile PATH``, cProfile's functions with the most
   cumulative time over that page's requests.
"""

import argparse
import cProfile
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import one_reader

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
DONE = "generate_scale_data done"

# bench/load.py's pages, and a search in English; {program}, {meeting} and
# {state} are filled from the data.
PAGES = [
    "/bench/trivial/",
    "/",
    "/programs/",
    "/programs/?q=inspecci%C3%B3n",
    "/programs/?q=employment+services",
    "/programs/?topic=labor-inspection&sort=title",
    "/programs/{program}/",
    "/meetings/",
    "/meetings/{meeting}/",
    "/meetings/documents/?q=RIAL",
    "/member-states/",
    "/member-states/{state}/",
    "/fund/",
    "/cooperation/",
    "/news/",
    "/search/?q=empleo",
    "/api/v1/programs/",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="pages to measure (default: the public pages)")
    parser.add_argument("--requests", type=int, default=20, help="requests per page")
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432/")
    parser.add_argument("--rebuild", action="store_true", help="drop the database and rebuild it")
    parser.add_argument("--profile", metavar="PATH", help="print cProfile's top functions for PATH")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="cumulative", help="pstats order (cumulative, tottime)")
    options = parser.parse_args()

    database_url = one_reader.database_url(f"rial_bench_f{options.factor}", options.server)
    one_reader.environment(database_url, API_THROTTLE_RATE="")
    prepare_database(database_url, options)

    import django

    django.setup()
    from django.test.utils import override_settings

    # The visitors' cache off: what rendering costs, not what reading a
    # stored page saves. Fragments kept under the content version (a
    # filter's choices) are part of rendering: a cache in this process keeps
    # them (FRAGMENT_CACHE=false measures without them).
    override_settings(
        ROOT_URLCONF="load_urls",
        VISITOR_CACHE=False,
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    ).enable()
    paths = options.paths or resolve_pages()
    if options.profile and options.profile not in paths:
        paths.append(options.profile)
    if "/bench/trivial/" not in paths:
        paths.insert(0, "/bench/trivial/")
    report(paths, options)


def prepare_database(database_url, options):
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        if options.rebuild:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        row = connection.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [name],
        ).fetchone()
        if row and row[0] != DONE:
            # A build that did not finish: start again.
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            row = None
        if row is None:
            connection.execute(f'CREATE DATABASE "{name}"')
    manage("migrate", "--no-input", "-v", "0")
    manage("collectstatic", "--no-input", "-v", "0")
    if row is None:
        started = time.monotonic()
        print(f"building {name}: generate_scale_data --factor {options.factor}", flush=True)
        manage("generate_scale_data", "--factor", str(options.factor))
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f"COMMENT ON DATABASE \"{name}\" IS '{DONE}'")
        print(f"{name} ready in {time.monotonic() - started:.0f} s", flush=True)


def manage(*arguments):
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, check=True)


def resolve_pages():
    from meetings.models import Meeting
    from network.models import MemberState
    from portfolio.models import Program

    values = {
        "program": Program.objects.published().filter(slug__startswith="scale-").first().slug,
        "meeting": Meeting.objects.upcoming()
        .filter(visibility="public", slug__startswith="scale-")
        .first()
        .slug,
        "state": MemberState.objects.get(iso_code="CO").iso_code.lower(),
    }
    return [page.format(**values) for page in PAGES]


def measure(serve, path, requests, profiler=None):
    from django.db import connection

    status, _ = serve(path)
    if status != 200:
        sys.exit(f"{path} answered {status}, not 200")
    cpu, wall, sql, counts = [], [], [], []
    for _ in range(requests):
        queries = QueryTimer()
        with connection.execute_wrapper(queries):
            if profiler:
                profiler.enable()
            started, started_wall = time.process_time(), time.perf_counter()
            serve(path)
            cpu.append((time.process_time() - started) * 1000)
            wall.append((time.perf_counter() - started_wall) * 1000)
            if profiler:
                profiler.disable()
        counts.append(queries.count)
        sql.append(queries.seconds * 1000)
    return statistics.median(cpu), statistics.median(wall), statistics.median(sql), max(counts)


class QueryTimer:
    """Counts and times the queries of a request as they run, without the
    debug cursor's bookkeeping."""

    def __init__(self):
        self.count, self.seconds = 0, 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.count += 1


def server():
    """Calls the portal's WSGI application as gunicorn does, request by
    request; unlike the test client, nothing records the templates and
    contexts of each rendering, which would add to what is measured."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import RequestFactory

    application, factory = WSGIHandler(), RequestFactory()

    def serve(path):
        parts = urlsplit(path)
        environ = factory.get(parts.path, QUERY_STRING=parts.query).environ
        answer = {}

        def start_response(status, headers, exc_info=None):
            answer["status"] = int(status.split()[0])

        body = application(environ, start_response)
        try:
            content = b"".join(body)
        finally:
            body.close()
        return answer["status"], content

    return serve


def report(paths, options):
    serve = server()
    # CPU time, as the table: waiting on PostgreSQL is not this process's work.
    profiler = cProfile.Profile(time.process_time) if options.profile else None
    print(f"\n{options.requests} requests a page; medians; CPU = this process's CPU time;")
    print("server = wall time from the request to the last byte, as one reader sees it")
    print(
        f"{'page':<50} {'CPU ms':>7} {'× trivial':>9} {'SQL ms':>7} {'server ms':>9} {'queries':>7}"
    )
    trivial = None
    for path in paths:
        cpu, wall, sql, count = measure(
            serve, path, options.requests, profiler if path == options.profile else None
        )
        if path == "/bench/trivial/":
            trivial = cpu
        ratio = f"{cpu / trivial:.0f}" if trivial else ""
        print(
            f"{path[:50]:<50} {cpu:7.1f} {ratio:>9} {sql:7.1f} {wall:9.1f} {count:7d}",
            flush=True,
        )
    if profiler:
        print(f"\ncProfile of {options.profile}, {options.requests} requests:")
        pstats.Stats(profiler).sort_stats(options.sort).print_stats(options.top)


if __name__ == "__main__":
    main()
