"""What staff take out of the portal about a meeting's participants: every
registration as CSV or XLSX, and the official list of participants by
delegation, printable. Who may is checked by the admin views that call these."""

import csv
import io
from dataclasses import dataclass
from itertools import groupby

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.exports import spreadsheet_safe, xlsx_response

from .enums import RegistrationStatus
from .models import Registration
from .selectors import delegation_key, in_delegation_order, member_state_name


def _needs(registration):
    needs = []
    if registration.needs_visa_letter:
        needs.append(_("visa letter"))
    if registration.requests_travel_funding:
        needs.append(_("travel funding"))
    if registration.accessibility_needs:
        needs.append(_("accessibility: %(needs)s") % {"needs": registration.accessibility_needs})
    if registration.dietary_needs:
        needs.append(_("dietary: %(needs)s") % {"needs": registration.dietary_needs})
    return "; ".join(needs)


COLUMNS = [
    (lambda: _("Delegation"), lambda r: r.delegation),
    (lambda: _("Member state"), member_state_name),
    (lambda: _("Name"), lambda r: r.full_name),
    (lambda: pgettext("job title", "Title"), lambda r: r.job_title),
    (lambda: _("Role"), lambda r: r.get_role_display()),
    (lambda: _("Email"), lambda r: r.email),
    (lambda: _("Phone"), lambda r: r.phone),
    (lambda: _("Status"), lambda r: r.get_status_display()),
    (lambda: _("Needs"), _needs),
]


def approved_in_delegation_order(meeting):
    return in_delegation_order(
        Registration.objects.filter(meeting=meeting, status=RegistrationStatus.APPROVED)
    )


@dataclass
class Delegation:
    name: str
    participants: list


@dataclass
class MemberStateGroup:
    member_state: str
    delegations: list


def official_list(meeting):
    """The approved participants grouped by member state, then delegation:
    [MemberStateGroup, …]; delegations with no member state come last, under
    an empty name."""
    groups = []
    for state, people in groupby(approved_in_delegation_order(meeting), key=member_state_name):
        delegations = [
            Delegation(name=members[0].delegation, participants=members)
            for members in (list(group) for _key, group in groupby(people, key=delegation_key))
        ]
        groups.append(MemberStateGroup(member_state=state, delegations=delegations))
    return groups


def _rows(meeting):
    yield [str(header()) for header, _value in COLUMNS]
    for registration in in_delegation_order(meeting.registrations.all()):
        yield [value(registration) for _header, value in COLUMNS]


def participants_response(meeting, fmt):
    """All of ``meeting``'s registrations, with their status, as an attachment."""
    filename = f"participants-{meeting.slug}-{timezone.localdate().isoformat()}"
    if fmt == "csv":
        buffer = io.StringIO()
        # The byte order mark tells spreadsheet programs the file is UTF-8,
        # so that “Peña” does not open as “PeÃ±a”.
        buffer.write("\ufeff")
        csv.writer(buffer).writerows(
            [spreadsheet_safe(cell) for cell in row] for row in _rows(meeting)
        )
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        return xlsx_response(_rows(meeting), filename=filename, sheet_title=_("Participants"))
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
