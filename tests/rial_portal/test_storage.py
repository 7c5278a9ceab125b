"""STORAGE_URL: the S3-compatible bucket uploads go to (rial_portal/storage.py)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from rial_portal.storage import storage_from_url

MEMORY = 2_621_440


def options(url):
    storage = storage_from_url(url, max_memory_size=MEMORY)
    assert storage["BACKEND"] == "rial_portal.bucket.BucketStorage"
    return storage["OPTIONS"]


def test_storage_url_names_the_server_the_bucket_and_the_keys():
    assert options("s3://AKIA1:se%2Fcr%2Bet@s3.example.org/rial-media") == {
        "bucket_name": "rial-media",
        "endpoint_url": "https://s3.example.org",
        "access_key": "AKIA1",
        "secret_key": "se/cr+et",
        "region_name": None,
        "default_acl": "private",
        "addressing_style": "path",
        "signature_version": "s3v4",
        "querystring_auth": False,
        "file_overwrite": False,
        "max_memory_size": MEMORY,
    }


def test_storage_url_over_plain_http_keeps_the_port():
    assert options("s3+http://k:s@127.0.0.1:9000/media")["endpoint_url"] == "http://127.0.0.1:9000"


def test_storage_url_without_keys_leaves_them_to_boto3():
    found = options("s3://s3.us-east-1.amazonaws.com/rial-media?region=us-east-1")

    assert found["access_key"] is None
    assert found["secret_key"] is None
    assert found["region_name"] == "us-east-1"


def test_storage_url_options_set_the_acl_and_addressing_style():
    found = options("s3://k:s@s3.example.org/media?acl=none&addressing_style=virtual")

    assert found["default_acl"] is None
    assert found["addressing_style"] == "virtual"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://s3.example.org/media", "must start with s3://"),
        ("s3://k:s@s3.example.org", "must name the server and the bucket"),
        ("s3://k:s@s3.example.org/media/folder", "must name the server and the bucket"),
        ("s3:///media", "must name the server and the bucket"),
        ("s3://k:s@s3.example.org/media?location=x", "unknown options location"),
    ],
)
def test_a_storage_url_that_cannot_work_stops_the_start_with_what_to_fix(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        storage_from_url(url, max_memory_size=MEMORY)
