"""The Secretariat runs meetings in the admin: the meeting with its agenda,
funding and documents; registrations approved or declined through the
services; the meetings whose funding is still uncovered."""

import datetime

import pytest
from django import forms
from django.contrib import admin, messages
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertTemplateUsed

from core.models import ActivityLog, EmailDelivery
from meetings import services
from meetings.enums import (
    Approval,
    AttendanceSource,
    DelegateRole,
    FundingItem,
    FundingStatus,
    MeetingStatus,
    RegistrationStatus,
)
from meetings.models import AgendaSession, FundingCommitment, Meeting
from tests.conftest import moves_logged, sign_in_with_second_factor
from tests.factories import (
    FocalPointFactory,
    InstitutionFactory,
    SecretariatStaffFactory,
    UserFactory,
    WorkingGroupFactory,
)
from tests.meetings.factories import (
    AgendaSessionFactory,
    DocumentFactory,
    DocumentFileFactory,
    FundingCommitmentFactory,
    MeetingFactory,
    PresenterFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db

Status = RegistrationStatus
REGISTERED = sorted(
    model._meta.model_name for model in admin.site._registry if model._meta.app_label == "meetings"
)
ASK_TEMPLATE = "admin/ask_then_apply.html"


@pytest.fixture
def staff():
    return SecretariatStaffFactory()


@pytest.fixture
def staff_client(client, staff):
    return sign_in_with_second_factor(client, staff)


def staff_with(client, *codenames):
    """A staff member signed in with only the meetings permissions named."""
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="meetings", codename__in=codenames)
    )
    return sign_in_with_second_factor(client, user)


def run_action(client, model_name, action, pks, **extra):
    return client.post(
        reverse(f"admin:meetings_{model_name}_changelist"),
        {"action": action, "_selected_action": [str(pk) for pk in pks], **extra},
    )


def message_texts(response, level=None):
    return [
        str(message)
        for message in get_messages(response.wsgi_request)
        if level is None or message.level == level
    ]


def _field_data(form):
    """What a browser posts for ``form`` as it was shown."""
    data = {}
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        if isinstance(field.widget, forms.MultiWidget):
            for index, part in enumerate(field.widget.decompress(value)):
                data[f"{bound.html_name}_{index}"] = "" if part is None else str(part)
        elif isinstance(field, forms.BooleanField):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(item) for item in value]
        else:
            data[bound.html_name] = "" if value is None else str(value)
    return data


def change_form_data(response, **changes):
    """The change form's data with its inlines, as shown, with ``changes``."""
    data = _field_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_field_data(formset.management_form))
        for form in formset.forms:
            data.update(_field_data(form))
    return {**data, **changes}


