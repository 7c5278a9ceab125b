"""The library's demo items (library/demo.py), loaded with the rest of the demo."""

import pytest
from django.urls import reverse

from core.workflow import activity_of
from library.enums import ItemStatus
from library.models import Authorship, LibraryFile, LibraryItem
from network.demo import DEMO_FOCAL_POINT_EMAIL
from tests.network.test_demo import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_demo_has_the_seeds_studies_and_reports_with_their_meetings():
    load_demo()

    study = LibraryItem.objects.get(
        slug="feasibility-study-cooperation-mechanism-labour-administration"
    )
    assert [a.family_name for a in study.authors()] == ["Lecourt", "Ramos", "Ardavín", "Torres"]
    assert study.meeting.slug == "wg2-meeting-washington-2004"
    assert study.citation_apa().startswith(
        "Lecourt, R., Ramos, C. A., Ardavín, B., & Torres, E. (2004, October)."
    )
    report = LibraryItem.objects.get(identifier="CIMT-18/GT1-GT2/doc.6/15")
    assert [d.symbol for d in report.meeting_documents.all()] == ["CIMT-18/GT1-GT2/doc.6/15"]
    assert report.working_group.conference.number == 18
    assert LibraryItem.objects.get(slug="rial-10th-anniversary-publication").status == (
        ItemStatus.DRAFT
    )
    inventory = LibraryItem.objects.get(
        slug="ilo-inventory-technical-assistance-cooperation-projects"
    )
    assert (inventory.owner.acronym, inventory.year) == ("ILO", 2003)
    informal = LibraryItem.objects.get(slug="study-globalization-informal-work")
    assert (informal.status, informal.meeting.slug) == (
        ItemStatus.DRAFT,
        "wg2-meeting-washington-2004",
    )
    panorama = LibraryItem.objects.get(slug="labor-panorama-2003-latin-america-caribbean")
    assert panorama.title_en == "Labor Panorama 2003 for Latin America and the Caribbean"


def test_the_demo_focal_point_has_a_proposal_waiting_for_review():
    load_demo()

    proposal = LibraryItem.objects.get(status=ItemStatus.SUBMITTED)

    assert proposal.submitted_by.email == DEMO_FOCAL_POINT_EMAIL
    assert proposal.owner == proposal.submitted_by.institution
    assert [f.language for f in proposal.files.all()] == ["es"]
    assert [entry.action for entry in activity_of(proposal)] == ["submit"]


def test_the_demo_files_are_pdfs_that_say_they_are_placeholders(client):
    load_demo()
    item = LibraryItem.objects.get(identifier="CIMT-18/GT1-GT2/doc.7/15")

    response = client.get(reverse("library:file_download", args=[item.slug, "es"]))

    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF-")
    assert b"Marcador de los datos de demostraci" in content
    assert LibraryFile.objects.get(item=item, language="es").kind == "pdf"


def test_loading_the_demo_twice_changes_nothing():
    load_demo()
    before = (
        list(LibraryItem.objects.order_by("pk").values()),
        list(Authorship.objects.order_by("pk").values()),
        list(LibraryFile.objects.order_by("pk").values()),
    )

    load_demo()

    assert before == (
        list(LibraryItem.objects.order_by("pk").values()),
        list(Authorship.objects.order_by("pk").values()),
        list(LibraryFile.objects.order_by("pk").values()),
    )
