"""Who may keep the fund's books: Secretariat staff with the permissions of
their group. Everyone may read the public statement."""

from network.rules import is_active_user


def can_keep_books(user):
    return (
        is_active_user(user)
        and user.is_staff
        and user.has_perm("fund.add_contribution")
        and user.has_perm("fund.add_expense")
    )


def can_view_books(user):
    return is_active_user(user) and user.is_staff and user.has_perm("fund.view_contribution")


def can_view_expense_documents(user):
    """The supporting documents (invoices, receipts) are the books' own, never public."""
    return is_active_user(user) and user.is_staff and user.has_perm("fund.view_expense")
