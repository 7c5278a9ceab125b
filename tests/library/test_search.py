"""The Library's search inside the files: an uploaded file's words are
found by the list, with a snippet of where they were and the page when the
file has pages; drafts are found by no search, list, feed or API."""

import io
import re

import docx
import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import search
from library import selectors, services, tasks
from library.enums import ExtractionStatus, ItemStatus
from library.models import LibraryFile, LibraryItem, LibraryPage
from library.placeholders import pages_pdf
from tests.factories import FocalPointFactory, SecretariatStaffFactory
from tests.library.factories import LibraryFileFactory, LibraryItemFactory

pytestmark = pytest.mark.django_db

LIST = reverse("library:item_list")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(item, content, name, language="en"):
    """A language version uploaded and read by the real extraction task."""
    library_file = LibraryFile.objects.create(
        item=item, language=language, file=ContentFile(content, name=name)
    )
    tasks.extract_file_text.apply(args=[library_file.pk])
    library_file.refresh_from_db()
    assert library_file.extraction_status == ExtractionStatus.DONE
    return library_file


def docx_bytes(*paragraphs):
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def results(client, query, **params):
    response = client.get(LIST, {"q": query, **params})
    assert response.status_code == 200
    return response, list(response.context["page"].object_list)


def test_an_uploaded_pdfs_words_are_found_with_a_snippet_and_their_page(client):
    item = LibraryItemFactory(title_en="Annual report", abstract_en="The year's work.")
    upload(
        item,
        pages_pdf(
            [
                ["Foreword by the Technical Secretariat."],
                ["The ministry trained forty inspectors", "for small enterprises in Cartagena."],
            ]
        ),
        "report.pdf",
    )
    LibraryItemFactory(title_en="Another study")

    response, found = results(client, "inspectors")

    assert found == [item]
    assert found[0].snippet.page == 2
    assert "<mark>inspectors</mark>" in found[0].snippet.html
    page = response.content.decode()
    assert "Page 2:" in page
    assert "<mark>inspectors</mark>" in page
    assert list(LibraryPage.objects.filter(file__item=item).values_list("number", flat=True)) == [
        1,
        2,
    ]


def test_an_uploaded_docx_words_are_found_with_a_snippet_and_no_page(client):
    item = LibraryItemFactory(language="es", title_es="Informe", title_en="")
    upload(
        item,
        docx_bytes("Introducción.", "Las visitas de inspección a las pequeñas empresas."),
        "informe.docx",
        language="es",
    )

    response, found = results(client, "visitas pequeñas")

    assert found == [item]
    assert found[0].snippet.page is None
    assert "<mark>visitas</mark>" in found[0].snippet.html
    assert "Page " not in response.content.decode().split('role="status"')[1]


@pytest.mark.postgresql
def test_the_text_is_stemmed_in_the_files_language(client):
    item = LibraryItemFactory(language="es", title_es="Informe", title_en="")
    upload(item, docx_bytes("La inspección del trabajo en el Caribe."), "i.docx", language="es")

    _response, found = results(client, "inspecciones")

    assert found == [item]
    assert "<mark>inspección</mark>" in found[0].snippet.html


def test_the_snippet_escapes_the_text_and_marks_only_the_words(client):
    item = LibraryItemFactory()
    upload(item, docx_bytes('<script>alert("x")</script> & labour <b>inspection</b>'), "x.docx")

    response, found = results(client, "inspection")

    # Escaped (SQLite) or left out as markup (PostgreSQL's ts_headline): the
    # snippet's only tags are its marks.
    html = found[0].snippet.html
    assert set(re.findall(r"<[^>]*>", html)) == {"<mark>", "</mark>"}
    assert "&amp; labour " in html
    assert "<mark>inspection</mark>" in html
    assert "<script>alert" not in response.content.decode()


def test_marks_in_the_text_itself_never_leave_a_tag_open():
    marked = selectors.highlight_marked(
        f"a{selectors.STOP_MARK} <i>{selectors.START_MARK}b{selectors.START_MARK}c"
    )

    assert marked == "a &lt;i&gt;<mark>bc</mark>"


