"""The target groups a program can serve; staff may add more in the admin."""

from django.db import migrations

TARGET_GROUPS = [
    ("youth", "Youth", "Jóvenes"),
    ("women", "Women", "Mujeres"),
    ("migrant-workers", "Migrant workers", "Trabajadores migrantes"),
    ("labor-inspectors", "Labor inspectors", "Inspectores del trabajo"),
    ("employers", "Employers", "Empleadores"),
    ("small-enterprises", "Small enterprises", "Pequeñas empresas"),
    ("workers", "Workers", "Trabajadores"),
    ("unemployed", "Unemployed people", "Personas desempleadas"),
    ("informal-workers", "Informal workers", "Trabajadores informales"),
    ("ministry-staff", "Ministry staff", "Personal de los ministerios"),
    ("persons-with-disabilities", "Persons with disabilities", "Personas con discapacidad"),
    ("children", "Children and adolescents", "Niños, niñas y adolescentes"),
]


def create_target_groups(apps, schema_editor):
    TargetGroup = apps.get_model("portfolio", "TargetGroup")
    for slug, name_en, name_es in TARGET_GROUPS:
        TargetGroup.objects.update_or_create(
            slug=slug, defaults={"name": name_en, "name_en": name_en, "name_es": name_es}
        )


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0002_search_indexes")]

    operations = [migrations.RunPython(create_target_groups, migrations.RunPython.noop)]
