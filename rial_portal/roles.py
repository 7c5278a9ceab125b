"""Staff roles: Django groups and the permissions each one holds.

Staff rights come from these groups, never from ``is_superuser``. The groups
are created by migrations (``0002_staff_groups``, ``0005_fund_officer_and_editor``);
their permissions are granted after every ``migrate`` by
``grant_role_permissions``, because Django creates a new model's permissions
only once its app has migrated.
"""

from django.contrib.auth.models import Group, Permission

TECHNICAL_SECRETARIAT = "Technical Secretariat"
FUND_OFFICER = "Fund officer"
EDITOR = "Editor"

# The apps whose records the Technical Secretariat runs from the admin
# (django_celery_beat: the periodic tasks' schedules).
SECRETARIAT_APPS = (
    "django_celery_beat",
    "core",
    "network",
    "accounts",
    "portfolio",
    "meetings",
    "fund",
    "cooperation",
    "newsletter",
    "library",
    "forum",
    "evaluations",
)

# Records staff may not remove or rewrite: accounts are deactivated (their
# history stays with the institution), the member states are the OAS's own
# list, the fund's books are corrected by voiding or reversing, never by
# deleting; a registration ends by being declined or withdrawn (so that its
# place goes to the waiting list). Cooperation requests come from the
# ministries and stay as the record of the fund's decisions; their reviews
# are written by the services only (the admin's scoring page calls them).
# The activity log, every record's moves, is written by the workflows'
# transitions only.
WITHHELD = frozenset(
    {
        "core.add_activitylog",
        "core.change_activitylog",
        "core.delete_activitylog",
        "network.delete_user",
        "network.delete_memberstate",
        "fund.delete_pledge",
        "fund.delete_contribution",
        "fund.delete_allocation",
        "fund.delete_expense",
        "fund.delete_closedyear",
        "fund.change_closedyear",
        "meetings.add_registration",
        "meetings.delete_registration",
        "cooperation.add_request",
        "cooperation.delete_request",
        "cooperation.add_review",
        "cooperation.change_review",
        "cooperation.delete_review",
    }
)

# What every staff role may look up to fill its forms (autocomplete fields).
DIRECTORY_LOOKUPS = frozenset(
    {"network.view_institution", "network.view_memberstate", "network.view_topic"}
)


def _grants_secretariat(app_label, codename, model):
    return app_label in SECRETARIAT_APPS


def _grants_fund_officer(app_label, codename, model):
    return app_label == "fund" or f"{app_label}.{codename}" in DIRECTORY_LOOKUPS


def _grants_editor(app_label, codename, model):
    return (
        app_label in ("portfolio", "newsletter") or f"{app_label}.{codename}" in DIRECTORY_LOOKUPS
    )


ROLES = {
    TECHNICAL_SECRETARIAT: _grants_secretariat,
    FUND_OFFICER: _grants_fund_officer,
    EDITOR: _grants_editor,
}


def role_permissions(role, app_label):
    """The permissions of ``app_label`` that ``role`` holds: what its rule
    grants, never a withheld one, and only view on history tables (history
    is never edited)."""
    grants = ROLES[role]
    permissions = Permission.objects.filter(content_type__app_label=app_label).select_related(
        "content_type"
    )
    return [
        permission
        for permission in permissions
        if grants(app_label, permission.codename, permission.content_type.model)
        and f"{app_label}.{permission.codename}" not in WITHHELD
        and not (
            permission.content_type.model.startswith("historical")
            and not permission.codename.startswith("view_")
        )
    ]


def grant_role_permissions(sender, using="default", **kwargs):
    """post_migrate receiver: give each staff group the permissions of the app
    that has just migrated. Idempotent; a group not created yet is skipped."""
    for group in Group.objects.using(using).filter(name__in=ROLES):
        group.permissions.add(*role_permissions(group.name, sender.label))