@pytest.fixture
def one_of_each(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = MeetingFactory(funding_needs=[FundingItem.LOGISTICS])
    session = AgendaSessionFactory(meeting=meeting)
    PresenterFactory(session=session)
    FundingCommitmentFactory(meeting=meeting)
    document = DocumentFactory(meeting=meeting)
    DocumentFileFactory(document=document)
    registration = RegistrationFactory(meeting=meeting)
    ActivityLog.objects.create(
        content_object=registration,
        action="confirm",
        from_state=Status.PENDING_CONFIRMATION,
        to_state=Status.SUBMITTED,
    )
    return {
        "meeting": meeting,
        "agendasession": session,
        "document": document,
        "registration": registration,
    }


# Pages --------------------------------------------------------------------


def test_registered_models_are_the_meetings_four():
    assert REGISTERED == ["agendasession", "document", "meeting", "registration"]


@pytest.mark.parametrize("model_name", REGISTERED)
def test_admin_changelist_and_change_pages_load_for_staff(staff_client, one_of_each, model_name):
    changelist = reverse(f"admin:meetings_{model_name}_changelist")
    change = reverse(f"admin:meetings_{model_name}_change", args=[one_of_each[model_name].pk])

    assert staff_client.get(changelist).status_code == 200
    assert staff_client.get(changelist, {"q": "a"}).status_code == 200
    assert staff_client.get(changelist, {"o": "-1"}).status_code == 200
    assert staff_client.get(change).status_code == 200


@pytest.mark.parametrize("model_name", REGISTERED)
def test_admin_add_page_loads_for_staff_except_registrations(staff_client, model_name):
    response = staff_client.get(reverse(f"admin:meetings_{model_name}_add"))

    assert response.status_code == (403 if model_name == "registration" else 200)


@pytest.mark.parametrize("model_name", REGISTERED)
def test_admin_changelist_is_forbidden_to_staff_without_the_group(client, model_name):
    sign_in_with_second_factor(client, UserFactory(is_staff=True))

    response = client.get(reverse(f"admin:meetings_{model_name}_changelist"))

    assert response.status_code == 403


def test_admin_sends_a_focal_point_to_the_admin_login(client):
    client.force_login(FocalPointFactory())

    response = client.get(reverse("admin:meetings_registration_changelist"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_meeting_change_page_shows_sessions_funding_and_documents(staff_client):
    meeting = MeetingFactory()
    session = AgendaSessionFactory(meeting=meeting, title="Panel on labor inspection")
    PresenterFactory(session=session, name="María Gómez")
    FundingCommitmentFactory(meeting=meeting, party=InstitutionFactory(name_en="ILO"))
    DocumentFactory(meeting=meeting, symbol="CIMT-18/GT1-GT2/doc.6/15")

    response = staff_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))

    page = response.content.decode()
    assert "Panel on labor inspection" in page
    assert "María Gómez" in page
    assert "ILO" in page
    assert "CIMT-18/GT1-GT2/doc.6/15" in page
    assert reverse("admin:meetings_agendasession_change", args=[session.pk]) in page
    assert reverse("admin:meetings_meeting_participants_export", args=[meeting.pk, "csv"]) in page
    assert reverse("admin:meetings_meeting_badges", args=[meeting.pk]) in page


def test_meeting_change_page_explains_the_date_precision(staff_client):
    meeting = MeetingFactory()

    response = staff_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))

    assert "State the dates as precisely as the plans do." in response.content.decode()


def test_meeting_change_page_offers_funding_needs_as_checkboxes(staff_client):
    meeting = MeetingFactory(funding_needs=[FundingItem.INTERPRETATION])

    response = staff_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))

    field = response.context["adminform"].form["funding_needs"]
    assert isinstance(field.field.widget, forms.CheckboxSelectMultiple)
    assert field.value() == ["interpretation"]


def test_meeting_change_page_without_registration_rights_has_no_participant_links(client):
    staff_with(client, "view_meeting", "change_meeting")
    meeting = MeetingFactory()

    response = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))

    assert response.status_code == 200
    assert "participants.csv" not in response.content.decode()


def test_agenda_session_page_edits_its_presenters(staff_client):
    session = AgendaSessionFactory()
    PresenterFactory(session=session, name="Carlos Ruiz")

    response = staff_client.get(reverse("admin:meetings_agendasession_change", args=[session.pk]))

    (presenters,) = response.context["inline_admin_formsets"]
    assert [form.instance.name for form in presenters.formset.initial_forms] == ["Carlos Ruiz"]


def test_meeting_changelist_counts_registrations_and_places_left(staff_client):
    meeting = MeetingFactory(capacity=10)
    RegistrationFactory.create_batch(2, meeting=meeting)
    RegistrationFactory(meeting=meeting, status=Status.WAITLISTED)
    RegistrationFactory(meeting=meeting, status=Status.PENDING_CONFIRMATION)

    response = staff_client.get(reverse("admin:meetings_meeting_changelist"))

    (row,) = response.context["cl"].result_list
    model_admin = response.context["cl"].model_admin
    assert row.registrations_confirmed == 3
    assert model_admin.places_left(row) == 8


