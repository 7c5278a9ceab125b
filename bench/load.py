"""Load test: the main public pages under gunicorn on loopback, driven by wrk,
on ten times the real network's data.

    .venv/bin/python bench/load.py [--factor 10] [--duration 10] [--connections 8]
    .venv/bin/python bench/load.py --short        # CI: factor 1, 2 s a page

1. Makes a database of its own: ``<name>_load`` on DATABASE_URL's PostgreSQL
   server (dropped at the end unless --keep), or var/bench/load.sqlite3.
2. Migrates it and runs ``generate_scale_data --factor`` (at 10: 350
   institutions, 5,000 programs, 1,000 meetings, 50,000 registrations,
   20,000 subscribers), then collectstatic.
3. Starts gunicorn (``--workers``, sync, DEBUG off, production middleware,
   Redis cache if REDIS_URL is set) on a free loopback port, with
   bench/load_urls.py adding one trivial view (the framework's ceiling).
4. Requests each page once (it must answer 200), then runs wrk on it for
   ``--duration`` seconds with ``--connections`` connections.

Prints a table per page: requests per second, p50 / p95 / p99 latency in
milliseconds, and errors (responses other than 200, socket errors and
timeouts). Exits with 1 if any page had an error, so that CI fails on it.
Needs wrk (Debian: apt-get install wrk).
"""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# Path templates; {program}, {meeting} and {state} are filled from the data.
PAGES = [
    "/bench/trivial/",
    "/",
    "/programs/",
    "/programs/?q=inspecci%C3%B3n",
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
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--short", action="store_true", help="CI: --factor 1 --duration 2")
    parser.add_argument("--keep", action="store_true", help="keep the load database")
    options = parser.parse_args()
    if options.short:
        options.factor, options.duration = 1, 2
    if not shutil.which("wrk"):
        sys.exit("wrk not found (Debian: apt-get install wrk)")

    env = server_environment()
    database_url, drop = make_database(env.get("DATABASE_URL", ""))
    env["DATABASE_URL"] = database_url
    try:
        started = time.monotonic()
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "generate_scale_data", "--factor", str(options.factor))
        manage(env, "collectstatic", "--no-input", "-v", "0")
        print(f"database ready in {time.monotonic() - started:.0f} s")
        paths = resolve_pages(env)
        results = run_load(env, paths, options)
    finally:
        if not options.keep:
            drop()
    print_report(results, options, env)
    if any(result["errors"] for result in results):
        sys.exit(1)


def server_environment():
    env = dict(os.environ)
    var = ROOT / "var" / "bench"
    env.update(
        DJANGO_SETTINGS_MODULE="rial_portal.settings",
        DEBUG="false",
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS="127.0.0.1",
        RIAL_VAR_DIR=str(var),
        STATIC_ROOT=str(var / "static"),
        # wrk comes from one address: the API's per-address limit would answer
        # it 429 after 120 requests. The load test measures capacity.
        API_THROTTLE_RATE="",
    )
    env.setdefault("SECRET_KEY", "bench-only-insecure-secret-key")
    return env


def make_database(database_url):
    """A fresh database for the run, and the function that drops it."""
    if database_url.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urlsplit(database_url)
        name = f"{parts.path.lstrip('/') or 'rial'}_load"
        admin_url = urlunsplit(parts._replace(path="/postgres"))

        def execute(statement):
            with psycopg.connect(admin_url, autocommit=True) as connection:
                connection.execute(statement)

        execute(f'DROP DATABASE IF EXISTS "{name}"')
        execute(f'CREATE DATABASE "{name}"')
        return urlunsplit(parts._replace(path=f"/{name}")), lambda: execute(
            f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
        )
    path = ROOT / "var" / "bench" / "load.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob("load.sqlite3*"):
        stale.unlink()
    return f"sqlite:///{path}", lambda: None


def manage(env, *arguments):
    subprocess.run([PYTHON, "manage.py", *arguments], cwd=ROOT, env=env, check=True)


def resolve_pages(env):
    """The page paths with a published program, a public meeting and a state."""
    script = (
        "from portfolio.models import Program; from meetings.models import Meeting; "
        "from network.models import MemberState; "
        "print(Program.objects.published().filter(slug__startswith='scale-').first().slug); "
        "print(Meeting.objects.upcoming().filter(visibility='public', slug__startswith='scale-')"
        ".first().slug); "
        "print(MemberState.objects.get(iso_code='CO').iso_code.lower())"
    )
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    program, meeting, state = output[-3:]
    return [page.format(program=program, meeting=meeting, state=state) for page in PAGES]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_load(env, paths, options):
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "load_wsgi:application",
            "--pythonpath",
            f"{ROOT},{ROOT / 'bench'}",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(options.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/bench/trivial/", server)
        results = []
        for path in paths:
            status = first_status(base + path)
            if status == 404 and path in ("/search/?q=empleo", "/api/v1/programs/"):
                print(f"skipped {path}: not in this version of the portal")
                continue
            result = wrk(base + path, options)
            result.update(path=path, first_status=status)
            if status != 200:
                result["errors"] += 1
            results.append(result)
            print(f"{path}: {result['rps']:.0f} req/s, errors {result['errors']}", flush=True)
        return results
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def wait_until_up(url, server):
    for _ in range(200):
        if server.poll() is not None:
            sys.exit("gunicorn exited before answering")
        try:
            urllib.request.urlopen(url, timeout=10)
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    sys.exit("gunicorn did not answer within 20 s")


def first_status(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wrk(url, options):
    completed = subprocess.run(
        [
            "wrk",
            "--threads",
            "1",
            "--connections",
            str(options.connections),
            "--duration",
            f"{options.duration}s",
            "--timeout",
            "10s",
            "--script",
            str(ROOT / "bench" / "load.lua"),
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    figures = json.loads(completed.stdout.strip().splitlines()[-1])
    seconds = figures["duration_us"] / 1e6
    return {
        "requests": figures["requests"],
        "rps": figures["requests"] / seconds,
        "p50": figures["p50_us"] / 1000,
        "p95": figures["p95_us"] / 1000,
        "p99": figures["p99_us"] / 1000,
        "errors": figures["not_ok"] + figures["socket_errors"] + figures["timeouts"],
    }


def print_report(results, options, env):
    database = env["DATABASE_URL"].split("://", 1)[0]
    print()
    print(
        f"factor {options.factor}, {options.duration} s a page, {options.connections} "
        f"connections, gunicorn {options.workers} sync workers, {os.cpu_count()} CPUs, "
        f"database {database}, cache {'redis' if env.get('REDIS_URL') else 'file'}"
    )
    print()
    print("| page | req/s | p50 ms | p95 ms | p99 ms | requests | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for result in results:
        print(
            f"| `{result['path']}` | {result['rps']:.0f} | {result['p50']:.1f} | "
            f"{result['p95']:.1f} | {result['p99']:.1f} | {result['requests']} | "
            f"{result['errors']} |"
        )


if __name__ == "__main__":
    main()
