"""How an issue reads (newsletter.rendering): per language, per topics, and
each subscriber's own unsubscribe link."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsletter import rendering, services
from newsletter.models import Issue
from tests.factories import SecretariatStaffFactory, TopicFactory
from tests.newsletter.factories import NewsItemFactory, SubscriberFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fund_above_minimum(settings):
    settings.FUND_MINIMUM_ANNUAL_BUDGET = Decimal("0")


def new_issue(**fields):
    return services.issue_create(issue=Issue(**fields), user=SecretariatStaffFactory())


def copies(issue, subscribers):
    recipients = [(s, f"https://rial.example.org/unsubscribe/{s.pk}/") for s in subscribers]
    return list(rendering.issue_emails(issue, recipients))


def test_preview_is_in_the_language_asked_for():
    ProgramFactory(title_en="Labor inspection", title_es="Inspección laboral")
    issue = new_issue(
        title_en="Spring news",
        title_es="Noticias de primavera",
        introduction_en="Dear colleagues.",
        introduction_es="Estimados colegas.\n\nSegundo párrafo.",
    )

    spanish = rendering.issue_preview(issue, "es")
    english = rendering.issue_preview(issue, "en")

    assert spanish.subject == "Noticias de primavera"
    assert "Estimados colegas." in spanish.text
    assert "<p>Estimados colegas.</p>" in re.sub(r"<p [^>]*>", "<p>", spanish.html)
    assert "Segundo párrafo." in spanish.html
    assert "Inspección laboral" in spanish.text
    assert 'lang="es"' in spanish.html
    assert english.subject == "Spring news"
    assert "Dear colleagues." in english.text
    assert "Labor inspection" in english.html


def test_a_language_without_its_texts_gets_a_numbered_subject_and_the_first_introduction():
    ProgramFactory(title_en="Labor inspection", title_es="Inspección laboral")
    issue = new_issue(title_en="Spring news", introduction_en="Dear colleagues.")

    french = rendering.issue_preview(issue, "fr")

    assert french.subject == f"Bulletin du RIAL n° {issue.number}"
    assert "Dear colleagues." in french.text
    # A program's title falls back to its original language.
    assert "Labor inspection" in french.text


def test_titles_are_escaped_in_html_and_kept_in_plain_text():
    NewsItemFactory(title="Jobs & <Skills>")
    issue = new_issue()

    preview = rendering.issue_preview(issue, "en")

    assert "Jobs &amp; &lt;Skills&gt;" in preview.html
    assert "Jobs & <Skills>" in preview.text


def test_dropped_and_vanished_items_are_left_out():
    kept, dropped, deleted = NewsItemFactory(), NewsItemFactory(), NewsItemFactory()
    issue = new_issue()
    issue.items.filter(object_id=dropped.pk).update(included=False)
    deleted.delete()

    preview = rendering.issue_preview(issue, "en")

    assert kept.title in preview.text
    assert dropped.title not in preview.text
    assert deleted.title not in preview.text


def test_subscribers_read_the_items_of_their_topics_and_those_of_no_topic():
    inspection, migration = TopicFactory(), TopicFactory()
    about_inspection = NewsItemFactory(topic=inspection)
    about_migration = NewsItemFactory(topic=migration)
    general = NewsItemFactory(topic=None)
    issue = new_issue()
    chooser = SubscriberFactory(topics=[inspection])
    everything = SubscriberFactory()

    chooser_copy, everything_copy = copies(issue, [chooser, everything])

    assert about_inspection.title in chooser_copy.body
    assert general.title in chooser_copy.body
    assert about_migration.title not in chooser_copy.body
    for news in (about_inspection, about_migration, general):
        assert news.title in everything_copy.body
        assert news.title in everything_copy.html_body


def test_each_copy_is_in_its_readers_language():
    ProgramFactory(title_en="Labor inspection", title_es="Inspección laboral")
    issue = new_issue(title_en="News", title_es="Noticias")
    english = SubscriberFactory(languages=["en"])
    spanish = SubscriberFactory(languages=["es", "en"])

    english_copy, spanish_copy = copies(issue, [english, spanish])

    assert (english_copy.subject, spanish_copy.subject) == ("News", "Noticias")
    assert "Labor inspection" in english_copy.body
    assert "Inspección laboral" in spanish_copy.body


def test_news_reach_each_reader_in_their_language_or_in_its_own():
    NewsItemFactory(
        language="es",
        title="Nueva ley de aprendizaje",
        text="La ley fue aprobada.",
        title_en="New apprenticeship law",
        text_en="The law passed.",
    )
    NewsItemFactory(language="es", title="Oficina abierta", text="Se abrió.")
    issue = new_issue(title_en="News", title_es="Noticias")
    english = SubscriberFactory(languages=["en"])
    spanish = SubscriberFactory(languages=["es"])

    english_copy, spanish_copy = copies(issue, [english, spanish])

    assert "New apprenticeship law" in english_copy.body
    assert "The law passed." in english_copy.body
    assert "Oficina abierta" in english_copy.body
    assert "Nueva ley de aprendizaje" in spanish_copy.body
    assert "La ley fue aprobada." in spanish_copy.body
    assert "New apprenticeship law" not in spanish_copy.body


def test_each_copy_carries_its_readers_unsubscribe_link_and_headers():
    NewsItemFactory()
    issue = new_issue()
    first, second = SubscriberFactory(), SubscriberFactory()

    first_copy, second_copy = copies(issue, [first, second])

    for subscriber, copy in ((first, first_copy), (second, second_copy)):
        link = f"https://rial.example.org/unsubscribe/{subscriber.pk}/"
        assert copy.key == f"newsletter:issue:{issue.pk}:subscriber:{subscriber.pk}"
        assert copy.to == subscriber.email
        assert link in copy.body
        assert f'href="{link}"' in copy.html_body
        assert "unsubscribe-link-" not in copy.body + copy.html_body
        assert copy.headers["List-Unsubscribe"] == f"<{link}>"
        assert copy.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_unsubscribe_header_offers_a_mailbox_when_one_is_set(settings):
    settings.NEWSLETTER_UNSUBSCRIBE_MAILTO = "unsubscribe@rial.example.org"

    headers = rendering.unsubscribe_headers("https://rial.example.org/u/1/")

    assert headers["List-Unsubscribe"] == (
        "<https://rial.example.org/u/1/>, <mailto:unsubscribe@rial.example.org?subject=unsubscribe>"
    )


def test_the_fund_call_states_the_projection_and_the_minimum(settings):
    settings.FUND_MINIMUM_ANNUAL_BUDGET = Decimal("120000")
    issue = new_issue()

    preview = rendering.issue_preview(issue, "en")

    text = " ".join(preview.text.split())
    assert "Call for contributions" in text
    assert "US$0, is below the US$120,000 the Ministries agreed" in text
    assert "/fund/" in preview.text


def test_copies_of_one_version_differ_only_by_the_unsubscribe_link():
    inspection = TopicFactory()
    NewsItemFactory(topic=inspection)
    NewsItemFactory(topic=None)
    issue = new_issue()
    subscribers = [
        *SubscriberFactory.create_batch(3, languages=["en"]),
        *SubscriberFactory.create_batch(3, languages=["es"], topics=[inspection]),
    ]

    result = copies(issue, subscribers)

    assert len(result) == 6
    bodies = {re.sub(r"/unsubscribe/\d+/", "", copy.body) for copy in result}
    assert len(bodies) == 2


def test_an_issues_items_load_in_the_same_queries_whatever_their_number():
    for _n in range(3):
        NewsItemFactory(topic=TopicFactory())
        ProgramFactory()
    issue = new_issue()

    def entries_and_queries():
        with CaptureQueriesContext(connection) as queries:
            entries = rendering.issue_entries(issue, "en")
        return len(entries), len(queries)

    six, queries_for_six = entries_and_queries()
    kept = [issue.items.filter(kind=kind).first().pk for kind in ("news", "program")]
    issue.items.exclude(pk__in=kept).update(included=False)
    two, queries_for_two = entries_and_queries()

    assert (six, two) == (6, 2)
    assert queries_for_six == queries_for_two
