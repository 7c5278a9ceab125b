import factory
from django.utils import timezone

from newsletter.enums import NewsStatus
from newsletter.models import NewsItem, Subscriber
from tests.factories import InstitutionFactory


class NewsItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsItem

    institution = factory.SubFactory(InstitutionFactory)
    title = factory.Sequence(lambda n: f"News item {n}")
    text = "First paragraph.\n\nSecond paragraph."
    language = "en"
    status = NewsStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


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
