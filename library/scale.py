"""Scale data for the Library: 1,000 items per factor, most of them
published, each with a language version whose extracted text runs to a few
pages (see network/scale.py). The files themselves are not written: the
rows name files that storage does not hold, as the search needs only the
text."""

import datetime
import random

from django.utils import timezone

from network.models import Institution, Topic
from portfolio.scale import SUBJECTS

from .enums import DatePrecision, ExtractionStatus, ItemKind, ItemStatus
from .models import LibraryFile, LibraryItem

ITEMS_PER_FACTOR = 1000
SLUG_PREFIX = "scale-"
LANGUAGES = ["es"] * 11 + ["en"] * 7 + ["pt"] * 2
STATUSES = [ItemStatus.PUBLISHED] * 17 + [
    ItemStatus.DRAFT,
    ItemStatus.SUBMITTED,
    ItemStatus.RETURNED,
]
HEADINGS = {
    "en": ["Study on", "Guide to", "Report on", "Toolkit for"],
    "es": ["Estudio sobre", "Guía de", "Informe sobre", "Caja de herramientas de"],
    "pt": ["Estudo sobre", "Guia de", "Relatório sobre", "Kit de ferramentas de"],
}
SENTENCES = {
    "en": "The ministry reviewed {subject} in {year} and recorded {n} cases across the country.",
    "es": "El ministerio examinó {subject} en {year} y registró {n} casos en todo el país.",
    "pt": "O ministério examinou {subject} em {year} e registrou {n} casos em todo o país.",
}
PAGES = (2, 40)
SENTENCES_PER_PAGE = 6


def _text(language, rng, year, pages):
    subjects = SUBJECTS[language]
    return "\n\n".join(
        " ".join(
            SENTENCES[language].format(
                subject=rng.choice(subjects), year=year, n=rng.randint(10, 90000)
            )
            for _sentence in range(SENTENCES_PER_PAGE)
        )
        for _page in range(pages)
    )


def generate(factor, rng: random.Random):
    """Items up to 1,000 times factor in all; returns how many were added."""
    wanted = ITEMS_PER_FACTOR * factor - LibraryItem.objects.count()
    if wanted <= 0:
        return 0
    owners = list(Institution.objects.filter(is_active=True).order_by("pk"))
    topics = list(Topic.objects.order_by("pk"))
    start = LibraryItem.objects.filter(slug__startswith=SLUG_PREFIX).count()
    now = timezone.now()
    items, texts = [], {}
    for number in range(start, start + wanted):
        language = rng.choice(LANGUAGES)
        subject = rng.randrange(len(SUBJECTS["en"]))
        kind = rng.randrange(len(HEADINGS["en"]))
        status = rng.choice(STATUSES)
        published_on = datetime.date(rng.randint(2003, now.year), rng.randint(1, 12), 1)
        item = LibraryItem(
            owner=owners[number % len(owners)],
            slug=f"{SLUG_PREFIX}item-{number}",
            language=language,
            kind=[ItemKind.STUDY, ItemKind.GUIDE, ItemKind.REPORT, ItemKind.TOOLKIT][kind],
            published_on=published_on,
            date_precision=DatePrecision.MONTH,
            status=status,
            published_at=now if status == ItemStatus.PUBLISHED else None,
        )
        title = f"{HEADINGS[language][kind]} {SUBJECTS[language][subject]} {number}"
        setattr(item, f"title_{language}", title)
        setattr(item, f"abstract_{language}", f"{title}: {SUBJECTS[language][subject]}.")
        items.append(item)
        pages = rng.randint(*PAGES)
        texts[item.slug] = (language, pages, _text(language, rng, published_on.year, pages))
    LibraryItem.objects.bulk_create(items, batch_size=500)

    created = dict(LibraryItem.objects.filter(slug__in=list(texts)).values_list("slug", "pk"))
    LibraryFile.objects.bulk_create(
        [
            LibraryFile(
                item_id=created[slug],
                language=language,
                file=f"library/scale/{slug}-{language}.pdf",
                kind="pdf",
                size=pages * 40_000,
                text=text,
                page_count=pages,
                extraction_status=ExtractionStatus.DONE,
            )
            for slug, (language, pages, text) in texts.items()
        ],
        batch_size=500,
    )
    Through = LibraryItem.topics.through
    Through.objects.bulk_create(
        [
            Through(libraryitem_id=pk, topic_id=topic.pk)
            for pk in created.values()
            for topic in rng.sample(topics, k=min(len(topics), rng.randint(1, 2)))
        ],
        batch_size=2000,
    )
    return len(items)
