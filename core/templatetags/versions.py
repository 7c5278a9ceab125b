"""The language a translated field is shown in, for ``lang`` attributes."""

from django import template

from core import versions

register = template.Library()


@register.filter
def language_shown(obj, field_name):
    """``{{ program|language_shown:"title" }}`` -> "es" when the reader gets
    the Spanish title."""
    return versions.language_shown(obj, field_name)
