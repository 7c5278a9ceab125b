"""Staff roles: Django groups and the permissions each one holds.

Staff rights come from these groups, never from ``is_superuser``. The groups
are created by a migration (``0002_staff_groups``); their permissions are
granted after every ``migrate`` by ``grant_role_permissions``, because Django
creates a new model's permissions only once its app has migrated.
"""

from django.contrib.auth.models import Group, Permission

TECHNICAL_SECRETARIAT = "Technical Secretariat"

# The apps whose records the Technical Secretariat runs from the admin.
SECRETARIAT_APPS = ("network", "portfolio", "meetings", "fund", "cooperation", "newsletter")

# Records staff may not remove: accounts are deactivated (their history stays
# with the institution), the member states are the OAS's own list, and the
# fund's books are corrected by voiding or reversing, never by deleting.
SECRETARIAT_WITHHELD = frozenset(
    {
        "network.delete_user",
        "network.delete_memberstate",
        "fund.delete_pledge",
        "fund.delete_contribution",
        "fund.delete_allocation",
        "fund.delete_expense",
    }
)


def secretariat_permissions(app_label):
    """The permissions of ``app_label`` that the Technical Secretariat holds:
    all of them, but only view on history tables (history is never edited)."""
    if app_label not in SECRETARIAT_APPS:
        return Permission.objects.none()
    permissions = Permission.objects.filter(content_type__app_label=app_label).select_related(
        "content_type"
    )
    return [
        permission
        for permission in permissions
        if f"{app_label}.{permission.codename}" not in SECRETARIAT_WITHHELD
        and not (
            permission.content_type.model.startswith("historical")
            and not permission.codename.startswith("view_")
        )
    ]


def grant_role_permissions(sender, using="default", **kwargs):
    """post_migrate receiver: give each staff group the permissions of the app
    that has just migrated. Idempotent; a group missing (an unmigrated database
    being flushed) is left alone."""
    group = Group.objects.using(using).filter(name=TECHNICAL_SECRETARIAT).first()
    if group is None:
        return
    group.permissions.add(*secretariat_permissions(sender.label))
