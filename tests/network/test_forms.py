"""Choosing an institution: each named with its member state, grouped by
state in the reader's language, the bodies of no state last."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from network.forms import InstitutionChoiceField
from network.models import Institution
from tests.factories import InstitutionFactory, MemberStateFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def institutions():
    peru = MemberStateFactory(name_en="Peru", name_es="Perú")
    usa = MemberStateFactory(name_en="United States of America", name_es="Estados Unidos")
    colombia = MemberStateFactory(name_en="Colombia", name_es="Colombia")
    return {
        "peru": InstitutionFactory(
            member_state=peru, name_en="Ministry of Labor", name_es="Ministerio de Trabajo"
        ),
        "usa": InstitutionFactory(member_state=usa, name_en="Department of Labor"),
        "colombia": InstitutionFactory(member_state=colombia, name_en="Ministry of Labor"),
        "sena": InstitutionFactory(
            member_state=colombia, kind="other", name_en="National Learning Service"
        ),
        "ilo": OrganizationFactory(name_en="International Labour Organization", acronym="ILO"),
    }


def labels(field):
    return [
        (group, [label for _value, label in options] if isinstance(options, list) else options)
        for group, options in field.choices
    ]


def test_an_institution_is_named_with_its_member_state(institutions):
    assert str(institutions["colombia"]) == "Ministry of Labor (Colombia)"
    assert str(institutions["peru"]) == "Ministry of Labor (Peru)"
    assert str(institutions["ilo"]) == "International Labour Organization"


def test_an_institution_is_named_in_the_readers_language(institutions):
    with translation.override("es"):
        assert str(institutions["peru"]) == "Ministerio de Trabajo (Perú)"


def test_institution_choices_are_grouped_by_member_state_organizations_last(institutions):
    field = InstitutionChoiceField(queryset=Institution.objects.all())

    assert labels(field) == [
        ("", "---------"),
        ("Colombia", ["Ministry of Labor (Colombia)", "National Learning Service (Colombia)"]),
        ("Peru", ["Ministry of Labor (Peru)"]),
        ("United States of America", ["Department of Labor (United States of America)"]),
        ("Regional and international organizations", ["International Labour Organization"]),
    ]


def test_institution_groups_follow_the_readers_language_and_alphabet(institutions):
    field = InstitutionChoiceField(queryset=Institution.objects.all(), empty_label=None)

    with translation.override("es"):
        groups = [group for group, _options in labels(field)]

    # "Perú" sorts as "Peru", not after "Z".
    assert groups[:3] == ["Colombia", "Estados Unidos", "Perú"]


def test_grouped_institution_choices_take_one_query_whatever_their_number(
    institutions, django_assert_num_queries
):
    InstitutionFactory.create_batch(5)
    field = InstitutionChoiceField(queryset=Institution.objects.all())

    with django_assert_num_queries(1):
        assert len(labels(field)) == 10


def test_a_chosen_institution_is_validated_against_the_queryset(institutions):
    field = InstitutionChoiceField(queryset=Institution.objects.exclude(pk=institutions["ilo"].pk))

    assert field.clean(institutions["peru"].pk) == institutions["peru"]
    with pytest.raises(ValidationError, match="valid choice"):
        field.clean(institutions["ilo"].pk)
