"""Meetings of the IACML process: the meeting itself, its agenda, documents,
funding commitments, registrations of delegates and national reports.

Rules about one object live here; workflows that move registrations (places,
waiting list, emails) live in services.py."""

import datetime
import decimal
import secrets
import zoneinfo
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

from accounts.models import new_nonce
from core import search
from core.files import ServedFileField, unguessable_name
from core.schema_org import OAS, media_object
from core.uploads import DocumentValidator
from network.enums import interface_languages
from network.models import unique_slug
from network.rules import is_focal_point

from .enums import (
    PLACE_HOLDING,
    Approval,
    AttendanceSource,
    DatePrecision,
    DelegateRole,
    DocumentKind,
    FundingItem,
    FundingStatus,
    MaterialsAccess,
    MeetingKind,
    MeetingStatus,
    MonthPart,
    ParticipantListVisibility,
    RegistrationStatus,
    SessionKind,
    Visibility,
    WaitReason,
)
from .rules import is_meetings_staff

# The fixed paths of meetings/urls.py that a meeting's slug would shadow.
RESERVED_SLUGS = {
    "timeline",
    "documents",
    "delegation",
    "registration",
    "calendar-ics",
    "certificates",
}

MONTH_PART_FIRST_DAY = {
    MonthPart.WHOLE: 1,
    MonthPart.BEGINNING: 1,
    MonthPart.MIDDLE: 11,
    MonthPart.END: 21,
}


# Crockford's base32: no I, L, O or U, so that a code read aloud or copied
# by hand from paper survives (``normalize_certificate_code``).
CERTIFICATE_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# 12 characters of 32: 2**60 codes, so that guessing one is hopeless.
CERTIFICATE_CODE_LENGTH = 12
_CODE_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_certificate_code():
    return "".join(
        secrets.choice(CERTIFICATE_CODE_ALPHABET) for _ in range(CERTIFICATE_CODE_LENGTH)
    )


def normalize_certificate_code(text):
    """The code typed in (any case, with spaces or dashes, O for 0, I or L
    for 1) as stored; "" when it cannot be a code at all."""
    code = "".join(str(text).split()).replace("-", "").upper().translate(_CODE_LOOKALIKES)
    if len(code) != CERTIFICATE_CODE_LENGTH or set(code) - set(CERTIFICATE_CODE_ALPHABET):
        return ""
    return code


def format_certificate_code(code):
    """ABCD-EFGH-JKMN: easier to read and type."""
    return "-".join(code[start : start + 4] for start in range(0, len(code), 4))


def meeting_slides_path(meeting, filename):
    return unguessable_name("meetings/slides", filename)


def validate_time_zone(value):
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as America/Bogota."),
            params={"value": value},
        ) from error


def _undated():
    """Meetings whose exact days are not known."""
    return ~Q(date_precision=DatePrecision.DAY) | Q(start_date__isnull=True)


def _period_not_over(today):
    """Undated meetings whose month, semester or year has not ended by
    ``today`` (start_date is the first day of that period); "to be defined" too."""
    semester_start = datetime.date(today.year, 1 if today.month <= 6 else 7, 1)
    return (
        Q(start_date__isnull=True)
        | Q(date_precision=DatePrecision.MONTH, start_date__gte=today.replace(day=1))
        | Q(date_precision=DatePrecision.SEMESTER, start_date__gte=semester_start)
        | Q(date_precision=DatePrecision.YEAR, start_date__gte=datetime.date(today.year, 1, 1))
    )


class MeetingQuerySet(models.QuerySet):
    def in_calendar_order(self):
        """Dated meetings by their first possible day; a month before its
        days, "to be defined" last."""
        return self.order_by(
            models.F("start_date").asc(nulls_last=True), "date_precision_rank", "pk"
        )

    def visible_to(self, user):
        """Public meetings for everyone; restricted ones for their delegates,
        the focal points and staff (as rules.can_view_meeting)."""
        if is_meetings_staff(user) or is_focal_point(user):
            return self
        public = Q(visibility=Visibility.PUBLIC)
        if user.is_authenticated:
            delegate_of = Registration.objects.for_person(user).filter(
                status=RegistrationStatus.APPROVED
            )
            return self.filter(public | Q(pk__in=delegate_of.values("meeting_id")))
        return self.filter(public)

    def upcoming(self, today=None):
        today = today or timezone.localdate()
        return self.exclude(status=MeetingStatus.CANCELLED).filter(
            Q(end_date__gte=today)
            | Q(end_date__isnull=True, start_date__gte=today)
            | Q(start_date__isnull=True)
        )

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(
            Q(end_date__lt=today) | Q(end_date__isnull=True, start_date__lt=today)
        ).exclude(_undated() & _period_not_over(today))

    def dated(self):
        """Meetings whose days are set: what a calendar lists as upcoming."""
        return self.exclude(_undated())

    def planned(self, today=None):
        """Meetings whose days are not set yet (only a month, a semester or a
        year, or "to be defined", as in the 2005 plan), not cancelled, and
        whose month, semester or year is not over."""
        today = today or timezone.localdate()
        return (
            self.exclude(status=MeetingStatus.CANCELLED)
            .filter(_undated())
            .filter(_period_not_over(today))
        )

    def open_for_registration(self, now=None):
        now = now or timezone.now()
        return self.filter(registration_opens_at__lte=now, registration_closes_at__gt=now).exclude(
            status=MeetingStatus.CANCELLED
        )


