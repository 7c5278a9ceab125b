"""The storage behind STORAGE_URL (rial_portal/storage.py): django-storages'
S3 storage, which also reads a file as a stream for a download.

A module of its own, named in STORAGES by its path: boto3 is imported only by
the processes that use a bucket."""

from botocore.exceptions import ClientError
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class BucketStream:
    """An object's content as the bucket sends it: ``read(n)`` takes the
    next ``n`` bytes from the open HTTP response, so that no more than a
    chunk is held at once. ``size``: the whole object's length."""

    def __init__(self, body, *, size):
        self._body = body
        self.size = size

    def read(self, size=-1):
        return self._body.read(None if size is None or size < 0 else size)

    def close(self):
        self._body.close()


class BucketStorage(S3Storage):
    def open_stream(self, name):
        """``name``'s content to send on as it arrives (``storage.open()``
        would first download all of it, into memory or a temporary file).
        Raises FileNotFoundError when the bucket has no such object."""
        key = self._normalize_name(clean_name(name))
        try:
            answer = self.bucket.Object(key).get()
        except ClientError as error:
            if error.response["Error"]["Code"] in ("NoSuchKey", "404"):
                raise FileNotFoundError(name) from error
            raise
        return BucketStream(answer["Body"], size=answer["ContentLength"])
