"""The issues in the admin: create, reorder and drop items, preview, test,
schedule, send with a confirmation, follow the progress; who may do what."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from core.enums import DeliveryStatus
from core.models import EmailDelivery
from newsletter import services
from newsletter.enums import IssueStatus
from newsletter.models import Issue
from rial_portal.roles import EDITOR, FUND_OFFICER
from tests.conftest import sign_in_with_second_factor
from tests.factories import SecretariatStaffFactory, UserFactory
from tests.newsletter.factories import NewsItemFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

ISSUE_PAGES = ("preview", "test", "compile", "schedule", "unschedule", "send", "progress")


@pytest.fixture(autouse=True)
def fund_above_minimum(settings):
    settings.FUND_MINIMUM_ANNUAL_BUDGET = Decimal("0")


def new_issue(**fields):
    return services.issue_create(issue=Issue(**fields), user=SecretariatStaffFactory())


def url(name, issue):
    return reverse(f"admin:newsletter_issue_{name}", args=[issue.pk])


def form_data(response):
    """The change page's form as a browser would post it back unchanged."""
    form = response.context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update(
            {management.add_prefix(name): management[name].value() for name in management.fields}
        )
        for item_form in formset.forms:
            data.update(
                {item_form.add_prefix(name): item_form[name].value() for name in item_form.fields}
            )
    return {name: value for name, value in data.items() if value is not None}


# Creating and editing -------------------------------------------------------------


def test_adding_an_issue_numbers_it_and_proposes_its_content(staff_client):
    news = NewsItemFactory()

    response = staff_client.post(
        reverse("admin:newsletter_issue_add"),
        {"title_en": "Spring news", "introduction_en": "Dear colleagues.", "_continue": "1"},
    )

    issue = Issue.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("change", issue)
    assert (issue.number, issue.title_en, issue.status) == (1, "Spring news", IssueStatus.DRAFT)
    assert [item.content for item in issue.items.all()] == [news]


def test_staff_reorder_and_drop_items(staff_client):
    first, second, third = NewsItemFactory(), NewsItemFactory(), NewsItemFactory()
    issue = new_issue()
    data = form_data(staff_client.get(url("change", issue)))
    positions = {first.pk: 30, second.pk: 10, third.pk: 20}
    for index, item in enumerate(issue.items.all()):
        data[f"items-{index}-position"] = positions[item.object_id]
        data[f"items-{index}-included"] = item.object_id != third.pk
    data["introduction_en"] = "Three news."

    response = staff_client.post(url("change", issue), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert [(item.content, item.included) for item in issue.items.all()] == [
        (second, True),
        (third, False),
        (first, True),
    ]
    issue.refresh_from_db()
    assert issue.introduction_en == "Three news."
    preview = staff_client.get(url("preview", issue) + "?language=en&format=text")
    text = preview.content.decode()
    assert text.index(second.title) < text.index(first.title)
    assert third.title not in text


def test_an_issue_being_sent_is_read_only(staff_client):
    NewsItemFactory()
    issue = new_issue()
    Issue.objects.filter(pk=issue.pk).update(status=IssueStatus.SENDING)

    response = staff_client.get(url("change", issue))

    assert response.status_code == 200
    assert not response.context["has_change_permission"]
    assert url("progress", issue) in response.content.decode()
    assert url("send", issue) not in response.content.decode()


def test_admin_pages_load(staff_client):
    NewsItemFactory()
    issue = new_issue()
    scheduled = new_issue(title_en="Scheduled")
    Issue.objects.filter(pk=scheduled.pk).update(
        status=IssueStatus.SCHEDULED, scheduled_for=timezone.now()
    )

    for page in (
        reverse("admin:newsletter_issue_changelist"),
        reverse("admin:newsletter_issue_changelist") + "?status__exact=draft",
        reverse("admin:newsletter_issue_add"),
        url("change", issue),
        url("change", scheduled),
        url("compile", issue),
        url("schedule", issue),
        url("unschedule", scheduled),
        url("send", issue),
        reverse("admin:django_celery_beat_periodictask_changelist"),
    ):
        assert staff_client.get(page).status_code == 200, page


def test_the_issue_list_runs_the_same_queries_for_one_issue_or_three(staff_client, count_queries):
    new_issue()
    one = count_queries(reverse("admin:newsletter_issue_changelist"))
    new_issue()
    new_issue()

    assert count_queries(reverse("admin:newsletter_issue_changelist")) == one


def test_an_issue_page_runs_the_same_queries_for_one_item_or_three(staff_client, count_queries):
    NewsItemFactory()
    few = new_issue()
    # Sent for a moment, so that the next issue proposes only the newer news.
    Issue.objects.filter(pk=few.pk).update(
        status=IssueStatus.SENT, sending_started_at=timezone.now()
    )
    NewsItemFactory.create_batch(3)
    many = new_issue()
    Issue.objects.filter(pk=few.pk).update(status=IssueStatus.DRAFT)
    assert few.items.count() == 1
    assert many.items.count() == 3

    count_queries(url("change", few))  # content types are looked up once, then cached

    assert count_queries(url("change", many)) == count_queries(url("change", few))


# Preview and test ------------------------------------------------------------------


def test_preview_per_language_in_html_and_plain_text(staff_client):
    NewsItemFactory(title="Apprenticeship law")
    issue = new_issue(
        title_en="Spring news",
        title_es="Noticias de primavera",
        introduction_en="Dear colleagues.",
        introduction_es="Estimados colegas.",
    )

    spanish = staff_client.get(url("preview", issue) + "?language=es")
    english_text = staff_client.get(url("preview", issue) + "?language=en&format=text")
    spanish_html = staff_client.get(url("preview", issue) + "?language=es&format=html")

    page = spanish.content.decode()
    assert spanish.status_code == 200
    assert "Noticias de primavera" in page
    assert "Estimados colegas." in page
    # The email's HTML is framed from its own address, sandboxed, never put
    # in the page (whose policy would refuse the email's inline styles).
    assert '<iframe title="The HTML version" sandbox src="?language=es&amp;format=html"' in page
    assert "srcdoc" not in page
    assert english_text["Content-Type"] == "text/plain; charset=utf-8"
    assert "Dear colleagues." in english_text.content.decode()
    assert "Apprenticeship law" in english_text.content.decode()
    assert spanish_html.content.decode().startswith("<!DOCTYPE html>")
    assert spanish_html["Content-Security-Policy"] == "sandbox"
    assert spanish_html["X-Frame-Options"] == "SAMEORIGIN"
    assert "Estimados colegas." in spanish_html.content.decode()


def test_the_preview_page_escapes_what_ministries_wrote(staff_client):
    NewsItemFactory(title="<script>alert(1)</script>")
    issue = new_issue()

    page = staff_client.get(url("preview", issue) + "?language=en").content.decode()

    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)" in page


