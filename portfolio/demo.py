"""Demo programs drawn from the seed documents (``demo_data``), published,
with the office named in the seeds as contact. Idempotent like the directory's loader: a program
already as the seeds say is not saved again."""

import datetime

from django.db import transaction
from django.utils import timezone

from network.models import Institution, Topic

from . import demo_data
from .enums import ProgramStatus
from .models import CONTENT_SCALAR_FIELDS, Program, TargetGroup

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


def _normalized(content):
    # Empty translations are stored as NULL or "": the same for the comparison.
    return {key: (value if value != "" else None) for key, value in content.items()}
