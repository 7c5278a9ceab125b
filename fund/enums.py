from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PledgeStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("pledge", "Open")
    FULFILLED = "fulfilled", _("Fulfilled")
    WITHDRAWN = "withdrawn", pgettext_lazy("pledge", "Withdrawn")


class PledgeState(models.TextChoices):
    """How a pledge reads on a given day. Its stored status, except that an
    open pledge whose last year has ended has lapsed: nothing more is expected
    of it, though a late payment still fulfils it."""

    OPEN = "open", pgettext_lazy("pledge", "Open")
    LAPSED = "lapsed", _("Lapsed")
    FULFILLED = "fulfilled", _("Fulfilled")
    WITHDRAWN = "withdrawn", pgettext_lazy("pledge", "Withdrawn")


class ContributionKind(models.TextChoices):
    FINANCIAL = "financial", _("Financial")
    IN_KIND = "in_kind", _("In kind")


class BudgetLine(models.TextChoices):
    COOPERATION_ACTIVITIES = "cooperation", _("Cooperation activities")
    PLATFORM = "platform", _("Platform and website")
    PUBLICATIONS = "publications", _("Publications")
    STAFF = "staff", _("Staff and consultants")
    MEETINGS = "meetings", _("Meetings")
    OTHER = "other", _("Other")