class Meeting(models.Model):
    """A meeting of the IACML process, from a webinar to the Conference itself."""

    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PROPOSED
    )
    description = models.TextField(_("description"), blank=True)
    conference = models.ForeignKey(
        "network.Conference",
        verbose_name=_("conference cycle"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
    )
    working_groups = models.ManyToManyField(
        "network.WorkingGroup",
        verbose_name=_("working groups"),
        blank=True,
        related_name="meetings",
    )
    topics = models.ManyToManyField(
        "network.Topic", verbose_name=_("topics"), blank=True, related_name="meetings"
    )
    coordinating_institutions = models.ManyToManyField(
        "network.Institution",
        verbose_name=_("coordinating institutions"),
        blank=True,
        related_name="meetings_coordinated",
    )

    # Where.
    is_online = models.BooleanField(_("online"), default=False)
    host_state = models.ForeignKey(
        "network.MemberState",
        verbose_name=_("host member state"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings_hosted",
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Shown to approved participants only.")
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=60,
        default=settings.TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("The host city's, such as America/Bogota; times are shown in it."),
    )

    # When, as precisely as the plans say.
    date_precision = models.CharField(
        _("dates known"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    # Sorts a month before the days in it, and "to be defined" last.
    date_precision_rank = models.PositiveSmallIntegerField(editable=False, default=0)
    start_date = models.DateField(
        _("start date"),
        null=True,
        blank=True,
        help_text=_("For a month, semester or year: any day in it."),
    )
    end_date = models.DateField(_("end date"), null=True, blank=True)
    month_part = models.CharField(
        _("part of the month"), max_length=10, choices=MonthPart.choices, blank=True
    )
    start_time = models.TimeField(
        _("daily start time"), null=True, blank=True, help_text=_("In the meeting's time zone.")
    )
    end_time = models.TimeField(_("daily end time"), null=True, blank=True)
    date_note = models.CharField(
        _("note on the dates"),
        max_length=250,
        blank=True,
        help_text=_("For example: “Date to be defined in the WGs meeting in April 2006”."),
    )

    languages = models.JSONField(
        _("working languages"), default=list, blank=True, help_text=_("Language codes.")
    )
    interpretation = models.JSONField(
        _("simultaneous interpretation"),
        default=list,
        blank=True,
        help_text=_("Language codes with interpretation."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    # Funding: what the meeting needs covered.
    funding_needs = models.JSONField(
        _("items to be covered"),
        default=list,
        blank=True,
        help_text=_("The funding items this meeting needs someone to cover."),
    )

    # Registration.
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    quota_per_institution = models.PositiveIntegerField(
        _("places per institution"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Empty: no limit."),
    )
    approval = models.CharField(
        _("approval"), max_length=12, choices=Approval.choices, default=Approval.SECRETARIAT
    )
    offer_hours = models.PositiveIntegerField(
        _("hours to accept an offered place"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Empty: a freed place goes straight to the next person on the waiting list. "
            "Otherwise they have this long to accept it before it passes on."
        ),
    )
    participant_list = models.CharField(
        _("list of participants"),
        max_length=10,
        choices=ParticipantListVisibility.choices,
        default=ParticipantListVisibility.CONSENTING,
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("reminder days before"),
        default=3,
        help_text=_("Days before the registration deadline and before the meeting to remind."),
    )
    retention_days = models.PositiveIntegerField(
        _("keep personal data for (days after the meeting)"), default=365
    )
    personal_data_purged_at = models.DateTimeField(
        _("personal data purged"), null=True, blank=True, editable=False
    )
    participation_summary = models.JSONField(
        _("participation counts"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("Anonymous counts kept after the registrations were purged."),
    )

    # After the meeting.
    recording_url = models.URLField(
        _("recording"), blank=True, help_text=_("The address of the recording, once published.")
    )
    slides = ServedFileField(
        _("slides"),
        upload_to=meeting_slides_path,
        validators=[DocumentValidator()],
        blank=True,
        help_text=_("The presentations, as one PDF, DOCX, XLSX or ODT file."),
    )
    materials_access = models.CharField(
        _("recording and slides shown to"),
        max_length=12,
        choices=MaterialsAccess.choices,
        default=MaterialsAccess.PARTICIPANTS,
        help_text=_("Shown on the meeting's page once it is over."),
    )
    certified_hours = models.DecimalField(
        _("certified hours"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(decimal.Decimal("0.5"))],
        help_text=_(
            "The hours stated on certificates of attendance. Empty: the hours of the agenda's "
            "sessions, or of the meeting's days."
        ),
    )

    # National reports.
    national_reports_due = models.DateField(
        _("national reports due"),
        null=True,
        blank=True,
        help_text=_("Set it to ask each member state for a preliminary national report."),
    )

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # PostgreSQL's search (core/search.py): titles above descriptions, each
    # stemmed in its language.
    search_vector = models.GeneratedField(
        expression=search.vector_column(
            *search.translated_vectors("title", weight="A"),
            *search.translated_vectors("description", weight="B"),
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    search_title = models.GeneratedField(
        expression=search.title_column(*search.translated_titles()),
        output_field=models.TextField(),
        db_persist=True,
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = [models.F("start_date").asc(nulls_last=True), "date_precision_rank", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(start_date__lte=models.F("end_date")),
                name="meetings_meeting_dates_in_order",
                violation_error_message=_("The meeting cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_opens_at__lt=models.F("registration_closes_at")),
                name="meetings_meeting_registration_dates_in_order",
                violation_error_message=_("Registration must open before it closes."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title, fallback="meeting", reserved=RESERVED_SLUGS)
        self._normalize_dates()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:meeting_detail", kwargs={"slug": self.slug})

    def structured_data(self, *, url):
        """The meeting as a schema.org Event for search engines and open-data
        harvesters (its page's JSON-LD); None for a restricted meeting, which
        nobody outside its delegates should be pointed to."""
        if self.visibility != Visibility.PUBLIC:
            return None
        event = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "url": url,
            "eventStatus": "https://schema.org/"
            + ("EventCancelled" if self.status == MeetingStatus.CANCELLED else "EventScheduled"),
        }
        if self.description:
            event["description"] = self.description
        # schema.org takes ISO 8601 dates as precise as they are known.
        if self.start_date and self.date_precision != DatePrecision.UNDEFINED:
            if self.date_precision == DatePrecision.DAY:
                event["startDate"] = self.start_date.isoformat()
                event["endDate"] = self.last_day.isoformat()
            elif self.date_precision == DatePrecision.MONTH:
                event["startDate"] = self.start_date.strftime("%Y-%m")
            else:
                event["startDate"] = str(self.start_date.year)
        places = []
        if self.city or self.host_state_id:
            address = {"@type": "PostalAddress", "addressLocality": self.city}
            if self.host_state_id:
                address["addressCountry"] = self.host_state.iso_code
            places.append({"@type": "Place", "name": self.venue or self.city, "address": address})
        if self.is_online:
            # The page, never the connection link, which only delegates get.
            places.append({"@type": "VirtualLocation", "url": url})
        if places:
            event["location"] = places[0] if len(places) == 1 else places
            mode = "Mixed" if len(places) > 1 else "Online" if self.is_online else "Offline"
            event["eventAttendanceMode"] = f"https://schema.org/{mode}EventAttendanceMode"
        return event

    def _normalize_dates(self):
        """Keep the first possible day in start_date, so that meetings sort by it."""
        precision = self.date_precision
        ranks = list(DatePrecision.values)
        # Within a day, the vaguer statement comes first: "April 2006" before "April 10".
        self.date_precision_rank = len(ranks) - ranks.index(precision)
        if precision == DatePrecision.UNDEFINED:
            self.start_date = self.end_date = None
            return
        if self.start_date is None:
            return
        year, month = self.start_date.year, self.start_date.month
        if precision == DatePrecision.MONTH:
            self.start_date = datetime.date(
                year, month, MONTH_PART_FIRST_DAY[MonthPart(self.month_part)]
            )
        elif precision == DatePrecision.SEMESTER:
            self.start_date = datetime.date(year, 1 if month <= 6 else 7, 1)
        elif precision == DatePrecision.YEAR:
            self.start_date = datetime.date(year, 1, 1)
        if precision != DatePrecision.DAY:
            self.end_date = None
            self.start_time = self.end_time = None
        if precision != DatePrecision.MONTH:
            self.month_part = ""

    def clean(self):
        super().clean()
        errors = {}
        if self.date_precision != DatePrecision.UNDEFINED and self.start_date is None:
            errors["start_date"] = _(
                "Give a day in the month, semester or year, or choose “To be defined”."
            )
        if self.is_online and self.host_state_id is None and self.city:
            errors["city"] = _("An online meeting has no city unless a state hosts it.")
        if not self.is_online and self.kind == MeetingKind.WEBINAR:
            errors["is_online"] = _("A webinar is online.")
        if (self.start_time is None) != (self.end_time is None):
            errors["end_time"] = _("Give both the start and the end time, or neither.")
        elif self.start_time and self.end_time and self.start_time >= self.end_time:
            errors["end_time"] = _("The meeting's day must end after it starts.")
        if self.registration_opens_at and not self.registration_closes_at:
            errors["registration_closes_at"] = _("Registration needs a closing date.")
        unknown = set(self.funding_needs) - set(FundingItem.values)
        if unknown:
            errors["funding_needs"] = _("Unknown funding items: %(items)s") % {
                "items": ", ".join(sorted(unknown))
            }
        if errors:
            raise ValidationError(errors)

    # Dates ----------------------------------------------------------------

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_dated(self):
        """Exact days are known (what a calendar program can show)."""
        return self.date_precision == DatePrecision.DAY and self.start_date is not None

    @property
    def last_day(self):
        return self.end_date or self.start_date

    def starts_at(self):
        """The first day's start as an aware datetime in the meeting's time zone."""
        if not self.is_dated:
            return None
        return datetime.datetime.combine(
            self.start_date, self.start_time or datetime.time(0), tzinfo=self.tz
        )

    def ends_at(self):
        if not self.is_dated:
            return None
        if self.end_time:
            return datetime.datetime.combine(self.last_day, self.end_time, tzinfo=self.tz)
        return datetime.datetime.combine(
            self.last_day + datetime.timedelta(days=1), datetime.time(0), tzinfo=self.tz
        )

    def dates_display(self):
        """The dates as honestly as they are known: "May 13-14, 2004",
        "beginning of April 2006", "second semester of 2006", "to be defined"."""
        start, precision = self.start_date, self.date_precision
        if precision == DatePrecision.UNDEFINED or start is None:
            return str(_("To be defined"))
        if precision == DatePrecision.YEAR:
            return str(start.year)
        if precision == DatePrecision.SEMESTER:
            if start.month <= 6:
                return pgettext("semester", "first semester of %(year)s") % {"year": start.year}
            return pgettext("semester", "second semester of %(year)s") % {"year": start.year}
        if precision == DatePrecision.MONTH:
            # "April 2006" in English, "abril de 2006" in Spanish.
            month = formats.date_format(start, "YEAR_MONTH_FORMAT")
            if self.month_part == MonthPart.BEGINNING:
                return pgettext("month part", "beginning of %(month)s") % {"month": month}
            if self.month_part == MonthPart.MIDDLE:
                return pgettext("month part", "middle of %(month)s") % {"month": month}
            if self.month_part == MonthPart.END:
                return pgettext("month part", "end of %(month)s") % {"month": month}
            return month
        end = self.end_date
        if not end or end == start:
            return formats.date_format(start, "DATE_FORMAT")
        # The order of day, month and year is the language's: "May 13-14, 2004"
        # in English, "13-14 de mayo de 2004" in Spanish.
        if (start.year, start.month) == (end.year, end.month):
            return pgettext(
                "days of one month", "%(month)s %(first_day)s–%(last_day)s, %(year)s"
            ) % {
                "month": formats.date_format(start, "F"),
                "first_day": start.day,
                "last_day": end.day,
                "year": end.year,
            }
        if start.year == end.year:
            return pgettext("days of one year", "%(first)s – %(last)s, %(year)s") % {
                "first": formats.date_format(start, "MONTH_DAY_FORMAT"),
                "last": formats.date_format(end, "MONTH_DAY_FORMAT"),
                "year": end.year,
            }
        return pgettext("days across years", "%(first)s – %(last)s") % {
            "first": formats.date_format(start, "DATE_FORMAT"),
            "last": formats.date_format(end, "DATE_FORMAT"),
        }

    def place_display(self):
        if self.is_online and not self.host_state_id:
            return str(_("Online"))
        parts = [self.city, str(self.host_state) if self.host_state_id else ""]
        place = ", ".join(part for part in parts if part)
        if self.is_online:
            return str(_("%(place)s and online") % {"place": place})
        return place or str(_("To be defined"))

    # Registration ---------------------------------------------------------

    @property
    def takes_registrations(self):
        return self.registration_opens_at is not None

    def registration_is_open(self, now=None):
        now = now or timezone.now()
        return (
            self.status != MeetingStatus.CANCELLED
            and self.registration_opens_at is not None
            and self.registration_opens_at <= now < self.registration_closes_at
        )

    def registration_state(self, now=None):
        """ "not_offered", "not_yet", "open" or "closed", for pages and forms."""
        now = now or timezone.now()
        if not self.takes_registrations or self.status == MeetingStatus.CANCELLED:
            return "not_offered"
        if now < self.registration_opens_at:
            return "not_yet"
        if now < self.registration_closes_at:
            return "open"
        return "closed"

    def places_taken(self):
        return self.registrations.filter(status__in=PLACE_HOLDING).count()

    def places_left(self):
        if self.capacity is None:
            return None
        return max(self.capacity - self.places_taken(), 0)

    def institution_places_left(self, institution_id):
        """Places still free for one institution under the quota per
        institution; None when there is no quota or no institution."""
        if self.quota_per_institution is None or institution_id is None:
            return None
        taken = self.registrations.filter(
            status__in=PLACE_HOLDING, institution_id=institution_id
        ).count()
        return max(self.quota_per_institution - taken, 0)

    # Funding --------------------------------------------------------------

    def is_over(self, now=None):
        """Whether the meeting has ended (recordings, certificates come after)."""
        if self.status == MeetingStatus.HELD:
            return True
        if self.status == MeetingStatus.CANCELLED or not self.is_dated:
            return False
        return self.ends_at() <= (now or timezone.now())

    def get_slides_url(self):
        return reverse("meetings:meeting_slides", kwargs={"slug": self.slug})

    def hours(self):
        """The hours a certificate of attendance states: the certified hours
        set by staff; otherwise the agenda's sessions with both times (breaks
        excepted); otherwise the daily hours times the days; None if unknown."""
        if self.certified_hours is not None:
            return self.certified_hours
        minutes = 0
        for session in self.sessions.all():
            if session.kind != SessionKind.BREAK and session.start_time and session.end_time:
                start = datetime.datetime.combine(datetime.date.min, session.start_time)
                end = datetime.datetime.combine(datetime.date.min, session.end_time)
                minutes += (end - start).seconds // 60
        if not minutes and self.is_dated and self.start_time and self.end_time:
            start = datetime.datetime.combine(self.start_date, self.start_time)
            end = datetime.datetime.combine(self.start_date, self.end_time)
            days = (self.last_day - self.start_date).days + 1
            minutes = (end - start).seconds // 60 * days
        if not minutes:
            return None
        # To the half hour: what a certificate can honestly claim.
        return (decimal.Decimal(minutes) / 30).quantize(0, decimal.ROUND_HALF_UP) / 2

    def uncovered_items(self):
        """The needed funding items that no party has committed to cover."""
        committed = {
            line.item for line in self.funding_lines.all() if line.status == FundingStatus.COMMITTED
        }
        return [FundingItem(item) for item in self.funding_needs if item not in committed]

    # Cloning --------------------------------------------------------------

    @transaction.atomic
    def clone(self):
        """A copy for the next meeting of the series: details, the agenda's
        sessions (without what was said), funding lines and registration
        settings; not the dates, registrations, documents or reports."""
        copy = Meeting.objects.get(pk=self.pk)
        copy.pk = None
        copy.slug = ""
        copy._state.adding = True
        copy.title = str(_("%(title)s (copy)") % {"title": self.title})[:250]
        copy.status = MeetingStatus.PROPOSED
        copy.date_precision = DatePrecision.UNDEFINED
        copy.start_date = copy.end_date = None
        copy.registration_opens_at = copy.registration_closes_at = None
        copy.national_reports_due = None
        copy.personal_data_purged_at = None
        copy.participation_summary = {}
        copy.save()
        copy.working_groups.set(self.working_groups.all())
        copy.topics.set(self.topics.all())
        copy.coordinating_institutions.set(self.coordinating_institutions.all())
        for session in self.sessions.all():
            AgendaSession.objects.create(
                meeting=copy,
                day_number=session.day_number,
                start_time=session.start_time,
                end_time=session.end_time,
                kind=session.kind,
                title=session.title,
                position=session.position,
            )
        for line in self.funding_lines.all():
            FundingCommitment.objects.create(
                meeting=copy,
                party=line.party,
                party_name=line.party_name,
                item=line.item,
                status=line.status,
                note=line.note,
            )
        return copy


class AgendaSession(models.Model):
    """A session or panel of the agenda, and the summary of what was said."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="sessions"
    )
    day_number = models.PositiveSmallIntegerField(
        _("day"), default=1, validators=[MinValueValidator(1)], help_text=_("1 for the first day.")
    )
    start_time = models.TimeField(_("starts"), null=True, blank=True)
    end_time = models.TimeField(_("ends"), null=True, blank=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=SessionKind.choices, default=SessionKind.PANEL
    )
    title = models.CharField(_("title"), max_length=300)
    moderator = models.CharField(_("moderator"), max_length=250, blank=True)
    summary = models.TextField(
        _("summary of what was said"),
        blank=True,
        help_text=_("Plain text; a blank line starts a paragraph."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("agenda session")
        verbose_name_plural = _("agenda")
        ordering = ["day_number", models.F("start_time").asc(nulls_last=True), "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_time__isnull=True)
                | Q(end_time__isnull=True)
                | Q(start_time__lt=models.F("end_time")),
                name="meetings_session_times_in_order",
                violation_error_message=_("A session must end after it starts."),
            )
        ]

    def __str__(self):
        return self.title

    def date(self):
        """The calendar day, when the meeting's days are known."""
        if not self.meeting.is_dated:
            return None
        return self.meeting.start_date + datetime.timedelta(days=self.day_number - 1)

    def paragraphs(self):
        text = self.summary.replace("\r\n", "\n")
        return [part.strip() for part in text.split("\n\n") if part.strip()]


class Presenter(models.Model):
    session = models.ForeignKey(
        AgendaSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="presenters",
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=250, blank=True)
    institution = models.ForeignKey(
        "network.Institution",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    organization = models.CharField(
        _("organization"),
        max_length=250,
        blank=True,
        help_text=_("When the institution is not in the directory."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("presenter")
        verbose_name_plural = _("presenters")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.name

    @property
    def affiliation(self):
        return str(self.institution) if self.institution_id else self.organization


def document_file_path(document_file, filename):
    return unguessable_name("meetings/documents", filename)


class DocumentQuerySet(models.QuerySet):
    def search(self, query):
        query = query.strip()
        if not query:
            return self
        return self.filter(Q(symbol__icontains=query) | Q(title__icontains=query))


class Document(models.Model):
    """An official document of a meeting, with one file per language."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="documents"
    )
    symbol = models.CharField(
        _("symbol"),
        max_length=80,
        help_text=_("The official symbol, such as CIMT-18/GT1-GT2/doc.6/15."),
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    published_on = models.DateField(_("published"), default=datetime.date.today)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    # PostgreSQL's search: the symbol and the titles, unaccented and in lower
    # case, under a trigram index that serves LIKE '%…%' (core/search.py).
    search_title = models.GeneratedField(
        expression=search.title_column("symbol", *search.translated_titles()),
        output_field=models.TextField(),
        db_persist=True,
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-published_on", "symbol"]
        constraints = [
            models.UniqueConstraint(
                Lower("symbol"),
                name="meetings_document_unique_symbol",
                violation_error_message=_("A document with this symbol exists already."),
            )
        ]

    def __str__(self):
        return f"{self.symbol} {self.title}"

    def get_absolute_url(self):
        # Documents are listed on their meeting's page, each row with this anchor.
        return f"{self.meeting.get_absolute_url()}#document-{self.pk}"

    def structured_data(self, *, url):
        """The document as a schema.org DigitalDocument (a Report for the
        reports), with a MediaObject per language version; None for a
        document or a meeting restricted to delegates, which nobody else
        should be pointed to. Uses the prefetched files where there are."""
        if self.visibility != Visibility.PUBLIC or self.meeting.visibility != Visibility.PUBLIC:
            return None
        files = sorted(self.files.all(), key=lambda version: version.language)
        reports = (DocumentKind.REPORT, DocumentKind.FINAL_REPORT, DocumentKind.NATIONAL_REPORT)
        data = {
            "@context": "https://schema.org",
            "@type": "Report" if self.kind in reports else "DigitalDocument",
            "name": self.title,
            "identifier": self.symbol,
            "url": url,
            "datePublished": self.published_on.isoformat(),
            "publisher": OAS,
            "recordedAt": {
                "@type": "Event",
                "name": self.meeting.title,
                "url": urljoin(url, self.meeting.get_absolute_url()),
            },
        }
        if files:
            data["inLanguage"] = [version.language for version in files]
            data["encoding"] = [
                media_object(
                    page_url=url,
                    file_url=version.get_file_url(),
                    language=version.language,
                    file_name=version.file.name,
                )
                for version in files
            ]
        return data


class DocumentFile(models.Model):
    """One language version of a document."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="files"
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.CONTENT_LANGUAGES)
    file = ServedFileField(
        _("file"), upload_to=document_file_path, validators=[DocumentValidator()]
    )

    class Meta:
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"],
                name="meetings_documentfile_one_per_language",
                violation_error_message=_("This document has a file in this language already."),
            )
        ]

    def __str__(self):
        return f"{self.document.symbol} ({self.language})"

    def get_file_url(self):
        return reverse(
            "meetings:document_download", kwargs={"pk": self.document_id, "lang": self.language}
        )


class FundingCommitment(models.Model):
    """Who covers what for a meeting, as the planning documents record it."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="funding_lines"
    )
    party = models.ForeignKey(
        "network.Institution",
        verbose_name=_("party"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_funding",
    )
    party_name = models.CharField(
        _("party (other)"),
        max_length=200,
        blank=True,
        help_text=_(
            "When the party is not in the directory (for example “Government of Colombia”)."
        ),
    )
    item = models.CharField(
        pgettext_lazy("budget", "item"), max_length=20, choices=FundingItem.choices
    )
    status = models.CharField(
        _("status"), max_length=10, choices=FundingStatus.choices, default=FundingStatus.UNDEFINED
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("funding commitment")
        verbose_name_plural = _("funding commitments")
        ordering = ["item", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(party__isnull=False) | ~Q(party_name=""),
                name="meetings_funding_has_party",
                violation_error_message=_("Name the party."),
            )
        ]

    def __str__(self):
        return f"{self.party_display}: {self.get_item_display()} ({self.get_status_display()})"

    @property
    def party_display(self):
        return str(self.party) if self.party_id else self.party_name


class RegistrationQuerySet(models.QuerySet):
    def holding_places(self):
        return self.filter(status__in=PLACE_HOLDING)

    def waiting(self):
        """The waiting list, in order."""
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("waitlisted_at", "pk")

    def awaiting_approval(self):
        """Confirmed registrations holding a place that wait for the Secretariat:
        endorsed ones, and submitted ones where no endorsement is asked for
        (as Registration.awaits_approval says of one)."""
        return self.filter(
            Q(status=RegistrationStatus.ENDORSED)
            | (Q(status=RegistrationStatus.SUBMITTED) & ~Q(meeting__approval=Approval.ENDORSEMENT))
        )

    def for_person(self, user):
        """The registrations made with this person's address or account."""
        return self.filter(Q(user=user) | Q(email__iexact=user.email))

    def attended(self):
        """The participants recorded as present: checked in at the door,
        ticked on the list or found in the online platform's report."""
        return self.filter(attended_at__isnull=False)

    def certified(self):
        """Those who may have a certificate of attendance: recorded as
        present and still approved (a registration declined afterwards
        loses it)."""
        return self.attended().filter(status=RegistrationStatus.APPROVED)


class Registration(models.Model):
    """A person's registration for a meeting, as part of a delegation."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.PENDING_CONFIRMATION,
    )
    full_name = models.CharField(_("full name"), max_length=200)
    job_title = models.CharField(_("title or position"), max_length=200, blank=True)
    institution = models.ForeignKey(
        "network.Institution",
        verbose_name=_("institution (delegation)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_registrations",
    )
    organization = models.CharField(
        _("organization"),
        max_length=250,
        blank=True,
        help_text=_("When your institution is not in the list."),
    )
    member_state = models.ForeignKey(
        "network.MemberState",
        verbose_name=_("member state"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_registrations",
    )
    role = models.CharField(_("role"), max_length=10, choices=DelegateRole.choices)
    # Required by the registration forms; empty only for a historical
    # participant imported without one (meetings/imports.py).
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language for emails"), max_length=2, choices=interface_languages, default="es"
    )
    needs_visa_letter = models.BooleanField(_("I need a letter for my visa"), default=False)
    requests_travel_funding = models.BooleanField(_("I request travel funding"), default=False)
    accessibility_needs = models.CharField(_("accessibility needs"), max_length=500, blank=True)
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    listed_consent = models.BooleanField(
        _("I agree to appear in the public list of participants"), default=False
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("portal account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_registrations",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Signed into the registrant's links (links.manage_token): a new value
    # makes every link sent before it stop working.
    link_nonce = models.CharField(max_length=40, default=new_nonce, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("address confirmed"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(_("waitlisted"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer expires"), null=True, blank=True)
    attended_at = models.DateTimeField(_("attendance recorded"), null=True, blank=True)
    attendance_source = models.CharField(
        _("attendance recorded by"), max_length=10, choices=AttendanceSource.choices, blank=True
    )
    # The staff member who scanned, ticked or imported it (none for the demo's).
    attendance_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attendance recorded by (staff)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    imported_from = models.CharField(
        _("imported from"),
        max_length=250,
        blank=True,
        editable=False,
        help_text=_(
            "The spreadsheet a historical participant was brought in from (empty: registered "
            "on the portal)."
        ),
    )
    # Given with the first certificate (services.certificate_code_for) and
    # never changed: the code printed on it, which the public page verifies.
    certificate_code = models.CharField(
        _("certificate code"),
        max_length=CERTIFICATE_CODE_LENGTH,
        unique=True,
        null=True,
        blank=True,
        editable=False,
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["meeting", "full_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                "meeting",
                Lower("email"),
                condition=~Q(email=""),
                name="meetings_registration_one_per_email",
                violation_error_message=_("This address is registered for this meeting already."),
            )
        ]
        indexes = [models.Index(fields=["meeting", "status"])]

    def __str__(self):
        return f"{self.full_name} ({self.meeting})"

    @property
    def delegation(self):
        """The delegation's name: the institution, or the organization typed in."""
        return str(self.institution) if self.institution_id else self.organization

    @property
    def holds_place(self):
        return self.status in PLACE_HOLDING

    @property
    def awaits_approval(self):
        if self.status == RegistrationStatus.ENDORSED:
            return True
        return (
            self.status == RegistrationStatus.SUBMITTED
            and self.meeting.approval != Approval.ENDORSEMENT
        )

    @property
    def is_certified(self):
        """As RegistrationQuerySet.certified, for one registration."""
        return self.attended_at is not None and self.status == RegistrationStatus.APPROVED

    def certificate_code_display(self):
        return format_certificate_code(self.certificate_code or "")

    def waiting_reason(self):
        """Why this registration waits (a WaitReason), or None if it does not:
        a full meeting first, since a freed place would not help otherwise."""
        if self.status != RegistrationStatus.WAITLISTED:
            return None
        if self.meeting.places_left() == 0:
            return WaitReason.MEETING_FULL
        if self.meeting.institution_places_left(self.institution_id) == 0:
            return WaitReason.INSTITUTION_FULL
        # A place freed this instant: the next person in line takes it first.
        return WaitReason.MEETING_FULL

    def waitlist_position(self):
        """1 for the next person to get a place; None if not waiting."""
        if self.status != RegistrationStatus.WAITLISTED:
            return None
        ahead = (
            Registration.objects.waiting()
            .filter(meeting_id=self.meeting_id)
            .filter(
                Q(waitlisted_at__lt=self.waitlisted_at)
                | Q(waitlisted_at=self.waitlisted_at, pk__lt=self.pk)
            )
        )
        return ahead.count() + 1


def national_report_path(report, filename):
    return unguessable_name("meetings/national-reports", filename)


class NationalReport(models.Model):
    """A member state's preliminary national report for a meeting's agenda."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        related_name="national_reports",
    )
    member_state = models.ForeignKey(
        "network.MemberState",
        verbose_name=_("member state"),
        on_delete=models.PROTECT,
        related_name="national_reports",
    )
    file = ServedFileField(
        _("file"), upload_to=national_report_path, validators=[DocumentValidator()]
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.CONTENT_LANGUAGES)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now=True)

    class Meta:
        verbose_name = _("national report")
        verbose_name_plural = _("national reports")
        ordering = ["meeting", "member_state__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "member_state"],
                name="meetings_national_report_one_per_state",
                violation_error_message=_("This member state has sent its report already."),
            )
        ]

    def __str__(self):
        return f"{self.member_state} — {self.meeting}"

    def get_file_url(self):
        return reverse(
            "meetings:national_report_download",
            kwargs={"slug": self.meeting.slug, "pk": self.pk},
        )
