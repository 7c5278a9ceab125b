"""The registry of open datasets: one declaration each, whose columns are its
data dictionary. Each reads through the selector or queryset its public page
uses, as a visitor who is not signed in: a file can never show more than the
pages do (no draft, no restricted meeting or document, no contact address)."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from cooperation import statistics
from cooperation.enums import RequestStatus
from cooperation.models import ExpectedResult, Request
from fund import selectors as fund_selectors
from fund.models import Contribution
from meetings import selectors as meeting_selectors
from meetings.models import DocumentFile, Meeting
from network.models import MemberState
from portfolio import selectors as portfolio_selectors
from portfolio.models import Program

# Every file is what a visitor who is not signed in may read.
VISITOR = AnonymousUser()

# Frictionless Table Schema's field types used here.
STRING, INTEGER, NUMBER, BOOLEAN, DATE, DATETIME = (
    "string",
    "integer",
    "number",
    "boolean",
    "date",
    "datetime",
)


@dataclass(frozen=True)
class Column:
    """A column of a dataset and its entry in the data dictionary. ``value``
    takes a row's object and returns a value of ``type`` or None; a column
    with ``address`` holds a path of the portal, written as a full address."""

    name: str
    type: str
    description: str
    value: Callable
    address: bool = False


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    columns: list[Column]
    rows: Callable[[], Iterable]


def _names(objects):
    return "; ".join(str(obj) for obj in objects)


def _slugs(objects):
    return "; ".join(obj.slug for obj in objects)


def _iso(member_state):
    return member_state.iso_code if member_state else None


# The Program Portfolio ---------------------------------------------------------


def _programs():
    return (
        portfolio_selectors.programs_for_cards(Program.objects.published())
        .prefetch_related("target_groups")
        .order_by("pk")
    )


PROGRAMS = Dataset(
    slug="programs",
    title=_("Programs of the Program Portfolio"),
    description=_(
        "The programs that ministries of labor offer to share with their peers, as "
        "published in the Program Portfolio."
    ),
    rows=_programs,
    columns=[
        Column("slug", STRING, _("The program's key in its address."), lambda p: p.slug),
        Column("title", STRING, _("Title."), lambda p: p.title),
        Column("summary", STRING, _("Summary."), lambda p: p.summary),
        Column(
            "original_language",
            STRING,
            _("The language the program is written in (en, es, pt or fr)."),
            lambda p: p.language,
        ),
        Column("ministry", STRING, _("The ministry that runs it."), lambda p: p.owner.name),
        Column(
            "member_state",
            STRING,
            _("The ministry's member state, by ISO code."),
            lambda p: _iso(p.owner.member_state),
        ),
        Column(
            "topics",
            STRING,
            _("Its topics, by key, separated by semicolons."),
            lambda p: _slugs(p.topics.all()),
        ),
        Column(
            "target_groups",
            STRING,
            _("The groups it serves, by key, separated by semicolons."),
            lambda p: _slugs(p.target_groups.all()),
        ),
        Column(
            "offers",
            STRING,
            _("The kinds of cooperation offered on it, separated by semicolons."),
            lambda p: "; ".join(offer.kind for offer in p.offers.all()),
        ),
        Column("start_year", INTEGER, _("The year it started."), lambda p: p.start_year),
        Column(
            "implementation_status",
            STRING,
            _("Whether it is being implemented or has ended."),
            lambda p: p.implementation_status,
        ),
        Column(
            "published_at", DATETIME, _("When it was first published."), lambda p: p.published_at
        ),
        Column(
            "last_verified",
            DATE,
            _("When its ministry last confirmed it is current."),
            lambda p: p.last_verified,
        ),
        Column("url", STRING, _("Its page."), lambda p: p.get_absolute_url(), address=True),
    ],
)


# Meetings and their documents ---------------------------------------------------


def _meetings():
    meetings = Meeting.objects.visible_to(VISITOR).in_calendar_order()
    return (
        meeting_selectors.meetings_for_list(meetings)
        .prefetch_related("topics")
        .defer(*meeting_selectors.CARD_DEFERRED)
    )


MEETINGS = Dataset(
    slug="meetings",
    title=_("Meetings"),
    description=_(
        "The public meetings of the IACML process: working groups, workshops, "
        "seminars, webinars and the Conference, in calendar order."
    ),
    rows=_meetings,
    columns=[
        Column("slug", STRING, _("The meeting's key in its address."), lambda m: m.slug),
        Column("title", STRING, _("Title."), lambda m: m.title),
        Column("kind", STRING, _("Kind of meeting."), lambda m: m.kind),
        Column("status", STRING, _("Proposed, confirmed, held or cancelled."), lambda m: m.status),
        Column(
            "date_precision",
            STRING,
            _("How precisely its dates are known."),
            lambda m: m.date_precision,
        ),
        Column("start_date", DATE, _("First day, when known."), lambda m: m.start_date),
        Column("end_date", DATE, _("Last day, when known."), lambda m: m.end_date),
        Column(
            "dates",
            STRING,
            _("The dates as precisely as they are known, in words."),
            lambda m: m.dates_display(),
        ),
        Column("is_online", BOOLEAN, _("Held online."), lambda m: m.is_online),
        Column(
            "host_state",
            STRING,
            _("The host member state, by ISO code."),
            lambda m: _iso(m.host_state),
        ),
        Column("city", STRING, _("City."), lambda m: m.city),
        Column(
            "conference",
            INTEGER,
            _("The number of the IACML whose cycle it belongs to."),
            lambda m: m.conference.number if m.conference else None,
        ),
        Column(
            "working_groups",
            STRING,
            _("Its working groups, separated by semicolons."),
            lambda m: _names(m.working_groups.all()),
        ),
        Column(
            "topics",
            STRING,
            _("Its topics, by key, separated by semicolons."),
            lambda m: _slugs(m.topics.all()),
        ),
        Column("url", STRING, _("Its page."), lambda m: m.get_absolute_url(), address=True),
    ],
)


def _documents():
    documents = meeting_selectors.documents_visible_to(VISITOR)
    # Only what the columns read: the title in each language, for its fallback.
    return (
        DocumentFile.objects.filter(document__in=documents)
        .select_related("document__meeting")
        .only(
            "language",
            "document",
            "document__symbol",
            *(
                f"document__{build_localized_fieldname('title', code)}"
                for code in settings.MODELTRANSLATION_LANGUAGES
            ),
            "document__kind",
            "document__published_on",
            "document__meeting",
            "document__meeting__slug",
        )
        .order_by("document__pk", "language")
    )


DOCUMENTS = Dataset(
    slug="documents",
    title=_("Meeting documents"),
    description=_(
        "The official documents of public meetings, one row per language a document is in."
    ),
    rows=_documents,
    columns=[
        Column("document_id", INTEGER, _("The document's number."), lambda f: f.document.pk),
        Column("symbol", STRING, _("Its official symbol."), lambda f: f.document.symbol),
        Column("title", STRING, _("Title."), lambda f: f.document.title),
        Column("kind", STRING, _("Kind of document."), lambda f: f.document.kind),
        Column(
            "published_on", DATE, _("When it was published."), lambda f: f.document.published_on
        ),
        Column(
            "meeting",
            STRING,
            _("The meeting it belongs to, by key (see the meetings dataset)."),
            lambda f: f.document.meeting.slug,
        ),
        Column("language", STRING, _("The language of this file."), lambda f: f.language),
        Column(
            "url",
            STRING,
            _("Where to download this file."),
            lambda f: f.get_file_url(),
            address=True,
        ),
    ],
)


# The Voluntary Contribution Fund -------------------------------------------------


@dataclass
class LedgerLine:
    record_type: str
    date: datetime.date
    party: str
    member_state: str | None
    category: str
    amount: object
    currency: str
    rate_usd: object
    value_usd: object
    reverses: datetime.date | None


def _ledger():
    """The fund's books as its statement's pages show them, line by line."""
    for record in fund_selectors.contribution_records():
        yield LedgerLine(
            record_type="contribution",
            date=record.received_on,
            party=record.institution.name,
            member_state=_iso(record.institution.member_state),
            category=record.kind,
            amount=record.signed_amount,
            currency=record.currency,
            rate_usd=record.rate,
            value_usd=record.value,
            reverses=record.reverses.received_on if record.reverses_id else None,
        )
    for record in fund_selectors.expense_records():
        yield LedgerLine(
            record_type="expense",
            date=record.spent_on,
            party=record.description,
            member_state=None,
            category=record.budget_line,
            amount=record.value,
            currency="USD",
            rate_usd=None,
            value_usd=record.value,
            reverses=record.reverses.spent_on if record.reverses_id else None,
        )


def _attribute(name):
    return lambda row: getattr(row, name)


FUND_LEDGER = Dataset(
    slug="fund-ledger",
    title=_("The fund's ledger"),
    description=_(
        "Every contribution received and every expense of the Voluntary Contribution "
        "Fund, as published behind the lines of its statement. A reversing entry "
        "corrects an earlier record and counts negatively."
    ),
    rows=_ledger,
    columns=[
        Column(
            "record_type",
            STRING,
            _("contribution or expense."),
            _attribute("record_type"),
        ),
        Column("date", DATE, _("When it was received or spent."), _attribute("date")),
        Column(
            "party",
            STRING,
            _("The contributing institution, or what the expense paid for."),
            _attribute("party"),
        ),
        Column(
            "member_state",
            STRING,
            _("The contributor's member state, by ISO code."),
            _attribute("member_state"),
        ),
        Column(
            "category",
            STRING,
            _("A contribution's kind (financial, in_kind) or an expense's budget line."),
            _attribute("category"),
        ),
        Column(
            "amount",
            NUMBER,
            _("The amount, in its currency (negative: a reversal)."),
            _attribute("amount"),
        ),
        Column("currency", STRING, _("ISO 4217 currency code."), _attribute("currency")),
        Column(
            "rate_usd",
            NUMBER,
            _("US dollars per unit of the currency (empty in US dollars)."),
            _attribute("rate_usd"),
        ),
        Column(
            "value_usd",
            NUMBER,
            _("The value as it counts, in US dollars."),
            _attribute("value_usd"),
        ),
        Column(
            "reverses",
            DATE,
            _("For a reversing entry, the date of the record it corrects."),
            _attribute("reverses"),
        ),
    ],
)


def _statements_by_year():
    first = Contribution.objects.effective().aggregate(first=Min("received_on"))["first"]
    if first is None:
        return
    for year in range(first.year, timezone.localdate().year + 1):
        statement = fund_selectors.statement_of_period(
            start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31)
        )
        statement.year = year
        yield statement


FUND_STATEMENT = Dataset(
    slug="fund-statement",
    title=_("The fund's statement by year"),
    description=_(
        "The Voluntary Contribution Fund's statement for each year since its first "
        "contribution, in US dollars: a closed year's figures are those frozen when "
        "it was closed."
    ),
    rows=_statements_by_year,
    columns=[
        Column("year", INTEGER, _("The year."), _attribute("year")),
        Column(
            "opening_balance", NUMBER, _("Balance on 1 January."), _attribute("opening_balance")
        ),
        Column(
            "financial_contributions",
            NUMBER,
            _("Financial contributions received."),
            _attribute("financial_total"),
        ),
        Column(
            "in_kind_contributions",
            NUMBER,
            _("In-kind contributions, at their value."),
            _attribute("in_kind_total"),
        ),
        Column("expenses", NUMBER, _("Expenses."), _attribute("expenses_total")),
        Column("balance", NUMBER, _("Balance on 31 December."), _attribute("balance")),
        Column(
            "minimum",
            NUMBER,
            _("The balance the fund should hold at each year end."),
            _attribute("minimum"),
        ),
        Column(
            "shortfall",
            NUMBER,
            _("How far the balance is below the minimum (0 when it is not)."),
            _attribute("shortfall"),
        ),
        Column(
            "open_pledges_outstanding",
            NUMBER,
            _("Pledged and still to come at the year's end."),
            _attribute("open_pledges_outstanding"),
        ),
        Column(
            "closed",
            BOOLEAN,
            _("Whether the year is closed and its statement frozen."),
            lambda statement: statement.closed is not None,
        ),
    ],
)


# Cooperation -------------------------------------------------------------------


def _activities():
    return (
        statistics.public_activities()
        .prefetch_related(None)
        .defer("objectives", "participants_profile")
        .order_by("pk")
    )


ACTIVITIES = Dataset(
    slug="cooperation-activities",
    title=_("Cooperation activities"),
    description=_(
        "Cooperation between ministries that the Secretariat approved, carried out or closed."
    ),
    rows=_activities,
    columns=[
        Column("reference", STRING, _("The activity's reference."), lambda r: r.reference),
        Column("title", STRING, _("Title."), lambda r: r.title),
        Column(
            "status", STRING, _("approved, carried_out, reported or closed."), lambda r: r.status
        ),
        Column("activity_type", STRING, _("Kind of activity."), lambda r: r.activity_type),
        Column(
            "topic", STRING, _("Its topic, by key."), lambda r: r.topic.slug if r.topic else None
        ),
        Column(
            "requester",
            STRING,
            _("The ministry that asked for cooperation (beneficiary)."),
            lambda r: r.requester.name,
        ),
        Column(
            "requester_state",
            STRING,
            _("The beneficiary's member state, by ISO code."),
            lambda r: _iso(r.requester.member_state),
        ),
        Column(
            "provider",
            STRING,
            _("The ministry that shares its experience."),
            lambda r: r.provider.name,
        ),
        Column(
            "provider_state",
            STRING,
            _("The provider's member state, by ISO code."),
            lambda r: _iso(r.provider.member_state),
        ),
        Column(
            "year",
            INTEGER,
            _("When it took place, else when it was planned to, else when it was asked."),
            lambda r: r.year,
        ),
        Column("proposed_start", DATE, _("Planned first day."), lambda r: r.proposed_start),
        Column("proposed_end", DATE, _("Planned last day."), lambda r: r.proposed_end),
        Column(
            "carried_out_on", DATE, _("Its last day, once carried out."), lambda r: r.carried_out_on
        ),
        Column(
            "amount_approved",
            NUMBER,
            _("What the fund approved for it, in US dollars."),
            lambda r: r.amount_approved,
        ),
        Column("url", STRING, _("Its page."), lambda r: r.get_absolute_url(), address=True),
    ],
)


def _results():
    closed = Request.objects.public().filter(status=RequestStatus.CLOSED)
    return (
        ExpectedResult.objects.filter(request__in=closed)
        .select_related("request")
        .only("result", "indicator", "baseline", "target", "achieved", "request__reference")
        .order_by("request__pk", "position", "pk")
    )


RESULTS = Dataset(
    slug="cooperation-results",
    title=_("Results of cooperation"),
    description=_(
        "What each closed cooperation activity set out to achieve and what it achieved, "
        "published once the activity is closed."
    ),
    rows=_results,
    columns=[
        Column(
            "activity",
            STRING,
            _("The activity's reference (see the cooperation activities dataset)."),
            lambda r: r.request.reference,
        ),
        Column("result", STRING, _("The expected result."), lambda r: r.result),
        Column("indicator", STRING, _("How it is measured."), lambda r: r.indicator),
        Column("baseline", STRING, _("The indicator's value before."), lambda r: r.baseline),
        Column("target", STRING, _("The value aimed at."), lambda r: r.target),
        Column("achieved", STRING, _("The value achieved."), lambda r: r.achieved),
    ],
)


# Member states -----------------------------------------------------------------


def _member_states():
    programs = portfolio_selectors.member_states_figure().counts
    activities = statistics.member_states_figure().counts
    for state in MemberState.objects.with_ministry().order_by("iso_code"):
        ministries = sorted(state.ministries, key=lambda ministry: not ministry.is_active)
        state.ministry = ministries[0].name if ministries else None
        state.program_count = programs.get(state.pk, 0)
        state.activity_count = activities.get(state.pk, 0)
        yield state


MEMBER_STATES = Dataset(
    slug="member-states",
    title=_("Member states"),
    description=_(
        "The OAS member states with their Ministry of Labor and the figures the list of "
        "member states shows."
    ),
    rows=_member_states,
    columns=[
        Column("iso_code", STRING, _("ISO 3166-1 alpha-2 code."), lambda s: s.iso_code),
        Column("name", STRING, _("Name."), lambda s: s.name),
        Column("subregion", STRING, _("Subregion."), lambda s: s.subregion),
        Column("ministry", STRING, _("Its Ministry of Labor."), lambda s: s.ministry),
        Column(
            "programs",
            INTEGER,
            _("Programs of the portfolio its ministries publish and confirmed recently."),
            lambda s: s.program_count,
        ),
        Column(
            "cooperation_activities",
            INTEGER,
            _("Public cooperation activities it provided or received."),
            lambda s: s.activity_count,
        ),
        Column("url", STRING, _("Its page."), lambda s: s.get_absolute_url(), address=True),
    ],
)


DATASETS = [
    PROGRAMS,
    MEETINGS,
    DOCUMENTS,
    FUND_LEDGER,
    FUND_STATEMENT,
    ACTIVITIES,
    RESULTS,
    MEMBER_STATES,
]

BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}


def dataset_by_slug(slug):
    return BY_SLUG.get(slug)