def test_an_unknown_preview_language_shows_the_default_one(staff_client):
    issue = new_issue(introduction_en="Dear colleagues.")

    response = staff_client.get(url("preview", issue) + "?language=xx")

    assert response.status_code == 200
    assert response.context["language"] == "en"


def test_a_test_goes_to_the_staff_member_alone(client):
    staff = SecretariatStaffFactory(email="officer@oas.org")
    sign_in_with_second_factor(client, staff)
    NewsItemFactory()
    SubscriberFactory.create_batch(3)
    issue = new_issue(title_es="Noticias")

    response = client.post(url("test", issue), {"language": "es"})

    assert response.status_code == 302
    assert response["Location"] == url("preview", issue) + "?language=es"
    delivery = EmailDelivery.objects.get()
    # The test copy is marked in the language it is written in.
    assert (delivery.to, delivery.subject) == ("officer@oas.org", "[Prueba] Noticias")
    assert delivery.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT


def test_a_test_in_an_unknown_language_is_refused_with_a_message(staff_client):
    issue = new_issue(introduction_en="Hello.")

    response = staff_client.post(url("test", issue), {"language": "xx"}, follow=True)

    assert response.status_code == 200
    assert "Choose one of the content languages." in response.content.decode()
    assert not EmailDelivery.objects.exists()


# Deciding ----------------------------------------------------------------------------


def test_compile_asks_then_adds_new_content(staff_client):
    issue = new_issue()
    news = NewsItemFactory()

    assert staff_client.get(url("compile", issue)).status_code == 200
    assert not issue.items.exists()
    response = staff_client.post(url("compile", issue), follow=True)

    assert "1 item added." in response.content.decode()
    assert [item.content for item in issue.items.all()] == [news]


def test_schedule_in_the_past_is_refused_on_the_form(staff_client):
    NewsItemFactory()
    issue = new_issue()

    response = staff_client.post(url("schedule", issue), {"when": "2020-01-01T10:00"})

    assert response.status_code == 200
    assert "Choose a time in the future." in response.content.decode()
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT


def test_schedule_then_cancel(staff_client):
    NewsItemFactory()
    issue = new_issue()
    when = timezone.localtime() + datetime.timedelta(days=2)

    response = staff_client.post(url("schedule", issue), {"when": when.strftime("%Y-%m-%dT%H:%M")})

    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SCHEDULED
    assert issue.scheduled_for == when.replace(second=0, microsecond=0)

    staff_client.post(url("unschedule", issue))

    issue.refresh_from_db()
    assert (issue.status, issue.scheduled_for) == (IssueStatus.DRAFT, None)


