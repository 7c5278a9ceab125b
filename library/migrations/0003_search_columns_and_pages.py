"""The Library's search columns (core/search.py): the items' titles and
abstracts, and their files' text kept page by page, each a generated tsvector
under a GIN index on PostgreSQL; the pages of the files already read."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

import core.search
from library.extraction import split_pages

INDEXES = [
    "CREATE INDEX library_libraryitem_search_vector_gin "
    "ON library_libraryitem USING gin (search_vector)",
    "CREATE INDEX library_librarypage_search_vector_gin "
    "ON library_librarypage USING gin (search_vector)",
]

DROP = [
    "DROP INDEX IF EXISTS library_librarypage_search_vector_gin",
    "DROP INDEX IF EXISTS library_libraryitem_search_vector_gin",
]


def pages_of_files_read(apps, schema_editor):
    LibraryFile = apps.get_model("library", "LibraryFile")
    LibraryPage = apps.get_model("library", "LibraryPage")
    for library_file in LibraryFile.objects.exclude(text="").iterator(chunk_size=100):
        LibraryPage.objects.bulk_create(
            LibraryPage(
                file=library_file,
                item_id=library_file.item_id,
                language=library_file.language,
                number=number,
                text=page,
            )
            for number, page in split_pages(library_file.text, library_file.page_count)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0002_file_readable_on_upload"),
        ("network", "0007_text_search_configurations"),
    ]

    operations = [
        migrations.AddField(
            model_name="libraryitem",
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
                                                    django.contrib.postgres.search.SearchVector(
                                                        "identifier", config="simple", weight="A"
                                                    ),
                                                    "||",
                                                    django.contrib.postgres.search.SearchVector(
                                                        "title_en",
                                                        config="rial_english",
                                                        weight="A",
                                                    ),
                                                    django.contrib.postgres.search.SearchConfig(
                                                        "simple"
                                                    ),
                                                ),
                                                "||",
                                                django.contrib.postgres.search.SearchVector(
                                                    "title_es", config="rial_spanish", weight="A"
                                                ),
                                                django.contrib.postgres.search.SearchConfig(
                                                    "simple"
                                                ),
                                            ),
                                            "||",
                                            django.contrib.postgres.search.SearchVector(
                                                "title_pt", config="rial_portuguese", weight="A"
                                            ),
                                            django.contrib.postgres.search.SearchConfig("simple"),
                                        ),
                                        "||",
                                        django.contrib.postgres.search.SearchVector(
                                            "title_fr", config="rial_french", weight="A"
                                        ),
                                        django.contrib.postgres.search.SearchConfig("simple"),
                                    ),
                                    "||",
                                    django.contrib.postgres.search.SearchVector(
                                        "abstract_en", config="rial_english", weight="B"
                                    ),
                                    django.contrib.postgres.search.SearchConfig("simple"),
                                ),
                                "||",
                                django.contrib.postgres.search.SearchVector(
                                    "abstract_es", config="rial_spanish", weight="B"
                                ),
                                django.contrib.postgres.search.SearchConfig("simple"),
                            ),
                            "||",
                            django.contrib.postgres.search.SearchVector(
                                "abstract_pt", config="rial_portuguese", weight="B"
                            ),
                            django.contrib.postgres.search.SearchConfig("simple"),
                        ),
                        "||",
                        django.contrib.postgres.search.SearchVector(
                            "abstract_fr", config="rial_french", weight="B"
                        ),
                        django.contrib.postgres.search.SearchConfig("simple"),
                    ),
                    output_field=django.contrib.postgres.search.SearchVectorField(),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.CreateModel(
            name="LibraryPage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        choices=[
                            ("en", "English"),
                            ("es", "Spanish"),
                            ("pt", "Portuguese"),
                            ("fr", "French"),
                        ],
                        max_length=2,
                        verbose_name="language",
                    ),
                ),
                ("number", models.PositiveIntegerField(blank=True, null=True, verbose_name="page")),
                ("text", models.TextField(verbose_name="text")),
                (
                    "search_vector",
                    models.GeneratedField(
                        db_persist=True,
                        expression=core.search.PostgreSQLOnly(
                            django.contrib.postgres.search.CombinedSearchVector(
                                django.contrib.postgres.search.CombinedSearchVector(
                                    django.contrib.postgres.search.CombinedSearchVector(
                                        django.contrib.postgres.search.SearchVector(
                                            models.Case(
                                                models.When(language="en", then=models.F("text")),
                                                default=models.Value(""),
                                                output_field=models.TextField(),
                                            ),
                                            config="rial_english",
                                            weight="C",
                                        ),
                                        "||",
                                        django.contrib.postgres.search.SearchVector(
                                            models.Case(
                                                models.When(language="es", then=models.F("text")),
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
                                            models.When(language="pt", then=models.F("text")),
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
                                        models.When(language="fr", then=models.F("text")),
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
                (
                    "file",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="pages",
                        to="library.libraryfile",
                        verbose_name="language version",
                    ),
                ),
                (
                    "item",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="library.libraryitem",
                        verbose_name="item",
                    ),
                ),
            ],
            options={
                "verbose_name": "page of text",
                "verbose_name_plural": "pages of text",
                "ordering": ["file", "number", "pk"],
            },
        ),
        core.search.postgresql_statements(INDEXES, DROP),
        migrations.RunPython(pages_of_files_read, migrations.RunPython.noop),
    ]
