"""Uploads in an S3-compatible bucket (STORAGE_URL), against a real S3 server
(moto's, in its own process, over HTTP: tests/conftest.py's ``s3_server``).

Every object is private in the bucket, whatever the portal's page says of
it: files leave only through the views that check who may read them, which
stream them from the bucket. The portal hands out no link into the bucket,
signed or not, so there is no signed URL to forge or to outlive.
"""

import datetime
import secrets
import urllib.error
import urllib.request

import pytest
from botocore.exceptions import ClientError
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.http import Http404
from django.urls import reverse

from core.files import file_response
from meetings import national_reports
from meetings.models import NationalReport
from rial_portal.bucket import BucketStream
from tests.factories import FocalPointFactory
from tests.meetings.factories import MeetingFactory
from tests.meetings.roles import make_user, sign_in

pytestmark = [pytest.mark.s3, pytest.mark.django_db]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# Grantees that would open an object to people without the bucket's keys.
PUBLIC_GRANTEES = (
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
)


@pytest.fixture(autouse=True)
def empty_media_root(settings, tmp_path):
    """The local folder, empty: nothing may land there while the bucket is in use."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def anonymous_get(url):
    """The HTTP status of a plain GET of ``url``, as anyone on the network would send it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def uploaded_report(meeting=None, focal_point=None, file=None):
    return national_reports.national_report_upload(
        meeting=meeting or MeetingFactory(national_reports_due=datetime.date(2099, 1, 1)),
        user=focal_point or FocalPointFactory(),
        file=file or SimpleUploadedFile("report.pdf", PDF, content_type="application/pdf"),
        language="es",
        now=datetime.datetime(2030, 6, 1, tzinfo=datetime.UTC),
    )


def download_url(report):
    return reverse("meetings:national_report_download", args=[report.meeting.slug, report.pk])


def test_a_report_uploaded_through_the_portal_is_kept_in_the_bucket(
    client, s3_storage, empty_media_root
):
    meeting = MeetingFactory(national_reports_due=datetime.date(2099, 1, 1))
    client.force_login(FocalPointFactory())

    response = client.post(
        reverse("meetings:national_report_upload", args=[meeting.slug]),
        {"file": SimpleUploadedFile("informe.pdf", PDF), "language": "es"},
    )

    assert response.status_code == 302
    name = NationalReport.objects.get().file.name
    stored = s3_storage.client.get_object(Bucket=s3_storage.bucket, Key=name)
    assert stored["Body"].read() == PDF
    assert name.endswith("/informe.pdf")
    assert not empty_media_root.exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [("focal_point", 200), ("staff", 200), ("signed_in", 404), ("visitor", 302)],
)
def test_a_report_in_the_bucket_reaches_only_those_who_may_read_it(
    client, s3_storage, role, status
):
    report = uploaded_report()
    sign_in(client, make_user(role, report.meeting))

    response = client.get(download_url(report))

    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF
        assert "no-store" in response["Cache-Control"]


def test_every_file_field_keeps_its_files_in_the_bucket(s3_storage):
    """Program attachments, meeting documents, national reports, evidence,
    expense documents, news images: one storage, the bucket, for all."""
    fields = [
        field
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    ]

    assert len(fields) >= 7
    for field in fields:
        name = field.storage.save(
            field.generate_filename(field.model(), "file.pdf"), ContentFile(PDF)
        )
        head = s3_storage.client.head_object(Bucket=s3_storage.bucket, Key=name)
        assert head["ContentLength"] == len(PDF), field


def test_an_object_in_the_bucket_is_private(s3_storage):
    report = uploaded_report()
    name = report.file.name

    acl = s3_storage.client.get_object_acl(Bucket=s3_storage.bucket, Key=name)
    grantees = {grant["Grantee"].get("URI") for grant in acl["Grants"]}
    assert not grantees & set(PUBLIC_GRANTEES)
    # No bucket policy opens it either.
    with pytest.raises(ClientError, match="NoSuchBucketPolicy"):
        s3_storage.client.get_bucket_policy(Bucket=s3_storage.bucket)


def test_a_private_object_cannot_be_fetched_straight_from_the_bucket(s3_storage):
    report = uploaded_report()
    # The object's own address, and the one the storage gives: unsigned, for
    # the portal never signs a link into the bucket.
    storage_url = default_storage.url(report.file.name)

    assert "Signature" not in storage_url
    assert anonymous_get(storage_url) == 403
    assert anonymous_get(f"{s3_storage.endpoint}/{s3_storage.bucket}/{report.file.name}") == 403
    # What the page links to is the view that checks the reader.
    assert report.file.url == download_url(report)


def test_a_download_streams_from_the_bucket_as_it_is_sent(s3_storage, settings):
    """Larger than what the storage would hold in memory: it is never held
    whole, in memory or in a temporary file, but read from the bucket's
    answer a block at a time."""
    content = PDF + secrets.token_bytes(settings.FILE_UPLOAD_MAX_MEMORY_SIZE + 1024)
    report = uploaded_report(file=SimpleUploadedFile("large.pdf", content))

    response = file_response(report.file)

    assert isinstance(response.file_to_stream, BucketStream)
    assert int(response["Content-Length"]) == len(content)
    assert response["Content-Type"] == "application/pdf"
    blocks = list(response.streaming_content)
    assert {len(block) for block in blocks[:-1]} == {response.block_size}
    assert b"".join(blocks) == content


def test_a_file_gone_from_the_bucket_is_not_found(client, s3_storage):
    report = uploaded_report()
    s3_storage.client.delete_object(Bucket=s3_storage.bucket, Key=report.file.name)

    with pytest.raises(Http404):
        file_response(report.file)
    client.force_login(FocalPointFactory())
    assert client.get(download_url(report)).status_code == 404


def test_a_replaced_report_leaves_no_old_object_in_the_bucket(
    s3_storage, django_capture_on_commit_callbacks
):
    focal_point = FocalPointFactory()
    first = uploaded_report(focal_point=focal_point)
    old_name = first.file.name

    with django_capture_on_commit_callbacks(execute=True):
        second = uploaded_report(meeting=first.meeting, focal_point=focal_point)

    listed = s3_storage.client.list_objects_v2(Bucket=s3_storage.bucket)
    assert [item["Key"] for item in listed["Contents"]] == [second.file.name]
    assert second.file.name != old_name
