"""The people whose rights the meetings' tests compare: a visitor, a signed-in
person with no role, a focal point, an approved delegate of the meeting, a
person whose registration is still waiting, and Technical Secretariat staff."""

from django.contrib.auth.models import AnonymousUser

from meetings.enums import RegistrationStatus
from tests.factories import FocalPointFactory, SecretariatStaffFactory, UserFactory
from tests.meetings.factories import RegistrationFactory

ROLES = ["visitor", "signed_in", "focal_point", "delegate", "pending_delegate", "staff"]


def make_user(role, meeting):
    if role == "visitor":
        return AnonymousUser()
    if role == "focal_point":
        return FocalPointFactory()
    if role == "staff":
        return SecretariatStaffFactory()
    user = UserFactory()
    if role in ("delegate", "pending_delegate"):
        RegistrationFactory(
            meeting=meeting,
            email=user.email,
            status=(
                RegistrationStatus.APPROVED if role == "delegate" else RegistrationStatus.SUBMITTED
            ),
        )
    return user


def sign_in(client, user):
    if user.is_authenticated:
        client.force_login(user)
    return client
