import datetime

import factory
from django.utils import timezone

from library.enums import ItemKind, ItemStatus
from library.models import Authorship, LibraryFile, LibraryItem
from library.placeholders import placeholder_pdf
from tests.factories import InstitutionFactory

# A real one-page PDF: uploads are opened by the PDF reader before they are kept.
PDF = placeholder_pdf(["A study of the network"])


class LibraryItemFactory(factory.django.DjangoModelFactory):
    """A published study of 2015; ``status=…`` for the others."""

    class Meta:
        model = LibraryItem

    owner = factory.SubFactory(InstitutionFactory)
    language = "en"
    title_en = factory.Sequence(lambda n: f"Study {n}")
    abstract_en = "What the network learnt."
    kind = ItemKind.STUDY
    published_on = datetime.date(2015, 1, 1)
    status = ItemStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class AuthorshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Authorship

    item = factory.SubFactory(LibraryItemFactory)
    family_name = factory.Sequence(lambda n: f"Author{n}")
    given_names = "Ana María"


class LibraryFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LibraryFile

    item = factory.SubFactory(LibraryItemFactory)
    language = "en"
    file = factory.django.FileField(filename="study.pdf", data=PDF)
