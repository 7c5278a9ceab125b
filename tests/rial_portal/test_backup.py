"""``manage.py backup`` and ``restore``, and the restore drill: back up,
destroy, restore into a fresh database and storage, then every table's row
count, the fund statement and a sample of files' checksums match."""

import contextlib
import datetime
import hashlib
import json
import re
from decimal import Decimal
from io import StringIO

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from fund.enums import BudgetLine
from rial_portal.backup import read_manifest, restore_check, statement_figures, table_counts
from tests.factories import InstitutionFactory
from tests.fund.factories import (
    AllocationFactory,
    ContributionFactory,
    ExpenseFactory,
    InKindContributionFactory,
    PledgeFactory,
)

ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
FILES = {
    "meetings/national-reports/AbC/informe.pdf": b"%PDF-1.4\n%%EOF\n",
    "newsletter/XyZ/photo.png": b"\x89PNG\r\n\x1a\nimage",
    "portfolio/7/QrS/annex.docx": b"PK\x03\x04docx",
}


def run(command, *args, **options):
    output = StringIO()
    call_command(command, *args, stdout=output, **options)
    return output.getvalue()


def the_fund_books():
    ministry = InstitutionFactory()
    ContributionFactory(institution=ministry, amount=Decimal("25000.00"))
    ContributionFactory(received_on=datetime.date(2016, 2, 1), amount=Decimal("1234.56"))
    InKindContributionFactory(institution=ministry, amount=Decimal("800.00"))
    allocation = AllocationFactory(budget_line=BudgetLine.PLATFORM)
    ExpenseFactory(allocation=allocation, amount=Decimal("432.10"))
    PledgeFactory(institution=ministry, year_from=2030, year_to=2031)


def the_files():
    for name, content in FILES.items():
        assert default_storage.save(name, ContentFile(content)) == name


def checksums(names):
    sums = {}
    for name in names:
        with default_storage.open(name, "rb") as handle:
            sums[name] = hashlib.sha256(handle.read()).hexdigest()
    return sums


@contextlib.contextmanager
def connected_to(name):
    """The portal's database connection points at the database ``name``,
    as DATABASE_URL would on the machine a backup is restored to."""
    original = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = name
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original


@contextlib.contextmanager
def fresh_database(tmp_path):
    """A new, empty database beside the test database; dropped afterwards."""
    if not ON_POSTGRESQL:
        yield str(tmp_path / "restored.sqlite3")
        return
    name = f"{connection.settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def destroy_the_storage(settings, s3_storage):
    """Every upload gone: the folder's files, or the bucket itself."""
    if s3_storage is None:
        for name in FILES:
            default_storage.delete(name)
        return
    client, bucket = s3_storage.client, s3_storage.bucket
    for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
        client.delete_object(Bucket=bucket, Key=item["Key"])
    client.delete_bucket(Bucket=bucket)


def a_fresh_storage(settings, tmp_path, s3_storage):
    if s3_storage is None:
        settings.MEDIA_ROOT = tmp_path / "restored-media"
        return
    bucket = f"{s3_storage.bucket}-restored"
    s3_storage.client.create_bucket(Bucket=bucket)
    default = settings.STORAGES["default"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**default, "OPTIONS": {**default["OPTIONS"], "bucket_name": bucket}},
    }


def restore_drill(settings, tmp_path, s3_storage=None):
    the_fund_books()
    the_files()
    backed_up = {
        "tables": table_counts(),
        "statement": statement_figures(timezone.localdate()),
        "files": checksums(FILES),
    }
    backup = tmp_path / "backup"

    output = run("backup", backup)

    assert f"Files: {len(FILES)} (" in output
    # Every row gone (and not recreated: no post-migrate signal).
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    destroy_the_storage(settings, s3_storage)
    with fresh_database(tmp_path) as database, connected_to(database):
        a_fresh_storage(settings, tmp_path, s3_storage)

        report = run("restore", backup, sample=2)

        print(report)  # what the drill compared, in the test's output
        assert table_counts() == backed_up["tables"]
        assert statement_figures(timezone.localdate()) == backed_up["statement"]
        assert checksums(FILES) == backed_up["files"]
        # And the drill would see a loss: a file gone from the storage.
        lost = next(iter(FILES))
        default_storage.delete(lost)
        comparisons = restore_check(manifest=read_manifest(backup), storage=default_storage)
        assert [c.what for c in comparisons if not c.matches] == [
            "files in the storage",
            f"sha256 of {lost}",
        ]
    assert f"same   rows in fund_contribution: {backed_up['tables']['fund_contribution']}" in (
        report
    )
    assert "same   fund statement on " in report
    assert f"same   files in the storage: {len(FILES)}" in report
    assert report.count("same   sha256 of ") == 2
    assert f"All {len(backed_up['tables']) + 4} comparisons match the backup." in report
    return backed_up


