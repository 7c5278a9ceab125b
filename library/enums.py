from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemKind(models.TextChoices):
    STUDY = "study", _("Study")
    PUBLICATION = "publication", _("Publication")
    GUIDE = "guide", _("Guide")
    REPORT = "report", _("Report")
    TOOLKIT = "toolkit", _("Toolkit")


class ItemStatus(models.TextChoices):
    """Where a library item stands in review; only PUBLISHED is public."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    RETURNED = "returned", _("Returned for changes")
    PUBLISHED = "published", _("Published")


class DatePrecision(models.TextChoices):
    """How much of the publication date is known; the date's other parts
    are then the first of the month or of the year."""

    YEAR = "year", _("Year only")
    MONTH = "month", _("Month and year")
    DAY = "day", _("Exact day")


class AuthorRole(models.TextChoices):
    AUTHOR = "author", _("Author")
    COMMISSIONED_BY = "commissioned_by", _("Commissioned by")
    REVIEWED_BY = "reviewed_by", _("Reviewed by")


class Licence(models.TextChoices):
    ALL_RIGHTS_RESERVED = "all_rights_reserved", _("All rights reserved")
    CC_BY = "cc_by_4", "CC BY 4.0"
    CC_BY_SA = "cc_by_sa_4", "CC BY-SA 4.0"
    CC_BY_NC = "cc_by_nc_4", "CC BY-NC 4.0"
    CC_BY_NC_SA_IGO = "cc_by_nc_sa_3_igo", "CC BY-NC-SA 3.0 IGO"
    PUBLIC_DOMAIN = "public_domain", _("Public domain")


class ExtractionStatus(models.TextChoices):
    """What reading a file's text gave."""

    PENDING = "pending", _("Waiting to be read")
    DONE = "done", _("Text extracted")
    NO_TEXT = "no_text", _("No text found (scanned?)")
    FAILED = "failed", _("Could not be read")
