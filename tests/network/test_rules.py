import pytest
from django.contrib.auth.models import AnonymousUser

from network.rules import is_focal_point, is_focal_point_of
from tests.factories import FocalPointFactory, InstitutionFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_focal_point_acts_only_for_their_own_institution():
    focal_point = FocalPointFactory()

    assert is_focal_point_of(focal_point, focal_point.institution)
    assert not is_focal_point_of(focal_point, InstitutionFactory())
    assert not is_focal_point_of(focal_point, None)


def test_member_of_an_institution_who_is_not_its_focal_point_cannot_act_for_it():
    person = UserFactory(institution=InstitutionFactory())

    assert not is_focal_point(person)
    assert not is_focal_point_of(person, person.institution)


def test_inactive_focal_point_cannot_act():
    focal_point = FocalPointFactory(is_active=False)

    assert not is_focal_point_of(focal_point, focal_point.institution)


def test_visitor_is_no_focal_point():
    assert not is_focal_point(AnonymousUser())
