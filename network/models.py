"""The directory of the network: people, member states, institutions, topics,
conferences and working groups. Every other app points at these."""

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .enums import InstitutionKind, Subregion, interface_languages


def unique_slug(instance, text, *, fallback, reserved=()):
    """A slug for ``instance`` made from ``text``, unique among its model's
    rows (``-2``, ``-3``… appended when taken). ``reserved`` slugs are never
    given: the fixed paths beside ``<slug>/`` in the app's URLs."""
    base = slugify(text)[:100].strip("-") or fallback
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    slug, n = base, 2
    while slug in reserved or others.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


class UserManager(BaseUserManager):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email):
        # Addresses are compared case-insensitively everywhere: store them lowercase.
        return (email or "").strip().lower()

    def get_by_natural_key(self, username):
        return self.get(email__iexact=self.normalize_email(username))

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account: Secretariat staff, a focal point, a delegate."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    institution = models.ForeignKey(
        "network.Institution",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    is_focal_point = models.BooleanField(
        _("focal point"),
        default=False,
        help_text=_("Named by the institution to act for it in the network."),
    )
    is_principal_contact = models.BooleanField(
        _("principal contact"),
        default=False,
        help_text=_("The focal point the Secretariat writes to first (one per institution)."),
    )
    language = models.CharField(
        _("preferred language"),
        max_length=10,
        blank=True,
        choices=interface_languages,
        help_text=_("Language of the emails this person receives."),
    )
    muted_notices = models.JSONField(
        _("notices turned off"),
        default=list,
        blank=True,
        help_text=_("Kinds of email this person chose not to receive."),
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Designates whether the user can log into the admin site."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Unselect this instead of deleting accounts."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="network_user_email_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(is_focal_point=False) | models.Q(institution__isnull=False),
                name="network_user_focal_point_has_institution",
                violation_error_message=_("A focal point must belong to an institution."),
            ),
            models.UniqueConstraint(
                fields=["institution"],
                condition=models.Q(is_principal_contact=True, is_active=True),
                name="network_user_one_principal_contact_per_institution",
                violation_error_message=_("This institution already has a principal contact."),
            ),
        ]

    def __str__(self):
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email)

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def wants_notice(self, notice):
        return self.is_active and notice not in self.muted_notices


class MemberStateQuerySet(models.QuerySet):
    def with_ministry(self):
        """Each state with its Ministry of Labor fetched in the same query set."""
        return self.prefetch_related(
            models.Prefetch(
                "institutions",
                queryset=Institution.objects.filter(kind=InstitutionKind.MINISTRY),
                to_attr="ministries",
            )
        )


class MemberState(models.Model):
    """One of the 35 member states of the OAS."""

    iso_code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        help_text=_("ISO 3166-1 alpha-2, upper case (for example AR)."),
    )
    name = models.CharField(_("name"), max_length=100)
    subregion = models.CharField(_("subregion"), max_length=20, choices=Subregion.choices)

    objects = MemberStateQuerySet.as_manager()

    class Meta:
        verbose_name = _("member state")
        verbose_name_plural = _("member states")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(iso_code__regex=r"^[A-Z]{2}$"),
                name="network_memberstate_iso_code_two_capitals",
                violation_error_message=_("The ISO code is two capital letters."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:member_state_detail", kwargs={"iso_code": self.iso_code})

    def clean(self):
        super().clean()
        self.iso_code = (self.iso_code or "").strip().upper()


class InstitutionQuerySet(models.QuerySet):
    def ministries(self):
        return self.filter(kind=InstitutionKind.MINISTRY)

    def active(self):
        return self.filter(is_active=True)


class InstitutionManager(models.Manager.from_queryset(InstitutionQuerySet)):
    """Every institution comes with its member state, which its name shows:
    lists, choices and related lookups never query once per institution."""

    def get_queryset(self):
        return super().get_queryset().select_related("member_state")


class Institution(models.Model):
    """A ministry of labor, an advisory body, an international organization, …

    A ministry keeps its identity when its name changes: the current name is
    here, the former ones in ``InstitutionName``.
    """

    kind = models.CharField(_("kind"), max_length=30, choices=InstitutionKind.choices)
    name = models.CharField(_("current name"), max_length=250)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("Part of the address; made from the acronym or name when left empty."),
    )
    member_state = models.ForeignKey(
        MemberState,
        verbose_name=_("member state"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="institutions",
    )
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Unselect for an institution that no longer exists.")
    )

    objects = InstitutionManager()

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["name"]
        # Related lookups (registration.institution, …) bring the member state too.
        base_manager_name = "objects"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind=InstitutionKind.MINISTRY)
                | models.Q(member_state__isnull=False),
                name="network_institution_ministry_has_member_state",
                violation_error_message=_("A ministry of labor belongs to a member state."),
            ),
            models.UniqueConstraint(
                fields=["member_state"],
                condition=models.Q(kind=InstitutionKind.MINISTRY, is_active=True),
                name="network_institution_one_active_ministry_per_state",
                violation_error_message=_("This member state already has a ministry of labor."),
            ),
        ]

    def __str__(self):
        # "Ministry of Labor" exists in many states: the state tells them apart,
        # in the reader's language. Bodies of no state (ILO, COSATE) keep their name.
        if self.member_state_id:
            return _("%(name)s (%(member_state)s)") % {
                "name": self.name,
                "member_state": self.member_state,
            }
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("network:institution_detail", kwargs={"slug": self.slug})

    def _unique_slug(self):
        text = self.acronym or self.name
        if self.kind == InstitutionKind.MINISTRY and self.member_state_id:
            text = f"{slugify(text)[:100]} {self.member_state.iso_code}"
        return unique_slug(self, text, fallback="institution")

    def name_in(self, year):
        """The name the institution bore in ``year`` (its current name if no
        former name covers that year)."""
        for former in self.former_names.all():
            if former.covers(year):
                return former.name
        return self.name


