"""The email deliveries and the activity log are the core app's now
(core 0002): gone from this app's state, their tables untouched."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0010_language_choices_follow_settings"),
        ("core", "0002_shared_records"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="activitylog",
                    name="actor",
                ),
                migrations.RemoveField(
                    model_name="activitylog",
                    name="content_type",
                ),
                migrations.DeleteModel(
                    name="EmailDelivery",
                ),
                migrations.DeleteModel(
                    name="ActivityLog",
                ),
            ]
        ),
    ]
