"""``{% fragment "name" part… %}…{% endfragment %}``: a part of a page kept
under the content version (core/visitor_cache.py ``fragment``), for every
reader. What it encloses must depend only on the parts named, the language
and content: never on who reads. A callable in the context (a view's
sections, passed unevaluated) runs only when the fragment is built."""

from django import template
from django.template import Context
from django.utils.safestring import mark_safe

from core import visitor_cache

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, parts, nodelist):
        self.name = name
        self.parts = parts
        self.nodelist = nodelist

    def render(self, context):
        name = self.name.resolve(context)
        parts = tuple(part.resolve(context) for part in self.parts)
        return mark_safe(visitor_cache.fragment(name, parts, lambda: self.nodelist.render(context)))


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist
    )


@register.simple_tag(takes_context=True)
def cards(context, items, template_name, name):
    """``{% cards page "app/_card.html" "activity" %}``: each item rendered by
    the template with the item as ``name``, kept per item and language under
    the content version; a page of them is read in one round trip. A card
    sees its item and nothing else of the page: never the reader."""
    items = {(item.pk,): item for item in items}
    card = context.template.engine.get_template(template_name)

    def render_missing(missing):
        return {
            parts: card.render(Context({name: items[parts]}, autoescape=context.autoescape))
            for parts in missing
        }

    texts = visitor_cache.fragments(template_name, list(items), render_missing)
    return mark_safe("".join(texts[parts] for parts in items))
