from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from network.demo import (
    DEMO_FOCAL_POINT_EMAIL,
    DEMO_PASSWORD,
    DEMO_RECOVERY_CODES,
    DEMO_STAFF_EMAIL,
)

# Each app's demo loader, in dependency order; each is idempotent.
DEMO_LOADERS = [
    "network.demo.load",
    "portfolio.demo.load",
    "meetings.demo.load",
    "fund.demo.load",
    "cooperation.demo.load",
    "newsletter.demo.load",
    "library.demo.load",
    "forum.demo.load",
    "evaluations.demo.load",
    "accounts.demo.load",
]


class Command(BaseCommand):
    help = "Load the demo data taken from the seed documents (idempotent)."

    def handle(self, *args, **options):
        for dotted_path in DEMO_LOADERS:
            import_string(dotted_path)()
            self.stdout.write(f"Loaded {dotted_path.removesuffix('.load')}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo logins (password {DEMO_PASSWORD}): staff {DEMO_STAFF_EMAIL}, "
                f"focal point {DEMO_FOCAL_POINT_EMAIL}; the staff's second factor: any of "
                f"{DEMO_RECOVERY_CODES[0]} … {DEMO_RECOVERY_CODES[-1]} (each once)"
            )
        )
