from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Subregion(models.TextChoices):
    NORTH_AMERICA = "north_america", _("North America")
    CENTRAL_AMERICA = "central_america", _("Central America")
    CARIBBEAN = "caribbean", _("Caribbean")
    ANDEAN = "andean", _("Andean")
    SOUTHERN_CONE = "southern_cone", _("Southern Cone")


class InstitutionKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry of Labor")
    ADVISORY_BODY = "advisory_body", _("Advisory body")
    INTERNATIONAL_ORGANIZATION = "international_organization", _("International organization")
    OTHER = "other", _("Other")


class Notice(models.TextChoices):
    """Emails a person may turn off in their profile. Notices to staff about
    work waiting for them are duties, not preferences, and are not listed."""

    REVIEW_OUTCOMES = "review_outcomes", _("Outcome of the reviews of my ministry's submissions")
    VERIFICATION_REMINDERS = (
        "verification_reminders",
        _("Reminders to confirm my ministry's programs"),
    )
    PLEDGE_REMINDERS = "pledge_reminders", _("Reminders of my ministry's pledges to the fund")
    MEETING_REMINDERS = "meeting_reminders", _("Reminders of meetings and deadlines")


def interface_languages():
    """The languages of the interface and its emails (settings.LANGUAGES).

    Fields that choose one name this function as their choices, so that a
    language added to the settings needs no migration of each of them."""
    return settings.LANGUAGES
