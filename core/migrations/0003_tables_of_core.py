"""The shared records under the core app's own table and index names."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_shared_records"),
    ]

    operations = [
        migrations.RenameIndex(
            model_name="activitylog",
            new_name="core_activi_content_bce235_idx",
            old_name="network_act_content_5f0b63_idx",
        ),
        migrations.RenameIndex(
            model_name="emaildelivery",
            new_name="core_emaild_status_c699fe_idx",
            old_name="network_ema_status_2c4cbb_idx",
        ),
        migrations.AlterModelTable(
            name="activitylog",
            table=None,
        ),
        migrations.AlterModelTable(
            name="emaildelivery",
            table=None,
        ),
    ]
