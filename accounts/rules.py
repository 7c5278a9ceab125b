"""Who may do what with accounts: one function per rule."""


def can_manage_accounts(user):
    """Invite people, revoke invitations, erase accounts: the Technical
    Secretariat's staff who may invite."""
    return user.is_active and user.is_staff and user.has_perm("accounts.add_invitation")
