"""Two ministries and a request between them, moved along its lifecycle by
the right people through the services: the starting point of the tests of
the focal points' pages."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from cooperation import services
from cooperation.enums import RequestStatus
from cooperation.models import Request
from network.models import User
from tests.cooperation.factories import RequestFactory
from tests.factories import FocalPointFactory, InstitutionFactory, SecretariatStaffFactory

Status = RequestStatus

# The main path, in order, and the side exits reached from a point on it.
MAIN_PATH = (
    Status.DRAFT,
    Status.SUBMITTED,
    Status.UNDER_REVIEW,
    Status.SELECTED,
    Status.APPROVED,
    Status.CARRIED_OUT,
    Status.REPORTED,
    Status.CLOSED,
)
SIDE_EXITS = {
    Status.PROVIDER_DECLINED: Status.SUBMITTED,
    Status.WITHDRAWN: Status.SUBMITTED,
    Status.WAITLISTED: Status.UNDER_REVIEW,
    Status.REJECTED: Status.UNDER_REVIEW,
}
# ACCEPTED is passed through at once (the review starts when the provider accepts).
REACHABLE = (*MAIN_PATH, *SIDE_EXITS)


@dataclass
class Parties:
    request: Request
    requester: User
    provider: User
    staff: User

    def refresh(self):
        self.request.refresh_from_db()
        return self.request


def parties(*, requester=None, **request_fields):
    """A draft between two ministries of different member states (a new
    requester unless given), a focal point of each and a Secretariat member."""
    requester = requester or InstitutionFactory()
    provider = InstitutionFactory()
    return Parties(
        request=RequestFactory(requester=requester, provider=provider, **request_fields),
        requester=FocalPointFactory(institution=requester),
        provider=FocalPointFactory(institution=provider),
        staff=SecretariatStaffFactory(),
    )


def _next(p, status):
    request = p.refresh()
    if status == Status.SUBMITTED:
        services.request_submit(request=request, user=p.requester)
    elif status == Status.UNDER_REVIEW:
        services.request_accept(request=request, user=p.provider)
    elif status == Status.SELECTED:
        _review(p)
        services.request_decide(request=request, user=p.staff, decision=status, reason="Strong.")
    elif status == Status.APPROVED:
        services.request_approve(
            request=request, user=p.staff, amount=Decimal("4000"), decided_at="Committee"
        )
    elif status == Status.CARRIED_OUT:
        services.request_carried_out(
            request=request,
            user=p.requester,
            last_day=timezone.localdate() - datetime.timedelta(days=1),
        )
    elif status == Status.REPORTED:
        services.final_report_submit(
            request=request,
            user=p.requester,
            what_was_done="A week of visits.",
            lessons="Start earlier.",
            achieved={result.pk: "Protocol adopted" for result in request.results.all()},
        )
    elif status == Status.CLOSED:
        services.request_close(request=request, user=p.staff)


def _review(p):
    services.review_save(
        request=p.refresh(),
        user=p.staff,
        comment="Relevant.",
        relevance=4,
        opportunity=4,
        clarity=4,
        commitment=4,
    )


def advance(p, status):
    """Move ``p.request`` to ``status`` the way the right people would; ``p``."""
    target = SIDE_EXITS.get(status, status)
    for step in MAIN_PATH[MAIN_PATH.index(p.request.status) + 1 : MAIN_PATH.index(target) + 1]:
        _next(p, step)
    request = p.refresh()
    if status == Status.PROVIDER_DECLINED:
        services.request_decline(request=request, user=p.provider, comment="No capacity.")
    elif status == Status.WITHDRAWN:
        services.request_withdraw(request=request, user=p.requester)
    elif status in (Status.WAITLISTED, Status.REJECTED):
        _review(p)
        services.request_decide(request=request, user=p.staff, decision=status, reason="Later.")
    p.refresh()
    return p
