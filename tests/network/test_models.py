import pytest
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction

from network.enums import InstitutionKind
from network.models import Institution, InstitutionName, MemberState, User, to_roman
from tests.factories import (
    ConferenceFactory,
    InstitutionFactory,
    MemberStateFactory,
    OrganizationFactory,
    UserFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db


def test_member_state_iso_code_is_unique():
    MemberStateFactory(iso_code="QQ")

    with pytest.raises(IntegrityError), transaction.atomic():
        MemberState.objects.create(iso_code="QQ", name_en="Other", name_es="Otro")


@pytest.mark.parametrize("code", ["ar", "A1", "ARG", "A"])
def test_member_state_iso_code_must_be_two_capitals(code):
    # PostgreSQL refuses the three-letter code by its length (DataError), SQLite by the check.
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        MemberState.objects.create(iso_code=code, name_en="X", name_es="X", subregion="andean")


def test_member_state_clean_upper_cases_the_iso_code():
    state = MemberState(iso_code="qz", name_en="X", name_es="X", subregion="andean")

    state.full_clean()

    assert state.iso_code == "QZ"


def test_member_state_url_uses_the_lower_case_code():
    assert MemberStateFactory(iso_code="QR").get_absolute_url() == "/member-states/qr/"


def test_ministry_without_member_state_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        Institution.objects.create(kind=InstitutionKind.MINISTRY, name_en="Ministry", slug="m")


def test_organization_needs_no_member_state():
    organization = OrganizationFactory(acronym="ILO", name_en="International Labour Organization")

    assert organization.member_state is None
    assert organization.slug == "ilo"


def test_one_active_ministry_per_member_state():
    ministry = InstitutionFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        InstitutionFactory(member_state=ministry.member_state)


def test_former_ministry_may_stay_beside_the_current_one():
    former = InstitutionFactory(is_active=False)

    current = InstitutionFactory(member_state=former.member_state)

    assert current.member_state == former.member_state


def test_ministry_slug_is_unique_and_names_its_state():
    state = MemberStateFactory(iso_code="QX")
    first = InstitutionFactory(member_state=state, name_en="Ministry of Labour", is_active=False)
    second = InstitutionFactory(member_state=state, name_en="Ministry of Labour")

    assert first.slug == "ministry-of-labour-qx"
    assert second.slug == "ministry-of-labour-qx-2"


def test_institution_keeps_its_identity_and_tells_its_name_in_a_year():
    ministry = InstitutionFactory(name_en="Employment and Social Development Canada")
    ministry.former_names.create(name="Human Resources Development Canada", until_year=2003)
    ministry.former_names.create(
        name="Human Resources and Skills Development Canada", from_year=2004, until_year=2013
    )

    assert ministry.name_in(2001) == "Human Resources Development Canada"
    assert ministry.name_in(2003) == "Human Resources Development Canada"
    assert ministry.name_in(2010) == "Human Resources and Skills Development Canada"
    assert ministry.name_in(2015) == "Employment and Social Development Canada"


def test_institution_rename_is_kept_in_history():
    ministry = InstitutionFactory(name_en="Ministry of Labor")

    ministry.name_en = "Ministry of Labor and Social Protection"
    ministry.save()

    assert [record.name_en for record in ministry.history.order_by("history_date")] == [
        "Ministry of Labor",
        "Ministry of Labor and Social Protection",
    ]


def test_former_name_years_must_be_in_order():
    ministry = InstitutionFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        InstitutionName.objects.create(
            institution=ministry, name="Old", from_year=2010, until_year=2005
        )


def test_former_name_is_unique_per_institution():
    ministry = InstitutionFactory()
    ministry.former_names.create(name="Old name", until_year=2005)

    with pytest.raises(IntegrityError), transaction.atomic():
        ministry.former_names.create(name="Old name", until_year=2009)


def test_former_name_must_differ_from_the_current_name():
    ministry = InstitutionFactory(name_en="Ministry of Labor")
    former = InstitutionName(institution=ministry, name="Ministry of Labor", until_year=2001)

    with pytest.raises(ValidationError) as error:
        former.full_clean()

    assert "name" in error.value.message_dict


def test_user_email_is_the_login_and_stored_lower_case():
    user = User.objects.create_user(email="  Ana.Perez@Trabajo.GOB.example ", password="x" * 12)

    assert user.email == "ana.perez@trabajo.gob.example"
    assert User.objects.get_by_natural_key("ANA.PEREZ@trabajo.gob.example") == user


def test_user_email_is_unique_whatever_the_case():
    UserFactory(email="someone@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="SomeOne@example.org", full_name="Twin")


def test_user_without_email_is_refused():
    with pytest.raises(ValueError, match="email"):
        User.objects.create_user(email="", password="x")


def test_focal_point_must_belong_to_an_institution():
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(is_focal_point=True, institution=None)


def test_superuser_flags():
    admin = User.objects.create_superuser(email="root@example.org", password="x" * 12)

    assert admin.is_staff
    assert admin.is_superuser


def test_working_group_number_is_unique_per_cycle():
    group = WorkingGroupFactory(number=2)

    with pytest.raises(IntegrityError), transaction.atomic():
        WorkingGroupFactory(conference=group.conference, number=2)


def test_same_working_group_number_in_another_cycle():
    WorkingGroupFactory(number=1)

    assert WorkingGroupFactory(number=1).number == 1


def test_conference_cannot_end_before_it_starts():
    import datetime

    with pytest.raises(IntegrityError), transaction.atomic():
        ConferenceFactory(
            year=2015, start_date=datetime.date(2015, 12, 4), end_date=datetime.date(2015, 12, 3)
        )


def test_conference_number_is_unique():
    ConferenceFactory(number=19)

    with pytest.raises(IntegrityError), transaction.atomic():
        ConferenceFactory(number=19)


def test_conference_is_named_with_its_roman_number():
    conference = ConferenceFactory(number=18, city="Medellín", year=2013)

    assert str(conference) == "XVIII IACML (Medellín, 2013)"


@pytest.mark.parametrize(
    ("number", "roman"), [(1, "I"), (4, "IV"), (9, "IX"), (12, "XII"), (19, "XIX"), (44, "XLIV")]
)
def test_to_roman(number, roman):
    assert to_roman(number) == roman
