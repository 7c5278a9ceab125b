"""The visitors' cache (core/visitor_cache.py): pages come from the cache
for anonymous visitors, are renewed by the very next request after any
write or at a moment the clock brings, and never reach, or come from,
someone signed in.

Writes must commit for the cache to hear of them, as in production: these
tests run outside the test transaction (``transaction=True``)."""

import contextlib
import datetime
import io
import uuid
from decimal import Decimal

import docx
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cooperation.enums import RequestStatus
from cooperation.models import Request
from core import visitor_cache
from library import tasks as library_tasks
from library.models import LibraryFile
from meetings.enums import RegistrationStatus, Visibility
from meetings.models import Registration
from network.models import Topic
from portfolio import services
from portfolio.enums import ProgramStatus
from portfolio.models import Program
from portfolio.views import program_cards
from tests.cooperation.factories import CallFactory, RequestFactory
from tests.factories import (
    FocalPointFactory,
    MemberStateFactory,
    SecretariatStaffFactory,
    TopicFactory,
)
from tests.fund.factories import ContributionFactory, ExpenseFactory
from tests.library.factories import LibraryItemFactory
from tests.meetings.factories import MeetingFactory, RegistrationFactory
from tests.meetings.roles import make_user
from tests.portfolio.factories import ProgramFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("visitor_cache_on")]


def queries(client, url, **kwargs):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **kwargs)
    return response, len(context.captured_queries)


def public_pages(program):
    """Where a published program shows to a visitor."""
    return [
        reverse("portfolio:program_list"),
        program.get_absolute_url(),
        reverse("search:search") + "?q=" + program.title_en.split()[0],
        reverse("api:program-list"),
    ]


def test_a_visitor_s_second_request_is_served_from_the_cache_without_a_query(client):
    ProgramFactory(title_en="Labour inspection in the field")
    url = reverse("portfolio:program_list")
    first, first_queries = queries(client, url)
    second, second_queries = queries(client, url)
    assert first_queries > 0
    assert second_queries == 0
    assert second.content == first.content
    assert "Labour inspection in the field" in second.content.decode()
    assert second["Cache-Control"] == "public, no-cache"
    assert second["ETag"] == first["ETag"]
    assert "Accept-Language" in second["Vary"]
    assert "Cookie" in second["Vary"]


def test_an_unchanged_page_is_a_304_for_a_proxy_or_browser_that_kept_it(client):
    url = reverse("portfolio:program_list")
    etag = client.get(url)["ETag"]
    response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""


def test_a_published_program_shows_on_the_next_request_everywhere_and_an_archived_one_goes(
    secretariat_group,
):
    program = ProgramFactory(
        title_en="Employment observatory for youth", status=ProgramStatus.SUBMITTED
    )
    staff = SecretariatStaffFactory()
    owner = FocalPointFactory(institution=program.owner)
    visitor = Client()
    pages = public_pages(program)

    def shown(url):
        response = visitor.get(url)
        return response.status_code == 200 and "Employment observatory" in response.content.decode()

    # Visited, hence stored, while the program waits for review.
    assert not any(shown(url) for url in pages)
    assert not any(shown(url) for url in pages)

    services.program_publish(program=program, user=staff)
    assert all(shown(url) for url in pages)

    services.program_archive(program=program, user=owner)
    listed = [url for url in pages if url != program.get_absolute_url()]
    assert not any(shown(url) for url in listed)
    assert "archived" in visitor.get(program.get_absolute_url()).content.decode().lower()


def test_every_write_renews_the_pages_even_one_that_sends_no_signal(client):
    program = ProgramFactory(title_en="Social dialogue tables")
    url = reverse("portfolio:program_list")
    assert "Social dialogue tables" in client.get(url).content.decode()
    Program.objects.filter(pk=program.pk).update(status=ProgramStatus.ARCHIVED)
    assert "Social dialogue tables" not in client.get(url).content.decode()


def test_a_signed_in_person_never_gets_the_visitors_copy_nor_gives_theirs(client):
    url = reverse("portfolio:program_list")
    visitor = Client()
    visitor.get(url)
    focal_point = FocalPointFactory(full_name="Marisol Quispe")
    client.force_login(focal_point)

    mine = client.get(url)
    assert "Marisol" in mine.content.decode()
    assert "private" in mine["Cache-Control"]

    # And what was rendered for them is not what a visitor gets next.
    client.get(url)
    theirs = visitor.get(url).content.decode()
    assert "Marisol" not in theirs


