"""The program's search columns are the database's: a generated tsvector
(each text stemmed in its language, accents removed) and the titles folded for
trigram matching, each under a GIN index on PostgreSQL (core/search.py)."""

import django.contrib.postgres.search
import django.db.models.functions.text
from django.db import migrations, models

import core.search

INDEXES = [
    "CREATE INDEX portfolio_program_search_vector_gin "
    "ON portfolio_program USING gin (search_vector)",
    "CREATE INDEX portfolio_program_search_title_trgm "
    "ON portfolio_program USING gin (search_title gin_trgm_ops)",
]

DROP = [
    "DROP INDEX IF EXISTS portfolio_program_search_title_trgm",
    "DROP INDEX IF EXISTS portfolio_program_search_vector_gin",
]


class Migration(migrations.Migration):
    dependencies = [
        ("portfolio", "0003_target_groups"),
        ("network", "0007_text_search_configurations"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="program",
            name="search_vector",
        ),
        migrations.AddField(
            model_name="program",
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
            model_name="program",
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
                                                django.contrib.postgres.search.CombinedSearchVector(
                                                    django.contrib.postgres.search.CombinedSearchVector(
                                                        django.contrib.postgres.search.CombinedSearchVector(
                                                            django.contrib.postgres.search.CombinedSearchVector(
                                                                django.contrib.postgres.search.SearchVector(
                                                                    "title_en",
                                                                    config="rial_english",
                                                                    weight="A",
                                                                ),
                                                                "||",
                                                                django.contrib.postgres.search.SearchVector(
                                                                    "title_es",
                                                                    config="rial_spanish",
                                                                    weight="A",
                                                                ),
                                                                django.contrib.postgres.search.SearchConfig(
                                                                    "rial_english"
                                                                ),
                                                            ),
                                                            "||",
                                                            django.contrib.postgres.search.SearchVector(
                                                                "title_pt",
                                                                config="rial_portuguese",
                                                                weight="A",
                                                            ),
                                                            django.contrib.postgres.search.SearchConfig(
                                                                "rial_english"
                                                            ),
                                                        ),
                                                        "||",
                                                        django.contrib.postgres.search.SearchVector(
                                                            "title_fr",
                                                            config="rial_french",
                                                            weight="A",
                                                        ),
                                                        django.contrib.postgres.search.SearchConfig(
                                                            "rial_english"
                                                        ),
                                                    ),
                                                    "||",
                                                    django.contrib.postgres.search.SearchVector(
                                                        "summary_en",
                                                        config="rial_english",
                                                        weight="B",
                                                    ),
                                                    django.contrib.postgres.search.SearchConfig(
                                                        "rial_english"
                                                    ),
                                                ),
                                                "||",
                                                django.contrib.postgres.search.SearchVector(
                                                    "summary_es", config="rial_spanish", weight="B"
                                                ),
                                                django.contrib.postgres.search.SearchConfig(
                                                    "rial_english"
                                                ),
                                            ),
                                            "||",
                                            django.contrib.postgres.search.SearchVector(
                                                "summary_pt", config="rial_portuguese", weight="B"
                                            ),
                                            django.contrib.postgres.search.SearchConfig(
                                                "rial_english"
                                            ),
                                        ),
                                        "||",
                                        django.contrib.postgres.search.SearchVector(
                                            "summary_fr", config="rial_french", weight="B"
                                        ),
                                        django.contrib.postgres.search.SearchConfig("rial_english"),
                                    ),
                                    "||",
                                    django.contrib.postgres.search.SearchVector(
                                        models.Case(
                                            models.When(language="en", then=models.F("objectives")),
                                            default=models.Value(""),
                                            output_field=models.TextField(),
                                        ),
                                        models.Case(
                                            models.When(
                                                language="en", then=models.F("target_population")
                                            ),
                                            default=models.Value(""),
                                            output_field=models.TextField(),
                                        ),
                                        models.Case(
                                            models.When(
                                                language="en", then=models.F("main_activities")
                                            ),
                                            default=models.Value(""),
                                            output_field=models.TextField(),
                                        ),
                                        models.Case(
                                            models.When(language="en", then=models.F("results")),
                                            default=models.Value(""),
                                            output_field=models.TextField(),
                                        ),
                                        config="rial_english",
                                        weight="C",
                                    ),
                                    django.contrib.postgres.search.SearchConfig("rial_english"),
                                ),
                                "||",
                                django.contrib.postgres.search.SearchVector(
                                    models.Case(
                                        models.When(language="es", then=models.F("objectives")),
                                        default=models.Value(""),
                                        output_field=models.TextField(),
                                    ),
                                    models.Case(
                                        models.When(
                                            language="es", then=models.F("target_population")
                                        ),
                                        default=models.Value(""),
                                        output_field=models.TextField(),
                                    ),
                                    models.Case(
                                        models.When(
                                            language="es", then=models.F("main_activities")
                                        ),
                                        default=models.Value(""),
                                        output_field=models.TextField(),
                                    ),
                                    models.Case(
                                        models.When(language="es", then=models.F("results")),
                                        default=models.Value(""),
                                        output_field=models.TextField(),
                                    ),
                                    config="rial_spanish",
                                    weight="C",
                                ),
                                django.contrib.postgres.search.SearchConfig("rial_english"),
                            ),
                            "||",
                            django.contrib.postgres.search.SearchVector(
                                models.Case(
                                    models.When(language="pt", then=models.F("objectives")),
                                    default=models.Value(""),
                                    output_field=models.TextField(),
                                ),
                                models.Case(
                                    models.When(language="pt", then=models.F("target_population")),
                                    default=models.Value(""),
                                    output_field=models.TextField(),
                                ),
                                models.Case(
                                    models.When(language="pt", then=models.F("main_activities")),
                                    default=models.Value(""),
                                    output_field=models.TextField(),
                                ),
                                models.Case(
                                    models.When(language="pt", then=models.F("results")),
                                    default=models.Value(""),
                                    output_field=models.TextField(),
                                ),
                                config="rial_portuguese",
                                weight="C",
                            ),
                            django.contrib.postgres.search.SearchConfig("rial_english"),
                        ),
                        "||",
                        django.contrib.postgres.search.SearchVector(
                            models.Case(
                                models.When(language="fr", then=models.F("objectives")),
                                default=models.Value(""),
                                output_field=models.TextField(),
                            ),
                            models.Case(
                                models.When(language="fr", then=models.F("target_population")),
                                default=models.Value(""),
                                output_field=models.TextField(),
                            ),
                            models.Case(
                                models.When(language="fr", then=models.F("main_activities")),
                                default=models.Value(""),
                                output_field=models.TextField(),
                            ),
                            models.Case(
                                models.When(language="fr", then=models.F("results")),
                                default=models.Value(""),
                                output_field=models.TextField(),
                            ),
                            config="rial_french",
                            weight="C",
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
