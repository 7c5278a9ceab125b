"""News items in several languages, as programs are: the title and text get a
column per content language (0006 moves each item's text into its own
language's column, 0007 makes the search read every version)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0004_search_columns"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalnewsitem",
            name="text_en",
            field=models.TextField(
                help_text="Plain text; a blank line starts a paragraph.",
                null=True,
                verbose_name="text",
            ),
        ),
        migrations.AddField(
            model_name="historicalnewsitem",
            name="text_es",
            field=models.TextField(
                help_text="Plain text; a blank line starts a paragraph.",
                null=True,
                verbose_name="text",
            ),
        ),
        migrations.AddField(
            model_name="historicalnewsitem",
            name="text_fr",
            field=models.TextField(
                help_text="Plain text; a blank line starts a paragraph.",
                null=True,
                verbose_name="text",
            ),
        ),
        migrations.AddField(
            model_name="historicalnewsitem",
            name="text_pt",
            field=models.TextField(
                help_text="Plain text; a blank line starts a paragraph.",
                null=True,
                verbose_name="text",
            ),
        ),
        migrations.AddField(
            model_name="historicalnewsitem",
            name="title_en",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="historicalnewsitem",
            name="title_es",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="historicalnewsitem",
            name="title_fr",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="historicalnewsitem",
            name="title_pt",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="text_en",
            field=models.TextField(
                help_text="Plain text; a blank line starts a paragraph.",
                null=True,
                verbose_name="text",
            ),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="text_es",
            field=models.TextField(
                help_text="Plain text; a blank line starts a paragraph.",
                null=True,
                verbose_name="text",
            ),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="text_fr",
            field=models.TextField(
                help_text="Plain text; a blank line starts a paragraph.",
                null=True,
                verbose_name="text",
            ),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="text_pt",
            field=models.TextField(
                help_text="Plain text; a blank line starts a paragraph.",
                null=True,
                verbose_name="text",
            ),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="title_en",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="title_es",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="title_fr",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="title_pt",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
    ]
