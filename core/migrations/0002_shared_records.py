"""The email deliveries and the activity log move from the network app to
core: in Django's state only (their tables stay, under their old names, until
0003 renames them), with their content types, so that the permissions staff
groups hold on them and the admin's history keep pointing at them.

It runs after the migrations that wrote the log as the network app's model
(cooperation 0003-0004, meetings 0004-0006)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MODELS = ("emaildelivery", "activitylog")


def move_content_types(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=old, model__in=MODELS).update(app_label=new)
    ContentType.objects.clear_cache()


def content_types_to_core(apps, schema_editor):
    move_content_types(apps, "network", "core")


def content_types_to_network(apps, schema_editor):
    move_content_types(apps, "core", "network")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0001_periodic_tasks_in_core"),
        ("network", "0010_language_choices_follow_settings"),
        ("cooperation", "0004_remove_request_events"),
        ("meetings", "0006_remove_registration_events"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EmailDelivery",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("key", models.CharField(max_length=255, unique=True, verbose_name="key")),
                        ("to", models.EmailField(max_length=254, verbose_name="to")),
                        ("subject", models.CharField(max_length=255, verbose_name="subject")),
                        ("body", models.TextField(verbose_name="body")),
                        ("html_body", models.TextField(blank=True, verbose_name="HTML body")),
                        (
                            "headers",
                            models.JSONField(blank=True, default=dict, verbose_name="headers"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Pending"),
                                    ("sending", "Sending"),
                                    ("sent", "Sent"),
                                    ("failed", "Failed"),
                                ],
                                default="pending",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "attempts",
                            models.PositiveSmallIntegerField(default=0, verbose_name="attempts"),
                        ),
                        ("last_error", models.TextField(blank=True, verbose_name="last error")),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="created"),
                        ),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                        (
                            "sent_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="sent"),
                        ),
                    ],
                    options={
                        "verbose_name": "email delivery",
                        "verbose_name_plural": "email deliveries",
                        "db_table": "network_emaildelivery",
                        "ordering": ["-created_at"],
                        "indexes": [
                            models.Index(
                                fields=["status", "updated_at"],
                                name="network_ema_status_2c4cbb_idx",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="ActivityLog",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("object_id", models.PositiveBigIntegerField(verbose_name="record")),
                        ("action", models.CharField(max_length=40, verbose_name="action")),
                        ("from_state", models.CharField(max_length=20, verbose_name="from")),
                        ("to_state", models.CharField(max_length=20, verbose_name="to")),
                        ("comment", models.TextField(blank=True, verbose_name="comment")),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="when"
                            ),
                        ),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="by",
                            ),
                        ),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="contenttypes.contenttype",
                                verbose_name="kind of record",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "activity log entry",
                        "verbose_name_plural": "activity log",
                        "db_table": "network_activitylog",
                        "ordering": ["created_at", "pk"],
                        "indexes": [
                            models.Index(
                                fields=["content_type", "object_id", "created_at"],
                                name="network_act_content_5f0b63_idx",
                            )
                        ],
                    },
                ),
            ]
        ),
        migrations.RunPython(content_types_to_core, content_types_to_network),
    ]
