"""Posts are written in Markdown and shown as sanitized HTML.

markdown-it leaves raw HTML out (``html=False``: a ``<script>`` in a post
becomes text), and nh3 then keeps only the tags and attributes below, so
that a rule added to the Markdown renderer later cannot let markup through."""

import nh3
from markdown_it import MarkdownIt

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}


def _demote_headings(html):
    # A post's headings sit under the page's h1 and the thread's h2.
    for level in (2, 1):
        html = html.replace(f"<h{level}>", "<h3>").replace(f"</h{level}>", "</h3>")
    return html


def render_markdown(text):
    """The post's Markdown as HTML that is safe to show as it is."""
    html = _demote_headings(_markdown.render(text))
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer",
    )
