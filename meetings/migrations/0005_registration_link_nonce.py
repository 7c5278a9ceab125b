"""Each registration's links carry a nonce of its own, so that a new link, or
a withdrawal, makes the links sent before it stop working. The links sent
before this migration signed the registration's id alone: they stop working,
and their page offers to send a new one."""

from django.db import migrations, models

import accounts.models


def give_each_its_own_nonce(apps, schema_editor):
    # AddField gives every existing row the same value.
    Registration = apps.get_model("meetings", "Registration")
    for registration in Registration.objects.only("pk").iterator():
        Registration.objects.filter(pk=registration.pk).update(
            link_nonce=accounts.models.new_nonce()
        )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_registration_events_in_activity_log"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="link_nonce",
            field=models.CharField(
                default=accounts.models.new_nonce, editable=False, max_length=40
            ),
        ),
        migrations.RunPython(give_each_its_own_nonce, migrations.RunPython.noop),
    ]
