"""A registration's way to a meeting, as one table (``core.workflow``):

    pending confirmation ─confirm→ a place, or waitlisted
    waitlisted ─offer→ offered ─accept_offer→ a place
               ─promote→ a place            ─expire→ offer expired
    submitted ─endorse→ endorsed ─approve→ approved
    submitted ─approve→ approved             (where no endorsement is asked)
    (any state but a final one) ─decline→ declined, ─withdraw→ withdrawn

"A place" is approved at once, endorsed or submitted, as the meeting's
approval says (``with_place``). The waiting list moves by itself (offer,
promote, expire: the portal's own moves, with no actor). Every move giving
or freeing a place is made by a service holding the meeting's row lock
(``services._locked_meeting``), taken before the registration's, so that
concurrent requests never give more places than the meeting has.

Every move is logged with its actor and note in the activity log, and its
emails (``notify``) are recorded with it and go out after commit. The
services in ``services.py`` are the only callers of ``transition()``."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from accounts.models import new_nonce
from core.mail import email_enqueue, email_people
from core.workflow import Transition, Workflow
from network.selectors import focal_points_of

from . import rules
from .check_in import check_in_code, qr_png_data_uri
from .enums import FINAL, PLACE_HOLDING, Approval, RegistrationStatus
from .links import manage_path
from .models import Registration

Status = RegistrationStatus

OPEN = tuple(status for status in Status if status not in FINAL)


def with_place(registration, *, endorsed=False, **details):
    """Where a registration given a place goes: approved at once, waiting
    for the Secretariat, or for the delegation's endorsement first (unless
    the delegation's focal point registered it)."""
    meeting = registration.meeting
    if meeting.approval == Approval.AUTOMATIC:
        return Status.APPROVED
    if endorsed and meeting.approval == Approval.ENDORSEMENT:
        return Status.ENDORSED
    return Status.SUBMITTED


def has_room(meeting, institution_id):
    """Whether a place is free for someone of ``institution_id``, counting the
    places held now (call with the meeting's row locked)."""
    holding = Registration.objects.filter(meeting=meeting, status__in=PLACE_HOLDING)
    if meeting.capacity is not None and holding.count() >= meeting.capacity:
        return False
    if meeting.quota_per_institution is not None and institution_id is not None:
        taken = holding.filter(institution_id=institution_id).count()
        if taken >= meeting.quota_per_institution:
            return False
    return True


def _place_or_wait(registration, *, meeting, **details):
    if has_room(meeting, registration.institution_id):
        return with_place(registration, **details)
    return Status.WAITLISTED


def _confirmed(registration, *, user, comment, when, meeting, now, **details):
    registration.confirmed_at = now
    changed = ["confirmed_at"]
    if registration.status == Status.WAITLISTED:
        registration.waitlisted_at = now
        changed.append("waitlisted_at")
    return changed


def _offered(registration, *, user, comment, when, expires):
    registration.offer_expires_at = expires
    return ("offer_expires_at",)


def _offer_taken(registration, *, user, comment, when, now):
    if registration.offer_expires_at and registration.offer_expires_at <= now:
        raise ValidationError(
            gettext_now("The offer has expired and the place went to the next person.")
        )
    registration.offer_expires_at = None
    return ("offer_expires_at",)


def _ended(registration, *, user, comment, when):
    registration.offer_expires_at = None
    return ("offer_expires_at",)


def _withdrawn(registration, *, user, comment, when):
    # A new nonce: the links sent before stop working, so a forwarded email
    # no longer shows the registration (the withdrawal's email has the new one).
    registration.link_nonce = new_nonce()
    return (*_ended(registration, user=user, comment=comment, when=when), "link_nonce")


def tell_registrant(registration, event, *, note=""):
    """Email the registrant about ``event`` (a template name), once per event;
    a historical participant imported without an address is told nothing. An
    approved participant's email carries their check-in code, and the QR code
    of it in its HTML version."""
    if not registration.email:
        return
    context = {
        "registration": registration,
        "meeting": registration.meeting,
        "manage_path": manage_path(registration),
        "position": registration.waitlist_position(),
        "wait_reason": registration.waiting_reason(),
        "note": note,
    }
    approved = registration.status == Status.APPROVED
    if approved:
        context["check_in_code"] = check_in_code(registration)
        context["check_in_qr"] = qr_png_data_uri(registration)
    email_enqueue(
        key=f"meetings:registration:{registration.pk}:{event}",
        to=registration.email,
        template=f"meetings/email/registration_{event}",
        context=context,
        language=registration.language,
        html_template="meetings/email/check_in.html" if approved else "",
    )


