"""Demo programs drawn from the seed documents (``demo_data``), published,
with the office named in the seeds as contact. Idempotent like the directory's loader: a program
already as the seeds say is not saved again."""

import datetime

from django.db import transaction
from django.utils import timezone

from network.demo import DEMO_FOCAL_POINT_EMAIL
from network.models import Institution, Topic, User

from . import demo_data, services
from .enums import ProgramStatus, RevisionStatus
from .models import CONTENT_SCALAR_FIELDS, Program, ProgramRevision, TargetGroup

# Programs the seeds present as one-off plans: shown as not verified for a while.
STALE_DEMO_SEEDS = {"004"}


def desired_content(entry, topics, target_groups):
    content = {
        name: "" for name in CONTENT_SCALAR_FIELDS if name.startswith(("title_", "summary_"))
    }
    content.update(
        {
            "language": entry["language"],
            f"title_{entry['language']}": entry["title"],
            f"summary_{entry['language']}": entry["summary"],
            "title_en": entry["title_en"],
            "title_es": entry["title_es"],
            "summary_en": entry["summary_en"],
            "summary_es": entry["summary_es"],
            "objectives": entry["objectives"],
            "target_population": entry["target_population"],
            "main_activities": entry["main_activities"],
            "results": entry["results"],
            "start_year": entry["start_year"],
            "implementation_status": entry["implementation_status"],
            "documentation_languages": entry["documentation_languages"],
            "offer_details": "\n".join(offer["description"] for offer in entry["offers"]),
            # The seeds name an office, not a person: the office holder is the
            # contact, and a role beside it would only repeat it.
            "contact_name": entry["contact_role"],
            "contact_role": "",
            "contact_email": f"portfolio.{entry['owner'].lower()}@rial.demo",
            "links": "",
            "topics": sorted(topics[slug].pk for slug in entry["topics"]),
            "target_groups": sorted(target_groups[slug].pk for slug in entry["target_groups"]),
            "offer_kinds": sorted({offer["kind"] for offer in entry["offers"]}),
            "indicators": [
                {"name": i["name"], "value": i["value"], "year": i["year"]}
                for i in entry["indicators"]
            ],
        }
    )
    for code in ("pt", "fr"):
        if entry["language"] != code:
            content[f"title_{code}"] = None
            content[f"summary_{code}"] = None
    return content


# Waiting for the Secretariat's review, so that the admin's front page has a
# program and a program change to review. The demo focal point's ministry
# (Colombia) submits a program; seed 003 lists "specialized training for
# inspectors in Colombia, Peru, Chile and Uruguay, based on specific
# programs, campaigns, areas and tasks". ILLUSTRATIVE: the rest of its text.
SUBMITTED_PROGRAM = {
    "owner": "CO",
    "language": "es",
    "title": "Formación especializada de inspectores del trabajo",
    "title_en": "Specialized Training of Labor Inspectors",
    "title_es": "Formación especializada de inspectores del trabajo",
    "summary": (
        "El Ministerio del Trabajo de Colombia forma a sus inspectores según los programas, "
        "campañas, sectores y tareas que tienen a su cargo (ilustrativo)."
    ),
    "summary_en": (
        "Colombia's Ministry of Labor trains its inspectors according to the programs, "
        "campaigns, sectors and tasks in their charge (illustrative)."
    ),
    "summary_es": (
        "El Ministerio del Trabajo de Colombia forma a sus inspectores según los programas, "
        "campañas, sectores y tareas que tienen a su cargo (ilustrativo)."
    ),
    "objectives": "Inspectores formados para cada campaña y sector de inspección (ilustrativo).",
    "target_population": "Inspectores del trabajo de las direcciones territoriales.",
    "main_activities": "Cursos por campaña y sector; acompañamiento en las primeras visitas.",
    "results": "Programa en revisión por la Secretaría Técnica (ilustrativo).",
    "indicators": [],
    "start_year": 2014,
    "implementation_status": "ongoing",
    "topics": ["labor-inspection"],
    "target_groups": ["ministry-staff"],
    "offers": [{"kind": "documentation", "description": "Material de los cursos."}],
    "documentation_languages": ["es"],
    "contact_role": "Coordinación de la Escuela de Inspección",
}
# A change proposed to a published program (Chile's mediation system): its
# focal point is not a demo account, so the revision names no submitter.
REVISED_PROGRAM_TITLE = "Sistema de Mediación Laboral de la Dirección del Trabajo"
REVISED_RESULTS_NOTE = (
    " Cifras actualizadas por el ministerio, a la espera de la revisión de la Secretaría "
    "Técnica (ilustrativo)."
)


@transaction.atomic
def load():
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    target_groups = {group.slug: group for group in TargetGroup.objects.all()}
    ministries = {
        ministry.member_state.iso_code: ministry
        for ministry in Institution.objects.ministries().active().select_related("member_state")
    }
    today = timezone.localdate()
    for entry in demo_data.PROGRAMS:
        owner = ministries[entry["owner"]]
        content = desired_content(entry, topics, target_groups)
        lookup = {"owner": owner, f"title_{entry['language']}": entry["title"]}
        program = Program.objects.filter(**lookup).first()
        if program is None:
            stale = entry["seed"] in STALE_DEMO_SEEDS
            program = Program(
                owner=owner,
                status=ProgramStatus.PUBLISHED,
                published_at=timezone.now(),
                last_verified=today - datetime.timedelta(days=800 if stale else 30),
            )
            program.apply_content(content)
        elif _normalized(program.content()) != _normalized(content):
            program.apply_content(content)
    _waiting_for_review(ministries, topics, target_groups)


def _waiting_for_review(ministries, topics, target_groups):
    """A program submitted by the demo focal point and a change to a published
    program, each made once: if the demo staff reviewed them, they stay as
    reviewed."""
    entry = SUBMITTED_PROGRAM
    owner = ministries[entry["owner"]]
    if not Program.objects.filter(owner=owner, title_es=entry["title"]).exists():
        focal_point = User.objects.get(email=DEMO_FOCAL_POINT_EMAIL)
        program = services.program_create(
            owner=owner, user=focal_point, content=desired_content(entry, topics, target_groups)
        )
        services.program_submit(program=program, user=focal_point)
    published = Program.objects.published().filter(title_es=REVISED_PROGRAM_TITLE).first()
    if published is not None and not published.revisions.exists():
        content = published.content()
        content["results"] += REVISED_RESULTS_NOTE
        ProgramRevision.objects.create(
            program=published,
            status=RevisionStatus.SUBMITTED,
            content=content,
            submitted_at=timezone.now(),
        )


def _normalized(content):
    # Empty translations are stored as NULL or "": the same for the comparison.
    return {key: (value if value != "" else None) for key, value in content.items()}