@pytest.mark.postgresql
@pytest.mark.s3
@pytest.mark.django_db(transaction=True)
def test_restore_drill_on_postgresql_and_a_bucket(settings, tmp_path, s3_storage):
    backed_up = restore_drill(settings, tmp_path, s3_storage)

    assert backed_up["tables"]["fund_contribution"] == 3
    assert backed_up["statement"]["en"]["financial_total"] == "26234.56"


@pytest.mark.skipif(ON_POSTGRESQL, reason="the embedded mode's database: SQLite")
@pytest.mark.django_db(transaction=True)
def test_restore_drill_on_sqlite_and_the_local_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"

    backed_up = restore_drill(settings, tmp_path)

    assert backed_up["tables"]["fund_expense"] == 1


def written_backup(tmp_path, *, files=FILES, tables=None):
    """A backup folder as ``backup`` writes it, made by hand: the refusals
    below are decided before any database is read or written."""
    folder = tmp_path / "backup"
    (folder / "files").mkdir(parents=True)
    dump = folder / "database.dump"
    dump.write_bytes(b"PGDMP")
    entries = []
    for name, content in files.items():
        path = folder / "files" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        entries.append(
            {"name": name, "size": len(content), "sha256": hashlib.sha256(content).hexdigest()}
        )
    manifest = {
        "format": 1,
        "created": "2026-12-07T08:00:00+00:00",
        "database": {
            "engine": connection.vendor,
            "file": dump.name,
            "sha256": hashlib.sha256(b"PGDMP").hexdigest(),
            "tables": tables or {},
        },
        "fund_statement": {"end": "2026-12-07", "figures": {}},
        "files": entries,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest))
    return folder


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.mark.django_db
def test_a_damaged_backup_is_refused_before_anything_is_restored(tmp_path, media_root):
    backup = written_backup(tmp_path)
    (backup / "files" / "newsletter/XyZ/photo.png").write_bytes(b"\x89PNG\r\n\x1a\nimagf")

    with pytest.raises(CommandError, match=re.escape("damaged: newsletter/XyZ/photo.png differ")):
        run("restore", backup)

    assert not media_root.exists()


@pytest.mark.django_db
def test_a_backup_is_never_restored_over_a_database_in_use(tmp_path, media_root):
    backup = written_backup(tmp_path)

    with pytest.raises(CommandError, match=r"already has \d+ tables: restore into a new, empty"):
        run("restore", backup)

    assert not media_root.exists()


@pytest.mark.django_db
def test_a_name_leading_out_of_the_backup_is_refused(tmp_path, media_root):
    backup = written_backup(tmp_path, files={"../../outside.txt": b"x"})

    with pytest.raises(
        CommandError, match=re.escape("'../../outside.txt' is not a name a backup holds")
    ):
        run("restore", backup)


def test_a_folder_that_is_not_a_backup_is_refused(tmp_path):
    with pytest.raises(CommandError, match=re.escape("holds no manifest.json: it is not a backup")):
        run("restore", tmp_path)


def test_a_backup_never_writes_into_a_folder_that_holds_something(tmp_path):
    (tmp_path / "earlier.txt").write_text("kept")

    with pytest.raises(CommandError, match="is not empty: give each backup a new folder"):
        run("backup", tmp_path)

    assert [path.name for path in tmp_path.iterdir()] == ["earlier.txt"]


def test_a_backup_is_not_written_over_a_file(tmp_path):
    (tmp_path / "backup").write_text("kept")

    with pytest.raises(CommandError, match="is not empty: give each backup a new folder"):
        run("backup", tmp_path / "backup")

    assert (tmp_path / "backup").read_text() == "kept"


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda manifest: manifest.pop("files"), id="no list of files"),
        pytest.param(lambda manifest: manifest["files"].append("photo.png"), id="a file as text"),
        pytest.param(lambda manifest: manifest.update(format=2), id="another format"),
    ],
)
def test_a_manifest_the_portal_did_not_write_is_refused(tmp_path, damage):
    backup = written_backup(tmp_path)
    manifest = json.loads((backup / "manifest.json").read_text())
    damage(manifest)
    (backup / "manifest.json").write_text(json.dumps(manifest))

    with pytest.raises(CommandError, match="is not a manifest this portal writes"):
        run("restore", backup)


@pytest.mark.s3
@pytest.mark.django_db
def test_a_restore_into_a_bucket_that_does_not_exist_says_so(tmp_path, s3_storage):
    backup = written_backup(tmp_path)
    s3_storage.client.delete_bucket(Bucket=s3_storage.bucket)

    with pytest.raises(CommandError, match=f"The bucket {s3_storage.bucket} does not exist"):
        run("restore", backup)
