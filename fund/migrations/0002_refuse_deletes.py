"""On PostgreSQL the database itself refuses to delete a record of the books,
whatever code or console tries (Django's model and queryset delete() refuse
too, on any database)."""

from django.db import migrations

TABLES = ["fund_pledge", "fund_contribution", "fund_allocation", "fund_expense"]

FUNCTION = """
CREATE OR REPLACE FUNCTION fund_refuse_delete() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Financial records are never deleted: void them with a reason.';
END;
$$ LANGUAGE plpgsql
"""


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION)
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_refuse_delete BEFORE DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION fund_refuse_delete()"
        )


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_refuse_delete ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS fund_refuse_delete()")


class Migration(migrations.Migration):
    dependencies = [("fund", "0001_initial")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
