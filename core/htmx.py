"""List pages whose filters update the results without a full reload.

Without JavaScript a filter form is a plain GET form and the view answers
with the whole page. With htmx (static/vendor/htmx), the form asks for the
same URL with the ``HX-Request`` header, and the view answers with the
results region only, which htmx swaps in place. ``Vary: HX-Request`` keeps a
cache from giving one answer for the other."""

from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def is_htmx(request):
    """A request from htmx for part of a page. Restoring history (the page
    was not in htmx's cache) asks for the whole page."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def render_results(request, template_name, results_template_name, context):
    """The whole page, or only its results region for htmx."""
    response = render(
        request, results_template_name if is_htmx(request) else template_name, context
    )
    patch_vary_headers(response, ("HX-Request",))
    return response
