"""Sections that other apps add to the directory's pages (a member state's
programs, meetings, cooperation…), so that the directory never imports them.

An app registers, in its AppConfig.ready(), a function taking the object and
returning ``(template_name, context)``, or None to show nothing."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

MEMBER_STATE = "member_state"
TOPIC = "topic"
# A program's page (the portfolio's): the function takes the program and the
# reader (``user=``), so that what it offers depends on who reads.
PROGRAM = "program"
# The home page: the function takes the reader (a user, maybe anonymous).
HOME = "home"
# A signed-in person's dashboard: the function takes the user.
DASHBOARD = "dashboard"
# What an app holds about a person, for their data export: the function takes
# the user and returns (key, JSON-ready value).
PERSONAL_DATA = "personal_data"

# A figure per member state for the list of member states (its published
# programs…): the function takes None and returns a StateFigure.
MEMBER_STATE_FIGURES = "member_state_figures"
# Dates that matter to a signed-in person (a report due, a call closing…),
# gathered into one list on their dashboard: the function takes the user and
# returns [Deadline, …].
DEADLINES = "deadlines"
# Moments at which a public page reads differently by the clock alone (a
# call for proposals opens, a meeting's registration closes): the function
# takes the current time and returns the next such moment after it (or
# None), so
# that the visitors' cache never serves a page past them.
CLOCK = "clock"

_registry = {
    HOME: [],
    MEMBER_STATE: [],
    TOPIC: [],
    PROGRAM: [],
    DASHBOARD: [],
    PERSONAL_DATA: [],
    MEMBER_STATE_FIGURES: [],
    DEADLINES: [],
    CLOCK: [],
}


@dataclass(frozen=True)
class StateFigure:
    """A count per member state: ``counts`` by the state's primary key,
    ``label(count)`` says it in words, ``url(state)`` lists what was counted."""

    counts: dict
    label: Callable[[int], str]
    url: Callable[[object], str]


@dataclass(frozen=True)
class Deadline:
    """A date by which something is due, and the page where it is done."""

    due: datetime.date
    title: str
    what: str
    url: str


def register(page, section, *, first=False):
    """Add ``section`` to ``page``, after those already there, or before them
    with ``first`` (the apps register in INSTALLED_APPS order)."""
    if section not in _registry[page]:
        _registry[page].insert(0 if first else len(_registry[page]), section)


def render_sections(page, obj, **reader):
    """[(template_name, context), …] for ``obj``'s page, in registration order."""
    return collect(page, obj, **reader)


def collect(page, obj, **reader):
    """The raw results of ``page``'s functions for ``obj`` (None left out)."""
    results = (section(obj, **reader) for section in _registry[page])
    return [result for result in results if result is not None]
