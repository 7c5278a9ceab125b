"""Memory of an open-data download: /data/programs.csv (or another dataset
and format) fetched whole by an anonymous reader, with the peak of Python's
allocations (tracemalloc) and the growth of the process's resident memory
measured while the file streams.

    .venv/bin/python bench/open_data.py [--database NAME_OR_URL] [--dataset programs]
                                        [--format csv] [--server postgres://…/]

``--database`` is a name on ``--server``'s PostgreSQL (default
postgres://postgres@127.0.0.1:5432/) or a URL; by default ``rial_bench_f100``
(50,000 programs, built by bench/search.py or bench/page_profile.py with
``--factor 100``). It is only read: nothing is created, migrated or written.

Prints the rows and bytes sent, the time taken, the peak of Python's
allocations after the first two chunks of rows (opendata/exports.py,
CHUNK_SIZE) and over the whole file, and the resident memory's growth. Memory
is flat when the whole file's peak is that of its first two chunks: each chunk
is fetched, written and let go before the next.
"""

import argparse
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import one_reader

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="rial_bench_f100", metavar="NAME_OR_URL")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432/")
    parser.add_argument("--dataset", default="programs")
    parser.add_argument("--format", default="csv", choices=["csv", "json"])
    options = parser.parse_args()

    one_reader.environment(
        one_reader.database_url(options.database, options.server),
        # The download itself, never a page from the cache.
        VISITOR_CACHE="false",
    )
    # Whitenoise warns at start-up about a static folder that does not exist.
    (ROOT / "var" / "bench" / "staticfiles").mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    unapplied_migrations()

    from django.test import Client

    from opendata.exports import CHUNK_SIZE

    early_rows = 2 * CHUNK_SIZE
    client = Client()
    # Warm-up: the code, the URL resolver and the translations loaded before measuring.
    drain(client, "/data/member-states.csv")
    path = f"/data/{options.dataset}.{options.format}"
    rss_before = max_rss_mib()
    tracemalloc.start()
    started = time.monotonic()
    response = client.get(path)
    if response.status_code != 200:
        sys.exit(f"{path}: {response.status_code}")
    chunks = size = 0
    early_peak = None
    for chunk in response.streaming_content:
        chunks += 1
        size += len(chunk)
        if chunks == early_rows + 1:
            early_peak = tracemalloc.get_traced_memory()[1]
    elapsed = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    # One chunk per row, plus the CSV's header or the JSON's closing bracket.
    rows = chunks - 1
    print(f"{path} from {os.environ['DATABASE_URL']}")
    print(f"rows: {rows:,}   bytes: {size:,}   time: {elapsed:.1f} s (with tracemalloc)")
    if early_peak is not None:
        print(f"peak of Python allocations after {early_rows:,} rows: {mib(early_peak):.1f} MiB")
    print(f"peak of Python allocations over all {rows:,} rows: {mib(peak):.1f} MiB")
    print(f"resident memory grew by {max_rss_mib() - rss_before:.1f} MiB while it streamed")


def unapplied_migrations():
    """The database is only read: one behind the code is refused, not migrated."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        sys.exit(
            f"{len(plan)} migrations are not applied to this database; migrate it first "
            "(bench/search.py --database NAME does)"
        )


def drain(client, path):
    for _chunk in client.get(path).streaming_content:
        pass


def mib(size):
    return size / 2**20


def max_rss_mib():
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
