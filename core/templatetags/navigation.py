"""Where the reader is in the portal, for the top navigation."""

from django import template

register = template.Library()


@register.filter
def in_section(path, section_url):
    """True on ``section_url`` and on every page under it (``/programs/``
    covers ``/programs/some-slug/``)."""
    return bool(section_url) and str(path).startswith(str(section_url))
