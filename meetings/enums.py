from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingKind(models.TextChoices):
    WORKING_GROUP = "working_group", _("Working-group meeting")
    WORKSHOP = "workshop", _("Workshop")
    SEMINAR = "seminar", _("Seminar")
    SYMPOSIUM = "symposium", _("Symposium")
    WEBINAR = "webinar", _("Webinar")
    PLANNING = "planning", _("Planning meeting")
    PREPARATORY = "preparatory", _("Preparatory meeting")
    CONFERENCE = "conference", _("Conference")


class MeetingStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    CONFIRMED = "confirmed", _("Confirmed")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class DatePrecision(models.TextChoices):
    """How precisely the planning documents state a meeting's dates."""

    DAY = "day", _("Exact days")
    MONTH = "month", _("Month only")
    SEMESTER = "semester", _("Semester only")
    YEAR = "year", _("Year only")
    UNDEFINED = "undefined", _("To be defined")


class MonthPart(models.TextChoices):
    """'beginning of April 2006': which part of the month, when the plan says."""

    WHOLE = "", _("Any time in the month")
    BEGINNING = "beginning", _("Beginning of the month")
    MIDDLE = "middle", _("Middle of the month")
    END = "end", _("End of the month")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    DELEGATES = "delegates", _("Registered delegates only")


class ParticipantListVisibility(models.TextChoices):
    HIDDEN = "hidden", _("Hidden")
    CONSENTING = "consenting", _("Participants who consented")
    ALL = "all", _("All participants")


class Approval(models.TextChoices):
    """Who accepts a confirmed registration."""

    AUTOMATIC = "automatic", _("Automatic, while places last")
    SECRETARIAT = "secretariat", _("The Secretariat approves")
    ENDORSEMENT = "endorsement", _("The delegation's focal point endorses, then the Secretariat")


class SessionKind(models.TextChoices):
    SESSION = "session", _("Session")
    PANEL = "panel", _("Panel")
    INFORMATION = "information", _("Information session")
    OPENING = "opening", _("Opening")
    CLOSING = "closing", _("Closing")
    BREAK = "break", _("Break")


class DocumentKind(models.TextChoices):
    AGENDA = "agenda", _("Agenda")
    NATIONAL_REPORT = "national_report", _("National report")
    PRESENTATION = "presentation", _("Presentation")
    REPORT = "report", _("Report")
    FINAL_REPORT = "final_report", _("Final report")
    INFORMATION = "information", _("Information document")


class FundingItem(models.TextChoices):
    LOGISTICS = "logistics", _("Logistics")
    INTERPRETATION = "interpretation", _("Simultaneous interpretation")
    TRANSLATION = "translation", _("Translation and reproduction of documents")
    TRAVEL_ALL = "travel_all", _("Travel of all participants")
    TRAVEL_OWN = "travel_own", _("Travel of own delegation")
    ACCOMMODATION = "accommodation", _("Accommodation")
    COORDINATION = "coordination", _("Coordination and webpage")


class FundingStatus(models.TextChoices):
    COMMITTED = "committed", _("Committed")
    STUDYING = "studying", _("Studying the possibility")
    UNDEFINED = "undefined", _("To be defined")


class DelegateRole(models.TextChoices):
    HEAD = "head", _("Head of delegation")
    DELEGATE = "delegate", _("Delegate")
    ADVISER = "adviser", _("Adviser")
    OBSERVER = "observer", _("Observer")
    SPEAKER = "speaker", _("Speaker")
    PRESS = "press", _("Press")


class RegistrationStatus(models.TextChoices):
    PENDING_CONFIRMATION = "pending_confirmation", _("Pending confirmation of the email address")
    SUBMITTED = "submitted", _("Submitted")
    ENDORSED = "endorsed", _("Endorsed by the delegation")
    APPROVED = "approved", _("Approved")
    WAITLISTED = "waitlisted", _("On the waiting list")
    OFFERED = "offered", _("Place offered from the waiting list")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    OFFER_EXPIRED = "offer_expired", _("Offer of a place expired")


class AttendanceSource(models.TextChoices):
    """How a participant's attendance came to be recorded."""

    CHECK_IN = "check_in", _("Checked in at the door")
    LIST = "list", _("Ticked on the list of participants")
    IMPORT = "import", _("Imported from the online platform's report")


class MaterialsAccess(models.TextChoices):
    """Who may see a meeting's recording and slides once it is over."""

    PUBLIC = "public", _("Everyone who may see the meeting")
    PARTICIPANTS = "participants", _("Approved participants")
    ATTENDEES = "attendees", _("Participants recorded as present")


class WaitReason(models.TextChoices):
    """Why a registration is on the waiting list."""

    MEETING_FULL = "meeting_full", _("The meeting is full.")
    INSTITUTION_FULL = "institution_full", _("Your institution's places are all taken.")


# The statuses that hold one of the meeting's places.
PLACE_HOLDING = (
    RegistrationStatus.SUBMITTED,
    RegistrationStatus.ENDORSED,
    RegistrationStatus.APPROVED,
    RegistrationStatus.OFFERED,
)
# A registration in one of these has ended; nothing moves it again.
FINAL = (
    RegistrationStatus.DECLINED,
    RegistrationStatus.WITHDRAWN,
    RegistrationStatus.OFFER_EXPIRED,
)
