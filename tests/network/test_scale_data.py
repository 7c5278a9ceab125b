"""generate_scale_data: the data the load test runs on."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from evaluations.models import Questionnaire, Response
from forum.models import Post, Space, Thread
from library.models import LibraryFile, LibraryItem
from meetings.models import Meeting, Registration
from network.models import Institution
from newsletter.models import Subscriber
from portfolio.enums import ProgramStatus
from portfolio.models import Program

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    # The demo's library files are written to storage.
    settings.MEDIA_ROOT = tmp_path


def all_counts():
    return {model: model.objects.count() for model in apps.get_models()}


def test_generates_the_network_at_the_factor_and_adds_nothing_when_run_again():
    call_command("generate_scale_data", factor=1, stdout=StringIO())

    # The demo's directory already holds more than 35 institutions.
    assert Institution.objects.count() >= 35
    counts = (
        Program.objects.count(),
        Meeting.objects.count(),
        Registration.objects.count(),
        Subscriber.objects.count(),
        LibraryItem.objects.count(),
        Space.objects.filter(slug__startswith="scale-").count(),
        Thread.objects.filter(space__slug__startswith="scale-").count(),
        Post.objects.filter(thread__space__slug__startswith="scale-").count(),
        Questionnaire.objects.filter(title__startswith="Scale evaluation").count(),
    )
    assert counts == (500, 100, 5000, 2000, 1000, 5, 200, 2000, 10)
    assert Response.objects.filter(questionnaire__title__startswith="Scale evaluation").exists()
    # Most programs are public, so that the public pages have something to show.
    assert Program.objects.published().count() > 300
    assert Program.objects.exclude(status=ProgramStatus.PUBLISHED).exists()
    assert not Program.objects.filter(topics=None).exists()
    assert LibraryItem.objects.published().count() > 700
    generated = LibraryItem.objects.filter(slug__startswith="scale-")
    assert (
        LibraryFile.objects.filter(item__in=generated, page_count__gte=2).exclude(text="").count()
        == generated.count()
    )

    before = all_counts()
    output = StringIO()
    call_command("generate_scale_data", factor=1, stdout=output)

    assert all_counts() == before
    assert output.getvalue().count("added 0 rows") == 7


def test_refuses_a_factor_out_of_range():
    with pytest.raises(CommandError, match="between 1 and 100"):
        call_command("generate_scale_data", factor=0, stdout=StringIO())
