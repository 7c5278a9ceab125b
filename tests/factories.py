"""factory_boy factories for the directory; other apps add theirs beside."""

import factory
from django.contrib.auth.models import Group

from network.enums import InstitutionKind, Subregion
from network.models import Conference, Institution, MemberState, Topic, User, WorkingGroup
from rial_portal.roles import TECHNICAL_SECRETARIAT

PASSWORD = "a-long-test-password-42"


def _iso_code(n):
    # Start at "QA…" to keep clear of the real codes most tests load (AR, CA, …).
    n += 16 * 26
    return chr(65 + (n // 26) % 26) + chr(65 + n % 26)


class MemberStateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberState
        django_get_or_create = ("iso_code",)

    iso_code = factory.Sequence(_iso_code)
    name_en = factory.Sequence(lambda n: f"State {n}")
    name_es = factory.Sequence(lambda n: f"Estado {n}")
    subregion = Subregion.CARIBBEAN


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution

    kind = InstitutionKind.MINISTRY
    name_en = factory.LazyAttribute(lambda o: f"Ministry of Labor of {o.member_state}")
    member_state = factory.SubFactory(MemberStateFactory)


class OrganizationFactory(InstitutionFactory):
    kind = InstitutionKind.INTERNATIONAL_ORGANIZATION
    name_en = factory.Sequence(lambda n: f"Organization {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    member_state = None


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    name_es = factory.Sequence(lambda n: f"Tema {n}")


class ConferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conference

    number = factory.Sequence(lambda n: 30 + n)
    city = "Ottawa"
    member_state = factory.SubFactory(MemberStateFactory)
    year = factory.Sequence(lambda n: 2031 + 2 * n)


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    conference = factory.SubFactory(ConferenceFactory)
    number = factory.Sequence(lambda n: n + 1)
    name_en = factory.Sequence(lambda n: f"Working group {n}")
    chair = factory.SubFactory(InstitutionFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class.objects.create_user(*args, password=PASSWORD, **kwargs)


class FocalPointFactory(UserFactory):
    institution = factory.SubFactory(InstitutionFactory)
    is_focal_point = True
    job_title = "Director of International Affairs"


class SecretariatStaffFactory(UserFactory):
    is_staff = True

    @factory.post_generation
    def secretariat_group(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get(name=TECHNICAL_SECRETARIAT))
