"""Demo library items drawn from the seed documents (``demo_data``), each
with placeholder files that say so, and a publication the demo focal point
proposed, waiting for review. Idempotent like the other loaders: items are
matched by slug, language versions by language; what is already as the
seeds say is not saved again, and an existing file is never replaced. The
proposal is made once: if the demo staff review it, it stays as reviewed."""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from meetings.models import Document, Meeting
from network.demo import DEMO_FOCAL_POINT_EMAIL, upsert
from network.models import Institution, MemberState, Topic, User, WorkingGroup

from . import demo_data, services
from .enums import AuthorRole, ItemStatus
from .models import Authorship, LibraryFile, LibraryItem
from .placeholders import placeholder_pdf

PLACEHOLDER_NOTICE = {
    "en": "Placeholder of the RIAL portal's demo data: not the document itself.",
    "es": "Marcador de los datos de demostración del portal de la RIAL: no es el documento.",
}


@transaction.atomic
def load():
    institutions = {
        institution.acronym: institution
        for institution in Institution.objects.exclude(acronym="").filter(member_state=None)
    }
    for entry in demo_data.ITEMS:
        item = _item(entry, institutions)
        _people(item, entry, institutions)
        _files(item, entry)
    _proposal(demo_data.SUBMITTED_PROPOSAL)


def _item(entry, institutions):
    published = not entry.get("draft")
    values = {
        "kind": entry["kind"],
        "language": entry["language"],
        "identifier": entry.get("identifier", ""),
        "title_en": entry["title_en"],
        "title_es": entry["title_es"],
        "abstract_en": entry["abstract_en"],
        "abstract_es": entry["abstract_es"],
        "published_on": datetime.date.fromisoformat(entry["published_on"]),
        "date_precision": entry["date_precision"],
        "owner": institutions[entry["owner"]],
        "working_group": (
            WorkingGroup.objects.get(
                conference__number=entry["conference"], number=entry["working_group"]
            )
            if entry["working_group"]
            else None
        ),
        "meeting": Meeting.objects.get(slug=entry["meeting"]) if entry["meeting"] else None,
        "status": ItemStatus.PUBLISHED if published else ItemStatus.DRAFT,
    }
    item = upsert(
        LibraryItem,
        {"slug": entry["slug"]},
        values,
        create_only={"published_at": timezone.now() if published else None},
    )
    item.topics.set(Topic.objects.filter(slug__in=entry["topics"]))
    item.member_states.set(MemberState.objects.filter(iso_code__in=entry["member_states"]))
    item.meeting_documents.set(Document.objects.filter(symbol__in=entry["documents"]))
    return item


def _people(item, entry, institutions):
    wanted = [
        (AuthorRole.AUTHOR, position, family, given, None)
        for position, (family, given) in enumerate(entry["authors"])
    ] + [
        (AuthorRole.COMMISSIONED_BY, position, "", "", institutions[acronym].pk)
        for position, acronym in enumerate(entry["commissioned_by"])
    ]
    current = [
        (a.role, a.position, a.family_name, a.given_names, a.institution_id)
        for a in item.authorships.order_by("role", "position", "pk")
    ]
    if sorted(current) == sorted(wanted):
        return
    item.authorships.all().delete()
    Authorship.objects.bulk_create(
        Authorship(
            item=item,
            role=role,
            position=position,
            family_name=family,
            given_names=given,
            institution_id=institution_id,
        )
        for role, position, family, given, institution_id in wanted
    )


def _files(item, entry):
    present = set(item.files.values_list("language", flat=True))
    for language in entry["files"]:
        if language in present:
            continue
        title = entry[f"title_{language}"] if f"title_{language}" in entry else entry["title_en"]
        notice = PLACEHOLDER_NOTICE.get(language, PLACEHOLDER_NOTICE["en"])
        content = placeholder_pdf([notice, title, entry.get("identifier", "")])
        LibraryFile.objects.create(
            item=item,
            language=language,
            file=ContentFile(content, name=f"{entry['slug'][:40]}-{language}.pdf"),
        )


def _proposal(entry):
    """The demo focal point's ministry proposes a publication, through the
    services a focal point's pages call: draft, file, submission."""
    focal_point = User.objects.select_related("institution").get(email=DEMO_FOCAL_POINT_EMAIL)
    title = entry[f"title_{entry['language']}"]
    lookup = {f"title_{entry['language']}": title}
    if LibraryItem.objects.owned_by(focal_point.institution).filter(**lookup).exists():
        return
    fields = {
        name: entry[name]
        for name in ("kind", "language", "title_en", "title_es", "abstract_en", "abstract_es")
    }
    fields["published_on"] = datetime.date.fromisoformat(entry["published_on"])
    fields["date_precision"] = entry["date_precision"]
    item = services.item_create(
        user=focal_point, fields=fields, topics=Topic.objects.filter(slug__in=entry["topics"])
    )
    for language in entry["files"]:
        content = placeholder_pdf([PLACEHOLDER_NOTICE[language], entry[f"title_{language}"]])
        services.file_add(
            item=item,
            user=focal_point,
            language=language,
            file=ContentFile(content, name=f"{item.slug[:40]}-{language}.pdf"),
        )
    services.item_submit(item=item, user=focal_point)