def test_a_title_match_comes_before_a_match_in_the_text(client):
    in_text = LibraryItemFactory(title_en="Annual report")
    upload(in_text, docx_bytes("Notes on mediation between employers and unions."), "a.docx")
    in_title = LibraryItemFactory(title_en="Labour mediation services")

    _response, found = results(client, "mediation")

    assert found[0] == in_title
    assert in_text in found


def test_the_search_keeps_the_other_filters(client):
    kept = LibraryItemFactory(kind="guide")
    upload(kept, docx_bytes("Social dialogue councils."), "a.docx")
    other = LibraryItemFactory(kind="study")
    upload(other, docx_bytes("Social dialogue councils."), "b.docx")

    _response, found = results(client, "councils", kind="guide")

    assert found == [kept]


def test_a_new_upload_replaces_the_pages_of_the_previous_file(client):
    item = LibraryItemFactory()
    library_file = upload(item, docx_bytes("Old words about apprenticeships."), "old.docx")
    library_file.file = ContentFile(docx_bytes("New words about pensions."), name="new.docx")
    library_file.save()

    # Before the new file is read, the old one's words find nothing.
    assert results(client, "apprenticeships")[1] == []
    tasks.extract_file_text.apply(args=[library_file.pk])

    assert results(client, "apprenticeships")[1] == []
    assert results(client, "pensions")[1] == [item]


def test_a_removed_language_version_takes_its_words_with_it(client):
    item = LibraryItemFactory()
    english = upload(item, docx_bytes("Social dialogue and apprenticeships."), "en.docx")
    upload(item, docx_bytes("Diálogo social y pensiones."), "es.docx", language="es")
    assert results(client, "apprenticeships")[1] == [item]

    # As the admin's inline removes a published item's file.
    english.delete()

    assert results(client, "apprenticeships")[1] == []
    assert results(client, "pensiones")[1] == [item]


def test_an_item_saved_from_before_its_file_was_read_keeps_the_files_words(client):
    item = LibraryItemFactory()
    loaded_before = LibraryItem.objects.get(pk=item.pk)
    upload(item, docx_bytes("Apprenticeships in the Andes."), "en.docx")

    loaded_before.title_en = "Apprenticeships"
    loaded_before.save()

    assert results(client, "Andes")[1] == [item]


def test_a_file_removed_from_a_draft_is_no_longer_searched():
    owner = FocalPointFactory()
    item = LibraryItemFactory(owner=owner.institution, status=ItemStatus.DRAFT)
    library_file = upload(item, docx_bytes("Apprenticeships."), "en.docx")

    def found():
        matches = selectors.item_search(queryset=LibraryItem.objects.all(), query="apprenticeships")
        return list(matches)

    assert found() == [item]
    services.file_remove(library_file=library_file, user=owner)
    assert found() == []


def test_words_on_different_pages_find_the_item(client):
    item = LibraryItemFactory()
    upload(item, pages_pdf([["Labour inspection in rural areas."], ["Youth employment."]]), "a.pdf")

    assert results(client, "inspection youth")[1] == [item]
    assert results(client, '"labour inspection"')[1] == [item]


@pytest.mark.postgresql
def test_a_phrase_is_found_where_its_words_follow_each_other(client):
    item = LibraryItemFactory()
    upload(item, pages_pdf([["Labour inspection in rural areas."], ["Youth employment."]]), "a.pdf")

    assert results(client, '"labour inspection"')[1] == [item]
    assert results(client, '"inspection labour"')[1] == []
    assert results(client, '"inspection youth"')[1] == []


def search_queries(client, query):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"q": query})
    assert response.status_code == 200
    return len(queries)


def test_the_list_with_a_search_runs_the_same_queries_for_one_item_and_for_three(client):
    def add():
        item = LibraryItemFactory(title_en="Employment study")
        LibraryFileFactory(item=item, language="en")
        upload(item, docx_bytes("Employment services and their offices."), "e.docx", "es")

    add()
    search_queries(client, "employment")
    one = search_queries(client, "employment")
    add()
    add()

    assert search_queries(client, "employment") == one
    # PostgreSQL: the words parsed once; the keys matching by title or
    # abstract, and by the pages; the rows; their files; the snippets; the
    # filters' choices (topics, member states, working groups). SQLite: the
    # keys; the rows; their files; the snippets; the choices.
    assert one == (9 if search.is_postgresql() else 7)


