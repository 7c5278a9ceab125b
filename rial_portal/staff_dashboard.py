"""The admin's front page: what is waiting for staff, what falls due, and
the fund against its minimum. Each line shows only if the person may see it,
and links to the filtered admin list."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import ErasureRequest, Invitation
from cooperation import rules as cooperation_rules
from cooperation.enums import RequestStatus
from cooperation.models import Request
from core.enums import DeliveryStatus
from core.models import EmailDelivery
from forum import rules as forum_rules
from forum.models import Report
from fund.selectors import open_pledges, year_end_projection
from library import rules as library_rules
from library.enums import ItemStatus
from library.models import LibraryItem
from meetings import rules as meetings_rules
from meetings.models import Registration
from meetings.selectors import upcoming_with_uncovered_funding
from newsletter.enums import NewsStatus
from newsletter.models import NewsItem
from portfolio.enums import ProgramStatus, RevisionStatus
from portfolio.models import Program, ProgramRevision, verification_cutoff


def _line(label, count, url):
    return {"label": label, "count": count, "url": url}


def dashboard_context(request):
    user = request.user
    today = timezone.localdate()
    waiting, deadlines = [], []
    if user.has_perm("portfolio.change_program"):
        waiting.append(
            _line(
                _("Programs to review"),
                Program.objects.filter(status=ProgramStatus.SUBMITTED).count(),
                reverse("admin:portfolio_program_changelist") + "?status__exact=submitted",
            )
        )
        waiting.append(
            _line(
                _("Program changes to review"),
                ProgramRevision.objects.filter(status=RevisionStatus.SUBMITTED).count(),
                reverse("admin:portfolio_programrevision_changelist") + "?status__exact=submitted",
            )
        )
        soon = verification_cutoff(today + datetime.timedelta(days=30))
        deadlines.append(
            _line(
                _("Programs whose yearly confirmation falls due in 30 days"),
                Program.objects.published().filter(last_verified__lt=soon).count(),
                reverse("admin:portfolio_program_changelist") + "?status__exact=published",
            )
        )
    if meetings_rules.can_manage_registrations(user):
        waiting.append(
            _line(
                _("Registrations to approve"),
                Registration.objects.awaiting_approval().count(),
                reverse("admin:meetings_registration_changelist") + "?awaiting=yes",
            )
        )
    if meetings_rules.is_meetings_staff(user):
        waiting.append(
            _line(
                _("Meetings with uncovered funding"),
                len(upcoming_with_uncovered_funding(today)),
                reverse("admin:meetings_meeting_uncovered_funding"),
            )
        )
    if cooperation_rules.can_review_request(user):
        waiting.append(
            _line(
                _("Cooperation requests to review"),
                Request.objects.filter(status=RequestStatus.UNDER_REVIEW).count(),
                reverse("admin:cooperation_request_changelist") + "?status__exact=under_review",
            )
        )
        waiting.append(
            _line(
                _("Final reports to check"),
                Request.objects.filter(status=RequestStatus.REPORTED).count(),
                reverse("admin:cooperation_request_changelist") + "?status__exact=reported",
            )
        )
    if user.has_perm("newsletter.change_newsitem"):
        waiting.append(
            _line(
                _("News to publish"),
                NewsItem.objects.filter(status=NewsStatus.SUBMITTED).count(),
                reverse("admin:newsletter_newsitem_changelist") + "?status__exact=submitted",
            )
        )
    if library_rules.can_review_item(user):
        waiting.append(
            _line(
                _("Library items to review"),
                LibraryItem.objects.filter(status=ItemStatus.SUBMITTED).count(),
                reverse("admin:library_libraryitem_changelist") + "?status__exact=submitted",
            )
        )
    if forum_rules.can_moderate(user):
        waiting.append(
            _line(
                _("Forum posts reported"),
                Report.objects.filter(resolved_at__isnull=True).count(),
                reverse("admin:forum_report_changelist") + "?resolved_at__isnull=True",
            )
        )
    if user.has_perm("accounts.change_erasurerequest"):
        waiting.append(
            _line(
                _("Erasure requests to process"),
                ErasureRequest.objects.filter(processed_at__isnull=True).count(),
                reverse("admin:accounts_erasurerequest_changelist"),
            )
        )
        waiting.append(
            _line(
                _("Invitations not yet accepted"),
                Invitation.objects.pending().count(),
                reverse("admin:accounts_invitation_changelist"),
            )
        )
    if user.has_perm("core.view_emaildelivery"):
        waiting.append(
            _line(
                _("Emails that failed"),
                EmailDelivery.objects.filter(status=DeliveryStatus.FAILED).count(),
                reverse("admin:core_emaildelivery_changelist") + "?status__exact=failed",
            )
        )
    fund = None
    if user.has_perm("fund.view_contribution"):
        fund = year_end_projection(today=today)
        year_end = datetime.date(today.year, 12, 31)
        if (year_end - today).days <= 30:
            deadlines.append(
                _line(
                    _("Open pledges for this year"),
                    open_pledges(on=today).filter(year_to=today.year).count(),
                    reverse("admin:fund_pledge_changelist") + "?state=open",
                )
            )
    return {"waiting": waiting, "deadlines": deadlines, "fund_projection": fund}
