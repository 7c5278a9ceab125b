"""Backups of the portal and their restore: the database and the uploads,
with a manifest of what they held, so that every restore proves itself.

A backup is a folder::

    manifest.json      what the backup holds, and the figures a restore must find again
    database.dump      PostgreSQL: pg_dump --format=custom
    database.sqlite3   SQLite (embedded mode): a copy by sqlite3's backup API
    files/NAME         each upload, under the name the database knows it by

The manifest records, read in the same snapshot of the database as the dump:
every table's row count and the fund's statement on the backup's day; and
each file's size and SHA-256. A restore refuses a backup whose files do not
match their manifest, writes only into an empty database and into a storage
that holds none of the backup's files with other content, and then compares
what it restored with the manifest (``restore_check``).

Here, not in an app: it reads every app's tables and the fund's statement,
and only the project package may depend on all of them.
"""

import contextlib
import datetime
import hashlib
import json
import os
import posixpath
import random
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.core.files import File
from django.db import connection, transaction
from django.utils import timezone

from fund import closing
from fund.selectors import fund_statement

FORMAT = 1
MANIFEST = "manifest.json"
FILES = "files"
DUMP_NAMES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
CHUNK = 1024 * 1024
# What a PostgreSQL connection's settings give the client programs.
PG_ENVIRONMENT = {
    "PGHOST": "HOST",
    "PGPORT": "PORT",
    "PGUSER": "USER",
    "PGPASSWORD": "PASSWORD",
}


class BackupError(Exception):
    """A backup or restore that cannot go on: the message says why and what
    to do. Raised before anything is written wherever it can be foreseen."""


@dataclass(frozen=True)
class Comparison:
    """One figure of the restored portal against the backup's manifest."""

    what: str
    expected: object
    found: object

    @property
    def matches(self):
        return self.expected == self.found


def backup_create(*, destination, storage):
    """Back the database and every file of ``storage`` up into the new folder
    ``destination``; returns the manifest written there."""
    destination = Path(destination)
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise BackupError(f"{destination} is not empty: give each backup a new folder.")
    vendor = _vendor()
    destination.mkdir(parents=True, exist_ok=True)
    dump = destination / DUMP_NAMES[vendor]
    day = timezone.localdate()
    with one_snapshot(vendor) as snapshot:
        tables = table_counts()
        statement = statement_figures(day)
        if vendor == "postgresql":
            _run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={dump}"])
        else:
            target = sqlite3.connect(dump)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
    # The files after the database: every file the dump names is already
    # stored, so it is in the listing unless deleted in between.
    files = [
        _copy_out(storage, name, _inside(destination / FILES, name))
        for name in storage_names(storage)
    ]
    manifest = {
        "format": FORMAT,
        "created": timezone.now().isoformat(),
        "database": {
            "engine": vendor,
            "file": dump.name,
            "sha256": _file_digest(dump),
            "tables": tables,
        },
        "fund_statement": {"end": day.isoformat(), "figures": statement},
        "files": files,
    }
    # Written last: a backup cut short has none, and no restore takes it.
    (destination / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def backup_restore(*, source, storage):
    """Restore the backup in the folder ``source`` into the (empty) database
    the settings name and into ``storage``; returns the manifest. Checks all
    it can before writing anything: the backup's own checksums, an empty
    database, no file of the backup in the storage with other content."""
    source = Path(source)
    manifest = read_manifest(source)
    vendor = _vendor()
    database = manifest["database"]
    if database["engine"] != vendor:
        raise BackupError(
            f"This is a backup of a {database['engine']} database: restore it into "
            f"{database['engine']}, not {vendor} (DATABASE_URL)."
        )
    dump = _inside(source, database["file"])
    damaged = [database["file"]] if _file_digest(dump) != database["sha256"] else []
    damaged += [
        entry["name"]
        for entry in manifest["files"]
        if _file_digest(_inside(source / FILES, entry["name"])) != entry["sha256"]
    ]
    if damaged:
        raise BackupError(
            f"The backup is damaged: {', '.join(damaged)} differ from its manifest. "
            "Nothing was restored; use another backup."
        )
    present = set(storage_names(storage))
    conflicts = [
        entry["name"]
        for entry in manifest["files"]
        if entry["name"] in present and _stored_digest(storage, entry["name"]) != entry["sha256"]
    ]
    if conflicts:
        raise BackupError(
            f"The storage already holds {', '.join(conflicts)} with other content: "
            "restore into a new, empty bucket or folder."
        )
    tables = connection.introspection.table_names()
    if tables:
        raise BackupError(
            f"The database {connection.settings_dict['NAME']} already has {len(tables)} "
            "tables: restore into a new, empty database (createdb), never over one in use."
        )

    if vendor == "postgresql":
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={connection.settings_dict['NAME']}",
                str(dump),
            ]
        )
    else:
        connection.close()
        backup = sqlite3.connect(dump)
        target = sqlite3.connect(connection.settings_dict["NAME"])
        try:
            backup.backup(target)
        finally:
            backup.close()
            target.close()
    for entry in manifest["files"]:
        if entry["name"] in present:
            continue  # restored by an earlier run that was cut short
        with _inside(source / FILES, entry["name"]).open("rb") as handle:
            saved = storage.save(entry["name"], File(handle))
        if saved != entry["name"]:
            raise BackupError(f"The storage kept {entry['name']} as {saved}: restore stopped.")
    return manifest


