from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ActivityType(models.TextChoices):
    VISIT_TO_PROVIDER = "visit_to_provider", _("Technical visit to the provider")
    EXPERTS_VISIT = "experts_visit", _("Visit by the provider's experts")
    WORKSHOP = "workshop", _("Workshop")
    VIRTUAL_ADVICE = "virtual_advice", _("Virtual advice")
    INTERNSHIP = "internship", _("Internship")


class Priority(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class NeedStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("cooperation need", "Open")
    MET = "met", _("Met")
    WITHDRAWN = "withdrawn", pgettext_lazy("cooperation need", "Withdrawn")


class BudgetItem(models.TextChoices):
    TRAVEL = "travel", _("Travel (economy)")
    PER_DIEM = "per_diem", _("Per diem")
    MATERIALS = "materials", _("Materials")
    OTHER = "other", _("Other")


class Criterion(models.TextChoices):
    """What reviewers score, as the calls for proposals state it."""

    RELEVANCE = "relevance", _("Relevance")
    OPPORTUNITY = "opportunity", _("Opportunity")
    CLARITY = "clarity", _("Clarity of objectives")
    COMMITMENT = "commitment", _("Commitment of all parties")


class RequestStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted to the provider")
    PROVIDER_DECLINED = "provider_declined", _("Declined by the provider")
    ACCEPTED = "accepted", _("Accepted by the provider")
    UNDER_REVIEW = "under_review", _("Under review by the Secretariat")
    SELECTED = "selected", _("Selected")
    WAITLISTED = "waitlisted", _("On the waiting list")
    REJECTED = "rejected", _("Not selected")
    APPROVED = "approved", _("Approved")
    CARRIED_OUT = "carried_out", _("Carried out")
    REPORTED = "reported", _("Final report submitted")
    CLOSED = "closed", pgettext_lazy("cooperation request", "Closed")
    WITHDRAWN = "withdrawn", pgettext_lazy("cooperation request", "Withdrawn")


# Once approved, a request's summary is public; once closed, its results too.
PUBLIC_STATUSES = (
    RequestStatus.APPROVED,
    RequestStatus.CARRIED_OUT,
    RequestStatus.REPORTED,
    RequestStatus.CLOSED,
)


class ChangeKind(models.TextChoices):
    """What changed in the beneficiary ministry, reported at the follow-ups."""

    NEW_PROGRAM = "new_program", _("New program")
    PROCESS_REDESIGN = "process_redesign", _("Process redesign")
    LEGAL_CHANGE = "legal_change", _("Legal or regulatory change")
    STAFF_TRAINING = "staff_training", _("Training of staff")
    OTHER = "other", _("Other")


FOLLOW_UP_MONTHS = (6, 12)