def test_a_download_reads_only_what_its_permission_check_needs(client):
    item = LibraryItemFactory(status=ItemStatus.DRAFT)
    LibraryFileFactory(item=item, language="es")
    url = reverse("library:file_download", args=[item.slug, "es"])
    client.force_login(FocalPointFactory(institution=item.owner))
    client.get(url)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert response.status_code == 200
    reads = [q["sql"] for q in queries.captured_queries if "library_" in q["sql"]]
    # The file with its item's key, slug, status and owner, in one query;
    # nothing of the authors, topics, member states or the extracted text.
    assert len(reads) == 1, reads
    assert '"library_libraryfile"."text"' not in reads[0]
    assert "library_authorship" not in " ".join(q["sql"] for q in queries.captured_queries)


def test_a_public_download_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    item = LibraryItemFactory()
    LibraryFileFactory(item=item, language="es")
    url = reverse("library:file_download", args=[item.slug, "es"])
    client.get(url)

    # The file and its item; the counter found and raised.
    with django_assert_num_queries(3):
        assert client.get(url).status_code == 200


# Drafts --------------------------------------------------------------------------


@pytest.fixture
def draft_and_published():
    draft = LibraryItemFactory(status=ItemStatus.DRAFT, title_en="Confidential draft")
    upload(draft, docx_bytes("Secret findings on the zebra enterprises."), "d.docx")
    published = LibraryItemFactory(title_en="Published study")
    upload(published, docx_bytes("Open findings on the zebra enterprises."), "p.docx")
    return draft, published


def readers(draft):
    return {
        "visitor": None,
        "another ministry": FocalPointFactory(),
        "its ministry": FocalPointFactory(institution=draft.owner),
        "staff": SecretariatStaffFactory(),
    }


def test_a_draft_is_found_by_no_search_list_api_or_feed(client, draft_and_published):
    draft, published = draft_and_published
    for name, user in readers(draft).items():
        client.logout()
        if user is not None:
            client.force_login(user)
        listed = results(client, "zebra")[1]
        global_search = client.get(reverse("search:search"), {"q": "zebra"})
        library_group = next(g for g in global_search.context["groups"] if g.kind.key == "library")
        api = client.get(reverse("api:library-item-list"), {"q": "zebra"}).json()
        rss = client.get(reverse("library:item_feed_rss")).content.decode()
        atom = client.get(reverse("library:item_feed_atom")).content.decode()

        assert listed == [published], name
        assert library_group.items == [published], name
        assert [row["slug"] for row in api["results"]] == [published.slug], name
        assert "Confidential draft" not in rss + atom, name
        assert "Published study" in rss, name
        assert client.get(reverse("api:library-item-detail", args=[draft.slug])).status_code == 404


def test_the_global_search_lists_library_items_with_a_link_to_the_librarys_search(
    client, draft_and_published
):
    _draft, published = draft_and_published

    response = client.get(reverse("search:search"), {"q": "zebra"})

    group = next(g for g in response.context["groups"] if g.kind.key == "library")
    assert group.count == 1
    assert group.more_url == f"{LIST}?q=zebra"
    assert published.get_absolute_url() in response.content.decode()


def test_the_api_lists_published_items_with_their_files(client):
    item = LibraryItemFactory(title_en="Operation Guide", identifier="CIMT/doc.1")
    LibraryFileFactory(item=item, language="es")

    rows = client.get(reverse("api:library-item-list")).json()["results"]

    assert [row["slug"] for row in rows] == [item.slug]
    assert rows[0]["title"] == "Operation Guide"
    assert rows[0]["files"] == [
        {
            "language": "es",
            "url": f"http://testserver{reverse('library:file_download', args=[item.slug, 'es'])}",
        }
    ]


@pytest.mark.parametrize("year", ["0.0", "2015.5", "1066", "soon"])
def test_a_year_that_is_not_one_is_400_in_the_api_and_ignored_on_the_page(client, year):
    LibraryItemFactory()

    api = client.get(reverse("api:library-item-list"), {"year": year})
    page = client.get(reverse("library:item_list"), {"year": year})

    assert api.status_code == 400
    assert list(api.json()) == ["year"]
    assert page.status_code == 200