def queries_of(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_meeting_changelist_runs_a_fixed_number_of_queries(staff_client):
    url = reverse("admin:meetings_meeting_changelist")
    meeting = MeetingFactory(funding_needs=[FundingItem.LOGISTICS])
    meeting.working_groups.add(WorkingGroupFactory())
    few = queries_of(staff_client, url)
    for _n in range(2):
        other = MeetingFactory(funding_needs=[FundingItem.LOGISTICS])
        other.working_groups.add(WorkingGroupFactory())
        FundingCommitmentFactory(meeting=other)

    assert queries_of(staff_client, url) == few


def test_registration_changelist_runs_a_fixed_number_of_queries(staff_client):
    url = reverse("admin:meetings_registration_changelist")
    meeting = MeetingFactory()
    RegistrationFactory(meeting=meeting, status=Status.APPROVED)
    few = queries_of(staff_client, url)
    RegistrationFactory(meeting=meeting)
    RegistrationFactory(meeting=MeetingFactory(), status=Status.APPROVED)

    assert queries_of(staff_client, url) == few


# Funding ------------------------------------------------------------------


@pytest.fixture
def funding_cases():
    """Meetings to come whose needs are covered or not, and others that are over."""
    today = timezone.localdate()
    missing_one = MeetingFactory(
        title_en="Missing interpretation",
        funding_needs=[FundingItem.LOGISTICS, FundingItem.INTERPRETATION],
    )
    FundingCommitmentFactory(meeting=missing_one, item=FundingItem.LOGISTICS)
    FundingCommitmentFactory(
        meeting=missing_one,
        item=FundingItem.INTERPRETATION,
        status=FundingStatus.STUDYING,
        party=None,
        party_name="Government of Canada",
    )
    covered = MeetingFactory(title_en="Covered", funding_needs=[FundingItem.LOGISTICS])
    FundingCommitmentFactory(meeting=covered, item=FundingItem.LOGISTICS)
    to_be_defined = MeetingFactory(
        title_en="To be defined",
        date_precision="undefined",
        funding_needs=[FundingItem.TRAVEL_ALL],
    )
    nothing_needed = MeetingFactory(title_en="Nothing needed")
    past = MeetingFactory(
        title_en="Past",
        start_date=today - datetime.timedelta(days=60),
        end_date=today - datetime.timedelta(days=59),
        registration_opens_at=None,
        registration_closes_at=None,
        funding_needs=[FundingItem.LOGISTICS],
    )
    cancelled = MeetingFactory(
        title_en="Cancelled", status=MeetingStatus.CANCELLED, funding_needs=[FundingItem.LOGISTICS]
    )
    return {
        "missing_one": missing_one,
        "covered": covered,
        "to_be_defined": to_be_defined,
        "nothing_needed": nothing_needed,
        "past": past,
        "cancelled": cancelled,
    }


def test_uncovered_funding_filter_lists_meetings_with_an_item_not_committed(
    staff_client, funding_cases
):
    url = reverse("admin:meetings_meeting_changelist")

    uncovered = staff_client.get(url, {"funding": "uncovered"}).context["cl"].result_list
    covered = staff_client.get(url, {"funding": "covered"}).context["cl"].result_list

    assert {meeting.title for meeting in uncovered} == {
        "Missing interpretation",
        "To be defined",
        "Past",
        "Cancelled",
    }
    assert {meeting.title for meeting in covered} == {"Covered", "Nothing needed"}


def test_uncovered_funding_filter_ignores_an_unknown_value(staff_client, funding_cases):
    response = staff_client.get(
        reverse("admin:meetings_meeting_changelist"), {"funding": "nonsense"}
    )

    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == len(funding_cases)


def test_uncovered_funding_page_lists_meetings_to_come_with_what_is_missing(
    staff_client, funding_cases
):
    response = staff_client.get(reverse("admin:meetings_meeting_uncovered_funding"))

    assert response.status_code == 200
    assert [meeting.title for meeting in response.context["meetings"]] == [
        "Missing interpretation",
        "To be defined",
    ]
    page = response.content.decode()
    assert "Simultaneous interpretation" in page
    assert "Government of Canada (studying the possibility)" in page
    missing = funding_cases["missing_one"]
    assert reverse("admin:meetings_meeting_change", args=[missing.pk]) in page


def test_uncovered_funding_page_is_forbidden_to_staff_without_the_group(client):
    sign_in_with_second_factor(client, UserFactory(is_staff=True))

    response = client.get(reverse("admin:meetings_meeting_uncovered_funding"))

    assert response.status_code == 403


# Meeting actions ----------------------------------------------------------


def test_clone_action_copies_the_meeting_for_the_next_one_and_opens_the_copy(staff_client):
    group = WorkingGroupFactory()
    meeting = MeetingFactory(
        title_en="WG2 meeting",
        capacity=40,
        quota_per_institution=3,
        approval=Approval.ENDORSEMENT,
        offer_hours=48,
        funding_needs=[FundingItem.LOGISTICS],
    )
    meeting.working_groups.add(group)
    session = AgendaSessionFactory(meeting=meeting, title="Panel 1", summary="What was said.")
    PresenterFactory(session=session)
    FundingCommitmentFactory(meeting=meeting, item=FundingItem.LOGISTICS)
    RegistrationFactory(meeting=meeting)

    response = run_action(staff_client, "meeting", "clone_for_next_meeting", [meeting.pk])

    copy = Meeting.objects.exclude(pk=meeting.pk).get()
    assert response.status_code == 302
    assert response.url == reverse("admin:meetings_meeting_change", args=[copy.pk])
    assert copy.title == "WG2 meeting (copy)"
    assert (copy.capacity, copy.quota_per_institution, copy.approval, copy.offer_hours) == (
        40,
        3,
        Approval.ENDORSEMENT,
        48,
    )
    assert copy.funding_needs == [FundingItem.LOGISTICS]
    assert list(copy.working_groups.all()) == [group]
    (copied_session,) = AgendaSession.objects.filter(meeting=copy)
    assert copied_session.title == "Panel 1"
    assert copied_session.summary == ""
    assert not copied_session.presenters.exists()
    assert FundingCommitment.objects.filter(meeting=copy, item=FundingItem.LOGISTICS).count() == 1
    assert not copy.registrations.exists()
    assert copy.status == MeetingStatus.PROPOSED
    assert copy.start_date is None


def test_clone_action_on_several_meetings_reports_the_count(staff_client):
    meetings = MeetingFactory.create_batch(2)

    response = run_action(
        staff_client, "meeting", "clone_for_next_meeting", [m.pk for m in meetings]
    )

    assert response.status_code == 302
    assert Meeting.objects.count() == 4
    assert message_texts(response, messages.SUCCESS) == ["2 meetings cloned."]


def full_meeting_with_a_waiting_list(capacity=1):
    meeting = MeetingFactory(capacity=capacity)
    RegistrationFactory.create_batch(capacity, meeting=meeting)
    waiting = RegistrationFactory(
        meeting=meeting, status=Status.WAITLISTED, waitlisted_at=timezone.now()
    )
    return meeting, waiting


def test_fill_places_action_lets_the_waiting_list_in(
    staff_client, django_capture_on_commit_callbacks
):
    meeting, waiting = full_meeting_with_a_waiting_list()
    Meeting.objects.filter(pk=meeting.pk).update(capacity=2)

    with django_capture_on_commit_callbacks(execute=False):
        response = run_action(staff_client, "meeting", "fill_places", [meeting.pk])

    waiting.refresh_from_db()
    assert waiting.status == Status.SUBMITTED
    assert EmailDelivery.objects.filter(key__endswith=f"{waiting.pk}:promoted").count() == 1
    assert message_texts(response, messages.SUCCESS) == [
        "1 person on the waiting list was given or offered a place."
    ]


def test_fill_places_action_says_when_nobody_could_move(staff_client):
    meeting, waiting = full_meeting_with_a_waiting_list()

    response = run_action(staff_client, "meeting", "fill_places", [meeting.pk])

    waiting.refresh_from_db()
    assert waiting.status == Status.WAITLISTED
    assert message_texts(response) == ["Nobody on the waiting lists could be let in."]


def test_raising_the_capacity_lets_the_waiting_list_in(
    staff_client, django_capture_on_commit_callbacks
):
    meeting, waiting = full_meeting_with_a_waiting_list()
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])

    with django_capture_on_commit_callbacks(execute=False):
        response = staff_client.post(
            url, change_form_data(staff_client.get(url), capacity="2", _continue="1")
        )

    assert response.status_code == 302, response.context["adminform"].form.errors
    waiting.refresh_from_db()
    assert waiting.status == Status.SUBMITTED
    assert "1 person on the waiting list was given or offered a place." in message_texts(response)


