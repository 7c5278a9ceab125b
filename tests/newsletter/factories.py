import factory
from django.utils import timezone

from newsletter.enums import NewsStatus
from newsletter.models import NewsItem, Subscriber
from tests.factories import InstitutionFactory


class NewsItemFactory(factory.django.DjangoModelFactory):
    """A published news item; ``title`` and ``text`` are written in its
    ``language`` (``title_es=…`` and the like for other versions)."""

    class Meta:
        model = NewsItem

    institution = factory.SubFactory(InstitutionFactory)
    title = factory.Sequence(lambda n: f"News item {n}")
    text = "First paragraph.\n\nSecond paragraph."
    language = "en"
    status = NewsStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        language = kwargs["language"]
        for name in ("title", "text"):
            kwargs.setdefault(f"{name}_{language}", kwargs.pop(name))
        return kwargs


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber reading English; ``topics=[…]`` to choose topics."""

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    languages = factory.LazyFunction(lambda: ["en"])
    confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.topics.set(extracted)
