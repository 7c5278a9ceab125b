"""Sections that other apps add to the directory's pages (a member state's
programs, meetings, cooperation…), so that the directory never imports them.

An app registers, in its AppConfig.ready(), a function taking the object and
returning ``(template_name, context)``, or None to show nothing."""

MEMBER_STATE = "member_state"
TOPIC = "topic"

_registry = {MEMBER_STATE: [], TOPIC: []}


def register(page, section):
    if section not in _registry[page]:
        _registry[page].append(section)


def render_sections(page, obj):
    """[(template_name, context), …] for ``obj``'s page, in registration order."""
    rendered = (section(obj) for section in _registry[page])
    return [section for section in rendered if section is not None]
