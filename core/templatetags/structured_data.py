"""schema.org markup for a public page: ``{% structured_data meeting %}`` in
the page's ``head`` block writes the object's ``structured_data(url=…)`` (a
dict, or None for what search engines should not be told about) as JSON-LD;
``{{ data|json_ld }}`` writes a dict a view built. Each app describes its own
objects; these only write them."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# As Django's json_script: nothing in the data can close the script element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    if data is None:
        return ""
    text = json.dumps(data, ensure_ascii=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def structured_data(context, obj):
    url = context["request"].build_absolute_uri(obj.get_absolute_url())
    return json_ld(obj.structured_data(url=url))
