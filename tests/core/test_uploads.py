"""Uploaded documents are judged by their content, not by their name."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.uploads import DocumentKind, DocumentValidator, detect_document_kind

MiB = 1024 * 1024

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
EXECUTABLE = b"MZ\x90\x00" + b"\x00" * 252


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX_MEMBERS = {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}
XLSX_MEMBERS = {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}
ODT_MEMBERS = {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<c/>"}
DOCX = zipped(DOCX_MEMBERS)
XLSX = zipped(XLSX_MEMBERS)
ODT = zipped(ODT_MEMBERS)


def upload(name, content):
    return SimpleUploadedFile(name, content)


def refusal(validator, file):
    with pytest.raises(ValidationError) as error:
        validator(file)
    return error.value


def test_detect_document_kind_pdf():
    assert detect_document_kind(upload("a.pdf", PDF)) is DocumentKind.PDF


def test_detect_document_kind_docx():
    assert detect_document_kind(upload("a.docx", DOCX)) is DocumentKind.DOCX


def test_detect_document_kind_xlsx():
    assert detect_document_kind(upload("a.xlsx", XLSX)) is DocumentKind.XLSX


def test_detect_document_kind_odt():
    assert detect_document_kind(upload("a.odt", ODT)) is DocumentKind.ODT


def test_detect_document_kind_opendocument_spreadsheet_is_none():
    content = zipped({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})
    assert detect_document_kind(upload("a.ods", content)) is None


def test_detect_document_kind_unrelated_zip_is_none():
    content = zipped({"notes.txt": "hello", "data/table.csv": "a,b\n1,2\n"})
    assert detect_document_kind(upload("a.zip", content)) is None


def test_detect_document_kind_corrupt_zip_is_none():
    assert detect_document_kind(upload("a.docx", b"PK\x03\x04garbage")) is None


def test_detect_document_kind_plain_binary_file():
    assert detect_document_kind(io.BytesIO(DOCX)) is DocumentKind.DOCX


def test_detect_document_kind_reads_from_start_and_rewinds():
    file = io.BytesIO(PDF)
    file.seek(10)
    assert detect_document_kind(file) is DocumentKind.PDF
    assert file.tell() == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [("a.pdf", PDF), ("a.docx", DOCX), ("a.xlsx", XLSX), ("a.odt", ODT)],
)
def test_validator_accepts_each_kind(name, content):
    assert DocumentValidator()(upload(name, content)) is None


def test_validator_accepts_upper_case_extension():
    assert DocumentValidator()(upload("REPORT.PDF", PDF)) is None


def test_validator_accepts_name_without_extension_by_content():
    assert DocumentValidator()(upload("report", DOCX)) is None


def test_validator_ignores_a_dotted_name_that_is_no_extension():
    assert DocumentValidator()(upload("Acta 2024.05.03", PDF)) is None


def test_validator_accepts_plain_binary_file():
    assert DocumentValidator()(io.BytesIO(XLSX)) is None


def test_validator_leaves_file_rewound():
    file = upload("a.docx", DOCX)
    DocumentValidator()(file)
    assert file.tell() == 0


def test_validator_refuses_empty_file():
    error = refusal(DocumentValidator(), upload("a.pdf", b""))
    assert error.code == "empty"
    assert error.messages == ["The file is empty."]


def test_validator_refuses_file_over_max_size():
    content = PDF + b"\n" * (1001 - len(PDF))
    error = refusal(DocumentValidator(max_size=1000), upload("a.pdf", content))
    assert error.code == "too_large"
    assert error.messages == ["The file is 1001\xa0bytes; the limit is 1000\xa0bytes."]


def test_validator_accepts_file_at_max_size():
    content = PDF + b"\n" * (1000 - len(PDF))
    assert DocumentValidator(max_size=1000)(upload("a.pdf", content)) is None


def test_validator_reads_limit_from_settings(settings):
    settings.RIAL_MAX_UPLOAD_BYTES = 2000
    content = PDF + b"\n" * (3 * 1024 - len(PDF))
    error = refusal(DocumentValidator(), upload("a.pdf", content))
    assert error.code == "too_large"
    assert error.messages == ["The file is 3.0\xa0KB; the limit is 2.0\xa0KB."]


def test_validator_max_size_overrides_settings(settings):
    settings.RIAL_MAX_UPLOAD_BYTES = 2000
    content = PDF + b"\n" * (1500 - len(PDF))
    error = refusal(DocumentValidator(max_size=1000), upload("a.pdf", content))
    assert error.code == "too_large"


def test_validator_limit_defaults_to_ten_mebibytes(settings):
    del settings.RIAL_MAX_UPLOAD_BYTES
    content = PDF + b"\n" * (int(10.5 * MiB) - len(PDF))
    error = refusal(DocumentValidator(), upload("a.pdf", content))
    assert error.code == "too_large"
    assert error.messages == ["The file is 10.5\xa0MB; the limit is 10.0\xa0MB."]


def test_validator_refuses_executable_named_pdf():
    error = refusal(DocumentValidator(), upload("report.pdf", EXECUTABLE))
    assert error.code == "file_type"
    assert error.messages == ["This file is not a PDF, DOCX, XLSX or ODT document."]


def test_validator_refuses_unrelated_zip():
    content = zipped({"notes.txt": "hello"})
    error = refusal(DocumentValidator(), upload("notes.docx", content))
    assert error.code == "file_type"


def test_validator_refuses_corrupt_zip():
    error = refusal(DocumentValidator(), upload("a.docx", b"PK\x03\x04garbage"))
    assert error.code == "file_type"


def test_validator_refuses_kind_not_allowed():
    validator = DocumentValidator(allowed=(DocumentKind.PDF,))
    error = refusal(validator, upload("a.docx", DOCX))
    assert error.code == "file_type"
    assert error.messages == ["This file is not a PDF document."]


def test_validator_lists_allowed_kinds_in_declaration_order():
    validator = DocumentValidator(allowed=(DocumentKind.ODT, DocumentKind.PDF))
    error = refusal(validator, upload("a.xlsx", XLSX))
    assert error.messages == ["This file is not a PDF or ODT document."]


def test_validator_refuses_extension_mismatch():
    error = refusal(DocumentValidator(), upload("report.docx", PDF))
    assert error.code == "extension_mismatch"
    assert error.messages == ["The file's name ends in .docx but its content is a PDF document."]


def test_validator_refuses_zip_bomb():
    content = zipped({**DOCX_MEMBERS, "word/media/image1.bin": b"\x00" * (2 * MiB)})
    error = refusal(DocumentValidator(), upload("a.docx", content))
    assert error.code == "suspicious"
    assert error.messages == ["The file looks damaged or unsafe and was refused."]


def test_validator_accepts_small_highly_compressed_member():
    content = zipped({**DOCX_MEMBERS, "word/styles.xml": b"\x00" * MiB})
    assert DocumentValidator()(upload("a.docx", content)) is None


def test_validator_refuses_too_much_uncompressed_data():
    # Members of exactly 1 MiB escape the ratio rule; only their sum is too large.
    members = {f"word/media/part{index}.bin": b"\x00" * MiB for index in range(101)}
    content = zipped({**DOCX_MEMBERS, **members})
    error = refusal(DocumentValidator(), upload("a.docx", content))
    assert error.code == "suspicious"


def test_validator_refuses_too_many_members():
    members = {f"xl/part{index}.xml": "" for index in range(5000)}
    content = zipped({**XLSX_MEMBERS, **members})
    error = refusal(DocumentValidator(), upload("a.xlsx", content))
    assert error.code == "suspicious"


def test_validator_deconstructs():
    validator = DocumentValidator(allowed=(DocumentKind.PDF,), max_size=1000)
    assert validator.deconstruct() == (
        "core.uploads.DocumentValidator",
        (),
        {"allowed": (DocumentKind.PDF,), "max_size": 1000},
    )


def test_validator_equal_when_same_arguments():
    assert DocumentValidator(allowed=(DocumentKind.PDF,)) == DocumentValidator(
        allowed=(DocumentKind.PDF,)
    )


def test_validator_unequal_when_allowed_kinds_differ():
    assert DocumentValidator(allowed=(DocumentKind.PDF,)) != DocumentValidator(
        allowed=(DocumentKind.DOCX,)
    )


def test_validator_refuses_no_allowed_kind():
    with pytest.raises(ValueError, match="at least one allowed kind"):
        DocumentValidator(allowed=())
