"""News: focal points submit, the Secretariat reviews, visitors read and subscribe to feeds."""

import datetime
import io
import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from core.models import EmailDelivery
from newsletter.enums import NewsStatus
from newsletter.models import NewsItem
from tests.conftest import sign_in_with_second_factor
from tests.factories import (
    FocalPointFactory,
    InstitutionFactory,
    SecretariatStaffFactory,
    UserFactory,
)
from tests.newsletter.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def news_data(**overrides):
    """The form's data of an item written in English; ``title=`` and ``text=``
    are its English texts."""
    data = {
        "title_en": "New apprenticeship law",
        "text_en": "The law passed.\n\nIt takes effect in May.",
        "language": "en",
        "topic": "",
        "link": "",
        "image_description": "",
    }
    for name in ("title", "text"):
        if name in overrides:
            data[f"{name}_en"] = overrides.pop(name)
    return {**data, **overrides}


def png(name="photo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def submitted_news(**kwargs):
    institution = InstitutionFactory()
    return NewsItemFactory(
        institution=institution,
        status=NewsStatus.SUBMITTED,
        submitted_by=FocalPointFactory(institution=institution),
        submitted_at=timezone.now(),
        published_at=None,
        **kwargs,
    )


def run_action(client, action, pks, **extra):
    return client.post(
        reverse("admin:newsletter_newsitem_changelist"),
        {"action": action, "_selected_action": [str(pk) for pk in pks], **extra},
    )


# Submitting ---------------------------------------------------------------


def test_focal_point_submits_news_and_the_secretariat_is_told(client):
    staff = [SecretariatStaffFactory(), SecretariatStaffFactory()]
    focal_point = FocalPointFactory()
    client.force_login(focal_point)

    response = client.post(reverse("newsletter:news_create"), {**news_data(), "submit": "1"})

    assert response.status_code == 302
    news = NewsItem.objects.get()
    assert news.status == NewsStatus.SUBMITTED
    assert news.institution == focal_point.institution
    assert news.created_by == focal_point
    assert news.submitted_by == focal_point
    assert news.slug == "new-apprenticeship-law"
    deliveries = EmailDelivery.objects.filter(key__startswith="news-submitted:")
    assert sorted(delivery.to for delivery in deliveries) == sorted(s.email for s in staff)
    assert all("New apprenticeship law" in delivery.subject for delivery in deliveries)


def test_saving_a_draft_sends_nothing(client):
    SecretariatStaffFactory()
    client.force_login(FocalPointFactory())

    client.post(reverse("newsletter:news_create"), {**news_data(), "save": "1"})

    assert NewsItem.objects.get().status == NewsStatus.DRAFT
    assert not EmailDelivery.objects.exists()


def test_form_error_saves_nothing(client):
    SecretariatStaffFactory()
    client.force_login(FocalPointFactory())

    response = client.post(
        reverse("newsletter:news_create"), {**news_data(title=""), "submit": "1"}
    )

    assert response.status_code == 200
    assert "title_en" in response.context["form"].errors
    assert not NewsItem.objects.exists()
    assert not EmailDelivery.objects.exists()


def test_news_written_in_spanish_and_given_in_english_shows_both_versions(client):
    client.force_login(FocalPointFactory())

    client.post(
        reverse("newsletter:news_create"),
        {
            **news_data(title="", text=""),
            "language": "es",
            "title_es": "Nueva ley de aprendizaje",
            "text_es": "La ley fue aprobada.",
            "title_en": "New apprenticeship law",
            "text_en": "The law passed.",
            "save": "1",
        },
    )

    news = NewsItem.objects.get()
    english = client.get(news.get_absolute_url(), headers={"accept-language": "en"})
    spanish = client.get(news.get_absolute_url(), headers={"accept-language": "es"})
    assert '<h1 class="h2" lang="en">New apprenticeship law</h1>' in english.content.decode()
    assert "<p>The law passed.</p>" in english.content.decode()
    assert 'hreflang="es">Read in Spanish</a>' in english.content.decode()
    assert '<h1 class="h2" lang="es">Nueva ley de aprendizaje</h1>' in spanish.content.decode()
    assert "<p>La ley fue aprobada.</p>" in spanish.content.decode()


def test_news_in_spanish_needs_its_spanish_title_and_text(client):
    client.force_login(FocalPointFactory())

    response = client.post(
        reverse("newsletter:news_create"), {**news_data(), "language": "es", "save": "1"}
    )

    assert response.status_code == 200
    assert {"title_es", "text_es"} <= set(response.context["form"].errors)
    assert not NewsItem.objects.exists()


def test_visitor_and_non_focal_point_cannot_create_news(client):
    url = reverse("newsletter:news_create")
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(UserFactory())  # signed in, but no ministry's focal point
    assert client.post(url, news_data()).status_code == 403
    assert not NewsItem.objects.exists()


def test_same_title_gets_a_distinct_slug():
    first = NewsItemFactory(title="Same title")
    second = NewsItemFactory(title="Same title")

    assert first.slug == "same-title"
    assert second.slug == "same-title-2"


def test_image_without_description_is_refused_with_the_models_message(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(FocalPointFactory())

    response = client.post(reverse("newsletter:news_create"), {**news_data(), "image": png()})

    assert response.status_code == 200
    assert "Describe the image." in response.content.decode()
    assert not NewsItem.objects.exists()


def test_image_with_description_is_saved(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(FocalPointFactory())

    response = client.post(
        reverse("newsletter:news_create"),
        {**news_data(image_description="The minister signs the law"), "image": png()},
    )

    assert response.status_code == 302
    news = NewsItem.objects.get()
    assert news.image.name.endswith("/photo.png")
    assert news.image.name != "news/photo.png"
    assert (tmp_path / news.image.name).exists()


def test_a_published_image_is_shown_through_its_news_page(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = png()
    news = NewsItemFactory(image=image, image_description="The minister signs the law")

    page = client.get(news.get_absolute_url()).content.decode()
    url = reverse("newsletter:news_image", kwargs={"slug": news.slug})
    assert f'src="{url}"' in page

    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    image.seek(0)
    assert b"".join(response.streaming_content) == image.read()


def test_a_draft_image_is_its_ministrys_only(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    news = NewsItemFactory(
        image=png(), image_description="A draft", status=NewsStatus.DRAFT, published_at=None
    )
    url = reverse("newsletter:news_image", kwargs={"slug": news.slug})

    assert client.get(url).status_code == 404
    client.force_login(FocalPointFactory(institution=news.institution))
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_news_without_an_image_has_none_to_show(client):
    news = NewsItemFactory()

    response = client.get(reverse("newsletter:news_image", kwargs={"slug": news.slug}))

    assert response.status_code == 404


def test_focal_point_edits_a_returned_item_and_submits_it_again(client):
    # created_by is None, as once its author's account is deleted: still editable.
    news = submitted_news()
    news.status = NewsStatus.RETURNED
    news.save()
    client.force_login(news.submitted_by)

    response = client.post(
        reverse("newsletter:news_edit", args=[news.slug]),
        {**news_data(title="Better title"), "save": "1"},
    )
    assert response.status_code == 302
    news.refresh_from_db()
    assert (news.title, news.status) == ("Better title", NewsStatus.RETURNED)

    client.post(reverse("newsletter:news_submit", args=[news.slug]))
    news.refresh_from_db()
    assert news.status == NewsStatus.SUBMITTED


def test_published_item_cannot_be_changed_by_its_ministry(client):
    news = NewsItemFactory(title="Published title")
    client.force_login(FocalPointFactory(institution=news.institution))

    response = client.post(
        reverse("newsletter:news_edit", args=[news.slug]),
        {**news_data(title="Changed"), "save": "1"},
    )

    assert response.status_code == 200
    news.refresh_from_db()
    assert news.title == "Published title"


def test_other_ministry_gets_404_on_edit_and_submit_and_nothing_changes(client):
    news = NewsItemFactory(status=NewsStatus.DRAFT, published_at=None, title="Original")
    client.force_login(FocalPointFactory())

    edit_url = reverse("newsletter:news_edit", args=[news.slug])
    assert client.get(edit_url).status_code == 404
    assert client.post(edit_url, {**news_data(title="Hijacked"), "save": "1"}).status_code == 404
    assert client.post(reverse("newsletter:news_submit", args=[news.slug])).status_code == 404

    news.refresh_from_db()
    assert (news.title, news.status) == ("Original", NewsStatus.DRAFT)
    assert not EmailDelivery.objects.exists()


def test_my_news_lists_only_my_ministrys_items(client):
    mine = NewsItemFactory(status=NewsStatus.DRAFT, title="Ours")
    NewsItemFactory(status=NewsStatus.DRAFT, title="Theirs")
    client.force_login(FocalPointFactory(institution=mine.institution))

    response = client.get(reverse("newsletter:my_news"))

    assert [item.title for item in response.context["items"]] == ["Ours"]


# Review in the admin ------------------------------------------------------


def test_staff_publish_and_the_submitter_is_told(staff_client):
    news = submitted_news()

    response = run_action(staff_client, "publish", [news.pk])

    assert response.status_code == 302
    news.refresh_from_db()
    assert news.status == NewsStatus.PUBLISHED
    assert news.published_at is not None
    delivery = EmailDelivery.objects.get()
    assert delivery.to == news.submitted_by.email
    assert news.title in delivery.subject
    assert news.get_absolute_url() in delivery.body


def test_publishing_a_draft_is_refused(staff_client):
    news = NewsItemFactory(status=NewsStatus.DRAFT, published_at=None)

    run_action(staff_client, "publish", [news.pk])

    news.refresh_from_db()
    assert news.status == NewsStatus.DRAFT
    assert not EmailDelivery.objects.exists()


def test_staff_return_with_a_comment_through_the_intermediate_page(staff_client):
    news = submitted_news()

    page = run_action(staff_client, "return_to_ministry", [news.pk])
    assert page.status_code == 200
    assert "admin/ask_then_apply.html" in [t.name for t in page.templates]
    news.refresh_from_db()
    assert news.status == NewsStatus.SUBMITTED

    response = run_action(
        staff_client, "return_to_ministry", [news.pk], apply="1", comment="Add a date, please."
    )

    assert response.status_code == 302
    news.refresh_from_db()
    assert news.status == NewsStatus.RETURNED
    assert news.review_comment == "Add a date, please."
    delivery = EmailDelivery.objects.get()
    assert delivery.to == news.submitted_by.email
    assert "Add a date, please." in delivery.body


def test_return_with_a_blank_comment_changes_nothing(staff_client):
    news = submitted_news()

    response = run_action(staff_client, "return_to_ministry", [news.pk], apply="1", comment="  ")

    assert response.status_code == 200  # the page again, with the error
    news.refresh_from_db()
    assert news.status == NewsStatus.SUBMITTED
    assert news.review_comment == ""
    assert not EmailDelivery.objects.exists()


# Pages --------------------------------------------------------------------


@pytest.mark.parametrize("status", [NewsStatus.DRAFT, NewsStatus.SUBMITTED, NewsStatus.RETURNED])
def test_unpublished_item_is_404_for_visitors_and_other_ministries(client, status):
    news = NewsItemFactory(status=status, published_at=None)

    assert client.get(news.get_absolute_url()).status_code == 404
    client.force_login(FocalPointFactory())
    assert client.get(news.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("status", [NewsStatus.DRAFT, NewsStatus.SUBMITTED])
def test_unpublished_item_is_visible_to_its_ministry_and_staff(client, status):
    news = NewsItemFactory(status=status, published_at=None)

    client.force_login(FocalPointFactory(institution=news.institution))
    assert client.get(news.get_absolute_url()).status_code == 200
    sign_in_with_second_factor(client, SecretariatStaffFactory())
    assert client.get(news.get_absolute_url()).status_code == 200


def test_published_item_page_shows_paragraphs(client):
    news = NewsItemFactory(text="One.\r\n\r\nTwo.")

    html = client.get(news.get_absolute_url()).content.decode()

    assert "<p>One.</p>" in html
    assert "<p>Two.</p>" in html


def test_news_list_shows_only_published_items_newest_first(client):
    now = timezone.now()
    NewsItemFactory(title="Older", published_at=now - datetime.timedelta(days=2))
    NewsItemFactory(title="Newer", published_at=now - datetime.timedelta(days=1))
    NewsItemFactory(title="A draft", status=NewsStatus.DRAFT, published_at=None)
    NewsItemFactory(title="Waiting", status=NewsStatus.SUBMITTED, published_at=None)
    NewsItemFactory(title="Returned", status=NewsStatus.RETURNED, published_at=None)

    response = client.get(reverse("newsletter:news_list"))

    assert [news.title for news in response.context["page"]] == ["Newer", "Older"]


def test_news_list_runs_a_fixed_number_of_queries(count_queries, settings):
    url = reverse("newsletter:news_list")
    NewsItemFactory.create_batch(3)
    with_three = count_queries(url)
    NewsItemFactory.create_batch(17)
    with_twenty = count_queries(url)

    assert with_three == with_twenty


def test_html_in_a_title_is_escaped(client):
    news = NewsItemFactory(title='<script>alert("x")</script> Jobs & Skills')

    for url in (news.get_absolute_url(), reverse("newsletter:news_list")):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;" in html


# Feeds --------------------------------------------------------------------


def test_rss_feed_is_valid_xml_with_one_item_per_published_news(client):
    NewsItemFactory.create_batch(3)
    NewsItemFactory(title="<b>Bold & brave</b>")
    NewsItemFactory(status=NewsStatus.DRAFT, published_at=None)

    response = client.get(reverse("newsletter:news_feed_rss"))

    assert response.status_code == 200
    root = ET.fromstring(response.content)
    items = root.findall("./channel/item")
    assert len(items) == 4
    assert "<b>Bold & brave</b>" in [item.findtext("title") for item in items]
    assert all(item.findtext("link").startswith("http") for item in items)


def test_atom_feed_has_one_entry_per_published_news(client):
    NewsItemFactory.create_batch(2)
    NewsItemFactory(status=NewsStatus.SUBMITTED, published_at=None)

    response = client.get(reverse("newsletter:news_feed_atom"))

    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert len(root.findall(f"{ATOM}entry")) == 2
