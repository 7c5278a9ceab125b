"""The search columns of meetings and documents are the database's,
each under a GIN index on PostgreSQL (core/search.py)."""

import django.contrib.postgres.search
import django.db.models.functions.text
from django.db import migrations, models

import core.search

INDEXES = [
    "CREATE INDEX meetings_meeting_search_vector_gin ON meetings_meeting USING gin (search_vector)",
    "CREATE INDEX meetings_meeting_search_title_trgm ON meetings_meeting USING gin (search_title gin_trgm_ops)",
    "CREATE INDEX meetings_document_search_title_trgm ON meetings_document USING gin (search_title gin_trgm_ops)",
]
DROP = [
    "DROP INDEX IF EXISTS meetings_document_search_title_trgm",
    "DROP INDEX IF EXISTS meetings_meeting_search_title_trgm",
    "DROP INDEX IF EXISTS meetings_meeting_search_vector_gin",
]


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
        ("network", "0007_text_search_configurations"),
    ]

    operations = [
        migrations.AddField(
            model_name="document",
            name="search_title",
            field=models.GeneratedField(
                db_persist=True,
                expression=core.search.PostgreSQLOnly(
                    django.db.models.functions.text.Lower(
                        core.search.Unaccent(
                            django.db.models.functions.text.Concat(
                                models.F("symbol"),
                                models.Value(" "),
                                models.F("title_en"),
                                models.Value(" "),
                                models.F("title_es"),
                                models.Value(" "),
                                models.F("title_pt"),
                                models.Value(" "),
                                models.F("title_fr"),
                            )
                        )
                    ),
                    output_field=models.TextField(),
                ),
                output_field=models.TextField(),
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="search_title",
            field=models.GeneratedField(
                db_persist=True,
                expression=core.search.PostgreSQLOnly(
                    django.db.models.functions.text.Lower(
                        core.search.Unaccent(
                            django.db.models.functions.text.Concat(
                                models.F("title_en"),
                                models.Value(" "),
                                models.F("title_es"),
                                models.Value(" "),
                                models.F("title_pt"),
                                models.Value(" "),
                                models.F("title_fr"),
                            )
                        )
                    ),
                    output_field=models.TextField(),
                ),
                output_field=models.TextField(),
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=core.search.PostgreSQLOnly(
                    django.contrib.postgres.search.CombinedSearchVector(
                        django.contrib.postgres.search.CombinedSearchVector(
                            django.contrib.postgres.search.CombinedSearchVector(
                                django.contrib.postgres.search.CombinedSearchVector(
                                    django.contrib.postgres.search.CombinedSearchVector(
                                        django.contrib.postgres.search.CombinedSearchVector(
                                            django.contrib.postgres.search.CombinedSearchVector(
                                                django.contrib.postgres.search.SearchVector(
                                                    "title_en", config="rial_english", weight="A"
                                                ),
                                                "||",
                                                django.contrib.postgres.search.SearchVector(
                                                    "title_es", config="rial_spanish", weight="A"
                                                ),
                                                django.contrib.postgres.search.SearchConfig(
                                                    "rial_english"
                                                ),
                                            ),
                                            "||",
                                            django.contrib.postgres.search.SearchVector(
                                                "title_pt", config="rial_portuguese", weight="A"
                                            ),
                                            django.contrib.postgres.search.SearchConfig(
                                                "rial_english"
                                            ),
                                        ),
                                        "||",
                                        django.contrib.postgres.search.SearchVector(
                                            "title_fr", config="rial_french", weight="A"
                                        ),
                                        django.contrib.postgres.search.SearchConfig("rial_english"),
                                    ),
                                    "||",
                                    django.contrib.postgres.search.SearchVector(
                                        "description_en", config="rial_english", weight="B"
                                    ),
                                    django.contrib.postgres.search.SearchConfig("rial_english"),
                                ),
                                "||",
                                django.contrib.postgres.search.SearchVector(
                                    "description_es", config="rial_spanish", weight="B"
                                ),
                                django.contrib.postgres.search.SearchConfig("rial_english"),
                            ),
                            "||",
                            django.contrib.postgres.search.SearchVector(
                                "description_pt", config="rial_portuguese", weight="B"
                            ),
                            django.contrib.postgres.search.SearchConfig("rial_english"),
                        ),
                        "||",
                        django.contrib.postgres.search.SearchVector(
                            "description_fr", config="rial_french", weight="B"
                        ),
                        django.contrib.postgres.search.SearchConfig("rial_english"),
                    ),
                    output_field=django.contrib.postgres.search.SearchVectorField(),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        core.search.postgresql_statements(INDEXES, DROP),
    ]
