from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from storages.backends.s3 import S3Storage

from core.files import media_copy_to_bucket


class Command(BaseCommand):
    help = (
        "Copy the uploads kept in the local folder (MEDIA_ROOT) into the bucket that "
        "STORAGE_URL names, under the same names. Safe to run again: files already there "
        "with the same size and checksum are skipped. The local files are left in place."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source", type=Path, help="The folder to copy from (MEDIA_ROOT by default)."
        )

    def handle(self, *args, source, verbosity, **options):
        storage = storages["default"]
        if not isinstance(storage, S3Storage):
            raise CommandError(
                "STORAGE_URL is not set: uploads are kept in MEDIA_ROOT already. "
                "Set it to the bucket to copy them to (README, Configuration)."
            )
        source = source or Path(settings.MEDIA_ROOT)
        if not source.is_dir():
            raise CommandError(f"{source} is not a folder: there is nothing to copy.")

        def report(name, action):
            if verbosity > 1:
                self.stdout.write(f"{action}: {name}")

        result = media_copy_to_bucket(source=source, storage=storage, report=report)
        self.stdout.write(
            f"{source} -> bucket {storage.bucket_name}: {result.copied} copied, "
            f"{result.replaced} replaced (differed), {result.skipped} already there; "
            f"{result.bytes_copied:,} bytes sent."
        )
