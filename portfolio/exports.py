"""The filtered program list as CSV or XLSX, for the Secretariat."""

import csv

from django.http import Http404, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exports import Echo, spreadsheet_safe, xlsx_response

COLUMNS = [
    (lambda: _("Title"), lambda p: p.title),
    (lambda: _("Member state"), lambda p: p.owner.member_state.name),
    (lambda: _("Ministry"), lambda p: p.owner.name),
    (lambda: _("Topics"), lambda p: "; ".join(t.name for t in p.topics.all())),
    (lambda: _("Target groups"), lambda p: "; ".join(g.name for g in p.target_groups.all())),
    (lambda: _("Offers"), lambda p: "; ".join(o.get_kind_display() for o in p.offers.all())),
    (lambda: _("Start year"), lambda p: p.start_year),
    (lambda: _("Implementation"), lambda p: p.get_implementation_status_display()),
    (lambda: _("Language"), lambda p: p.get_language_display()),
    (lambda: _("Contact"), lambda p: p.contact_name),
    (lambda: _("Contact email"), lambda p: p.contact_email),
    (lambda: _("Last verified"), lambda p: p.last_verified.isoformat()),
    (lambda: _("Published"), lambda p: p.published_at.date().isoformat() if p.published_at else ""),
    (lambda: _("Address"), lambda p: p.get_absolute_url()),
]


def _rows(programs):
    yield [str(header()) for header, _value in COLUMNS]
    for program in programs.iterator(chunk_size=500):
        yield [value(program) for _header, value in COLUMNS]


def programs_response(programs, fmt):
    filename = f"rial-programs-{timezone.localdate().isoformat()}"
    if fmt == "csv":
        writer = csv.writer(Echo())
        response = StreamingHttpResponse(
            (writer.writerow([spreadsheet_safe(cell) for cell in row]) for row in _rows(programs)),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    if fmt == "xlsx":
        return xlsx_response(_rows(programs), filename=filename, sheet_title=_("Programs"))
    raise Http404
