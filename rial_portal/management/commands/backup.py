from pathlib import Path

from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

from rial_portal.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back the portal up into a new folder: the database (PostgreSQL: pg_dump in custom "
        "format; SQLite: a copy of the file) and every upload of the storage (MEDIA_ROOT or "
        "the bucket STORAGE_URL names), with a manifest of row counts, the fund statement and "
        "each file's SHA-256 that `restore` checks. See docs/operations.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", type=Path, help="A new or empty folder.")

    def handle(self, *args, destination, **options):
        try:
            manifest = backup_create(destination=destination, storage=storages["default"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        database = manifest["database"]
        self.stdout.write(
            f"Database ({database['engine']}): {len(database['tables'])} tables, "
            f"{sum(database['tables'].values()):,} rows -> {destination / database['file']}\n"
            f"Files: {len(manifest['files'])} ({sum(f['size'] for f in manifest['files']):,} "
            f"bytes) -> {destination / 'files'}\n"
            f"Manifest: {destination / 'manifest.json'}"
        )
