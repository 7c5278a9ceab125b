"""The interface's languages as the choices of a model field."""

from django.conf import settings


def interface_languages():
    """settings.LANGUAGES, read when the choices are: migrations keep this
    function rather than the list, so adding a language of the interface needs
    no migration."""
    return settings.LANGUAGES
