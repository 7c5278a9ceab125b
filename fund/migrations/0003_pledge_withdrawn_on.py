"""The day a pledge was withdrawn, so that a statement of a period ending
before it still shows the pledge open. Pledges withdrawn before this field
existed take the day their withdrawal was recorded (from their history)."""

from django.db import migrations, models
from django.utils import timezone


def withdrawn_on():
    return models.DateField(
        blank=True,
        help_text="The day the institution said it would not pay.",
        null=True,
        verbose_name="withdrawn on",
    )


def date_withdrawals(apps, schema_editor):
    Pledge = apps.get_model("fund", "Pledge")
    HistoricalPledge = apps.get_model("fund", "HistoricalPledge")
    for pledge in Pledge.objects.filter(status="withdrawn", withdrawn_on__isnull=True):
        first = (
            HistoricalPledge.objects.filter(id=pledge.pk, status="withdrawn")
            .order_by("history_date")
            .first()
        )
        if first is not None:
            withdrawn_on = timezone.localtime(first.history_date).date()
            # update(): no history record, no rule of today's code.
            Pledge.objects.filter(pk=pledge.pk).update(withdrawn_on=withdrawn_on)


class Migration(migrations.Migration):
    dependencies = [
        ("fund", "0002_refuse_deletes"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalpledge", name="withdrawn_on", field=withdrawn_on()
        ),
        migrations.AddField(model_name="pledge", name="withdrawn_on", field=withdrawn_on()),
        migrations.RunPython(date_withdrawals, migrations.RunPython.noop),
    ]
