"""A meeting's page: details, agenda, documents, funding, participants,
registration state and who may see it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.enums import (
    DatePrecision,
    DelegateRole,
    FundingItem,
    FundingStatus,
    MeetingStatus,
    ParticipantListVisibility,
    RegistrationStatus,
    SessionKind,
    Visibility,
)
from tests.factories import (
    ConferenceFactory,
    InstitutionFactory,
    MemberStateFactory,
    OrganizationFactory,
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
from tests.meetings.roles import ROLES, make_user, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def page(client, meeting):
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_meeting_page_shows_details_with_times_in_the_meeting_time_zone(client):
    conference = ConferenceFactory(number=15, year=2007)
    group = WorkingGroupFactory(conference=conference, number=2, name_en="Labor dimension")
    coordinator = InstitutionFactory(name_en="Ministry of Labor of Colombia")
    meeting = MeetingFactory(
        title_en="WG2 meeting",
        description_en="Exchange of experiences.",
        conference=conference,
        city="Washington",
        host_state=MemberStateFactory(name_en="United States"),
        venue="OAS headquarters",
        time_zone="America/New_York",
        start_date=datetime.date(2030, 7, 10),
        end_date=datetime.date(2030, 7, 11),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(17, 30),
        languages=["en", "es"],
        interpretation=["es", "xx"],
    )
    meeting.working_groups.add(group)
    meeting.coordinating_institutions.add(coordinator)

    html = page(client, meeting)

    assert "WG2 meeting" in html
    assert "Exchange of experiences." in html
    assert "July 10–11, 2030" in html
    assert "09:00–17:30" in html
    assert "America/New_York (UTC−04:00)" in html
    assert "Washington, United States" in html
    assert "OAS headquarters" in html
    assert "WG2 (XV IACML): Labor dimension" in html
    assert "Ministry of Labor of Colombia" in html
    assert "English, Spanish" in html
    assert "Spanish, xx" in html
    assert reverse("meetings:meeting_calendar", args=[meeting.slug]) in html


def test_time_zone_offset_is_the_one_of_the_meeting_days(client):
    meeting = MeetingFactory(
        time_zone="America/New_York",
        start_date=datetime.date(2030, 1, 15),
        end_date=datetime.date(2030, 1, 15),
    )

    assert "America/New_York (UTC−05:00)" in page(client, meeting)


def test_an_undated_meeting_says_so_and_offers_no_calendar_event(client):
    meeting = MeetingFactory(
        date_precision=DatePrecision.SEMESTER,
        start_date=datetime.date(2031, 8, 1),
        date_note="Date to be defined in WGs meeting in April",
    )

    html = page(client, meeting)

    assert "second semester of 2031" in html
    assert "Date to be defined in WGs meeting in April" in html
    assert reverse("meetings:meeting_calendar", args=[meeting.slug]) not in html


def test_agenda_is_a_timetable_by_day_with_presenters_and_summaries(client):
    meeting = MeetingFactory(
        start_date=datetime.date(2030, 5, 13), end_date=datetime.date(2030, 5, 14)
    )
    second_day = AgendaSessionFactory(
        meeting=meeting,
        day_number=2,
        title="Panel 4: Gender",
        start_time=datetime.time(9, 0),
        end_time=datetime.time(10, 30),
    )
    first = AgendaSessionFactory(
        meeting=meeting,
        title="Panel 1: Labor law compliance",
        moderator="Ms. Moderator",
        start_time=datetime.time(9, 30),
        end_time=datetime.time(11, 0),
        summary="First paragraph.\r\n\r\nSecond paragraph.",
    )
    AgendaSessionFactory(
        meeting=meeting,
        kind=SessionKind.BREAK,
        title="Coffee",
        start_time=datetime.time(11, 0),
        end_time=datetime.time(11, 15),
    )
    PresenterFactory(
        session=first,
        name="Ana Pérez",
        title="Director of Inspection",
        institution=InstitutionFactory(name_en="Ministry of Labor of Chile"),
    )
    PresenterFactory(session=first, name="John Roe", title="", institution=None, organization="ILO")
    PresenterFactory(session=second_day, name="Third Person")

    response = client.get(meeting.get_absolute_url())

    # Passed unevaluated: the page's fragment builds it.
    agenda = response.context["agenda"]().days
    assert [(day.number, day.date) for day in agenda] == [
        (1, datetime.date(2030, 5, 13)),
        (2, datetime.date(2030, 5, 14)),
    ]
    assert [session.title for session in agenda[0].sessions] == [
        "Panel 1: Labor law compliance",
        "Coffee",
    ]
    html = response.content.decode()
    assert "09:30–11:00" in html
    assert "Moderator: Ms. Moderator" in html
    assert "Ana Pérez, Director of Inspection, Ministry of Labor of Chile" in html
    assert "John Roe, ILO" in html
    assert '<p class="mb-2" lang="en">First paragraph.</p>' in html
    assert '<p class="mb-2" lang="en">Second paragraph.</p>' in html
    assert html.index("Monday, May 13, 2030") < html.index("Tuesday, May 14, 2030")


def test_agenda_of_a_meeting_without_exact_days_numbers_its_days(client):
    meeting = MeetingFactory(date_precision=DatePrecision.UNDEFINED)
    AgendaSessionFactory(meeting=meeting, day_number=1)

    assert "Day 1" in page(client, meeting)


@pytest.mark.parametrize("role", ROLES)
def test_documents_are_listed_with_their_languages_restricted_ones_downloadable_by_delegates(
    client, role
):
    meeting = MeetingFactory()
    public = DocumentFactory(meeting=meeting, symbol="CIMT/doc.1/30", title_en="Agenda")
    DocumentFileFactory(document=public, language="en")
    DocumentFileFactory(document=public, language="es")
    restricted = DocumentFactory(
        meeting=meeting, symbol="CIMT/doc.2/30", visibility=Visibility.DELEGATES
    )
    DocumentFileFactory(document=restricted, language="en")
    sign_in(client, make_user(role, meeting))

    html = page(client, meeting)

    assert "CIMT/doc.1/30" in html
    assert "CIMT/doc.2/30" in html
    assert reverse("meetings:document_download", args=[public.pk, "en"]) in html
    assert reverse("meetings:document_download", args=[public.pk, "es"]) in html
    restricted_link = reverse("meetings:document_download", args=[restricted.pk, "en"])
    assert (restricted_link in html) == (role in ("focal_point", "delegate", "staff"))


def test_funding_is_a_party_by_item_table_that_flags_uncovered_needs(client):
    meeting = MeetingFactory(
        funding_needs=[FundingItem.LOGISTICS, FundingItem.INTERPRETATION, FundingItem.TRAVEL_ALL]
    )
    host = InstitutionFactory(
        member_state=MemberStateFactory(name_en="Mexico"), name_en="Ministry of Labor"
    )
    FundingCommitmentFactory(meeting=meeting, party=host, item=FundingItem.LOGISTICS)
    FundingCommitmentFactory(
        meeting=meeting,
        party=None,
        party_name="USDOL-ILO Project",
        item=FundingItem.INTERPRETATION,
        status=FundingStatus.STUDYING,
        note="Pending donor decision",
    )

    response = client.get(meeting.get_absolute_url())

    funding = response.context["funding"]
    assert [item["value"] for item in funding.items] == [
        FundingItem.LOGISTICS,
        FundingItem.INTERPRETATION,
        FundingItem.TRAVEL_ALL,
    ]
    assert funding.uncovered == [FundingItem.INTERPRETATION, FundingItem.TRAVEL_ALL]
    assert [(row["party"], [len(cell) for cell in row["cells"]]) for row in funding.rows] == [
        ("Ministry of Labor (Mexico)", [1, 0, 0]),
        ("USDOL-ILO Project", [0, 1, 0]),
    ]
    html = response.content.decode()
    assert "Not covered yet:" in html
    assert "Simultaneous interpretation; Travel of all participants." in html
    assert "Pending donor decision" in html


def test_a_meeting_without_funding_lines_or_needs_shows_no_funding_table(client):
    assert "funding-heading" not in page(client, MeetingFactory())


def _participants(meeting):
    chile = InstitutionFactory(
        member_state=MemberStateFactory(name_en="Chile"), name_en="Ministry of Labor"
    )
    RegistrationFactory(
        meeting=meeting,
        institution=chile,
        full_name="Zoe Head",
        role=DelegateRole.HEAD,
        status=RegistrationStatus.APPROVED,
        listed_consent=True,
    )
    RegistrationFactory(
        meeting=meeting,
        institution=chile,
        full_name="Adam Adviser",
        role=DelegateRole.ADVISER,
        status=RegistrationStatus.APPROVED,
        listed_consent=False,
    )
    RegistrationFactory(
        meeting=meeting,
        institution=OrganizationFactory(name_en="International Labour Organization"),
        full_name="Olga Observer",
        role=DelegateRole.OBSERVER,
        status=RegistrationStatus.APPROVED,
        listed_consent=True,
    )
    RegistrationFactory(meeting=meeting, full_name="Not Yet Approved", listed_consent=True)


def listed(response):
    if "removed after the retention period" in response.content.decode():
        return None
    delegations = response.context["delegations"]()
    if delegations is None:
        return None
    return [(d.name, [p.full_name for p in d.participants]) for d in delegations]


def test_participant_list_all_approved_grouped_by_delegation_head_first(client):
    meeting = MeetingFactory(participant_list=ParticipantListVisibility.ALL)
    _participants(meeting)

    response = client.get(meeting.get_absolute_url())

    assert listed(response) == [
        ("Ministry of Labor (Chile)", ["Zoe Head", "Adam Adviser"]),
        ("International Labour Organization", ["Olga Observer"]),
    ]
    assert "Not Yet Approved" not in response.content.decode()


def test_participant_list_of_consenting_participants_only(client):
    meeting = MeetingFactory(participant_list=ParticipantListVisibility.CONSENTING)
    _participants(meeting)

    response = client.get(meeting.get_absolute_url())

    assert listed(response) == [
        ("Ministry of Labor (Chile)", ["Zoe Head"]),
        ("International Labour Organization", ["Olga Observer"]),
    ]
    assert "Adam Adviser" not in response.content.decode()


def test_hidden_participant_list_shows_nobody(client):
    meeting = MeetingFactory(participant_list=ParticipantListVisibility.HIDDEN)
    _participants(meeting)

    response = client.get(meeting.get_absolute_url())

    assert listed(response) is None
    html = response.content.decode()
    assert "Zoe Head" not in html
    assert "not published" in html


def test_participant_list_never_shows_contact_details(client):
    meeting = MeetingFactory(participant_list=ParticipantListVisibility.ALL)
    registration = RegistrationFactory(
        meeting=meeting, status=RegistrationStatus.APPROVED, phone="+1 555 0100"
    )

    html = page(client, meeting)

    assert registration.full_name in html
    assert registration.email not in html
    assert "+1 555 0100" not in html


@pytest.mark.parametrize(
    ("opens", "closes", "expected"),
    [
        (-2, 5, "Registration is open until"),
        (2, 5, "Registration opens on"),
        (-5, -2, "Registration closed on"),
        (None, None, "takes no registrations"),
    ],
)
def test_registration_box_says_the_registration_state(client, opens, closes, expected):
    now = timezone.now()
    meeting = MeetingFactory(
        registration_opens_at=opens and now + datetime.timedelta(days=opens),
        registration_closes_at=closes and now + datetime.timedelta(days=closes),
    )

    assert expected in page(client, meeting)


def test_registration_box_counts_the_places_left(client):
    meeting = MeetingFactory(capacity=3)
    RegistrationFactory(meeting=meeting)

    assert "2 places left." in page(client, meeting)


def test_registration_dates_are_shown_in_the_meeting_time_zone(client):
    meeting = MeetingFactory(
        time_zone="America/Bogota",
        registration_opens_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
        registration_closes_at=datetime.datetime(2099, 6, 1, 4, 59, tzinfo=datetime.UTC),
    )

    assert "May 31, 2099, 11:59 p.m. (America/Bogota)" in page(client, meeting)


def test_a_cancelled_meeting_says_so(client):
    meeting = MeetingFactory(status=MeetingStatus.CANCELLED)

    html = page(client, meeting)

    assert "This meeting is cancelled." in html
    assert "takes no registrations" in html


@pytest.mark.parametrize("role", ROLES)
def test_restricted_meeting_page_is_404_for_those_who_may_not_see_it(client, role):
    meeting = MeetingFactory(visibility=Visibility.DELEGATES)
    sign_in(client, make_user(role, meeting))

    status = client.get(meeting.get_absolute_url()).status_code

    assert status == (200 if role in ("focal_point", "delegate", "staff") else 404)


@pytest.mark.parametrize("slug", ["no-such-meeting", "UPPER", "a" * 200])
def test_unknown_meeting_is_404(client, slug):
    MeetingFactory()

    assert client.get(f"/meetings/{slug}/").status_code == 404


def test_meeting_page_refuses_post(client):
    assert client.post(MeetingFactory().get_absolute_url()).status_code == 405


def _fill(meeting, count):
    for day in (1, 2):
        for _ in range(count):
            session = AgendaSessionFactory(meeting=meeting, day_number=day)
            for _ in range(count):
                PresenterFactory(session=session)
    for _ in range(count):
        document = DocumentFactory(meeting=meeting)
        DocumentFileFactory(document=document, language="en")
        DocumentFileFactory(document=document, language="es")
        restricted = DocumentFactory(meeting=meeting, visibility=Visibility.DELEGATES)
        DocumentFileFactory(document=restricted)
        FundingCommitmentFactory(meeting=meeting, item=FundingItem.TRAVEL_OWN)
        RegistrationFactory(
            meeting=meeting, status=RegistrationStatus.APPROVED, listed_consent=True
        )
        meeting.working_groups.add(WorkingGroupFactory())
        meeting.coordinating_institutions.add(InstitutionFactory())


@pytest.mark.parametrize("role", ["visitor", "focal_point", "delegate", "staff"])
def test_meeting_page_runs_a_fixed_number_of_queries(client, count_queries, role):
    meeting = MeetingFactory(
        capacity=100,
        funding_needs=[FundingItem.LOGISTICS],
        national_reports_due=datetime.date(2099, 1, 1),
    )
    sign_in(client, make_user(role, meeting))
    _fill(meeting, 1)
    small = count_queries(meeting.get_absolute_url())

    _fill(meeting, 3)

    assert count_queries(meeting.get_absolute_url()) == small


SPANISH = {"accept-language": "es"}


def test_a_spanish_reader_gets_the_spanish_description_and_agenda(client):
    meeting = MeetingFactory(
        title_en="Working groups meeting",
        title_es="Reunión de los grupos de trabajo",
        description_en="The groups meet.",
        description_es="Los grupos se reúnen.",
    )
    AgendaSessionFactory(meeting=meeting, title_en="Opening", title_es="Apertura", day_number=1)

    html = client.get(meeting.get_absolute_url(), headers=SPANISH).content.decode()

    assert '<h1 class="h2" lang="es">Reunión de los grupos de trabajo</h1>' in html
    assert '<div class="mt-3" lang="es"><p>Los grupos se reúnen.</p></div>' in html
    assert '<strong lang="es">Apertura</strong>' in html
    assert 'href="?version=en" hreflang="en">Leer en inglés</a>' in html
    assert "disponible" not in html.split("<h1", 1)[1].split("Agenda", 1)[0]


def test_a_spanish_reader_is_told_what_exists_only_in_english(client):
    meeting = MeetingFactory(
        title_en="Working groups meeting",
        title_es="Reunión de los grupos de trabajo",
        description_en="The groups meet.",
    )
    AgendaSessionFactory(
        meeting=meeting,
        title_en="Panel 1",
        title_es="Panel 1 (es)",
        summary_en="The panel discussed inspection.",
        day_number=1,
    )

    html = client.get(meeting.get_absolute_url(), headers=SPANISH).content.decode()

    # The description exists in English only: title and description in English, said so.
    assert '<h1 class="h2" lang="en">Working groups meeting</h1>' in html
    assert "La descripción de esta reunión está disponible solo en inglés." in html
    assert "Algunas partes de la agenda están disponibles solo en inglés." in html
    assert '<p class="mb-2" lang="en">The panel discussed inspection.</p>' in html


def test_an_english_reader_gets_no_note_for_an_english_meeting(client):
    meeting = MeetingFactory(description_en="The groups meet.")
    AgendaSessionFactory(meeting=meeting, summary_en="Discussed.", day_number=1)

    html = client.get(meeting.get_absolute_url(), headers={"accept-language": "en"})

    html = html.content.decode()
    assert "available in" not in html
    assert "?version=" not in html
