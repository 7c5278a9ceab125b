from io import StringIO
from random import Random

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils.module_loading import import_string

# Each app's scale generator, in dependency order: generate(factor, rng) adds
# rows up to its target and returns how many it added.
SCALE_GENERATORS = [
    "network.scale.generate",
    "portfolio.scale.generate",
    "meetings.scale.generate",
    "newsletter.scale.generate",
    "library.scale.generate",
    "forum.scale.generate",
    "evaluations.scale.generate",
]


class Command(BaseCommand):
    help = (
        "Add generated data on top of the demo data, FACTOR times the real network "
        "(at 10: 350 institutions, 5,000 programs, 1,000 meetings, 50,000 registrations, "
        "20,000 subscribers, 10,000 library items with their text, 2,000 forum threads with "
        "20,000 posts), for load tests and "
        "benchmarks. Running it again adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=int, default=10)
        parser.add_argument("--seed", type=int, default=2006, help="Same seed, same data.")

    def handle(self, *args, factor, seed, **options):
        if not 1 <= factor <= 100:
            raise CommandError("--factor must be between 1 and 100.")
        call_command("load_demo", stdout=self.stdout if options["verbosity"] > 1 else StringIO())
        rng = Random(seed)
        for dotted_path in SCALE_GENERATORS:
            with transaction.atomic():
                added = import_string(dotted_path)(factor, rng)
            self.stdout.write(f"{dotted_path.removesuffix('.generate')}: added {added:,} rows")
        if connection.vendor == "postgresql":
            # Fresh planner statistics, as autovacuum would gather after such
            # an import: without them PostgreSQL plans for the empty tables.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
