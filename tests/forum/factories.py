import factory

from forum.enums import ReadAccess, SpaceKind
from forum.models import Post, Space, Thread
from tests.factories import FocalPointFactory, TopicFactory


class SpaceFactory(factory.django.DjangoModelFactory):
    """A topic's space open to the network; ``read_access=…`` for the others."""

    class Meta:
        model = Space

    kind = SpaceKind.TOPIC
    name = factory.Sequence(lambda n: f"Space {n}")
    topic = factory.SubFactory(TopicFactory)
    read_access = ReadAccess.NETWORK


class ThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thread

    space = factory.SubFactory(SpaceFactory)
    title = factory.Sequence(lambda n: f"Thread {n}")
    author = factory.SubFactory(FocalPointFactory)


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(FocalPointFactory)
    body = "How did your ministry plan its inspections?"
