"""Two narrower staff roles beside the Technical Secretariat; rial_portal.roles
grants their permissions after migrate."""

from django.db import migrations

GROUPS = ["Fund officer", "Editor"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in GROUPS:
        Group.objects.using(schema_editor.connection.alias).get_or_create(name=name)


def delete_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("network", "0004_email_delivery")]

    operations = [migrations.RunPython(create_groups, delete_groups)]
