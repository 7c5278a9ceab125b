"""PostgreSQL only: the unaccent extension, so that a search for "conciliacion"
finds "conciliación" (the global search unaccents both sides). SQLite has no
such function and searches with LIKE."""

from django.db import migrations


def create_extension(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")


class Migration(migrations.Migration):
    dependencies = []

    # Not dropped when reversed: another app may come to rely on it.
    operations = [migrations.RunPython(create_extension, migrations.RunPython.noop)]
