import factory
from django.utils import timezone

from newsletter.enums import NewsStatus
from newsletter.models import NewsItem
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
