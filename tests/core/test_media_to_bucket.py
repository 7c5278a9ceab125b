"""``manage.py media_to_bucket``: the uploads already on the local disk move to
the bucket under the same names, and running it again changes nothing."""

import datetime
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from meetings import national_reports
from tests.factories import FocalPointFactory
from tests.meetings.factories import MeetingFactory

pytestmark = [pytest.mark.s3, pytest.mark.django_db]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    files = {
        "meetings/national-reports/AbC/informe.pdf": PDF,
        "newsletter/XyZ/photo.png": b"\x89PNG\r\n\x1a\nimage",
        "portfolio/7/QrS/annex.docx": b"PK\x03\x04docx",
    }
    for name, content in files.items():
        path = settings.MEDIA_ROOT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return files


def move(**options):
    output = StringIO()
    call_command("media_to_bucket", stdout=output, **options)
    return output.getvalue()


def bucket_contents(s3_storage):
    client, bucket = s3_storage.client, s3_storage.bucket
    return {
        item["Key"]: client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
        for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])
    }


def test_every_local_file_is_copied_to_the_bucket_under_its_name(media_root, s3_storage):
    output = move()

    assert bucket_contents(s3_storage) == media_root
    assert "3 copied, 0 replaced (differed), 0 already there" in output


def test_a_second_run_copies_nothing_again(media_root, s3_storage):
    move()

    output = move(verbosity=2)

    assert "0 copied, 0 replaced (differed), 3 already there; 0 bytes sent" in output
    assert "skipped: portfolio/7/QrS/annex.docx" in output
    assert bucket_contents(s3_storage) == media_root


def test_an_object_that_differs_is_copied_again(media_root, s3_storage):
    move()
    # A copy cut short, or put by hand: the same name, other bytes of the same length.
    name = "meetings/national-reports/AbC/informe.pdf"
    s3_storage.client.put_object(Bucket=s3_storage.bucket, Key=name, Body=b"x" * len(PDF))

    output = move()

    assert "0 copied, 1 replaced (differed), 2 already there" in output
    assert bucket_contents(s3_storage) == media_root


def test_an_object_put_by_another_tool_with_the_same_content_is_skipped(media_root, s3_storage):
    """Without the checksum this command writes, the object's ETag (its MD5
    when put in one part) shows that it holds the same bytes."""
    name = "newsletter/XyZ/photo.png"
    s3_storage.client.put_object(Bucket=s3_storage.bucket, Key=name, Body=media_root[name])

    output = move()

    assert "2 copied, 0 replaced (differed), 1 already there" in output


def test_copied_objects_are_private(media_root, s3_storage):
    move()

    for name in media_root:
        acl = s3_storage.client.get_object_acl(Bucket=s3_storage.bucket, Key=name)
        assert all("URI" not in grant["Grantee"] for grant in acl["Grants"]), name


def test_a_report_uploaded_before_the_move_downloads_from_the_bucket(
    client, settings, tmp_path, s3_storage
):
    bucket_storages = settings.STORAGES
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **bucket_storages,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    focal_point = FocalPointFactory()
    report = national_reports.national_report_upload(
        meeting=MeetingFactory(national_reports_due=datetime.date(2099, 1, 1)),
        user=focal_point,
        file=SimpleUploadedFile("informe.pdf", PDF),
        language="es",
        now=datetime.datetime(2030, 6, 1, tzinfo=datetime.UTC),
    )
    settings.STORAGES = bucket_storages
    move()
    # Gone from the disk: the download can come from the bucket only.
    (settings.MEDIA_ROOT / report.file.name).unlink()
    client.force_login(focal_point)

    response = client.get(
        reverse("meetings:national_report_download", args=[report.meeting.slug, report.pk])
    )

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_without_a_bucket_the_command_says_there_is_nowhere_to_move(media_root):
    with pytest.raises(CommandError, match="STORAGE_URL is not set"):
        move()


def test_a_source_that_is_not_a_folder_is_refused(s3_storage, tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        move(source=tmp_path / "nowhere")
    assert bucket_contents(s3_storage) == {}
