"""The forum's demo (forum/demo.py), loaded with the rest of the demo."""

import pytest

from forum.enums import SpaceKind
from forum.models import Post, Space
from tests.network.test_demo import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_each_working_group_of_the_xviii_iacml_has_a_space_with_threads_from_the_seeds():
    load_demo()

    spaces = Space.objects.filter(kind=SpaceKind.WORKING_GROUP).order_by("working_group__number")
    assert [(s.working_group.conference.number, s.working_group.number) for s in spaces] == [
        (18, 1),
        (18, 2),
    ]
    titles = {thread.title for space in spaces for thread in space.threads.all()}
    assert titles == {
        "South–south cooperation: what has worked for your ministry?",
        "Labor inspection as strategic planning, not only complaints",
    }
    assert Post.objects.filter(body__contains="National Plan for Labor Regularization").exists()


def test_loading_the_demo_twice_adds_nothing():
    load_demo()
    counts = (Space.objects.count(), Post.objects.count())

    load_demo()

    assert (Space.objects.count(), Post.objects.count()) == counts
