"""Focal points propose their ministry's publications on the site (library
views, forms and services): a draft, its files per language, the review by
the Secretariat; who may see and change a draft."""

import io
import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from core.models import ActivityLog, EmailDelivery
from core.workflow import TransitionError, activity_of
from library import services
from library.enums import ItemStatus
from library.models import LibraryFile, LibraryItem
from library.placeholders import placeholder_pdf
from tests.factories import FocalPointFactory, SecretariatStaffFactory, TopicFactory, UserFactory
from tests.library.factories import PDF, LibraryFileFactory, LibraryItemFactory

pytestmark = pytest.mark.django_db

CREATE = reverse("library:item_create")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def focal_point():
    return FocalPointFactory(language="es")


def proposal(**extra):
    return {
        "language": "es",
        "title_es": "Guía de inspección del trabajo",
        "abstract_es": "Cómo se inspecciona.",
        "kind": "guide",
        "published_on": "2015-04-01",
        "date_precision": "month",
        "licence": "all_rights_reserved",
        **extra,
    }


def pdf_upload(name="guia.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def encrypted_pdf():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_focal_point_proposes_staff_publish_and_it_appears_in_the_list_and_feed(
    client, focal_point, django_capture_on_commit_callbacks
):
    staff = SecretariatStaffFactory(language="en")
    topic = TopicFactory()
    client.force_login(focal_point)

    response = client.post(CREATE, proposal(topic_choices=[topic.pk], save=""))

    item = LibraryItem.objects.get()
    assert response.status_code == 302
    assert response["Location"] == item.get_absolute_url()
    assert (item.status, item.owner, item.created_by) == (
        ItemStatus.DRAFT,
        focal_point.institution,
        focal_point,
    )
    assert list(item.topics.all()) == [topic]
    assert list(client.get(reverse("library:item_list")).context["page"].object_list) == []

    response = client.post(
        reverse("library:file_add", args=[item.slug]), {"language": "es", "file": pdf_upload()}
    )
    assert response.status_code == 302
    assert item.files.get().kind == "pdf"

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("library:item_submit", args=[item.slug]))
    item.refresh_from_db()
    assert item.status == ItemStatus.SUBMITTED
    submitted = EmailDelivery.objects.get(to=staff.email)
    assert submitted.subject == "Library item to review: Guía de inspección del trabajo"

    with django_capture_on_commit_callbacks(execute=True):
        services.item_publish(item=item, user=staff)

    published = EmailDelivery.objects.get(to=focal_point.email)
    # In the proposer's language.
    assert published.subject == "Publicado: Guía de inspección del trabajo"
    client.logout()
    listed = client.get(reverse("library:item_list")).context["page"].object_list
    assert [listed_item.pk for listed_item in listed] == [item.pk]
    channel = ET.fromstring(client.get(reverse("library:item_feed_rss")).content)
    assert [entry.findtext("title") for entry in channel.findall("./channel/item")] == [
        "Guía de inspección del trabajo"
    ]


def test_save_and_submit_at_once_tells_the_secretariat(
    client, focal_point, django_capture_on_commit_callbacks
):
    staff = SecretariatStaffFactory()
    client.force_login(focal_point)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(CREATE, proposal(submit=""))

    assert LibraryItem.objects.get().status == ItemStatus.SUBMITTED
    assert EmailDelivery.objects.filter(to=staff.email).count() == 1


def test_a_returned_item_keeps_the_comment_in_its_log_and_is_edited_and_resubmitted(
    client, focal_point, django_capture_on_commit_callbacks
):
    item = LibraryItemFactory(
        owner=focal_point.institution, status=ItemStatus.SUBMITTED, language="es"
    )
    staff = SecretariatStaffFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.item_return(item=item, user=staff, comment="Añada la versión en inglés.")
    returned = EmailDelivery.objects.get(to=focal_point.email)
    assert "Añada la versión en inglés." in returned.body
    client.force_login(focal_point)

    page = client.get(item.get_absolute_url())
    assert [entry.comment for entry in page.context["review_history"]] == [
        "Añada la versión en inglés."
    ]
    assert "Añada la versión en inglés." in page.content.decode()

    client.post(
        reverse("library:item_edit", args=[item.slug]),
        proposal(title_es="Guía revisada", title_en="Revised guide", submit=""),
    )

    item.refresh_from_db()
    assert (item.status, item.title_es) == (ItemStatus.SUBMITTED, "Guía revisada")
    assert [(entry.action, entry.comment) for entry in activity_of(item)] == [
        ("return", "Añada la versión en inglés."),
        ("submit", ""),
    ]


@pytest.mark.parametrize("role", ["visitor", "other_ministry", "delegate"])
def test_others_cannot_see_or_change_a_draft(client, focal_point, role):
    item = LibraryItemFactory(owner=focal_point.institution, status=ItemStatus.DRAFT)
    LibraryFileFactory(item=item, language="es")
    if role == "other_ministry":
        client.force_login(FocalPointFactory())
    elif role == "delegate":
        client.force_login(UserFactory())
    signed_in = role != "visitor"
    title = item.title

    for url in (item.get_absolute_url(), reverse("library:file_download", args=[item.slug, "es"])):
        assert client.get(url).status_code == 404, url
    for url in (
        reverse("library:item_edit", args=[item.slug]),
        reverse("library:file_add", args=[item.slug]),
    ):
        assert client.get(url).status_code == (404 if signed_in else 302), url
    writes = [
        (reverse("library:item_edit", args=[item.slug]), proposal(title_es="Cambiado")),
        (reverse("library:item_submit", args=[item.slug]), {}),
        (reverse("library:file_add", args=[item.slug]), {"language": "en", "file": pdf_upload()}),
        (reverse("library:file_remove", args=[item.slug, "es"]), {}),
    ]
    for url, data in writes:
        response = client.post(url, data)
        assert response.status_code == (404 if signed_in else 302), url

    item.refresh_from_db()
    assert (item.status, item.title) == (ItemStatus.DRAFT, title)
    assert list(item.files.values_list("language", flat=True)) == ["es"]
    assert not ActivityLog.objects.exists()


