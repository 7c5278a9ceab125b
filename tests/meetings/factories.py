import datetime

import factory
from django.utils import timezone

from meetings.enums import (
    DelegateRole,
    DocumentKind,
    FundingItem,
    FundingStatus,
    MeetingKind,
    MeetingStatus,
    RegistrationStatus,
)
from meetings.models import (
    AgendaSession,
    Document,
    DocumentFile,
    FundingCommitment,
    Meeting,
    Presenter,
    Registration,
)
from tests.factories import InstitutionFactory, MemberStateFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    """A confirmed public workshop a month ahead, with registration open for
    two weeks more; ``capacity=…``, ``approval=…`` and the like as needed."""

    class Meta:
        model = Meeting

    kind = MeetingKind.WORKSHOP
    title_en = factory.Sequence(lambda n: f"Workshop {n}")
    status = MeetingStatus.CONFIRMED
    host_state = factory.SubFactory(MemberStateFactory)
    city = "Bogotá"
    time_zone = "America/Bogota"
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=1))
    registration_opens_at = factory.LazyFunction(
        lambda: timezone.now() - datetime.timedelta(days=1)
    )
    registration_closes_at = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=14)
    )


class AgendaSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaSession

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Panel {n}")
    start_time = datetime.time(9, 0)
    end_time = datetime.time(10, 30)


class PresenterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Presenter

    session = factory.SubFactory(AgendaSessionFactory)
    name = factory.Sequence(lambda n: f"Presenter {n}")
    title = "Director of Employment"
    institution = factory.SubFactory(InstitutionFactory)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    meeting = factory.SubFactory(MeetingFactory)
    symbol = factory.Sequence(lambda n: f"CIMT-18/GT1-GT2/doc.{n}/15")
    title_en = factory.Sequence(lambda n: f"Document {n}")
    kind = DocumentKind.INFORMATION


class DocumentFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentFile

    document = factory.SubFactory(DocumentFactory)
    language = "en"
    file = factory.django.FileField(filename="document.pdf", data=b"%PDF-1.4\n%test\n")


class FundingCommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingCommitment

    meeting = factory.SubFactory(MeetingFactory)
    party = factory.SubFactory(InstitutionFactory)
    item = FundingItem.LOGISTICS
    status = FundingStatus.COMMITTED


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration holding a place (submitted)."""

    class Meta:
        model = Registration

    meeting = factory.SubFactory(MeetingFactory)
    status = RegistrationStatus.SUBMITTED
    full_name = factory.Sequence(lambda n: f"Delegate {n}")
    job_title = "Adviser"
    institution = factory.SubFactory(InstitutionFactory)
    member_state = factory.LazyAttribute(lambda o: o.institution.member_state)
    role = DelegateRole.DELEGATE
    email = factory.Sequence(lambda n: f"delegate{n}@example.org")
    language = "en"
    confirmed_at = factory.LazyFunction(timezone.now)
