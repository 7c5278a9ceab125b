"""Uploaded files: where they are stored and how they are handed out.

The media folder is never served directly (not even with ``DEBUG``): every
file leaves storage through ``file_response``, called by a view that has
checked who may read it. Stored names carry a random folder, so that nobody
can guess one from the uploader's file name; the uploader's name is kept as
the last part, and downloads are offered under it (``original_name``).

A file field's ``url`` is its view's address, not the storage's (see
``ServedFileField``): the admin's "Currently:" links and the templates go
through the same checks as every other download.
"""

import hashlib
import mimetypes
import posixpath
import secrets
from dataclasses import dataclass

from django.db import models
from django.db.models.fields.files import FieldFile, ImageFieldFile
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control

# 12 random bytes: 96 bits, 16 characters, beyond any guessing.
TOKEN_BYTES = 12
# The file fields hold 100 characters (Django's default): folders of up to 30,
# the random part and a name of up to 50 always fit, so that storage never has
# to cut the name (nor refuse one it cannot cut).
MAX_NAME = 50
MAX_EXTENSION = 10


def unguessable_name(folder, filename):
    """``folder/<random>/filename``: the name an ``upload_to`` returns.

    A name longer than ``MAX_NAME`` is shortened before its extension."""
    root, extension = posixpath.splitext(posixpath.basename(filename))
    extension = extension[:MAX_EXTENSION]
    root = root[: MAX_NAME - len(extension)]
    return posixpath.join(folder, secrets.token_urlsafe(TOKEN_BYTES), root + extension)


def original_name(stored_name):
    """The uploader's file name, without the folders (random or not)."""
    return posixpath.basename(stored_name)


def file_response(field_file, *, filename=None, inline=False, private=True):
    """The stored file of ``field_file`` as the response to a view that has
    checked the reader's right to it; 404 if the file is gone from storage.

    Offered for download under ``filename`` (the uploader's name by default),
    or shown in the page with ``inline`` (images). ``private`` keeps it out of
    shared caches: it was allowed for this person only."""
    # A bucket's file streams from the bucket as it is sent (BucketStorage);
    # a local one is read from disk by FileResponse, a chunk at a time.
    open_stream = getattr(field_file.storage, "open_stream", None)
    try:
        handle = open_stream(field_file.name) if open_stream else field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=filename or original_name(field_file.name),
    )
    if not response.has_header("Content-Length"):
        # A stream cannot be measured by seeking: the bucket said its size.
        response["Content-Length"] = handle.size
    if private:
        patch_cache_control(response, private=True, no_store=True)
    return response


class _ServedUrl:
    """``url`` from the model's ``get_<field name>_url()``: the view that
    checks who may read the file, never the storage's own address."""

    @property
    def url(self):
        self._require_file()
        return getattr(self.instance, f"get_{self.field.name}_url")()


class ServedFieldFile(_ServedUrl, FieldFile):
    pass


class ServedImageFieldFile(_ServedUrl, ImageFieldFile):
    pass


class ServedFileField(models.FileField):
    """A ``FileField`` whose ``url`` is the model's ``get_<name>_url()``.

    Only the Python side differs from Django's field: it deconstructs as
    ``models.FileField``, so that migrations neither change nor depend on it."""

    attr_class = ServedFieldFile

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.FileField", args, kwargs


class ServedImageField(models.ImageField):
    """``ServedFileField`` for images."""

    attr_class = ServedImageFieldFile

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs


@dataclass
class BucketCopy:
    """What ``media_copy_to_bucket`` did, file by file."""

    copied: int = 0
    replaced: int = 0
    skipped: int = 0
    bytes_copied: int = 0


# The object's metadata entry holding the file's SHA-256, written on copy.
CHECKSUM_METADATA = "sha256"


def media_copy_to_bucket(*, source, storage, report=None):
    """Copy every file under the folder ``source`` (the local MEDIA_ROOT)
    into ``storage``'s bucket under the same name, so that the names the
    database holds find them there.

    Safe to run again, or after an interruption: a file already in the bucket
    with the same size and checksum is skipped; one that differs (a copy cut
    short) is replaced. The local files are left as they were: delete them
    once the portal serves from the bucket. ``report(name, action)`` is
    called for each file (action: "copied", "replaced" or "skipped")."""
    result = BucketCopy()
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(source).as_posix()
        size = path.stat().st_size
        sha256, md5 = _digests(path)
        stored = _stored_object(storage, name)
        if stored is not None and _same_content(stored, size=size, sha256=sha256, md5=md5):
            result.skipped += 1
            action = "skipped"
        else:
            extra = {
                "ContentType": mimetypes.guess_type(name)[0] or "application/octet-stream",
                "Metadata": {CHECKSUM_METADATA: sha256},
            }
            if storage.default_acl:
                extra["ACL"] = storage.default_acl
            storage.bucket.upload_file(str(path), name, ExtraArgs=extra)
            result.bytes_copied += size
            if stored is None:
                result.copied += 1
                action = "copied"
            else:
                result.replaced += 1
                action = "replaced"
        if report is not None:
            report(name, action)
    return result


def _digests(path):
    sha256, md5 = hashlib.sha256(), hashlib.md5(usedforsecurity=False)
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            sha256.update(chunk)
            md5.update(chunk)
    return sha256.hexdigest(), md5.hexdigest()


def _stored_object(storage, name):
    """The bucket's HEAD answer for ``name``, or None if it holds no such object."""
    # Imported here: botocore is loaded only by processes that use a bucket.
    from botocore.exceptions import ClientError

    try:
        return storage.connection.meta.client.head_object(Bucket=storage.bucket_name, Key=name)
    except ClientError as error:
        if error.response["Error"]["Code"] in ("404", "NoSuchKey", "NotFound"):
            return None
        raise


def _same_content(stored, *, size, sha256, md5):
    if stored["ContentLength"] != size:
        return False
    if CHECKSUM_METADATA in stored.get("Metadata", {}):
        return stored["Metadata"][CHECKSUM_METADATA] == sha256
    # Put by someone else in one part: its ETag is the MD5 of the content (a
    # multipart upload's ETag is not, and has a "-": copy it again to be sure).
    return stored["ETag"].strip('"') == md5
