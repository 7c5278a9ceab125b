"""Institutions' focal-point contacts brought in from a spreadsheet
(``core.imports``): the list the Secretariat kept of who acts for each
ministry and body, one person a row.

A row is about the person with its email address. An imported contact gets
an account without a password: the Secretariat's emails to the institution's
focal points reach them, and the invitation (or "forgot password") lets them
sign in. A staff account is never changed by an import."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import Action, Column, Importer, Lookup, RowRefused, translated_names

from .models import Institution, User

YES = ("yes", "y", "true", "1", "x", "sí", "si", "sim", "oui")
NO = ("no", "n", "false", "0", "", "não", "nao", "non")
CONTACT_FIELDS = (
    "full_name",
    "job_title",
    "institution",
    "is_focal_point",
    "is_principal_contact",
    "language",
)


def institution_lookup():
    """Active institutions by slug, acronym or name, current or former, in
    any language; a ministry also by its member state's code or name."""
    institutions = Institution.objects.active().prefetch_related("former_names")

    def names(institution):
        state_names = []
        if institution.kind == "ministry" and institution.member_state_id:
            state = institution.member_state
            state_names = [state.iso_code, *translated_names(state)]
        return [
            *state_names,
            *translated_names(institution),
            institution.acronym,
            institution.slug,
            *(former.name for former in institution.former_names.all()),
        ]

    return Lookup(
        institutions,
        names,
        unknown=_("No institution is known as “%(value)s”."),
        ambiguous=_("“%(value)s” may be %(records)s; give its acronym or member state's code."),
    )


class ContactImporter(Importer):
    label = gettext_lazy("focal-point contacts")
    columns = (
        Column(
            "institution",
            gettext_lazy(
                "The institution: its acronym or name in any language; a ministry of "
                "labor also by its member state's code or name."
            ),
            required=True,
        ),
        Column("full_name", gettext_lazy("The person's full name."), required=True),
        Column("email", gettext_lazy("The person's email address."), required=True),
        Column("job_title", gettext_lazy("Job title.")),
        Column("language", gettext_lazy("Language of the emails they receive: en or es.")),
        Column(
            "focal_point",
            gettext_lazy("yes if the person acts for the institution (yes when empty)."),
        ),
        Column(
            "principal_contact",
            gettext_lazy("yes for the one focal point the Secretariat writes to first."),
        ),
    )
    field_columns = {
        "email": "email",
        "full_name": "full_name",
        "job_title": "job_title",
        "institution": "institution",
        "language": "language",
        "is_focal_point": "focal_point",
        "is_principal_contact": "principal_contact",
    }

    def prepare(self):
        self.institutions = institution_lookup()

    def key(self, cells):
        email = User.objects.normalize_email(cells.get("email", ""))
        return email or None

    def _yes_no(self, row, column, default):
        text = row.text(column).casefold()
        if column not in row.cells or (not text and default):
            return default
        if text in YES:
            return True
        if text in NO:
            return False
        row.error(column, _("Write yes or no."))
        return default

    def import_row(self, row, *, user):
        if not user.has_perm("network.change_user"):
            raise PermissionDenied(_("Only the Technical Secretariat manages accounts."))
        institution = row.record("institution", self.institutions, required=True)
        values = {
            "full_name": row.text("full_name", required=True),
            "job_title": row.text("job_title"),
            "institution": institution,
            "language": row.choice("language", settings.LANGUAGES, default=""),
            "is_focal_point": self._yes_no(row, "focal_point", True),
            "is_principal_contact": self._yes_no(row, "principal_contact", False),
        }
        email = User.objects.normalize_email(row.text("email", required=True))
        row.done()
        person = User.objects.filter(email__iexact=email).first()
        if person is not None and (person.is_staff or person.is_superuser):
            raise RowRefused({"email": [_("This is a staff account; an import never changes it.")]})
        if person is None:
            person = User(email=email)
            person.set_unusable_password()
            action = Action.CREATED
        else:
            if all(getattr(person, name) == values[name] for name in CONTACT_FIELDS):
                return Action.UNCHANGED, person
            action = Action.UPDATED
        for name, value in values.items():
            setattr(person, name, value)
        person.full_clean(exclude=["password"])
        person.save()
        return action, person
