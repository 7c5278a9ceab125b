"""Where uploads are kept: the local folder, or an S3-compatible bucket named
by ``STORAGE_URL``.

    s3://ACCESS_KEY:SECRET_KEY@HOST[:PORT]/BUCKET[?region=…&acl=…&addressing_style=…]

``s3://`` speaks HTTPS to HOST; ``s3+http://`` plain HTTP (a server on the
same host or private network only: the keys' signatures travel in the
clear). Without ``ACCESS_KEY:SECRET_KEY@`` boto3 finds credentials itself
(an instance role, ``AWS_ACCESS_KEY_ID``). Characters such as ``/`` or ``+``
in a key are written percent-encoded.

Every object is private in the bucket: the portal hands files out only
through the views that check who may read them (``core/files.py``), by
streaming (``rial_portal/bucket.py``), so it never needs a link that opens the
bucket to someone else.
"""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SCHEMES = {"s3": "https", "s3+http": "http"}
# What STORAGE_URL's query may set, and django-storages' name for it.
QUERY_OPTIONS = {
    "region": "region_name",
    # "private" by default; "none" sends no ACL, for an AWS bucket whose ACLs
    # are disabled (its Block Public Access then keeps objects private).
    "acl": "default_acl",
    # "path" by default, which every S3-compatible server answers; "virtual"
    # for a provider that requires bucket-named hosts.
    "addressing_style": "addressing_style",
}


def storage_from_url(url, *, max_memory_size):
    """The ``STORAGES["default"]`` entry that ``url`` describes.

    ``max_memory_size``: a file the portal reads whole (a backup, an image's
    size) is held on disk, not in memory, past this size; downloads stream."""
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        raise ImproperlyConfigured(
            f"STORAGE_URL must start with s3:// (HTTPS) or s3+http:// (plain HTTP, "
            f"a server on a private network only), not {parts.scheme or url!r}."
        )
    bucket = parts.path.strip("/")
    if not parts.hostname or not bucket or "/" in bucket:
        raise ImproperlyConfigured(
            "STORAGE_URL must name the server and the bucket: "
            "s3://ACCESS_KEY:SECRET_KEY@HOST[:PORT]/BUCKET."
        )
    query = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    unknown = sorted(set(query) - set(QUERY_OPTIONS))
    if unknown:
        raise ImproperlyConfigured(
            f"STORAGE_URL has unknown options {', '.join(unknown)}: "
            f"it takes {', '.join(QUERY_OPTIONS)}."
        )
    host = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
    options = {
        "bucket_name": bucket,
        "endpoint_url": f"{SCHEMES[parts.scheme]}://{host}",
        "access_key": unquote(parts.username) if parts.username else None,
        "secret_key": unquote(parts.password) if parts.password else None,
        "region_name": None,
        "default_acl": "private",
        "addressing_style": "path",
        "signature_version": "s3v4",
        # Nothing leaves the bucket by its own address: a URL the storage
        # gives is unsigned, so the bucket refuses it to anyone without keys.
        "querystring_auth": False,
        # Stored names carry a random folder; never replace a file in place.
        "file_overwrite": False,
        "max_memory_size": max_memory_size,
    }
    for name, value in query.items():
        options[QUERY_OPTIONS[name]] = value
    if options["default_acl"] == "none":
        options["default_acl"] = None
    return {"BACKEND": "rial_portal.bucket.BucketStorage", "OPTIONS": options}
