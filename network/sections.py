"""Sections that other apps add to the directory's pages (a member state's
programs, meetings, cooperation…), so that the directory never imports them.

An app registers, in its AppConfig.ready(), a function taking the object and
returning ``(template_name, context)``, or None to show nothing."""

MEMBER_STATE = "member_state"
TOPIC = "topic"
# A signed-in person's dashboard: the function takes the user.
DASHBOARD = "dashboard"
# What an app holds about a person, for their data export: the function takes
# the user and returns (key, JSON-ready value).
PERSONAL_DATA = "personal_data"

_registry = {MEMBER_STATE: [], TOPIC: [], DASHBOARD: [], PERSONAL_DATA: []}


def register(page, section):
    if section not in _registry[page]:
        _registry[page].append(section)


def render_sections(page, obj):
    """[(template_name, context), …] for ``obj``'s page, in registration order."""
    return collect(page, obj)


def collect(page, obj):
    """The raw results of ``page``'s functions for ``obj`` (None left out)."""
    results = (section(obj) for section in _registry[page])
    return [result for result in results if result is not None]
