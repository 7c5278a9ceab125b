"""The Program Portfolio's published programs."""

from django.utils.translation import gettext_lazy as _

from portfolio import selectors as portfolio_selectors
from portfolio.models import Program

from .base import DATE, DATETIME, INTEGER, STRING, Column, Dataset, iso, slugs


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
            lambda p: iso(p.owner.member_state),
        ),
        Column(
            "topics",
            STRING,
            _("Its topics, by key, separated by semicolons."),
            lambda p: slugs(p.topics.all()),
        ),
        Column(
            "target_groups",
            STRING,
            _("The groups it serves, by key, separated by semicolons."),
            lambda p: slugs(p.target_groups.all()),
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
