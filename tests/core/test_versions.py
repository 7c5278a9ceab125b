"""Content keeps its original language; the reader's version comes first and
the others are one click away (core/versions.py, on the program and news
pages)."""

import pytest
from django.utils import translation

from core.versions import content_versions, language_shown
from tests.newsletter.factories import NewsItemFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

ENGLISH = {"accept-language": "en"}
SPANISH = {"accept-language": "es"}


def bilingual_program():
    return ProgramFactory(
        language="es",
        title_es="Inspección del trabajo",
        summary_es="Un programa que funcionó.",
        title_en="Labor inspection",
        summary_en="A program that worked.",
        objectives="Mejorar las inspecciones.",
    )


def spanish_program():
    return ProgramFactory(
        language="es",
        title_en=None,
        summary_en="",
        title_es="Conciliación laboral",
        summary_es="Conciliaciones extrajudiciales.",
    )


def test_the_reader_gets_their_language_and_a_link_to_the_other():
    program = bilingual_program()

    with translation.override("en"):
        versions = content_versions(program, fields=("title", "summary"))

    assert versions.shown.code == "en"
    assert versions.texts == {"title": "Labor inspection", "summary": "A program that worked."}
    assert [version.code for version in versions.others] == ["es"]
    assert versions.others[0].name == "Spanish"
    assert not versions.is_fallback


def test_a_requested_version_is_shown_and_is_no_fallback():
    program = bilingual_program()

    with translation.override("en"):
        versions = content_versions(program, fields=("title", "summary"), requested="es")

    assert versions.shown.code == "es"
    assert versions.texts["title"] == "Inspección del trabajo"
    assert [version.code for version in versions.others] == ["en"]
    assert versions.chosen
    assert not versions.is_fallback


@pytest.mark.parametrize("requested", ["fr", "xx", "", None, "<script>", "es\x00"])
def test_a_version_that_does_not_exist_is_ignored(requested):
    program = bilingual_program()

    with translation.override("es"):
        versions = content_versions(program, fields=("title", "summary"), requested=requested)

    assert versions.shown.code == "es"
    assert not versions.chosen


def test_without_the_reader_version_the_original_is_shown_as_a_fallback():
    program = spanish_program()

    with translation.override("en"):
        versions = content_versions(program, fields=("title", "summary"))

    assert versions.shown.code == "es"
    assert versions.is_fallback
    assert versions.only_one
    assert str(versions.shown.name) == "Spanish"


def test_a_version_needs_every_field():
    """A title alone is not a version: the summary would be in another language."""
    program = spanish_program()
    program.title_en = "Labor conciliation"

    with translation.override("en"):
        versions = content_versions(program, fields=("title", "summary"))

    assert versions.shown.code == "es"
    assert versions.only_one


def test_untranslated_content_has_one_version_in_its_language():
    news = NewsItemFactory(title="Noticia", text="Texto.", language="es")

    with translation.override("en"):
        versions = content_versions(news, fields=("title", "text"))

    assert versions.shown.code == "es"
    assert versions.texts == {"title": "Noticia", "text": "Texto."}
    assert versions.is_fallback
    assert versions.only_one


def test_language_shown_follows_modeltranslation_fallbacks():
    program = spanish_program()

    with translation.override("en"):
        assert language_shown(program, "title") == "es"
        assert program.title == "Conciliación laboral"
    with translation.override("es"):
        assert language_shown(bilingual_program(), "title") == "es"


def test_program_page_in_english_links_to_the_spanish_version(client):
    program = bilingual_program()

    html = client.get(program.get_absolute_url(), headers=ENGLISH).content.decode()

    assert '<h1 class="h2" lang="en">Labor inspection</h1>' in html
    assert '<p class="lead" lang="en">A program that worked.</p>' in html
    assert 'href="?version=es" hreflang="es">Read in Spanish</a>' in html
    assert "available in" not in html
    # The untranslated details stay in the original language, and say so.
    assert "The details below are in Spanish" in html
    assert '<div lang="es">' in html


def test_program_page_shows_the_version_asked_for(client):
    program = bilingual_program()

    response = client.get(program.get_absolute_url(), {"version": "es"}, headers=ENGLISH)

    html = response.content.decode()
    assert '<h1 class="h2" lang="es">Inspección del trabajo</h1>' in html
    assert 'href="?version=en" hreflang="en">Read in English</a>' in html
    assert "<title>Inspección del trabajo · RIAL</title>" in html
    assert "The details below" not in html


def test_program_page_in_spanish_shows_the_spanish_version(client):
    program = bilingual_program()

    html = client.get(program.get_absolute_url(), headers=SPANISH).content.decode()

    assert '<h1 class="h2" lang="es">Inspección del trabajo</h1>' in html
    assert 'href="?version=en" hreflang="en">Leer en inglés</a>' in html


def test_language_names_in_the_switch_are_in_the_readers_language(client):
    program = bilingual_program()

    html = client.get(
        program.get_absolute_url(), {"version": "en"}, headers=SPANISH
    ).content.decode()

    assert 'href="?version=es" hreflang="es">Leer en español</a>' in html


def test_program_page_says_when_the_program_exists_in_one_language_only(client):
    program = spanish_program()

    html = client.get(program.get_absolute_url(), headers=ENGLISH).content.decode()

    assert '<h1 class="h2" lang="es">Conciliación laboral</h1>' in html
    assert "This program is available in Spanish only." in html
    assert "?version=" not in html


def test_news_page_marks_its_language_and_says_it_has_one(client):
    news = NewsItemFactory(title="Nueva oficina", text="Se abrió.", language="es")

    english = client.get(news.get_absolute_url(), headers=ENGLISH)
    spanish = client.get(news.get_absolute_url(), headers=SPANISH)

    html = english.content.decode()
    assert '<h1 class="h2" lang="es">Nueva oficina</h1>' in html
    assert "This news item is available in Spanish only." in html
    assert '<div lang="es">' in html
    assert english.context["versions"].is_fallback
    assert not spanish.context["versions"].is_fallback


@pytest.mark.parametrize("version", ["xx", "<script>", "es\x00", "e" * 500])
def test_a_bad_version_parameter_is_ignored(client, version):
    program = bilingual_program()
    news = NewsItemFactory()

    for url in (program.get_absolute_url(), news.get_absolute_url()):
        response = client.get(url, {"version": version}, headers=ENGLISH)
        assert response.status_code == 200
        assert response.context["versions"].shown.code == response.context["versions"].reader.code


def test_a_page_in_several_languages_names_them_and_gives_their_alternates(client):
    program = bilingual_program()

    html = client.get(program.get_absolute_url(), headers=SPANISH).content.decode()

    page = f"http://testserver{program.get_absolute_url()}"
    assert f'<link rel="alternate" hreflang="en" href="{page}?version=en">' in html
    assert f'<link rel="alternate" hreflang="es" href="{page}?version=es">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="{page}">' in html
    assert "Idiomas de este contenido: inglés, español" in html


def test_a_page_in_one_language_names_it_and_gives_no_alternates(client):
    program = ProgramFactory(language="en", title_en="Labor inspection", summary_en="It worked.")

    html = client.get(program.get_absolute_url(), headers=ENGLISH).content.decode()

    assert "Languages of this content: English" in html
    assert 'rel="alternate" hreflang' not in html
