"""Small PDF files that say what they stand for: the demo's language
versions, whose real documents are not part of the seeds."""


def _pdf_text(text):
    # A PDF literal string: backslashes and parentheses escaped; Latin-1 as
    # the standard Helvetica's WinAnsi encoding reads it.
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return escaped.encode("latin-1", "replace")


def placeholder_pdf(lines):
    """A one-page PDF (A4) showing ``lines`` of text, one under the other."""
    return pages_pdf([lines])


def pages_pdf(pages):
    """A PDF (A4) of as many pages as ``pages``, each showing its lines."""
    count = len(pages)
    # Objects: 1 catalog, 2 page tree, 3 font, then a page and its content per page.
    page_numbers = [4 + 2 * index for index in range(count)]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % number for number in page_numbers), count),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for number, lines in zip(page_numbers, pages, strict=True):
        content = (
            b"BT /F1 12 Tf 56 780 Td 16 TL "
            + b" ".join(b"(" + _pdf_text(line) + b") '" for line in lines)
            + b" ET"
        )
        objects += [
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (number + 1),
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
