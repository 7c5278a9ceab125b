"""Demo books of the Voluntary Contribution Fund.

The totals are the seeds' (report to the Cartagena meeting, April 2015,
CIMT-18/GT1-GT2/doc.7/15): financial contributions since 2011 of US$467,815,
of which $267,815 from 15 countries and $200,000 from Canada; $128,000 in
kind; expenses of $538,832; a balance of $56,983; and the allocations the
meeting approved. ILLUSTRATIVE: how the $267,815 splits among the 15
countries, the in-kind gifts, the expenses and their dates are invented so
that the totals are exactly the reported ones; every record's reference says
"illustrative".
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from network.demo import upsert
from network.models import Institution

from .enums import BudgetLine, ContributionKind, PledgeStatus
from .models import Allocation, Contribution, Expense, Pledge

CARTAGENA = "Meeting of Working Groups 1 and 2 of the XVIII IACML, Cartagena, Colombia"
CARTAGENA_DAY = datetime.date(2015, 4, 29)

# (reference, ISO code, received on, amount, currency, USD value)
FINANCIAL = [
    ("DEMO-F-01", "CA", "2011-06-30", "100000.00", "USD", "100000.00"),
    ("DEMO-F-02", "CA", "2013-03-15", "100000.00", "USD", "100000.00"),
    ("DEMO-F-03", "US", "2011-09-20", "60000.00", "USD", "60000.00"),
    ("DEMO-F-04", "MX", "2012-02-10", "40000.00", "USD", "40000.00"),
    ("DEMO-F-05", "BR", "2012-05-04", "60000.00", "BRL", "30000.00"),
    ("DEMO-F-06", "AR", "2012-08-21", "25000.00", "USD", "25000.00"),
    ("DEMO-F-07", "CO", "2013-06-12", "20000.00", "USD", "20000.00"),
    ("DEMO-F-08", "CL", "2013-09-30", "15000.00", "USD", "15000.00"),
    ("DEMO-F-09", "PE", "2013-11-18", "12000.00", "USD", "12000.00"),
    ("DEMO-F-10", "PA", "2014-02-25", "10000.00", "USD", "10000.00"),
    ("DEMO-F-11", "UY", "2014-04-08", "10000.00", "USD", "10000.00"),
    ("DEMO-F-12", "CR", "2014-06-16", "8000.00", "USD", "8000.00"),
    ("DEMO-F-13", "DO", "2014-08-29", "8000.00", "USD", "8000.00"),
    ("DEMO-F-14", "EC", "2014-10-14", "8000.00", "USD", "8000.00"),
    ("DEMO-F-15", "SV", "2014-12-03", "7000.00", "USD", "7000.00"),
    ("DEMO-F-16", "TT", "2015-01-22", "7000.00", "USD", "7000.00"),
    ("DEMO-F-17", "GT", "2015-03-05", "7815.00", "USD", "7815.00"),
]

# (reference, ISO code, received on, USD value, description, valuation)
IN_KIND = [
    (
        "DEMO-K-01",
        "BR",
        "2012-10-15",
        "20000.00",
        "Technical visit hosted for three ministries (venue, experts, local transport)",
        "Experts' time at the ministry's daily rates, and venue costs",
    ),
    (
        "DEMO-K-02",
        "MX",
        "2013-07-08",
        "28000.00",
        "Hemispheric workshop hosted in Mexico City",
        "Venue, interpretation and logistics at invoiced cost",
    ),
    (
        "DEMO-K-03",
        "AR",
        "2014-09-22",
        "30000.00",
        "Experts seconded for two technical cooperation missions",
        "Salaries and travel of the experts for the days seconded",
    ),
    (
        "DEMO-K-04",
        "CO",
        "2015-04-29",
        "50000.00",
        "Meeting of Working Groups 1 and 2 and 1st Preparatory Meeting, Cartagena",
        "Venue, interpretation and delegates' logistics at invoiced cost",
    ),
]

# (reference, spent on, amount, budget line, what it paid for)
EXPENSES = [
    ("DEMO-E-01", "2011-10-31", "40000.00", BudgetLine.STAFF, "RIAL program officer, 2011"),
    ("DEMO-E-02", "2011-12-15", "15000.00", BudgetLine.PLATFORM, "RIAL virtual platform"),
    ("DEMO-E-03", "2012-11-30", "70000.00", BudgetLine.COOPERATION_ACTIVITIES, "Call 2012"),
    ("DEMO-E-04", "2012-12-14", "40000.00", BudgetLine.STAFF, "RIAL program officer, 2012"),
    ("DEMO-E-05", "2012-10-15", "20000.00", BudgetLine.MEETINGS, "Technical visit, Brasília"),
    ("DEMO-E-06", "2013-07-08", "28000.00", BudgetLine.MEETINGS, "Workshop, Mexico City"),
    ("DEMO-E-07", "2013-11-29", "70000.00", BudgetLine.COOPERATION_ACTIVITIES, "Call 2013"),
    ("DEMO-E-08", "2013-12-13", "40000.00", BudgetLine.STAFF, "RIAL program officer, 2013"),
    ("DEMO-E-09", "2014-05-30", "6000.00", BudgetLine.PLATFORM, "Platform maintenance"),
    ("DEMO-E-10", "2014-09-22", "30000.00", BudgetLine.MEETINGS, "Missions of Argentine experts"),
    ("DEMO-E-11", "2014-11-28", "80000.00", BudgetLine.COOPERATION_ACTIVITIES, "Call 2014"),
    ("DEMO-E-12", "2014-12-12", "40000.00", BudgetLine.STAFF, "RIAL program officer, 2014"),
    ("DEMO-E-13", "2014-12-19", "9832.00", BudgetLine.PUBLICATIONS, "RIAL results report"),
    ("DEMO-E-14", "2015-04-29", "50000.00", BudgetLine.MEETINGS, "Cartagena meeting"),
]

# (reference, purpose in English and in Spanish, budget line, ceiling) — approved
# in Cartagena (seed 003).
ALLOCATIONS = [
    (
        "DEMO-A-01",
        "Redesign of the RIAL virtual platform",
        "Rediseño de la plataforma virtual de la RIAL",
        BudgetLine.PLATFORM,
        "20000.00",
    ),
    (
        "DEMO-A-02",
        "Commemorative publication for the RIAL's 10th anniversary",
        "Publicación conmemorativa del 10.º aniversario de la RIAL",
        BudgetLine.PUBLICATIONS,
        "5000.00",
    ),
    (
        "DEMO-A-03",
        "Human resources to support the RIAL team during the OAS transition",
        "Recursos humanos de apoyo al equipo de la RIAL durante la transición en la OEA",
        BudgetLine.STAFF,
        "10000.00",
    ),
]


def _reference(code):
    return f"{code} (illustrative)"


@transaction.atomic
def load():
    ministries = {
        ministry.member_state.iso_code: ministry
        for ministry in Institution.objects.ministries().active().select_related("member_state")
    }
    for code, iso, received, amount, currency, usd in FINANCIAL:
        upsert(
            Contribution,
            {"reference": _reference(code)},
            {
                "institution": ministries[iso],
                "kind": ContributionKind.FINANCIAL,
                "received_on": datetime.date.fromisoformat(received),
                "amount": Decimal(amount),
                "currency": currency,
                "amount_usd": Decimal(usd),
            },
        )
    for code, iso, received, usd, description, valuation in IN_KIND:
        upsert(
            Contribution,
            {"reference": _reference(code)},
            {
                "institution": ministries[iso],
                "kind": ContributionKind.IN_KIND,
                "received_on": datetime.date.fromisoformat(received),
                "amount": Decimal(usd),
                "currency": "USD",
                "amount_usd": Decimal(usd),
                "description": description,
                "valuation": valuation,
            },
        )
    for code, spent, amount, line, description in EXPENSES:
        upsert(
            Expense,
            {"reference": _reference(code)},
            {
                "spent_on": datetime.date.fromisoformat(spent),
                "amount": Decimal(amount),
                "budget_line": line,
                "description": description,
            },
        )
    for code, purpose_en, purpose_es, line, ceiling in ALLOCATIONS:
        upsert(
            Allocation,
            {"reference": _reference(code)},
            {
                "purpose_en": purpose_en,
                "purpose_es": purpose_es,
                "budget_line": line,
                "ceiling": Decimal(ceiling),
                "decided_on": CARTAGENA_DAY,
                "decided_at": CARTAGENA,
            },
        )
    # "Mexico committed to contributing" (seed 003); the amount is illustrative.
    upsert(
        Pledge,
        {"reference": _reference("DEMO-P-01")},
        {
            "institution": ministries["MX"],
            "amount": Decimal("40000.00"),
            "currency": "USD",
            "amount_usd": Decimal("40000.00"),
            "year_from": 2015,
            "year_to": 2015,
            "announced_on": CARTAGENA_DAY,
            "announced_at": CARTAGENA,
            "status": PledgeStatus.OPEN,
        },
    )
    # ILLUSTRATIVE: a pledge for the year the demo is first loaded, still to
    # be received, so that the books show an open pledge beside the lapsed
    # one and the admin's front page its year-end deadline.
    today = timezone.localdate()
    upsert(
        Pledge,
        {"reference": _reference("DEMO-P-02")},
        {
            "institution": ministries["CA"],
            "amount": Decimal("25000.00"),
            "currency": "USD",
            "amount_usd": Decimal("25000.00"),
            "announced_at": "Planning meeting of the IACML (illustrative)",
        },
        create_only={
            "year_from": today.year,
            "year_to": today.year,
            "announced_on": today,
            "status": PledgeStatus.OPEN,
        },
    )