def test_a_signed_in_person_s_requests_leave_the_visitors_pages_in_the_cache(client):
    """Their session is saved on every request: not a change anyone sees."""
    client.force_login(FocalPointFactory())
    token = visitor_cache.content_version()
    client.get(reverse("accounts:dashboard"))
    assert visitor_cache.content_version() == token


def test_each_language_has_its_own_copy(client):
    url = reverse("portfolio:program_list")
    pages = {}
    for language, _name in settings.LANGUAGES:
        pages[language] = client.get(url, headers={"accept-language": language})
        assert pages[language]["Content-Language"] == language
    assert len({page.content for page in pages.values()}) == len(settings.LANGUAGES)
    for language, page in pages.items():
        assert client.get(url, headers={"accept-language": language}).content == page.content


def test_htmx_results_and_the_whole_page_are_kept_apart(client):
    url = reverse("portfolio:program_list")
    whole = client.get(url).content.decode()
    part = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" in whole
    assert "<html" not in part
    assert "<html" in client.get(url).content.decode()


def test_a_page_carrying_a_csrf_token_is_never_stored(client):
    """Each rendering masks the token afresh: a stored copy would repeat it."""
    url = reverse("login")
    first, second = client.get(url), client.get(url)
    assert "csrfmiddlewaretoken" in second.content.decode()
    assert first.context["csrf_token"] != second.context["csrf_token"]
    assert "public" not in second.get("Cache-Control", "")


def test_the_header_carries_no_csrf_token_for_a_visitor(client):
    page = client.get(reverse("home")).content.decode()
    assert "csrfmiddlewaretoken" not in page
    assert reverse("switch_language") in page


def noon():
    """Today at noon: two hours on stay within the day, whenever the test runs."""
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(12)))


def test_a_call_for_proposals_opening_renews_the_pages_at_that_moment():
    now = noon()
    opens = now + datetime.timedelta(hours=2)
    CallFactory(opens_at=opens, closes_at=opens + datetime.timedelta(days=30))
    token = visitor_cache.content_version(now)
    assert visitor_cache.content_version(opens - datetime.timedelta(seconds=1)) == token
    assert visitor_cache.content_version(opens) != token


def test_a_meeting_s_registration_closing_renews_the_pages_at_that_moment():
    now = noon()
    closes = now + datetime.timedelta(minutes=30)
    MeetingFactory(
        registration_opens_at=now - datetime.timedelta(days=1), registration_closes_at=closes
    )
    token = visitor_cache.content_version(now)
    assert visitor_cache.content_version(closes) != token


def test_a_new_day_renews_the_pages():
    now = timezone.now()
    token = visitor_cache.content_version(now)
    assert visitor_cache.content_version(now + datetime.timedelta(days=1)) != token


def test_off_means_every_request_renders(client, settings):
    settings.VISITOR_CACHE = False
    url = reverse("portfolio:program_list")
    client.get(url)
    assert queries(client, url)[1] > 0


