"""Every admin action declares the permission it needs (so that the list
offers it only to those its service lets act) and writes to the admin's log
what it did, by whom (core/admin_actions.py)."""

import inspect

import pytest
from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.urls import reverse

from meetings.models import Meeting
from portfolio.enums import ProgramStatus
from tests.factories import FocalPointFactory
from tests.meetings.factories import MeetingFactory
from tests.meetings.test_admin import run_action
from tests.portfolio import test_admin as portfolio_admin
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def portal_admins():
    """The ModelAdmins the portal writes (not those of installed packages)."""
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if "site-packages" not in inspect.getfile(type(model_admin))
    ]


def test_every_admin_action_declares_its_permission():
    undeclared = [
        f"{model._meta.label}.{name}"
        for model, model_admin in portal_admins()
        for name in model_admin.actions or ()
        if not getattr(getattr(model_admin, name), "allowed_permissions", None)
    ]

    assert undeclared == []


def test_an_action_writes_to_the_log_for_each_object_it_changed(staff_client):
    person = FocalPointFactory()

    staff_client.post(
        reverse("admin:network_user_changelist"),
        {"action": "deactivate", "_selected_action": [person.pk]},
    )

    entry = LogEntry.objects.get()
    assert (entry.user, entry.object_id, entry.action_flag) == (
        staff_client.staff,
        str(person.pk),
        CHANGE,
    )
    assert entry.get_change_message() == "Deactivate (the person left)"


def test_an_object_the_service_refuses_is_not_logged(staff_client):
    draft = ProgramFactory(status=ProgramStatus.DRAFT)

    portfolio_admin.run_action(staff_client, "program", "publish", [draft.pk])

    assert not LogEntry.objects.exists()


def test_cloning_a_meeting_logs_the_copy_as_added(staff_client):
    meeting = MeetingFactory(title_en="WG2 meeting")

    run_action(staff_client, "meeting", "clone_for_next_meeting", [meeting.pk])

    copy = Meeting.objects.exclude(pk=meeting.pk).get()
    entry = LogEntry.objects.get()
    assert (entry.user, entry.object_id, entry.action_flag) == (
        staff_client.staff,
        str(copy.pk),
        ADDITION,
    )
    assert entry.get_change_message() == "Cloned from “WG2 meeting”."


def test_letting_the_waiting_list_in_is_logged_on_the_meeting(staff_client):
    meeting = MeetingFactory()

    run_action(staff_client, "meeting", "fill_places", [meeting.pk])

    entry = LogEntry.objects.get()
    assert (entry.user, entry.object_id) == (staff_client.staff, str(meeting.pk))