class InstitutionName(models.Model):
    """A name an institution bore before its current one, with the years."""

    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        on_delete=models.CASCADE,
        related_name="former_names",
    )
    name = models.CharField(_("name"), max_length=250)
    from_year = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    until_year = models.PositiveSmallIntegerField(_("until year"))

    class Meta:
        verbose_name = _("former name")
        verbose_name_plural = _("former names")
        ordering = ["-until_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "name"],
                name="network_institutionname_unique_per_institution",
            ),
            models.CheckConstraint(
                condition=models.Q(from_year__isnull=True)
                | models.Q(from_year__lte=models.F("until_year")),
                name="network_institutionname_years_in_order",
                violation_error_message=_("The first year must not be after the last year."),
            ),
        ]

    def __str__(self):
        if self.from_year:
            return f"{self.name} ({self.from_year}–{self.until_year})"
        return _("%(name)s (until %(year)s)") % {"name": self.name, "year": self.until_year}

    def covers(self, year):
        return (self.from_year is None or self.from_year <= year) and year <= self.until_year

    def clean(self):
        super().clean()
        if self.institution_id and self.name == self.institution.name:
            raise ValidationError({"name": _("A former name differs from the current name.")})


class Topic(models.Model):
    """A thematic area of labor administration (labor inspection, …)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:topic_detail", kwargs={"slug": self.slug})


def to_roman(number):
    numerals = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]  # fmt: skip
    roman = []
    for value, letters in numerals:
        count, number = divmod(number, value)
        roman.append(letters * count)
    return "".join(roman)


class Conference(models.Model):
    """An Inter-American Conference of Ministers of Labor (IACML), which opens a
    cycle of working groups and meetings until the next one."""

    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1)]
    )
    city = models.CharField(_("city"), max_length=100)
    member_state = models.ForeignKey(
        MemberState,
        verbose_name=_("host member state"),
        on_delete=models.PROTECT,
        related_name="conferences_hosted",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        verbose_name = _("conference")
        verbose_name_plural = _("conferences")
        ordering = ["-number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="network_conference_number_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(start_date__lte=models.F("end_date")),
                name="network_conference_dates_in_order",
                violation_error_message=_("The conference cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return _("%(number)s IACML (%(city)s, %(year)s)") % {
            "number": self.roman_number,
            "city": self.city,
            "year": self.year,
        }

    @property
    def roman_number(self):
        return to_roman(self.number)

    def clean(self):
        super().clean()
        if self.start_date and self.start_date.year != self.year:
            raise ValidationError({"start_date": _("The start date falls in another year.")})


class WorkingGroup(models.Model):
    """A working group of one conference cycle, with its chair and vice-chairs."""

    conference = models.ForeignKey(
        Conference,
        verbose_name=_("conference cycle"),
        on_delete=models.PROTECT,
        related_name="working_groups",
    )
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    name = models.CharField(_("name"), max_length=250)
    chair = models.ForeignKey(
        Institution,
        verbose_name=_("chair"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="working_groups_chaired",
    )
    vice_chairs = models.ManyToManyField(
        Institution,
        verbose_name=_("vice-chairs"),
        blank=True,
        related_name="working_groups_vice_chaired",
    )

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["-conference__number", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "number"],
                name="network_workinggroup_unique_number_per_cycle",
                violation_error_message=_(
                    "This cycle already has a working group with this number."
                ),
            ),
        ]

    def __str__(self):
        # Translators: WG is the short form of "working group".
        return _("WG%(number)s (%(conference)s IACML): %(name)s") % {
            "number": self.number,
            "conference": self.conference.roman_number,
            "name": self.name,
        }