def test_send_asks_for_confirmation_first(staff_client):
    NewsItemFactory()
    SubscriberFactory.create_batch(2)
    issue = new_issue()

    response = staff_client.get(url("send", issue))

    assert "2 addresses" in response.content.decode()
    assert not EmailDelivery.objects.exists()
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT


def test_send_then_a_second_click_sends_nothing_more(staff_client):
    NewsItemFactory()
    SubscriberFactory.create_batch(2)
    issue = new_issue()

    response = staff_client.post(url("send", issue))

    assert response.status_code == 302
    assert response["Location"] == url("progress", issue)
    assert EmailDelivery.objects.count() == 2
    again = staff_client.post(url("send", issue), follow=True)
    assert "being sent or was sent already" in again.content.decode()
    assert EmailDelivery.objects.count() == 2


@pytest.mark.parametrize("page", ["compile", "schedule", "unschedule", "send"])
def test_decisions_on_an_issue_being_sent_lead_back_to_it(staff_client, page):
    issue = new_issue(introduction_en="Hello.")
    Issue.objects.filter(pk=issue.pk).update(status=IssueStatus.SENDING)

    response = staff_client.get(url(page, issue), follow=True)

    assert response.redirect_chain == [(url("change", issue), 302)]
    assert "being sent or was sent already" in response.content.decode()


# Progress ------------------------------------------------------------------------------


def test_progress_refreshes_while_sending_and_shows_final_counts(staff_client):
    NewsItemFactory()
    SubscriberFactory.create_batch(3)
    issue = new_issue()
    services.issue_send_now(issue=issue, user=SecretariatStaffFactory())
    first, second, _third = EmailDelivery.objects.order_by("pk")
    EmailDelivery.objects.filter(pk=first.pk).update(status=DeliveryStatus.SENT)
    EmailDelivery.objects.filter(pk=second.pk).update(status=DeliveryStatus.FAILED)

    page = staff_client.get(url("progress", issue))
    fragment = staff_client.get(url("progress", issue) + "?fragment=1")

    assert page.context["progress"].total == 3
    assert (page.context["progress"].sent, page.context["progress"].failed) == (1, 1)
    assert page.context["progress"].pending == 1
    assert 'hx-trigger="every 2s"' in page.content.decode()
    assert "htmx.min" in page.content.decode()
    assert "<html" not in fragment.content.decode()
    assert 'hx-trigger="every 2s"' in fragment.content.decode()

    EmailDelivery.objects.filter(status=DeliveryStatus.PENDING).update(status=DeliveryStatus.SENT)
    services.issue_finish_if_done(issue_id=issue.pk)
    done = staff_client.get(url("progress", issue) + "?fragment=1").content.decode()

    assert "hx-trigger" not in done
    assert '<td id="progress-sent">2</td>' in done
    assert '<td id="progress-failed">1</td>' in done
    assert '<td id="progress-pending">0</td>' in done


# Who may ------------------------------------------------------------------------------


def staff_in(group_name):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.parametrize("page", ISSUE_PAGES)
def test_visitors_and_portal_users_are_sent_to_sign_in(client, page):
    NewsItemFactory()
    SubscriberFactory()
    issue = new_issue()

    anonymous = client.post(url(page, issue), {"language": "en"})
    client.force_login(UserFactory())
    portal_user = client.post(url(page, issue), {"language": "en"})

    for response in (anonymous, portal_user):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    assert not EmailDelivery.objects.exists()
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT


@pytest.mark.parametrize("page", ISSUE_PAGES)
def test_staff_without_a_second_factor_are_sent_to_sign_in(client, page):
    issue = new_issue(introduction_en="Hello.")
    client.force_login(SecretariatStaffFactory())

    response = client.get(url(page, issue))

    assert response.status_code == 302


@pytest.mark.parametrize("page", ISSUE_PAGES)
def test_staff_without_newsletter_rights_are_refused(client, page):
    NewsItemFactory()
    SubscriberFactory()
    issue = new_issue()
    sign_in_with_second_factor(client, staff_in(FUND_OFFICER))

    assert client.get(url(page, issue)).status_code == 403
    assert client.post(url(page, issue), {"language": "en"}).status_code == 403
    assert not EmailDelivery.objects.exists()


@pytest.mark.parametrize("page", ISSUE_PAGES)
def test_editors_may_use_every_page(client, page):
    NewsItemFactory()
    issue = new_issue()
    Issue.objects.filter(pk=issue.pk).update(
        status=IssueStatus.SCHEDULED, scheduled_for=timezone.now() + datetime.timedelta(days=1)
    )
    sign_in_with_second_factor(client, staff_in(EDITOR))

    assert client.get(url(page, issue), follow=True).status_code == 200