def _telling(event):
    """A move's emails: the registrant's about ``event``, with the move's
    note; and, where the registration now waits for its delegation's
    endorsement, the focal points' request to endorse it."""

    def notify(registration, *, user, comment, when):
        tell_registrant(registration, event, note=comment)
        if (
            registration.status == Status.SUBMITTED
            and _asks_endorsement(registration)
            and registration.institution_id is not None
        ):
            email_people(
                people=focal_points_of(registration.institution),
                key=f"meetings:registration:{registration.pk}:endorse",
                template="meetings/email/registration_endorse",
                context={"registration": registration, "meeting": registration.meeting},
            )

    return notify


def _anyone(user, registration):
    # The registrant's signed link, or their delegation's focal point: the
    # views check who may reach the registration.
    return True


def _the_portal_itself(user, registration):
    return user is None


def _can_manage(user, registration):
    return rules.can_manage_registrations(user)


def _can_decline(user, registration):
    return rules.can_manage_registrations(user) or rules.can_endorse(user, registration)


def _asks_endorsement(registration):
    return registration.meeting.approval == Approval.ENDORSEMENT


def _waiting_list_move(name, sources, target, label, wrong_state, *, event, apply=None):
    """A move of the waiting list's own, which no person makes."""
    return Transition(
        name=name,
        sources=sources,
        target=target,
        label=label,
        allowed=_the_portal_itself,
        refused=_("The waiting list moves by itself."),
        wrong_state=wrong_state,
        apply=apply,
        notify=_telling(event),
    )


def _ending(name, target, label, allowed, refused, *, event, apply=_ended):
    """A move that ends a registration (any but an ended one), freeing its
    place and any offer it had."""
    return Transition(
        name=name,
        sources=OPEN,
        target=target,
        label=label,
        allowed=allowed,
        refused=refused,
        wrong_state=_("This registration is “%(status)s” already."),
        apply=apply,
        notify=_telling(event),
    )


NOT_WAITING = _("Only a registration on the waiting list is offered a place.")
NO_OFFER = _("There is no offer of a place to accept.")

REGISTRATION_WORKFLOW = Workflow(
    Registration,
    transitions=[
        Transition(
            name="confirm",
            sources=(Status.PENDING_CONFIRMATION,),
            target=_place_or_wait,
            label=_("Confirm the address"),
            allowed=_anyone,
            refused=_("You cannot confirm this registration."),
            wrong_state=_("This registration is confirmed already."),
            apply=_confirmed,
            notify=_telling("received"),
        ),
        Transition(
            name="endorse",
            sources=(Status.SUBMITTED,),
            target=Status.ENDORSED,
            label=_("Endorse"),
            allowed=rules.can_endorse,
            refused=_("Only the delegation's focal point endorses."),
            wrong_state=_("Only a submitted registration can be endorsed."),
            applies=_asks_endorsement,
            not_applicable=_("This meeting does not ask for endorsements."),
        ),
        Transition(
            name="approve",
            sources=(Status.SUBMITTED, Status.ENDORSED),
            target=Status.APPROVED,
            label=_("Approve"),
            allowed=_can_manage,
            refused=_("Only the Secretariat approves."),
            # Where the meeting asks for an endorsement first, the service
            # refuses a submitted registration before it gets here.
            wrong_state=_("A registration that is “%(status)s” cannot be approved."),
            notify=_telling("approved"),
        ),
        _waiting_list_move(
            "offer",
            (Status.WAITLISTED,),
            Status.OFFERED,
            _("Offer a place from the waiting list"),
            NOT_WAITING,
            event="offered",
            apply=_offered,
        ),
        _waiting_list_move(
            "promote",
            (Status.WAITLISTED,),
            with_place,
            _("Give a place from the waiting list"),
            NOT_WAITING,
            event="promoted",
        ),
        Transition(
            name="accept_offer",
            sources=(Status.OFFERED,),
            target=with_place,
            label=_("Accept the place"),
            allowed=_anyone,
            refused=_("You cannot accept this place."),
            wrong_state=NO_OFFER,
            apply=_offer_taken,
            notify=_telling("promoted"),
        ),
        _waiting_list_move(
            "expire",
            (Status.OFFERED,),
            Status.OFFER_EXPIRED,
            _("Let the offer lapse"),
            NO_OFFER,
            event="offer_expired",
            apply=_ended,
        ),
        _ending(
            "decline",
            Status.DECLINED,
            _("Decline"),
            _can_decline,
            _("You cannot decline this registration."),
            event="declined",
        ),
        _ending(
            "withdraw",
            Status.WITHDRAWN,
            _("Cancel the registration"),
            _anyone,
            _("You cannot cancel this registration."),
            event="withdrawn",
            apply=_withdrawn,
        ),
    ],
)
