"""The news search reads every language version of the title and text: a
generated column cannot be altered, so both are dropped, with their indexes,
and added again."""

import django.contrib.postgres.search
import django.db.models.functions.text
from django.db import migrations, models

import core.search

INDEXES = [
    "CREATE INDEX newsletter_newsitem_search_vector_gin ON newsletter_newsitem USING gin (search_vector)",
    "CREATE INDEX newsletter_newsitem_search_title_trgm ON newsletter_newsitem USING gin (search_title gin_trgm_ops)",
]


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0006_news_texts_in_their_language"),
    ]

    operations = [
        # Undone, the search columns come back without their indexes: make them.
        core.search.postgresql_statements([], INDEXES),
        migrations.RemoveField(model_name="newsitem", name="search_title"),
        migrations.RemoveField(model_name="newsitem", name="search_vector"),
        migrations.AddField(
            model_name="newsitem",
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
                                        "text_en", config="rial_english", weight="B"
                                    ),
                                    django.contrib.postgres.search.SearchConfig("rial_english"),
                                ),
                                "||",
                                django.contrib.postgres.search.SearchVector(
                                    "text_es", config="rial_spanish", weight="B"
                                ),
                                django.contrib.postgres.search.SearchConfig("rial_english"),
                            ),
                            "||",
                            django.contrib.postgres.search.SearchVector(
                                "text_pt", config="rial_portuguese", weight="B"
                            ),
                            django.contrib.postgres.search.SearchConfig("rial_english"),
                        ),
                        "||",
                        django.contrib.postgres.search.SearchVector(
                            "text_fr", config="rial_french", weight="B"
                        ),
                        django.contrib.postgres.search.SearchConfig("rial_english"),
                    ),
                    output_field=django.contrib.postgres.search.SearchVectorField(),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        core.search.postgresql_statements(INDEXES, []),
    ]
