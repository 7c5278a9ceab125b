import pytest
from django.urls import reverse

from cooperation.enums import NeedStatus, Priority
from cooperation.models import Need
from tests.cooperation.factories import NeedFactory
from tests.factories import FocalPointFactory, OrganizationFactory, TopicFactory

pytestmark = pytest.mark.django_db


def need_data(topic, **overrides):
    data = {
        "topic": topic.pk,
        "title": "Electronic labor inspection",
        "description": "Our inspectors still work on paper.",
        "priority": Priority.HIGH,
        "support_kinds": ["visit_to_provider", "virtual_advice"],
        "language": "es",
    }
    data.update(overrides)
    return data


def titles(response):
    return [need.title for need in response.context["page"]]


def test_a_focal_point_records_a_need_of_their_ministry(client):
    focal_point = FocalPointFactory()
    client.force_login(focal_point)

    response = client.post(reverse("cooperation:need_create"), need_data(TopicFactory()))

    need = Need.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("cooperation:need_detail", args=[need.pk])
    assert (need.institution, need.created_by) == (focal_point.institution, focal_point)
    assert need.support_kinds == ["visit_to_provider", "virtual_advice"]
    assert (need.status, need.is_public) == (NeedStatus.OPEN, False)


@pytest.mark.parametrize(
    "change",
    [
        {"title": ""},
        {"support_kinds": ["holiday"]},
        {"priority": "urgent"},
        {"topic": "999999"},
        {"topic": "abc"},
        {"language": "xx"},
    ],
)
def test_bad_input_shows_the_form_again(client, change):
    client.force_login(FocalPointFactory())

    response = client.post(
        reverse("cooperation:need_create"), {**need_data(TopicFactory()), **change}
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Need.objects.exists()


def test_only_a_ministrys_focal_point_records_needs(client):
    assert reverse("login") in client.get(reverse("cooperation:need_create")).url
    client.force_login(FocalPointFactory(institution=OrganizationFactory()))
    assert client.get(reverse("cooperation:need_create")).status_code == 403


def test_visitors_see_public_needs_and_focal_points_all_open_ones(client):
    NeedFactory(title="Public", is_public=True)
    NeedFactory(title="Shared with peers")
    NeedFactory(title="Withdrawn", is_public=True, status=NeedStatus.WITHDRAWN)

    assert titles(client.get(reverse("cooperation:need_list"))) == ["Public"]
    client.force_login(FocalPointFactory())
    assert sorted(titles(client.get(reverse("cooperation:need_list")))) == [
        "Public",
        "Shared with peers",
    ]


def test_the_list_puts_pressing_needs_first_and_filters_by_topic(client):
    topic = TopicFactory(slug="mediation")
    NeedFactory(title="Low", priority=Priority.LOW, topic=topic, is_public=True)
    NeedFactory(title="High", priority=Priority.HIGH, topic=topic, is_public=True)
    NeedFactory(title="Other topic", priority=Priority.HIGH, is_public=True)

    response = client.get(reverse("cooperation:need_list"), {"topic": "mediation"})

    assert titles(response) == ["High", "Low"]
    bad = client.get(reverse("cooperation:need_list"), {"topic": "x", "page": "z"})
    assert bad.status_code == 200


def test_a_need_shared_with_peers_is_a_404_for_visitors(client):
    need = NeedFactory()
    address = reverse("cooperation:need_detail", args=[need.pk])

    assert client.get(address).status_code == 404
    client.force_login(FocalPointFactory())
    assert client.get(address).status_code == 200


def test_the_ministry_edits_its_need(client):
    need = NeedFactory(title="Before")
    client.force_login(FocalPointFactory(institution=need.institution))

    client.post(
        reverse("cooperation:need_edit", args=[need.pk]),
        need_data(need.topic, title="After", is_public="on"),
    )

    need.refresh_from_db()
    assert (need.title, need.is_public) == ("After", True)


def test_another_ministry_cannot_edit_or_withdraw_a_need(client):
    need = NeedFactory(is_public=True, title="Original")
    client.force_login(FocalPointFactory())

    edit = client.post(
        reverse("cooperation:need_edit", args=[need.pk]), need_data(need.topic, title="Hijacked")
    )
    withdraw = client.post(reverse("cooperation:need_withdraw", args=[need.pk]))

    assert (edit.status_code, withdraw.status_code) == (404, 404)
    need.refresh_from_db()
    assert (need.title, need.status) == ("Original", NeedStatus.OPEN)


def test_the_ministry_withdraws_its_need(client):
    need = NeedFactory()
    client.force_login(FocalPointFactory(institution=need.institution))

    response = client.post(reverse("cooperation:need_withdraw", args=[need.pk]))

    need.refresh_from_db()
    assert response.status_code == 302
    assert need.status == NeedStatus.WITHDRAWN
    assert client.get(reverse("cooperation:need_edit", args=[need.pk])).status_code == 302


def test_withdraw_is_post_only(client):
    need = NeedFactory()
    client.force_login(FocalPointFactory(institution=need.institution))

    assert client.get(reverse("cooperation:need_withdraw", args=[need.pk])).status_code == 405


def test_the_need_list_runs_a_fixed_number_of_queries(client, count_queries):
    client.force_login(FocalPointFactory())
    NeedFactory.create_batch(2)
    two = count_queries(reverse("cooperation:need_list"))

    NeedFactory.create_batch(8)

    assert count_queries(reverse("cooperation:need_list")) == two
