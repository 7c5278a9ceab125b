from pathlib import Path

from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

from rial_portal.backup import BackupError, backup_restore, restore_check


class Command(BaseCommand):
    help = (
        "Restore a backup made by `backup` into the empty database DATABASE_URL names and "
        "into the storage (MEDIA_ROOT or STORAGE_URL's bucket), then compare every table's "
        "row count, the fund statement and a sample of files' checksums with the backup's "
        "manifest, printing each comparison. With --check, restore nothing: only compare "
        "(a restore made earlier). See docs/operations.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, help="The backup's folder.")
        parser.add_argument(
            "--sample",
            type=int,
            default=20,
            help="How many files to read back from the storage and check (default 20).",
        )

    def handle(self, *args, source, sample, **options):
        storage = storages["default"]
        try:
            manifest = backup_restore(source=source, storage=storage)
            self.stdout.write(
                f"Restored {source} (made {manifest['created']}): the database and "
                f"{len(manifest['files'])} files."
            )
            comparisons = restore_check(manifest=manifest, storage=storage, sample=sample)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for comparison in comparisons:
            if comparison.matches:
                self.stdout.write(f"same   {comparison.what}: {_short(comparison.found)}")
            else:
                self.stdout.write(
                    f"DIFFER {comparison.what}: backed up {_short(comparison.expected)}, "
                    f"restored {_short(comparison.found)}"
                )
        differing = [comparison for comparison in comparisons if not comparison.matches]
        if differing:
            raise CommandError(
                f"{len(differing)} of {len(comparisons)} comparisons differ (DIFFER above): "
                "the restore is not faithful."
            )
        self.stdout.write(f"All {len(comparisons)} comparisons match the backup.")


def _short(value):
    """A figure as one short line: a statement is summed up by its balance."""
    if isinstance(value, dict):
        english = value.get("en", {})
        return (
            f"{english.get('financial_total')} received, {english.get('expenses_total')} "
            f"spent, {len(english.get('open_pledges', []))} open pledges"
        )
    return str(value)
