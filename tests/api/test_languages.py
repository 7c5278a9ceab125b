"""Translated texts in the language asked for, saying which language each is in."""

import pytest
from django.utils import translation

from api.languages import served_language
from tests.factories import TopicFactory
from tests.meetings.factories import MeetingFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def test_lang_chooses_the_translation_and_says_so(api):
    topic = TopicFactory(slug="gender", name_en="Gender equality", name_es="Igualdad de género")

    spanish = api("topic-detail", {"slug": topic.slug}, lang="es")

    assert spanish.json()["name"] == "Igualdad de género"
    assert spanish.json()["name_language"] == "es"
    assert spanish["Content-Language"] == "es"


def test_accept_language_chooses_the_translation(client):
    TopicFactory(slug="gender", name_en="Gender equality", name_es="Igualdad de género")

    response = client.get("/api/v1/topics/gender/", headers={"accept-language": "es"})

    assert response.json()["name"] == "Igualdad de género"
    assert response["Content-Language"] == "es"


def test_a_missing_translation_falls_back_and_says_which_language_it_is(api):
    program = ProgramFactory(
        language="es", title_en="", title_es="Inspección en línea", summary_en="", summary_es="Un"
    )

    data = api("program-detail", {"slug": program.slug}, lang="pt").json()

    assert data["title"] == "Inspección en línea"
    assert data["title_language"] == "es"
    assert data["original_language"] == "es"


def test_portuguese_and_french_content_is_served_though_the_interface_lacks_them(api):
    meeting = MeetingFactory(title_en="Workshop", title_fr="Atelier", description_en="")

    data = api("meeting-detail", {"slug": meeting.slug}, lang="fr").json()

    assert data["title"] == "Atelier"
    assert data["title_language"] == "fr"
    assert data["description_language"] is None


def test_an_unknown_language_is_400(api):
    TopicFactory(slug="gender")

    response = api("topic-detail", {"slug": "gender"}, lang="xx")

    assert response.status_code == 400
    assert list(response.json()) == ["lang"]


def test_served_language_follows_the_fallbacks():
    topic = TopicFactory(name_en="Child labor", name_es="Trabajo infantil", description_en="")

    with translation.override("es"):
        assert served_language(topic, "name") == "es"
    with translation.override("pt"):
        assert served_language(topic, "name") == "en"
        assert served_language(topic, "description") is None
