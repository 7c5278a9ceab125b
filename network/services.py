"""Workflows about people of the directory."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _


@transaction.atomic
def user_deactivate(*, user, by):
    """A focal point leaves: the account closes; what they did stays with
    their institution (programs belong to it), and history keeps their name."""
    if not (by.is_active and by.is_staff and by.has_perm("network.change_user")):
        raise PermissionDenied(_("Only the Technical Secretariat manages accounts."))
    user.is_active = False
    user.is_principal_contact = False
    user.save(update_fields=["is_active", "is_principal_contact"])
    return user