@pytest.mark.redis
def test_the_cache_is_shared_through_redis(client, settings):
    """Two web nodes (two processes here: the test and a fresh cache
    connection) read the same copy and the same content version."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": settings.REDIS_URL,
            "KEY_PREFIX": f"visitor-cache-test-{uuid.uuid4()}",
        }
    }
    program = ProgramFactory(title_en="Shared across nodes")
    url = reverse("portfolio:program_list")
    client.get(url)
    assert queries(client, url)[1] == 0
    Program.objects.filter(pk=program.pk).update(status=ProgramStatus.ARCHIVED)
    assert "Shared across nodes" not in client.get(url).content.decode()


# The language switcher --------------------------------------------------------


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES if code != "en"])
def test_switching_language_sets_the_cookie_and_goes_back(client, language):
    response = client.get(reverse("switch_language"), {"language": language, "next": "/programs/"})
    assert response.status_code == 302
    assert response["Location"] == "/programs/"
    assert response.cookies["django_language"].value == language
    assert client.get("/programs/")["Content-Language"] == language


def test_switching_language_never_leaves_the_portal_nor_takes_an_unknown_language(client):
    response = client.get(
        reverse("switch_language"), {"language": "xx", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert "django_language" not in response.cookies


def test_a_rolled_back_write_renews_nothing_and_the_next_write_still_does():
    token = visitor_cache.content_version()
    with contextlib.suppress(RuntimeError), transaction.atomic():
        ProgramFactory()
        raise RuntimeError
    assert visitor_cache.content_version() == token
    with transaction.atomic():
        ProgramFactory()
    assert visitor_cache.content_version() != token


# Fragments: what a page cannot store whole, it keeps in parts -------------------


def test_a_filter_s_choices_are_built_once_per_change_even_for_someone_signed_in(client, settings):
    settings.FRAGMENT_CACHE = True
    client.force_login(FocalPointFactory())
    url = reverse("portfolio:program_list")
    first = queries(client, url)[1]
    assert queries(client, url)[1] < first

    TopicFactory(name_en="Green jobs")
    page = client.get(url).content.decode()
    assert "Green jobs" in page
    assert 'name="topic"' in page


def test_a_filter_keeps_what_the_reader_chose(client, settings):
    settings.FRAGMENT_CACHE = True
    topic = TopicFactory(name_en="Green jobs")
    url = reverse("portfolio:program_list")
    client.get(url)
    page = client.get(url, {"topic": topic.slug}).content.decode()
    assert f'<option value="{topic.slug}" selected>' in page
    assert f'<option value="{topic.slug}">' in client.get(url).content.decode()


def assert_kept_until_a_write(client, url, *, shows, write, then_shows=(), then_hides=()):
    """For someone signed in (the page itself is never stored): the second
    request reads fewer queries than the first, its fragments being kept,
    and the first request after ``write()`` renders them afresh."""
    first_queries = queries(client, url)[1]
    second, second_queries = queries(client, url)
    assert shows in second.content.decode()
    assert second_queries < first_queries
    write()
    page = client.get(url).content.decode()
    assert all(text in page for text in then_shows)
    assert not any(text in page for text in then_hides)


def test_a_member_state_s_sections_are_kept_until_a_write_changes_them(client, settings):
    settings.FRAGMENT_CACHE = True
    client.force_login(FocalPointFactory())
    program = ProgramFactory(title_en="Apprenticeships for youth")
    assert_kept_until_a_write(
        client,
        program.owner.member_state.get_absolute_url(),
        shows="Apprenticeships for youth",
        write=lambda: Program.objects.filter(pk=program.pk).update(status=ProgramStatus.ARCHIVED),
        then_hides=["Apprenticeships for youth"],
    )


def test_a_program_s_related_programs_are_kept_until_a_write_changes_them(client, settings):
    settings.FRAGMENT_CACHE = True
    topic = TopicFactory()
    program = ProgramFactory(topics=[topic])
    neighbour = ProgramFactory(title_en="Mediation services", topics=[topic])
    url = program.get_absolute_url()
    client.force_login(FocalPointFactory())
    assert "Mediation services" in client.get(url).content.decode()
    Program.objects.filter(pk=neighbour.pk).update(status=ProgramStatus.ARCHIVED)
    assert "Mediation services" not in client.get(url).content.decode()


def test_the_portfolio_s_cards_are_kept_and_a_list_of_kept_cards_loads_only_keys(client, settings):
    settings.FRAGMENT_CACHE = True
    ProgramFactory.create_batch(3, topics=[TopicFactory()])
    program = ProgramFactory(title_en="Labor inspection online")
    url = reverse("portfolio:program_list")
    client.force_login(FocalPointFactory())
    first_queries = queries(client, url)[1]
    second, second_queries = queries(client, url)
    assert second.content.decode().count('class="card mb-3"') == 4
    assert "Labor inspection online" in second.content.decode()
    # The topics, the offers and the rows of the programs are not read again.
    assert second_queries <= first_queries - 3

    Program.objects.filter(pk=program.pk).update(title_en="Labor inspection on the web")
    text = client.get(url).content.decode()
    assert "Labor inspection on the web" in text
    assert "Labor inspection online" not in text


@pytest.mark.parametrize("fragments", [True, False], ids=["fragments", "no fragments"])
def test_a_card_whose_program_is_gone_since_its_key_was_read_is_left_out(settings, fragments):
    settings.FRAGMENT_CACHE = fragments
    program = ProgramFactory(title_en="Still here")
    gone = ProgramFactory()
    gone_pk = gone.pk
    gone.delete()

    cards = program_cards([gone_pk, program.pk])

    assert len(cards) == 1
    assert "Still here" in cards[0]


def test_a_card_is_kept_in_each_language(client, settings):
    settings.FRAGMENT_CACHE = True
    ProgramFactory(title_en="Youth employment", title_es="Empleo juvenil")
    url = reverse("portfolio:program_list")
    assert "Youth employment" in client.get(url).content.decode()
    assert "Empleo juvenil" in client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()


@pytest.mark.parametrize("name", ["home", "network:member_state_list"])
def test_the_member_states_on_the_home_page_and_the_directory_are_kept_until_a_write(
    client, settings, name
):
    settings.FRAGMENT_CACHE = True
    MemberStateFactory(name_en="Barbados", subregion="caribbean")
    client.force_login(FocalPointFactory())
    assert_kept_until_a_write(
        client,
        reverse(name),
        shows="Barbados",
        write=lambda: MemberStateFactory(name_en="Suriname", subregion="caribbean"),
        then_shows=["Suriname"],
    )


def test_the_cooperation_activities_cards_are_kept_until_a_write_changes_them(client, settings):
    settings.FRAGMENT_CACHE = True
    activity = RequestFactory(status=RequestStatus.APPROVED, title="Mediation visit to Santiago")
    RequestFactory(status=RequestStatus.APPROVED)
    client.force_login(FocalPointFactory())
    url = reverse("cooperation:activity_list")
    first = client.get(url).content.decode()
    assert first.count('class="card mb-3"') == 2
    assert client.get(url).content.decode().count('class="card mb-3"') == 2

    Request.objects.filter(pk=activity.pk).update(title_en="Mediation visit to Lima")
    text = client.get(url).content.decode()
    assert "Mediation visit to Lima" in text
    assert "Mediation visit to Santiago" not in text


def test_a_meeting_s_participants_are_kept_until_a_registration_changes(client, settings):
    settings.FRAGMENT_CACHE = True
    meeting = MeetingFactory(participant_list="all")
    registration = RegistrationFactory(
        meeting=meeting, full_name="Ana Delegada", status=RegistrationStatus.APPROVED
    )
    client.force_login(FocalPointFactory())
    assert_kept_until_a_write(
        client,
        meeting.get_absolute_url(),
        shows="Ana Delegada",
        write=lambda: Registration.objects.filter(pk=registration.pk).update(
            status=RegistrationStatus.WITHDRAWN
        ),
        then_hides=["Ana Delegada"],
    )


def test_the_api_s_programs_are_kept_per_site_and_language_until_a_write(client, settings):
    settings.VISITOR_CACHE = False
    settings.FRAGMENT_CACHE = True
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    program = ProgramFactory(title_en="Labor inspection online", title_es="Inspección en línea")
    ProgramFactory.create_batch(2, topics=[TopicFactory()])
    url = reverse("api:program-list")
    first_queries = queries(client, url)[1]
    second, second_queries = queries(client, url)
    assert second_queries < first_queries
    assert [item["title"] for item in second.json()["results"]].count(
        "Labor inspection online"
    ) == 1
    assert "Inspección en línea" in client.get(url, {"lang": "es"}).content.decode()
    assert "http://other.example/" in client.get(url, HTTP_HOST="other.example").content.decode()

    Program.objects.filter(pk=program.pk).update(title_en="Labor inspection on the web")
    titles = [item["title"] for item in client.get(url).json()["results"]]
    assert "Labor inspection on the web" in titles
    assert "Labor inspection online" not in titles


def test_the_fund_s_statement_is_kept_until_a_record_changes_it(client, settings):
    settings.FRAGMENT_CACHE = True
    client.force_login(FocalPointFactory())
    ContributionFactory(amount=Decimal("12000.00"))
    assert_kept_until_a_write(
        client,
        reverse("fund:statement"),
        shows="12,000.00",
        write=lambda: ExpenseFactory(amount=Decimal("2500.50")),
        then_shows=["9,499.50"],
    )


def test_a_write_that_ignores_conflicts_renews_the_pages_too():
    token = visitor_cache.content_version()
    Topic.objects.bulk_create(
        [Topic(slug="green-jobs", name_en="Green jobs")], ignore_conflicts=True
    )
    assert visitor_cache.content_version() != token


def test_the_tables_whose_writes_no_page_shows_exist():
    """A misspelt name would only mean a needless renewal; a table renamed
    would mean the same: both are caught here."""
    assert set(connection.introspection.table_names()) >= visitor_cache.UNSEEN_TABLES


def test_the_meetings_list_is_kept_per_audience_until_a_write_changes_it(client, settings):
    settings.FRAGMENT_CACHE = True
    MeetingFactory(title_en="Open workshop")
    restricted = MeetingFactory(title_en="Closed session", visibility=Visibility.DELEGATES)
    delegate = make_user("delegate", restricted)
    url = reverse("meetings:meeting_list")

    first_queries = queries(client, url)[1]
    second, second_queries = queries(client, url)
    assert second_queries < first_queries
    assert "Open workshop" in second.content.decode()
    assert "Closed session" not in second.content.decode()

    # Who may see more never gets the visitors' copy, nor they theirs.
    for person in (delegate, FocalPointFactory()):
        reader = Client()
        reader.force_login(person)
        assert "Closed session" in reader.get(url).content.decode()
    assert "Closed session" not in client.get(url).content.decode()
    # Signed in, seeing what a visitor sees: the visitors' copy.
    reader = Client()
    reader.force_login(make_user("signed_in", restricted))
    assert "Closed session" not in reader.get(url).content.decode()

    MeetingFactory(title_en="Seminar just announced")
    assert "Seminar just announced" in client.get(url).content.decode()


def test_the_forum_s_public_pages_are_kept_for_visitors_and_fresh_after_a_post(client):
    from forum import services as forum_services
    from forum.enums import ReadAccess
    from forum.models import Follow
    from tests.forum.factories import PostFactory, SpaceFactory, ThreadFactory

    space = SpaceFactory(read_access=ReadAccess.PUBLIC)
    thread = ThreadFactory(space=space, title="Inspection as strategic planning")
    PostFactory(thread=thread)
    # Made before the pages are kept: a new person is a write the pages may show.
    follower = FocalPointFactory()
    pages = [reverse("forum:space_list"), space.get_absolute_url(), thread.get_absolute_url()]
    for url in pages:
        client.get(url)
    assert [queries(client, url)[1] for url in pages] == [0, 0, 0]

    # Following is the follower's own business: the visitors' pages stay.
    Follow.objects.create(user=follower, thread=thread)
    assert [queries(client, url)[1] for url in pages] == [0, 0, 0]

    forum_services.post_reply(thread=thread, user=FocalPointFactory(), body="Our 2015 plan")
    assert "Our 2015 plan" in client.get(thread.get_absolute_url()).content.decode()
    assert ">1</td>" in client.get(space.get_absolute_url()).content.decode()


# The Library's search inside the files -------------------------------------------


def test_a_library_search_finds_a_new_file_s_words_once_its_text_is_read(
    client, settings, tmp_path
):
    """The text is read by a task after the upload: its pages, written then,
    renew the stored searches, which find the new words on the next request."""
    settings.MEDIA_ROOT = tmp_path
    item = LibraryItemFactory(title_en="Annual report")
    url = reverse("library:item_list") + "?q=apprenticeships"
    assert "Annual report" not in client.get(url).content.decode()
    assert queries(client, url)[1] == 0

    document = docx.Document()
    document.add_paragraph("Apprenticeships in small enterprises.")
    buffer = io.BytesIO()
    document.save(buffer)
    library_file = LibraryFile.objects.create(
        item=item, language="en", file=ContentFile(buffer.getvalue(), name="report.docx")
    )
    assert "Annual report" not in client.get(url).content.decode()
    library_tasks.extract_file_text.apply(args=[library_file.pk])

    page = client.get(url).content.decode()
    assert "Annual report" in page
    assert "<mark>Apprenticeships</mark>" in page
