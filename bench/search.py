"""The three searches for one reader: the program search (/programs/?q=…),
the Library's search inside its files (/library/?q=…) and the global search
(/search/?q=…), over hundreds of real words of the data, the most common ones
included, on PostgreSQL with the visitors' cache off.

    .venv/bin/python bench/search.py [--factor 10] [--database NAME_OR_URL]
                                     [--queries 200] [--common 40] [--slowest 10] [--repeat 1]

1. The database: ``--database``, a name on ``--server``'s PostgreSQL
   (default postgres://postgres@127.0.0.1:5432/) or a URL; by default
   ``rial_bench_f<factor>``, the database bench/page_profile.py uses. A
   database that does not exist is created, migrated and filled with
   ``generate_scale_data --factor`` (under 3 minutes at 100 here); one that exists
   is only migrated (nothing to do unless the code added migrations), never
   dropped. Then collectstatic.
2. Takes ``--queries`` distinct words (letters only, three or more) of the
   published programs' titles and summaries, the meetings' titles and the
   news' titles, in every language: the ``--common`` most common ones, and
   the others spread evenly over the rest from the most to the least common.
   The library items' titles and the first pages of a thousand of their
   files count as texts too.
3. With DEBUG off, the production middleware and ``VISITOR_CACHE`` false,
   requests each search once per word (``--repeat`` times, keeping the
   fastest, on a machine that other work shares) with the test client as an
   anonymous reader, after one warm-up request per page, timing the whole
   request in this process and each SQL statement in it.
4. Prints per search the median, p95 and maximum milliseconds, the share of
   that time spent waiting on SQL, and the most queries a request ran;
   beside them a trivial view (no database, no template) of the same run,
   and the machine's load average before and after (other work on the
   machine lengthens every figure); then the slowest words of each search.

Issue 29's goal: a p95 of at most 100 ms at factor 10 and 200 ms at factor 100;
issue 17's: the library search's p95 under 100 ms at 10,000 items (factor 10).
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import one_reader

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
TRIVIAL = "/bench/trivial/"
SEARCHES = {
    "program search": "/programs/",
    "library search": "/library/",
    "global search": "/search/",
}
# Pages of the library's files whose words join the words searched for.
LIBRARY_PAGES = 1000
# bench/page_profile.py marks a database it built to the end the same way.
DONE = "generate_scale_data done"
WORD = re.compile(r"[^\W\d_]{3,}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factor", type=int, default=10, help="data size when it is generated")
    parser.add_argument(
        "--database",
        metavar="NAME_OR_URL",
        help="the database to use (default: rial_bench_f<factor>); built if missing",
    )
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432/")
    parser.add_argument("--queries", type=int, default=200, help="distinct words (at least 200)")
    parser.add_argument("--common", type=int, default=40, help="of which the most common")
    parser.add_argument("--slowest", type=int, default=10, help="slowest words to print")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="requests per word and search, of which the fastest counts: on a machine "
        "that other work shares, what one reader costs without waiting for the others",
    )
    options = parser.parse_args()

    database_url = one_reader.database_url(
        options.database or f"rial_bench_f{options.factor}", options.server
    )
    one_reader.environment(database_url, VISITOR_CACHE="false")
    prepare_database(database_url, options.factor)

    import django

    django.setup()
    from django.test.utils import override_settings

    override_settings(ROOT_URLCONF="load_urls").enable()
    words = pick_words(options.queries, options.common)
    report(words, options)


def prepare_database(database_url, factor):
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    manage("migrate", "--no-input", "-v", "0")
    manage("collectstatic", "--no-input", "-v", "0")
    if not exists:
        started = time.monotonic()
        print(f"building {name}: generate_scale_data --factor {factor}", flush=True)
        manage("generate_scale_data", "--factor", str(factor))
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f"COMMENT ON DATABASE \"{name}\" IS '{DONE}'")
        print(f"{name} ready in {time.monotonic() - started:.0f} s", flush=True)


def manage(*arguments):
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, check=True)


def pick_words(count, common):
    """``count`` distinct words of the data: the ``common`` most frequent
    (in the most texts), then the rest taken at even steps down the list."""
    from library.models import LibraryItem, LibraryPage
    from meetings.models import Meeting
    from newsletter.models import NewsItem
    from portfolio.models import Program

    texts = [
        *Program.objects.published().values_list(
            "title_en", "title_es", "title_pt", "title_fr",
            "summary_en", "summary_es", "summary_pt", "summary_fr",
        ),
        *Meeting.objects.values_list("title_en", "title_es", "title_pt", "title_fr"),
        *NewsItem.objects.published().values_list("title"),
        *LibraryItem.objects.published().values_list("title_en", "title_es", "title_pt"),
        *LibraryPage.objects.filter(number=1).values_list("text")[:LIBRARY_PAGES],
    ]  # fmt: skip
    frequency = Counter()
    for row in texts:
        frequency.update({word.lower() for text in row if text for word in WORD.findall(text)})
    ranked = [word for word, _count in frequency.most_common()]
    if len(ranked) < count:
        sys.exit(f"the data holds {len(ranked)} distinct words, fewer than {count}")
    if common >= count:
        return ranked[:count]
    rest = ranked[common:]
    step = len(rest) / (count - common)
    return ranked[:common] + [rest[int(index * step)] for index in range(count - common)]


@contextmanager
def sql_timer(times):
    """Appends to ``times`` the milliseconds of each SQL statement run inside."""
    from django.db import connection

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            times.append((time.perf_counter() - started) * 1000)

    with connection.execute_wrapper(timed):
        yield


def measure(client, path):
    """Milliseconds of the request, of its SQL, and its number of statements."""
    sql = []
    with sql_timer(sql):
        started = time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        sys.exit(f"{path} answered {response.status_code}, not 200")
    return elapsed, sum(sql), len(sql)


def load_average():
    """The machine's load over 1, 5 and 15 minutes: the figures are one
    reader's only on an otherwise idle machine."""
    return " ".join(f"{load:.1f}" for load in os.getloadavg())


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(words, options):
    from django.db import connection
    from django.test import Client

    from library.models import LibraryItem, LibraryPage
    from portfolio.models import Program

    client = Client()
    print(f"\nload average before the run: {load_average()}")
    print(
        f"{connection.settings_dict['NAME']}: {Program.objects.count():,} programs, "
        f"{LibraryItem.objects.count():,} library items with {LibraryPage.objects.count():,} "
        "pages of text; "
        f"{len(words)} words, of which the {options.common} most common: "
        f"{', '.join(words[: options.common])}"
    )
    trivial = [measure(client, TRIVIAL)[0] for _ in range(len(words) + 1)][1:]
    results = {name: [] for name in SEARCHES}
    for path in SEARCHES.values():
        measure(client, f"{path}?{urlencode({'q': 'warm up'})}")
    for word in words:
        for name, path in SEARCHES.items():
            url = f"{path}?{urlencode({'q': word})}"
            fastest = min(measure(client, url) for _ in range(options.repeat))
            results[name].append((word, *fastest))

    requests = "one request" if options.repeat == 1 else f"the fastest of {options.repeat}"
    print(f"\n{requests} per word; milliseconds in this process (server time, one reader)")
    print(f"{'page':<20} {'median':>8} {'p95':>8} {'max':>8} {'SQL share':>10} {'queries':>8}")
    print(
        f"{'trivial view':<20} {statistics.median(trivial):8.1f} "
        f"{percentile(trivial, 0.95):8.1f} {max(trivial):8.1f} {'':>10} {0:8d}"
    )
    for name, rows in results.items():
        elapsed = [row[1] for row in rows]
        share = sum(row[2] for row in rows) / sum(elapsed)
        print(
            f"{name:<20} {statistics.median(elapsed):8.1f} {percentile(elapsed, 0.95):8.1f} "
            f"{max(elapsed):8.1f} {share:10.0%} {max(row[3] for row in rows):8d}"
        )
    print(f"load average after the run: {load_average()}")
    for name, rows in results.items():
        print(f"\nslowest words of the {name}: word, ms, of which SQL ms")
        for word, elapsed, sql, _count in sorted(rows, key=lambda row: -row[1])[: options.slowest]:
            print(f"  {word:<20} {elapsed:8.1f} {sql:8.1f}")


if __name__ == "__main__":
    main()
