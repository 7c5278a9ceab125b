"""The portfolio's permission rules as a matrix: role by program state."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portfolio import rules
from portfolio.enums import ProgramStatus
from tests.factories import FocalPointFactory, SecretariatStaffFactory, UserFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "visitor",
    "owner_focal_point",
    "other_focal_point",
    "delegate",
    "staff",
    "staff_without_group",
    "inactive_owner_focal_point",
]


def make_user(role, program):
    return {
        "visitor": lambda: AnonymousUser(),
        "owner_focal_point": lambda: FocalPointFactory(institution=program.owner),
        "other_focal_point": lambda: FocalPointFactory(),
        "delegate": lambda: UserFactory(),
        "staff": lambda: SecretariatStaffFactory(),
        "staff_without_group": lambda: UserFactory(is_staff=True),
        "inactive_owner_focal_point": lambda: FocalPointFactory(
            institution=program.owner, is_active=False
        ),
    }[role]()


EDITORS = {"owner_focal_point", "staff"}


@pytest.mark.parametrize("status", ProgramStatus.values)
@pytest.mark.parametrize("role", ROLES)
def test_can_view_program(role, status):
    program = ProgramFactory(status=status)
    public = status in (ProgramStatus.PUBLISHED, ProgramStatus.ARCHIVED)

    assert rules.can_view_program(make_user(role, program), program) == (public or role in EDITORS)


@pytest.mark.parametrize("status", ProgramStatus.values)
@pytest.mark.parametrize("role", ROLES)
def test_can_edit_program(role, status):
    program = ProgramFactory(status=status)

    assert rules.can_edit_program(make_user(role, program), program) == (role in EDITORS)


@pytest.mark.parametrize("role", ROLES)
def test_can_create_program(role):
    program = ProgramFactory()

    assert rules.can_create_program(make_user(role, program)) == (
        role in ("owner_focal_point", "other_focal_point")
    )


def test_focal_point_of_an_organization_cannot_create_programs():
    from tests.factories import OrganizationFactory

    assert not rules.can_create_program(FocalPointFactory(institution=OrganizationFactory()))


@pytest.mark.parametrize("role", ROLES)
def test_can_review_and_export(role):
    user = make_user(role, ProgramFactory())

    assert rules.can_review_program(user) == (role == "staff")
    assert rules.can_export_programs(user) == (role == "staff")


@pytest.mark.django_db
@pytest.mark.parametrize("title", ["New", "Mine", "Feed"])
def test_a_program_never_takes_the_slug_of_a_fixed_page(title):
    program = ProgramFactory(title_en=title)

    assert program.slug not in {"new", "mine", "feed"}
