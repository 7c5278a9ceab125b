"""PostgreSQL only: what the apps' generated search columns are built with
(core/search.py).

- ``rial_unaccent(text)``: the unaccent extension's function declared
  immutable, as a generated column or an index requires (the extension's own
  is only stable because its dictionary could change; ours is fixed).
- ``rial_english``, ``rial_spanish``, ``rial_portuguese``, ``rial_french``:
  copies of PostgreSQL's configurations that remove accents before stemming,
  so that "capacitacion" finds "capacitación" through the index.

SQLite has none of this and searches with LIKE.
"""

from django.db import migrations

from core.search import postgresql_statements

CONFIGURATIONS = {
    "rial_english": "english",
    "rial_spanish": "spanish",
    "rial_portuguese": "portuguese",
    "rial_french": "french",
}

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE OR REPLACE FUNCTION rial_unaccent(text) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT "
    "AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$",
]
for name, base in CONFIGURATIONS.items():
    CREATE += [
        f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{base})",
        f"ALTER TEXT SEARCH CONFIGURATION {name} "
        f"ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, {base}_stem",
    ]

DROP = [f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}" for name in CONFIGURATIONS] + [
    "DROP FUNCTION IF EXISTS rial_unaccent(text)"
]


class Migration(migrations.Migration):
    dependencies = [("network", "0006_principal_contact_and_notices")]

    operations = [postgresql_statements(CREATE, DROP)]