def test_saving_without_raising_the_capacity_moves_nobody(staff_client):
    meeting, waiting = full_meeting_with_a_waiting_list(capacity=2)
    # A place is free, but staff only change the venue: nothing moves.
    meeting.registrations.filter(status=Status.SUBMITTED).first().delete()
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])

    response = staff_client.post(url, change_form_data(staff_client.get(url), venue="Room B"))

    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Status.WAITLISTED


# Registrations ------------------------------------------------------------


def test_registration_status_is_not_editable(staff_client):
    registration = RegistrationFactory()

    response = staff_client.get(
        reverse("admin:meetings_registration_change", args=[registration.pk])
    )

    assert "status" not in response.context["adminform"].form.fields
    assert "meeting" not in response.context["adminform"].form.fields


def test_registration_change_keeps_the_status_posted(staff_client):
    registration = RegistrationFactory(job_title="Adviser")
    url = reverse("admin:meetings_registration_change", args=[registration.pk])

    response = staff_client.post(
        url, change_form_data(staff_client.get(url), job_title="Director", status="approved")
    )

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.job_title == "Director"
    assert registration.status == Status.SUBMITTED


def test_registration_change_refuses_an_address_registered_already(staff_client):
    registration = RegistrationFactory()
    other = RegistrationFactory(meeting=registration.meeting, email="taken@example.org")
    url = reverse("admin:meetings_registration_change", args=[registration.pk])

    response = staff_client.post(
        url, change_form_data(staff_client.get(url), email="TAKEN@example.org")
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "email": ["This address is registered for this meeting already."]
    }
    assert other.email == "taken@example.org"