def test_only_a_ministrys_focal_points_propose(client):
    client.force_login(UserFactory())

    assert client.get(CREATE).status_code == 403
    assert client.post(CREATE, proposal()).status_code == 403
    assert not LibraryItem.objects.exists()


def test_a_submitted_item_is_not_changed_until_it_is_reviewed(client, focal_point):
    item = LibraryItemFactory(owner=focal_point.institution, status=ItemStatus.SUBMITTED)
    client.force_login(focal_point)

    response = client.post(reverse("library:item_edit", args=[item.slug]), proposal(), follow=True)

    assert "Only a draft or a returned library item can be changed." in response.content.decode()
    item.refresh_from_db()
    assert item.title_es is None
    with pytest.raises(TransitionError, match="Only a draft or a returned library item"):
        services.file_add(item=item, user=focal_point, language="es", file=pdf_upload())
    assert not LibraryFile.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("guia.pdf", encrypted_pdf(), "The PDF is encrypted: upload a version without a password."),
        ("guia.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", "The file is damaged"),
        ("guia.exe", b"MZ\x90\x00not a document", "PDF"),
    ],
    ids=["encrypted", "corrupt", "not-a-document"],
)
def test_a_bad_file_is_refused_with_a_message_and_nothing_is_saved(
    client, focal_point, tmp_path, name, content, message
):
    item = LibraryItemFactory(owner=focal_point.institution, status=ItemStatus.DRAFT)
    client.force_login(focal_point)

    response = client.post(
        reverse("library:file_add", args=[item.slug]),
        {"language": "es", "file": pdf_upload(name, content)},
    )

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    assert not LibraryFile.objects.exists()
    assert not any(path.is_file() for path in tmp_path.rglob("*"))


def test_a_file_in_a_language_the_item_has_replaces_it(
    client, focal_point, django_capture_on_commit_callbacks
):
    item = LibraryItemFactory(owner=focal_point.institution, status=ItemStatus.DRAFT)
    client.force_login(focal_point)
    upload = reverse("library:file_add", args=[item.slug])
    client.post(upload, {"language": "es", "file": pdf_upload("old.pdf")})
    old_name = item.files.get().file.name

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            upload, {"language": "es", "file": pdf_upload("new.pdf", placeholder_pdf(["B"]))}
        )

    library_file = item.files.get()
    assert library_file.file.name != old_name
    assert not library_file.file.storage.exists(old_name)


def test_removing_a_file_deletes_it_from_storage(
    client, focal_point, django_capture_on_commit_callbacks
):
    item = LibraryItemFactory(owner=focal_point.institution, status=ItemStatus.DRAFT)
    library_file = LibraryFileFactory(item=item, language="es")
    name, storage = library_file.file.name, library_file.file.storage
    client.force_login(focal_point)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("library:file_remove", args=[item.slug, "es"]))

    assert not LibraryFile.objects.exists()
    assert not storage.exists(name)


def test_a_title_in_the_items_own_language_is_required(client, focal_point):
    client.force_login(focal_point)

    response = client.post(CREATE, proposal(title_es="", title_en="Only English"))

    assert response.status_code == 200
    assert "title_es" in response.context["form"].errors
    assert not LibraryItem.objects.exists()


def test_my_ministrys_publications_lists_every_state_of_its_own_only(client, focal_point):
    mine = [
        LibraryItemFactory(owner=focal_point.institution, status=status)
        for status in (ItemStatus.DRAFT, ItemStatus.RETURNED, ItemStatus.PUBLISHED)
    ]
    LibraryItemFactory(status=ItemStatus.DRAFT)
    client.force_login(focal_point)

    response = client.get(reverse("library:my_items"))

    assert {item.pk for item in response.context["items"]} == {item.pk for item in mine}


@pytest.mark.parametrize("count", [1, 3])
def test_my_ministrys_publications_runs_a_fixed_number_of_queries(
    client, focal_point, django_assert_num_queries, count
):
    LibraryItemFactory.create_batch(count, owner=focal_point.institution)
    client.force_login(focal_point)
    client.get(reverse("library:my_items"))

    # The same whatever the number of items: the items come with their owner
    # and its member state in one query.
    with django_assert_num_queries(7):
        client.get(reverse("library:my_items"))


def test_the_dashboard_shows_the_ministrys_publications_to_finish_and_in_review(
    client, focal_point
):
    returned = LibraryItemFactory(
        owner=focal_point.institution,
        status=ItemStatus.RETURNED,
        review_comment="Falta el resumen.",
        title_en="Returned study",
    )
    waiting = LibraryItemFactory(
        owner=focal_point.institution, status=ItemStatus.SUBMITTED, title_en="Waiting study"
    )
    client.force_login(focal_point)

    page = client.get(reverse("accounts:dashboard")).content.decode()

    assert "My ministry's publications" in page
    assert returned.get_absolute_url() in page
    assert "Falta el resumen." in page
    assert waiting.get_absolute_url() in page
