"""Each news item's title and text move into the columns of its own language
(0005); the original columns stay, as modeltranslation keeps them."""

from django.db import migrations, models


def texts_into_their_language(apps, schema_editor):
    for model_name in ("NewsItem", "HistoricalNewsItem"):
        model = apps.get_model("newsletter", model_name)
        for language in ("en", "es", "pt", "fr"):
            model.objects.filter(language=language).update(
                **{f"title_{language}": models.F("title"), f"text_{language}": models.F("text")}
            )


def texts_back_from_their_language(apps, schema_editor):
    for model_name in ("NewsItem", "HistoricalNewsItem"):
        model = apps.get_model("newsletter", model_name)
        for language in ("en", "es", "pt", "fr"):
            model.objects.filter(language=language).exclude(
                **{f"title_{language}__isnull": True}
            ).update(title=models.F(f"title_{language}"), text=models.F(f"text_{language}"))


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0005_news_in_several_languages"),
    ]

    operations = [
        migrations.RunPython(texts_into_their_language, texts_back_from_their_language),
    ]