def test_awaiting_filter_lists_what_the_secretariat_can_approve(staff_client):
    secretariat = MeetingFactory(approval=Approval.SECRETARIAT)
    endorsement = MeetingFactory(approval=Approval.ENDORSEMENT)
    submitted = RegistrationFactory(meeting=secretariat)
    endorsed = RegistrationFactory(meeting=endorsement, status=Status.ENDORSED)
    RegistrationFactory(meeting=endorsement)
    RegistrationFactory(meeting=secretariat, status=Status.APPROVED)

    response = staff_client.get(
        reverse("admin:meetings_registration_changelist"), {"awaiting": "yes"}
    )

    assert set(response.context["cl"].result_list) == {submitted, endorsed}


def test_approve_action_emails_each_approved_person_and_reports_failures(
    staff_client, staff, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(approval=Approval.ENDORSEMENT)
    first = RegistrationFactory(meeting=meeting, status=Status.ENDORSED)
    second = RegistrationFactory(meeting=meeting, status=Status.ENDORSED)
    not_endorsed = RegistrationFactory(meeting=meeting, full_name="Luis Soto")

    with django_capture_on_commit_callbacks(execute=False):
        response = run_action(
            staff_client, "registration", "approve", [first.pk, second.pk, not_endorsed.pk]
        )

    assert response.status_code == 302
    for registration in (first, second):
        registration.refresh_from_db()
        assert registration.status == Status.APPROVED
        assert moves_logged(registration, "actor")[-1] == (staff,)
    not_endorsed.refresh_from_db()
    assert not_endorsed.status == Status.SUBMITTED
    approved_emails = EmailDelivery.objects.filter(key__endswith=":approved")
    assert sorted(approved_emails.values_list("to", flat=True)) == sorted(
        [first.email, second.email]
    )
    assert message_texts(response, messages.ERROR) == [
        f"{not_endorsed}: The delegation's focal point has not endorsed it yet."
    ]
    assert message_texts(response, messages.SUCCESS) == ["2 registrations approved."]


def test_approve_action_is_not_offered_without_the_right_to_manage(client):
    staff_with(client, "view_registration")

    response = client.get(reverse("admin:meetings_registration_changelist"))

    assert response.status_code == 403


def test_decline_action_first_asks_for_a_note(staff_client):
    registration = RegistrationFactory()

    response = run_action(staff_client, "registration", "decline", [registration.pk])

    assert response.status_code == 200
    assertTemplateUsed(response, ASK_TEMPLATE)
    registration.refresh_from_db()
    assert registration.status == Status.SUBMITTED


def test_decline_action_with_a_note_records_it_and_emails_the_person(
    staff_client, staff, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory()

    with django_capture_on_commit_callbacks(execute=False):
        response = run_action(
            staff_client,
            "registration",
            "decline",
            [registration.pk],
            apply="1",
            note="Only one adviser per delegation.",
        )

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.DECLINED
    assert moves_logged(registration, "from_state", "to_state", "actor", "comment")[-1] == (
        Status.SUBMITTED,
        Status.DECLINED,
        staff,
        "Only one adviser per delegation.",
    )
    declined = EmailDelivery.objects.get(key__endswith=":declined")
    assert declined.to == registration.email
    assert "Only one adviser per delegation." in declined.body
    assert message_texts(response, messages.SUCCESS) == ["1 registration declined."]


def test_decline_action_reports_a_registration_that_ended_already(staff_client):
    registration = RegistrationFactory(status=Status.WITHDRAWN, full_name="Eva Ríos")

    response = run_action(
        staff_client, "registration", "decline", [registration.pk], apply="1", note=""
    )

    assert message_texts(response, messages.ERROR) == [
        f"{registration}: This registration is “Withdrawn” already."
    ]


def test_registration_change_page_shows_its_activity_log(staff_client, staff):
    registration = RegistrationFactory()
    ActivityLog.objects.create(
        content_object=registration,
        actor=staff,
        action="approve",
        from_state=Status.SUBMITTED,
        to_state=Status.APPROVED,
        comment="Checked by phone.",
    )

    response = staff_client.get(
        reverse("admin:meetings_registration_change", args=[registration.pk])
    )

    (log,) = response.context["inline_admin_formsets"]
    assert not log.has_add_permission
    assert not log.has_change_permission
    assert "Checked by phone." in response.content.decode()


def test_staff_letter_link_downloads_the_pdf_of_an_approved_registration(staff_client):
    registration = RegistrationFactory(status=Status.APPROVED, role=DelegateRole.HEAD)

    response = staff_client.get(
        reverse("admin:meetings_registration_letter", args=[registration.pk])
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_staff_letter_link_is_refused_for_a_registration_not_approved(staff_client):
    registration = RegistrationFactory(status=Status.SUBMITTED)

    response = staff_client.get(
        reverse("admin:meetings_registration_letter", args=[registration.pk])
    )

    assert response.status_code == 302
    assert response.url == reverse("admin:meetings_registration_change", args=[registration.pk])
    assert message_texts(response) == ["The letter is available once the registration is approved."]


def test_staff_letter_link_for_an_unknown_registration_is_not_found(staff_client):
    response = staff_client.get(reverse("admin:meetings_registration_letter", args=["999999"]))

    assert response.status_code == 404


# The staff dashboard ------------------------------------------------------


def test_dashboard_counts_registrations_to_approve_and_meetings_with_uncovered_funding(
    staff_client, funding_cases
):
    RegistrationFactory.create_batch(2, meeting=funding_cases["covered"])

    lines = {
        line["label"]: line for line in staff_client.get(reverse("admin:index")).context["waiting"]
    }

    assert lines["Registrations to approve"]["count"] == 2
    assert lines["Meetings with uncovered funding"]["count"] == 2
    for label in ("Registrations to approve", "Meetings with uncovered funding"):
        assert staff_client.get(lines[label]["url"]).status_code == 200


def test_meeting_change_page_counts_who_is_present(staff_client):
    meeting = MeetingFactory()
    present = RegistrationFactory(meeting=meeting, status=RegistrationStatus.APPROVED)
    RegistrationFactory(meeting=meeting, status=RegistrationStatus.APPROVED)
    services.attendance_record(registration=present, source=AttendanceSource.LIST)

    response = staff_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))

    page = response.content.decode()
    assert "1 of 2 approved participants" in page
    assert reverse("meetings:check_in", kwargs={"slug": meeting.slug}) in page
    assert reverse("meetings:attendance_import", kwargs={"slug": meeting.slug}) in page


def test_registration_changelist_filters_who_is_present(staff_client):
    meeting = MeetingFactory()
    present = RegistrationFactory(
        meeting=meeting, full_name="Ana Present", status=RegistrationStatus.APPROVED
    )
    RegistrationFactory(
        meeting=meeting, full_name="Luis Absent", status=RegistrationStatus.APPROVED
    )
    services.attendance_record(registration=present, source=AttendanceSource.CHECK_IN)
    url = reverse("admin:meetings_registration_changelist")

    present_page = staff_client.get(url, {"attended": "yes"}).content.decode()
    source_page = staff_client.get(url, {"attendance_source": "check_in"}).content.decode()

    assert "Ana Present" in present_page
    assert "Luis Absent" not in present_page
    assert "Ana Present" in source_page
    assert "Luis Absent" not in source_page