def restore_check(*, manifest, storage, sample=20):
    """What the restored portal holds against what the backup held: every
    table's row count, the fund's statement on the backup's day, every file's
    presence and the checksums of ``sample`` files read back from storage."""
    expected_tables = manifest["database"]["tables"]
    found_tables = table_counts()
    comparisons = [
        Comparison(f"rows in {table}", expected_tables.get(table), found_tables.get(table))
        for table in sorted(set(expected_tables) | set(found_tables))
    ]
    statement = manifest["fund_statement"]
    end = datetime.date.fromisoformat(statement["end"])
    comparisons.append(
        Comparison(
            f"fund statement on {statement['end']} (every figure, every language)",
            statement["figures"],
            statement_figures(end),
        )
    )
    names = [entry["name"] for entry in manifest["files"]]
    present = set(storage_names(storage))
    comparisons.append(
        Comparison("files in the storage", len(names), len([n for n in names if n in present]))
    )
    entries = random.sample(manifest["files"], min(sample, len(manifest["files"])))
    comparisons += [
        Comparison(
            f"sha256 of {entry['name']}",
            entry["sha256"],
            _stored_digest(storage, entry["name"]) if entry["name"] in present else None,
        )
        for entry in sorted(entries, key=lambda entry: entry["name"])
    ]
    return comparisons


def read_manifest(source):
    try:
        manifest = json.loads((Path(source) / MANIFEST).read_text())
    except FileNotFoundError as error:
        raise BackupError(f"{source} holds no {MANIFEST}: it is not a backup.") from error
    except ValueError as error:
        raise BackupError(f"{source}/{MANIFEST} is not valid JSON: {error}") from error
    if not _is_manifest(manifest):
        raise BackupError(f"{source}/{MANIFEST} is not a manifest this portal writes.")
    return manifest


def _is_manifest(manifest):
    """Whether ``manifest`` has every part a restore reads, of the right kind."""
    try:
        database, statement, files = (
            manifest["database"],
            manifest["fund_statement"],
            manifest["files"],
        )
        return (
            manifest["format"] == FORMAT
            and isinstance(manifest["created"], str)
            and all(isinstance(database[key], str) for key in ("engine", "file", "sha256"))
            and isinstance(database["tables"], dict)
            and isinstance(statement["end"], str)
            and isinstance(statement["figures"], dict)
            and isinstance(files, list)
            and all(
                isinstance(entry["name"], str) and isinstance(entry["sha256"], str)
                for entry in files
            )
        )
    except (KeyError, TypeError):
        return False


def table_counts():
    """{table: rows} for every table of the database."""
    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            # The name comes from the database's own catalogue, quoted.
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def statement_figures(end):
    """The fund's statement up to ``end`` as plain JSON data, as a closed
    year keeps it: every figure, in every language of the interface."""
    frozen = closing.freeze(lambda language: fund_statement(end=end))
    return json.loads(json.dumps(frozen))


def storage_names(storage):
    """Every stored name in ``storage``, sorted."""
    from storages.backends.s3 import S3Storage

    if isinstance(storage, S3Storage):
        from botocore.exceptions import ClientError

        try:
            # One listing, paged by boto3, rather than a request per folder.
            return sorted(item.key for item in storage.bucket.objects.all())
        except ClientError as error:
            if error.response["Error"]["Code"] != "NoSuchBucket":
                raise
            raise BackupError(
                f"The bucket {storage.bucket_name} does not exist: create it (empty, with no "
                "public policy) first."
            ) from error
    return sorted(_walk(storage, ""))


def _walk(storage, folder):
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # MEDIA_ROOT not created yet: no uploads
        return
    for name in files:
        yield posixpath.join(folder, name)
    for name in folders:
        yield from _walk(storage, posixpath.join(folder, name))


def _vendor():
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(f"Backups cover PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


@contextlib.contextmanager
def one_snapshot(vendor):
    """A read-only transaction in which the figures and the dump see the same
    records; yields PostgreSQL's snapshot id, for pg_dump to share it."""
    if vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            yield cursor.fetchone()[0]
        return
    # A deferred transaction, which only reads: writers carry on, and the
    # backup API, called on this same connection, copies what it sees. Not
    # atomic(): the settings make it BEGIN IMMEDIATE, whose write lock the
    # backup API would wait for forever.
    connection.ensure_connection()
    connection.connection.execute("BEGIN")
    try:
        yield None
    finally:
        connection.connection.execute("COMMIT")


def _run(command):
    """Run one of PostgreSQL's client programs against the settings' database."""
    if shutil.which(command[0]) is None:
        raise BackupError(
            f"{command[0]} is not installed: install PostgreSQL's client programs of the "
            "server's major version or newer (Debian: postgresql-client)."
        )
    database = connection.settings_dict
    environment = {**os.environ, "PGDATABASE": database["NAME"]}
    for variable, key in PG_ENVIRONMENT.items():
        if database.get(key):
            environment[variable] = str(database[key])
    if sslmode := database.get("OPTIONS", {}).get("sslmode"):
        environment["PGSSLMODE"] = sslmode
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if result.returncode:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _inside(root, name):
    """``root/name``, refusing a name that would lead out of ``root``."""
    path = (root / name).resolve()
    if not path.is_relative_to(root.resolve()):
        raise BackupError(f"{name!r} is not a name a backup holds: refused.")
    return path


def _copy_out(storage, name, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    with storage.open(name, "rb") as stored, path.open("wb") as copy:
        while chunk := stored.read(CHUNK):
            digest.update(chunk)
            copy.write(chunk)
            size += len(chunk)
    return {"name": name, "size": size, "sha256": digest.hexdigest()}


def _digest(handle):
    digest = hashlib.sha256()
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def _file_digest(path):
    try:
        with path.open("rb") as handle:
            return _digest(handle)
    except FileNotFoundError:
        return None


def _stored_digest(storage, name):
    with storage.open(name, "rb") as stored:
        return _digest(stored)
