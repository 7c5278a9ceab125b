"""Programs brought in from a spreadsheet (``core.imports``): the
portfolio the Secretariat kept before the portal, one program a row.

A row is about the program of its ministry with the same title in the
program's own language. Its cells are checked by the focal points' program
form, and saved by the portfolio's services as a staff edit: a new program is
a draft for the Secretariat to publish; a change to a published program
becomes a revision waiting for review, as any change does."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import (
    Action,
    Column,
    Importer,
    Lookup,
    folded,
    refuse_form,
    translated_names,
)
from network.models import Institution, Topic

from . import services
from .enums import ImplementationStatus, OfferKind
from .forms import ProgramForm
from .models import CONTENT_SCALAR_FIELDS, Program, TargetGroup

CONTENT_CODES = [code for code, _name in settings.CONTENT_LANGUAGES]
# The form's fields whose column has the same name.
TEXT_COLUMNS = [
    *(f"title_{code}" for code in CONTENT_CODES),
    *(f"summary_{code}" for code in CONTENT_CODES),
    "objectives",
    "target_population",
    "main_activities",
    "results",
    "offer_details",
    "contact_name",
    "contact_role",
    "contact_email",
    "links",
]


def ministry_lookup():
    """Ministries of labor by their member state (code or name) or their own
    name, current or former, in any language, or acronym."""
    ministries = (
        Institution.objects.ministries()
        .active()
        .select_related("member_state")
        .prefetch_related("former_names")
    )

    def names(ministry):
        state = ministry.member_state
        return [
            state.iso_code,
            *translated_names(state),
            *translated_names(ministry),
            ministry.acronym,
            ministry.slug,
            *(former.name for former in ministry.former_names.all()),
        ]

    return Lookup(
        ministries,
        names,
        unknown=_("No ministry of labor is known as “%(value)s”."),
        ambiguous=_("“%(value)s” may be %(records)s; give the member state's code."),
    )


def topic_lookup():
    return Lookup(
        Topic.objects.all(),
        lambda topic: [topic.slug, *translated_names(topic)],
        unknown=_("No topic is known as “%(value)s”."),
        ambiguous=_("“%(value)s” may be %(records)s."),
    )


def target_group_lookup():
    return Lookup(
        TargetGroup.objects.all(),
        lambda group: [group.slug, *translated_names(group)],
        unknown=_("No target group is known as “%(value)s”."),
        ambiguous=_("“%(value)s” may be %(records)s."),
    )


def _normalized(content):
    # Empty translations are stored as NULL or "": the same for the comparison.
    return {key: (value if value != "" else None) for key, value in content.items()}


class ProgramImporter(Importer):
    label = gettext_lazy("programs")
    columns = (
        Column(
            "ministry",
            gettext_lazy(
                "The ministry of labor: its member state's code or name (CO, Colombia), "
                "or the ministry's name or acronym, in any language."
            ),
            required=True,
        ),
        Column(
            "language",
            gettext_lazy("The language the program's texts are written in: en, es, pt or fr."),
            required=True,
        ),
        *(
            Column(
                f"title_{code}",
                gettext_lazy("The title in this language; required in the program's language."),
            )
            for code in CONTENT_CODES
        ),
        *(
            Column(
                f"summary_{code}",
                gettext_lazy("The summary in this language; required in the program's language."),
            )
            for code in CONTENT_CODES
        ),
        Column("objectives", gettext_lazy("Objectives."), required=True),
        Column("target_population", gettext_lazy("Target population."), required=True),
        Column("main_activities", gettext_lazy("Main activities."), required=True),
        Column("results", gettext_lazy("Results and evidence of impact."), required=True),
        Column("start_year", gettext_lazy("The year it started (2009)."), required=True),
        Column(
            "implementation_status",
            gettext_lazy("ongoing or finished (ongoing when empty)."),
        ),
        Column(
            "topics",
            gettext_lazy("One or more topics, by name in any language, separated by “;”."),
            required=True,
        ),
        Column("target_groups", gettext_lazy("Target groups by name, separated by “;”.")),
        Column(
            "offer_kinds",
            gettext_lazy(
                "What the ministry offers, separated by “;”: technical_visit, workshop, "
                "documentation, virtual_advice, internship."
            ),
        ),
        Column("offer_details", gettext_lazy("Details of the cooperation offered.")),
        Column(
            "documentation_languages",
            gettext_lazy("Languages the documentation exists in (es; en)."),
        ),
        Column("contact_name", gettext_lazy("The contact person or office."), required=True),
        Column("contact_role", gettext_lazy("The contact's role.")),
        Column("contact_email", gettext_lazy("The contact's email address."), required=True),
        Column("links", gettext_lazy("Web addresses, one a line or separated by “;”.")),
    )
    field_columns = {name: name for name in (*CONTENT_SCALAR_FIELDS, "topics", "target_groups")}
    field_columns["offer_kinds"] = "offer_kinds"

    def prepare(self):
        self.ministries = ministry_lookup()
        self.topics = topic_lookup()
        self.target_groups = target_group_lookup()

    def key(self, cells):
        language = folded(cells.get("language", ""))
        title = cells.get(f"title_{language}", "")
        return (folded(cells.get("ministry", "")), language, folded(title)) if title else None

    def import_row(self, row, *, user):
        owner = row.record("ministry", self.ministries, required=True)
        language = row.choice("language", settings.CONTENT_LANGUAGES, required=True)
        topics = row.records("topics", self.topics, required=True)
        target_groups = row.records("target_groups", self.target_groups)
        offer_kinds = row.choices("offer_kinds", OfferKind.choices)
        documentation_languages = row.choices("documentation_languages", settings.CONTENT_LANGUAGES)
        status = row.choice(
            "implementation_status",
            ImplementationStatus.choices,
            default=ImplementationStatus.ONGOING,
        )
        row.done()

        title = row.text(f"title_{language}")
        program = None
        if title:
            program = Program.objects.filter(
                owner=owner, language=language, **{f"title_{language}__iexact": title}
            ).first()
        data = program.content() if program else {}
        for column in TEXT_COLUMNS:
            if column in row.cells:
                data[column] = row.cells[column]
        given = {
            "links": "\n".join(row.items("links")),
            "start_year": row.text("start_year"),
            "implementation_status": status,
            "target_groups": [group.pk for group in target_groups],
            "offer_kinds": offer_kinds,
            "documentation_languages": documentation_languages,
        }
        # A column the file leaves out keeps what the program has.
        data.update({name: value for name, value in given.items() if name in row.cells})
        data.update(language=language, topics=[topic.pk for topic in topics])
        data.setdefault("implementation_status", status)
        form = ProgramForm(data=data)
        if not form.is_valid():
            refuse_form(form)
        content = form.content()
        content["documentation_languages"] = data.get("documentation_languages", [])
        if program is None:
            content["indicators"] = []
            return Action.CREATED, services.program_create(owner=owner, user=user, content=content)
        current = program.content()
        content["indicators"] = current["indicators"]
        revision = program.revisions.open().first()
        proposed = revision.content if revision is not None else current
        if _normalized(content) == _normalized(proposed):
            return Action.UNCHANGED, program
        services.program_update(program=program, user=user, content=content)
        return Action.UPDATED, program
