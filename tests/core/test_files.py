"""Uploaded files: stored under names nobody can guess, handed out by views only."""

import posixpath

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.urls import reverse

from cooperation.models import call_document_path, evidence_path
from core.files import MAX_NAME, file_response, original_name, unguessable_name
from fund.models import expense_document_path
from meetings.models import NationalReport, document_file_path, national_report_path
from newsletter.models import news_image_path
from portfolio.models import attachment_path
from tests.factories import FocalPointFactory
from tests.meetings.factories import MeetingFactory

PDF = b"%PDF-1.4\n%test\n"

UPLOAD_TO = [
    call_document_path,
    evidence_path,
    expense_document_path,
    document_file_path,
    national_report_path,
    news_image_path,
    attachment_path,
]


class Unsaved:
    """Stands for the model instance an upload_to function is given."""

    program_id = 7


@pytest.mark.parametrize("upload_to", UPLOAD_TO, ids=lambda function: function.__name__)
def test_every_upload_is_stored_under_a_random_folder_with_its_own_name(upload_to):
    first = upload_to(Unsaved(), "Informe nacional.pdf")
    second = upload_to(Unsaved(), "Informe nacional.pdf")

    assert first != second
    assert original_name(first) == original_name(second) == "Informe nacional.pdf"
    folder, token = posixpath.split(posixpath.dirname(first))
    assert len(token) >= 16
    assert first == f"{folder}/{token}/Informe nacional.pdf"


def test_a_long_name_is_shortened_before_its_extension_to_fit_the_field():
    name = unguessable_name("meetings/national-reports", "x" * 200 + ".docx")

    assert original_name(name) == "x" * (MAX_NAME - 5) + ".docx"
    assert len(name) <= 100


def test_an_upload_keeps_its_name_for_the_download_only(client, settings, tmp_path, db):
    settings.MEDIA_ROOT = tmp_path
    focal_point = FocalPointFactory()
    report = NationalReport.objects.create(
        meeting=MeetingFactory(),
        member_state=focal_point.institution.member_state,
        file=SimpleUploadedFile("report.pdf", PDF),
        language="en",
    )

    assert report.file.name != "meetings/national-reports/report.pdf"
    assert original_name(report.file.name) == "report.pdf"
    # The field's address is the view that checks who may read the file.
    assert report.file.url == reverse(
        "meetings:national_report_download",
        kwargs={"slug": report.meeting.slug, "pk": report.pk},
    )
    client.force_login(focal_point)
    response = client.get(report.file.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_a_file_gone_from_storage_is_not_found(settings, tmp_path, db):
    settings.MEDIA_ROOT = tmp_path
    report = NationalReport.objects.create(
        meeting=MeetingFactory(),
        member_state=FocalPointFactory().institution.member_state,
        file=SimpleUploadedFile("report.pdf", PDF),
        language="en",
    )
    report.file.storage.delete(report.file.name)

    with pytest.raises(Http404):
        file_response(report.file)


def test_a_private_file_is_kept_out_of_shared_caches(settings, tmp_path, db):
    settings.MEDIA_ROOT = tmp_path
    report = NationalReport.objects.create(
        meeting=MeetingFactory(),
        member_state=FocalPointFactory().institution.member_state,
        file=SimpleUploadedFile("report.pdf", PDF),
        language="en",
    )

    private = file_response(report.file)
    public = file_response(report.file, private=False, filename="CIMT-report-en.pdf")

    assert "no-store" in private["Cache-Control"]
    assert "private" in private["Cache-Control"]
    assert not public.has_header("Cache-Control")
    assert public["Content-Disposition"] == 'attachment; filename="CIMT-report-en.pdf"'
    private.close()
    public.close()
