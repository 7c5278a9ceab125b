from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgramStatus(models.TextChoices):
    """Where a program stands in review; only PUBLISHED is public."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    RETURNED = "returned", _("Returned for changes")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class RevisionStatus(models.TextChoices):
    """A proposed change to a published program."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    RETURNED = "returned", _("Returned for changes")
    APPROVED = "approved", _("Approved")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# A revision in one of these is still being worked on: at most one per program.
OPEN_REVISION_STATUSES = [RevisionStatus.DRAFT, RevisionStatus.SUBMITTED, RevisionStatus.RETURNED]


class ImplementationStatus(models.TextChoices):
    ONGOING = "ongoing", _("Ongoing")
    FINISHED = "finished", _("Finished")


class OfferKind(models.TextChoices):
    """What a ministry can offer its peers on a program."""

    TECHNICAL_VISIT = "technical_visit", _("Technical visit")
    WORKSHOP = "workshop", _("Workshop")
    DOCUMENTATION = "documentation", _("Documentation")
    VIRTUAL_ADVICE = "virtual_advice", _("Virtual advice")
    INTERNSHIP = "internship", _("Internship")


class ProgramOrdering(models.TextChoices):
    RELEVANCE = "relevance", _("Relevance")
    NEWEST = "newest", _("Newest")
    TITLE = "title", _("Title")
