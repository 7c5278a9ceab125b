import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from cooperation.enums import ActivityType, BudgetItem, RequestStatus
from cooperation.models import BudgetLine, Call, ExpectedResult, Need, Request
from tests.factories import InstitutionFactory, TopicFactory


class CallFactory(factory.django.DjangoModelFactory):
    """An open call: opened yesterday, closing in a month."""

    class Meta:
        model = Call

    title_en = factory.Sequence(lambda n: f"Call for proposals {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    max_fund_contribution = Decimal("10000")
    envelope = Decimal("50000")


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    institution = factory.SubFactory(InstitutionFactory)
    topic = factory.SubFactory(TopicFactory)
    title = factory.Sequence(lambda n: f"Need {n}")
    description = "We need to strengthen our labor inspection."
    support_kinds = [ActivityType.VISIT_TO_PROVIDER]


class RequestFactory(factory.django.DjangoModelFactory):
    """A draft request with one expected result and one budget line (5,000 USD
    asked from the fund); ``status=…`` to place it elsewhere."""

    class Meta:
        model = Request
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Technical visit {n}")
    requester = factory.SubFactory(InstitutionFactory)
    provider = factory.SubFactory(InstitutionFactory)
    topic = factory.SubFactory(TopicFactory)
    activity_type = ActivityType.VISIT_TO_PROVIDER
    objectives = "Learn how the provider's mediation system works."
    participants_count = 3
    participants_profile = "Mediators and the head of the mediation unit."
    status = RequestStatus.DRAFT

    @factory.post_generation
    def with_content(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            ExpectedResult.objects.create(
                request=obj,
                result="A mediation protocol adapted",
                indicator="Protocol adopted",
                baseline="No protocol",
                target="Protocol in force",
            )
            BudgetLine.objects.create(
                request=obj,
                item=BudgetItem.TRAVEL,
                fund_amount=Decimal("5000"),
                requester_amount=Decimal("1000"),
                provider_amount=Decimal("500"),
            )
