"""The search columns of news items are the database's, each under a GIN
index on PostgreSQL (core/search.py)."""

import django.contrib.postgres.search
import django.db.models.functions.text
from django.db import migrations, models

import core.search

INDEXES = [
    "CREATE INDEX newsletter_newsitem_search_vector_gin ON newsletter_newsitem USING gin (search_vector)",
    "CREATE INDEX newsletter_newsitem_search_title_trgm ON newsletter_newsitem USING gin (search_title gin_trgm_ops)",
]
DROP = [
    "DROP INDEX IF EXISTS newsletter_newsitem_search_title_trgm",
    "DROP INDEX IF EXISTS newsletter_newsitem_search_vector_gin",
]


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0003_issues_and_disabled_subscribers"),
        ("network", "0007_text_search_configurations"),
    ]

    operations = [
        migrations.AddField(
            model_name="newsitem",
            name="search_title",
            field=models.GeneratedField(
                db_persist=True,
                expression=core.search.PostgreSQLOnly(
                    django.db.models.functions.text.Lower(core.search.Unaccent(models.F("title"))),
                    output_field=models.TextField(),
                ),
                output_field=models.TextField(),
            ),
        ),
        migrations.AddField(
            model_name="newsitem",
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
                                                    models.Case(
                                                        models.When(
                                                            language="en", then=models.F("title")
                                                        ),
                                                        default=models.Value(""),
                                                        output_field=models.TextField(),
                                                    ),
                                                    config="rial_english",
                                                    weight="A",
                                                ),
                                                "||",
                                                django.contrib.postgres.search.SearchVector(
                                                    models.Case(
                                                        models.When(
                                                            language="es", then=models.F("title")
                                                        ),
                                                        default=models.Value(""),
                                                        output_field=models.TextField(),
                                                    ),
                                                    config="rial_spanish",
                                                    weight="A",
                                                ),
                                                django.contrib.postgres.search.SearchConfig(
                                                    "rial_english"
                                                ),
                                            ),
                                            "||",
                                            django.contrib.postgres.search.SearchVector(
                                                models.Case(
                                                    models.When(
                                                        language="pt", then=models.F("title")
                                                    ),
                                                    default=models.Value(""),
                                                    output_field=models.TextField(),
                                                ),
                                                config="rial_portuguese",
                                                weight="A",
                                            ),
                                            django.contrib.postgres.search.SearchConfig(
                                                "rial_english"
                                            ),
                                        ),
                                        "||",
                                        django.contrib.postgres.search.SearchVector(
                                            models.Case(
                                                models.When(language="fr", then=models.F("title")),
                                                default=models.Value(""),
                                                output_field=models.TextField(),
                                            ),
                                            config="rial_french",
                                            weight="A",
                                        ),
                                        django.contrib.postgres.search.SearchConfig("rial_english"),
                                    ),
                                    "||",
                                    django.contrib.postgres.search.SearchVector(
                                        models.Case(
                                            models.When(language="en", then=models.F("text")),
                                            default=models.Value(""),
                                            output_field=models.TextField(),
                                        ),
                                        config="rial_english",
                                        weight="B",
                                    ),
                                    django.contrib.postgres.search.SearchConfig("rial_english"),
                                ),
                                "||",
                                django.contrib.postgres.search.SearchVector(
                                    models.Case(
                                        models.When(language="es", then=models.F("text")),
                                        default=models.Value(""),
                                        output_field=models.TextField(),
                                    ),
                                    config="rial_spanish",
                                    weight="B",
                                ),
                                django.contrib.postgres.search.SearchConfig("rial_english"),
                            ),
                            "||",
                            django.contrib.postgres.search.SearchVector(
                                models.Case(
                                    models.When(language="pt", then=models.F("text")),
                                    default=models.Value(""),
                                    output_field=models.TextField(),
                                ),
                                config="rial_portuguese",
                                weight="B",
                            ),
                            django.contrib.postgres.search.SearchConfig("rial_english"),
                        ),
                        "||",
                        django.contrib.postgres.search.SearchVector(
                            models.Case(
                                models.When(language="fr", then=models.F("text")),
                                default=models.Value(""),
                                output_field=models.TextField(),
                            ),
                            config="rial_french",
                            weight="B",
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
