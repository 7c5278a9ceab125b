from django.db import models
from django.utils.translation import gettext_lazy as _


class SpaceKind(models.TextChoices):
    TOPIC = "topic", _("Topic")
    WORKING_GROUP = "working_group", _("Working group")
    MEETING = "meeting", _("Meeting")


class ReadAccess(models.TextChoices):
    """Who may read a space. Staff read every space."""

    PUBLIC = "public", _("Everyone")
    NETWORK = "network", _("Members of the network")
    GROUP = "group", _("The working group's or the meeting's members")


class WriteAccess(models.TextChoices):
    """Who may start threads and reply, among those who may read."""

    PARTICIPANTS = "participants", _("Focal points and the meeting's delegates")
    STAFF = "staff", _("The Secretariat only")


class ThreadStatus(models.TextChoices):
    OPEN = "open", _("Open")
    LOCKED = "locked", _("Locked")


class PostStatus(models.TextChoices):
    VISIBLE = "visible", _("Visible")
    HIDDEN = "hidden", _("Hidden by the Secretariat")


class Frequency(models.TextChoices):
    """How a follower hears of new posts."""

    EACH = "each", _("An email for each post")
    DAILY = "daily", _("A daily digest")
