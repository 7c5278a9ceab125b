"""Scale data for the newsletter: 2,000 subscribers and 30 published news
items per factor (see network/scale.py)."""

import datetime
import random

from django.utils import timezone

from network.enums import InstitutionKind
from network.models import Institution, Topic

from .enums import NewsStatus
from .models import NewsItem, Subscriber

SUBSCRIBERS_PER_FACTOR = 2000
NEWS_PER_FACTOR = 30
SLUG_PREFIX = "scale-"


def generate(factor, rng: random.Random):
    return _subscribers(factor, rng) + _news(factor, rng)


def _subscribers(factor, rng):
    wanted = SUBSCRIBERS_PER_FACTOR * factor - Subscriber.objects.count()
    if wanted <= 0:
        return 0
    topics = list(Topic.objects.order_by("pk"))
    now = timezone.now()
    start = Subscriber.objects.filter(email__endswith="@scale.example").count()
    subscribers = [
        Subscriber(
            email=f"reader{number}@scale.example",
            languages=rng.choice([["es"], ["en"], ["es", "en"], ["pt", "es"]]),
            confirmed_at=now - datetime.timedelta(days=rng.randint(1, 2000)),
            unsubscribed_at=now if rng.random() < 0.05 else None,
        )
        for number in range(start, start + wanted)
    ]
    Subscriber.objects.bulk_create(subscribers, batch_size=2000)
    created = Subscriber.objects.filter(email__in=[subscriber.email for subscriber in subscribers])
    Through = Subscriber.topics.through
    Through.objects.bulk_create(
        [
            Through(subscriber_id=pk, topic_id=topic.pk)
            for pk in created.values_list("pk", flat=True)
            for topic in rng.sample(topics, k=min(len(topics), rng.randint(0, 2)))
        ],
        batch_size=5000,
    )
    return len(subscribers)


def _news(factor, rng):
    wanted = NEWS_PER_FACTOR * factor - NewsItem.objects.count()
    if wanted <= 0:
        return 0
    ministries = list(Institution.objects.filter(kind=InstitutionKind.MINISTRY).order_by("pk"))
    now = timezone.now()
    start = NewsItem.objects.filter(slug__startswith=SLUG_PREFIX).count()
    items = []
    for number in range(start, start + wanted):
        item = NewsItem(
            institution=rng.choice(ministries),
            slug=f"{SLUG_PREFIX}news-{number}",
            language="es",
            status=NewsStatus.PUBLISHED,
            published_at=now - datetime.timedelta(days=rng.randint(1, 1500)),
        )
        item.title_es = f"El ministerio presenta los resultados de su programa {number}"
        item.text_es = "Primer párrafo de la noticia.\n\nSegundo párrafo, con cifras."
        # One in five also in English, as ministries that translate their news.
        if number % 5 == 0:
            item.title_en = f"The ministry presents the results of its program {number}"
            item.text_en = "The news item's first paragraph.\n\nIts second, with figures."
        items.append(item)
    NewsItem.objects.bulk_create(items, batch_size=500)
    return len(items)
